"""signing keys of users and signatures of audit events; PostgreSQL: users in step with
the audit trail (a deferred constraint trigger, see app/core/store/pg_roles.py)

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 21:40:00
"""

import sqlalchemy as sa
from alembic import op

from app.core.store.pg_roles import USERS_TRAIL_FUNCTION, USERS_TRAIL_TRIGGER

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (never a batch rebuild): rebuilding audit_events on SQLite would drop
    # its append-only triggers.
    op.add_column("users", sa.Column("public_key", sa.String(length=64), nullable=True))
    op.add_column("users", sa.Column("sealed_key", sa.Text(), nullable=True))
    op.add_column("audit_events", sa.Column("signature", sa.String(length=128), nullable=True))
    if op.get_bind().dialect.name == "postgresql":
        op.execute(USERS_TRAIL_FUNCTION)
        op.execute(USERS_TRAIL_TRIGGER)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS users_match_trail ON users")
        op.execute("DROP FUNCTION IF EXISTS bwv_users_match_trail()")
    op.drop_column("audit_events", "signature")
    op.drop_column("users", "sealed_key")
    op.drop_column("users", "public_key")
