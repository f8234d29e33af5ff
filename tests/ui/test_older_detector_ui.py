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


def test_a_plan_of_an_earlier_detector_is_carried_to_the_new_detection(
        qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """The upgrade as a disclosure officer meets it: the requester was kept visible on a
    run of the older detector; the workspace shows nobody kept, Detect faces detects again,
    the carry-over dialog offers the decision, and once confirmed the plan is bound to the
    new run and its tracks, the requester kept."""
    from PySide6.QtWidgets import QDialogButtonBox

    from app.core.redaction import plan_edits
    from app.core.tracking.tracker import FACE
    from tests.conftest import TESTDATA
    from tests.ui.window import detect_with

    clip = TESTDATA / "videos" / "intel_face-demographics-walking.mp4"
    if not clip.exists():
        pytest.skip(f"shared test data not found at {TESTDATA} (set BWV_TESTDATA)")
    (item,) = ingest_paths(store, "tester", [clip])
    assert item.footage_id is not None
    monkeypatch.setattr(runs, "DETECTION_REVISION", runs.DETECTION_REVISION - 1)
    old = analyse(store, "tester", item.footage_id, DEFAULT_PRESET)
    monkeypatch.undo()
    requester = max((t for t in old.tracks if t.category == FACE),
                    key=lambda t: len(t.detected_frames))
    plan, _ = plan_edits.set_track_action(RedactionPlan(), requester.id,
                                          plan_edits.TrackAction.KEEP, "Requester")
    with store.transaction() as session:
        save_plan(session, resolve_actor(session, "tester"), item.footage_id, None,
                  plan_edits.bound(plan, old.run_key, old.tracks_key))
    win, problems = open_workspace(qtbot, store, clip, (1366, 768))
    ws = win.workspace
    assert "earlier version of the detector" in ws.controls.status.text()
    detect_with(qtbot, win, DEFAULT_PRESET)
    assert ws.analysis is not None and ws.analysis.run_key != old.run_key
    assert ws.run_mismatch() and ws.shown_plan.keep_tracks == ()  # nobody kept unconfirmed
    qtbot.waitUntil(lambda: ws.carry_dialog is not None, timeout=20_000)
    dialog = ws.carry_dialog
    assert dialog is not None and dialog.table.rowCount() == 1
    with qtbot.waitSignal(ws.plan_saved, timeout=10_000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not ws.run_mismatch() and len(ws.plan.keep_tracks) == 1
    assert (ws.plan.detection_run, ws.plan.detection_tracks) == (ws.analysis.run_key,
                                                                 ws.analysis.tracks_key)
    assert problems == []
