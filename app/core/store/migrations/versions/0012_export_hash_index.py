"""export hash index: ingest refuses a file that is one of the store's exports (by its
SHA-256), and the check of outside copies looks exports up the same way

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06 10:40:00
"""

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(op.f("ix_exports_sha256"), "exports", ["sha256"])


def downgrade() -> None:
    op.drop_index(op.f("ix_exports_sha256"), table_name="exports")
