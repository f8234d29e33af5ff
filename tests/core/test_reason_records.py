"""The reason recorded for a person (its legal basis, read by a court in the disclosure record)
belongs to what is done to that person: it survives carrying the plan to another detection
run, and a merge never gives a redacted person the reason another part was kept visible."""

from __future__ import annotations

from pathlib import Path

from app.core.analysis import Analysis
from app.core.detection.runs import run_settings, save_run, settings_hash
from app.core.library.footage import show_footage
from app.core.library.ingest import ingest_paths
from app.core.redaction import plan_edits
from app.core.redaction.carry_over import carried_plan, match_runs
from app.core.redaction.plan import RedactionPlan
from app.core.redaction.plan_edits import TrackAction
from app.core.redaction.session import RedactionSession
from app.core.store.database import Store
from app.core.tracking.review import ReviewReason
from app.core.tracking.tracker import build_tracks
from tests.conftest import make_video
from tests.core.test_carry_over import STILL, WALKER, N, _track, _track_of, _tracks
from tests.core.test_plan_edits import _frames
from tests.core.test_redaction_session import _footage
from tests.core.test_tracking import SETTINGS, _run

KEPT = "Requester - kept visible"


def _decided(run: str, *choices: tuple[int, TrackAction, str]) -> RedactionPlan:
    plan = RedactionPlan(detection_run=run)
    for track_id, action, reason in choices:
        plan, _ = plan_edits.set_track_action(plan, track_id, action, reason)
    return plan


# carrying to another run ---------------------------------------------------------------

def test_the_reason_for_redacting_a_person_goes_to_that_person_on_the_new_run() -> None:
    old = _tracks([WALKER, STILL])
    new = _tracks([STILL, WALKER])  # numbered the other way round
    walker_old, still_old = _track_of(old, WALKER), _track_of(old, STILL)
    walker_new, still_new = _track_of(new, WALKER), _track_of(new, STILL)
    plan = _decided("run-a", (walker_old, TrackAction.KEEP, KEPT),
                    (still_old, TrackAction.REDACT, "Child"))
    carry = match_runs(plan, old, new, N, "run-b")
    redact = next(d for d in carry.decisions if d.action is TrackAction.REDACT)
    assert (redact.old_track, redact.reason, redact.new_tracks) == (still_old, "Child",
                                                                    (still_new,))
    carried, text = carried_plan(plan, carry)
    assert carried.reasons == {f"track:{walker_new}": KEPT, f"track:{still_new}": "Child"}
    assert carried.keep_tracks == (walker_new,) and carried.false_positive_tracks == ()
    assert carried.redacts_track(still_new)  # the reason only: still redacted
    assert f"redact {still_old} -> {still_new}" in text and "not carried" not in text
    # a redacted person with no reason given is no decision to carry
    (keep,) = match_runs(_decided("run-a", (walker_old, TrackAction.KEEP, KEPT)), old, new,
                         N, "run-b").decisions
    assert keep.action is TrackAction.KEEP


def test_a_redaction_reason_matched_weakly_or_not_at_all_is_counted_as_not_carried() -> None:
    old = _tracks([WALKER, STILL])
    wobbly = {f: (b if f % 3 else (b[0], 250.0, b[2], b[3])) for f, b in WALKER.items()}
    new = [_track(5, wobbly)]  # the walker on 20 of its 31 frames; nobody is the still one
    plan = _decided("run-a", (_track_of(old, WALKER), TrackAction.REDACT, "Child"),
                    (_track_of(old, STILL), TrackAction.REDACT, "Witness"))
    carry = match_runs(plan, old, new, N, "run-b")
    child = next(d for d in carry.decisions if d.reason == "Child")
    assert child.new_tracks == (5,) and not child.sure(5)
    assert [d.reason for d in carry.lost()] == ["Witness"]
    by_default, text = carried_plan(plan, carry)
    assert by_default.reasons == {} and "2 decision(s) not carried" in text
    confirmed, text = carried_plan(plan, carry, {(child.old_track, 5)})
    assert confirmed.reasons == {"track:5": "Child"} and "1 decision(s) not carried" in text
    assert confirmed.keep_tracks == () and confirmed.false_positive_tracks == ()


