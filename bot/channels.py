"""Rasa's REST and socket.io channels, with what this assistant adds to them.

REST: a clear answer for input it cannot use.

Rasa's own channel answers a JSON list with a 500 and a missing or non-text
`message` with silence. This one checks the body first and answers 400 with a
JSON explanation; everything it accepts goes to Rasa's channel unchanged, at
the same address (/webhooks/rest/webhook). An empty message is accepted: the
assistant asks what happened.

During a live chat with staff, both channels give the 999 reply to danger
words even though the bot is paused (bot/live_chat.py); REST also hands over
the staff messages written since the resident's previous message, and
socket.io sends each staff message as one event saying who wrote it.
"""
from __future__ import annotations

import json
import uuid
from typing import Any, Awaitable, Callable, Optional

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from rasa.core.channels.socketio import SocketIOInput, SocketIOOutput
from rasa.shared.constants import DEFAULT_SENDER_ID
from sanic import Blueprint, Sanic, response
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


class LiveChatSocketIOOutput(SocketIOOutput):
    async def send_response(self, recipient_id: str, message: dict) -> None:
        custom = message.get("custom") or {}
        if custom.get("helpdesk") and message.get("text"):
            # One event with the text and who wrote it. Rasa's own output would
            # send the marker as a second event, through an emit that cannot
            # take a dictionary.
            await self._send_message(recipient_id, {"text": message["text"], **custom})
            return
        await super().send_response(recipient_id, message)


class LiveChatSocketIOInput(SocketIOInput):
    def get_output_channel(self) -> Optional[SocketIOOutput]:
        return LiveChatSocketIOOutput(self.sio, self.bot_message_evt) if self.sio else None

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        async def handle(message: UserMessage) -> None:
            await on_new_message(message)
            # The Rasa server runs one Sanic app; its agent holds the conversation.
            agent = Sanic.get_app().ctx.agent
            tracker = await agent.tracker_store.retrieve(message.sender_id)
            if tracker is not None:
                await danger_while_paused(agent, tracker, message.output_channel)

        webhook = super().blueprint(handle)

        # Rasa 3.6 calls `enter_room` without awaiting it, which python-socketio
        # 5.10+ made a coroutine: the room is never joined and replies go
        # nowhere. The same handler, awaited.
        @self.sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: str, data: Optional[dict]) -> None:
            data = data if isinstance(data, dict) else {}
            if not data.get("session_id"):
                data["session_id"] = uuid.uuid4().hex
            if self.session_persistence:
                await self.sio.enter_room(sid, data["session_id"])
            await self.sio.emit("session_confirm", data["session_id"], room=sid)

        return webhook
