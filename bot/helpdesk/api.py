"""The case API the action server calls, behind the service token."""
from __future__ import annotations

import hmac
from typing import Any, Optional

from sanic import Blueprint, response
from sanic.exceptions import InvalidUsage
from sanic.request import Request

from bot.content import content
from bot.helpdesk import store

api = Blueprint("api", url_prefix="/api")

KINDS = ("handover", "callback")
LIMITS = {"handover_id": 36, "conversation_id": 255, "summary": 5000, "document": 20000}
# Fields a case may leave out.
OPTIONAL = ("summary", "document")


def problem(payload: Any) -> Optional[str]:
    """What is wrong with a case, or None."""
    if not isinstance(payload, dict):
        return "The body must be a JSON object."
    for field, limit in LIMITS.items():
        value = payload.get(field, "" if field in OPTIONAL else None)
        if not isinstance(value, str) or len(value) > limit or (field not in OPTIONAL and not value):
            return f"'{field}' must be text of at most {limit} characters."
    if payload.get("kind") not in KINDS:
        return f"'kind' must be one of {', '.join(KINDS)}."
    if payload.get("risk", 1) not in (1, 2, 3):
        return "'risk' must be 1, 2 or 3."
    for field, kind in (("reasons", list), ("advice", list), ("contact", dict)):
        if not isinstance(payload.get(field, kind()), kind):
            return f"'{field}' has the wrong type."
    return None


@api.on_request
async def check_token(request: Request):
    if request.path == "/api/health":
        return None
    expected = f"Bearer {request.app.ctx.settings.service_token}"
    given = request.headers.get("authorization", "")
    if not hmac.compare_digest(given.encode(), expected.encode()):
        return response.json({"error": "A valid service token is required."}, status=401)
    return None


@api.get("/health")
async def health(request: Request):
    return response.json({"status": "ok"})


@api.post("/cases")
async def create_case(request: Request):
    try:
        payload = request.json
    except InvalidUsage:
        return response.json({"error": "The body is not valid JSON."}, status=400)
    error = problem(payload)
    if error:
        return response.json({"error": error}, status=400)
    case_id, new = store.create_case(request.app.ctx.engine, payload)
    return response.json(
        {"case": case_id, "waiting": store.waiting_count(request.app.ctx.engine),
         "open": content().helpdesk_open()},
        status=201 if new else 200,
    )
