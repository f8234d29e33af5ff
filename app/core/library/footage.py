"""Footage: look-up, listing, the evidential switch, and re-verifying originals' hashes."""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Select, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, selectinload

from app.core.case_state.status import get_case
from app.core.errors import (
    QT_TRANSLATE_NOOP,
    ConflictError,
    InvalidInputError,
    MediaError,
    NotFoundError,
    StoreBusyError,
)
from app.core.library.footage_pages import FootageQuery, count_footage, footage_page
from app.core.media.hashing import sha256_file
from app.core.people.permissions import Permission, require
from app.core.people.users import check_actor, resolve_actor
from app.core.policy.store_policy import load_policy
from app.core.progress import CancelToken, ProgressFn, no_progress
from app.core.retention.rules import retention_until
from app.core.store import audit
from app.core.store.database import Store, store_busy
from app.core.store.models import Case, Footage, User, case_footage, utcnow
from app.core.views.records import FootageRecord

VERIFY_PARTLY_RECORDED = QT_TRANSLATE_NOOP(
    "CoreMessages", "Every original was checked, but the store became busy (another program "
    "or window was writing to it) while the checks were being recorded: {done} of {total} "
    "are in the audit trail. Verify again in a moment to record them all.")
NOT_A_FOOTAGE_KEY = QT_TRANSLATE_NOOP(
    "CoreMessages", "{key!r} is neither a footage number nor a SHA-256 prefix.")


def get_footage(session: Session, key: str | int) -> Footage:
    """Footage by number (``12``, ``#12``) or by SHA-256 prefix (8+ hex digits)."""
    text = str(key).strip().lstrip("#")
    if text.isdigit() and len(text) < 8:  # at most 7 digits: always in the integer range
        footage = session.get(Footage, int(text))
    elif len(text) >= 8 and all(c in "0123456789abcdef" for c in text.lower()):
        matches = list(session.scalars(
            select(Footage).where(Footage.sha256.like(text.lower() + "%")).limit(2)))
        if len(matches) > 1:
            raise InvalidInputError(QT_TRANSLATE_NOOP(
                "CoreMessages", "Hash prefix {text!r} matches more than one footage item."),
                text=text)
        footage = matches[0] if matches else None
    else:
        raise InvalidInputError(NOT_A_FOOTAGE_KEY, key=key)
    if footage is None:
        raise NotFoundError(QT_TRANSLATE_NOOP(
            "CoreMessages", "No footage {key!r}."),
            key=key)
    return footage


def lock_footage(session: Session, key: str | int) -> Footage:
    """Footage whose row stays locked until the transaction ends, so a retention run cannot
    delete it between this check and the change (PostgreSQL; SQLite writers are exclusive)."""
    footage = get_footage(session, key)
    session.refresh(footage, with_for_update=True)
    return footage


IS_AN_ORIGINAL = QT_TRANSLATE_NOOP(
    "CoreMessages", "{path} is the original of footage #{number}; nothing is written over an "
    "original (give another name).")


def refuse_an_original(session: Session, final: Path) -> None:
    """Refuse to write at ``final`` (even when told to replace files) when it is the
    original of footage in this store: evidence, whose hash the store vouches for."""
    target = str(final.expanduser().resolve())
    number = session.scalar(select(Footage.id).where(Footage.original_path == target)
                            .limit(1))
    if number is not None:
        raise ConflictError(IS_AN_ORIGINAL, path=final, number=number)


def require_present(footage: Footage) -> None:
    """Refuse work on footage whose original retention deleted (only a tombstone is left)."""
    if footage.deleted_at is not None:
        raise ConflictError(QT_TRANSLATE_NOOP(
            "CoreMessages", "Footage #{id} ({file_name}) was deleted under the retention policy "
            "on {deleted_at:%Y-%m-%d}; only its hash and metadata remain."),
            id=footage.id, file_name=footage.file_name, deleted_at=footage.deleted_at)


def present_original(store: Store, actor_name: str, key: str | int) -> FootageRecord:
    """Footage the actor may see, not deleted by retention, whose original is on disk and is
    still the file ingested: what detection and transcription start from (a clear message
    for each way it is not). A file whose size or time changed is hashed: a replaced original
    is never processed, nor recorded as the ingested one."""
    check_actor(store, actor_name, Permission.VIEW,
                QT_TRANSLATE_NOOP("CoreMessages", "see footage"))
    with store.read() as session:
        item = get_footage(session, key)
        require_present(item)
        record, mtime_ns = _record(item), item.file_mtime_ns
    path = Path(record.original_path)
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise MediaError(QT_TRANSLATE_NOOP(
            "CoreMessages", "{path}: the original of footage #{number} is missing."),
            path=record.original_path, number=record.id) from None
    if stat.st_size != record.size_bytes or (
            stat.st_mtime_ns != mtime_ns and sha256_file(path) != record.sha256):
        raise MediaError(QT_TRANSLATE_NOOP(
            "CoreMessages", "{path}: the original of footage #{number} no longer matches the "
            "SHA-256 recorded at ingest; it is not processed (verify the originals to see "
            "which changed)."), path=record.original_path, number=record.id)
    if stat.st_mtime_ns != mtime_ns:  # the same file, only touched: not hashed again
        with store.transaction() as session:
            row = session.get(Footage, record.id)
            if row is not None:
                row.file_mtime_ns = stat.st_mtime_ns
    return record


