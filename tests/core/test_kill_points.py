"""An export killed at each point between its encode and its last file (a real process,
ended with ``os._exit``) leaves either nothing that looks finished or a complete, recorded
set; the next export into the folder finishes what the store recorded."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import select

from app.core.export.completion import audit_extract_path
from app.core.export.manifest import manifest_path
from app.core.export.output_lock import lock_path
from app.core.export.pipeline import redact_footage
from app.core.export.verify import verify_exports
from app.core.fileio import partial_path
from app.core.library.footage import VerifyStatus
from app.core.library.ingest import ingest_paths
from app.core.media.hashing import sha256_file
from app.core.redaction.plan import RedactionPlan
from app.core.store import audit
from app.core.store.database import Store
from app.core.store.models import ExportRecord
from tests.conftest import allow_unapproved_exports, make_video

# Where the child dies: after the encode (before the record), after the record, after the
# audit extract, after the manifest was put in place (the video goes last).
KILL_POINTS = ("encoded", "recorded", "extract_written", "manifest_placed")

CHILD = textwrap.dedent("""
    import os, sys
    from pathlib import Path
    from app.core.store.database import Store
    from app.core.export import completion, pipeline
    from app.core.redaction.plan import RedactionPlan

    url, data, footage_id, out, point = sys.argv[1:6]
    die = lambda *a, **k: os._exit(9)
    if point == "encoded":
        pipeline._record = die
    elif point == "recorded":
        completion.complete_export = die
        pipeline.complete_export = die
    elif point == "extract_written":
        write = completion.atomic_write_text
        completion.atomic_write_text = lambda *a, **k: (write(*a, **k), die())
    elif point == "manifest_placed":
        commit = completion.commit_file
        completion.commit_file = lambda *a, **k: (commit(*a, **k), die())
    store = Store(url, Path(data))
    pipeline.redact_footage(store, "tester", int(footage_id), Path(out), RedactionPlan(),
                            preset="fast", verify=False)
    sys.exit(0)
""")


def _files(out: Path) -> dict[str, bool]:
    names = {"video": out, "manifest": manifest_path(out), "extract": audit_extract_path(out)}
    return {k: v.exists() for k, v in names.items()}


@pytest.mark.parametrize("point", KILL_POINTS)
def test_a_killed_export_leaves_nothing_finished_and_is_completed_next_time(
        store: Store, tmp_path: Path, point: str) -> None:
    allow_unapproved_exports(store)
    video = make_video(tmp_path / "bwv.mp4", frames=12, fps=12)
    (result,) = ingest_paths(store, "tester", [video])
    assert result.footage_id is not None
    out_dir = tmp_path / "exports"
    out_dir.mkdir()
    out = out_dir / "clip.mp4"
    child = subprocess.run(
        [sys.executable, "-c", CHILD, store.url, str(store.data_dir), str(result.footage_id),
         str(out), point], capture_output=True, text=True, timeout=300,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, cwd=Path(__file__).parents[2])
    assert child.returncode == 9, child.stderr[-2000:]

    # Killed: no redacted video is in the folder, so nothing looks finished.
    assert not out.exists()
    with store.read() as session:
        rows = list(session.scalars(select(ExportRecord)))
    if point == "encoded":
        assert rows == []  # not recorded: only hidden partial files
        assert sorted(p.name for p in out_dir.iterdir()) == sorted(
            [f".{out.name}.partial", f".{manifest_path(out).name}.partial",
             lock_path(out).name])  # the killed process's lock, hidden
        # exported again into the same name: the dead process's lock is taken over
        redact_footage(store, "tester", result.footage_id, out, RedactionPlan(),
                       preset="fast", verify=False)
        assert out.exists() and not lock_path(out).exists()
        return
    (row,) = rows
    assert partial_path(out).exists()

    # The next export into the folder first finishes the recorded one.
    again = out_dir / "other.mp4"
    redact_footage(store, "tester", result.footage_id, again, RedactionPlan(), preset="fast",
                   verify=False)
    assert _files(out) == {"video": True, "manifest": True, "extract": True}
    assert not partial_path(out).exists() and not partial_path(manifest_path(out)).exists()
    assert not lock_path(out).exists()  # the killed process's lock went with its files
    assert sha256_file(out) == row.sha256
    assert sha256_file(manifest_path(out)) == row.manifest_sha256
    lines = audit_extract_path(out).read_text(encoding="utf-8").splitlines()
    last = json.loads(lines[-2])  # the line before the seal
    assert (last["action"], last["object_id"]) == ("export.create", str(row.id))
    assert audit.verify(store).ok
    checks = verify_exports(store)
    assert {c.status for c in checks} == {VerifyStatus.OK}, [c.message for c in checks]
