"""The Qt-free redaction session (issue 16): the state the workspace, the export dialog and
the tests drive. Edits, undo and redo, a plan of another detection run, review ranges, what
each frame shows, and the saved plan."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.core.analysis import Analysis
from app.core.errors import ConflictError
from app.core.library.footage import show_footage
from app.core.library.ingest import ingest_paths
from app.core.redaction import plan_edits
from app.core.redaction.plan import AudioMode, Keyframe, RedactionPlan, Shape, Style
from app.core.redaction.plans import load_plan
from app.core.redaction.session import Look, RedactionSession, save_change
from app.core.store.database import Store
from app.core.tracking.review import ReviewReason, review_ranges
from app.core.tracking.tracker import build_tracks
from app.core.views.records import FootageRecord
from tests.conftest import make_video
from tests.core.test_plan_edits import _frames, _tracks
from tests.core.test_tracking import SETTINGS, _run


def _footage(footage_id: int = 1) -> FootageRecord:
    return FootageRecord(footage_id, "/nowhere.mp4", "nowhere.mp4", "00" * 32, 1, "mp4",
                         "h264", "", 640, 360, 0, 10.0, False, 31, 3.1, None, None, None,
                         datetime.now(UTC), "tester", None, False)


def _analysis(run_key: str = "run-a") -> Analysis:
    """The run of ``test_plan_edits._tracks``."""
    run = _run(_frames(), 31)
    tracks = _tracks()
    return Analysis(1, Path("/nowhere.mp4"), 31, 10.0, 640, 360, 0, run, 1, True, 1,
                    run_key, tracks, review_ranges(run, tracks, 31, 10.0))


def test_edits_undo_and_redo_move_through_whole_plans() -> None:
    session = RedactionSession(_footage())
    assert session.show_run(_analysis()) is None
    first = session.tracks[0].id
    plan, text = plan_edits.set_track_action(session.plan, first,
                                             plan_edits.TrackAction.KEEP, "Requester")
    change = session.push(session.prepared(plan), text, "Requester")
    assert change.plan.keep_tracks == (first,) and change.reason == "Requester"
    assert change.plan.detection_run == "run-a"  # bound to the run its numbers belong to
    a, b = sorted((t for t in session.tracks if t.last_frame < 30 or t.first_frame > 0),
                  key=lambda t: t.first_frame)  # one person either side of a gap
    merged, text = plan_edits.merge(session.plan, _tracks(), [a.id, b.id])
    session.push(session.prepared(merged), text)
    assert len(session.tracks) == len(_tracks()) - 1  # the tracks follow the plan
    undone = session.undo()
    assert undone is not None and undone.text.startswith("undo: merge")
    assert len(session.tracks) == len(_tracks()) and session.plan.keep_tracks == (first,)
    redone = session.redo()
    assert redone is not None and redone.plan.sha256() == merged.sha256()
    assert session.redo() is None  # nothing left to redo
    session.undo()
    session.undo()
    assert session.undo() is None and session.plan.keep_tracks == ()
    session.push(session.prepared(plan), text)  # a new edit drops what was undone
    assert session.redo() is None


def test_a_plan_of_another_run_takes_no_edit_until_started_again() -> None:
    session = RedactionSession(_footage())
    session.plan = RedactionPlan(detection_run="run-b", keep_tracks=(1,),
                                 reasons={"track:1": "Requester", "manual:1": "plate"})
    session.show_run(_analysis("run-a"))
    assert session.run_mismatch()
    with pytest.raises(ConflictError, match="another detection run"):
        session.prepared(plan_edits.mark_reviewed(session.plan, 10, 15)[0])
    made = session.start_again()
    assert made is not None
    session.push(*made)
    assert not session.run_mismatch() and session.plan.keep_tracks == ()
    assert session.plan.reasons == {"manual:1": "plate"}  # only the people are forgotten


def test_review_ranges_and_what_each_frame_shows() -> None:
    session = RedactionSession(_footage())
    session.show_run(_analysis())
    ended, started = session.review  # A vanished mid-picture, B appeared too far from it
    assert (ended.reason, ended.start_frame, ended.end_frame) == (ReviewReason.TRACK_ENDED, 9,
                                                                  14)
    assert (started.reason, started.start_frame) == (ReviewReason.TRACK_STARTED, 11)
    assert session.next_review(0) == ended and session.next_review(10) == started
    assert session.next_review(25) == ended  # wraps round
    session.push(*plan_edits.mark_reviewed(session.plan, 9, 14))
    assert [r.start_frame for r in session.unreviewed()] == [11]
    assert session.review_at(9) is None and session.review_at(12) == started

    still = next(t for t in session.tracks if t.first_frame == 0 and t.last_frame >= 30)
    session.push(*plan_edits.set_track_action(session.plan, still.id,
                                              plan_edits.TrackAction.NOT_A_FACE))
    plan, text, box_id = plan_edits.add_manual_box(session.plan, Keyframe(5, 1, 2, 30, 40),
                                                   "plate", until=8)
    session.push(plan, text)
    looks = {b.key: b for b in session.shown_boxes(5)}
    assert looks[("track", still.id)].look is Look.NOT_A_FACE
    assert looks[("manual", box_id)].look is Look.MANUAL
    assert not looks[("manual", box_id)].estimated  # drawn on this very frame
    assert ("manual", box_id) not in {b.key for b in session.shown_boxes(20)}
    ends = {b.key: b for b in session.shown_boxes(20, selected=("manual", box_id))}
    assert ends[("manual", box_id)].ends_here  # shown where it ends, to be dragged on
    assert session.first_frame(("manual", box_id)) == 5
    assert session.present(("track", still.id), 30) and not session.present(
        ("manual", box_id), 20)


def test_export_choices_are_an_edit_of_the_plan() -> None:
    session = RedactionSession(_footage())
    choices = plan_edits.OutputChoices(Style.BLUR, 3, Shape.RECTANGLE, "{case}",
                                       AudioMode.DROP, True)
    assert session.plan_with(choices).sha256() != session.plan.sha256()
    assert session.plan.style is not Style.BLUR  # asking changes nothing
    plan, text = plan_edits.set_output_choices(session.plan, choices)
    assert plan_edits.output_choices(plan) == choices and "blur" in text


def test_the_session_loads_and_saves_the_stored_plan(store: Store, tmp_path: Path) -> None:
    (result,) = ingest_paths(store, "tester", [make_video(tmp_path / "v.mp4")])
    assert result.footage_id is not None
    with store.read() as s:
        footage = show_footage(s, result.footage_id)
    session = RedactionSession(footage)
    session.start(*session.read_saved(store))
    assert session.case_id is None and session.plan.keep_tracks == ()
    change = session.push(*plan_edits.add_mute(session.plan, 0.5, 1.0, "Third party"))
    sha = save_change(store, "tester", footage.id, None, change)
    with store.read() as s:
        stored = load_plan(s, footage.id, None)
    assert stored is not None and stored.sha256() == sha == session.plan.sha256()
    again = RedactionSession(footage)
    again.start(*again.read_saved(store))
    assert again.plan.sha256() == sha


def test_an_edit_made_on_a_plan_someone_else_changed_since_is_not_saved_over_theirs(
        store: Store, tmp_path: Path) -> None:
    """Two windows on the same footage: the second's edit, made from the plan as it loaded,
    is refused rather than silently dropping the first's (a review found a mute lost that
    way); opened again, it sees the other's change and its edit goes in."""
    from app.core.errors import ConflictError

    (result,) = ingest_paths(store, "tester", [make_video(tmp_path / "v.mp4")])
    assert result.footage_id is not None
    with store.read() as s:
        footage = show_footage(s, result.footage_id)
    alice, bob = RedactionSession(footage), RedactionSession(footage)
    for window in (alice, bob):
        window.start(*window.read_saved(store))
    muted = alice.push(*plan_edits.add_mute(alice.plan, 0.2, 0.8, "Third party"))
    alice.save(store, "tester", muted)
    again = alice.push(*plan_edits.add_mute(alice.plan, 2.0, 2.5, "Third party"))
    alice.save(store, "tester", again)  # its own next edit saves (it expects its own)
    clipped = bob.push(*plan_edits.add_mute(bob.plan, 1.0, 1.5, "Third party"))
    with pytest.raises(ConflictError, match="changed by tester"):
        bob.save(store, "tester", clipped)
    with store.read() as s:
        assert load_plan(s, footage.id, None) == alice.plan  # the first window's edits kept
    bob = RedactionSession(footage)
    bob.start(*bob.read_saved(store))
    both = bob.push(*plan_edits.add_mute(bob.plan, 1.0, 1.5, "Third party"))
    bob.save(store, "tester", both)
    with store.read() as s:
        stored = load_plan(s, footage.id, None)
    assert stored is not None and len(stored.mute) == 3


