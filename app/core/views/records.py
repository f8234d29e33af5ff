"""Plain, immutable copies of stored rows that services hand to the CLI and the UI.

A SQLAlchemy object never leaves its session's thread; these records can.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from app.core.case_state.standing import DeadlineState, deadline_state
from app.core.chain.chain_format import fingerprint
from app.core.retention.rules import (
    RetentionStatus,
    evidence_flag_count,
    open_case_refs,
    retention_status,
)
from app.core.store.models import (
    Case,
    CaseStatus,
    CaseType,
    Flag,
    FlagCategory,
    Footage,
    Role,
    User,
)


@dataclass(frozen=True)
class UserRecord:
    id: int
    name: str
    role: Role
    active: bool
    has_password: bool = False
    key_fingerprint: str = ""  # of the signing key; empty: the account cannot sign

    @classmethod
    def of(cls, u: User) -> UserRecord:
        return cls(u.id, u.name, u.role, u.active, u.password_hash is not None,
                   fingerprint(u.public_key) if u.public_key else "")


@dataclass(frozen=True)
class CaseRecord:
    id: int
    reference: str
    title: str
    case_type: CaseType
    status: CaseStatus
    created_at: datetime
    deadline: date | None
    footage_ids: tuple[int, ...] = ()
    received_on: date | None = None
    extension_reason: str | None = None
    requester_name: str = ""  # personal data: shown to staff, never written to the audit trail
    requester_reference: str = ""
    requester_contact: str = ""
    exemption: str | None = None

    def deadline_state(self, today: date | None = None) -> DeadlineState:
        """Days left and overdue, by the one rule (``case_state.standing.deadline_state``)."""
        return deadline_state(self.status, self.deadline, today)

    @classmethod
    def of(cls, c: Case, footage_ids: tuple[int, ...] | None = None) -> CaseRecord:
        """``footage_ids``: the case's footage when already read (else its ``footage``)."""
        if footage_ids is None:
            footage_ids = tuple(f.id for f in c.footage)
        return cls(c.id, c.reference, c.title, c.case_type, c.status, c.created_at, c.deadline,
                   footage_ids, c.received_on, c.extension_reason,
                   c.requester_name, c.requester_reference, c.requester_contact, c.exemption)


@dataclass(frozen=True)
class FootageRecord:
    id: int
    original_path: str
    file_name: str
    sha256: str
    size_bytes: int
    container: str
    video_codec: str
    audio_codecs: str
    width: int
    height: int
    rotation: int
    fps: float
    variable_frame_rate: bool
    frame_count: int
    duration_s: float
    recorded_at: datetime | None
    device_id: str | None
    officer_id: str | None
    ingested_at: datetime
    ingested_by: str | None
    retention_until: datetime | None
    evidential: bool
    audio_streams: list[dict[str, Any]] = field(default_factory=list)
    case_refs: tuple[str, ...] = ()
    legal_hold: bool = False
    legal_hold_reason: str | None = None
    deleted_at: datetime | None = None  # a tombstone: retention deleted the original
    deletion_note: str | None = None
    open_case_refs: tuple[str, ...] = ()  # linked cases not yet closed: they keep it
    evidence_flags: int = 0  # flags of the evidence category: they keep it too

    def retention(self, now: datetime | None = None) -> RetentionStatus:
        """What retention does with it and why (the one rule, ``retention_status``)."""
        return retention_status(
            until=self.retention_until, evidential=self.evidential, legal_hold=self.legal_hold,
            legal_hold_reason=self.legal_hold_reason, open_cases=self.open_case_refs,
            deleted_at=self.deleted_at, deletion_note=self.deletion_note, now=now,
            evidence_flags=self.evidence_flags)

    @classmethod
    def of(cls, f: Footage, ingested_by: str | None = None) -> FootageRecord:
        return cls(
            f.id, f.original_path, f.file_name, f.sha256, f.size_bytes, f.container,
            f.video_codec, f.audio_codecs, f.width, f.height, f.rotation, f.fps,
            f.variable_frame_rate, f.frame_count, f.duration_s, f.recorded_at, f.device_id,
            f.officer_id, f.ingested_at, ingested_by, f.retention_until, f.evidential,
            list(f.audio_streams), tuple(c.reference for c in f.cases), f.legal_hold,
            f.legal_hold_reason, f.deleted_at, f.deletion_note,
            open_case_refs(f.cases), evidence_flag_count(f),
        )


@dataclass(frozen=True)
class FlagRecord:
    id: int
    footage_id: int
    start_time_s: float
    start_frame: int
    end_time_s: float | None
    end_frame: int | None
    category: FlagCategory
    label: str
    note: str
    author: str | None
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, f: Flag) -> FlagRecord:
        return cls(f.id, f.footage_id, f.start_time_s, f.start_frame, f.end_time_s, f.end_frame,
                   f.category, f.label, f.note, f.author.name if f.author else None,
                   f.created_at, f.updated_at)
