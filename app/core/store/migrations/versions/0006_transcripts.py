"""transcripts of audio tracks (speech-to-text with word timings), reused per model

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 14:40:00
"""

import sqlalchemy as sa
from alembic import op

from app.core.store.models import UTCDateTime

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "transcripts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("footage_id", sa.Integer(), nullable=False),
        sa.Column("audio_track", sa.Integer(), nullable=False),
        sa.Column("model_name", sa.String(length=128), nullable=False),
        sa.Column("settings_sha256", sa.String(length=64), nullable=False),
        sa.Column("settings", sa.JSON(), nullable=False),
        sa.Column("words", sa.Integer(), nullable=False),
        sa.Column("elapsed_s", sa.Float(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["created_by_id"], ["users.id"],
                                name=op.f("fk_transcripts_created_by_id_users")),
        sa.ForeignKeyConstraint(["footage_id"], ["footage.id"],
                                name=op.f("fk_transcripts_footage_id_footage"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_transcripts")),
    )
    with op.batch_alter_table("transcripts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_transcripts_footage_id"), ["footage_id"],
                              unique=False)
        batch_op.create_index(batch_op.f("ix_transcripts_settings_sha256"),
                              ["settings_sha256"], unique=False)


def downgrade() -> None:
    op.drop_table("transcripts")
