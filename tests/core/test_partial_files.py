"""Issue 15, item 7: hidden ``.partial`` files left by an interrupted export (a killed
process) are removed by the next export into that folder; fresh ones (another export still
writing) are left alone."""

from __future__ import annotations

import os
import time
from pathlib import Path

from app.core.database import Store
from app.core.export.pipeline import redact_footage
from app.core.fileio import STALE_PARTIAL_S, remove_stale_partials
from app.core.ingest import ingest_paths
from app.core.redaction.plan import RedactionPlan
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
