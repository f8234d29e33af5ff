"""A redact job's work: a working copy of one footage item from the template plan (every
face redacted, nobody kept, the sound as it is), written atomically into the job's output
folder. Never released: release needs a person's review and a supervisor's approval."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.core.analysis import StageFn
from app.core.errors import QT_TRANSLATE_NOOP, MediaError
from app.core.export.completion import complete_export
from app.core.export.pipeline import redact_footage
from app.core.library.footage import present_original
from app.core.progress import CancelToken
from app.core.redaction.plan import RedactionPlan
from app.core.store.database import Store
from app.core.store.models import ExportRecord


def template_plan() -> RedactionPlan:
    """Redact every face found, keep nobody, leave the sound: the batch template."""
    return RedactionPlan()


def working_copy_path(out_dir: Path, file_name: str, job_id: int) -> Path:
    """Where job ``job_id`` writes its working copy of ``file_name``: one name per job, so
    a job taken up again after a crash finds what it already finished."""
    return out_dir / f"{Path(file_name).stem}.job{job_id}.working-copy.mp4"


def make_working_copy(store: Store, actor_name: str, footage_id: int, job_id: int,
                      preset: str, options: dict[str, Any], stage: StageFn,
                      cancel: CancelToken) -> dict[str, Any]:
    """Export the working copy (or find the one this job already recorded); the job's
    result: export number, path, SHA-256 and what the closed-loop check found."""
    out_dir = Path(str(options.get("out_dir", "")))
    if not out_dir.is_dir():
        raise MediaError(QT_TRANSLATE_NOOP(
            "CoreMessages", "{folder}: the folder for working copies is not there."),
            folder=str(out_dir))
    item = present_original(store, actor_name, footage_id)
    out = working_copy_path(out_dir, item.file_name, job_id)
    with store.read() as session:  # taken up again after it recorded: nothing made twice
        done = session.scalars(select(ExportRecord).where(
            ExportRecord.path == str(out.resolve()), ExportRecord.working_copy.is_(True))
            .order_by(ExportRecord.id.desc())).first()
    if done is not None and not out.exists():  # recorded, stopped before it was in place
        complete_export(store, done.id, actor_name)  # (does nothing if its files are gone)
    if done is not None and out.exists():
        return {"export_id": done.id, "path": done.path, "sha256": done.sha256,
                "reused": True, "reason": options.get("reason", "")}
    # not made yet, or its files were lost: make it (a new record supersedes the old one)
    result = redact_footage(store, actor_name, footage_id, out, template_plan(),
                            case_ref=options.get("case") or None, preset=preset,
                            stage=stage, cancel=cancel, working_copy=True)
    return {"export_id": result.export_id, "path": str(result.output),
            "sha256": result.output_sha256,
            "residual_findings": len(result.residual.findings) if result.residual else None,
            "reason": options.get("reason", "")}
