"""Asks a running assistant about each held-out message, as a resident would.

Each message starts a new conversation over the REST channel; the slots the
assistant set (`topic`, `immediate_danger`) and whether it asked a clarifying
question are read back through the HTTP API.
"""
from __future__ import annotations

import uuid

import requests

from measure.scores import Prediction
from measure.stack import Stack

ASKING_ACTION = "action_clarify_topic"


def predict(stack: Stack, text: str) -> Prediction:
    sender = f"eval-{uuid.uuid4().hex}"
    requests.post(
        f"{stack.url}/webhooks/rest/webhook", json={"sender": sender, "message": text}, timeout=60
    ).raise_for_status()
    tracker = requests.get(
        f"{stack.url}/conversations/{sender}/tracker", params={"token": stack.token}, timeout=60
    ).json()
    actions = [e.get("name") for e in tracker["events"] if e.get("event") == "action"]
    return Prediction(
        topic=tracker["slots"].get("topic"),
        danger=bool(tracker["slots"].get("immediate_danger")),
        asked=ASKING_ACTION in actions,
    )
