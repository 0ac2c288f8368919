"""The Rasa server's HTTP API, as the helpdesk uses it for live chat.

Staff join, write and leave through the tracker events endpoint, so the
conversation stays one transcript in Rasa's tracker store: a `pause` event
quietens the bot while staff chat, `resume` hands the conversation back, and
staff messages are bot events marked `custom.helpdesk`. With
`execute_side_effects` Rasa sends them at once to the channel the resident
last wrote from (socket.io); the REST channel hands them over with its next
reply (bot/channels.py).
"""
from __future__ import annotations

from typing import Any, Optional
from urllib.parse import quote

import aiohttp


class RasaUnavailable(Exception):
    pass


def staff_message(text: str, helpdesk: str, staff_name: Optional[str] = None) -> dict:
    """A bot event carrying staff words (`helpdesk` is staff, joined, left or handback)."""
    custom = {"helpdesk": helpdesk, **({"staff": staff_name} if staff_name else {})}
    return {"event": "bot", "text": text, "data": {"custom": custom}}


class Rasa:
    def __init__(self, url: str, token: str, session: aiohttp.ClientSession):
        self.url = url.rstrip("/")
        self.token = token
        self.session = session

    def _conversation(self, conversation_id: str) -> str:
        return f"{self.url}/conversations/{quote(conversation_id, safe='')}"

    async def _call(self, method: str, url: str, **kwargs: Any) -> Any:
        try:
            async with self.session.request(method, url, **kwargs) as reply:
                if reply.status != 200:
                    raise RasaUnavailable(f"Rasa answered {reply.status}: {(await reply.text())[:200]}")
                return await reply.json()
        except aiohttp.ClientError as error:
            raise RasaUnavailable(str(error)) from error

    async def events(self, conversation_id: str) -> list[dict]:
        tracker = await self._call(
            "GET", f"{self._conversation(conversation_id)}/tracker",
            params={"token": self.token, "include_events": "ALL"},
        )
        return tracker.get("events") or []

    async def append(self, conversation_id: str, events: list[dict]) -> None:
        await self._call(
            "POST", f"{self._conversation(conversation_id)}/tracker/events",
            params={"token": self.token, "execute_side_effects": "true",
                    "output_channel": "latest", "include_events": "NONE"},
            json=events,
        )