def test_a_failed_save_does_not_make_the_windows_next_edit_a_conflict(
        store: Store, tmp_path: Path) -> None:
    """A save refused for another reason (here: a role that may not change plans) leaves
    the stored plan expected, so the next edit saves (a review found every later edit then
    refused as "changed by" someone)."""
    from app.core.errors import PermissionDeniedError
    from app.core.people.users import add_user, resolve_actor
    from app.core.store.models import Role

    (result,) = ingest_paths(store, "tester", [make_video(tmp_path / "v.mp4")])
    assert result.footage_id is not None
    with store.transaction() as s:
        add_user(s, resolve_actor(s, "tester"), "clerk", Role.CASE_STAFF)
        footage = show_footage(s, result.footage_id)
    window = RedactionSession(footage)
    window.start(*window.read_saved(store))
    first = window.push(*plan_edits.add_mute(window.plan, 0.2, 0.8, "Third party"))
    with pytest.raises(PermissionDeniedError):
        window.save(store, "clerk", first)
    second = window.push(*plan_edits.add_mute(window.plan, 1.0, 1.5, "Third party"))
    window.save(store, "tester", second)
    with store.read() as s:
        assert load_plan(s, footage.id, None) == window.plan


def test_an_export_that_failed_after_storing_its_plan_leaves_the_window_editing(
        store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An export stores the window's plan bound to its detection run before its final
    rename; when that rename fails, the window takes the stored plan up (as after an export
    that ended well), so its next edit is not refused as made from an older plan (noted by
    last session's review as left alone)."""
    from app.core.export.pipeline import redact_footage
    from tests.conftest import allow_unapproved_exports

    (result,) = ingest_paths(store, "tester", [make_video(tmp_path / "v.mp4", frames=8)])
    assert result.footage_id is not None
    allow_unapproved_exports(store, "tester")
    with store.read() as s:
        footage = show_footage(s, result.footage_id)
    window = RedactionSession(footage)
    window.start(*window.read_saved(store))
    muted = window.push(*plan_edits.add_mute(window.plan, 0.1, 0.2, "Third party"))
    window.save(store, "tester", muted)
    plan = window.plan
    assert not plan.detection_run and window.run_of_stored(store, plan) is None

    def rename_fails(*_args: object, **_kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("app.core.export.pipeline.complete_export", rename_fails)
    with pytest.raises(OSError):
        redact_footage(store, "tester", footage.id, tmp_path / "out.mp4", plan, preset="fast",
                       verify=False, expected_plan=window.stored)
    monkeypatch.undo()
    run = window.run_of_stored(store, plan)
    assert run  # the stored plan is this window's, bound to the export's run
    with pytest.raises(ConflictError):  # without taking it up: refused (the defect)
        window.save(store, "tester", window.push(
            *plan_edits.add_mute(window.plan, 0.3, 0.4, "Third party")))
    window.undo()
    window.exported(*run)
    window.save(store, "tester", window.push(
        *plan_edits.add_mute(window.plan, 0.3, 0.4, "Third party")))
    with store.read() as s:
        stored = load_plan(s, footage.id, None)
    assert stored == window.plan and (stored.detection_run, stored.detection_tracks) == run
    assert len(stored.mute) == 2 and run[1]  # bound to the run and its tracks
    other = dataclasses.replace(plan, padding=2.0)  # a plan the export did not store
    assert window.run_of_stored(store, other) is None


def test_keep_only_keeps_one_person_and_hides_everything_else() -> None:
    plan = RedactionSession(_footage()).plan
    plan, _ = plan_edits.set_track_action(plan, 1, plan_edits.TrackAction.KEEP, "Officer")
    plan, _ = plan_edits.set_track_action(plan, 3, plan_edits.TrackAction.NOT_A_FACE)
    only, text = plan_edits.keep_only(plan, 2, "Requester")
    assert only.keep_tracks == (2,) and only.inverse and only.false_positive_tracks == (3,)
    assert only.reasons == {"track:2": "Requester"} and "keep only track 2" in text
    assert plan.keep_tracks == (1,) and not plan.inverse  # the input plan is untouched


def test_the_same_person_answer_marks_only_its_own_stretch() -> None:
    """Review finding: answering "the same person?" for A and A' marks the stretch with no
    detection between them as checked, never another person's range inside it (C, who
    vanishes mid-picture meanwhile, is still to be reviewed)."""
    frames: dict[int, list[tuple[float, float, float, float]]] = {i: [] for i in range(40)}
    for i in range(40):
        if i <= 9:
            frames[i].append((100, 100, 40, 40))  # A
        if i >= 24:
            frames[i].append((110, 100, 40, 40))  # A' beside it
        if 12 <= i <= 16:
            frames[i].append((400, 250, 40, 40))  # C appears and vanishes in the open
    run = _run(frames, 40)
    tracks = build_tracks(run, 40, 10.0, SETTINGS)
    analysis = Analysis(1, Path("/nowhere.mp4"), 40, 10.0, 640, 360, 0, run, 1, True, 1,
                        "run-a", tracks, [])
    session = RedactionSession(_footage())
    session.show_run(analysis)
    pair = next(r for r in session.review if r.reason is ReviewReason.SAME_PERSON)
    others = {(r.reason, r.track_id) for r in session.review if r is not pair}
    assert {reason for reason, _ in others} == {ReviewReason.TRACK_STARTED,
                                                ReviewReason.TRACK_ENDED}
    kept, _ = plan_edits.set_track_action(session.plan, pair.track_id,  # type: ignore[arg-type]
                                          plan_edits.TrackAction.KEEP, "Requester")
    session.push(kept, "keep A")
    merged, text = session.same_person(pair)
    assert merged.keep_tracks == () and "redacted again" in text  # said, not silent
    session.push(merged, text)
    assert len(session.tracks) == 2  # A and A' are one person now
    # C's coming and going are still to be looked at: with A' merged into A, the frames
    # with no detection round C are one item that names C (review.grouped: stretches half
    # a second apart are one look), not marked checked
    c = next(t for _, t in others)
    (left,) = session.unreviewed()
    assert c in left.also and left.start_frame <= 12 and left.end_frame >= 16, left


def test_a_text_region_is_shown_as_text_until_a_person_decides() -> None:
    """A text track (plate, screen, document) is shown in its own colour while it is to be
    redacted, and as kept or dismissed like a face once a person decides."""
    import dataclasses

    from app.core.tracking.tracker import TEXT

    analysis = _analysis()
    face = analysis.tracks[0]
    plate = dataclasses.replace(face, id=max(t.id for t in analysis.tracks) + 1,
                                keyframes=dict(face.keyframes), carried=set(),
                                category=TEXT)
    plate.settle()
    analysis.tracks.append(plate)
    session = RedactionSession(_footage())
    session.show_run(analysis)
    frame = plate.detected_frames[0]
    looks = {b.key: b.look for b in session.shown_boxes(frame)}
    assert looks[("track", plate.id)] is Look.TEXT and looks[("track", face.id)] is not Look.TEXT
    session.push(*plan_edits.set_track_action(session.plan, plate.id,
                                              plan_edits.TrackAction.KEEP, "Police vehicle"))
    looks = {b.key: b.look for b in session.shown_boxes(frame)}
    assert looks[("track", plate.id)] is Look.KEEP


def test_a_head_is_shown_as_the_export_will_treat_it() -> None:
    """A head track is shown as a head while the export hides it; as its whole person when
    the plan hides whole people; as left visible where the plan leaves heads, or where the
    kept face of its own person stands for it."""
    import dataclasses

    from app.core.tracking.tracker import HEAD

    analysis = _analysis()
    face = analysis.tracks[0]
    frame = face.detected_frames[0]
    x1, y1, x2, _y2, score = face.keyframes[frame]
    side = 2.5 * (x2 - x1)  # a head region round the face, as wide as shoulders
    cx = (x1 + x2) / 2
    region = (cx - side / 2, y1 - 0.2 * side, cx + side / 2, y1 + 0.8 * side, score)
    head = dataclasses.replace(face, id=max(t.id for t in analysis.tracks) + 1,
                               keyframes={frame: region}, carried=set(), category=HEAD,
                               wholes={frame: (region[0], region[1] + 5, region[2], 350.0)})
    head.finish(31, 0, 0)
    analysis.tracks.append(head)
    session = RedactionSession(_footage())
    session.show_run(analysis)

    def shown() -> tuple[Look, tuple[float, float, float, float]]:
        box = next(b for b in session.shown_boxes(frame) if b.key == ("track", head.id))
        return box.look, box.box

    assert shown()[0] is Look.HEAD
    choices = plan_edits.output_choices(session.plan)
    session.push(*plan_edits.set_output_choices(
        session.plan, dataclasses.replace(choices, hide_whole_people=True)))
    look, (_x, _y, _w, h) = shown()
    assert look is Look.HEAD and h == pytest.approx(350.0 - region[1] - 5)
    session.push(*plan_edits.set_output_choices(
        session.plan, dataclasses.replace(choices, hide_heads=False)))
    assert shown()[0] is Look.HEAD_VISIBLE
    session.push(*plan_edits.set_coverage(session.plan, session.plan.padding, inverse=True))
    assert shown()[0] is Look.HEAD  # an inverse plan hides all but what is kept
    session.push(*plan_edits.set_coverage(session.plan, session.plan.padding, inverse=False))
    session.push(*plan_edits.set_output_choices(session.plan, choices))
    session.push(*plan_edits.set_track_action(session.plan, face.id,
                                              plan_edits.TrackAction.KEEP, "Requester"))
    assert shown()[0] is Look.HEAD_VISIBLE  # the requester's own head: not hidden again


def test_tracks_are_made_again_only_when_merges_or_splits_change() -> None:
    """Keeping a person or marking a range reviewed leaves the tracks and every frame's
    boxes as they were (made again on each edit they cost seconds on a long clip); a merge,
    its undo and another run make them again."""
    session = RedactionSession(_footage())
    session.show_run(_analysis())
    tracks, boxes = session.tracks, session.frame_boxes
    first = tracks[0].id
    kept, text = plan_edits.set_track_action(session.plan, first,
                                             plan_edits.TrackAction.KEEP, "Requester")
    session.push(session.prepared(kept), text, "Requester")
    assert session.tracks is tracks and session.frame_boxes is boxes
    a, b = sorted((t for t in session.tracks if t.last_frame < 30 or t.first_frame > 0),
                  key=lambda t: t.first_frame)
    merged, text = plan_edits.merge(session.plan, _tracks(), [a.id, b.id])
    session.push(session.prepared(merged), text)
    assert session.tracks is not tracks and len(session.tracks) == len(tracks) - 1
    session.undo()
    assert len(session.tracks) == len(tracks)
    again = session.tracks
    session.show_run(_analysis("run-b"))
    assert session.tracks is not again


def test_a_merge_split_or_undo_works_out_only_the_boxes_of_the_tracks_it_changed(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Every frame's boxes after a merge, a split, their undo and redo are those worked out
    from nothing, while the track no edit touched is never asked for a box again (on a long
    run that was 1.7 s of each merge, on the UI thread); the last state's lists stay as
    they were (undo goes back to them)."""
    from app.core.tracking.tracker import Track, boxes_by_frame

    session = RedactionSession(_footage())
    session.show_run(_analysis())
    asked: list[int] = []
    box_at = Track.box_at
    monkeypatch.setattr(Track, "box_at", lambda self, f: asked.append(self.id) or box_at(self, f))
    a, b = sorted((t for t in session.tracks if t.last_frame < 30 or t.first_frame > 0),
                  key=lambda t: t.first_frame)
    still = next(t.id for t in session.tracks if t.id not in (a.id, b.id))
    before = [list(boxes) for boxes in session.frame_boxes]
    merged, text = plan_edits.merge(session.plan, _tracks(), [a.id, b.id])
    session.push(session.prepared(merged), text)
    # the merged track's boxes only (and the two parts', to see which frames changed:
    # plan_review.carried_memo)
    assert asked and still not in asked and set(asked) <= {a.id, b.id}, set(asked)
    asked.clear()
    split, text, _part = plan_edits.split(session.plan, _tracks(), still, 20)
    session.push(session.prepared(split), text)
    assert still in asked  # (the merge is made again with it: all edits apply in order)
    for move in (None, session.undo, session.undo, session.redo, session.redo):
        if move is not None:
            move()
        assert session.frame_boxes == boxes_by_frame(session.tracks, 31)
    session.undo()
    session.undo()
    assert session.frame_boxes == before == boxes_by_frame(session.tracks, 31)
    asked.clear()
    session.redo()  # the merge again: the two merged tracks only
    assert asked and still not in asked and set(asked) <= {a.id, b.id}, set(asked)


def test_a_run_worked_out_by_a_worker_is_taken_as_it_is(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The workspace's worker works out the run under the plan (``shown_run.work_out``,
    seconds on a long, crowded run) beside loading it; the session then works out nothing
    again on the UI thread, and what an edit made meanwhile has changed is worked out anew,
    the same as from nothing."""
    from app.core.redaction import shown_run

    calls: list[int] = []
    real = shown_run.plan_review
    monkeypatch.setattr(shown_run, "plan_review", lambda *a: calls.append(1) or real(*a))
    session = RedactionSession(_footage())
    analysis = _analysis()
    worked = shown_run.work_out(analysis, session.plan)
    assert len(calls) == 1
    session.show_run(analysis, worked)
    assert len(calls) == 1 and session.review is worked.review
    assert session.tracks is worked.tracks and session.frame_boxes is worked.frame_boxes
    # a run the worker worked out for a plan edited since: its stale parts are made again
    a, b = sorted((t for t in session.tracks if t.last_frame < 30 or t.first_frame > 0),
                  key=lambda t: t.first_frame)
    merged, text = plan_edits.merge(session.plan, _tracks(), [a.id, b.id])
    session.push(session.prepared(merged), text)
    fresh = shown_run.work_out(analysis, session.plan)
    stale = RedactionSession(_footage(), plan=session.plan)
    stale.show_run(analysis, worked)
    assert len(stale.tracks) == len(fresh.tracks) == len(_tracks()) - 1
    assert stale.review == fresh.review and stale.review != worked.review
    # a keep made meanwhile: the tracks are taken, the ranges worked out again
    kept, _ = plan_edits.set_track_action(RedactionPlan(), a.id, plan_edits.TrackAction.KEEP)
    after_keep = RedactionSession(_footage(), plan=kept)
    after_keep.show_run(analysis, worked)
    assert after_keep.tracks is worked.tracks and after_keep.review is not worked.review
    assert after_keep.review == shown_run.work_out(analysis, kept).review
    # the work on another load of the run (even the same run and tracks) is never taken
    clone = dataclasses.replace(analysis)
    again = RedactionSession(_footage())
    again.show_run(clone, worked)
    assert again.tracks is not worked.tracks and again.review is not worked.review
    assert shown_run.work_out(clone, RedactionPlan(), worked).review is not worked.review
