"""A stored detection run is reused only while the detection code is the one that made it
(``runs.DETECTION_REVISION`` is part of the run's settings). This test holds that number to
the code: it fails whenever the code of app/core/detection, or the probing, decoding,
combing and turning of app/core/media, changes (comments and docstrings aside) until the change is
recorded in tests/detection_code.json. Raise ``DETECTION_REVISION`` with it when the change
alters what a run holds (boxes, scores, the frames looked at): stored runs of older code are
then made again, so footage detected before an update is never redacted with the older
detector's findings."""

from __future__ import annotations

import ast
import hashlib
import json
from pathlib import Path

import pytest

from app.core.detection.presets import get_preset
from app.core.detection.runs import DETECTION_REVISION, run_settings
from app.core.store.database import Store

ROOT = Path(__file__).resolve().parents[2]
RECORD = ROOT / "tests" / "detection_code.json"
MEDIA = ("combing.py", "decode.py", "probe.py", "rotation.py")


def code_sha256() -> str:
    """SHA-256 of the detection code's syntax trees: comments, docstrings and layout left
    out, and written out here field by field (neither ``ast.dump`` nor ``ast.unparse`` is
    the same on every Python version: fields are added, f-strings written back otherwise;
    checked equal on Python 3.11, 3.12 and 3.13)."""
    digest = hashlib.sha256()
    files = sorted((ROOT / "app" / "core" / "detection").glob("*.py")) + \
        [ROOT / "app" / "core" / "media" / name for name in MEDIA]
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        digest.update(path.name.encode() + b"\n" + _written(tree).encode() + b"\n")
    return digest.hexdigest()


SKIPPED = {"type_params", "ctx", "kind", "type_comment"}  # added by later versions, or noise


def _written(node: object) -> str:
    if isinstance(node, list):
        return "[" + ",".join(_written(n) for n in node) + "]"
    if not isinstance(node, ast.AST):
        return repr(node)
    body = getattr(node, "body", None)
    if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) \
            and body and isinstance(body[0], ast.Expr) \
            and isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str):
        body = body[1:]  # its docstring
    fields = [f"{name}={_written(body if name == 'body' else getattr(node, name, None))}"
              for name in node._fields if name not in SKIPPED]
    return f"({type(node).__name__} {' '.join(fields)})"


def test_the_detection_code_is_the_one_its_revision_was_recorded_for() -> None:
    recorded = json.loads(RECORD.read_text(encoding="utf-8"))
    now = code_sha256()
    assert (recorded["revision"], recorded["code_sha256"]) == (DETECTION_REVISION, now), (
        f"The detection code changed (its digest is now {now}). If the change alters what a "
        "detection run holds, raise DETECTION_REVISION in app/core/detection/runs.py, so "
        "that runs stored by the older code are made again; either way record the revision "
        f"and this digest in {RECORD.relative_to(ROOT)}.")


def test_the_revision_is_part_of_what_a_stored_run_is_found_by() -> None:
    settings = run_settings(get_preset("balanced"), [], 2)
    assert settings["revision"] == DETECTION_REVISION


def test_a_run_of_older_detection_code_is_made_again_and_its_plan_refused_at_once(
        store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Footage detected by an earlier version: its stored run is not reused (detected again),
    and exporting a plan made on it is refused before anything is detected, saying why."""
    from app.core.analysis import analyse
    from app.core.detection import runs
    from app.core.errors import ConflictError
    from app.core.export.pipeline import redact_footage
    from app.core.library.ingest import ingest_paths
    from app.core.redaction.open_items import open_items
    from app.core.redaction.plan import RedactionPlan
    from app.core.store.models import DetectionRunRecord
    from tests.conftest import allow_unapproved_exports, make_video

    (item,) = ingest_paths(store, "tester", [make_video(tmp_path / "clip.mp4", frames=12)])
    assert item.footage_id is not None
    allow_unapproved_exports(store)
    monkeypatch.setattr(runs, "DETECTION_REVISION", DETECTION_REVISION - 1)  # the old code
    old = analyse(store, "tester", item.footage_id, "fast")
    monkeypatch.undo()
    plan = RedactionPlan(detection_run=old.run_key)
    with store.read() as session:
        assert runs.older_code(session, item.footage_id, old.run_key)
        assert session.query(DetectionRunRecord).count() == 1
    with store.read() as session:  # a supervisor is told the export would refuse it
        (said,) = open_items(session, item.footage_id, None, plan)
    assert "earlier version of the detector" in said.text
    with pytest.raises(ConflictError, match="earlier version of BWV Studio's detector"):
        redact_footage(store, "tester", item.footage_id, tmp_path / "out.mp4", plan,
                       preset="fast", verify=False)
    with store.read() as session:  # refused before detecting again
        assert session.query(DetectionRunRecord).count() == 1
    new = analyse(store, "tester", item.footage_id, "fast")
    assert not new.reused and new.run_key != old.run_key
    with store.read() as session:
        assert not runs.older_code(session, item.footage_id, new.run_key)
