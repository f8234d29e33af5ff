"""The evidence store's tables (SQLAlchemy 2 typed ORM). Portable: SQLite and PostgreSQL.

Services never hand these live objects to callers outside a transaction; they return the plain
dataclasses of ``app.core.views.records``.
"""

from __future__ import annotations

import enum
from datetime import UTC, date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from app.core.store.checked_types import (
    DATE_AND_TIME,
    CheckedDate,
    CheckedEnum,
    CheckedJSON,
    CheckedType,
)

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(CheckedType):
    """Stores naive UTC, returns aware UTC, on every backend."""

    impl = DateTime
    holds = DATE_AND_TIME
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return value.replace(tzinfo=UTC) if value is not None else None


def utcnow() -> datetime:
    return datetime.now(UTC)


class Role(enum.StrEnum):
    DISCLOSURE_OFFICER = "disclosure_officer"
    SUPERVISOR = "supervisor"
    CASE_STAFF = "case_staff"
    ADMINISTRATOR = "administrator"


class CaseType(enum.StrEnum):
    FOI = "foi"
    SUBJECT_ACCESS = "subject_access"
    COURT_EXHIBIT = "court_exhibit"
    COMPLAINT = "complaint"
    INTERNAL_REVIEW = "internal_review"


class CaseStatus(enum.StrEnum):
    RECEIVED = "received"
    IN_REVIEW = "in_review"
    REDACTED = "redacted"
    AWAITING_APPROVAL = "awaiting_approval"
    APPROVED = "approved"
    RELEASED = "released"
    REFUSED = "refused"
    CLOSED = "closed"


class FlagCategory(enum.StrEnum):
    EVIDENCE = "evidence"
    USE_OF_FORCE = "use_of_force"
    DISCLOSURE_CANDIDATE = "disclosure_candidate"
    SENSITIVE_MINOR = "sensitive_minor"
    SENSITIVE_MEDICAL = "sensitive_medical"
    SENSITIVE_HOME_INTERIOR = "sensitive_home_interior"
    REVIEW = "review"
    CUSTOM = "custom"


def _enum(cls: type[enum.Enum]) -> CheckedEnum:
    return CheckedEnum(
        cls,
        native_enum=False,
        create_constraint=False,
        length=32,
        values_callable=lambda e: [m.value for m in e],
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime(), dict[str, Any]: CheckedJSON, list[Any]: CheckedJSON
    }


case_footage = Table(
    "case_footage",
    Base.metadata,
    Column("case_id", ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True),
    Column("footage_id", ForeignKey("footage.id", ondelete="CASCADE"), primary_key=True),
    Column("linked_at", UTCDateTime(), nullable=False, default=utcnow),
    Index("ix_case_footage_footage_id", "footage_id"),  # a footage item's cases
)


class StoreInfo(Base):
    """Key/value facts about this store, e.g. its random ``store_id``."""

    __tablename__ = "store_info"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(128), unique=True)
    role: Mapped[Role] = mapped_column(_enum(Role))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # argon2id hash (PHC string); None: no password (signs in as the OS user, if allowed)
    password_hash: Mapped[str | None] = mapped_column(String(256))
    # Ed25519 signing key (see signing.py): the public half, and the private half sealed
    # under the password; None for accounts without a password
    public_key: Mapped[str | None] = mapped_column(String(64))
    sealed_key: Mapped[str | None] = mapped_column(Text)


class Case(Base):
    __tablename__ = "cases"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reference: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(String(256), default="")
    case_type: Mapped[CaseType] = mapped_column(_enum(CaseType))
    status: Mapped[CaseStatus] = mapped_column(_enum(CaseStatus), default=CaseStatus.RECEIVED)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    deadline: Mapped[date | None] = mapped_column(CheckedDate)
    received_on: Mapped[date | None] = mapped_column(CheckedDate)
    extension_reason: Mapped[str | None] = mapped_column(Text)
    # Requester details: personal data, kept minimal, never written into the audit trail.
    requester_name: Mapped[str] = mapped_column(String(256), default="")
    requester_reference: Mapped[str] = mapped_column(String(128), default="")
    requester_contact: Mapped[str] = mapped_column(String(256), default="")
    exemption: Mapped[str | None] = mapped_column(Text)  # why a request was refused
    # Names besides the requester's that the case's speech is searched for (third parties an
    # officer typed in): personal data, like the requester's, never in the audit trail.
    names_to_find: Mapped[list[str]] = mapped_column(CheckedJSON, default=list)
    footage: Mapped[list[Footage]] = relationship(
        secondary=case_footage, back_populates="cases", order_by="Footage.id"
    )


