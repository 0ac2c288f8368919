"""One real stack per test session: loading a model takes about a minute."""
from __future__ import annotations

import os
import secrets

import pytest
import requests

from measure.stack import Stack, current_model


@pytest.fixture(scope="session")
def stack(tmp_path_factory) -> Stack:
    # `make test` passes the model it trained as $MODEL.
    model = os.environ.get("MODEL") or current_model()
    running = Stack(tmp_path_factory.mktemp("stack"), model, secrets.token_urlsafe(16))
    try:
        yield running.start()
    finally:
        running.stop_all()


class Resident:
    """A person talking to the assistant over the REST channel."""

    def __init__(self, stack: Stack, sender: str):
        self.stack = stack
        self.sender = sender

    def say(self, text: str) -> list[dict]:
        reply = requests.post(
            f"{self.stack.url}/webhooks/rest/webhook",
            json={"sender": self.sender, "message": text},
            timeout=30,
        )
        assert reply.status_code == 200, reply.text
        return reply.json()

    def tracker(self) -> dict:
        reply = requests.get(
            f"{self.stack.url}/conversations/{self.sender}/tracker",
            params={"token": self.stack.token},
            timeout=30,
        )
        assert reply.status_code == 200, reply.text
        return reply.json()


@pytest.fixture
def resident(stack, request) -> Resident:
    return Resident(stack, f"{request.node.name}-{secrets.token_hex(4)}")


def texts(replies: list[dict]) -> list[str]:
    return [reply.get("text", "") for reply in replies]
