"""A plan names tracks by number, and the same detection run is numbered otherwise by another
version of the tracker: a plan records the digest of the tracks it was made on
(``tracks_digest``), and is never applied to the same run's tracks numbered otherwise (a
"keep visible" of track 1 would then show someone else). Plans made before the digest was
recorded keep their hash and are applied as before."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from app.core.analysis import Analysis, analyse
from app.core.errors import ConflictError, NotFoundError
from app.core.export.pipeline import redact_footage
from app.core.library.footage import show_footage
from app.core.library.ingest import ingest_paths
from app.core.redaction import plan_edits
from app.core.redaction.carry_over import carry_over
from app.core.redaction.open_items import open_items
from app.core.redaction.plan import RedactionPlan
from app.core.redaction.plans import load_plan
from app.core.redaction.session import Look, RedactionSession
from app.core.store.database import Store
from app.core.tracking.review import review_ranges
from app.core.tracking.tracker import Track
from app.core.tracking.tracks_digest import tracks_sha256
from tests.conftest import allow_unapproved_exports, make_video
from tests.core.test_plan_edits import _frames, _tracks
from tests.core.test_redaction_session import _footage
from tests.core.test_tracking import _run


def _numbered(tracks: list[Track]) -> Analysis:
    run = _run(_frames(), 31)
    return Analysis(1, Path("/nowhere.mp4"), 31, 10.0, 640, 360, 0, run, 1, True, 1,
                    "run-a", tracks, review_ranges(run, tracks, 31, 10.0))


def _renumbered() -> list[Track]:
    """The same run's tracks as another tracker numbers them: 1 and 2 swapped."""
    tracks = _tracks()
    swap = {1: 2, 2: 1}
    for t in tracks:
        t.id = swap.get(t.id, t.id)
    return sorted(tracks, key=lambda t: t.id)


def test_the_digest_tells_tracks_numbered_otherwise_apart() -> None:
    assert tracks_sha256(_tracks()) == tracks_sha256(_tracks())
    assert tracks_sha256(_renumbered()) != tracks_sha256(_tracks())
    moved = _tracks()
    frame = sorted(moved[0].keyframes)[3]
    x1, y1, x2, y2, score = moved[0].keyframes[frame]
    moved[0].keyframes[frame] = (x1 + 1, y1, x2 + 1, y2, score)
    assert tracks_sha256(moved) != tracks_sha256(_tracks())
    assert _numbered(_tracks()).tracks_key == tracks_sha256(_tracks())


def test_a_plan_is_never_applied_to_its_run_numbered_otherwise() -> None:
    window = RedactionSession(_footage())
    window.show_run(_numbered(_tracks()))
    plan, text = plan_edits.set_track_action(window.plan, 1, plan_edits.TrackAction.KEEP,
                                             "Requester")
    window.push(window.prepared(plan), text)
    assert window.plan.detection_tracks == tracks_sha256(_tracks())
    kept_frame = next(iter(sorted(window.tracks[0].keyframes)))
    looks = {b.key: b.look for b in window.shown_boxes(kept_frame)}
    assert looks[("track", 1)] is Look.KEEP and not window.run_mismatch()

    window.show_run(_numbered(_renumbered()))  # the same run, after a tracker update
    assert window.run_mismatch()
    assert window.shown_plan.keep_tracks == ()  # track 1 is someone else now: redacted
    looks = {b.key: b.look for b in window.shown_boxes(kept_frame)}
    assert Look.KEEP not in looks.values()
    with pytest.raises(ConflictError, match="another detection run"):
        window.prepared(window.plan)

    # a plan made before tracks were recorded is applied as before (its hash unchanged)
    old = dataclasses.replace(window.plan, detection_tracks="")
    assert "detection_tracks" not in old.to_dict()
    assert RedactionPlan.from_json(window.plan.to_json()) == window.plan
    window.start(None, old)
    assert not window.run_mismatch() and window.shown_plan.keep_tracks == (1,)


def test_the_export_and_the_carry_over_refuse_tracks_numbered_otherwise(
        store: Store, tmp_path: Path) -> None:
    (item,) = ingest_paths(store, "tester", [make_video(tmp_path / "clip.mp4", frames=12)])
    assert item.footage_id is not None
    allow_unapproved_exports(store)
    analysis = analyse(store, "tester", item.footage_id, "fast")
    # a plan given without its run (the command line) is bound to the run and its tracks
    out = tmp_path / "out.mp4"
    redact_footage(store, "tester", item.footage_id, out, RedactionPlan(), preset="fast",
                   verify=False)
    with store.read() as session:
        stored = load_plan(session, item.footage_id, None)
    assert stored is not None
    assert (stored.detection_run, stored.detection_tracks) == (analysis.run_key,
                                                               analysis.tracks_key)
    elsewhere = dataclasses.replace(stored, detection_tracks="0" * 64)  # another version's
    with pytest.raises(ConflictError, match="another version of BWV Studio"):
        redact_footage(store, "tester", item.footage_id, tmp_path / "again.mp4", elsewhere,
                       preset="fast", verify=False)
    assert not (tmp_path / "again.mp4").exists()
    with pytest.raises(NotFoundError, match="another version of BWV Studio"):
        carry_over(store, elsewhere, analysis)
    with store.read() as session:
        footage = show_footage(session, item.footage_id)
    window = RedactionSession(footage)
    window.start(None, elsewhere)
    window.show_run(analysis)
    assert window.run_mismatch()


