"""The staff console in headless Chromium: log in, take a case, chat, close.

Screenshots of each step are kept under var/screenshots/ as test artefacts.
"""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import STAFF_PASSWORD, add_staff, shot, texts

pytestmark = pytest.mark.e2e
def test_staff_log_in_take_a_case_chat_and_close_it(stack, resident, page):
    add_staff(stack, "console-sam")
    resident.say("I think my son is being groomed by a man on a game he plays")
    resident.say("/inform_audience{\"audience\": \"child\"}")
    resident.say("I need to talk to a person")

    page.goto(f"{stack.helpdesk_url}/staff/")
    expect(page.get_by_role("heading", name="Log in")).to_be_visible()
    shot(page, "staff-1-login")
    page.get_by_label("Username").fill("console-sam")
    page.get_by_label("Password").fill(STAFF_PASSWORD)
    page.get_by_role("button", name="Log in").click()

    expect(page.get_by_role("heading", name="Queue")).to_be_visible()
    shot(page, "staff-2-queue")
    page.locator("li.case", has_text="A child may be at risk").first.get_by_role("link").click()
    expect(page.locator(".summary")).to_contain_text("I think my son is being groomed")
    page.get_by_role("button", name="Take this case").click()
    expect(page.locator("#transcript")).to_contain_text("has joined the chat")
    shot(page, "staff-3-case-claimed")

    page.get_by_label("Your message to the resident").fill("Hello, I'm Sam. Is your son with you now?")
    page.get_by_role("button", name="Send").click()
    joined, hello = texts(resident.say("yes, my son is sitting with me"))
    assert "console-sam" in joined and "has joined the chat" in joined
    assert hello == "Hello, I'm Sam. Is your son with you now?"
    # The console asks for the transcript every two seconds: the answer appears without a reload.
    expect(page.locator("#transcript")).to_contain_text("my son is sitting with me", timeout=10_000)
    shot(page, "staff-4-live-chat")

    page.get_by_label("Outcome").select_option("referred")
    page.get_by_role("button", name="Close the chat").click()
    expect(page.get_by_role("heading", name="Queue")).to_be_visible()
    after = texts(resident.say("ok thank you"))
    assert any("Is there anything else I can help with?" in text for text in after)

    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("heading", name="Log in")).to_be_visible()
    page.goto(f"{stack.helpdesk_url}/staff/")
    expect(page.get_by_role("heading", name="Log in")).to_be_visible()
