"""Handing over to staff: what the helpdesk is told, the callback form, the outbox."""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from rasa_sdk import Tracker

from actions import handover as handover_actions
from actions.callback import ActionSubmitCallback, ValidateCallbackForm, uk_phone
from actions.conversation import ActionClarifyTopic
from actions.handover import ActionHumanHandoff
from bot import handover
from bot.outbox import HelpdeskClient, Outbox
from tests.unit.conftest import make_tracker, payloads, texts

MONDAY_NOON = "2026-11-23T12:00:00+00:00"
MONDAY_NIGHT = "2026-11-23T22:00:00+00:00"


def said(text: str, intent: str = "") -> dict:
    return {"event": "user", "text": text, "parse_data": {"intent": {"name": intent}}}


def tracker_with(events: list[dict], slots: dict) -> Tracker:
    tracker = make_tracker(events[-1]["text"] if events else "", slots=slots)
    tracker.events = events
    return tracker


# What the helpdesk is told

def test_danger_comes_first_in_the_queue():
    risk = handover.assess({"immediate_danger": True, "topic": "stalking"}, ["he is outside"])
    assert risk.level == 3 and "999" in risk.reasons[0]


@pytest.mark.parametrize("slots, texts_, reason", [
    ({"topic": "stalking"}, ["my ex keeps tracking my phone"], "someone they know"),
    ({"topic": "child_safety"}, ["a man is messaging my son"], "child"),
    ({"topic": "bullying", "audience": "child"}, ["kids at school post about her"], "child"),
    ({"topic": "fraud"}, ["I'm 84 and live on my own, I transferred £4,000 to a safe account"], "lost money"),
])
def test_the_situations_the_commissioners_named_are_high_risk(slots, texts_, reason):
    risk = handover.assess(slots, texts_)
    assert risk.level == 2
    assert any(reason in text for text in risk.reasons)


@pytest.mark.parametrize("slots, texts_", [
    ({"topic": "fraud"}, ["I got a dodgy text about a parcel"]),
    ({"topic": "fraud"}, ["I lost £40 on a fake website"]),  # money, but nothing says vulnerable
    ({"topic": "hacking"}, ["my facebook was hacked"]),
    ({"topic": "stalking"}, ["a stranger keeps commenting on my posts"]),
])
def test_everyday_requests_are_standard(slots, texts_):
    assert handover.assess(slots, texts_).level == 1


def test_the_summary_keeps_what_they_said_but_no_secret():
    events = [
        said("someone from my bank rang"),
        said("/fraud"),
        said("I gave them my card 4539 1488 0343 6467 and password is Hunter2!"),
    ]
    case = handover.case("c1", {"topic": "fraud"}, events)
    assert "someone from my bank rang" in case["summary"]
    assert "/fraud" not in case["summary"]
    assert "4539" not in case["summary"] and "Hunter2" not in case["summary"]
    assert "[card number removed]" in case["summary"]


def test_a_long_post_is_cut_for_the_summary():
    case = handover.case("c1", {}, [said("word " * 500)])
    assert len(case["summary"]) <= handover.SUMMARY_MESSAGE_CHARS


def test_the_advice_already_given_is_listed_with_its_topic():
    events = [
        {"event": "slot", "name": "topic", "value": "fraud"},
        {"event": "action", "name": "action_advice_now"},
        {"event": "action", "name": "action_advice_report"},
        {"event": "action", "name": "action_advice_now"},
    ]
    assert handover.advice_given(events) == ["What to do now (fraud)", "How to report (fraud)"]


# Offering a person

def test_a_person_is_offered_after_two_misunderstood_messages(dispatcher):
    events = [said("blah", "nlu_fallback"), said("hmm", "nlu_fallback")]
    ActionClarifyTopic().run(dispatcher, tracker_with(events, {}), {})
    assert payloads(dispatcher)[-1] == "/human_handoff"


def test_one_misunderstood_message_only_asks_again(dispatcher):
    events = [said("my laptop is slow", "hacking"), said("hmm", "nlu_fallback")]
    ActionClarifyTopic().run(dispatcher, tracker_with(events, {}), {})
    assert "/human_handoff" not in payloads(dispatcher)


# Out of hours

def test_out_of_hours_says_so_gives_24_7_services_and_offers_a_callback(dispatcher, monkeypatch):
    monkeypatch.setenv("ASSISTANT_NOW", MONDAY_NIGHT)
    ActionHumanHandoff().run(dispatcher, make_tracker("human please", "human_handoff"), {})
    words = " ".join(texts(dispatcher))
    assert "closed" in words and "Monday to Friday" in words
    for service in ("Victim Support", "Samaritans", "National Domestic Abuse Helpline", "999"):
        assert service in words
    assert payloads(dispatcher) == ["/request_callback", "/thank"]


@pytest.mark.parametrize("typed, kept", [
    ("07700 900123", "07700900123"),
    ("+44 7700 900123", "07700900123"),
    ("(0161) 496 0000", "01614960000"),
    ("0044 20 7946 0000", "02079460000"),
])
def test_uk_phone_numbers_are_accepted_in_any_usual_format(typed, kept):
    assert uk_phone(typed) == kept


