"""Applying the retention policy: what is due and why the rest is kept, legal holds, and
deletion that leaves a tombstone.

Footage is due when its retention date has passed and it is not evidential, not on legal
hold and not linked to a case that is still open (any status but closed). Applying deletes
a due original when it lies in one of the store's managed folders, or else only marks it
deleted (the folder's owner deletes it). Either way the row stays as a tombstone with its
hash and metadata, its detection runs (face positions) are removed, and the deletion is
audited.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, selectinload

from app.core import audit
from app.core.database import Store
from app.core.errors import InvalidInputError, MediaError
from app.core.footage import get_footage, require_present
from app.core.models import CaseStatus, DetectionRunRecord, Footage, User, utcnow
from app.core.permissions import Permission, require
from app.core.records import FootageRecord
from app.core.store_policy import StorePolicy, load_policy
from app.core.users import check_actor, resolve_actor


class RetentionState(enum.StrEnum):
    DUE = "due"
    NOT_DUE = "not_due"
    LEGAL_HOLD = "legal_hold"
    EVIDENTIAL = "evidential"
    OPEN_CASE = "open_case"
    DELETED = "deleted"


@dataclass(frozen=True)
class RetentionItem:
    footage_id: int
    file_name: str
    path: str
    sha256: str
    recorded_at: datetime | None
    retention_until: datetime | None
    state: RetentionState
    why: str  # every reason it is kept (or why it is due), for the report
    owned: bool  # inside a managed folder: applying deletes the file itself


@dataclass(frozen=True)
class RetentionOutcome:
    item: RetentionItem
    action: str  # "deleted file" | "marked deleted" | "would delete file" | ...
    message: str


def _assess(footage: Footage, policy: StorePolicy, now: datetime) -> RetentionItem:
    reasons: list[tuple[RetentionState, str]] = []
    if footage.deleted_at is not None:
        reasons.append((RetentionState.DELETED,
                        f"deleted {footage.deleted_at:%Y-%m-%d}: {footage.deletion_note or ''}"
                        .rstrip(": ")))
    if footage.legal_hold:
        reasons.append((RetentionState.LEGAL_HOLD,
                        f"on legal hold ({footage.legal_hold_reason or 'no reason given'})"))
    if footage.evidential:
        reasons.append((RetentionState.EVIDENTIAL, "marked evidential"))
    open_cases = [c.reference for c in footage.cases if c.status is not CaseStatus.CLOSED]
    if open_cases:
        reasons.append((RetentionState.OPEN_CASE,
                        "linked to open case " + ", ".join(open_cases)))
    until = footage.retention_until
    if not reasons:
        if until is not None and until <= now:
            reasons.append((RetentionState.DUE, f"retention ended {until:%Y-%m-%d}"))
        else:
            when = f"{until:%Y-%m-%d}" if until else "never"
            reasons.append((RetentionState.NOT_DUE, f"kept until {when}"))
    return RetentionItem(footage.id, footage.file_name, footage.original_path, footage.sha256,
                         footage.recorded_at, until, reasons[0][0],
                         "; ".join(text for _state, text in reasons),
                         policy.owns(footage.original_path))


def retention_report(session: Session, actor: User,
                     now: datetime | None = None) -> list[RetentionItem]:
    """Every footage item with its retention state and the reasons, oldest date first."""
    require(actor, Permission.VIEW, "see the retention report")
    policy = load_policy(session)
    now = now or utcnow()
    items = session.scalars(select(Footage).options(selectinload(Footage.cases))
                            .order_by(Footage.id))
    report = [_assess(f, policy, now) for f in items]
    return sorted(report, key=lambda i: (i.state is not RetentionState.DUE,
                                         i.retention_until or datetime.max.replace(
                                             tzinfo=now.tzinfo), i.footage_id))


def apply_retention(store: Store, actor_name: str, *, dry_run: bool = False,
                    now: datetime | None = None,
                    on_outcome: Callable[[RetentionOutcome], None] | None = None,
                    ) -> list[RetentionOutcome]:
    """Delete (or, dry run, say what would be deleted) every due item; one transaction
    per item, the item's state checked again inside it."""
    now = now or utcnow()
    user = check_actor(store, actor_name, Permission.VIEW if dry_run
                       else Permission.APPLY_RETENTION, "apply the retention policy")
    with store.read() as session:
        actor = session.get(User, user.id)
        assert actor is not None
        due = [i for i in retention_report(session, actor, now)
               if i.state is RetentionState.DUE]
    outcomes: list[RetentionOutcome] = []
    for item in due:
        if dry_run:
            action = "would delete file" if item.owned else "would mark deleted"
            outcome = RetentionOutcome(item, action, f"#{item.footage_id} {item.file_name}: "
                                       f"{action} ({item.why}).")
        else:
            outcome = _delete_one(store, actor_name, item.footage_id, now)
        outcomes.append(outcome)
        if on_outcome is not None:
            on_outcome(outcome)
    return outcomes


