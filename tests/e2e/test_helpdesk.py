"""The helpdesk over real HTTP: the case API, handover, live chat, callbacks, the outbox."""
from __future__ import annotations

import time

import pytest
import requests

from tests.e2e.conftest import CLOSED_HOURS, OPEN_HOURS, Resident, Staff, texts

pytestmark = pytest.mark.e2e


def api(stack, payload, token=None):
    return requests.post(
        f"{stack.helpdesk_url}/api/cases", json=payload, timeout=10,
        headers={"Authorization": f"Bearer {token or stack.helpdesk_token}"},
    )


def a_case(**fields):
    return {"handover_id": fields.pop("handover_id", "h-1"), "conversation_id": "c-1",
            "kind": "handover", "risk": 1, "summary": "my account was hacked", **fields}


# The case API

def test_the_case_api_needs_the_service_token(stack):
    assert api(stack, a_case(), token="wrong").status_code == 401
    no_header = requests.post(f"{stack.helpdesk_url}/api/cases", json=a_case(), timeout=10)
    assert no_header.status_code == 401


@pytest.mark.parametrize("body", [
    "not json", "[1, 2]", '{"kind": "handover"}', '{"handover_id": "x", "conversation_id": "c", "kind": "party"}',
])
def test_the_case_api_answers_bad_input_with_a_clear_400(stack, body):
    reply = requests.post(
        f"{stack.helpdesk_url}/api/cases", data=body, timeout=10,
        headers={"Authorization": f"Bearer {stack.helpdesk_token}", "Content-Type": "application/json"},
    )
    assert reply.status_code == 400 and reply.json()["error"]


def test_a_repeated_handover_is_the_same_case(stack):
    first = api(stack, a_case(handover_id="h-repeat"))
    again = api(stack, a_case(handover_id="h-repeat"))
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["case"] == again.json()["case"]


def test_a_huge_summary_is_refused_not_stored(stack):
    assert api(stack, a_case(handover_id="h-huge", summary="x" * 100_000)).status_code == 400


# The staff console's doors

@pytest.mark.parametrize("path", ["/staff/", "/staff/cases/1", "/staff/cases/1/transcript.json"])
def test_every_staff_page_needs_a_login(stack, path):
    reply = requests.get(f"{stack.helpdesk_url}{path}", timeout=10)
    assert reply.status_code == 401
    assert "summary" not in reply.text


def test_a_wrong_password_does_not_log_in(stack, staff):
    intruder = Staff(stack, staff.username)
    reply = intruder.log_in("not the password")
    assert reply.status_code == 401 and not intruder.session_cookie


def test_a_form_without_the_csrf_token_is_refused(stack, staff):
    case_id = api(stack, a_case(handover_id="h-csrf")).json()["case"]
    staff.csrf = "forged"
    assert staff.post(f"/staff/cases/{case_id}/claim").status_code == 403


def test_staff_pages_are_not_cached_and_cookies_are_locked_down(stack, staff):
    page = staff.get("/staff/")
    assert page.headers["Cache-Control"] == "no-store"
    assert "frame-ancestors 'none'" in page.headers["Content-Security-Policy"]
    login = requests.get(f"{stack.helpdesk_url}/staff/login", timeout=10).headers["Set-Cookie"]
    assert "HttpOnly" in login and "Secure" in login and "SameSite=Strict" in login


def test_the_queue_puts_the_most_at_risk_first(stack, staff):
    api(stack, a_case(handover_id="h-low", summary="low risk words"))
    api(stack, a_case(handover_id="h-high", risk=3, summary="danger words"))
    queue = staff.get("/staff/").text
    assert queue.index("Danger") < queue.index("Standard")


# Handover and live chat, end to end

def test_a_resident_asks_for_a_person_and_chats_with_staff_then_the_bot_resumes(stack, staff, resident):
    other = Resident(stack, resident.sender + "-other")
    other.say("my instagram was hacked")
    resident.say("someone rang from my bank and I moved £3,000 to a safe account <b>help</b>")
    asked = " ".join(texts(resident.say("can I speak to someone")))
    assert "passed our conversation" in asked and "won't have to repeat it" in asked

    case_id = staff.case_with("moved £3,000 to a safe account")
    page = staff.get(f"/staff/cases/{case_id}").text
    assert "&lt;b&gt;help&lt;/b&gt;" in page and "<b>help</b>" not in page
    assert "What to do now (fraud)" in page

    assert staff.post(f"/staff/cases/{case_id}/claim").status_code == 302
    joined = texts(resident.say("hello?"))
    assert any("has joined the chat" in text for text in joined)

    staff.post(f"/staff/cases/{case_id}/reply", text="Hello, I'm from the helpdesk. Are you safe now?")
    answer = resident.say("yes I'm at home")
    assert texts(answer) == ["Hello, I'm from the helpdesk. Are you safe now?"]
    assert answer[0]["custom"]["helpdesk"] == "staff"
    lines = staff.get(f"/staff/cases/{case_id}/transcript.json").json()["lines"]
    assert lines[-1] == {**lines[-1], "who": "resident", "text": "yes I'm at home"}

    assert staff.post(f"/staff/cases/{case_id}/close", outcome="advice_given").status_code == 302
    after = texts(resident.say("my email has been hacked too"))
    assert any("has left the chat" in text for text in after)
    assert any("Is there anything else I can help with?" in text for text in after)
    assert any("not your fault" in text for text in after), "the bot answers again after the handback"

    events = [event["event"] for event in resident.tracker()["events"]]
    assert events.index("pause") < events.index("resume"), "one transcript, bot part and staff part"
    assert not any("helpdesk" in text for text in texts(other.say("thanks")))


