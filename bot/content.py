"""Loads the reviewed content files and renders them into chat messages.

Advice, messages, contacts and the force profiles live in YAML under `content/`
(or `$CONTENT_DIR`). Text cites contacts as `{contact_id.field}` and the force
as `{force.field}`, so a number is written once, in `contacts.yml`.

`FORCE_PROFILE` chooses the force: `content/forces/<name>.yml`, laid over the
neutral `default.yml`, so a profile states only what is local to it.
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

from bot import clock, hours

TOPICS = ("fraud", "hacking", "bullying", "stalking", "child_safety", "other")
AUDIENCES = ("self", "child", "business")
STAGES = ("now", "report", "support")
# `other` (police matters that are not online crime) may give one answer for all.
ANY_AUDIENCE = "any"

DEFAULT_DIR = Path(__file__).resolve().parent.parent / "content"
DEFAULT_PROFILE = "default"


class UnknownProfile(ValueError):
    pass


def _overlay(base: dict, local: dict) -> dict:
    """`base` with `local`'s values in its place, nested blocks merged key by key."""
    merged = dict(base)
    for key, value in local.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            merged[key] = _overlay(base[key], value)
        else:
            merged[key] = value
    return merged


def profiles(directory: Path | str | None = None) -> list[str]:
    """The force profiles shipped in `content/forces/`."""
    forces = Path(directory or os.environ.get("CONTENT_DIR") or DEFAULT_DIR) / "forces"
    return sorted(path.stem for path in forces.glob("*.yml"))


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

    plans: dict
    report: dict

    @classmethod
    def load(cls, directory: Path | str | None = None, profile: str | None = None) -> "Content":
        directory = Path(directory or os.environ.get("CONTENT_DIR") or DEFAULT_DIR)
        profile = profile or os.environ.get("FORCE_PROFILE") or DEFAULT_PROFILE
        if profile not in profiles(directory):
            raise UnknownProfile(
                f"FORCE_PROFILE={profile!r} is not in {directory / 'forces'}; "
                f"choose one of: {', '.join(profiles(directory))}"
            )

        def read(name: str) -> dict:
            with open(directory / f"{name}.yml", encoding="utf-8") as handle:
                return yaml.safe_load(handle)

        force = _overlay(read(f"forces/{DEFAULT_PROFILE}"), read(f"forces/{profile}"))
        return cls(read("advice"), read("contacts"), force, read("messages"), read("plans"), read("report"))

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
        week = [{"days": desk["days"], "opens": desk["opens"], "closes": desk["closes"]}]
        return hours.is_open(week, now or clock.now(), ZoneInfo(desk["timezone"]))


@lru_cache(maxsize=1)
def content() -> Content:
    """The content for this process, read once."""
    return Content.load()
