"""The helpdesk's settings, from the environment (`make run` loads `.env`)."""
from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULT_DATABASE_URL = "sqlite:///var/helpdesk.db"


def database_url() -> str:
    """The helpdesk's database: `HELPDESK_DATABASE_URL`, or a SQLite file under var/."""
    return os.environ.get("HELPDESK_DATABASE_URL") or DEFAULT_DATABASE_URL


@dataclass(frozen=True)
class Settings:
    database_url: str
    # The action server's key to the case API.
    service_token: str
    # The Rasa server, whose conversations staff read and join.
    rasa_url: str
    rasa_token: str
    # Staff sessions end after this long without a request.
    session_minutes: int = 480

    @classmethod
    def from_env(cls) -> "Settings":
        token = os.environ.get("HELPDESK_TOKEN", "")
        if not token:
            raise SystemExit("HELPDESK_TOKEN is not set (make run writes one into .env).")
        return cls(
            database_url=database_url(),
            service_token=token,
            rasa_url=os.environ.get("RASA_URL", "http://127.0.0.1:5005"),
            rasa_token=os.environ.get("RASA_TOKEN", ""),
        )
