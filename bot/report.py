"""Help to report: what the person's answers mean, where to report, and the summary.

The report forms (actions/report.py) keep each answer as the person typed it,
secrets removed. Here the answers are read (did money leave, and how; is it
happening now; where do they live), turned into the routes to report with the
reason for each, and written up as a plain summary the person can copy,
download or send to the helpdesk.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Iterable, Optional

from bot import directory
from bot.content import Content
from bot.words import mentions, named

FRAUD_TOPICS = ("fraud", "hacking")
ABUSE_TOPICS = ("bullying", "stalking", "child_safety")
# The order matters: "gift card" before "card".
MONEY_WORDS = {
    "none": r"\b(no|none|nothing|not any|didn'?t|did not|haven'?t|have not)\b",
    "gift_cards": r"\b(gift ?cards?|vouchers?|itunes|steam cards?|google play cards?|amazon cards?)\b",
    "crypto": r"\b(crypto\w*|bitcoin|btc|ethereum|usdt|tether|coinbase|binance)\b",
    "bank_transfer": r"\b(bank transfer|transfer(red)?|faster payments?|chaps|online banking|sort code|safe account|sent it from my bank)\b",
    "card": r"\b(cards?|debit|credit|apple pay|google pay|paypal|chargeback)\b",
    "cash": r"\b(cash|courier)\b",
}
TIMING_WORDS = (
    ("now", r"\b(now|right now|happening|on (their|his|her|the) way|still going|at the moment|currently|in progress)\b"),
    ("recent", r"\b(today|this (morning|afternoon|evening)|tonight|last night|yesterday|hours? ago|an hour|24 hours)\b"),
)
CONTACT_WORDS = {
    "text": r"\b(texts?|sms|whats ?app|message[ds]?|imessage)\b",
    "email": r"\b(e-?mails?)\b",
    "phone": r"\b(phone|call(ed)?|rang|ring|voicemail)\b",
    "website": r"\b(website|site|online|app|advert|ad)\b",
}
YES = re.compile(r"^\s*(yes|y|yeah|yep|i do|i think so|probably|they live near|local)\b", re.IGNORECASE)
NOT_SURE = re.compile(r"^\s*(not sure|unsure|don'?t know|do not know|maybe|no idea|dunno)\b", re.IGNORECASE)
NO = re.compile(r"^\s*(no|n|nope|not|don'?t|do not)\b", re.IGNORECASE)


def _first(patterns: Iterable[tuple[str, str]], text: str) -> Optional[str]:
    return next((name for name, pattern in patterns if re.search(pattern, text, re.IGNORECASE)), None)


def money_ways(text: str) -> tuple[str, ...]:
    """How money left, from the answer: ('bank_transfer', 'gift_cards'), ('none',) or ()."""
    found = []
    for name, pattern in MONEY_WORDS.items():
        if name != "none" and re.search(pattern, text, re.IGNORECASE):
            found.append(name)
            # "gift cards" is not also a card payment.
            text = re.sub(pattern, " ", text, flags=re.IGNORECASE)
    if found:
        return tuple(found)
    return ("none",) if re.search(MONEY_WORDS["none"], text, re.IGNORECASE) else ()


def timing(text: str) -> str:
    """'now', 'recent' (the last 24 hours), 'earlier', or 'unknown' if not said."""
    if not text.strip():
        return "unknown"
    return _first(TIMING_WORDS, text) or "earlier"


def yes_no(text: str) -> str:
    """'yes', 'no', or 'unknown' for not sure, left out or anything else."""
    if NOT_SURE.match(text):
        return "unknown"
    if YES.match(text):
        return "yes"
    return "no" if NO.match(text) else "unknown"


def contact_ways(text: str) -> tuple[str, ...]:
    return tuple(name for name, pattern in CONTACT_WORDS.items() if re.search(pattern, text, re.IGNORECASE))


@dataclass(frozen=True)
class Facts:
    """What the routing needs to know, read from the answers and the conversation."""

    topic: str
    money: tuple[str, ...] = ()
    timing: str = "unknown"
    known: str = "unknown"
    country: Optional[str] = None
    contact: tuple[str, ...] = ()
    child: bool = False
    platforms: tuple[str, ...] = ()
    images: bool = False


@dataclass(frozen=True)
class Route:
    id: str
    title: str
    why: str


def route_ids(facts: Facts) -> list[str]:
    """Where to report and get help, first things first.

    Danger now comes first; then the bank, within hours, when money left; then
    local police when it is happening now, in the last 24 hours, or the person
    is known or local; then the national service for the country (Report Fraud,
    or Police Scotland in Scotland); then the specialist and platform routes;
    support last, for everyone, reported or not.
    """
    fraud = facts.topic in FRAUD_TOPICS
    scotland = facts.country == "scotland"
    ids = []
    if facts.timing == "now":
        ids.append("emergency_now")
    if fraud:
        money = set(facts.money)
        if "bank_transfer" in money:
            ids.append("bank_transfer")
        elif money & {"card", "cash"}:
            ids.append("bank_card")
        ids += [way for way in ("gift_cards", "crypto") if way in money]
        # In Scotland the Police Scotland route below is the local police.
        if (facts.timing in ("now", "recent") or facts.known == "yes") and not scotland:
            ids.append("police_now")
        ids.append("police_scotland" if scotland else "report_fraud")
        if facts.topic == "hacking":
            ids.append("account_recovery")
        ids += [f"scam_{way}" for way in ("text", "email") if way in facts.contact]
    else:
        ids.append("police_scotland" if scotland else "police_harassment")
        if facts.child:
            ids.append("ceop")
        if facts.child and facts.topic == "bullying":
            ids.append("school")
    if facts.platforms:
        ids.append("platform")
    if facts.images:
        ids.append("images_child" if facts.child else "images_adult")
    if facts.topic == "stalking":
        ids.append("stalking_helpline")
        if facts.known == "yes":
            ids.append("domestic_abuse")
    ids.append("victim_support")
    return ids


def routes(facts: Facts, texts: Content) -> list[Route]:
    platforms = " or ".join(facts.platforms) or "the app or site"
    found = []
    for route_id in route_ids(facts):
        entry = texts.report["routes"][route_id]
        found.append(Route(
            route_id,
            texts.render(entry["title"], platforms=platforms),
            texts.render(entry["why"], platforms=platforms),
        ))
    return found


def kind_for(topic: Optional[str]) -> Optional[str]:
    """Which report form suits the topic: 'fraud', 'abuse', or None if not known."""
    if topic in FRAUD_TOPICS:
        return "fraud"
    return "abuse" if topic in ABUSE_TOPICS else None


def facts_from(slots: dict[str, Any], texts: Content) -> Facts:
    def said(slot: str) -> str:
        return str(slots.get(slot) or "")

    what = said("report_what")
    kind = slots.get("report_kind") or kind_for(slots.get("topic")) or "fraud"
    topic = slots.get("topic")
    if kind_for(topic) != kind:
        topic = "fraud" if kind == "fraud" else "stalking"
    words = directory.vocabulary()
    return Facts(
        topic=topic,
        money=money_ways(said("report_money")),
        timing=timing(said("report_when")) if kind == "fraud" else "unknown",
        known=yes_no(said("report_known")),
        country=directory.country_in(said("report_country"), texts.force.get("country")),
        contact=contact_ways(said("report_contact_method")),
        child=topic == "child_safety" or slots.get("audience") == "child",
        platforms=named(texts.report["platforms"],
                        " ".join((said("report_platforms"), said("report_contact_method"), what))),
        images=mentions(words["needs"]["intimate_images"]["words"], what),
    )


def document(slots: dict[str, Any], texts: Content, today: dt.date) -> Optional[str]:
    """The plain-text summary, or None if no report was started.

    Every question may have been left out: the routes are still worth having.
    """
    kind = slots.get("report_kind")
    if kind not in texts.report["kinds"]:
        return None
    shape = texts.report["kinds"][kind]
    answers = [
        f"{texts.report['fields'][slot]}: {slots[slot]}"
        for slot in shape["slots"]
        if slots.get(slot)
    ]
    steps = [
        f"{number}. {route.title}\n   Why: {route.why}"
        for number, route in enumerate(routes(facts_from(slots, texts), texts), start=1)
    ]
    # No blank lines: Rasa's REST channel would cut the summary into messages there.
    return "\n".join([
        shape["title"],
        texts.message("report_made", date=f"{today.day} {today:%B %Y}"),
        *(answers or [texts.message("report_nothing_given")]),
        texts.message("report_routes_heading"),
        *steps,
        texts.message("report_keep_evidence"),
    ])
