"""Rasa's REST channel, with a clear answer for input it cannot use.

Rasa's own channel answers a JSON list with a 500 and a missing or non-text
`message` with silence. This one checks the body first and answers 400 with a
JSON explanation; everything it accepts goes to Rasa's channel unchanged, at
the same address (/webhooks/rest/webhook). An empty message is accepted: the
assistant asks what happened.

During a live chat with staff it also hands over the staff messages written
since the resident's previous message, and gives the 999 reply to danger
words even though the bot is paused (bot/live_chat.py).
"""
from __future__ import annotations

import json
from typing import Any, Awaitable, Callable, Optional

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from rasa.shared.constants import DEFAULT_SENDER_ID
from sanic import Blueprint, response
from sanic.exceptions import InvalidUsage
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.live_chat import danger_while_paused, staff_messages_since_previous


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

        @webhook.on_response
        async def live_chat(request: Request, reply: HTTPResponse) -> Optional[HTTPResponse]:
            if request.method != "POST" or not request.path.endswith("/webhook") or reply.status != 200:
                return None
            sender = request.json.get("sender") or DEFAULT_SENDER_ID
            agent = request.app.ctx.agent
            tracker = await agent.tracker_store.retrieve(sender)
            if tracker is None:
                return None
            emergency = CollectingOutputChannel()
            await danger_while_paused(agent, tracker, emergency)
            staff = staff_messages_since_previous(tracker, sender)
            if not staff and not emergency.messages:
                return None
            # Danger first, then what staff wrote earlier, then this turn's replies.
            return response.json(emergency.messages + staff + json.loads(reply.body))

        return webhook
