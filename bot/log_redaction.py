"""Keeps secrets out of log files: every log line goes through bot/sensitive.py.

Rasa logs what residents type at debug level, and an exception can carry a
message's text; a force may run with debug logging while fixing a fault.
"""
from __future__ import annotations

import logging

from bot.sensitive import redact


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = redact(message)
        if clean != message:
            record.msg, record.args = clean, None
        return True


def redact_logs() -> None:
    """Adds the filter to every handler of the root logger (where all records end)."""
    for handler in logging.getLogger().handlers:
        if not any(isinstance(f, RedactingFilter) for f in handler.filters):
            handler.addFilter(RedactingFilter())
