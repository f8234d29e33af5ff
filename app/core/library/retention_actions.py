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

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, selectinload

from app.core.errors import QT_TRANSLATE_NOOP, BwvError, Cancelled, InvalidInputError, MediaError
from app.core.library.footage import lock_footage, require_present
from app.core.media.hashing import sha256_file
from app.core.people.permissions import Permission, require
from app.core.people.users import check_actor, resolve_actor
from app.core.policy.store_policy import StorePolicy, load_policy
from app.core.progress import CancelToken, ProgressFn, no_progress
from app.core.retention.rules import (
    RetentionState,
    evidence_flag_count,
    open_case_refs,
    retention_status,
)
from app.core.store import audit
from app.core.store.database import Store, database_problem, store_busy
from app.core.store.models import (
    DetectionRunRecord,
    ExportRecord,
    Flag,
    Footage,
    JobRecord,
    RedactionPlanRecord,
    TranscriptRecord,
    User,
    utcnow,
)
from app.core.views.records import FootageRecord


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
    status = retention_status(
        until=footage.retention_until, evidential=footage.evidential,
        legal_hold=footage.legal_hold, legal_hold_reason=footage.legal_hold_reason,
        open_cases=open_case_refs(footage.cases),
        deleted_at=footage.deleted_at, deletion_note=footage.deletion_note, now=now,
        evidence_flags=evidence_flag_count(footage))
    return RetentionItem(footage.id, footage.file_name, footage.original_path, footage.sha256,
                         footage.recorded_at, footage.retention_until, status.state, status.why,
                         policy.owns(footage.original_path))


def retention_report(session: Session, actor: User,
                     now: datetime | None = None) -> list[RetentionItem]:
    """Every footage item with its retention state and the reasons, oldest date first."""
    require(actor, Permission.VIEW, QT_TRANSLATE_NOOP("CoreMessages", "see the retention report"))
    policy = load_policy(session)
    now = now or utcnow()
    items = session.scalars(select(Footage).options(selectinload(Footage.cases),
                                                    selectinload(Footage.flags))
                            .order_by(Footage.id))
    report = [_assess(f, policy, now) for f in items]
    return sorted(report, key=lambda i: (i.state is not RetentionState.DUE,
                                         i.retention_until or datetime.max.replace(
                                             tzinfo=now.tzinfo), i.footage_id))


def apply_retention(store: Store, actor_name: str, *, dry_run: bool = False,
                    only: set[int] | None = None, now: datetime | None = None,
                    on_outcome: Callable[[RetentionOutcome], None] | None = None,
                    progress: ProgressFn = no_progress,
                    cancel: CancelToken | None = None) -> list[RetentionOutcome]:
    """Delete (or, dry run, say what would be deleted) the due items.

    ``only``: the footage numbers the user confirmed; anything else that has become due
    since is reported as not confirmed and left alone. Each item has its own transaction, in
    which its state is checked again (row locked). One item that fails does not stop the
    others. Then originals of earlier tombstones that are still in a managed folder (an
    interrupted run, a file that could not be deleted) are deleted. ``progress`` counts
    items; ``cancel`` stops between items (or while an original is hashed), leaving every
    item either untouched or completely tombstoned.
    """
    now = now or utcnow()
    user = check_actor(store, actor_name, Permission.VIEW if dry_run
                       else Permission.APPLY_RETENTION,
                       QT_TRANSLATE_NOOP("CoreMessages", "apply the retention policy"))
    with store.read() as session:
        actor = session.get(User, user.id)
        assert actor is not None
        report = retention_report(session, actor, now)
    outcomes: list[RetentionOutcome] = []

    def tell(outcome: RetentionOutcome) -> None:
        outcomes.append(outcome)
        if on_outcome is not None:
            on_outcome(outcome)

    due = [i for i in report if i.state is RetentionState.DUE]
    leftovers = [] if dry_run else [i for i in report
                                    if i.state is RetentionState.DELETED and i.owned]
    total = len(due) + len(leftovers)
    for n, item in enumerate(due):
        progress(n, total)
        if cancel is not None:
            cancel.check()
        label = f"#{item.footage_id} {item.file_name}"
        if dry_run:
            action = "would delete file" if item.owned else "would mark deleted"
            tell(RetentionOutcome(item, action, f"{label}: {action} ({item.why})."))
        elif only is not None and item.footage_id not in only:
            tell(RetentionOutcome(item, "not confirmed", f"{label}: became due after the "
                                  "report you confirmed; left for the next run."))
        else:
            try:
                tell(_delete_one(store, actor_name, item, now, cancel))
            except Cancelled:
                raise
            except BwvError as exc:
                tell(RetentionOutcome(item, "failed", f"{label}: not deleted: {exc}"))
            except DBAPIError as exc:  # busy: this item only (those before stand as said)
                if not store_busy(exc):
                    raise
                tell(RetentionOutcome(item, "failed",
                                      f"{label}: not deleted: {database_problem(exc)}"))
    for n, item in enumerate(leftovers, start=len(due)):
        progress(n, total)
        if cancel is not None:
            cancel.check()
        outcome = _delete_leftover_file(store, actor_name, item, cancel)
        if outcome is not None:
            tell(outcome)
    progress(total, total)
    return outcomes