def _delete_one(store: Store, actor_name: str, footage_id: int,
                now: datetime) -> RetentionOutcome:
    with store.transaction() as session:
        actor = resolve_actor(session, actor_name)
        footage = session.scalars(select(Footage).options(selectinload(Footage.cases))
                                  .where(Footage.id == footage_id)).one()
        policy = load_policy(session)
        item = _assess(footage, policy, now)
        if item.state is not RetentionState.DUE:  # changed since the report
            return RetentionOutcome(item, "kept", f"#{footage_id} {item.file_name}: kept "
                                    f"after all ({item.why}).")
        path = Path(footage.original_path)
        note = f"retention period ended {item.retention_until:%Y-%m-%d}"
        file_deleted = False
        if item.owned:
            note += "; original deleted from the managed store"
        else:
            note += "; original outside the managed store, to be deleted by its owner"
        footage.deleted_at, footage.deleted_by_id = now, actor.id
        footage.deletion_note = note
        runs = len(session.scalars(select(DetectionRunRecord.id).where(
            DetectionRunRecord.footage_id == footage_id)).all())
        session.execute(delete(DetectionRunRecord)
                        .where(DetectionRunRecord.footage_id == footage_id))
        audit.record(session, actor.name, "retention.delete", "footage", footage_id, {
            "sha256": footage.sha256, "path": footage.original_path,
            "file_name": footage.file_name, "size_bytes": footage.size_bytes,
            "recorded_at": footage.recorded_at.isoformat() if footage.recorded_at else None,
            "retention_until": item.retention_until.isoformat()
            if item.retention_until else None,
            "owned": item.owned, "detection_runs_removed": runs, "note": note,
        }, footage_id=footage_id)
        if item.owned:  # last, so a failure rolls the tombstone back with it
            try:
                path.unlink()
                file_deleted = True
            except FileNotFoundError:
                pass
            except OSError as exc:
                raise MediaError(f"{path}: could not be deleted ({exc.strerror}); nothing "
                                 "was changed for this footage.") from exc
    action = "deleted file" if file_deleted else "marked deleted"
    return RetentionOutcome(item, action, f"#{footage_id} {item.file_name}: {action}; the "
                            "hash and metadata are kept as a tombstone.")


def set_legal_hold(session: Session, actor: User, key: str | int, hold: bool,
                   reason: str) -> FootageRecord:
    """Put footage on legal hold (never deleted while held) or lift the hold; audited."""
    require(actor, Permission.CHANGE_RETENTION,
            "place or lift a legal hold" if hold else "lift a legal hold")
    if not reason.strip():
        raise InvalidInputError("Give the reason for the legal hold change (it is recorded).")
    footage = get_footage(session, key)
    require_present(footage)
    if footage.legal_hold != hold:
        footage.legal_hold = hold
        footage.legal_hold_reason = reason.strip() if hold else None
        audit.record(session, actor.name, "footage.legal_hold", "footage", footage.id,
                     {"hold": hold, "reason": reason.strip()}, footage_id=footage.id)
    return FootageRecord.of(footage)

