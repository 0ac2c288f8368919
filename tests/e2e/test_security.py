"""Privacy, access, abuse and faults, against the real stack: each an automated drill."""
from __future__ import annotations

import json
import subprocess
import time

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.limits import MAX_MESSAGE_CHARS
from tests.e2e.conftest import stored_anywhere, texts

pytestmark = pytest.mark.e2e
CARD = "4539 1488 0343 6467"
DRILL = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))


def listening_addresses(port: int) -> set[str]:
    lines = subprocess.run(["ss", "-ltnH", f"sport = :{port}"], capture_output=True, text=True).stdout
    return {line.split()[3].rsplit(":", 1)[0] for line in lines.splitlines()}


# Personal data

def test_a_card_number_and_a_password_are_never_stored_but_the_person_is_answered(stack, resident):
    replies = texts(resident.say(f"I gave a caller my card {CARD} and my password is Tr0ub4dor&3"))
    assert any("Please don't type passwords" in text for text in replies)
    stored = json.dumps(resident.tracker()["events"])
    assert "4539" not in stored and "Tr0ub4dor" not in stored
    assert "[card number removed]" in stored
    assert stored_anywhere(stack, "Tr0ub4dor") == [] and stored_anywhere(stack, "4539 1488") == []


def test_staff_can_erase_a_conversation_on_request(stack, staff, resident):
    resident.say("my ex-partner posts my photos online, erase-me-please")
    resident.say("I want to talk to a person")
    case_id = staff.case_with("erase-me-please")
    assert staff.post(f"/staff/cases/{case_id}/erase").headers["location"].endswith("error=confirm")
    assert staff.post(f"/staff/cases/{case_id}/erase", confirm="yes").status_code == 302
    assert staff.get(f"/staff/cases/{case_id}").status_code == 404
    assert resident.tracker()["events"] in ([], None) or all(
        "erase-me-please" not in json.dumps(event) for event in resident.tracker()["events"])
    assert stored_anywhere(stack, "erase-me-please") == []


# Access

def test_the_action_server_and_the_helpdesk_listen_on_loopback_only(stack):
    assert listening_addresses(stack.actions_port) == {"127.0.0.1"}
    assert listening_addresses(stack.helpdesk_port) == {"127.0.0.1"}


def test_the_action_server_needs_its_token(stack):
    call = {"next_action": "action_greet", "sender_id": "x", "tracker": {}, "domain": {}}
    url = f"http://127.0.0.1:{stack.actions_port}/webhook"
    assert requests.post(url, json=call, timeout=10).status_code == 401
    assert requests.post(url, params={"token": "wrong"}, json=call, timeout=10).status_code == 401
    assert requests.get(f"http://127.0.0.1:{stack.actions_port}/health", timeout=10).status_code == 200


def test_the_socket_accepts_only_the_chat_pages_origin(stack):
    url = f"{stack.url}/socket.io/?EIO=4&transport=polling"
    assert requests.get(url, headers={"Origin": "http://evil.example"}, timeout=10).status_code == 400
    assert requests.get(url, headers={"Origin": stack.helpdesk_url}, timeout=10).status_code == 200


def test_repeated_wrong_passwords_lock_the_account(stack, staff):
    intruder = type(staff)(stack, staff.username)
    for _ in range(5):
        assert intruder.log_in("wrong password").status_code == 401
    assert intruder.log_in().status_code == 429, "locked even with the right password"


# Abuse

def test_a_flood_is_slowed_down_politely_and_the_conversation_goes_on(stack, resident):
    statuses = []
    for _ in range(14):
        reply = requests.post(f"{stack.url}/webhooks/rest/webhook",
                              json={"sender": resident.sender, "message": "hello"}, timeout=30)
        statuses.append(reply.status_code)
    assert set(statuses) == {200, 429}
    slowed = requests.post(f"{stack.url}/webhooks/rest/webhook",
                           json={"sender": resident.sender, "message": "hello"}, timeout=30)
    assert "faster than I can read" in slowed.json()[0]["text"]
    time.sleep(10)
    assert "not your fault" in " ".join(texts(resident.say("my phone was hacked")))


def test_a_huge_message_is_read_up_to_the_limit_with_a_note(resident):
    replies = texts(resident.say("Someone scammed me out of my savings. " * 2000))
    assert "very long, so I read the first part" in replies[-1]
    assert "not your fault" in " ".join(replies)
    assert len(resident.tracker()["latest_message"]["text"]) <= MAX_MESSAGE_CHARS


@DRILL
@given(text=st.text(max_size=3000))
def test_any_unicode_through_the_nlu_path_gets_a_reply_and_no_5xx(stack, text):
    reply = requests.post(f"{stack.url}/webhooks/rest/webhook",
                          json={"sender": f"fuzz-{time.monotonic_ns()}", "message": text}, timeout=60)
    assert reply.status_code in (200, 400)
    if reply.status_code == 200:
        assert reply.json(), "never silence"


@DRILL
@given(body=st.one_of(
    st.binary(max_size=500),
    st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=50),
                 lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=15), inner, max_size=6),
                 max_leaves=20).map(lambda value: json.dumps(value).encode()),
))
def test_malformed_json_to_the_channel_and_the_helpdesk_api_never_gets_a_5xx(stack, body):
    headers = {"Content-Type": "application/json", "Authorization": f"Bearer {stack.helpdesk_token}"}
    for url in (f"{stack.url}/webhooks/rest/webhook", f"{stack.helpdesk_url}/api/cases"):
        assert requests.post(url, data=body, headers=headers, timeout=60).status_code < 500, url


# Faults

def test_the_action_server_dies_mid_conversation_then_the_conversation_goes_on(stack, resident):
    assert "not your fault" in " ".join(texts(resident.say("my instagram account was hacked")))
    stack.stop("actions")
    try:
        replies = texts(resident.say("how do I report it"))
        assert len(replies) == 1 and replies[0].startswith("Sorry, something went wrong on our side")
        assert "101" in replies[0] and "999" in replies[0] and "08 08 16 89 111" in replies[0]
    finally:
        stack.start_actions(ASSISTANT_NOW="2026-11-23T12:00:00+00:00")
    assert "Report" in " ".join(texts(resident.say("how do I report it")))
