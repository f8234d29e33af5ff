"""Decisions survive a new detection run (issue 17, item 2): a plan's keep-visible and
not-a-face decisions, their reasons and the person's merges go to the same people on another
run, matched in space and time, never by track number; weak matches are left for a person."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from app.core.analysis import Analysis
from app.core.detection.presets import get_preset, preset_from_dict
from app.core.detection.runs import load_run, run_settings, save_run, settings_hash
from app.core.errors import InvalidInputError, NotFoundError
from app.core.library.footage import show_footage
from app.core.library.ingest import ingest_paths
from app.core.redaction import plan_edits
from app.core.redaction.carry_over import SURE, carried_plan, match_runs
from app.core.redaction.plan import RedactionPlan
from app.core.redaction.plan_edits import TrackAction
from app.core.redaction.session import RedactionSession
from app.core.store.database import Store
from app.core.store.models import DetectionRunRecord
from app.core.tracking.edits import EditOp
from app.core.tracking.tracker import Track, build_tracks
from tests.conftest import make_video
from tests.core.test_tracking import SETTINGS, SHRINKS, _run

Box = tuple[float, float, float, float]
N = 31


def _tracks(people: list[dict[int, Box]]) -> list[Track]:
    """Tracks of a run seeing each person (frame -> box) in the order given."""
    frames: dict[int, list[Box]] = {}
    for person in people:
        for f, box in person.items():
            frames.setdefault(f, []).append(box)
    return build_tracks(_run(frames, N), N, 10.0, SETTINGS)


WALKER = {i: (100.0 + 5 * i, 50.0, 40.0, 40.0) for i in range(N)}  # walks right
STILL = {i: (400.0, 200.0, 60.0, 60.0) for i in range(N)}  # stands still


def _plan(run: str, keep: int | None = None, dismiss: int | None = None) -> RedactionPlan:
    plan = RedactionPlan(detection_run=run)
    if keep is not None:
        plan, _ = plan_edits.set_track_action(plan, keep, TrackAction.KEEP, "Requester")
    if dismiss is not None:
        plan, _ = plan_edits.set_track_action(plan, dismiss, TrackAction.NOT_A_FACE)
    return plan


def _track_of(tracks: list[Track], person: dict[int, Box]) -> int:
    f = next(iter(person))
    return next(t.id for t in tracks if f in t.keyframes
                and t.keyframes[f][0] == person[f][0])


def test_a_decision_follows_the_person_not_the_number() -> None:
    old = _tracks([WALKER, STILL])
    new = _tracks([STILL, WALKER])  # the other run numbers them the other way round
    walker_old, walker_new = _track_of(old, WALKER), _track_of(new, WALKER)
    assert walker_old != walker_new  # the same number is the other person there
    plan = _plan("run-a", keep=walker_old, dismiss=_track_of(old, STILL))
    carry = match_runs(plan, old, new, N, "run-b")
    assert carry.edits == () and carry.lost() == []
    assert {d.action: d.new_tracks for d in carry.decisions} == {
        TrackAction.KEEP: (walker_new,), TrackAction.NOT_A_FACE: (_track_of(new, STILL),)}
    assert all(d.shares == (1.0,) and d.sure(d.new_tracks[0]) for d in carry.decisions)
    carried, text = carried_plan(plan, carry)
    assert carried.detection_run == "run-b" and carried.keep_tracks == (walker_new,)
    assert carried.false_positive_tracks == (_track_of(new, STILL),)
    assert carried.reasons == {f"track:{walker_new}": "Requester"}
    assert f"keep visible {walker_old} -> {walker_new}" in text


def test_a_person_split_over_two_tracks_keeps_the_decision_on_both() -> None:
    old = _tracks([WALKER, STILL])
    first = {f: b for f, b in WALKER.items() if f < 10}
    later = {f: b for f, b in WALKER.items() if f >= 18}  # lost longer than the tracker waits
    new = _tracks([first, STILL, later])
    plan = _plan("run-a", keep=_track_of(old, WALKER))
    (decision,) = match_runs(plan, old, new, N, "run-b").decisions
    assert decision.new_tracks == tuple(sorted((_track_of(new, first), _track_of(new, later))))
    assert all(decision.sure(t) for t in decision.new_tracks)


def _track(track_id: int, *people: dict[int, Box]) -> Track:
    """A track as a tracker made it, even across two people (an identity switch)."""
    track = Track(track_id)
    for person in people:
        for f, (x, y, w, h) in person.items():
            track.keyframes[f] = (x, y, x + w, y + h, 0.9)
    track.finish(N, 2, 3)
    return track


def test_a_new_track_that_is_two_people_is_split_where_the_decision_changes() -> None:
    """The new run's tracker switched from the walker to another person at frame 15 (one
    track for both); the old run had them apart and the walker kept. The new track is split
    where its owner changes and only the walker's part is kept."""
    walker = {f: b for f, b in WALKER.items() if f < 15}
    other = {f: (b[0], 250.0, b[2], b[3]) for f, b in WALKER.items() if f >= 15}
    old = [_track(1, walker), _track(2, other)]
    plan = _plan("run-a", keep=1)
    new = [_track(7, walker, other)]
    carry = match_runs(plan, old, new, N, "run-b")
    (split,) = carry.edits
    assert split.op is EditOp.SPLIT and split.tracks == (7,) and split.frame == 15
    carried, _ = carried_plan(plan, carry)
    tracks = plan_edits.effective_tracks(new, carried)
    (kept,) = [t for t in tracks if t.id in carried.keep_tracks]
    assert kept.detected_frames == list(range(15))  # the walker only, never the other


