"""The helpdesk's tables. Changes go through a new migration in migrations/versions."""
from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

staff = sa.Table(
    "staff",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("username", sa.String(80), nullable=False, unique=True),
    sa.Column("password_hash", sa.String(200), nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
)

sessions = sa.Table(
    "sessions",
    metadata,
    # Only a hash of the cookie's value is kept: a copy of the database
    # cannot be used to log in.
    sa.Column("token_hash", sa.String(64), primary_key=True),
    sa.Column("staff_id", sa.Integer, sa.ForeignKey("staff.id"), nullable=False),
    sa.Column("csrf", sa.String(64), nullable=False),
    sa.Column("expires_at", sa.DateTime, nullable=False),
)

cases = sa.Table(
    "cases",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("handover_id", sa.String(36), nullable=False, unique=True),
    sa.Column("conversation_id", sa.String(255), nullable=False, index=True),
    sa.Column("kind", sa.String(20), nullable=False),  # handover | callback
    sa.Column("topic", sa.String(40)),
    sa.Column("audience", sa.String(20)),
    sa.Column("immediate_danger", sa.Boolean, nullable=False, default=False),
    sa.Column("risk", sa.Integer, nullable=False, default=1),
    sa.Column("reasons", sa.Text, nullable=False, default="[]"),
    sa.Column("summary", sa.Text, nullable=False, default=""),
    # The report summary or safety plan the person made with the assistant.
    sa.Column("document", sa.Text, nullable=False, default="", server_default=""),
    sa.Column("advice", sa.Text, nullable=False, default="[]"),
    sa.Column("contact", sa.Text, nullable=False, default="{}"),
    sa.Column("status", sa.String(20), nullable=False, default="waiting"),  # waiting | live | closed
    sa.Column("staff_id", sa.Integer, sa.ForeignKey("staff.id")),
    sa.Column("outcome", sa.String(40)),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("claimed_at", sa.DateTime),
    sa.Column("closed_at", sa.DateTime),
)

notes = sa.Table(
    "notes",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id"), nullable=False, index=True),
    sa.Column("staff_id", sa.Integer, sa.ForeignKey("staff.id"), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
)

audit = sa.Table(
    "audit",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("staff_id", sa.Integer, sa.ForeignKey("staff.id"), nullable=False),
    sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id")),
    sa.Column("action", sa.String(40), nullable=False),
    sa.Column("at", sa.DateTime, nullable=False),
)

login_failures = sa.Table(
    "login_failures",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("username", sa.String(80), nullable=False, index=True),
    sa.Column("address", sa.String(64), nullable=False, index=True),
    sa.Column("at", sa.DateTime, nullable=False),
)
