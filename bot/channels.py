"""Rasa's REST and socket.io channels, with what this assistant adds around each turn.

Both channels:
- answer a flood of messages from one conversation with a polite request to
  slow down, and read a very long message up to the limit with a note
  (bot/limits.py);
- during a live chat with staff, give the 999 reply to danger words although
  the bot is paused (bot/live_chat.py);
- if a turn got no reply at all (the action server is down, say), apologise
  and give the phone routes, so nobody is left with silence.

REST also answers unusable input with a 400 and a JSON explanation (Rasa's own
channel answers a JSON list with a 500 and a missing `message` with silence),
and hands over the staff messages written since the resident's previous
message. socket.io sends each staff message as one event saying who wrote it,
joins its rooms properly, and accepts connections only from the pages allowed
by `CHAT_ALLOWED_ORIGINS`.
"""
from __future__ import annotations

import json
import os
import uuid
from typing import Any, Awaitable, Callable, Optional

from rasa.core.agent import Agent
from rasa.core.channels.channel import CollectingOutputChannel, OutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from rasa.core.channels.socketio import SocketIOInput, SocketIOOutput
from rasa.shared.constants import DEFAULT_SENDER_ID
from rasa.shared.core.events import BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sanic import Blueprint, Sanic, response
from sanic.exceptions import InvalidUsage
from sanic.request import Request
from sanic.response import HTTPResponse

# Imported for its effect: cheaper checks of action server replies.
import bot.rasa_fixes  # noqa: F401
from bot.content import content
from bot.limits import RateLimiter, cut, rate_setting
from bot.live_chat import danger_while_paused, staff_messages_since_previous
from bot.tracker_store import redacting_store

DEFAULT_ORIGINS = "http://127.0.0.1:8000,http://localhost:8000"


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


def said_nothing(events: list) -> bool:
    """Whether the latest message of an unpaused conversation got no reply at all."""
    for event in reversed(events):
        if isinstance(event, BotUttered):
            return False
        if isinstance(event, UserUttered):
            return True
    return False


async def after_turn(
    agent: Agent, sender: str, output: OutputChannel, was_cut: bool, replied: bool
) -> tuple[Optional[DialogueStateTracker], list[str]]:
    """Runs the checks that follow a turn: the conversation (if it had to be
    read), and texts to send after the turn's replies."""
    notes = [content().message("message_cut")] if was_cut else []
    store = redacting_store(agent.tracker_store)
    # The usual turn: answered, and never taken by staff. Nothing to add, and
    # no need to read the whole conversation back.
    if replied and store is not None and not store.was_ever_paused(sender):
        return None, notes
    tracker = await agent.tracker_store.retrieve(sender)
    if tracker is None:
        return None, notes
    after_danger = await danger_while_paused(agent, tracker, output)
    if after_danger is None and not tracker.is_paused() and said_nothing(list(tracker.events)):
        notes.append(content().message("assistant_unavailable"))
    return tracker, notes


def count_replies(output: OutputChannel) -> list:
    """A list that grows by one each time `output` sends a reply."""
    sent: list = []
    send = output.send_response

    async def counted(recipient_id: str, message: dict) -> None:
        sent.append(1)
        await send(recipient_id, message)

    output.send_response = counted
    return sent


class CheckedRestInput(RestInput):
    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = super().blueprint(on_new_message)
        limiter = RateLimiter(*rate_setting())

        def is_message(request: Request) -> bool:
            return request.method == "POST" and request.path.endswith("/webhook")

        @webhook.on_request
        async def check_body(request: Request) -> Optional[HTTPResponse]:
            if not is_message(request):
                return None
            problem = body_problem(request)
            if problem:
                return response.json({"error": problem}, status=400)
            sender = request.ctx.sender = request.json.get("sender") or DEFAULT_SENDER_ID
            if not limiter.allow(sender):
                return response.json(
                    [{"recipient_id": sender, "text": content().message("slow_down")}], status=429
                )
            # Rasa's channel reads the parsed body, so the cut text is what it sees.
            request.json["message"], request.ctx.was_cut = cut(request.json["message"])
            return None

        @webhook.on_response
        async def after(request: Request, reply: HTTPResponse) -> Optional[HTTPResponse]:
            if not is_message(request) or reply.status != 200:
                return None
            sender = request.ctx.sender
            agent = request.app.ctx.agent
            collected = CollectingOutputChannel()
            replies = json.loads(reply.body)
            tracker, notes = await after_turn(
                agent, sender, collected, getattr(request.ctx, "was_cut", False), replied=bool(replies)
            )
            staff = staff_messages_since_previous(tracker, sender) if tracker else []
            if not (collected.messages or staff or notes):
                return None
            extra = [{"recipient_id": sender, "text": note} for note in notes]
            # Danger first, then what staff wrote earlier, this turn's replies, the notes.
            return response.json(collected.messages + staff + replies + extra)

        return webhook


class LiveChatSocketIOOutput(SocketIOOutput):
    async def send_response(self, recipient_id: str, message: dict) -> None:
        custom = message.get("custom") or {}
        if (custom.get("helpdesk") or custom.get("document")) and message.get("text"):
            # One event with the text and what it is (a staff member's words, a
            # summary to download). Rasa's own output would send the marker as
            # a second event, through an emit that cannot take a dictionary.
            await self._send_message(recipient_id, {"text": message["text"], **custom})
            return
        await super().send_response(recipient_id, message)


class LiveChatSocketIOInput(SocketIOInput):
    def get_output_channel(self) -> Optional[SocketIOOutput]:
        return LiveChatSocketIOOutput(self.sio, self.bot_message_evt) if self.sio else None

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        limiter = RateLimiter(*rate_setting())

        async def handle(message: UserMessage) -> None:
            # Rasa builds a plain SocketIOOutput for each message; ours also
            # sends a summary or a staff message as one event.
            output = message.output_channel = self.get_output_channel()
            if not limiter.allow(message.sender_id):
                await output.send_text_message(message.sender_id, content().message("slow_down"))
                return
            message.text, was_cut = cut(message.text or "")
            sent = count_replies(output)
            await on_new_message(message)
            # The Rasa server runs one Sanic app; its agent holds the conversation.
            agent = Sanic.get_app().ctx.agent
            _, notes = await after_turn(agent, message.sender_id, output, was_cut, replied=bool(sent))
            for note in notes:
                await output.send_text_message(message.sender_id, note)

        webhook = super().blueprint(handle)
        # Only the chat page's own origins may connect (a page elsewhere
        # cannot talk to the assistant as if it were the resident).
        origins = os.environ.get("CHAT_ALLOWED_ORIGINS", DEFAULT_ORIGINS)
        self.sio.eio.cors_allowed_origins = [o.strip() for o in origins.split(",") if o.strip()]

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
