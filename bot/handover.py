"""What the helpdesk is told when a person asks for staff: the case.

Built from the conversation so far, with every secret the person typed
removed (bot/sensitive.py). The risk level orders the staff queue: 3 for
immediate danger, 2 for the situations the commissioners named (stalking by
someone known, a child, a vulnerable person who has lost money), else 1.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

import yaml

from bot.sensitive import redact
from bot.words import mentions

RISK_FILE = Path(__file__).resolve().parent.parent / "content" / "risk.yml"
# What the helpdesk is shown of the person's words: enough to not ask again,
# short enough to read at a glance.
SUMMARY_MESSAGES = 6
SUMMARY_MESSAGE_CHARS = 300
ADVICE_LABELS = {
    "action_emergency": "Emergency reply (999 and accessible routes)",
    "action_advice_now": "What to do now",
    "action_advice_report": "How to report",
    "action_advice_support": "Who can support them",
}


@dataclass(frozen=True)
class Risk:
    level: int
    reasons: list[str]


@lru_cache(maxsize=1)
def _indicators() -> dict[str, dict]:
    data = yaml.safe_load(RISK_FILE.read_text(encoding="utf-8"))
    return {key: value for key, value in data.items() if isinstance(value, dict)}


def user_texts(events: list[dict]) -> list[str]:
    """What the person told the assistant, oldest first.

    Button presses (`/intent`) are left out, and so are answers to a form's
    questions (a callback's phone number): those travel as their own fields.
    """
    texts, in_form = [], False
    for event in events:
        if event.get("event") == "active_loop":
            in_form = bool(event.get("name"))
        elif event.get("event") == "user" and not in_form:
            text = event.get("text") or ""
            if not text.startswith("/"):
                texts.append(text)
    return texts


def assess(slots: dict[str, Any], texts: list[str]) -> Risk:
    if slots.get("immediate_danger"):
        return Risk(3, ["Immediate danger: the 999 advice was given"])
    said = " ".join(texts)
    topic = slots.get("topic")
    found = {
        key: mentions(rule["words"], said) and topic in rule["topics"]
        for key, rule in _indicators().items()
    }
    reasons = []
    if topic == "child_safety" or slots.get("audience") == "child":
        reasons.append("A child may be at risk")
    if found["known_person"]:
        reasons.append(_indicators()["known_person"]["reason"])
    if found["money_lost"] and found["vulnerable"]:
        reasons += [_indicators()["money_lost"]["reason"], _indicators()["vulnerable"]["reason"]]
    return Risk(2, reasons) if reasons else Risk(1, [])


def summary(texts: list[str]) -> str:
    """The person's latest messages, secrets removed, each cut to a readable length."""
    kept = [redact(text.strip()) for text in texts if text.strip()][-SUMMARY_MESSAGES:]
    return "\n".join(
        text if len(text) <= SUMMARY_MESSAGE_CHARS else text[: SUMMARY_MESSAGE_CHARS - 1] + "…"
        for text in kept
    )


def advice_given(events: list[dict]) -> list[str]:
    """Which scripted advice the person has had, e.g. 'What to do now (fraud)'."""
    given: list[str] = []
    topic: Optional[str] = None
    for event in events:
        if event.get("event") == "slot" and event.get("name") == "topic":
            topic = event.get("value")
        label = ADVICE_LABELS.get(event.get("name") or "") if event.get("event") == "action" else None
        if label:
            entry = f"{label} ({topic})" if topic and label != ADVICE_LABELS["action_emergency"] else label
            if entry not in given:
                given.append(entry)
    return given


def case(conversation_id: str, slots: dict[str, Any], events: list[dict], kind: str = "handover",
         contact: Optional[dict] = None, document: str = "") -> dict:
    """The case the helpdesk API takes (bot/helpdesk/api.py)."""
    texts = user_texts(events)
    risk = assess(slots, texts)
    return {
        "conversation_id": conversation_id,
        "kind": kind,
        "topic": slots.get("topic"),
        "audience": slots.get("audience"),
        "immediate_danger": bool(slots.get("immediate_danger")),
        "risk": risk.level,
        "reasons": risk.reasons,
        "summary": summary(texts),
        "advice": advice_given(events),
        "contact": contact or {},
        # A report summary or safety plan the person made, so they need not tell it again.
        "document": document,
    }
