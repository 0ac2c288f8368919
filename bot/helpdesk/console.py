"""The staff console: log in, the queue, a case, live chat, notes, closing.

Every page needs a session; every form carries the session's CSRF token.
Templates escape everything residents and staff type (Jinja2 autoescape).
"""
from __future__ import annotations

import functools
import hmac
import secrets
from typing import Any, Callable, Optional

from sanic import Blueprint, response
from sanic.exceptions import NotFound
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.content import content
from bot import retention
from bot.helpdesk import store
from bot.helpdesk.rasa_api import RasaUnavailable, staff_message
from bot.helpdesk.transcript import transcript

console = Blueprint("console", url_prefix="/staff")

SESSION_COOKIE = "helpdesk_session"
LOGIN_CSRF_COOKIE = "helpdesk_login"
MAX_MESSAGE = 2000


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTTPResponse:
    page = request.app.ctx.templates.get_template(template).render(
        force=content().force, staff=getattr(request.ctx, "staff", None), **context
    )
    return response.html(page, status=status)


def set_cookie(reply: HTTPResponse, name: str, value: str, max_age: int) -> None:
    reply.cookies[name] = value
    cookie = reply.cookies[name]
    cookie["httponly"] = True
    cookie["secure"] = True
    cookie["samesite"] = "Strict"
    cookie["path"] = "/staff"
    cookie["max-age"] = max_age


def login_page(request: Request, status: int, error: Optional[str] = None) -> HTTPResponse:
    # Double-submit token: a login form posted from another site has no cookie to match.
    token = secrets.token_urlsafe(32)
    reply = render(request, "login.html", status=status, csrf=token, error=error)
    set_cookie(reply, LOGIN_CSRF_COOKIE, token, 3600)
    return reply


def _same(given: Optional[str], expected: Optional[str]) -> bool:
    return bool(given and expected) and hmac.compare_digest(given.encode(), expected.encode())


def staff_only(handler: Callable) -> Callable:
    """A session or 401 (the login page); a matching CSRF token on every POST."""

    @functools.wraps(handler)
    async def checked(request: Request, *args: Any, **kwargs: Any) -> HTTPResponse:
        token = request.cookies.get(SESSION_COOKIE)
        ctx = request.app.ctx
        who = store.session_for(ctx.engine, token, ctx.settings.session_minutes) if token else None
        if who is None:
            if request.method == "GET" and not request.path.endswith(".json"):
                return login_page(request, 401)
            return response.json({"error": "Please log in."}, status=401)
        if request.method == "POST":
            given = request.form.get("csrf") if request.form else request.headers.get("x-csrf-token")
            if not _same(given, who["csrf"]):
                return response.text("The form had expired. Go back, reload and try again.", status=403)
        request.ctx.staff = who
        return await handler(request, *args, **kwargs)

    return checked


@console.get("/login")
async def login_form(request: Request):
    return login_page(request, 200)


@console.post("/login")
async def login(request: Request):
    form = request.form or {}
    if not _same(form.get("csrf"), request.cookies.get(LOGIN_CSRF_COOKIE)):
        return login_page(request, 403, "The form had expired. Please try again.")
    ctx = request.app.ctx
    username, address = form.get("username", ""), request.remote_addr or request.ip
    if store.login_locked(ctx.engine, username, address):
        return login_page(request, 429, f"Too many attempts. Try again in {store.LOCK_MINUTES} minutes.")
    who = store.check_login(ctx.engine, username, form.get("password", ""))
    store.record_login(ctx.engine, username, address, succeeded=who is not None)
    if who is None:
        return login_page(request, 401, "That username and password do not match.")
    token, _ = store.start_session(ctx.engine, who.id, ctx.settings.session_minutes)
    reply = response.redirect("/staff/")
    set_cookie(reply, SESSION_COOKIE, token, ctx.settings.session_minutes * 60)
    return reply


@console.post("/logout")
@staff_only
async def logout(request: Request):
    store.end_session(request.app.ctx.engine, request.cookies[SESSION_COOKIE])
    reply = response.redirect("/staff/login")
    del reply.cookies[SESSION_COOKIE]
    return reply


@console.get("/")
@staff_only
async def queue(request: Request):
    return render(request, "queue.html", cases=store.open_cases(request.app.ctx.engine),
                  erased=request.args.get("erased") == "1")


def _case_or_404(request: Request, case_id: int) -> dict:
    case = store.get_case(request.app.ctx.engine, case_id)
    if case is None:
        raise NotFound("No such case.")
    return case


async def _lines(request: Request, case: dict) -> Optional[list[dict]]:
    """The case's transcript from Rasa, or None if Rasa cannot be reached."""
    try:
        return transcript(await request.app.ctx.rasa.events(case["conversation_id"]))
    except RasaUnavailable:
        return None


