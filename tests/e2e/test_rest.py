"""Conversations with the real servers over the REST channel and the HTTP API."""
from __future__ import annotations

from pathlib import Path

import pytest
import requests
import yaml

from tests.e2e.conftest import Resident, texts

STORIES = Path(__file__).resolve().parents[1] / "stories"


def test_bank_safe_account_gets_fraud_advice_and_the_topic_is_recorded(resident):
    replies = texts(resident.say("someone rang from my bank and I moved money to a safe account"))
    assert "not your fault" in replies[0]
    assert any("159" in reply for reply in replies)
    assert resident.tracker()["slots"]["topic"] == "fraud"


def test_danger_gets_999_in_the_first_reply(resident):
    replies = texts(resident.say("my ex is outside my house and he said he'll kill me"))
    assert replies[0].startswith("If you or someone else is in danger now, call 999")
    assert any("18000" in reply for reply in replies)
    slots = resident.tracker()["slots"]
    assert slots["immediate_danger"] is True
    assert slots["topic"] == "stalking"


def test_danger_mid_conversation_wins_then_the_advice_goes_on(resident):
    resident.say("I think I've been scammed by a fake HMRC caller")
    replies = texts(resident.say("hes still on the phone telling me to send the money now"))
    assert "call 999" in replies[0]
    after = texts(resident.say("/ask_advice"))
    assert "not your fault" in after[0]


def test_self_harm_gets_999_and_samaritans(resident):
    replies = texts(resident.say("I lost all my savings to the scam and I want to end my life"))
    assert "999" in replies[0]
    assert any("116 123" in reply for reply in replies)


def test_asking_how_to_report_after_advice(resident):
    resident.say("my instagram got hacked and they changed the password")
    replies = " ".join(texts(resident.say("how do I report it")))
    assert "Report Fraud" in replies and "0300 123 2040" in replies


def test_parent_gets_advice_for_a_child(resident):
    resident.say("my son is being bullied in a group chat")
    slots = resident.tracker()["slots"]
    assert (slots["topic"], slots["audience"]) == ("bullying", "child")


def test_unsure_asks_one_question_with_buttons_then_continues(resident):
    replies = resident.say("🤷")
    assert [button["payload"] for button in replies[-1]["buttons"]][0] == "/fraud"
    advice = texts(resident.say("/stalking"))
    assert "not your fault" in " ".join(advice)


@pytest.mark.parametrize(
    "message,expected",
    [
        ("", "Which of these is closest"),
        ("😭😭😭", "Which of these is closest"),
        ("<script>alert('x')</script><b>hi</b>", ""),
        ("Zostałem oszukany przez internet i straciłem pieniądze", "only understand English"),
        ("my password is Sunflower22!", "don't type passwords"),
        ("I got scammed. " * 350, "not your fault"),
    ],
)
def test_awkward_input_gets_a_clear_reply_and_the_conversation_goes_on(resident, message, expected):
    replies = texts(resident.say(message))
    assert replies and expected in " ".join(replies)
    assert "<script>" not in " ".join(replies)
    assert "not your fault" in " ".join(texts(resident.say("my facebook was hacked")))


@pytest.mark.parametrize(
    "body",
    ['{"sender": "x", "message": ', "[1, 2]", '{"sender": "x"}', '{"sender": "x", "message": 5}', "hello"],
)
def test_unusable_requests_get_a_400_with_a_reason(stack, body):
    reply = requests.post(f"{stack.url}/webhooks/rest/webhook", data=body, timeout=30)
    assert reply.status_code == 400
    assert reply.json()["error"]


def test_the_http_api_needs_the_token(stack, resident):
    resident.say("hello")
    reply = requests.get(f"{stack.url}/conversations/{resident.sender}/tracker", timeout=30)
    assert reply.status_code == 401


def story_turns():
    for path in sorted(STORIES.glob("test_*.yml")):
        for story in yaml.safe_load(path.read_text(encoding="utf-8"))["stories"]:
            for step in story["steps"]:
                if "user" in step and not step["user"].startswith("/"):
                    yield step["user"].strip(), step["intent"]


@pytest.mark.parametrize("text,intent", list(story_turns()))
def test_conversation_test_messages_are_understood_as_written(stack, text, intent):
    # `rasa test core` checks the actions; this checks the understanding.
    reply = requests.post(
        f"{stack.url}/model/parse", params={"token": stack.token}, json={"text": text}, timeout=30
    )
    assert reply.json()["intent"]["name"] == intent


def test_restarting_the_server_loses_no_conversation(stack):
    resident = Resident(stack, "restart-check")
    resident.say("someone hacked my email and is sending spam to my contacts")
    before = resident.tracker()
    stack.stop("rasa")
    stack.start_rasa()
    after = resident.tracker()
    assert after["slots"]["topic"] == "hacking"
    assert len(after["events"]) == len(before["events"])
    assert "not your fault" in " ".join(texts(resident.say("/ask_advice")))
