"""Nothing leaked: secrets never stored, data past retention gone from the files."""
from __future__ import annotations

import asyncio
import datetime as dt
import logging
import re

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot import retention
from bot.database import engine
from bot.helpdesk import db as helpdesk_db, store
from bot.helpdesk.tables import cases
from bot.limits import MAX_MESSAGE_CHARS, RateLimiter, cut
from bot.log_redaction import RedactingFilter
from bot.outbox import HelpdeskClient, Outbox
from bot.sensitive import find_secrets, luhn_valid, redact
from bot.tracker_store import RedactingSQLTrackerStore

CARD = "4539 1488 0343 6467"


def card_numbers():
    """Random Luhn-valid 16-digit card numbers, typed with spaces, dashes or neither."""
    def with_check_digit(digits: list[int]) -> str:
        body = "".join(map(str, digits))
        check = next(d for d in range(10) if luhn_valid(body + str(d)))
        return body + str(check)

    numbers = st.lists(st.integers(0, 9), min_size=15, max_size=15).map(with_check_digit)
    return st.tuples(numbers, st.sampled_from(["", " ", "-"])).map(
        lambda pair: pair[1].join(pair[0][i:i + 4] for i in range(0, 16, 4))
    )


NO_DIGITS = st.text(st.characters(blacklist_categories=("Nd",)), max_size=200)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(before=NO_DIGITS, card=card_numbers(), after=NO_DIGITS)
def test_no_card_number_survives_redaction_whatever_text_surrounds_it(before, card, after):
    clean = redact(f"{before} {card} {after}")
    assert re.sub(r"\D", "", card) not in re.sub(r"\D", "", clean)


@settings(max_examples=300)
@given(st.text(max_size=2000))
def test_redaction_never_fails_and_leaves_no_secret_it_can_find(text):
    clean = redact(text)
    assert find_secrets(clean) == [] or clean != text


@pytest.mark.parametrize("secret, kind", [
    (CARD, "card number"), ("my password is Tr0ub4dor&3", "password"), ("sort code 12-34-56 account 12345678", "bank account"),
    ("GB82 WEST 1234 5698 7654 32", "iban"), ("QQ 12 34 56 C", "ni number"), ("my pin is 4921", "pin"),
    ("the code was 483920", "one time code"),
])
def test_each_kind_of_secret_is_replaced_by_a_note(secret, kind):
    clean = redact(f"they asked for it and I gave {secret} sadly")
    assert f"[{kind} removed]" in clean
    assert "sadly" in clean


def save(store_: RedactingSQLTrackerStore, sender: str, *texts: str) -> None:
    tracker = DialogueStateTracker(sender, [])
    for text in texts:
        tracker.update(UserUttered(text, {"name": "fraud", "confidence": 0.9}, parse_data={
            "text": text, "intent": {"name": "fraud", "confidence": 0.9}, "entities": []}))
        tracker.update(BotUttered("Please don't type card numbers here."))
    asyncio.run(store_.save(tracker))


@pytest.fixture
def tracker_store(tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'bot.db'}")
    return RedactingSQLTrackerStore(domain=Domain.empty())


def test_the_tracker_store_never_writes_a_secret_to_the_database_file(tracker_store, tmp_path):
    save(tracker_store, "alice", f"they took my card {CARD} and my password is Hunter2!")
    stored = (tmp_path / "bot.db").read_bytes()
    assert b"4539" not in stored and b"Hunter2" not in stored
    assert b"card number removed" in stored
    tracker = asyncio.run(tracker_store.retrieve("alice"))
    assert "they took my card [card number removed]" in tracker.latest_message.text


def test_purge_removes_old_conversations_and_closed_cases_from_the_files(tmp_path, monkeypatch, tracker_store):
    save(tracker_store, "old-person", "my instagram was hacked by mallory-the-attacker")
    save(tracker_store, "recent-person", "my email was hacked yesterday")
    bot = engine(f"sqlite:///{tmp_path / 'bot.db'}")
    with bot.begin() as db:  # the old conversation's last message was 40 days ago
        db.execute(sa.text("UPDATE events SET timestamp = timestamp - 40 * 86400 WHERE sender_id = 'old-person'"))
    helpdesk = helpdesk_db.connect(f"sqlite:///{tmp_path / 'helpdesk.db'}")
    case_id, _ = store.create_case(helpdesk, {"handover_id": "h1", "conversation_id": "old-person",
                                              "kind": "handover", "summary": "mallory-the-attacker again"})
    staff_id = store.add_staff(helpdesk, "sam", "a long password here")
    store.claim(helpdesk, case_id, staff_id)
    store.add_note(helpdesk, case_id, staff_id, "rang back about mallory-the-attacker")
    store.close(helpdesk, case_id, staff_id, "advice_given")
    with helpdesk.begin() as db:
        db.execute(cases.update().values(closed_at=dt.datetime.utcnow() - dt.timedelta(days=40)))

    removed = retention.purge(bot, helpdesk, days=30)

    assert (removed.conversations, removed.cases) == (1, 1)
    assert b"mallory-the-attacker" not in (tmp_path / "bot.db").read_bytes()
    assert b"mallory-the-attacker" not in (tmp_path / "helpdesk.db").read_bytes()
    assert b"my email was hacked yesterday" in (tmp_path / "bot.db").read_bytes()


def test_erasing_one_person_removes_their_conversation_cases_and_handovers(tmp_path, tracker_store):
    save(tracker_store, "bob", "my ex is tracking me, bob-private-words")
    save(tracker_store, "carol", "someone is pretending to be me")
    bot = engine(f"sqlite:///{tmp_path / 'bot.db'}")
    Outbox(f"sqlite:///{tmp_path / 'bot.db'}", HelpdeskClient("http://127.0.0.1:9", "t")).send(
        {"conversation_id": "bob", "summary": "bob-private-words"})
    helpdesk = helpdesk_db.connect(f"sqlite:///{tmp_path / 'helpdesk.db'}")
    store.create_case(helpdesk, {"handover_id": "h2", "conversation_id": "bob", "kind": "handover",
                                 "summary": "bob-private-words"})

    removed = retention.erase(bot, helpdesk, "bob")

    assert (removed.conversations, removed.cases, removed.handovers) == (1, 1, 1)
    for database in ("bot.db", "helpdesk.db"):
        assert b"bob-private-words" not in (tmp_path / database).read_bytes()
    assert b"someone is pretending to be me" in (tmp_path / "bot.db").read_bytes()


def test_a_flood_from_one_conversation_is_slowed_and_others_are_not():
    now = [0.0]
    limiter = RateLimiter(3, 10, clock=lambda: now[0])
    assert [limiter.allow("a") for _ in range(4)] == [True, True, True, False]
    assert limiter.allow("b")
    now[0] = 10.5
    assert limiter.allow("a")


def test_a_very_long_message_is_cut_to_the_limit():
    text, was_cut = cut("x" * (MAX_MESSAGE_CHARS * 50))
    assert was_cut and len(text) == MAX_MESSAGE_CHARS
    assert cut("short") == ("short", False)


def test_log_lines_lose_their_secrets():
    record = logging.LogRecord("rasa", logging.DEBUG, "", 0, "Received user message '%s'", (f"card {CARD}",), None)
    RedactingFilter().filter(record)
    assert "4539" not in record.getMessage() and "card number removed" in record.getMessage()
