"""Help to report, safety plans and the directory, through the real servers over REST;
and the key conversations under every force profile."""
from __future__ import annotations

import time

import pytest
import requests
import yaml

from bot.content import Content, profiles
from measure.stack import ROOT as PROJECT
from tests.e2e.conftest import OPEN_HOURS, Resident, texts

# Every button answer of every form, with the intents that would be taken as a
# question or request instead of an answer (domain.yml's `not_intent`).
NOT_ANSWERS = {"immediate_danger", "share_sensitive", "ask_advice", "ask_report", "ask_support",
               "find_service", "bot_challenge", "human_handoff", "restart"}


def documents(replies: list[dict]) -> list[str]:
    """The summaries and plans in a reply: over REST, the text and then its `document` marker."""
    return [previous["text"] for previous, reply in zip(replies, replies[1:])
            if (reply.get("custom") or {}).get("document") and "text" in previous]


def test_a_document_comes_whole_over_rest(resident):
    replies = resident.say("/safety_plan{\"plan_kind\": \"business\"}")
    (plan,) = documents(replies)
    assert plan.startswith("Your business: first steps") and "To prevent it:" in plan


def slots(resident: Resident) -> dict:
    return resident.tracker()["slots"]


def form_buttons() -> set[str]:
    domain = yaml.safe_load((PROJECT / "domain.yml").read_text())
    return {
        button["payload"]
        for name, variants in domain["responses"].items() if name.startswith("utter_ask_")
        for variant in variants for button in variant.get("buttons", [])
    }


def test_no_form_button_is_mistaken_for_a_question_or_danger(stack):
    for text in sorted(form_buttons()):
        parsed = requests.post(f"{stack.url}/model/parse", params={"token": stack.token},
                               json={"text": text}, timeout=30).json()
        assert parsed["intent"]["name"] not in NOT_ANSWERS, (text, parsed["intent"])


def test_a_scam_report_from_start_to_summary(resident):
    resident.say("someone rang from my bank and I moved money to a safe account")
    intro = texts(resident.say("/start_report"))
    assert any("leave out any question" in text for text in intro)
    assert "what happened" in intro[-1].lower()
    for answer in ("a man said he was from my bank's fraud team", "In the last 24 hours", "Phone call",
                   "Bank transfer", "about £2,400", "Leave this out", "No"):
        resident.say(answer)
    replies = resident.say("England")
    (summary,) = documents(replies)
    assert "What happened: a man said he was from my bank's fraud team" in summary
    assert "How much: about £2,400" in summary and "About the other person" not in summary
    assert summary.index("159") < summary.index("Report Fraud") and "£85,000" in summary
    assert "101" in summary  # in the last 24 hours: local police too
    assert "Send it to the helpdesk" in [b["title"] for r in replies for b in r.get("buttons", [])]


def test_no_money_left_skips_how_much(resident):
    resident.say("/start_report{\"report_kind\": \"fraud\"}")
    for answer in ("a fake parcel text", "Before that", "Text or WhatsApp"):
        resident.say(answer)
    next_question = texts(resident.say("No money left"))
    assert "What do you know about them" in next_question[-1]


def test_a_question_mid_report_is_answered_and_the_report_goes_on(resident):
    resident.say("/start_report{\"report_kind\": \"fraud\"}")
    resident.say("a fake parcel text")
    aside = texts(resident.say("how do I report this"))
    assert any("reportfraud.police.uk" in text for text in aside)
    assert aside[-1] == "When did it happen?"
    assert slots(resident)["report_what"] == "a fake parcel text"


def test_danger_mid_report_gives_999_first_and_the_answers_wait(resident):
    resident.say("/start_report{\"report_kind\": \"abuse\"}")
    resident.say("my ex keeps messaging me from new accounts")
    danger = texts(resident.say("he's outside my house right now banging on the door"))
    assert danger[0].startswith("If you or someone else is in danger now, call 999")
    assert slots(resident)["report_what"] == "my ex keeps messaging me from new accounts"
    back = texts(resident.say("/start_report"))
    assert back[-1] == "When did it start?"


def test_a_card_number_in_a_report_is_not_kept(resident, stack):
    resident.say("/start_report{\"report_kind\": \"fraud\"}")
    reminder = texts(resident.say("they took my card 4111 1111 1111 1111"))
    assert any("card" in text.lower() and "don't" in text.lower() for text in reminder)
    assert "4111" not in str(slots(resident))


def test_a_stalking_plan_says_what_not_to_do_yet(resident):
    resident.say("/safety_plan{\"plan_kind\": \"stalking\"}")
    for answer in ("Yes", "Yes", "Not sure", "Yes", "No"):
        resident.say(answer)
    replies = resident.say("Yes")
    (plan,) = documents(replies)
    assert "Removing stalkerware can alert the person" in plan and "Location sharing" in plan
    assert any("0808 802 0300" in text for text in texts(replies))


def test_the_plan_goes_to_the_helpdesk_with_the_handover(resident, staff):
    resident.say("our office computers are locked and there's a ransom note")
    resident.say("/safety_plan{\"plan_kind\": \"business\"}")
    sent = texts(resident.say("/human_handoff"))
    assert any("won't have to tell it all again" in text for text in sent)
    staff.log_in()
    case = staff.get(f"/staff/cases/{staff.case_with('ransom note')}").text
    assert "What they prepared with the assistant" in case and "Don&#39;t pay a ransom" in case


def test_who_can_help_says_what_is_open_now(resident):
    replies = texts(resident.say("who can help me with revenge porn"))
    assert replies[0].startswith("These services can help with intimate images")
    # Monday at noon: the helpline is open.
    assert any(text.startswith("The Revenge Porn Helpline") and "Open now, until 4pm" in text for text in replies)


class PacedResident(Resident):
    """A resident who types at a person's pace, inside the chat's rate limit."""

    def say(self, text: str) -> list[dict]:
        time.sleep(1)
        return super().say(text)


KEY_CONVERSATION = ("hello", "someone rang from my bank and I moved money to a safe account", "/ask_report",
                    "/start_report")


@pytest.mark.parametrize("profile", profiles(PROJECT / "content"))
def test_the_key_conversations_under_every_force_profile(stack, profile, request):
    content = Content.load(PROJECT / "content", profile=profile)
    stack.stop("actions")
    stack.start_actions(ASSISTANT_NOW=OPEN_HOURS, FORCE_PROFILE=profile)
    try:
        resident = PacedResident(stack, f"profile-{profile}")
        greeting, fraud, report, start = (texts(resident.say(text)) for text in KEY_CONVERSATION)
        assert content.force["name"] in greeting[0]
        assert any("159" in text for text in fraud)
        assert any("reportfraud.police.uk" in text for text in report)
        # A force's own site does not ask where the person lives; the neutral one does.
        asked_country = False
        for answer in ("a fake parcel text", "Before that", "Text or WhatsApp", "Card", "£40", "Leave this out"):
            resident.say(answer)
        last = resident.say("No")
        if not documents(last):
            asked_country = True
            last = resident.say("Scotland")
        assert asked_country == ("country" not in content.force)
        (summary,) = documents(last)
        assert content.force["name"] in summary
        helpers = texts(Resident(stack, f"profile-{profile}-help").say("who can help my business with a cyber attack"))
        local = [s["name"] for s in content.force.get("services", []) if "business" in s["helps_with"]]
        assert all(any(name in text for text in helpers) for name in local[:1])
    finally:
        stack.stop("actions")
        stack.start_actions(ASSISTANT_NOW=OPEN_HOURS)
