"""Batch redact jobs make working copies: exported unattended from the template plan while the
store's approval rule is on, marked on every frame and in the manifest and record, never
packed, never written over a person's plan, never made twice; tampering with the mark is
found by the state replay."""

from __future__ import annotations

import json
from pathlib import Path

import av
import numpy as np
import pytest
from sqlalchemy import update

from app.core.casework import cases
from app.core.casework.disclosure_pack import build_pack
from app.core.checks.integrity_check import check_store
from app.core.errors import ConflictError, InvalidInputError, PermissionDeniedError
from app.core.jobs.cluster import run_workers
from app.core.jobs.queue import JobKind, list_jobs, queue_jobs
from app.core.jobs.working_copies import make_working_copy, working_copy_path
from app.core.library.ingest import ingest_paths
from app.core.people.users import add_user, resolve_actor
from app.core.progress import CancelToken
from app.core.redaction.plan import RedactionPlan, TimeRange
from app.core.redaction.plans import load_plan, save_plan
from app.core.store.database import Store
from app.core.store.models import ExportRecord, Role
from tests.conftest import make_video


def _bottom(path: Path) -> np.ndarray:
    with av.open(str(path)) as container:
        frame = next(container.decode(video=0)).to_ndarray(format="rgb24")
    return frame[-frame.shape[0] // 4:].astype(np.int16)


def test_a_redact_job_makes_a_marked_working_copy_that_is_never_packed(
        store: Store, tmp_path: Path) -> None:
    clip = make_video(tmp_path / "clip.mp4", frames=12, size=(320, 240))
    (footage,) = [r.footage_id for r in ingest_paths(store, "tester", [clip])]
    out = tmp_path / "share"
    out.mkdir()
    officers_plan = RedactionPlan(mute=[TimeRange(0.1, 0.4)])
    with store.transaction() as session:
        tester = resolve_actor(session, "tester")
        cases.create_case(session, tester, "SAR-5", "subject_access")
        cases.link_footage(session, tester, "SAR-5", footage)
        case_id = cases.get_case(session, "SAR-5").id
        save_plan(session, tester, footage, case_id, officers_plan)  # a person's work
        with pytest.raises(InvalidInputError, match="existing folder"):
            queue_jobs(session, tester, [footage], JobKind.REDACT, "fast",
                       options={"out_dir": str(tmp_path / "nowhere")})
        add_user(session, tester, "clerk", Role.CASE_STAFF)
    with store.transaction() as session, pytest.raises(PermissionDeniedError):
        queue_jobs(session, resolve_actor(session, "clerk"), [footage], JobKind.REDACT,
                   "fast", options={"out_dir": str(out)})
    with store.transaction() as session:  # the approval rule stays on (a new store's rule)
        (job,) = queue_jobs(session, resolve_actor(session, "tester"), [footage],
                            JobKind.REDACT, "fast",
                            options={"out_dir": str(out), "case": "SAR-5",
                                     "reason": "s.40 third parties"})
    assert run_workers(store, "tester", workers=1)["done"] == 1
    with store.read() as session:
        (row,) = [j for j in list_jobs(session) if j.id == job]
        record = session.get(ExportRecord, row.result["export_id"])
        assert record is not None and record.working_copy and record.case_id == case_id
        kept = load_plan(session, footage, case_id)
    assert kept is not None and kept.sha256() == officers_plan.sha256()  # not written over
    copy = working_copy_path(out, clip.name, job)
    assert Path(record.path) == copy.resolve() and copy.is_file()
    assert row.result["reason"] == "s.40 third parties" and row.progress == 1.0
    manifest = json.loads(Path(record.manifest_path).read_text())
    assert "Not for release" in manifest["working_copy"] and manifest["approval"] is None
    assert np.abs(_bottom(copy) - _bottom(clip)).max() > 100  # the mark is burnt in
    with pytest.raises(ConflictError, match="working copy"):
        build_pack(store, "tester", record.id, tmp_path)
    # taken up again after it finished (its outcome lost in a crash): nothing made twice
    again = make_working_copy(store, "tester", footage, job, "fast", row.options,
                              lambda *_: None, CancelToken())
    assert again["reused"] and again["export_id"] == record.id
    report = check_store(store)
    assert report.ok, report.replay.findings
    with store.transaction() as session:  # someone unmarks it in the database
        session.execute(update(ExportRecord).where(ExportRecord.id == record.id)
                        .values(working_copy=False))
    findings = check_store(store).replay.findings
    assert any("working_copy" in finding.message for finding in findings), findings

