"""accounts (password hashes), requester details and exemption, legal hold and tombstones

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 22:32:06.105020
"""

import sqlalchemy as sa
from alembic import op

from app.core.store.models import UTCDateTime

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("requester_name", sa.String(length=256), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column(
                "requester_reference", sa.String(length=128), nullable=False, server_default=""
            )
        )
        batch_op.add_column(
            sa.Column("requester_contact", sa.String(length=256), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("exemption", sa.Text(), nullable=True))

    with op.batch_alter_table("footage", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("legal_hold", sa.Boolean(), nullable=False, server_default="0")
        )
        batch_op.add_column(sa.Column("legal_hold_reason", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("deleted_at", UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column("deleted_by_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("deletion_note", sa.Text(), nullable=True))

    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("password_hash", sa.String(length=256), nullable=True))

    # A store made before accounts had passwords keeps signing people in by their OS name
    # (as before), or nobody could sign in; its administrator sets passwords, then switches
    # with 'bwv user sign-in-mode password'. New stores default to passwords.
    conn = op.get_bind()
    if conn.execute(sa.text("SELECT count(*) FROM users")).scalar():
        conn.execute(
            sa.text("INSERT INTO store_info (key, value) VALUES (:key, :value)"),
            {"key": "policy:000001",
             "value": '{"sign_in": "os_user", "retention_days": 31, "managed_folders": []}'},
        )


def downgrade() -> None:
    # store_info rows stay (the table is append-only); older versions ignore "policy:" keys.
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("password_hash")

    with op.batch_alter_table("footage", schema=None) as batch_op:
        batch_op.drop_column("deletion_note")
        batch_op.drop_column("deleted_by_id")
        batch_op.drop_column("deleted_at")
        batch_op.drop_column("legal_hold_reason")
        batch_op.drop_column("legal_hold")

    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_column("exemption")
        batch_op.drop_column("requester_contact")
        batch_op.drop_column("requester_reference")
        batch_op.drop_column("requester_name")
