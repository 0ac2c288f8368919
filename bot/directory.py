"""The support directory: who can help with what, for whom, where, and whether they are open now.

National services are the entries of `content/contacts.yml` that say what they
help with (`helps_with`); the force profile adds its local services in the same
shape. What the person needs comes from their words (`content/needs.yml`), from
a button, or from the topic already found in the conversation.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

import yaml

from bot import hours
from bot.content import Content
from bot.words import mentions

NEEDS_FILE = Path(__file__).resolve().parent.parent / "content" / "needs.yml"
# Enough to choose from, few enough to read on a phone.
MOST_LISTED = 4
# "I'm 15", "i am 15", "im 15", "aged 15": the age of the person asking.
OWN_AGE = re.compile(r"\b(?:i'?m|i am|aged)\s+(\d{1,2})\b", re.IGNORECASE)
TOPIC_NEEDS = {"fraud": "fraud", "hacking": "hacking", "bullying": "bullying",
               "stalking": "stalking", "child_safety": "child_safety"}


@lru_cache(maxsize=1)
def vocabulary() -> dict:
    return yaml.safe_load(NEEDS_FILE.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Query:
    needs: tuple[str, ...] = ()
    audience: Optional[str] = None
    age: Optional[int] = None
    country: Optional[str] = None
    open_now_first: bool = False


def country_in(text: str, otherwise: Optional[str] = None) -> Optional[str]:
    """The UK country the text names ("in Scotland", "Belfast"), else `otherwise`."""
    countries = vocabulary()["countries"]
    return next((name for name, names in countries.items() if mentions(names, text)), otherwise)


def read_query(text: str, topic: Optional[str] = None, audience: Optional[str] = None,
               needs: Iterable[str] = (), country: Optional[str] = None) -> Query:
    """What the person asked for: their words first, then what the conversation knows."""
    words = vocabulary()
    said = [need for need, entry in words["needs"].items() if mentions(entry["words"], text)]
    chosen = list(dict.fromkeys([*needs, *said]))
    if not chosen and topic in TOPIC_NEEDS:
        chosen = [TOPIC_NEEDS[topic]]
    age = OWN_AGE.search(text)
    if "business" in chosen:
        audience = "business"
    return Query(
        needs=tuple(chosen),
        audience=audience,
        age=int(age.group(1)) if age else None,
        country=country_in(text, country),
        open_now_first=mentions(words["open_now"], text),
    )


@dataclass(frozen=True)
class Service:
    id: str
    entry: dict = field(repr=False)
    local: bool = False

    def __getattr__(self, name: str):
        return self.entry.get(name)

    def suits(self, query: Query) -> bool:
        if query.needs and not set(query.needs) & set(self.entry["helps_with"]):
            return False
        if query.audience and query.audience not in self.entry.get("audience", [query.audience]):
            return False
        youngest, oldest = self.entry.get("ages") or (None, None)
        if query.age is not None and (
            (youngest is not None and query.age < youngest) or (oldest is not None and query.age > oldest)
        ):
            return False
        return not (query.country and self.entry.get("area") and query.country not in self.entry["area"])

    def open_now(self, now: dt.datetime) -> bool:
        schedule = self.entry.get("open")
        if schedule in ("always", "online"):
            return True
        return bool(schedule) and hours.is_open(schedule, now)


def services(texts: Content) -> list[Service]:
    """Every listed service: the force's own first, then the national ones."""
    local = [Service(entry["id"], entry, local=True) for entry in texts.force.get("services") or []]
    national = [Service(key, entry) for key, entry in texts.contacts.items() if entry.get("helps_with")]
    return local + national


def find(query: Query, texts: Content, now: dt.datetime, most: int = MOST_LISTED) -> list[Service]:
    """The services that suit the query, best first.

    Those that help with more of what was asked come first; among equals an
    open one before a closed one (when the person asked what is open now), a
    local service before a national one, and a specialist before a service
    for everyone.
    """
    found = [service for service in services(texts) if service.suits(query)]

    def rank(indexed: tuple[int, Service]):
        order, service = indexed
        matched = len(set(query.needs) & set(service.helps_with))
        closed = query.open_now_first and not service.open_now(now)
        # Business-only services go last unless a business is asking.
        elsewhere = query.audience != "business" and service.audience == ["business"]
        # A service for exactly these people and this need before a general one.
        general = (len(service.audience or ()) if query.audience else 0, len(service.helps_with))
        return (elsewhere, -matched, closed, not service.local, general, order)

    return [service for _, service in sorted(enumerate(found), key=rank)][:most]


def status(service: Service, texts: Content, now: dt.datetime) -> str:
    """Whether it is open now, in the words the person is shown."""
    schedule = service.open
    if schedule == "always":
        return texts.message("directory_open_always")
    if schedule == "online":
        return texts.message("directory_online")
    if not schedule:
        return texts.message("directory_hours_unknown")
    closes = hours.closes_at(schedule, now)
    if closes:
        said = texts.message("directory_open_until", time=hours.clock_time(closes))
    else:
        opening = hours.next_opening(schedule, now)
        said = texts.message("directory_closed", when=hours.when(opening, now))
    if service.online:
        said += texts.message("directory_and_online", online=service.online)
    if service.verify:
        said += texts.message("directory_hours_checked")
    return said


def listing(service: Service, texts: Content, now: dt.datetime) -> str:
    """One service as a short message: what it does, how to reach it, whether it is open."""
    routes = [
        texts.message(f"directory_{route}", value=service.entry[route])
        for route in ("phone", "text", "email", "web")
        if service.entry.get(route)
    ]
    details = [status(service, texts, now)]
    if service.cost:
        details.append(texts.message("directory_cost", cost=service.cost))
    if service.languages:
        details.append(texts.message("directory_languages", languages=", ".join(service.languages)))
    return "\n".join([
        f"{capital(texts.render(service.entry['name']))}: {texts.render(service.entry['for'])}.",
        " · ".join(routes),
        capital("; ".join(details)) + ".",
    ])


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]
