"""A conversation as staff read it: the resident, the assistant and staff, in order."""
from __future__ import annotations

import datetime as dt

from bot.sensitive import redact

DANGER_INTENT = "immediate_danger"


def _time(timestamp: float | None) -> str:
    if not timestamp:
        return ""
    return dt.datetime.fromtimestamp(timestamp, dt.timezone.utc).strftime("%H:%M:%S")


def transcript(events: list[dict]) -> list[dict]:
    """One line per message. Secrets a resident typed are shown removed."""
    lines = []
    for event in events:
        kind = event.get("event")
        if kind == "user":
            text = event.get("text") or ""
            intent = (event.get("parse_data") or {}).get("intent", {}).get("name")
            lines.append({
                "who": "resident",
                "text": f"(pressed a button: {text})" if text.startswith("/") else redact(text),
                "danger": intent == DANGER_INTENT,
                "at": _time(event.get("timestamp")),
            })
        elif kind == "bot":
            custom = ((event.get("data") or {}).get("custom") or {})
            helpdesk = custom.get("helpdesk")
            who = "staff" if helpdesk == "staff" else "helpdesk" if helpdesk else "assistant"
            lines.append({
                "who": who,
                "name": custom.get("staff"),
                "text": event.get("text") or "",
                "danger": False,
                "at": _time(event.get("timestamp")),
            })
    return lines
