"""Footage detected by an earlier version of the detector (issue 13: its findings are never
reused): the workspace says so when it opens, instead of "not detected yet"."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.core.analysis import analyse
from app.core.detection import runs
from app.core.detection.presets import DEFAULT_PRESET
from app.core.library.ingest import ingest_paths
from app.core.people.users import resolve_actor
from app.core.redaction.plan import RedactionPlan
from app.core.redaction.plans import save_plan
from app.core.store.database import Store
from tests.conftest import make_video
from tests.ui.window import open_workspace


def test_footage_detected_by_an_earlier_detector_says_so(
        qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    clip = make_video(tmp_path / "clip.mp4", frames=12)
    (item,) = ingest_paths(store, "tester", [clip])
    assert item.footage_id is not None
    monkeypatch.setattr(runs, "DETECTION_REVISION", runs.DETECTION_REVISION - 1)
    old = analyse(store, "tester", item.footage_id, DEFAULT_PRESET)  # by the older code
    monkeypatch.undo()
    with store.transaction() as session:
        save_plan(session, resolve_actor(session, "tester"), item.footage_id, None,
                  RedactionPlan(detection_run=old.run_key))
    win, problems = open_workspace(qtbot, store, clip, (1366, 768))
    status = win.workspace.controls.status.text()
    assert "earlier version of the detector" in status and "Detect faces" in status
    assert win.workspace.analysis is None and problems == []