def test_a_redaction_reason_never_goes_to_a_track_that_is_another_person() -> None:
    """The new track is mostly the walker (redacted, no reason) and, for its last frames, the
    child the old run redacted with a reason: the child's reason is not given to the walker's
    track; it is counted as not carried."""
    walker = {f: b for f, b in WALKER.items() if f < 20}
    child = {f: (b[0], 250.0, b[2], b[3]) for f, b in WALKER.items() if f >= 20}
    old = [_track(1, walker), _track(2, child)]
    plan = _decided("run-a", (2, TrackAction.REDACT, "Child"))
    carry = match_runs(plan, old, [_track(7, walker, child)], N, "run-b")
    (decision,) = carry.decisions
    assert decision.new_tracks == () and carry.lost() == [decision]
    carried, text = carried_plan(plan, carry, {(2, 7)})  # even if asked to
    assert carried.reasons == {} and "1 decision(s) not carried" in text
    # next to a kept person, whose track is cut: each part gets its own person's reason
    kept = _decided("run-a", (1, TrackAction.KEEP, KEPT), (2, TrackAction.REDACT, "Child"))
    carry = match_runs(kept, old, [_track(7, walker, child)], N, "run-b")
    carried, _ = carried_plan(kept, carry)
    assert carried.keep_tracks == (7,)
    assert carried.reasons == {"track:7": KEPT, "track:8": "Child"}


def test_the_session_carries_a_redaction_reason(store: Store, tmp_path: Path) -> None:
    clip = make_video(tmp_path / "clip.mp4", frames=N)
    (result,) = ingest_paths(store, "tester", [clip])
    assert result.footage_id is not None
    with store.read() as session:
        footage = show_footage(session, result.footage_id)
    old_run = _run({f: [b, STILL[f]] for f, b in WALKER.items()}, N)
    with store.transaction() as session:
        save_run(session, footage.id, old_run, 1, None)
    old_key = settings_hash(run_settings(old_run.preset, old_run.models, 1))
    old_tracks = build_tracks(old_run, N, 10.0, SETTINGS)
    new_run = _run({f: [STILL[f], b] for f, b in WALKER.items()}, N)
    new_tracks = build_tracks(new_run, N, 10.0, SETTINGS)
    analysis = Analysis(footage.id, Path(footage.original_path), N, 10.0, 640, 360, 0, new_run,
                        2, False, 1, "run-b", new_tracks, [], SETTINGS)
    review = RedactionSession(footage)
    review.start(None, _decided(old_key, (_track_of(old_tracks, WALKER), TrackAction.KEEP, KEPT),
                                (_track_of(old_tracks, STILL), TrackAction.REDACT, "Child")))
    review.show_run(analysis)
    plan, text = review.carried(review.carry_over(store))
    review.push(plan, text)
    assert not review.run_mismatch()
    assert review.plan.reasons == {f"track:{_track_of(new_tracks, WALKER)}": KEPT,
                                   f"track:{_track_of(new_tracks, STILL)}": "Child"}


# merging parts of one person ------------------------------------------------------------

def test_a_merged_person_gets_the_reason_of_what_is_done_to_it() -> None:
    tracks = build_tracks(_run(_frames(), 31), 31, 10.0, SETTINGS)  # 2 and 3: one person
    kept = _decided("", (2, TrackAction.KEEP, KEPT))
    redacted, _ = plan_edits.merge(
        plan_edits.set_track_action(kept, 3, TrackAction.REDACT, "Child")[0], tracks, [2, 3])
    assert redacted.keep_tracks == () and redacted.reasons == {"track:2": "Child"}
    no_reason, _ = plan_edits.merge(kept, tracks, [2, 3])  # the redacted part gave none
    assert no_reason.keep_tracks == () and no_reason.reasons == {}
    dismissed, _ = plan_edits.merge(
        plan_edits.set_track_action(kept, 3, TrackAction.NOT_A_FACE, "Poster")[0], tracks,
        [3, 2])
    assert dismissed.redacts_track(2) and dismissed.reasons == {}
    both, _ = plan_edits.merge(
        plan_edits.set_track_action(kept, 3, TrackAction.KEEP, "Officer")[0], tracks, [3, 2])
    assert both.keep_tracks == (2,) and both.reasons == {"track:2": KEPT}


def test_the_same_person_answer_gives_no_kept_reason_to_a_redacted_person() -> None:
    frames: dict[int, list[tuple[float, float, float, float]]] = {i: [] for i in range(40)}
    for i in range(40):
        if i <= 9:
            frames[i].append((100, 100, 40, 40))  # A
        if i >= 24:
            frames[i].append((110, 100, 40, 40))  # A' beside it
    run = _run(frames, 40)
    analysis = Analysis(1, Path("/nowhere.mp4"), 40, 10.0, 640, 360, 0, run, 1, True, 1,
                        "run-a", build_tracks(run, 40, 10.0, SETTINGS), [])
    session = RedactionSession(_footage())
    session.show_run(analysis)
    pair = next(r for r in session.review if r.reason is ReviewReason.SAME_PERSON)
    assert pair.track_id is not None and pair.other_track is not None
    session.push(*plan_edits.set_track_action(session.plan, pair.track_id, TrackAction.KEEP,
                                              KEPT))
    merged, text = session.same_person(pair)
    assert "redacted again" in text
    person = min(pair.track_id, pair.other_track)
    assert merged.redacts_track(person) and merged.reason_for(f"track:{person}") == ""
