"""The helpdesk's database: an engine, brought up to date by the migrations."""
from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Engine

from bot.database import engine, make_sqlite_folder

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    # Alembic's config is an ini file: a literal % must be doubled.
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def connect(url: str) -> Engine:
    """An engine for `url`, after running any migration it has not had."""
    make_sqlite_folder(url)
    command.upgrade(alembic_config(url), "head")
    return engine(url)
