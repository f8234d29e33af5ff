"""The audit event that vouches for an export, checked before a disclosure pack is made.

Anyone who can edit the database file can edit an ``exports`` row (its hashes, size, plan,
case), and anyone who can write the export's folder can replace its video and manifest: a
row and files changed together agree with each other. What an export made is what its
``export.create`` event recorded, hash-chained and signed by whoever exported. So a pack
vouches only for the bytes that event vouches for: the event is found by the export's
number, checked on its own (its content against its hash, its links to the events either
side, its signature against the key the trail itself registered for its maker, as ``bwv
audit verify`` checks every event) and compared with the row; the files are then copied
and hashed against the event's hashes (``disclosure_pack.build_pack``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.chain.chain_format import GENESIS_HASH
from app.core.chain.ledger import details_of
from app.core.errors import QT_TRANSLATE_NOOP, ConflictError, MediaError
from app.core.integrity.trail_accounts import ledger_before
from app.core.store import audit
from app.core.store.models import AuditEvent, ExportRecord

NO_RECORD = QT_TRANSLATE_NOOP(
    "CoreMessages", "{src}: the audit trail holds no record of export #{export_id} being made "
    "(with the SHA-256 of its video and manifest), so nothing vouches for its files; it is "
    "not packed (check the audit trail).")
NOT_INTACT = QT_TRANSLATE_NOOP(
    "CoreMessages", "{src}: the audit trail's record of export #{export_id} (event #{seq}) "
    "was altered or is not signed by the person who exported; it is not packed (check the "
    "audit trail).")
NOT_RECORDED = QT_TRANSLATE_NOOP(
    "CoreMessages", "{src}: the {what} of export #{export_id} is not the one the audit trail "
    "recorded when it was exported (event #{seq}: its SHA-256 or size differs); it is not "
    "packed (the file and the store were changed: export it again and check the audit "
    "trail).")
OTHER_RECORD = QT_TRANSLATE_NOOP(
    "CoreMessages", "Export #{export_id} in the store is not the export the audit trail "
    "recorded (event #{seq}): its footage, case, plan or working-copy mark was changed; it "
    "is not packed (check the audit trail).")


@dataclass(frozen=True)
class RecordedExport:
    """What an export's intact ``export.create`` event vouches for."""

    seq: int
    sha256: str  # the redacted video's
    manifest_sha256: str


def _event(session: Session, export_id: int) -> AuditEvent | None:
    """The newest ``export.create`` event of export ``export_id`` (a number SQLite gives
    again after the newest export was deleted belongs to the newest event)."""
    return session.scalars(select(AuditEvent).where(
        AuditEvent.action == "export.create", AuditEvent.object_type == "export",
        AuditEvent.object_id == str(export_id)).order_by(AuditEvent.seq.desc()).limit(1)
    ).first()


def _intact(session: Session, event: AuditEvent) -> bool:
    """The one-event form of ``audit.verify`` and the trail's signature check: its content
    matches its hash, it links to the event before it and the event after it links to it,
    and it carries its maker's valid signature when the trail says they signed (the key the
    trail registered for them then, never the ``users`` table's)."""
    if audit.event_hash(event) != event.hash:
        return False
    before = session.get(AuditEvent, event.seq - 1) if event.seq > 1 else None
    if event.prev_hash != (before.hash if before is not None else GENESIS_HASH):
        return False
    after = session.get(AuditEvent, event.seq + 1)
    if after is not None and after.prev_hash != event.hash:
        return False
    ledger = ledger_before(session, [event.actor], event.seq)
    ledger.process(audit.event_as_dict(event))
    return not any(problem.seq == event.seq for problem in ledger.problems)


def recorded_export(session: Session, export: ExportRecord) -> RecordedExport:
    """The hashes export ``export``'s own audit event recorded, once that event proves
    intact and the row agrees with it; refused (naming the export and the file) otherwise."""
    event = _event(session, export.id)
    if event is None:
        raise ConflictError(NO_RECORD, src=export.path, export_id=export.id)
    if not _intact(session, event):
        raise ConflictError(NOT_INTACT, src=export.path, export_id=export.id, seq=event.seq)
    details: dict[str, Any] = details_of(audit.event_as_dict(event))
    video_sha, manifest_sha = details.get("sha256"), details.get("manifest_sha256")
    if not isinstance(video_sha, str) or not isinstance(manifest_sha, str):
        raise ConflictError(NO_RECORD, src=export.path, export_id=export.id)
    if (event.footage_id != export.footage_id or event.case_id != export.case_id
            or details.get("plan_sha256") != export.plan_sha256
            or details.get("working_copy") is True):
        raise ConflictError(OTHER_RECORD, export_id=export.id, seq=event.seq)
    size = details.get("size_bytes")  # (in the event since 2026-12-02; older ones hold none)
    if video_sha != export.sha256 or (isinstance(size, int) and size != export.size_bytes):
        raise MediaError(NOT_RECORDED, src=export.path, what="redacted video",
                         export_id=export.id, seq=event.seq)
    if manifest_sha != export.manifest_sha256:
        raise MediaError(NOT_RECORDED, src=export.manifest_path, what="manifest",
                         export_id=export.id, seq=event.seq)
    return RecordedExport(event.seq, video_sha, manifest_sha)
