"""The resident's chat page in headless Chromium, against the real stack.

Screenshots of each state go to var/screenshots/ as test artefacts.
"""
from __future__ import annotations

import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from measure.stack import FORCE_SITE_PORT
from tests.e2e.conftest import STAFF_PASSWORD, Staff, add_staff, shot

pytestmark = pytest.mark.e2e

EXIT_URL = "https://www.bbc.co.uk/weather"
# WCAG 2.2 A and AA, and axe's best practices.
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": [
    "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}}


@pytest.fixture
def neutral_site(context):
    """The exit site, answered locally (this machine has no internet)."""
    context.route(re.compile(r"https://www\.bbc\.co\.uk/.*"),
                  lambda route: route.fulfill(content_type="text/html", body="<title>Weather</title><p>Weather"))


def open_chat(page: Page, stack) -> None:
    page.goto(f"{stack.helpdesk_url}/")
    expect(assistant(page).first).to_contain_text("online crime advice assistant", timeout=30_000)


def assistant(page: Page):
    return page.locator(".chat-message.from-assistant")


def say(page: Page, text: str) -> None:
    page.get_by_label("Your message").fill(text)
    page.get_by_role("button", name="Send").click()


def no_violations(page: Page, name: str) -> None:
    results = Axe().run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, f"{name}:\n{results.generate_report()}"


def test_a_fraud_conversation_with_the_buttons_gives_the_advice(stack, page):
    open_chat(page, stack)
    shot(page, "chat-1-open")
    page.get_by_role("button", name="Fraud or a scam").click()
    expect(page.locator(".chat-log")).to_contain_text("not your fault")
    expect(page.locator(".chat-log")).to_contain_text("159")
    page.get_by_role("button", name="How to report it").last.click()
    expect(page.locator(".chat-log")).to_contain_text("0300 123 2040")
    shot(page, "chat-2-fraud-advice")
    assert page.evaluate("localStorage.length") == 0
    assert page.context.cookies() == [], "no cookies: the socket needs none"


def test_danger_gets_999_first_and_visible(stack, page):
    open_chat(page, stack)
    before = assistant(page).count()
    say(page, "my ex is outside my house with a knife")
    first_reply = assistant(page).nth(before)
    expect(first_reply).to_contain_text("call 999")
    expect(first_reply).to_be_in_viewport()
    shot(page, "chat-3-danger")


@pytest.mark.parametrize("how", ["button", "shift"])
def test_quick_exit_leaves_nothing_and_no_way_back(stack, page, neutral_site, how):
    open_chat(page, stack)
    say(page, "someone hacked my email")
    expect(page.locator(".chat-log")).to_contain_text("You: someone hacked my email")
    if how == "button":
        page.get_by_role("button", name="Exit this page").click()
    else:
        page.locator("body").press("Shift")
        page.keyboard.press("Shift")
        page.keyboard.press("Shift")
    page.wait_for_url(EXIT_URL)
    expect(page.locator("body")).to_contain_text("Weather")
    page.go_back()
    assert not page.url.startswith(stack.helpdesk_url + "/") or "accessibility" in page.url, page.url
    page.goto(f"{stack.helpdesk_url}/accessibility")
    assert page.evaluate("sessionStorage.length") == 0


def test_the_exit_button_and_the_emergency_line_stay_visible(stack, page):
    open_chat(page, stack)
    for message in ("my account was hacked", "what should I do", "how do I report it"):
        say(page, message)
    expect(page.locator(".chat-log")).to_contain_text("report", timeout=20_000)
    page.mouse.wheel(0, 5000)
    expect(page.get_by_role("button", name="Exit this page")).to_be_in_viewport()
    expect(page.get_by_text("Emergency? Call 999")).to_be_in_viewport()