def test_a_kept_person_never_extends_over_someone_the_old_run_did_not_see() -> None:
    """Review finding: the kept walker's new track goes on over a bystander the old run never
    detected (frames 26-30 match nobody); the track is cut there and that part redacted.
    Likewise a new track going from one kept person to another is cut between them."""
    walker = {f: b for f, b in WALKER.items() if f < 26}
    bystander = {f: (b[0], 250.0, b[2], b[3]) for f, b in WALKER.items() if f >= 26}
    plan = _plan("run-a", keep=1)
    carry = match_runs(plan, [_track(1, walker)], [_track(7, walker, bystander)], N, "run-b")
    assert [(e.op, e.tracks, e.frame) for e in carry.edits] == [(EditOp.SPLIT, (7,), 26)]
    carried, _ = carried_plan(plan, carry)
    tracks = plan_edits.effective_tracks([_track(7, walker, bystander)], carried)
    (kept,) = [t for t in tracks if t.id in carried.keep_tracks]
    assert max(kept.detected_frames) == 25
    first = {f: b for f, b in WALKER.items() if f < 15}
    second = {f: (b[0], 250.0, b[2], b[3]) for f, b in WALKER.items() if f >= 15}
    two_kept = RedactionPlan(detection_run="run-a")
    for track_id, reason in ((1, "Requester"), (2, "Officer")):
        two_kept, _ = plan_edits.set_track_action(two_kept, track_id, TrackAction.KEEP, reason)
    carry = match_runs(two_kept, [_track(1, first), _track(2, second)],
                       [_track(9, first, second)], N, "run-b")
    assert [e.frame for e in carry.edits] == [15]
    carried, _ = carried_plan(two_kept, carry)
    assert carried.reasons == {"track:9": "Requester", "track:10": "Officer"}


def test_a_short_or_flickering_stretch_of_someone_else_is_cut_off_too() -> None:
    """Second review: two frames of a bystander tacked on at the end of the kept person's
    new track, or a bystander matched only on two frames of every three, or two frames of
    someone else at its head: none of those frames is ever kept."""
    walker = {f: b for f, b in WALKER.items() if f < 25}
    bystander = {f: (b[0], 250.0, b[2], b[3]) for f, b in WALKER.items() if f >= 25}
    old = [_track(1, walker), _track(2, bystander)]
    plan = _plan("run-a", keep=1)
    tail = {f: b for f, b in bystander.items() if f < 27}  # 2 frames of the bystander
    for new in ([_track(7, walker, tail)],
                [_track(7, walker, {f: (b if f % 3 else (b[0], 320.0, b[2], b[3]))
                                    for f, b in bystander.items()})]):
        carried, _ = carried_plan(plan, match_runs(plan, old, new, N, "run-b"))
        (kept,) = [t for t in plan_edits.effective_tracks(new, carried)
                   if t.id in carried.keep_tracks]
        assert max(kept.detected_frames) == 24, new
    head = {f: (b[0], 250.0, b[2], b[3]) for f, b in WALKER.items() if f < 2}
    late_walker = {f: b for f, b in WALKER.items() if 2 <= f < 25}
    old = [_track(1, late_walker), _track(2, head)]
    new = [_track(7, head, late_walker)]
    carried, _ = carried_plan(plan, match_runs(plan, old, new, N, "run-b"))
    (kept,) = [t for t in plan_edits.effective_tracks(new, carried)
               if t.id in carried.keep_tracks]
    assert min(kept.detected_frames) == 2


