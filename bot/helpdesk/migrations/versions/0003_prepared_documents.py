"""The report summary or safety plan a person prepared, kept with their case

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 10:30:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.add_column(sa.Column('document', sa.Text(), nullable=False, server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_column('document')
