"""Asks a running assistant about each held-out message, as a resident would.

Each message starts a new conversation over the REST channel; the slots the
assistant set (`topic`, `immediate_danger`) are read back through the HTTP API.
A reply that asks which topic it was counts as asking; a reply that sets no
topic and asks nothing (a greeting, thanks, another language) counts as
`other`: the assistant treated it as no cyber-crime topic.
"""
from __future__ import annotations

import uuid

import requests

from bot.content import content
from measure.scores import Prediction
from measure.stack import Stack


def predict(stack: Stack, text: str) -> Prediction:
    sender = f"eval-{uuid.uuid4().hex}"
    replies = requests.post(
        f"{stack.url}/webhooks/rest/webhook", json={"sender": sender, "message": text}, timeout=60
    )
    replies.raise_for_status()
    slots = requests.get(
        f"{stack.url}/conversations/{sender}/tracker", params={"token": stack.token}, timeout=60
    ).json()["slots"]
    asked = any(reply.get("text") == content().message("clarify_topic") for reply in replies.json())
    topic = slots.get("topic") or (None if asked else "other")
    return Prediction(topic=topic, danger=bool(slots.get("immediate_danger")), asked=asked)
