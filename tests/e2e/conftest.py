"""One real stack per test session: loading a model takes about a minute."""
from __future__ import annotations

import os
import re
import secrets
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import requests
import sqlalchemy as sa
from playwright.sync_api import Page, sync_playwright

from measure.stack import Stack, current_model

# The action server's clock during the tests: a Monday at noon in London, so
# the helpdesk is open (tests of the closed helpdesk set their own time).
OPEN_HOURS = "2026-11-23T12:00:00+00:00"
CLOSED_HOURS = "2026-11-23T22:00:00+00:00"
STAFF_PASSWORD = "correct horse battery staple"


def database_settings() -> dict:
    """PostgreSQL for both databases when `make test` runs the suite against it."""
    server = os.environ.get("TEST_POSTGRES_URL")
    if not server:
        return {}
    return {"DATABASE_URL": f"{server}/bot", "HELPDESK_DATABASE_URL": f"{server}/helpdesk"}


@pytest.fixture(scope="session")
def stack(tmp_path_factory) -> Stack:
    # `make test` passes the model it trained as $MODEL.
    model = os.environ.get("MODEL") or current_model()
    running = Stack(tmp_path_factory.mktemp("stack"), model, secrets.token_urlsafe(16), helpdesk_port=8105,
                    settings=database_settings())
    try:
        running.start_helpdesk()
        running.start_actions(ASSISTANT_NOW=OPEN_HOURS)
        running.start_rasa()
        yield running
    finally:
        running.stop_all()


class Resident:
    """A person talking to the assistant over the REST channel."""

    def __init__(self, stack: Stack, sender: str):
        self.stack = stack
        self.sender = sender

    def say(self, text: str) -> list[dict]:
        reply = requests.post(
            f"{self.stack.url}/webhooks/rest/webhook",
            json={"sender": self.sender, "message": text},
            timeout=30,
        )
        assert reply.status_code == 200, reply.text
        return reply.json()

    def tracker(self) -> dict:
        reply = requests.get(
            f"{self.stack.url}/conversations/{self.sender}/tracker",
            params={"token": self.stack.token},
            timeout=30,
        )
        assert reply.status_code == 200, reply.text
        return reply.json()


@pytest.fixture
def resident(stack, request) -> Resident:
    return Resident(stack, f"{request.node.name}-{secrets.token_hex(4)}")


def texts(replies: list[dict]) -> list[str]:
    return [reply.get("text", "") for reply in replies]


class Staff:
    """A member of staff using the console over HTTP, as a browser would.

    The session cookie is Secure, so `requests` would not send it over plain
    HTTP on loopback; this client carries it by hand.
    """

    def __init__(self, stack: Stack, username: str):
        self.base = stack.helpdesk_url
        self.username = username
        self.session_cookie = ""
        self.csrf = ""

    def log_in(self, password: str = STAFF_PASSWORD) -> requests.Response:
        form = requests.get(f"{self.base}/staff/login", timeout=10)
        token = re.search(r'name="csrf" value="([^"]+)"', form.text).group(1)
        reply = requests.post(
            f"{self.base}/staff/login",
            data={"csrf": token, "username": self.username, "password": password},
            cookies={"helpdesk_login": token}, allow_redirects=False, timeout=10,
        )
        self.session_cookie = reply.cookies.get("helpdesk_session", "")
        if self.session_cookie:
            self.csrf = re.search(r'name="csrf" value="([^"]+)"', self.get("/staff/").text).group(1)
        return reply

    def get(self, path: str) -> requests.Response:
        return requests.get(f"{self.base}{path}", cookies={"helpdesk_session": self.session_cookie}, timeout=30)

    def post(self, path: str, **form: str) -> requests.Response:
        return requests.post(
            f"{self.base}{path}", data={"csrf": self.csrf, **form},
            cookies={"helpdesk_session": self.session_cookie}, allow_redirects=False, timeout=30,
        )

    def case_with(self, words: str) -> int:
        """The open case whose summary holds `words`."""
        for case_id in re.findall(r'href="/staff/cases/(\d+)"', self.get("/staff/").text):
            if words in self.get(f"/staff/cases/{case_id}").text:
                return int(case_id)
        raise AssertionError(f"no open case says {words!r}")


def add_staff(stack: Stack, username: str) -> None:
    """Adds a member of staff with the real command, password on stdin."""
    subprocess.run(
        [sys.executable, "-m", "bot.helpdesk", "add-staff", username],
        input=STAFF_PASSWORD + "\n", env=stack.env(), check=True, capture_output=True, text=True,
    )


@pytest.fixture
def staff(stack, request) -> Staff:
    member = Staff(stack, f"staff{secrets.token_hex(3)}")
    add_staff(stack, member.username)
    assert member.log_in().status_code == 302
    return member


# The browser: Debian's chromium, driven by Playwright.

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"


@pytest.fixture(scope="session")
def browser():
    executable = os.environ.get("CHROMIUM") or shutil.which("chromium")
    if not executable:
        pytest.fail("Debian's chromium is needed: `make test` installs it (scripts/browser.sh)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def context(browser):
    opened = browser.new_context(viewport={"width": 1024, "height": 800})
    yield opened
    opened.close()


@pytest.fixture
def page(context) -> Page:
    return context.new_page()


def shot(page: Page, name: str) -> None:
    """A screenshot kept as a test artefact under var/screenshots/."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def stored_anywhere(stack: Stack, text: str) -> list[str]:
    """Where `text` is still stored: the raw SQLite files, or every row of every
    PostgreSQL table (each row cast to text)."""
    found = []
    for name, url in stack.database_urls.items():
        if url.startswith("sqlite:///"):
            if text.encode() in Path(url.removeprefix("sqlite:///")).read_bytes():
                found.append(name)
            continue
        engine = sa.create_engine(url)
        with engine.connect() as db:
            for table in sa.inspect(engine).get_table_names():
                hits = db.execute(sa.text(f'SELECT count(*) FROM "{table}" t WHERE t::text LIKE :p'),
                                  {"p": f"%{text}%"}).scalar()
                if hits:
                    found.append(f"{name}.{table}")
        engine.dispose()
    return found