@pytest.mark.parametrize("typed, answer", [
    ("+1 212 555 0100", "doesn't look like a UK phone number"),
    ("12345678", "doesn't look like a UK phone number"),
    ("jo@example", "complete email address"),
    ("jo at home", "UK phone number or an email address"),
])
def test_a_contact_that_is_not_a_uk_phone_or_an_email_is_asked_again_kindly(typed, answer, dispatcher):
    result = ValidateCallbackForm().validate_callback_contact(typed, dispatcher, make_tracker(), {})
    assert result == {"callback_contact": None}
    assert answer in texts(dispatcher)[0] and texts(dispatcher)[0].startswith("Sorry")


def test_an_email_is_accepted(dispatcher):
    result = ValidateCallbackForm().validate_callback_contact("jo@example.org", dispatcher, make_tracker(), {})
    assert result == {"callback_contact": "jo@example.org"}


@pytest.mark.parametrize("typed, kept", [("Leave this out", ""), ("Jo", "Jo"), ("skip", "")])
def test_name_and_safe_word_may_be_left_out(typed, kept, dispatcher):
    form = ValidateCallbackForm()
    assert form.validate_callback_name(typed, dispatcher, make_tracker(), {}) == {"callback_name": kept}
    assert form.validate_callback_safe_word(typed, dispatcher, make_tracker(), {}) == {"callback_safe_word": kept}


@pytest.mark.parametrize("typed, kept", [
    ("Yes, a message is safe", "yes"), ("No, don't leave a message", "no"), ("nope", "no"),
    ("maybe", None),
])
def test_whether_a_message_is_safe_needs_a_clear_answer(typed, kept, dispatcher):
    result = ValidateCallbackForm().validate_callback_message_ok(typed, dispatcher, make_tracker(), {})
    assert result == {"callback_message_ok": kept}


# The outbox

class FakeHelpdesk(BaseHTTPRequestHandler):
    """A stand-in for the helpdesk's case API on a real port: it records each case."""

    received: list = []

    def do_POST(self):  # noqa: N802 (the http.server naming)
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        FakeHelpdesk.received.append((self.headers["Authorization"], body))
        answer = json.dumps({"case": len(FakeHelpdesk.received), "waiting": 1, "open": True}).encode()
        self.send_response(201)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args):
        pass


def test_a_handover_the_helpdesk_cannot_take_is_kept_and_sent_when_it_is_back(tmp_path, free_port):
    FakeHelpdesk.received = []
    box = Outbox(f"sqlite:///{tmp_path / 'bot.db'}", HelpdeskClient(f"http://127.0.0.1:{free_port}", "tok"))
    assert box.send({"conversation_id": "c1", "kind": "handover"}) is None
    assert len(box.pending()) == 1

    server = HTTPServer(("127.0.0.1", free_port), FakeHelpdesk)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        assert box.retry() == 1
        assert box.retry() == 0
    finally:
        server.shutdown()
        server.server_close()
    assert box.pending() == []
    (token, case), = FakeHelpdesk.received
    assert token == "Bearer tok" and case["conversation_id"] == "c1" and case["handover_id"]


def test_in_hours_with_the_helpdesk_down_the_person_gets_the_phone_routes(
    dispatcher, monkeypatch, tmp_path, free_port
):
    monkeypatch.setenv("ASSISTANT_NOW", MONDAY_NOON)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'bot.db'}")
    monkeypatch.setenv("HELPDESK_URL", f"http://127.0.0.1:{free_port}")
    handover_actions.outbox.cache_clear()
    try:
        ActionHumanHandoff().run(dispatcher, make_tracker("human please", "human_handoff"), {})
        assert handover_actions.outbox().pending()
    finally:
        handover_actions.outbox.cache_clear()
    words = " ".join(texts(dispatcher))
    assert "saved" in words and "101" in words and "08 08 16 89 111" in words and "999" in words


def test_a_callback_request_is_sent_then_cleared_from_the_conversation(
    dispatcher, monkeypatch, tmp_path, free_port
):
    FakeHelpdesk.received = []
    server = HTTPServer(("127.0.0.1", free_port), FakeHelpdesk)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'bot.db'}")
    monkeypatch.setenv("HELPDESK_URL", f"http://127.0.0.1:{free_port}")
    handover_actions.outbox.cache_clear()
    slots = {"topic": "stalking", "callback_name": "", "callback_contact": "07700900123",
             "callback_safe_time": "weekdays 10 to 2", "callback_message_ok": "no", "callback_safe_word": ""}
    try:
        events = ActionSubmitCallback().run(dispatcher, make_tracker("", slots=slots), {})
    finally:
        handover_actions.outbox.cache_clear()
        server.shutdown()
        server.server_close()
    (_, case), = FakeHelpdesk.received
    assert case["kind"] == "callback"
    assert case["contact"] == {"name": "", "contact": "07700900123", "safe_time": "weekdays 10 to 2",
                               "message_ok": "no", "safe_word": ""}
    assert all(event["value"] is None for event in events)
    assert "only in the way and at the time you gave" in texts(dispatcher)[0]


def test_answers_to_the_callback_form_stay_out_of_the_summary():
    events = [
        said("my ex put a tracker on my car"),
        {"event": "active_loop", "name": "callback_form"},
        said("07700 900123"),
        said("weekdays after 10"),
        {"event": "active_loop", "name": None},
    ]
    assert handover.case("c1", {}, events)["summary"] == "my ex put a tracker on my car"