def _still_the_original(path: Path, size: int, sha256: str,
                        cancel: CancelToken | None = None) -> tuple[str | None, int]:
    """(None, its modification time) when the file at ``path`` is the recorded original,
    else (why not, 0). Its content decides: a file only touched since (a backup restored, a
    copy that did not keep times) is still the original and is deleted."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        return "the file is no longer there", 0
    except OSError as exc:
        return f"the file cannot be read ({exc.strerror})", 0
    if stat.st_size != size:
        return "the file at that path is not the recorded original (its size differs)", 0
    try:
        if sha256_file(path, cancel=cancel) != sha256:
            return "the file at that path is not the recorded original (SHA-256 differs)", 0
    except MediaError as exc:
        return str(exc), 0
    return None, stat.st_mtime_ns


def _remove(session: Session, table: Any, where: Any) -> int:
    """Delete the rows of ``table`` matching ``where``; how many there were."""
    count = len(session.scalars(select(table.id).where(where)).all())
    session.execute(delete(table).where(where))
    return count


def _lock(session: Session, footage_id: int) -> Footage:
    """The footage row, locked until the transaction ends (PostgreSQL; SQLite write
    transactions are already exclusive), with its cases and flags."""
    return session.scalars(select(Footage).options(selectinload(Footage.cases),
                                                   selectinload(Footage.flags))
                           .where(Footage.id == footage_id).with_for_update()).one()


def _delete_one(store: Store, actor_name: str, item: RetentionItem, now: datetime,
                cancel: CancelToken | None = None) -> RetentionOutcome:
    label = f"#{item.footage_id} {item.file_name}"
    # Hash outside the transaction (it can take a while); size and time are checked again
    # inside it, with the row locked.
    with store.read() as session:
        f = session.get_one(Footage, item.footage_id)
        path, size, digest = Path(f.original_path), f.size_bytes, f.sha256
    not_original, mtime = _still_the_original(path, size, digest, cancel) \
        if item.owned else ("outside the managed folders", 0)
    with store.transaction() as session:
        actor = resolve_actor(session, actor_name)
        footage = _lock(session, item.footage_id)
        current = _assess(footage, load_policy(session), now)
        if current.state is not RetentionState.DUE:  # changed since the report
            return RetentionOutcome(current, "kept", f"{label}: kept after all "
                                    f"({current.why}).")
        shared = session.scalar(select(Footage.id).where(
            Footage.original_path == footage.original_path, Footage.id != footage.id,
            Footage.deleted_at.is_(None)).limit(1))
        if not_original is None and shared is not None:
            not_original = f"footage #{shared} (still held) has the same path"
        delete_file = current.owned and not_original is None
        note = f"retention period ended {current.retention_until:%Y-%m-%d}; " + (
            "original deleted from the managed store" if delete_file else
            "original outside the managed store, to be deleted by its owner"
            if not current.owned else f"original not deleted: {not_original}")
        footage.deleted_at, footage.deleted_by_id = now, actor.id
        footage.deletion_note = note
        runs = _remove(session, DetectionRunRecord, DetectionRunRecord.footage_id == footage.id)
        transcripts = _remove(session, TranscriptRecord,  # what was said goes with it
                              TranscriptRecord.footage_id == footage.id)
        # flags' labels and notes, and plans' boxes, labels and reasons, describe what it
        # showed: they go with it too
        flags = _remove(session, Flag, Flag.footage_id == footage.id)
        plans = _remove(session, RedactionPlanRecord,
                        RedactionPlanRecord.footage_id == footage.id)
        left = [p for p in session.scalars(select(ExportRecord.path).where(
            ExportRecord.footage_id == footage.id)) if Path(p).exists()]
        open_jobs = update(JobRecord).where(JobRecord.footage_id == footage.id,
                                            JobRecord.state.in_(("queued", "running")))
        jobs = int(getattr(session.execute(  # nothing is detected or transcribed for it again
            open_jobs.values(state="cancelled", cancel_requested=True, finished_at=now)),
            "rowcount", 0))
        audit.record(session, actor.name, "retention.delete", "footage", footage.id, {
            "sha256": footage.sha256, "path": footage.original_path,
            "file_name": footage.file_name, "size_bytes": footage.size_bytes,
            "recorded_at": footage.recorded_at.isoformat() if footage.recorded_at else None,
            "retention_until": current.retention_until.isoformat()
            if current.retention_until else None,
            "owned": current.owned, "delete_file": delete_file,
            "detection_runs_removed": runs, "transcripts_removed": transcripts,
            "flags_removed": flags, "plans_removed": plans,
            "jobs_cancelled": jobs, "note": note, "exports_left": len(left),
        }, footage_id=footage.id)
    # The tombstone is committed first: an interruption now leaves a file that the next
    # run deletes (see _delete_leftover_file), never a deleted file without its record.
    exports = (f" {len(left)} export(s) made from it are still on disk (exports and working "
               f"copies follow their own rules; delete them if nothing keeps them): "
               f"{', '.join(left)}.") if left else ""
    if not delete_file:
        action = "marked deleted"
        return RetentionOutcome(current, action, f"{label}: {action} ({note}); the hash and "
                                "metadata are kept as a tombstone." + exports)
    problem = _unlink(store, actor_name, item.footage_id, path, size, mtime)
    if problem:
        return RetentionOutcome(current, "marked deleted", f"{label}: marked deleted, but "
                                f"the file was not deleted: {problem} (tried again next run)."
                                + exports)
    return RetentionOutcome(current, "deleted file", f"{label}: deleted file; the hash and "
                            "metadata are kept as a tombstone." + exports)


def _unlink(store: Store, actor_name: str, footage_id: int, path: Path, size: int,
            mtime_ns: int) -> str | None:
    """Delete the original (unchanged since it was hashed: ``size``, ``mtime_ns``); on
    failure audit why and return it."""
    try:
        stat = path.stat()
        if stat.st_size != size or stat.st_mtime_ns != mtime_ns:
            problem = "the file changed just before deletion"
        else:
            path.unlink()
            return None
    except FileNotFoundError:
        return None
    except OSError as exc:
        problem = f"{path}: {exc.strerror or exc}"
    with store.transaction() as session:
        audit.record(session, resolve_actor(session, actor_name).name,
                     "retention.file_not_deleted", "footage", footage_id,
                     {"path": str(path), "problem": problem}, footage_id=footage_id)
    return problem


def _delete_leftover_file(store: Store, actor_name: str, item: RetentionItem,
                          cancel: CancelToken | None = None) -> RetentionOutcome | None:
    """A tombstone whose original is still in a managed folder (interrupted run, or a
    delete that failed): delete it now if it is still exactly that original."""
    path = Path(item.path)
    if not path.exists():
        return None
    with store.read() as session:
        f = session.get_one(Footage, item.footage_id)
        size, digest = f.size_bytes, f.sha256
        shared = session.scalar(select(Footage.id).where(
            Footage.original_path == f.original_path, Footage.id != f.id,
            Footage.deleted_at.is_(None)).limit(1))
    not_original, mtime = _still_the_original(path, size, digest, cancel)
    if shared is not None or not_original is not None:
        return None
    problem = _unlink(store, actor_name, item.footage_id, path, size, mtime)
    label = f"#{item.footage_id} {item.file_name}"
    if problem:
        return RetentionOutcome(item, "failed", f"{label}: the deleted footage's file is "
                                f"still there: {problem}")
    with store.transaction() as session:
        audit.record(session, resolve_actor(session, actor_name).name,
                     "retention.delete_file", "footage", item.footage_id,
                     {"path": str(path), "sha256": digest}, footage_id=item.footage_id)
    return RetentionOutcome(item, "deleted file", f"{label}: deleted the file left by an "
                            "earlier run.")


def set_legal_hold(session: Session, actor: User, key: str | int, hold: bool,
                   reason: str) -> FootageRecord:
    """Put footage on legal hold (never deleted while held) or lift the hold; audited."""
    require(actor, Permission.CHANGE_RETENTION,
            "place or lift a legal hold" if hold else "lift a legal hold")
    if not reason.strip():
        raise InvalidInputError(QT_TRANSLATE_NOOP(
            "CoreMessages", "Give the reason for the legal hold change (it is recorded)."))
    footage = lock_footage(session, key)
    require_present(footage)
    if footage.legal_hold != hold:
        footage.legal_hold = hold
        footage.legal_hold_reason = reason.strip() if hold else None
        audit.record(session, actor.name, "footage.legal_hold", "footage", footage.id,
                     {"hold": hold, "reason": reason.strip()}, footage_id=footage.id)
    return FootageRecord.of(footage)

