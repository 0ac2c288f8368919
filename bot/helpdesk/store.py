"""Reading and writing cases, notes, staff sessions and the audit log."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets
from typing import Any, Optional

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.engine import Engine, Row

from bot.helpdesk.tables import audit, cases, login_failures, notes, sessions, staff

OUTCOMES = {
    "advice_given": "Advice given",
    "referred": "Referred to a service",
    "reported": "Reported to police",
    "callback_made": "Callback made",
    "no_contact": "No contact",
}
# A dummy hash to verify against when the username is unknown, so a wrong
# username takes as long as a wrong password.
_hasher = PasswordHasher()
_DUMMY_HASH = _hasher.hash("not a real password")


def _now() -> dt.datetime:
    return dt.datetime.utcnow()


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


# Staff and sessions

def add_staff(engine: Engine, username: str, password: str) -> int:
    with engine.begin() as db:
        return db.execute(staff.insert().values(
            username=username, password_hash=_hasher.hash(password), created_at=_now()
        )).inserted_primary_key[0]


def check_login(engine: Engine, username: str, password: str) -> Optional[Row]:
    with engine.connect() as db:
        row = db.execute(sa.select(staff).where(staff.c.username == username)).first()
    try:
        _hasher.verify(row.password_hash if row else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return None
    return row


# After this many wrong passwords for one username, it is locked for the
# period; one address may try this many usernames a minute.
LOCK_AFTER_FAILURES = 5
LOCK_MINUTES = 15
ADDRESS_FAILURES_PER_MINUTE = 20


def login_locked(engine: Engine, username: str, address: str) -> bool:
    now = _now()
    with engine.connect() as db:
        def failures(column, value, minutes):
            return db.execute(
                sa.select(sa.func.count()).select_from(login_failures)
                .where(column == value, login_failures.c.at > now - dt.timedelta(minutes=minutes))
            ).scalar_one()

        return (failures(login_failures.c.username, username, LOCK_MINUTES) >= LOCK_AFTER_FAILURES
                or failures(login_failures.c.address, address, 1) >= ADDRESS_FAILURES_PER_MINUTE)


def record_login(engine: Engine, username: str, address: str, succeeded: bool) -> None:
    with engine.begin() as db:
        if succeeded:
            db.execute(login_failures.delete().where(login_failures.c.username == username))
        else:
            db.execute(login_failures.insert().values(username=username[:80], address=address[:64], at=_now()))


def start_session(engine: Engine, staff_id: int, minutes: int) -> tuple[str, str]:
    """A new session: the cookie's value and the session's CSRF token."""
    token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    with engine.begin() as db:
        db.execute(sessions.insert().values(
            token_hash=_hash_token(token), staff_id=staff_id, csrf=csrf,
            expires_at=_now() + dt.timedelta(minutes=minutes),
        ))
    return token, csrf


def session_for(engine: Engine, token: str, minutes: int) -> Optional[dict]:
    """The staff member and CSRF token of a live session; each use extends it."""
    with engine.begin() as db:
        row = db.execute(
            sa.select(sessions.c.token_hash, sessions.c.csrf, sessions.c.expires_at,
                      staff.c.id, staff.c.username)
            .join(staff, staff.c.id == sessions.c.staff_id)
            .where(sessions.c.token_hash == _hash_token(token))
        ).first()
        if row is None or row.expires_at < _now():
            return None
        db.execute(sessions.update().where(sessions.c.token_hash == row.token_hash)
                   .values(expires_at=_now() + dt.timedelta(minutes=minutes)))
    return {"id": row.id, "username": row.username, "csrf": row.csrf}


def end_session(engine: Engine, token: str) -> None:
    with engine.begin() as db:
        db.execute(sessions.delete().where(sessions.c.token_hash == _hash_token(token)))


# Cases

def create_case(engine: Engine, payload: dict[str, Any]) -> tuple[int, bool]:
    """The case for a handover: its id, and whether it is new (a retry is not)."""
    with engine.begin() as db:
        existing = db.execute(
            sa.select(cases.c.id).where(cases.c.handover_id == payload["handover_id"])
        ).first()
        if existing:
            return existing.id, False
        case_id = db.execute(cases.insert().values(
            handover_id=payload["handover_id"],
            conversation_id=payload["conversation_id"],
            kind=payload["kind"],
            topic=payload.get("topic"),
            audience=payload.get("audience"),
            immediate_danger=bool(payload.get("immediate_danger")),
            risk=payload.get("risk", 1),
            reasons=json.dumps(payload.get("reasons", [])),
            summary=payload.get("summary", ""),
            document=payload.get("document", ""),
            advice=json.dumps(payload.get("advice", [])),
            contact=json.dumps(payload.get("contact", {})),
            status="waiting",
            created_at=_now(),
        )).inserted_primary_key[0]
    return case_id, True


def _case_dict(row: Row) -> dict:
    case = dict(row._mapping)
    for field in ("reasons", "advice", "contact"):
        case[field] = json.loads(case[field])
    return case


_CASE_COLUMNS = [cases, staff.c.username.label("staff_name")]


def open_cases(engine: Engine) -> list[dict]:
    """Waiting and live cases, the most at risk first, then the longest waiting."""
    with engine.connect() as db:
        rows = db.execute(
            sa.select(*_CASE_COLUMNS).outerjoin(staff, staff.c.id == cases.c.staff_id)
            .where(cases.c.status != "closed")
            .order_by(cases.c.risk.desc(), cases.c.created_at, cases.c.id)
        )
        return [_case_dict(row) for row in rows]


def waiting_count(engine: Engine) -> int:
    with engine.connect() as db:
        return db.execute(
            sa.select(sa.func.count()).select_from(cases).where(cases.c.status == "waiting")
        ).scalar_one()


def get_case(engine: Engine, case_id: int) -> Optional[dict]:
    with engine.connect() as db:
        row = db.execute(
            sa.select(*_CASE_COLUMNS).outerjoin(staff, staff.c.id == cases.c.staff_id)
            .where(cases.c.id == case_id)
        ).first()
    return _case_dict(row) if row else None


def claim(engine: Engine, case_id: int, staff_id: int) -> bool:
    """Takes a waiting case; False if someone else took it first."""
    with engine.begin() as db:
        taken = db.execute(
            cases.update().where(cases.c.id == case_id, cases.c.status == "waiting")
            .values(status="live", staff_id=staff_id, claimed_at=_now())
        ).rowcount
    return taken == 1


def release(engine: Engine, case_id: int) -> None:
    """Puts a claimed case back in the queue (the resident could not be told)."""
    with engine.begin() as db:
        db.execute(cases.update().where(cases.c.id == case_id)
                   .values(status="waiting", staff_id=None, claimed_at=None))


def close(engine: Engine, case_id: int, staff_id: int, outcome: str) -> bool:
    with engine.begin() as db:
        closed = db.execute(
            cases.update().where(cases.c.id == case_id, cases.c.status == "live",
                                 cases.c.staff_id == staff_id)
            .values(status="closed", outcome=outcome, closed_at=_now())
        ).rowcount
    return closed == 1


def add_note(engine: Engine, case_id: int, staff_id: int, text: str) -> None:
    with engine.begin() as db:
        db.execute(notes.insert().values(case_id=case_id, staff_id=staff_id, text=text, created_at=_now()))


def _by_staff(engine: Engine, table: sa.Table, columns: list, case_id: int) -> list[dict]:
    """A case's rows in `table`, oldest first, each with the username of who wrote it."""
    with engine.connect() as db:
        rows = db.execute(
            sa.select(*columns, staff.c.username)
            .join(staff, staff.c.id == table.c.staff_id)
            .where(table.c.case_id == case_id).order_by(table.c.id)
        )
        return [dict(row._mapping) for row in rows]


def notes_for(engine: Engine, case_id: int) -> list[dict]:
    return _by_staff(engine, notes, [notes.c.text, notes.c.created_at], case_id)


def record(engine: Engine, staff_id: int, action: str, case_id: Optional[int] = None) -> None:
    """The audit log: who opened, claimed, wrote to or closed which case."""
    with engine.begin() as db:
        db.execute(audit.insert().values(staff_id=staff_id, case_id=case_id, action=action, at=_now()))


def audit_log(engine: Engine, case_id: int) -> list[dict]:
    return _by_staff(engine, audit, [audit.c.action, audit.c.at], case_id)