def _record(footage: Footage) -> FootageRecord:
    return FootageRecord.of(footage, footage_user_name(footage))


def footage_user_name(footage: Footage) -> str | None:
    session = Session.object_session(footage)
    if session is None or footage.ingested_by_id is None:
        return None
    user = session.get(User, footage.ingested_by_id)
    return user.name if user else None


def list_footage(session: Session, case_ref: str | None = None,
                 text: str | None = None, limit: int | None = None) -> list[FootageRecord]:
    """All footage in number order, or one case's; ``text`` as the library's filter box
    (``footage_pages.FootageQuery``); at most ``limit`` items."""
    query = FootageQuery(case_ref, text or "")
    if limit is None:
        limit = count_footage(session, query)
    return footage_page(session, query, 0, limit)


def show_footage(session: Session, key: str | int) -> FootageRecord:
    return _record(get_footage(session, key))


def set_evidential(session: Session, actor: User, key: str | int, evidential: bool,
                   reason: str) -> FootageRecord:
    """Mark footage evidential (kept) or not (retention date restored). A reason is required."""
    if evidential:
        require(actor, Permission.SET_EVIDENTIAL,
                QT_TRANSLATE_NOOP("CoreMessages", "mark footage evidential"))
    else:
        require(actor, Permission.CHANGE_RETENTION,
                "remove the evidential mark (it lets retention delete the footage)")
    if not reason.strip():
        raise InvalidInputError(QT_TRANSLATE_NOOP(
            "CoreMessages", "Give a reason for changing the evidential status."))
    footage = lock_footage(session, key)
    require_present(footage)
    if footage.evidential == evidential:
        return _record(footage)
    retention_days = load_policy(session).retention_days
    before = footage.retention_until
    footage.evidential = evidential
    footage.retention_until = retention_until(footage.recorded_at, footage.ingested_at,
                                              retention_days, evidential)
    audit.record(session, actor.name, "footage.evidential", "footage", footage.id, {
        "evidential": evidential, "reason": reason.strip(),
        "retention_until": [before.isoformat() if before else None,
                            footage.retention_until.isoformat()
                            if footage.retention_until else None],
    }, footage_id=footage.id)
    return _record(footage)


class VerifyStatus(enum.StrEnum):
    OK = "ok"
    CHANGED = "changed"
    MISSING = "missing"
    UNREADABLE = "unreadable"
    SUPERSEDED = "superseded"  # an export replaced in place by a later one (--force)


@dataclass(frozen=True)
class OriginalCheck:
    footage_id: int
    path: str
    status: VerifyStatus
    message: str


def verify_originals(
    store: Store,
    actor_name: str,
    case_ref: str | None = None,
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
    on_result: Callable[[OriginalCheck], None] | None = None,
    footage_id: int | None = None,
) -> list[OriginalCheck]:
    """Re-hash every original (or a case's, or one) and compare with the stored SHA-256.

    Footage that retention deleted is skipped (its tombstone keeps the hash)."""
    check_actor(store, actor_name, Permission.VIEW,
                QT_TRANSLATE_NOOP("CoreMessages", "verify footage"))
    with store.read() as session:
        if case_ref is not None:
            get_case(session, case_ref)
        query = _footage_query(case_ref).where(Footage.deleted_at.is_(None))
        if footage_id is not None:
            query = query.where(Footage.id == footage_id)
        items = [(f.id, f.original_path, f.sha256) for f in session.scalars(query)]
    checks: list[OriginalCheck] = []
    for footage_id, path_text, expected in items:
        path = Path(path_text)
        if not path.exists():
            check = OriginalCheck(footage_id, path_text, VerifyStatus.MISSING,
                                  f"{path}: the original is missing.")
        else:
            try:
                actual = sha256_file(path, progress, cancel)
            except MediaError as exc:
                check = OriginalCheck(footage_id, path_text, VerifyStatus.UNREADABLE, str(exc))
            else:
                if actual == expected:
                    check = OriginalCheck(footage_id, path_text, VerifyStatus.OK,
                                          f"{path}: unchanged.")
                else:
                    check = OriginalCheck(footage_id, path_text, VerifyStatus.CHANGED,
                                          f"{path}: CHANGED since ingest (SHA-256 differs).")
        checks.append(check)
        if on_result is not None:
            on_result(check)
    for start in range(0, len(checks), audit.PART):  # the store free between parts
        try:
            with store.transaction() as session:
                actor = resolve_actor(session, actor_name)
                for check in checks[start:start + audit.PART]:
                    audit.record(session, actor.name, "footage.verify", "footage",
                                 check.footage_id, {"status": check.status.value,
                                                    "at": utcnow().isoformat()},
                                 footage_id=check.footage_id)
        except DBAPIError as exc:
            if start and store_busy(exc):  # not "nothing saved": the parts before are
                raise StoreBusyError(VERIFY_PARTLY_RECORDED, done=start,
                                     total=len(checks)) from exc
            raise
    return checks


def _footage_query(case_ref: str | None) -> Select[Footage]:
    stmt = select(Footage).options(selectinload(Footage.cases),
                                   selectinload(Footage.flags)).order_by(Footage.id)
    if case_ref is not None:
        stmt = stmt.join(case_footage).join(Case).where(Case.reference == case_ref)
    return stmt

