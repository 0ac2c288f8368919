"""Rasa's SQL tracker store, configured by one database URL.

Rasa's own SQLTrackerStore takes dialect, host, port and so on separately;
forces and tests set `DATABASE_URL` instead (any SQLAlchemy URL, e.g.
postgresql://user:pass@host/db). Without it, conversations go to a SQLite file
at `var/rasa.db`, so restarting the server loses none of them.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Dict, Optional, Text

from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from sqlalchemy.engine import make_url

DEFAULT_URL = "sqlite:///var/rasa.db"


def database_url() -> str:
    return os.environ.get("DATABASE_URL") or DEFAULT_URL


class UrlSQLTrackerStore(SQLTrackerStore):
    def __init__(
        self,
        domain: Optional[Domain] = None,
        event_broker: Optional[EventBroker] = None,
        **kwargs: Dict[Text, Any],
    ) -> None:
        # Rasa passes the endpoint's `url` as `host`; this store's address is
        # $DATABASE_URL instead.
        kwargs.pop("host", None)
        parsed = make_url(database_url())
        if parsed.get_backend_name() == "sqlite" and parsed.database:
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
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
