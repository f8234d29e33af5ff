"""library indexes: the library sorts and filters a force's footage in the database

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 17:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_case_footage_footage_id", "case_footage", ["footage_id"])
    op.create_index(op.f("ix_footage_recorded_at"), "footage", ["recorded_at"])
    op.create_index("ix_footage_file_name_lower", "footage", [sa.func.lower(sa.text("file_name"))])


def downgrade() -> None:
    op.drop_index("ix_footage_file_name_lower", table_name="footage")
    op.drop_index(op.f("ix_footage_recorded_at"), table_name="footage")
    op.drop_index("ix_case_footage_footage_id", table_name="case_footage")
