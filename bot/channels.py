"""Rasa's REST channel, with a clear answer for input it cannot use.

Rasa's own channel answers a JSON list with a 500 and a missing or non-text
`message` with silence. This one checks the body first and answers 400 with a
JSON explanation; everything it accepts goes to Rasa's channel unchanged, at
the same address (/webhooks/rest/webhook). An empty message is accepted: the
assistant asks what happened.
"""
from __future__ import annotations

from typing import Any, Awaitable, Callable, Optional

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.exceptions import InvalidUsage
from sanic.request import Request
from sanic.response import HTTPResponse


def body_problem(request: Request) -> Optional[str]:
    """What is wrong with a webhook request's body, or None if it is usable."""
    try:
        body = request.json
    except InvalidUsage:
        return "The body is not valid JSON."
    if not isinstance(body, dict):
        return 'The body must be a JSON object: {"sender": "...", "message": "..."}.'
    if not isinstance(body.get("message"), str):
        return "The field 'message' is missing or is not text."
    if "sender" in body and not isinstance(body["sender"], str):
        return "The field 'sender' must be text."
    if body.get("metadata") is not None and not isinstance(body["metadata"], dict):
        return "The field 'metadata' must be a JSON object."
    return None


class CheckedRestInput(RestInput):
    def blueprint(
        self, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> Blueprint:
        webhook = super().blueprint(on_new_message)

        @webhook.on_request
        async def check_body(request: Request) -> Optional[HTTPResponse]:
            if request.method == "POST" and request.path.endswith("/webhook"):
                problem = body_problem(request)
                if problem:
                    return response.json({"error": problem}, status=400)
            return None

        return webhook
