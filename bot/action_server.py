"""`python -m bot.action_server`: rasa-sdk's action server, on loopback, behind a token.

`rasa run actions` listens on every interface and answers anyone. This starts
the same Sanic app (rasa_sdk.endpoint.create_app) on 127.0.0.1 unless told
otherwise, with no CORS, and refuses every call without `ACTIONS_TOKEN`: Rasa
sends it as the `token` query parameter (`token:` in endpoints.yml).
"""
from __future__ import annotations

import argparse
import hmac
import logging
import os

from rasa_sdk.endpoint import create_app
from sanic import response
from sanic.request import Request

from actions.handover import RETRY_SECONDS, outbox
from bot.log_redaction import redact_logs

OPEN_PATHS = {"/health"}


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bot.action_server")
    parser.add_argument("--host", default=os.environ.get("ACTIONS_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=5055)
    args = parser.parse_args()
    token = os.environ.get("ACTIONS_TOKEN", "")
    if not token:
        raise SystemExit("ACTIONS_TOKEN is not set (make run writes one into .env).")

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s - %(message)s")
    redact_logs()
    app = create_app("actions", cors_origins=None)
    # From now on, handovers kept while the helpdesk was away are sent again.
    outbox().retry_forever(RETRY_SECONDS)

    @app.on_request
    async def check_token(request: Request):
        if request.path in OPEN_PATHS:
            return None
        given = request.args.get("token", "")
        if not hmac.compare_digest(given.encode(), token.encode()):
            return response.json({"error": "A valid token is required."}, status=401)
        return None

    app.run(host=args.host, port=args.port, workers=1, access_log=False)


if __name__ == "__main__":
    main()
