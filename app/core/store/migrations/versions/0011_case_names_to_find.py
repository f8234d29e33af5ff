"""names to find: the names (other than the requester's) a case's speech is searched for

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04 17:45:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:  # a plain ADD COLUMN on both databases (no table rebuild)
    op.add_column("cases", sa.Column("names_to_find", sa.JSON(), nullable=False,
                                     server_default="[]"))


def downgrade() -> None:
    with op.batch_alter_table("cases") as batch_op:
        batch_op.drop_column("names_to_find")