class Footage(Base):
    __tablename__ = "footage"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    original_path: Mapped[str] = mapped_column(Text)
    file_name: Mapped[str] = mapped_column(String(512))
    sha256: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    file_mtime_ns: Mapped[int] = mapped_column(BigInteger)
    container: Mapped[str] = mapped_column(String(64))
    video_codec: Mapped[str] = mapped_column(String(64))
    audio_codecs: Mapped[str] = mapped_column(String(256), default="")
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    rotation: Mapped[int] = mapped_column(Integer, default=0)
    fps: Mapped[float] = mapped_column(Float)
    variable_frame_rate: Mapped[bool] = mapped_column(Boolean, default=False)
    frame_count: Mapped[int] = mapped_column(Integer)
    duration_s: Mapped[float] = mapped_column(Float)
    audio_streams: Mapped[list[Any]] = mapped_column(CheckedJSON, default=list)
    media_metadata: Mapped[dict[str, Any]] = mapped_column(CheckedJSON, default=dict)
    recorded_at: Mapped[datetime | None] = mapped_column(index=True)
    device_id: Mapped[str | None] = mapped_column(String(128))
    officer_id: Mapped[str | None] = mapped_column(String(128))
    ingested_at: Mapped[datetime] = mapped_column(default=utcnow)
    ingested_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    retention_until: Mapped[datetime | None] = mapped_column(index=True)
    evidential: Mapped[bool] = mapped_column(Boolean, default=False)
    legal_hold: Mapped[bool] = mapped_column(Boolean, default=False)
    legal_hold_reason: Mapped[str | None] = mapped_column(Text)
    # Tombstone: set when retention deleted the original; hash and metadata stay.
    deleted_at: Mapped[datetime | None] = mapped_column()
    # No foreign key: adding one would make SQLite rebuild the footage table on upgrade.
    deleted_by_id: Mapped[int | None] = mapped_column(Integer)
    deletion_note: Mapped[str | None] = mapped_column(Text)
    cases: Mapped[list[Case]] = relationship(secondary=case_footage, back_populates="footage")
    flags: Mapped[list[Flag]] = relationship(
        back_populates="footage", cascade="all, delete-orphan", order_by="Flag.start_time_s"
    )


# The library sorts by file name ignoring case (footage_pages).
Index("ix_footage_file_name_lower", func.lower(Footage.file_name))


class Flag(Base):
    __tablename__ = "flags"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    footage_id: Mapped[int] = mapped_column(ForeignKey("footage.id", ondelete="CASCADE"))
    start_time_s: Mapped[float] = mapped_column(Float)
    start_frame: Mapped[int] = mapped_column(Integer)
    end_time_s: Mapped[float | None] = mapped_column(Float)
    end_frame: Mapped[int | None] = mapped_column(Integer)
    category: Mapped[FlagCategory] = mapped_column(_enum(FlagCategory))
    label: Mapped[str] = mapped_column(String(256), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    footage: Mapped[Footage] = relationship(back_populates="flags")
    author: Mapped[User | None] = relationship()


class AuditEvent(Base):
    """One link of the hash chain. Append-only: database triggers refuse UPDATE and DELETE.

    ``occurred_at`` and ``details`` are stored as the exact text that was hashed, so the hash
    can be recomputed byte for byte on any backend. No foreign keys: the trail must outlive
    the rows it describes.
    """

    __tablename__ = "audit_events"
    seq: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"),
                                     primary_key=True, autoincrement=False)
    occurred_at: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str] = mapped_column(String(128))
    action: Mapped[str] = mapped_column(String(64), index=True)
    object_type: Mapped[str] = mapped_column(String(32))
    object_id: Mapped[str] = mapped_column(String(64))
    case_id: Mapped[int | None] = mapped_column(Integer, index=True)
    footage_id: Mapped[int | None] = mapped_column(Integer, index=True)
    details: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)
    # Ed25519 signature of ``hash`` by the actor's key; None when the actor has no key
    signature: Mapped[str | None] = mapped_column(String(128))


