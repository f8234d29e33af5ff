"""Putting a recorded export's files in place, and finishing exports a crash interrupted.

An export writes its video and manifest under hidden ``.NAME.partial`` names, records them in
the store (one transaction: the row and its audit event, with both SHA-256s), and only then
renames them into place and writes the audit extract. A process killed after the record
leaves partial files that the record vouches for: the next export into that folder (or
``complete_export``) finishes the job, renaming each partial whose hash matches the record
and writing the extract from the store, so the set ends complete and recorded. A process
killed before the record leaves only partial files, which look like nothing finished and are
removed later (``fileio.remove_stale_partials``).
"""

from __future__ import annotations

import io
import logging
from pathlib import Path

from sqlalchemy import select

from app.core.errors import QT_TRANSLATE_NOOP, MediaError
from app.core.export.manifest import manifest_path
from app.core.export.output_lock import held
from app.core.fileio import atomic_write_text, commit_file, partial_path
from app.core.integrity.extract_seal import sealed
from app.core.media.hashing import sha256_file
from app.core.store import audit
from app.core.store.database import Store
from app.core.store.models import AuditEvent, ExportRecord

log = logging.getLogger(__name__)


def audit_extract_path(out: Path) -> Path:
    """``NAME.audit.jsonl`` beside ``NAME.mp4`` (like ``NAME.manifest.json``): the footage's
    audit trail up to and including this export."""
    return out.with_name(out.stem + ".audit.jsonl")


def _extract_text(store: Store, export_id: int, sealer: str | None) -> str:
    """The footage's events up to and including this export's own event, sealed by
    ``sealer`` (default: whoever exported)."""
    with store.read() as session:
        row = session.get(ExportRecord, export_id)
        event = session.scalars(select(AuditEvent).where(
            AuditEvent.action == "export.create",
            AuditEvent.object_id == str(export_id))).first()
        if row is None or event is None:
            raise MediaError(QT_TRANSLATE_NOOP(
                "CoreMessages", "Export #{export_id} has no record to complete."),
                export_id=export_id)
        events = [e for e in audit.footage_events(session, row.footage_id, row.case_id)
                  if e.seq <= event.seq]
        buffer = io.StringIO()
        audit.write_events(events, buffer, "jsonl")
        video, manifest = Path(row.path), Path(row.manifest_path)
        return sealed(session, store.store_id, sealer or event.actor, buffer.getvalue(),
                      {video.name: row.sha256, manifest.name: row.manifest_sha256})


def _waiting(final: Path, expected: str, hashed: bool) -> Path | None:
    """``final``'s partial file if it is the recorded one (never another export's);
    ``hashed``: the caller has just hashed it itself."""
    tmp = partial_path(final)
    if not tmp.is_file():
        return None
    return tmp if hashed or sha256_file(tmp) == expected else None


def complete_export(store: Store, export_id: int, sealer: str | None = None, *,
                    hashed: bool = False) -> list[Path]:
    """Put export ``export_id``'s recorded files in place and write its audit extract if it
    is not there yet; the paths written (none when the export was already complete).
    ``hashed``: the export that wrote the partial files hashed them just now (no re-read).

    The video goes in place last, so a redacted video in its folder always has its manifest
    and extract beside it."""
    with store.read() as session:
        row = session.get(ExportRecord, export_id)
        if row is None:
            raise MediaError(QT_TRANSLATE_NOOP(
                "CoreMessages", "Export #{export_id} has no record to complete."),
                export_id=export_id)
        video, manifest = Path(row.path), Path(row.manifest_path)
        video_sha, manifest_sha = row.sha256, row.manifest_sha256
        newer = session.scalar(select(ExportRecord.id).where(
            ExportRecord.path == row.path, ExportRecord.id > export_id).limit(1))
    if newer is not None:
        return []  # replaced by a later export to the same path
    video_tmp = _waiting(video, video_sha, hashed)
    manifest_tmp = _waiting(manifest, manifest_sha, hashed)
    extract = audit_extract_path(video)
    written: list[Path] = []
    if video_tmp is not None or (not extract.exists() and video.exists()):
        atomic_write_text(extract, _extract_text(store, export_id, sealer))
        written.append(extract)
    for tmp, final in ((manifest_tmp, manifest), (video_tmp, video)):
        if tmp is not None:
            commit_file(tmp, final)
            written.append(final)
    return written


def complete_interrupted(store: Store, folder: Path, sealer: str | None = None) -> list[Path]:
    """Finish every recorded export into ``folder`` whose partial files wait there (its
    extract sealed by ``sealer``, the person finishing it, if given), except one whose
    export still runs (between its record and its rename: it holds its name's lock)."""
    waiting = {p.name for p in folder.glob(".*.partial")}
    folder_text = str(folder.resolve())
    with store.read() as session:
        rows = [(i, p) for i, p in session.execute(select(ExportRecord.id, ExportRecord.path)
                                                   .where(ExportRecord.path.startswith(
                                                       folder_text, autoescape=True)))
                if str(Path(p).parent) == folder_text]
    written: list[Path] = []
    for export_id, path in rows:
        video, manifest = Path(path), manifest_path(Path(path))
        if video.is_dir():  # recorded over a folder by an older version: never finishable
            log.warning("export #%s was recorded at %s, a folder; left as it is",
                        export_id, video)
            continue
        names = {partial_path(video).name, partial_path(manifest).name}
        no_extract = video.exists() and manifest.exists() and not audit_extract_path(
            video).exists()
        if (names & waiting or no_extract) and not held(video):  # not one running now
            done = complete_export(store, export_id, sealer)
            for item in done:
                log.info("finished %s of export #%s, interrupted before", item, export_id)
            written += done
    return written
