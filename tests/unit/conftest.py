"""Trackers and dispatchers for action tests, in the style of RasaHQ/financial-demo."""
from __future__ import annotations

import socket
from typing import Any, Dict, List, Optional

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher


def make_tracker(
    text: str = "",
    intent: str = "",
    slots: Optional[Dict[str, Any]] = None,
    entities: Optional[List[Dict[str, Any]]] = None,
    ranking: Optional[List[tuple[str, float]]] = None,
) -> Tracker:
    """A tracker whose latest message is `text`, classified as `intent`."""
    all_slots = {"topic": None, "audience": None, "immediate_danger": False}
    all_slots.update(slots or {})
    intent_ranking = [{"name": name, "confidence": conf} for name, conf in ranking or []]
    latest = {
        "text": text,
        "intent": {"name": intent, "confidence": 1.0},
        "intent_ranking": intent_ranking or [{"name": intent, "confidence": 1.0}],
        "entities": entities or [],
    }
    return Tracker(
        sender_id="test",
        slots=all_slots,
        latest_message=latest,
        events=[],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )


@pytest.fixture
def free_port() -> int:
    """A loopback port nothing listens on (yet)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def dispatcher() -> CollectingDispatcher:
    return CollectingDispatcher()


def texts(dispatcher: CollectingDispatcher) -> List[str]:
    return [message["text"] for message in dispatcher.messages]


def payloads(dispatcher: CollectingDispatcher) -> List[str]:
    return [b["payload"] for message in dispatcher.messages for b in message.get("buttons", [])]