def test_danger_words_during_a_live_chat_still_get_999_first(stack, staff, resident):
    resident.say("my ex keeps messaging me from new accounts")
    resident.say("I want to talk to a person")
    case_id = staff.case_with("my ex keeps messaging me")
    staff.post(f"/staff/cases/{case_id}/claim")
    replies = texts(resident.say("he is outside my door right now and says he will kill me"))
    assert replies[0].startswith("If you or someone else is in danger now, call 999")
    assert "Danger words" in staff.get(f"/staff/cases/{case_id}").text
    staff.post(f"/staff/cases/{case_id}/close", outcome="reported")


def test_stalking_by_an_ex_is_offered_a_person_and_queued_as_high_risk(stack, staff, resident):
    replies = resident.say("my ex-husband tracks where I go and turns up wherever I am")
    assert "/human_handoff" in [b["payload"] for reply in replies for b in reply.get("buttons", [])]
    resident.say("/human_handoff")
    case_id = staff.case_with("my ex-husband tracks where I go")
    assert "High risk" in staff.get(f"/staff/cases/{case_id}").text


def test_a_handover_made_while_the_helpdesk_is_down_arrives_when_it_is_back(stack, staff, resident):
    stack.stop("helpdesk")
    try:
        replies = " ".join(texts(resident.say("my facebook was hacked, can I talk to a human")))
        assert "saved" in replies and "101" in replies and "999" in replies
    finally:
        stack.start_helpdesk()
    staff.log_in()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            staff.case_with("my facebook was hacked")
            return
        except AssertionError:
            time.sleep(1)
    raise AssertionError("the kept handover never reached the helpdesk")


# Out of hours

@pytest.fixture
def closed_helpdesk(stack):
    stack.stop("actions")
    stack.start_actions(ASSISTANT_NOW=CLOSED_HOURS)
    yield
    stack.stop("actions")
    stack.start_actions(ASSISTANT_NOW=OPEN_HOURS)


def test_out_of_hours_a_callback_is_taken_safely_and_reaches_the_queue(stack, staff, resident, closed_helpdesk):
    resident.say("my ex has put a tracker on my car")
    closed = resident.say("can I speak to someone")
    words = " ".join(texts(closed))
    assert "closed" in words and "Samaritans" in words and "National Domestic Abuse Helpline" in words
    assert [b["payload"] for reply in closed for b in reply.get("buttons", [])] == ["/request_callback", "/thank"]

    assert "What name" in texts(resident.say("/request_callback"))[0]
    assert "phone number or email" in texts(resident.say("Leave this out"))[0]
    assert "doesn't look like a UK phone number" in texts(resident.say("+1 212 555 0100"))[0]
    assert "safe for staff to contact you" in texts(resident.say("07700 900123"))[0]
    assert "voicemail" in texts(resident.say("weekdays between 10 and 2"))[0]
    assert "safe word" in texts(resident.say("No, don't leave a message"))[0]
    saved = texts(resident.say("Leave this out"))
    assert "only in the way and at the time you gave" in saved[0]

    case_id = staff.case_with("put a tracker on my car")
    page = staff.get(f"/staff/cases/{case_id}").text
    assert "Callback request" in page and "07700900123" in page
    assert "weekdays between 10 and 2" in page and "NOT safe: do not leave one" in page
    slots = resident.tracker()["slots"]
    assert slots["callback_contact"] is None, "the details are not kept in the conversation"


def test_danger_words_end_a_callback_request_with_999_first(stack, resident, closed_helpdesk):
    resident.say("/request_callback")
    replies = texts(resident.say("he's breaking in right now"))
    assert replies[0].startswith("If you or someone else is in danger now, call 999")
    assert resident.tracker()["active_loop"] in ({}, None) or not resident.tracker()["active_loop"].get("name")
