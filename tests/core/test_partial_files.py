"""Issue 15, item 7: hidden ``.partial`` files left by an interrupted export (a killed
process) are removed by the next export into that folder; fresh ones (another export still
writing) are left alone."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from app.core.export.pipeline import redact_footage
from app.core.fileio import STALE_PARTIAL_S, remove_stale_partials
from app.core.library.ingest import ingest_paths
from app.core.redaction.plan import RedactionPlan
from app.core.store.database import Store
from tests.conftest import allow_unapproved_exports, make_video


def test_the_next_export_removes_what_a_killed_one_left(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "exports"
    out.mkdir()
    stale = out / ".killed.mp4.partial"
    stale.write_bytes(b"half an export")
    old = time.time() - STALE_PARTIAL_S - 60
    os.utime(stale, (old, old))
    busy = out / ".other.mp4.partial"  # another export writing right now
    busy.write_bytes(b"being written")
    keep = out / "notes.partial"  # not hidden: not one of ours
    keep.write_bytes(b"x")
    os.utime(keep, (old, old))
    ingest_paths(store, "tester", [make_video(tmp_path / "v.mp4")])
    allow_unapproved_exports(store)
    redact_footage(store, "tester", 1, out / "new.mp4", RedactionPlan(), preset="fast",
                   verify=False)
    assert not stale.exists() and busy.exists() and keep.exists()
    assert sorted(p.name for p in out.iterdir()) == [
        ".other.mp4.partial", "new.audit.jsonl", "new.manifest.json", "new.mp4",
        "notes.partial"]
    assert remove_stale_partials(out) == []


def test_an_approval_rejected_while_a_forced_re_export_renders_leaves_nothing(
        store: Store, tmp_path: Path) -> None:
    """Review 7: with the store's rule off, an export whose manifest names an approval is
    refused when that approval is withdrawn while it renders (never recorded with a lapsed
    approval), and a --force re-export byte-identical to the export it would replace leaves
    no partial files (the old record vouches only for the old export)."""
    import pytest

    from app.core.errors import PermissionDeniedError
    from app.core.export.video_export import EncodeOptions
    from app.core.people.users import resolve_actor
    from app.core.redaction.approval import decide
    from app.core.redaction.plans import find_plan_record
    from app.core.store.models import ExportRecord
    from tests.conftest import make_approved_export

    _export_id, out = make_approved_export(store, tmp_path, "tester")
    allow_unapproved_exports(store)
    with store.read() as session:
        record = find_plan_record(session, 1, 1)
        assert record is not None
        plan, sha = RedactionPlan.from_json(record.plan), record.plan_sha256
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    rejected: list[bool] = []

    def reject_once(name: str, _done: int, _total: int) -> None:
        if name == "export" and not rejected:
            rejected.append(True)
            with store.transaction() as session:
                decide(session, resolve_actor(session, "sup"), 1, 1, sha, False,
                       "the plate is readable at 0:01")

    with pytest.raises(PermissionDeniedError, match="lapsed while it was being made"):
        redact_footage(store, "officer", 1, out / "SAR-9.mp4", plan, case_ref="SAR-9",
                       preset="fast", verify=False, stage=reject_once,
                       options=EncodeOptions(force=True))
    assert rejected
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # no partials either
    with store.read() as session:
        assert session.query(ExportRecord).count() == 1


def test_a_read_only_folder_is_said_not_hidden_by_the_tidy_up(
        store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An export into a read-only folder (a share mounted read-only) failed with a raw
    "internal error: OSError: Read-only file system: '.x.mp4.partial'": removing the
    temporary file after the failure was refused too, and that error replaced the one that
    says what happened."""
    import errno

    from app.core.errors import MediaError
    from app.core.export import video_export

    def refused(path: Path, *_args: object, **_kwargs: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system", str(path))

    def write(_source: Path, tmp: Path, *_args: object) -> None:
        refused(tmp)

    ingest_paths(store, "tester", [make_video(tmp_path / "v.mp4")])
    allow_unapproved_exports(store)
    out = tmp_path / "share"
    out.mkdir()
    monkeypatch.setattr(video_export, "_write", write)
    real_unlink = Path.unlink
    monkeypatch.setattr(Path, "unlink", lambda self, missing_ok=False: refused(self)
                        if self.parent == out else real_unlink(self, missing_ok))
    with pytest.raises(MediaError, match=r"x\.mp4: cannot write the export \(Read-only file "
                                         r"system\)"):
        redact_footage(store, "tester", 1, out / "x.mp4", RedactionPlan(), preset="fast",
                       verify=False)
