"""Rasa's SQL tracker store, configured by one database URL, that stores no secret.

Rasa's own SQLTrackerStore takes dialect, host, port and so on separately;
forces and tests set `DATABASE_URL` instead (any SQLAlchemy URL, e.g.
postgresql://user:pass@host/db). Without it, conversations go to a SQLite file
at `var/rasa.db`, so restarting the server loses none of them.

Before a message is written, every card number, bank detail, password, PIN,
one-time code and national insurance number in it is replaced by a note of
what was removed (bot/sensitive.py). The assistant has already answered by
then, so the person still gets a sensible reply.
"""
from __future__ import annotations

from typing import Any, Dict, Iterator, Optional, Text

from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ConversationPaused, Event, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy.engine import make_url

from bot.database import database_url, make_sqlite_folder
from bot.log_redaction import redact_logs
from bot.sensitive import redact

def redacted(event: Event) -> Event:
    """The event as it may be stored: a resident's words without their secrets."""
    if not isinstance(event, UserUttered) or not event.text:
        return event
    clean = redact(event.text)
    if clean == event.text:
        return event
    data = event.as_dict()
    data["text"] = clean
    data.setdefault("parse_data", {})["text"] = clean
    return Event.from_parameters(data)


class RedactingSQLTrackerStore(SQLTrackerStore):
    def __init__(
        self,
        domain: Optional[Domain] = None,
        event_broker: Optional[EventBroker] = None,
        **kwargs: Dict[Text, Any],
    ) -> None:
        # Rasa passes the endpoint's `url` as `host`; this store's address is
        # $DATABASE_URL instead.
        kwargs.pop("host", None)
        # Rasa has set up its logging by now; from here on no log line keeps a secret.
        redact_logs()
        make_sqlite_folder(database_url())
        parsed = make_url(database_url())
        super().__init__(
            domain=domain,
            dialect=parsed.drivername,
            host=parsed.host,
            port=parsed.port,
            db=parsed.database,
            username=parsed.username,
            password=parsed.password,
            event_broker=event_broker,
            query=dict(parsed.query) or None,
            **kwargs,
        )

    def _additional_events(self, session: Any, tracker: DialogueStateTracker) -> Iterator[Event]:
        # Rasa's save() writes exactly these events: each is redacted on the way.
        return (redacted(event) for event in super()._additional_events(session, tracker))

    def was_ever_paused(self, sender_id: Text) -> bool:
        """Whether staff ever took this conversation: one indexed query, no replay."""
        with self.session_scope() as session:
            return session.query(self.SQLEvent.id).filter(
                self.SQLEvent.sender_id == sender_id,
                self.SQLEvent.type_name == ConversationPaused.type_name,
            ).first() is not None


def redacting_store(store: Any) -> Optional[RedactingSQLTrackerStore]:
    """This store inside the wrappers Rasa puts around it (fail-safe, awaitable)."""
    while not isinstance(store, RedactingSQLTrackerStore) and hasattr(store, "_tracker_store"):
        store = store._tracker_store
    return store if isinstance(store, RedactingSQLTrackerStore) else None