class DetectionRunRecord(Base):
    """A stored detection pass over one footage item, reused while preset and models match."""

    __tablename__ = "detection_runs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    footage_id: Mapped[int] = mapped_column(ForeignKey("footage.id", ondelete="CASCADE"),
                                            index=True)
    preset: Mapped[str] = mapped_column(String(32))
    settings_sha256: Mapped[str] = mapped_column(String(64), index=True)
    settings: Mapped[dict[str, Any]] = mapped_column(CheckedJSON)
    frames_detected: Mapped[int] = mapped_column(Integer)
    elapsed_s: Mapped[float] = mapped_column(Float)
    data: Mapped[bytes] = mapped_column(LargeBinary)  # gzip-compressed JSON of the frames
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class TranscriptRecord(Base):
    """A stored transcript of one audio track of one footage item, reused while the speech
    model (its SHA-256) and the settings match. Holds what was said: personal data, removed
    with the footage by retention."""

    __tablename__ = "transcripts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    footage_id: Mapped[int] = mapped_column(ForeignKey("footage.id", ondelete="CASCADE"),
                                            index=True)
    audio_track: Mapped[int] = mapped_column(Integer)  # order among the file's audio streams
    model_name: Mapped[str] = mapped_column(String(128))
    settings_sha256: Mapped[str] = mapped_column(String(64), index=True)
    settings: Mapped[dict[str, Any]] = mapped_column(CheckedJSON)
    words: Mapped[int] = mapped_column(Integer)
    elapsed_s: Mapped[float] = mapped_column(Float)
    data: Mapped[bytes] = mapped_column(LargeBinary)  # gzip-compressed JSON of the words
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class RedactionPlanRecord(Base):
    """The current redaction plan for one footage item in one case (or with no case)."""

    __tablename__ = "redaction_plans"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    footage_id: Mapped[int] = mapped_column(ForeignKey("footage.id", ondelete="CASCADE"),
                                            index=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    plan: Mapped[str] = mapped_column(Text)  # canonical JSON
    plan_sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class JobRecord(Base):
    """A unit of unattended work on one footage item (detect faces, transcribe speech), queued
    by a person and run by ``bwv worker``; claimed with a lease, so the work of a worker that
    died is taken up again elsewhere, never done twice at once."""

    __tablename__ = "jobs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))  # detect | transcribe
    footage_id: Mapped[int] = mapped_column(ForeignKey("footage.id", ondelete="CASCADE"),
                                            index=True)
    preset: Mapped[str] = mapped_column(String(32), default="")
    state: Mapped[str] = mapped_column(String(16), index=True)  # queued running done failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)  # cancelled
    requested_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(nullable=True)
    lease_until: Mapped[datetime | None] = mapped_column(nullable=True)
    worker: Mapped[str] = mapped_column(String(128), default="")
    cancel_requested: Mapped[bool] = mapped_column(Boolean, default=False)
    error: Mapped[str] = mapped_column(Text, default="")
    result: Mapped[dict[str, Any]] = mapped_column(CheckedJSON, default=dict)
    progress: Mapped[float] = mapped_column(Float, default=0.0)  # 0..1 while it runs
    # What the job needs besides its kind (a redact job: output folder, template, case).
    options: Mapped[dict[str, Any]] = mapped_column(CheckedJSON, default=dict)


class ExportRecord(Base):
    """A redacted copy that was written, with the hashes that prove what it is."""

    __tablename__ = "exports"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    footage_id: Mapped[int] = mapped_column(ForeignKey("footage.id"), index=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"))
    path: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64), index=True)  # ingest: not an export
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    manifest_path: Mapped[str] = mapped_column(Text)
    manifest_sha256: Mapped[str] = mapped_column(String(64))
    plan_sha256: Mapped[str] = mapped_column(String(64))
    residual_findings: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    # Made unattended by a batch job from a template plan nobody reviewed: marked on every
    # frame, never packed or released (review and approval make the release).
    working_copy: Mapped[bool] = mapped_column(Boolean, default=False)
