"""Re-hash recorded exports: each redacted copy and its manifest must still match the
SHA-256 recorded when it was written (``bwv audit verify`` runs this after the chain).

A re-export to the same path (``--force``) replaces the files: the files there belong to
the newest record of that path, and each earlier record is reported as superseded (by
which export), not as changed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from app.core.errors import MediaError
from app.core.fileio import partial_path
from app.core.library.footage import VerifyStatus
from app.core.media.hashing import sha256_file
from app.core.progress import CancelToken, ProgressFn, no_progress
from app.core.store.database import Store
from app.core.store.models import ExportRecord


@dataclass(frozen=True)
class ExportCheck:
    export_id: int
    path: str
    status: VerifyStatus  # OK, CHANGED, MISSING (moved away: not an error), UNREADABLE
    message: str


def verify_exports(store: Store, cancel: CancelToken | None = None,
                   progress: ProgressFn = no_progress,
                   on_file: Callable[[str], None] | None = None) -> list[ExportCheck]:
    """Every recorded export whose files are still where they were written, re-hashed.
    ``on_file`` announces each file before ``progress`` counts its bytes."""
    with store.read() as session:
        rows = [(e.id, e.path, e.sha256, e.manifest_path, e.manifest_sha256)
                for e in session.scalars(select(ExportRecord).order_by(ExportRecord.id))]
    newest = {path: export_id for export_id, path, *_rest in rows}  # ids ascend
    checks: list[ExportCheck] = []
    for export_id, path, digest, manifest_path, manifest_digest in rows:
        if newest[path] != export_id:
            checks.append(ExportCheck(export_id, path, VerifyStatus.SUPERSEDED, (
                f"export #{export_id}: replaced at {path} by export #{newest[path]} "
                "(a re-export with --force); not checked.")))
            continue
        video_there = Path(path).exists()  # the video is put in place last
        if not video_there and (partial_path(Path(path)).exists()
                                or partial_path(Path(manifest_path)).exists()):
            checks.append(ExportCheck(export_id, path, VerifyStatus.MISSING, (
                f"export #{export_id}: {path} was recorded but its files were not all put in "
                "place (the export was interrupted); the next export into that folder "
                "finishes it.")))
            continue
        problems: list[str] = []
        status = VerifyStatus.OK
        for file, expected, what in ((path, digest, "video"),
                                     (manifest_path, manifest_digest, "manifest")):
            if not Path(file).exists():
                if video_there:  # a finished export always has its manifest
                    status = VerifyStatus.CHANGED
                    problems.append(f"the {what} {file} is MISSING beside its video")
                continue
            if on_file is not None:
                on_file(file)
            try:
                if sha256_file(Path(file), progress, cancel) != expected:
                    status = VerifyStatus.CHANGED
                    problems.append(f"the {what} {file} CHANGED since it was exported")
            except MediaError as exc:
                if status is VerifyStatus.OK:
                    status = VerifyStatus.UNREADABLE
                problems.append(str(exc))
        if problems:
            message = f"export #{export_id}: " + "; ".join(problems) + "."
        elif not video_there:
            status = VerifyStatus.MISSING
            message = f"export #{export_id}: {path} is no longer there (not checked)."
        else:
            message = f"export #{export_id}: {path} matches its recorded SHA-256."
        checks.append(ExportCheck(export_id, path, status, message))
    return checks
