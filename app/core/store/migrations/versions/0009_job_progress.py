"""job progress: how far a running job has got, for Tools > Jobs and bwv batch status

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 17:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:  # a plain ADD COLUMN on both databases (no table rebuild)
    op.add_column("jobs", sa.Column("progress", sa.Float(), nullable=False,
                                    server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("jobs") as batch_op:
        batch_op.drop_column("progress")
