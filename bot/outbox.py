"""Handovers on their way to the helpdesk, kept until the helpdesk has them.

Every handover is written to the bot's own database first (the outbox), then
sent. If the helpdesk cannot be reached, the row stays and a background
thread sends it again every few seconds, so a case is never lost to a
helpdesk restart. The helpdesk treats a repeated `handover_id` as the same
case, so a retry after a lost reply creates no duplicate.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import threading
import uuid
from typing import Optional

import requests
import sqlalchemy as sa

from bot.database import engine

logger = logging.getLogger(__name__)

# The person is waiting for an answer: give up on this attempt quickly and
# tell them the phone routes; the retry thread keeps trying.
SEND_TIMEOUT_SECONDS = 3

metadata = sa.MetaData()
outbox = sa.Table(
    "handover_outbox",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    # Kept apart from the payload so one person's handovers can be erased.
    sa.Column("conversation_id", sa.String(255), nullable=False, index=True),
    sa.Column("payload", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("attempts", sa.Integer, nullable=False, default=0),
    sa.Column("delivered_at", sa.DateTime),
    sa.Column("last_error", sa.Text),
)


class HelpdeskUnavailable(Exception):
    pass


class HelpdeskClient:
    """The helpdesk's case API (bot/helpdesk/api.py), with its service token."""

    def __init__(self, url: str, token: str):
        self.url = url.rstrip("/")
        self.token = token

    def create_case(self, payload: dict) -> dict:
        try:
            reply = requests.post(
                f"{self.url}/api/cases",
                json=payload,
                headers={"Authorization": f"Bearer {self.token}"},
                timeout=SEND_TIMEOUT_SECONDS,
            )
        except requests.RequestException as error:
            raise HelpdeskUnavailable(str(error)) from error
        if reply.status_code not in (200, 201):
            raise HelpdeskUnavailable(f"HTTP {reply.status_code}: {reply.text[:200]}")
        return reply.json()


class Outbox:
    def __init__(self, database_url: str, helpdesk: HelpdeskClient):
        self.engine = engine(database_url)
        # The bot's database belongs to Rasa's tracker store, which creates its
        # own tables the same way; this is the one table the bot adds.
        metadata.create_all(self.engine)
        self.helpdesk = helpdesk
        self._lock = threading.Lock()

    def send(self, payload: dict) -> Optional[dict]:
        """Keeps the handover, then tries to deliver it: the helpdesk's answer, or None."""
        handover_id = str(uuid.uuid4())
        with self.engine.begin() as db:
            db.execute(outbox.insert().values(
                id=handover_id,
                conversation_id=payload["conversation_id"],
                payload=json.dumps({**payload, "handover_id": handover_id}),
                created_at=dt.datetime.utcnow(),
                attempts=0,
            ))
        return self._deliver(handover_id)

    def pending(self) -> list[str]:
        with self.engine.connect() as db:
            rows = db.execute(
                sa.select(outbox.c.id).where(outbox.c.delivered_at.is_(None)).order_by(outbox.c.created_at)
            )
            return [row.id for row in rows]

    def retry(self) -> int:
        """Sends every undelivered handover, oldest first: how many arrived."""
        return sum(self._deliver(handover_id) is not None for handover_id in self.pending())

    def _deliver(self, handover_id: str) -> Optional[dict]:
        # One sender at a time, so the retry thread and an action never send
        # the same row at once. No transaction stays open during the request:
        # Rasa's tracker store may share this database.
        with self._lock:
            with self.engine.connect() as db:
                row = db.execute(sa.select(outbox).where(outbox.c.id == handover_id)).one()
            if row.delivered_at is not None:
                return {}
            changes: dict = {"attempts": row.attempts + 1}
            answer = None
            try:
                answer = self.helpdesk.create_case(json.loads(row.payload))
                changes["delivered_at"] = dt.datetime.utcnow()
            except HelpdeskUnavailable as error:
                changes["last_error"] = str(error)[:500]
                logger.warning("Handover %s kept in the outbox: %s", handover_id, error)
            with self.engine.begin() as db:
                db.execute(outbox.update().where(outbox.c.id == handover_id).values(**changes))
            return answer

    def retry_forever(self, every_seconds: float) -> threading.Thread:
        def loop() -> None:
            while not stop.wait(every_seconds):
                try:
                    self.retry()
                except Exception:  # a database hiccup must not end the thread
                    logger.exception("Outbox retry failed; trying again later")

        stop = threading.Event()
        thread = threading.Thread(target=loop, name="handover-outbox", daemon=True)
        thread.start()
        return thread