def test_a_merge_the_person_made_is_carried() -> None:
    first = {f: b for f, b in WALKER.items() if f < 10}
    later = {f: b for f, b in WALKER.items() if f >= 18}
    old = _tracks([first, STILL, later])
    plan = RedactionPlan(detection_run="run-a")
    parts = [_track_of(old, first), _track_of(old, later)]
    plan, _ = plan_edits.merge(plan, old, parts)
    old_effective = plan_edits.effective_tracks(old, plan)
    new = _tracks([STILL, first, later])
    carry = match_runs(plan, old_effective, new, N, "run-b")
    assert carry.merges == 1
    (merge,) = carry.edits
    assert merge.op is EditOp.MERGE
    assert set(merge.tracks) == {_track_of(new, first), _track_of(new, later)}
    tracks = plan_edits.effective_tracks(new, carried_plan(plan, carry)[0])
    assert len(tracks) == 2  # the walker is one person again, the gap covered
    walker = next(t for t in tracks if 0 in t.keyframes and t.keyframes[0][0] == 100)
    assert walker.box_at(14) is not None


def test_a_weak_match_is_asked_about_and_a_lost_one_stays_redacted() -> None:
    old = _tracks([WALKER, STILL])
    wobbly = {f: (b if f % 3 else (b[0], 250.0, b[2], b[3])) for f, b in WALKER.items()}
    new = [_track(5, wobbly)]  # the walker on 20 of its 31 frames, never 3 apart: not sure
    plan = _plan("run-a", keep=_track_of(old, WALKER), dismiss=_track_of(old, STILL))
    carry = match_runs(plan, old, new, N, "run-b")
    keep, dismissed = sorted(carry.decisions, key=lambda d: d.action.value)
    assert keep.action is TrackAction.KEEP and keep.new_tracks == (5,) and not keep.sure(5)
    assert keep.shares[0] < SURE
    assert dismissed.new_tracks == () and carry.lost() == [dismissed]
    by_default, text = carried_plan(plan, carry)
    assert by_default.keep_tracks == () and by_default.false_positive_tracks == ()
    assert "2 decision(s) not carried" in text
    confirmed, _ = carried_plan(plan, carry, {(keep.old_track, 5)})
    assert confirmed.keep_tracks == tuple(keep.new_tracks)


def test_the_session_reads_the_plans_run_from_the_store(store: Store, tmp_path: Path) -> None:
    clip = make_video(tmp_path / "clip.mp4", frames=N)
    (result,) = ingest_paths(store, "tester", [clip])
    assert result.footage_id is not None
    with store.read() as session:
        footage = show_footage(session, result.footage_id)
    old_run = _run({f: [b] for f, b in WALKER.items()}, N)
    with store.transaction() as session:
        save_run(session, footage.id, old_run, 1, None)
    old_key = settings_hash(run_settings(old_run.preset, old_run.models, 1))
    with store.read() as session:
        loaded = load_run(session, footage.id, old_key)
        assert loaded is not None and len(loaded.frames) == N
        assert load_run(session, footage.id, "0" * 64) is None
    old_tracks = build_tracks(loaded, N, 10.0, SETTINGS)
    new_run = _run({f: [STILL[f], b] for f, b in WALKER.items()}, N)
    new_tracks = build_tracks(new_run, N, 10.0, SETTINGS)
    analysis = Analysis(footage.id, Path(footage.original_path), N, 10.0, 640, 360, 0, new_run,
                        2, False, 1, "run-b", new_tracks, [], SETTINGS)
    review = RedactionSession(footage)
    review.start(None, _plan(old_key, keep=old_tracks[0].id))
    review.show_run(analysis)
    assert review.run_mismatch()
    assert review.shown_plan.keep_tracks == ()  # another run's numbers are never shown kept
    carry = review.carry_over(store)
    plan, text = review.carried(carry)
    review.push(plan, text)
    assert not review.run_mismatch() and plan.keep_tracks == (_track_of(new_tracks, WALKER),)
    review.plan = replace(review.plan, detection_run="f" * 64)  # a run no longer stored
    with pytest.raises(NotFoundError, match="no longer stored"):
        review.carry_over(store)