@console.get("/cases/<case_id:int>")
@staff_only
async def case_page(request: Request, case_id: int):
    engine, who = request.app.ctx.engine, request.ctx.staff
    case = _case_or_404(request, case_id)
    store.record(engine, who["id"], "opened", case_id)
    return render(
        request, "case.html", case=case, lines=await _lines(request, case),
        notes=store.notes_for(engine, case_id), audit=store.audit_log(engine, case_id),
        outcomes=store.OUTCOMES, mine=case["staff_id"] == who["id"],
        error=request.args.get("error"),
    )


@console.get("/cases/<case_id:int>/transcript.json")
@staff_only
async def case_transcript(request: Request, case_id: int):
    lines = await _lines(request, _case_or_404(request, case_id))
    if lines is None:
        return response.json({"error": "The assistant cannot be reached."}, status=503)
    return response.json({"lines": lines})


def back_to(case_id: int, error: Optional[str] = None) -> HTTPResponse:
    return response.redirect(f"/staff/cases/{case_id}" + (f"?error={error}" if error else ""))


async def _tell_resident(request: Request, case: dict, events: list[dict]) -> bool:
    """Adds staff events to the resident's conversation (a callback has none)."""
    if case["kind"] != "handover":
        return True
    try:
        await request.app.ctx.rasa.append(case["conversation_id"], events)
    except RasaUnavailable:
        return False
    return True


@console.post("/cases/<case_id:int>/claim")
@staff_only
async def claim(request: Request, case_id: int):
    engine, who = request.app.ctx.engine, request.ctx.staff
    case = _case_or_404(request, case_id)
    if not store.claim(engine, case_id, who["id"]):
        return back_to(case_id, "taken")
    joined = staff_message(content().message("staff_joined", staff=who["username"]), "joined", who["username"])
    # Pause first, so the bot is quiet before the resident can answer.
    if not await _tell_resident(request, case, [{"event": "pause"}, joined]):
        store.release(engine, case_id)
        return back_to(case_id, "assistant")
    store.record(engine, who["id"], "claimed", case_id)
    return back_to(case_id)


@console.post("/cases/<case_id:int>/reply")
@staff_only
async def reply(request: Request, case_id: int):
    who = request.ctx.staff
    case = _case_or_404(request, case_id)
    text = (request.form.get("text") or "").strip()[:MAX_MESSAGE]
    if case["status"] != "live" or case["staff_id"] != who["id"] or case["kind"] != "handover":
        return back_to(case_id, "not-yours")
    if text and not await _tell_resident(request, case, [staff_message(text, "staff", who["username"])]):
        return back_to(case_id, "assistant")
    store.record(request.app.ctx.engine, who["id"], "replied", case_id)
    return back_to(case_id)


@console.post("/cases/<case_id:int>/note")
@staff_only
async def note(request: Request, case_id: int):
    who = request.ctx.staff
    _case_or_404(request, case_id)
    text = (request.form.get("text") or "").strip()[:MAX_MESSAGE]
    if text:
        store.add_note(request.app.ctx.engine, case_id, who["id"], text)
    return back_to(case_id)


@console.post("/cases/<case_id:int>/close")
@staff_only
async def close(request: Request, case_id: int):
    engine, who = request.app.ctx.engine, request.ctx.staff
    case = _case_or_404(request, case_id)
    outcome = request.form.get("outcome")
    if outcome not in store.OUTCOMES:
        return back_to(case_id, "outcome")
    if case["status"] != "live" or case["staff_id"] != who["id"]:
        return back_to(case_id, "not-yours")
    texts = content()
    left = [
        staff_message(texts.message("staff_left", staff=who["username"]), "left", who["username"]),
        {"event": "resume"},
        staff_message(texts.message("handback"), "handback"),
    ]
    if not await _tell_resident(request, case, left):
        return back_to(case_id, "assistant")
    store.close(engine, case_id, who["id"], outcome)
    store.record(engine, who["id"], f"closed:{outcome}", case_id)
    return response.redirect("/staff/")


@console.post("/cases/<case_id:int>/erase")
@staff_only
async def erase(request: Request, case_id: int):
    """Erases the person's conversation, handovers and cases, when they ask."""
    ctx, who = request.app.ctx, request.ctx.staff
    case = _case_or_404(request, case_id)
    if request.form.get("confirm") != "yes":
        return back_to(case_id, "confirm")
    retention.erase(ctx.bot_engine, ctx.engine, case["conversation_id"])
    # The audit entry outlives the case: who erased which.
    store.record(ctx.engine, who["id"], f"erased case {case_id}")
    return response.redirect("/staff/?erased=1")
