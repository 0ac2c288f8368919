"""Where the bot keeps conversations and its handover outbox.

`DATABASE_URL` (any SQLAlchemy URL, e.g. postgresql://user:pass@host/db), or a
SQLite file at `var/rasa.db`. Rasa's tracker store (bot/tracker_store.py), the
action server's outbox and the retention job all read it here.
"""
from __future__ import annotations

import os
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url

DEFAULT_URL = "sqlite:///var/rasa.db"


def database_url() -> str:
    return os.environ.get("DATABASE_URL") or DEFAULT_URL


def make_sqlite_folder(url: str) -> None:
    """SQLite creates a missing file but not a missing folder (`var/` in a fresh clone)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database:
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)


def engine(url: str) -> Engine:
    """An engine for `url`. On SQLite, deleted rows are overwritten, not just
    unlinked, so erased data is gone from the file itself."""
    make_sqlite_folder(url)
    created = sa.create_engine(url, future=True)
    if created.dialect.name == "sqlite":
        @event.listens_for(created, "connect")
        def overwrite_deleted(connection, _record) -> None:
            connection.execute("PRAGMA secure_delete = ON")
    return created