def test_reload_keeps_the_conversation_and_a_new_tab_starts_fresh(stack, page, context):
    open_chat(page, stack)
    say(page, "my instagram was hacked")
    expect(page.locator(".chat-log")).to_contain_text("not your fault")
    page.reload()
    expect(page.locator(".chat-log")).to_contain_text("my instagram was hacked")
    say(page, "how do I report it")
    expect(page.locator(".chat-log")).to_contain_text("Report", timeout=20_000)

    fresh = context.new_page()
    open_chat(fresh, stack)
    expect(fresh.locator(".chat-log")).not_to_contain_text("instagram")


def test_the_conversation_survives_a_dropped_connection(stack, page):
    open_chat(page, stack)
    say(page, "I was scammed on facebook marketplace")
    expect(page.locator(".chat-log")).to_contain_text("not your fault")
    page.evaluate("window.cyberChat.socket.io.engine.close()")
    say(page, "how do I report it")
    expect(page.locator(".chat-log")).to_contain_text("0300 123 2040", timeout=30_000)
    expect(page.locator(".chat-log")).to_contain_text("I was scammed on facebook marketplace")


def test_keyboard_alone_reaches_everything(stack, page):
    open_chat(page, stack)
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to main content")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Exit this page")).to_be_focused()
    # Tab on to the first topic button; arrows move along the options.
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Fraud or a scam":
            break
    expect(page.get_by_role("button", name="Fraud or a scam")).to_be_focused()
    page.keyboard.press("ArrowRight")
    expect(page.get_by_role("button", name="Hacked account or device")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(".chat-log")).to_contain_text("not your fault")
    # Tab reaches the message box; Enter sends.
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "chat-message":
            break
    page.keyboard.type("how do I report it")
    page.keyboard.press("Enter")
    expect(page.locator(".chat-log")).to_contain_text("You: how do I report it")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid", "focus is visible"
    shot(page, "chat-4-keyboard")


@pytest.mark.parametrize("width", [320])
def test_usable_at_320_pixels_and_400_percent_zoom(stack, browser, width):
    # 400 % zoom of a 1280-pixel window is a 320-pixel-wide layout.
    narrow = browser.new_context(viewport={"width": width, "height": 640}, reduced_motion="reduce")
    try:
        page = narrow.new_page()
        open_chat(page, stack)
        page.get_by_role("button", name="Stalking or harassment").click()
        expect(page.locator(".chat-log")).to_contain_text("not your fault")
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        animation = page.evaluate("getComputedStyle(document.querySelector('.chat-typing .dots')).animationName")
        assert animation == "none", "reduced motion is honoured"
        shot(page, "chat-5-320px")
    finally:
        narrow.close()


def test_no_accessibility_violations_on_the_page_the_chat_and_a_handed_over_chat(stack, page):
    open_chat(page, stack)
    no_violations(page, "the page")
    page.get_by_role("button", name="Stalking or harassment").click()
    expect(page.locator(".chat-log")).to_contain_text("not your fault")
    no_violations(page, "the open chat")

    add_staff(stack, "axe-jo")
    staff = Staff(stack, "axe-jo")
    staff.log_in()
    say(page, "my ex keeps turning up at my work")
    expect(page.get_by_text("What you've described is serious")).to_be_visible(timeout=20_000)
    page.get_by_role("button", name="Talk to a person").last.click()
    expect(page.locator(".chat-log")).to_contain_text("passed our conversation", timeout=20_000)
    case_id = staff.case_with("keeps turning up at my work")
    staff.post(f"/staff/cases/{case_id}/claim")
    expect(page.locator(".chat-message.from-notice")).to_contain_text("axe-jo from", timeout=10_000)
    staff.post(f"/staff/cases/{case_id}/reply", text="Hello, I'm Jo from the helpdesk. Are you safe right now?")
    expect(page.locator(".chat-message.from-staff")).to_contain_text("Are you safe right now?")
    say(page, "yes I'm at a friend's")
    expect(page.locator(".chat-typing")).to_be_hidden(timeout=20_000)
    no_violations(page, "a handed-over chat")
    shot(page, "chat-6-handed-over")
    staff.post(f"/staff/cases/{case_id}/close", outcome="advice_given")
    expect(page.locator(".chat-log")).to_contain_text("has left the chat")
    expect(page.locator(".chat-log")).to_contain_text("Is there anything else I can help with?")