def test_a_plan_made_under_the_first_tracker_rules_is_carried(store: Store,
                                                              tmp_path: Path) -> None:
    """A run stored before the tracker's rule 2 is linked again by rule 1 (the face whose
    box shrank fast is two tracks there), so the plan's kept number means the person it
    meant; the current run (one track, another key) gets that person by carry-over."""
    clip = make_video(tmp_path / "clip.mp4", frames=N)
    (result,) = ingest_paths(store, "tester", [clip])
    assert result.footage_id is not None
    with store.read() as session:
        footage = show_footage(session, result.footage_id)
    old_run = _run(SHRINKS, N)
    old_run.preset = replace(old_run.preset, tracker_rules=1)
    with store.transaction() as session:
        save_run(session, footage.id, old_run, 1, None)
    old_key = settings_hash(run_settings(old_run.preset, old_run.models, 1))
    new_run = _run(SHRINKS, N)
    new_key = settings_hash(run_settings(new_run.preset, new_run.models, 1))
    assert new_key != old_key
    new_tracks = build_tracks(new_run, N, 10.0, SETTINGS)
    assert len(new_tracks) == 1
    analysis = Analysis(footage.id, Path(footage.original_path), N, 10.0, 640, 360, 0, new_run,
                        2, False, 1, new_key, new_tracks, [], SETTINGS)
    review = RedactionSession(footage)
    review.start(None, _plan(old_key, keep=2))  # the tight box's track under rule 1
    review.show_run(analysis)
    assert review.run_mismatch() and review.shown_plan.keep_tracks == ()
    carry = review.carry_over(store)
    (keep,) = carry.decisions
    assert keep.action is TrackAction.KEEP and keep.old_track == 2
    # the new track is split where the kept fragment began; that piece is kept, surely
    (split,) = carry.edits
    assert split.op is EditOp.SPLIT and split.tracks == (1,) and split.frame == 5
    assert keep.new_tracks == (2,) and keep.sure(2)


@pytest.mark.parametrize(("rules", "tracks"), [(1, 2), (4, 1)])
def test_a_stored_preset_that_cannot_be_read_keeps_its_tracker_rules(
        store: Store, tmp_path: Path, rules: int, tracks: int) -> None:
    """A run whose stored preset no longer reads (here an unknown network) is read with
    today's preset of its name, but linked by the rules it was stored under (1: the
    shrinking face is two tracks; 4, today's: one) and with the edge drop and thresholds it
    was made with."""
    clip = make_video(tmp_path / "clip.mp4", frames=N)
    (result,) = ingest_paths(store, "tester", [clip])
    assert result.footage_id is not None
    run = _run(SHRINKS, N)
    run.preset = replace(get_preset("balanced"), tracker_rules=rules, edge_drop=0.0,
                         fine_second_threshold=0.25)
    with store.transaction() as session:
        record_id = save_run(session, result.footage_id, run, 1, None)
    key = settings_hash(run_settings(run.preset, run.models, 1))
    with store.transaction() as session:
        record = session.get(DetectionRunRecord, record_id)
        assert record is not None
        record.settings = {**record.settings, "preset": {
            **record.settings["preset"], "quick_network": "retina"}}
    with store.read() as session:
        stored = session.get(DetectionRunRecord, record_id)
        assert stored is not None
        with pytest.raises(InvalidInputError, match="retina"):  # the fallback is taken
            preset_from_dict(dict(stored.settings["preset"]))
        loaded = load_run(session, result.footage_id, key)
    assert loaded is not None and loaded.preset.tracker_rules == rules
    # today's balanced has an edge drop; the run was made without one, and is read so
    assert loaded.preset.name == "balanced" and loaded.preset.edge_drop == 0.0
    assert loaded.preset.fine_second_threshold == 0.25  # the thresholds it was made with
    assert len(build_tracks(loaded, N, 10.0, SETTINGS)) == tracks  # as its plan numbered them


def test_each_new_track_of_a_person_is_confirmed_on_its_own() -> None:
    """The kept person is one sure track and, after a cut, a fragment matching on only part
    of its frames: the sure track is carried by default, the fragment only if ticked."""
    old = [_track(1, WALKER)]
    fragment = {f: (b if f % 3 else (b[0], 250.0, b[2], b[3])) for f, b in WALKER.items()
                if f >= 22}  # matches on 6 of its 9 frames
    new = [_track(3, {f: b for f, b in WALKER.items() if f < 20}), _track(4, fragment)]
    plan = _plan("run-a", keep=1)
    (decision,) = match_runs(plan, old, new, N, "run-b").decisions
    assert decision.new_tracks == (3, 4) and decision.sure(3) and not decision.sure(4)
    carry = match_runs(plan, old, new, N, "run-b")
    assert carried_plan(plan, carry)[0].keep_tracks == (3,)
    assert carried_plan(plan, carry, {(1, 3), (1, 4)})[0].keep_tracks == (3, 4)
    assert carried_plan(plan, carry, set())[0].keep_tracks == ()
