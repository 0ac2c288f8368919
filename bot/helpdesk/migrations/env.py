"""Alembic's entry point: migrates the database in the config's `sqlalchemy.url`."""
from alembic import context
from sqlalchemy import engine_from_config, pool

from bot.helpdesk.tables import metadata

config = context.config

connectable = engine_from_config(
    config.get_section(config.config_ini_section, {}), prefix="sqlalchemy.", poolclass=pool.NullPool
)
with connectable.connect() as connection:
    # SQLite cannot alter columns in place; batch mode copies the table instead.
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()