def test_the_accessibility_statement_has_no_violations(stack, page):
    page.goto(f"{stack.helpdesk_url}/accessibility")
    expect(page.get_by_role("heading", name="Accessibility statement")).to_be_visible()
    no_violations(page, "the statement")


@pytest.fixture
def force_site(stack):
    """A force's own page on another origin (a real server on loopback) with the one tag."""
    host_page = f"""<!doctype html><html lang="en"><head><title>Force site</title></head>
        <body><main><h1>Our force</h1>
        <script src="{stack.helpdesk_url}/embed.js" data-exit-url="{EXIT_URL}" data-colour="#00703c"
                data-socket-url="{stack.url}"></script></main></body></html>""".encode()

    class ForcePage(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the http.server naming)
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(host_page)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", FORCE_SITE_PORT), ForcePage)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


def test_one_script_tag_embeds_the_chat_on_a_force_site(stack, page, force_site):
    page.goto(force_site)
    expect(assistant(page).first).to_contain_text("online crime advice assistant", timeout=30_000)
    expect(page.get_by_role("button", name="Exit this page")).to_be_visible()
    colour = page.evaluate("getComputedStyle(document.querySelector('.send-button')).backgroundColor")
    assert colour == "rgb(0, 112, 60)"
    shot(page, "chat-7-embedded")


XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>'


def test_markup_typed_by_residents_and_staff_is_inert_on_both_pages(stack, page, context):
    add_staff(stack, "xss-kim")
    staff = Staff(stack, "xss-kim")
    staff.log_in()
    open_chat(page, stack)
    say(page, f"my ex hacked my account {XSS}")
    expect(page.locator(".chat-log")).to_contain_text(XSS)
    expect(page.locator(".chat-log")).to_contain_text("What would help next?", timeout=20_000)
    page.get_by_role("button", name="Talk to a person").last.click()
    expect(page.locator(".chat-log")).to_contain_text("passed our conversation", timeout=20_000)
    case_id = staff.case_with("my ex hacked my account")
    staff.post(f"/staff/cases/{case_id}/claim")
    staff.post(f"/staff/cases/{case_id}/reply", text=f"Staff test {XSS}")
    expect(page.locator(".chat-message.from-staff")).to_contain_text(f"Staff test {XSS}")
    assert page.evaluate("window.__xss") is None
    assert page.locator(".chat-log img").count() == 0

    console = context.new_page()
    console.goto(f"{stack.helpdesk_url}/staff/login")
    console.get_by_label("Username").fill("xss-kim")
    console.get_by_label("Password").fill(STAFF_PASSWORD)
    console.get_by_role("button", name="Log in").click()
    console.goto(f"{stack.helpdesk_url}/staff/cases/{case_id}")
    expect(console.locator("#transcript")).to_contain_text(f"Staff test {XSS}")
    expect(console.locator(".summary")).to_contain_text(XSS)
    console.wait_for_timeout(2500)  # one refresh of the live transcript
    assert console.evaluate("window.__xss") is None
    assert console.locator("main img").count() == 0
    staff.post(f"/staff/cases/{case_id}/close", outcome="no_contact")


def test_a_plan_can_be_copied_and_downloaded_as_a_text_file(stack, page, context):
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_chat(page, stack)
    say(page, "can you give me a checklist please")
    page.get_by_role("button", name="My business").click()
    made = page.locator(".chat-document")
    expect(made).to_contain_text("If it is happening now:", timeout=15_000)
    shot(page, "chat-9-plan")
    no_violations(page, "a plan to copy or download")
    made.get_by_role("button", name="Copy").click()
    expect(made.get_by_role("status")).to_have_text("Copied.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("Your business: first steps") and "Don't pay a ransom" in copied
    with page.expect_download() as download:
        made.get_by_role("button", name="Download as a text file").click()
    assert download.value.suggested_filename == "business-cyber-plan.txt"
    saved = open(download.value.path(), encoding="utf-8").read()
    assert saved == copied
