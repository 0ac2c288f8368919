"""Deleting what is no longer needed, and one person's data on request.

`python -m bot.retention purge [--days N]` deletes conversations whose latest
message is older than N days (default: `retention_days` in the force profile,
30), closed cases closed longer ago than that with their notes and audit
entries, delivered handovers, expired staff sessions and old failed logins.
Run it daily (see the README for a cron line); `make run` also runs it at start.

`erase(conversation_id)` removes one person's conversation everywhere: Rasa's
tracker store, the handover outbox and the helpdesk's cases. Staff do it from
the case page when a person asks.
"""
from __future__ import annotations

import argparse
import datetime as dt
import time
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from bot.content import content
from bot.helpdesk import db as helpdesk_db
from bot.helpdesk.settings import database_url as helpdesk_database_url
from bot.helpdesk.tables import audit, cases, login_failures, notes, sessions
from bot.outbox import metadata as outbox_metadata, outbox
from bot.database import database_url, engine

# Rasa's SQL tracker store keeps every event as a row of this table.
EVENTS = sa.table("events", sa.column("sender_id"), sa.column("timestamp"))


@dataclass
class Removed:
    conversations: int = 0
    cases: int = 0
    handovers: int = 0

    def __str__(self) -> str:
        return (f"{self.conversations} conversation(s), {self.cases} case(s), "
                f"{self.handovers} handover(s) removed")


def engines() -> tuple[Engine, Engine]:
    """The bot's database (conversations, outbox) and the helpdesk's."""
    bot = engine(database_url())
    helpdesk = helpdesk_db.connect(helpdesk_database_url())
    return bot, helpdesk


def _prepare(bot: Engine) -> bool:
    """Creates the outbox table if no handover was ever made; whether Rasa has
    stored any conversation yet (its events table)."""
    outbox_metadata.create_all(bot)
    return sa.inspect(bot).has_table("events")


def _delete_cases(helpdesk: Engine, condition) -> int:
    with helpdesk.begin() as db:
        ids = [row.id for row in db.execute(sa.select(cases.c.id).where(condition))]
        if ids:
            db.execute(notes.delete().where(notes.c.case_id.in_(ids)))
            db.execute(audit.delete().where(audit.c.case_id.in_(ids)))
            db.execute(cases.delete().where(cases.c.id.in_(ids)))
    return len(ids)


def purge(bot: Engine, helpdesk: Engine, days: int) -> Removed:
    cutoff = dt.datetime.utcnow() - dt.timedelta(days=days)
    removed = Removed()
    if _prepare(bot):
        with bot.begin() as db:
            old = (sa.select(EVENTS.c.sender_id).group_by(EVENTS.c.sender_id)
                   .having(sa.func.max(EVENTS.c.timestamp) < time.time() - days * 86400))
            senders = [row.sender_id for row in db.execute(old)]
            for start in range(0, len(senders), 500):
                db.execute(EVENTS.delete().where(EVENTS.c.sender_id.in_(senders[start:start + 500])))
            removed.conversations = len(senders)
    with bot.begin() as db:
        removed.handovers = db.execute(
            outbox.delete().where(outbox.c.delivered_at.is_not(None), outbox.c.created_at < cutoff)
        ).rowcount
    removed.cases = _delete_cases(helpdesk, sa.and_(cases.c.status == "closed", cases.c.closed_at < cutoff))
    with helpdesk.begin() as db:
        db.execute(sessions.delete().where(sessions.c.expires_at < dt.datetime.utcnow()))
        db.execute(login_failures.delete().where(login_failures.c.at < cutoff))
    return removed


def erase(bot: Engine, helpdesk: Engine, conversation_id: str) -> Removed:
    removed = Removed()
    if _prepare(bot):
        with bot.begin() as db:
            removed.conversations = int(bool(
                db.execute(EVENTS.delete().where(EVENTS.c.sender_id == conversation_id)).rowcount))
    with bot.begin() as db:
        removed.handovers = db.execute(outbox.delete().where(outbox.c.conversation_id == conversation_id)).rowcount
    removed.cases = _delete_cases(helpdesk, cases.c.conversation_id == conversation_id)
    return removed


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bot.retention")
    commands = parser.add_subparsers(dest="command", required=True)
    purge_command = commands.add_parser("purge", help="delete conversations and closed cases past retention")
    purge_command.add_argument("--days", type=int, default=content().force["retention_days"])
    args = parser.parse_args()
    if args.command == "purge":
        print(purge(*engines(), args.days))


if __name__ == "__main__":
    main()
