"""`python -m bot.helpdesk serve|add-staff USERNAME|migrate|revision MESSAGE`."""
from __future__ import annotations

import argparse
import getpass
import sys

from alembic import command
from sqlalchemy.exc import IntegrityError

from bot.helpdesk import db, store
from bot.helpdesk.settings import Settings, database_url

MIN_PASSWORD = 12


def read_password() -> str:
    if sys.stdin.isatty():
        return getpass.getpass("Password (at least 12 characters): ")
    return sys.stdin.readline().rstrip("\n")


def add_staff(username: str) -> int:
    password = read_password()
    if len(password) < MIN_PASSWORD:
        print(f"The password must have at least {MIN_PASSWORD} characters.", file=sys.stderr)
        return 1
    try:
        store.add_staff(db.connect(database_url()), username, password)
    except IntegrityError:
        print(f"There is already a member of staff called {username}.", file=sys.stderr)
        return 1
    print(f"Added {username}.")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.helpdesk")
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="run the helpdesk web service")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    staff = commands.add_parser("add-staff", help="add a member of staff; the password is read from stdin")
    staff.add_argument("username")
    commands.add_parser("migrate", help="bring the database up to date")
    revision = commands.add_parser("revision", help="write a migration for a change to tables.py")
    revision.add_argument("message")
    args = parser.parse_args()

    if args.command == "add-staff":
        return add_staff(args.username)
    if args.command == "migrate":
        db.connect(database_url())
        return 0
    if args.command == "revision":
        url = database_url()
        db.connect(url)
        command.revision(db.alembic_config(url), message=args.message, autogenerate=True)
        return 0
    from bot.helpdesk.app import create_app

    create_app(Settings.from_env()).run(host=args.host, port=args.port, access_log=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
