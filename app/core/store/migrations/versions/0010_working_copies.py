"""working copies: exports made unattended by batch jobs (never released), and job options

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 17:45:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:  # plain ADD COLUMNs on both databases (no table rebuild)
    op.add_column("exports", sa.Column("working_copy", sa.Boolean(), nullable=False,
                                       server_default=sa.false()))
    op.add_column("jobs", sa.Column("options", sa.JSON(), nullable=False,
                                    server_default="{}"))


def downgrade() -> None:
    with op.batch_alter_table("jobs") as batch_op:
        batch_op.drop_column("options")
    with op.batch_alter_table("exports") as batch_op:
        batch_op.drop_column("working_copy")
