"""The time the assistant and the helpdesk act on.

`ASSISTANT_NOW` (ISO 8601 with a UTC offset) fixes it, so the out-of-hours
path can be tested, and shown to a force, at any hour of the day.
"""
from __future__ import annotations

import datetime as dt
import os


def now() -> dt.datetime:
    fixed = os.environ.get("ASSISTANT_NOW")
    if fixed:
        return dt.datetime.fromisoformat(fixed)
    return dt.datetime.now(dt.timezone.utc)
