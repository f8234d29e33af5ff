"""A kept face the tracker found again (its rules 4) in the workspace: no question while it is
redacted; kept visible, a review item, and "Split here" from that item answers "not the same
person" in one edit (the part found again redacted). The detections are made up so the case
is exact; the window, the clip and the store are real."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.core.analysis import Analysis
from app.core.detection.presets import get_preset
from app.core.redaction.plan_edits import TrackAction
from app.core.store.database import Store
from app.core.tracking.review import ReviewReason, review_ranges
from app.core.tracking.tracker import FACE, build_tracks
from tests.conftest import VIDEOS
from tests.core.test_tracking import _run
from tests.ui.window import open_workspace

CLIP = VIDEOS / "intel_face-demographics-walking-and-pause.mp4"  # 480 x 270, 41 frames


def _kept_face_found_again(qtbot: QtBot, store: Store):  # type: ignore[no-untyped-def]
    """The window with the made-up run shown and track 1 kept: (window, workspace,
    messages, the FOUND_AGAIN item)."""
    win, problems = open_workspace(qtbot, store, CLIP)
    ws = win.workspace
    footage, session = ws.footage, ws.session
    assert footage is not None and session is not None
    count, fps = footage.frame_count, footage.fps or 12.0
    # walks right for six frames, is not found for eight, is found again 4 px away
    faces = {**{i: [(100.0 + 10 * i, 100.0, 30.0, 36.0)] for i in range(6)},
             **{i: [(154.0, 102.0, 30.0, 36.0)] for i in range(14, count)}}
    run = _run(faces, count)
    run.preset = replace(get_preset("balanced"), tracker_rules=4)
    run.width, run.height = footage.width, footage.height
    tracks = build_tracks(run, count, fps)
    assert [t.id for t in tracks] == [1] and tracks[0].bridged == {14}
    ws.show_run(session, Analysis(footage.id, Path(footage.original_path), count, fps,
                                  footage.width, footage.height, 0, run, 0, True, 1,
                                  "made-up-run", tracks, review_ranges(run, tracks, count, fps)))
    assert not [r for r in ws.unreviewed() if r.reason is ReviewReason.FOUND_AGAIN]
    ws.controls.reason.setCurrentText("Requester - kept visible")
    with qtbot.waitSignal(ws.plan_saved, timeout=10_000):
        ws.commands.set_track_action(1, TrackAction.KEEP)
    (item,) = [r for r in ws.unreviewed() if r.reason is ReviewReason.FOUND_AGAIN]
    assert (item.start_frame, item.end_frame, item.track_id) == (5, 14, 1)
    ws.commands.go_to_review(item)
    assert ws.commands.selected_tracks() == [1]  # so Split here applies to it
    qtbot.waitUntil(lambda: ws.player.current_index == item.start_frame, timeout=5000)
    return win, ws, problems, item


def test_not_the_same_person_is_one_click_from_the_review_item(qtbot: QtBot,
                                                                store: Store) -> None:
    win, ws, problems, _item = _kept_face_found_again(qtbot, store)
    assert "person 1, kept visible, was lost here" in ws.controls.status.text()
    with qtbot.waitSignal(ws.plan_saved, timeout=10_000):
        ws.track_buttons.split_button.click()
    assert ws.plan.keep_tracks == (1,)  # the part found again is not kept
    edited = sorted((t for t in ws.tracks if t.category == FACE),
                    key=lambda t: t.detected_frames[0])
    assert [t.detected_frames[0] for t in edited] == [0, 14]  # cut where found again
    assert edited[1].id not in ws.plan.keep_tracks
    assert not [r for r in ws.unreviewed() if r.reason is ReviewReason.FOUND_AGAIN]
    assert "someone else from frame 14" in ws.undo_stack.undoText()  # one edit, undoable
    assert problems == []
    win.close()


def test_split_here_after_the_item_is_gone_is_a_plain_split(qtbot: QtBot,
                                                            store: Store) -> None:
    """The keep undone, the warning shown before asks nothing any more: Split here cuts at
    the playhead, as ever, not where the face was found again."""
    win, ws, problems, _item = _kept_face_found_again(qtbot, store)
    with qtbot.waitSignal(ws.plan_saved, timeout=10_000):
        ws.undo_stack.undo()  # track 1 redacted again: no question
    assert not [r for r in ws.unreviewed() if r.reason is ReviewReason.FOUND_AGAIN]
    ws.tracks_panel.select_keys([("track", 1)])
    with qtbot.waitSignal(ws.plan_saved, timeout=10_000):
        ws.track_buttons.split_button.click()
    edited = sorted((t for t in ws.tracks if t.category == FACE),
                    key=lambda t: t.detected_frames[0])
    assert [t.detected_frames[0] for t in edited] == [0, 5]  # at the playhead
    assert "split track 1 at frame 5" in ws.undo_stack.undoText()
    assert problems == []
    win.close()
