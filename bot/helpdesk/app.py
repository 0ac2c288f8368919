"""The web service (port 8000): the resident's chat page, the case API and the staff console."""
from __future__ import annotations

from pathlib import Path

import aiohttp
from jinja2 import Environment, FileSystemLoader, select_autoescape
from sanic import Sanic
from sanic.request import Request

from bot.database import database_url, engine
from bot.helpdesk import db
from bot.helpdesk.api import api
from bot.helpdesk.console import console
from bot.helpdesk.rasa_api import Rasa
from bot.helpdesk.settings import Settings
from bot.web.pages import HERE as WEB, web

HERE = Path(__file__).resolve().parent
RASA_TIMEOUT_SECONDS = 10
SECURITY_HEADERS = {
    # Scripts and styles from this service only; no framing of staff pages.
    "Content-Security-Policy": "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def templates(folder: Path) -> Environment:
    """Jinja2 templates that escape everything they are given."""
    return Environment(loader=FileSystemLoader(folder), autoescape=select_autoescape(default=True))


def create_app(settings: Settings) -> Sanic:
    app = Sanic("helpdesk")
    app.config.KEEP_ALIVE_TIMEOUT = 15
    app.ctx.settings = settings
    app.ctx.templates = templates(HERE / "templates")
    app.ctx.web_templates = templates(WEB / "templates")
    app.blueprint(web)
    app.blueprint(api)
    app.blueprint(console)
    app.static("/staff/static", str(HERE / "static"), name="staff_static")

    @app.before_server_start
    async def open_connections(app: Sanic, _loop) -> None:
        app.ctx.engine = db.connect(settings.database_url)
        # The bot's own database, for erasing a person's conversation on request.
        app.ctx.bot_engine = engine(database_url())
        app.ctx.http = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=RASA_TIMEOUT_SECONDS))
        app.ctx.rasa = Rasa(settings.rasa_url, settings.rasa_token, app.ctx.http)

    @app.after_server_stop
    async def close_connections(app: Sanic, _loop) -> None:
        await app.ctx.http.close()
        app.ctx.engine.dispose()
        app.ctx.bot_engine.dispose()

    @app.on_response
    async def security_headers(request: Request, reply) -> None:
        # A page may set its own policy (the chat page connects to Rasa).
        for name, value in SECURITY_HEADERS.items():
            reply.headers.setdefault(name, value)
        if request.path.startswith("/staff"):
            reply.headers["Cache-Control"] = "no-store"

    return app
