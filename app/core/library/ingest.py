"""Ingest: hash an original while streaming, probe it, and record it with an audit event.

Originals are only ever read. A file whose hash is already stored is linked, not duplicated.
One bad file never stops the rest: each gets its own :class:`IngestResult`.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError

from app.core.case_state.status import get_case
from app.core.errors import QT_TRANSLATE_NOOP, BwvError, Cancelled, ConflictError, MediaError
from app.core.library.footage_links import link_footage
from app.core.media.decode import Timestamps, check_regular_file
from app.core.media.hashing import sha256_file
from app.core.media.probe import MediaInfo, probe
from app.core.people.permissions import Permission
from app.core.people.users import check_actor, resolve_actor
from app.core.policy.store_policy import load_policy
from app.core.progress import CancelToken, ProgressFn, no_progress
from app.core.retention.rules import retention_until
from app.core.store import audit
from app.core.store.database import Store, database_problem, store_busy
from app.core.store.models import ExportRecord, Footage, utcnow

log = logging.getLogger(__name__)

VIDEO_SUFFIXES = frozenset({
    ".mp4", ".m4v", ".mov", ".avi", ".mkv", ".mts", ".m2ts", ".ts", ".3gp", ".wmv", ".webm",
    ".mpg", ".mpeg", ".asf", ".mxf", ".flv", ".vob", ".dv", ".mod", ".tod", ".ogv", ".divx",
    # bare streams some recorders export: refused, saying why, rather than passed over
    ".h264", ".264", ".h265", ".265", ".hevc",
})


class IngestStatus(enum.StrEnum):
    INGESTED = "ingested"
    DUPLICATE = "duplicate"
    FAILED = "failed"


@dataclass(frozen=True)
class IngestResult:
    path: Path
    status: IngestStatus
    message: str
    footage_id: int | None = None
    sha256: str | None = None
    busy: bool = False  # failed only because another program held the store: try again


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given; folders searched recursively for video files (hidden ones skipped)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                p for p in sorted(path.rglob("*"))
                if p.is_file() and p.suffix.lower() in VIDEO_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        else:
            found.append(path)
    return found


def ingest_paths(
    store: Store,
    actor_name: str,
    paths: Iterable[Path],
    *,
    case_ref: str | None = None,
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
    on_file: Callable[[Path, int, int], None] | None = None,
    on_result: Callable[[IngestResult], None] | None = None,
    source: dict[str, str] | None = None,
) -> list[IngestResult]:
    """Ingest files and folders. ``progress`` counts bytes hashed within the current file.

    ``on_file(path, i, n)`` announces each file; ``on_result`` reports each outcome.
    ``source`` says how the files came (e.g. the watch folder whose rule took them); it is
    written into each ``footage.ingest`` event. Raises :class:`Cancelled` between files or
    chunks if ``cancel`` is set.
    """
    check_actor(store, actor_name, Permission.INGEST,
                QT_TRANSLATE_NOOP("CoreMessages", "ingest footage"))
    files = expand_paths(paths)
    if case_ref is not None:  # fail before hashing anything if the case does not exist
        with store.read() as session:
            get_case(session, case_ref)
    results: list[IngestResult] = []
    for i, path in enumerate(files):
        if on_file is not None:
            on_file(path, i, len(files))
        try:
            result = _ingest_one(store, actor_name, path, case_ref, progress, cancel, source)
        except Cancelled:
            raise
        except BwvError as exc:
            result = IngestResult(path, IngestStatus.FAILED, str(exc))
        except DBAPIError as exc:  # the store busy, or refusing: in words, no statement
            log.exception("ingest of %s failed", path)
            result = IngestResult(path, IngestStatus.FAILED, f"{path}: {database_problem(exc)}",
                                  busy=store_busy(exc))
        except Exception as exc:  # a bug must not lose the other files' results
            log.exception("ingest of %s failed", path)
            result = IngestResult(path, IngestStatus.FAILED, f"{path}: unexpected error ({exc}).")
        results.append(result)
        if on_result is not None:
            on_result(result)
    return results


IS_AN_EXPORT = QT_TRANSLATE_NOOP(
    "CoreMessages", "{path}: this is export #{id} of footage #{footage} (the same SHA-256), "
    "made here: an export is not an original, and is not taken in as footage.")


def _ingest_one(store: Store, actor_name: str, path: Path, case_ref: str | None,
                progress: ProgressFn, cancel: CancelToken | None,
                source: dict[str, str] | None = None) -> IngestResult:
    stat_before = check_regular_file(path)
    digest = sha256_file(path, progress, cancel)

    with store.read() as session:
        exported = session.scalars(select(ExportRecord).where(ExportRecord.sha256 == digest)
                                   .limit(1)).first()
        if exported is not None:  # (taken in, its own export's check would call it the
            raise ConflictError(IS_AN_EXPORT, path=path, id=exported.id,  # original)
                                footage=exported.footage_id)
        existing = session.scalars(select(Footage).where(Footage.sha256 == digest)).first()
        existing_id = existing.id if existing is not None else None
        if existing is not None and existing.deleted_at is not None:
            raise ConflictError(QT_TRANSLATE_NOOP(
                "CoreMessages", "{path}: this footage was ingested as #{id} and deleted under "
                "the retention policy on {deleted_at:%Y-%m-%d}; it is not taken in again (ask a "
                "supervisor if it is needed as evidence)."),
                path=path, id=existing.id, deleted_at=existing.deleted_at)
    if existing_id is not None:
        with store.transaction() as session:
            actor = resolve_actor(session, actor_name)
            linked = ""
            if case_ref is not None:
                if link_footage(session, actor, case_ref, existing_id):
                    linked = f", linked to case {case_ref}"
                else:
                    linked = f", already in case {case_ref}"
        return IngestResult(path, IngestStatus.DUPLICATE,
                            f"{path}: already ingested as footage #{existing_id}{linked}.",
                            existing_id, digest)

    info = probe(path, cancel)
    if path.stat().st_mtime_ns != stat_before.st_mtime_ns:
        raise MediaError(QT_TRANSLATE_NOOP(
            "CoreMessages", "{path}: the file changed while it was being ingested; try again."),
            path=path)
    now = utcnow()
    with store.transaction() as session:
        actor = resolve_actor(session, actor_name)
        retention_days = load_policy(session).retention_days
        footage = Footage(
            original_path=str(path.resolve()),
            file_name=path.name,
            sha256=digest,
            size_bytes=stat_before.st_size,
            file_mtime_ns=stat_before.st_mtime_ns,
            container=info.container,
            video_codec=info.video_codec,
            audio_codecs=info.audio_codecs,
            width=info.width,
            height=info.height,
            rotation=info.rotation,
            fps=info.fps,
            variable_frame_rate=info.variable_frame_rate,
            frame_count=info.frame_count,
            duration_s=info.duration_s,
            audio_streams=info.audio_streams,
            media_metadata=media_metadata(info),
            recorded_at=info.recorded_at,
            device_id=info.device_id,
            officer_id=info.officer_id,
            ingested_at=now,
            ingested_by_id=actor.id,
            retention_until=retention_until(info.recorded_at, now, retention_days, False),
            evidential=False,
        )
        session.add(footage)
        session.flush()
        audit.record(session, actor.name, "footage.ingest", "footage", footage.id, {
            "path": footage.original_path, "sha256": digest, "size_bytes": footage.size_bytes,
            "frame_count": info.frame_count, "duration_s": info.duration_s,
            "retention_until": footage.retention_until.isoformat()
            if footage.retention_until else None,
            **({"timestamps": str(info.timestamps)}
               if info.timestamps is not Timestamps.OK else {}),
            **({"source": source} if source else {}),
        }, footage_id=footage.id)
        if case_ref is not None:
            link_footage(session, actor, case_ref, footage.id)
        footage_id = footage.id
    warnings = "".join(f" Warning: {w}." for w in info.warnings)
    return IngestResult(
        path, IngestStatus.INGESTED,
        f"{path}: ingested as footage #{footage_id} ({info.frame_count} "
        f"{'frame' if info.frame_count == 1 else 'frames'}, "
        f"{info.duration_s:.1f} s, {info.width}x{info.height} {info.video_codec}).{warnings}",
        footage_id, digest,
    )


def media_metadata(info: MediaInfo) -> dict[str, object]:
    """The probe's tags plus the state of the timestamps (and warnings, if any)."""
    data: dict[str, object] = {**info.metadata, "timestamps": str(info.timestamps)}
    if info.warnings:
        data["warnings"] = list(info.warnings)
    return data