def test_a_run_read_back_from_the_store_numbers_its_tracks_as_when_it_was_made(
        store: Store) -> None:
    """The digest of the tracks built from a run just detected and from the same run read
    back from the store are equal (else every plan would be refused on reopening)."""
    from tests.conftest import TESTDATA
    clip = TESTDATA / "videos" / "intel_face-demographics-walking.mp4"
    if not clip.exists():
        pytest.skip(f"shared test data not found at {TESTDATA} (set BWV_TESTDATA)")
    (item,) = ingest_paths(store, "tester", [clip])
    assert item.footage_id is not None
    made = analyse(store, "tester", item.footage_id, "fast")
    again = analyse(store, "tester", item.footage_id, "fast")
    assert not made.reused and again.reused and len(made.tracks) >= 2
    assert again.tracks_key == made.tracks_key


def test_a_plan_given_without_its_run_keeps_an_older_plans_hash_only_when_it_is_that_plan(
        store: Store, tmp_path: Path) -> None:
    """The command line gives plans without their run. The stored plan, bound before tracks
    were recorded, given again is bound as it was (its hash, and so its approval, kept); any
    other plan so given is bound with its tracks (a review found new plans bound without)."""
    from app.core.people.users import resolve_actor
    from app.core.redaction.plans import save_plan

    (item,) = ingest_paths(store, "tester", [make_video(tmp_path / "clip.mp4", frames=12)])
    assert item.footage_id is not None
    allow_unapproved_exports(store)
    analysis = analyse(store, "tester", item.footage_id, "fast")
    older = RedactionPlan(detection_run=analysis.run_key, padding=1.8)  # saved before
    with store.transaction() as session:
        save_plan(session, resolve_actor(session, "tester"), item.footage_id, None, older)
    redact_footage(store, "tester", item.footage_id, tmp_path / "a.mp4",
                   dataclasses.replace(older, detection_run=""), preset="fast", verify=False)
    with store.read() as session:
        assert load_plan(session, item.footage_id, None) == older  # the same plan, unbound
    redact_footage(store, "tester", item.footage_id, tmp_path / "b.mp4",
                   RedactionPlan(padding=2.0), preset="fast", verify=False)
    with store.read() as session:
        newer = load_plan(session, item.footage_id, None)
    assert newer is not None and newer.padding == 2.0
    assert newer.detection_tracks == analysis.tracks_key


def test_footage_detected_again_with_the_same_settings_carries_from_the_run_of_the_plan(
        store: Store) -> None:
    """``--redetect`` stores another run under the same settings; where its boxes differ
    the tracks may be numbered otherwise: the plan is not applied to them, and the carry-over
    matches its decisions from the stored run whose tracks it was made on. With that run
    gone, which person a decision was about is not known: refused."""
    from app.core.detection.runs import load_run, save_run
    from app.core.people.users import resolve_actor
    from app.core.store.models import DetectionRunRecord
    from tests.conftest import TESTDATA

    clip = TESTDATA / "videos" / "intel_face-demographics-walking.mp4"
    if not clip.exists():
        pytest.skip(f"shared test data not found at {TESTDATA} (set BWV_TESTDATA)")
    (item,) = ingest_paths(store, "tester", [clip])
    fid = item.footage_id
    assert fid is not None
    first = analyse(store, "tester", fid, "fast")
    plan, _ = plan_edits.set_track_action(RedactionPlan(), first.tracks[0].id,
                                          plan_edits.TrackAction.KEEP, "Requester")
    plan = plan_edits.bound(plan, first.run_key, first.tracks_key)
    with store.transaction() as session:  # detected again: every box a few pixels over
        run = load_run(session, fid, first.run_key)
        assert run is not None
        for frame in run.frames:
            frame.boxes = [dataclasses.replace(b, x=b.x + 3.0) for b in frame.boxes]
        save_run(session, fid, run, first.stride, resolve_actor(session, "tester"))
    second = analyse(store, "tester", fid, "fast")
    assert second.reused and second.run_key == first.run_key
    assert second.tracks_key != first.tracks_key
    assert plan_edits.made_elsewhere(plan, second.run_key, second.tracks_key)
    with store.read() as session:  # a supervisor is told the export would refuse it
        assert not [i for i in open_items(session, fid, None, dataclasses.replace(
            plan, detection_tracks=second.tracks_key)) if "tracks" in i.key]
        (item,) = [i for i in open_items(session, fid, None, plan) if "tracks" in i.key]
    assert "no longer gives" in item.text and "cannot be exported" in item.text
    carry = carry_over(store, plan, second)  # from the first run, not the newest
    (decision,) = carry.decisions
    assert decision.old_track == first.tracks[0].id and decision.new_tracks
    assert carry.new_tracks_key == second.tracks_key
    with store.transaction() as session:
        oldest = min(r.id for r in session.query(DetectionRunRecord))
        session.delete(session.get(DetectionRunRecord, oldest))
    with pytest.raises(NotFoundError, match="cannot be built again"):
        carry_over(store, plan, second)

