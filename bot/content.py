"""Loads the reviewed content files and renders them into chat messages.

Advice, messages, contacts and the force profile live in YAML under `content/`
(or `$CONTENT_DIR`). Text cites contacts as `{contact_id.field}` and the force
as `{force.field}`, so a number is written once, in `contacts.yml`.
"""
from __future__ import annotations

import datetime as dt
import os
import string
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Iterator
from zoneinfo import ZoneInfo

import yaml

from bot import clock

TOPICS = ("fraud", "hacking", "bullying", "stalking", "child_safety", "other")
AUDIENCES = ("self", "child", "business")
STAGES = ("now", "report", "support")
# `other` (police matters that are not online crime) may give one answer for all.
ANY_AUDIENCE = "any"

DEFAULT_DIR = Path(__file__).resolve().parent.parent / "content"


def _namespace(value: Any) -> Any:
    if isinstance(value, dict):
        return SimpleNamespace(**{k: _namespace(v) for k, v in value.items()})
    return value


def placeholders(text: str) -> Iterator[str]:
    """The `{a.b}` fields a text cites, e.g. `report_fraud.phone`."""
    for _, field, _, _ in string.Formatter().parse(text):
        if field:
            yield field


@dataclass(frozen=True)
class Content:
    advice: dict
    contacts: dict
    force: dict
    messages: dict

    @classmethod
    def load(cls, directory: Path | str | None = None) -> "Content":
        directory = Path(directory or os.environ.get("CONTENT_DIR") or DEFAULT_DIR)

        def read(name: str) -> dict:
            with open(directory / f"{name}.yml", encoding="utf-8") as handle:
                return yaml.safe_load(handle)

        return cls(read("advice"), read("contacts"), read("force"), read("messages"))

    def render(self, text: str, **extra: str) -> str:
        """Fills `{contact.field}` and `{force.field}` from the data files.

        `extra` fills the few messages that name something only known at the
        time, such as the member of staff who joined (`{staff}`).
        """
        fields = {key: _namespace(value) for key, value in self.contacts.items()}
        fields["force"] = _namespace(self.force)
        return text.format(**fields, **extra)

    def message(self, key: str, **extra: str) -> str:
        return self.render(self.messages[key]["text"], **extra)

    def label(self, key: str) -> str:
        """A button label from `messages.yml` (labels cite no contacts)."""
        return self.messages["buttons"][key]

    def topic_label(self, topic: str) -> str:
        return self.advice[topic]["label"]

    def opening(self, topic: str) -> str:
        return self.render(self.advice[topic]["opening"])

    def asks_audience(self, topic: str) -> bool:
        return bool(self.advice[topic].get("ask_audience"))

    def advice_items(self, topic: str, audience: str, stage: str) -> list[str]:
        by_audience = self.advice[topic]
        section = by_audience.get(audience) or by_audience[ANY_AUDIENCE]
        return [self.render(item["text"]) for item in section[stage]]

    def helpdesk_open(self, now: dt.datetime | None = None) -> bool:
        """Whether the force's helpdesk is staffed at `now` (local time)."""
        desk = self.force["helpdesk"]
        local = (now or clock.now()).astimezone(
            ZoneInfo(desk["timezone"])
        )
        opens = dt.time.fromisoformat(desk["opens"])
        closes = dt.time.fromisoformat(desk["closes"])
        return local.weekday() in desk["days"] and opens <= local.time() < closes


@lru_cache(maxsize=1)
def content() -> Content:
    """The content for this process, read once."""
    return Content.load()
