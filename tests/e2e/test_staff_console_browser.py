"""The staff console in headless Chromium: log in, take a case, chat, close.

Screenshots of each step are kept under var/screenshots/ as test artefacts.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect, sync_playwright

from tests.e2e.conftest import STAFF_PASSWORD, add_staff, texts

pytestmark = pytest.mark.e2e
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"


@pytest.fixture(scope="module")
def browser():
    executable = os.environ.get("CHROMIUM") or shutil.which("chromium")
    if not executable:
        pytest.fail("Debian's chromium is needed: `make test` installs it (scripts/browser.sh)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def page(browser) -> Page:
    context = browser.new_context(viewport={"width": 1024, "height": 800})
    yield context.new_page()
    context.close()


def shot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"staff-{name}.png"), full_page=True)


def test_staff_log_in_take_a_case_chat_and_close_it(stack, resident, page):
    add_staff(stack, "console-sam")
    resident.say("I think my son is being groomed by a man on a game he plays")
    resident.say("/inform_audience{\"audience\": \"child\"}")
    resident.say("I need to talk to a person")

    page.goto(f"{stack.helpdesk_url}/staff/")
    expect(page.get_by_role("heading", name="Log in")).to_be_visible()
    shot(page, "1-login")
    page.get_by_label("Username").fill("console-sam")
    page.get_by_label("Password").fill(STAFF_PASSWORD)
    page.get_by_role("button", name="Log in").click()

    expect(page.get_by_role("heading", name="Queue")).to_be_visible()
    shot(page, "2-queue")
    page.locator("li.case", has_text="A child may be at risk").first.get_by_role("link").click()
    expect(page.locator(".summary")).to_contain_text("I think my son is being groomed")
    page.get_by_role("button", name="Take this case").click()
    expect(page.locator("#transcript")).to_contain_text("has joined the chat")
    shot(page, "3-case-claimed")

    page.get_by_label("Your message to the resident").fill("Hello, I'm Sam. Is your son with you now?")
    page.get_by_role("button", name="Send").click()
    joined, hello = texts(resident.say("yes, my son is sitting with me"))
    assert "console-sam" in joined and "has joined the chat" in joined
    assert hello == "Hello, I'm Sam. Is your son with you now?"
    # The console asks for the transcript every two seconds: the answer appears without a reload.
    expect(page.locator("#transcript")).to_contain_text("my son is sitting with me", timeout=10_000)
    shot(page, "4-live-chat")

    page.get_by_label("Outcome").select_option("referred")
    page.get_by_role("button", name="Close the chat").click()
    expect(page.get_by_role("heading", name="Queue")).to_be_visible()
    after = texts(resident.say("ok thank you"))
    assert any("Is there anything else I can help with?" in text for text in after)

    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("heading", name="Log in")).to_be_visible()
    page.goto(f"{stack.helpdesk_url}/staff/")
    expect(page.get_by_role("heading", name="Log in")).to_be_visible()
