"""The resident's pages, served by the helpdesk service beside the staff console.

`/` is the chat as a force would embed it; `/embed.js` lets a force add the
same chat to its own site with one script tag; `/accessibility` is the
statement. The chat itself (static/chat.js) talks to Rasa's socket.io channel.
"""
from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

from sanic import Blueprint, response
from sanic.request import Request

from bot.content import content

HERE = Path(__file__).resolve().parent
web = Blueprint("web")
web.static("/chat/static", str(HERE / "static"), name="chat_static")
RASA_SOCKET_PORT = 5005


def socket_url(request: Request) -> str:
    """Where the page's socket.io client connects: setting, profile, or this host on 5005."""
    configured = os.environ.get("CHAT_SOCKET_URL") or content().force["chat"].get("socket_url")
    return configured or f"{request.scheme}://{request.host.split(':')[0]}:{RASA_SOCKET_PORT}"


def content_security_policy(socket: str) -> str:
    parts = urlsplit(socket)
    websocket = parts._replace(scheme="wss" if parts.scheme == "https" else "ws").geturl()
    # Forces embed the chat with a script tag; a force that frames the page
    # instead lists its site in `chat.frame_ancestors`.
    ancestors = content().force["chat"].get("frame_ancestors") or "'none'"
    return (
        f"default-src 'self'; connect-src 'self' {socket} {websocket}; img-src 'self' data:; "
        f"frame-ancestors {ancestors}; form-action 'self'; base-uri 'none'"
    )


def page(request: Request, template: str) -> response.HTTPResponse:
    texts = content()
    chat = texts.force["chat"]
    socket = socket_url(request)
    html = request.app.ctx.web_templates.get_template(template).render(
        texts=texts, chat=chat, force=texts.force, socket_url=socket,
    )
    reply = response.html(html)
    reply.headers["Content-Security-Policy"] = content_security_policy(socket)
    # Nothing of a resident's visit is kept by the browser's cache.
    reply.headers["Cache-Control"] = "no-store"
    return reply


@web.get("/")
async def chat_page(request: Request):
    return page(request, "chat.html")


@web.get("/accessibility")
async def accessibility(request: Request):
    return page(request, "accessibility.html")


@web.get("/favicon.ico")
async def favicon(request: Request):
    return response.empty()


@web.get("/embed.js")
async def embed(request: Request):
    return await response.file(HERE / "static" / "embed.js", mime_type="text/javascript")
