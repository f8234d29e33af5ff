"""A review mark stands for the risk that was looked at (its frames, reason and people,
``ReviewMark``), not just its frames: a face that joins an item over the same frames, or a
second item over them, is open until marked. Plans marked before (bare frame pairs) keep
their hash, and their marks count as they always did: for every range over those frames."""

from __future__ import annotations

import copy
import json
import pickle
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.core.analysis import Analysis
from app.core.errors import InvalidInputError
from app.core.redaction import plan_edits
from app.core.redaction.plan import RedactionPlan
from app.core.redaction.plan_review import plan_review
from app.core.redaction.session import RedactionSession
from app.core.tracking.review import ReviewMark, ReviewRange, ReviewReason, review_ranges
from app.core.tracking.tracker import Track, build_tracks
from app.core.views.records import FootageRecord
from tests.core.test_tracking import SETTINGS, _run

Boxes = dict[int, list[tuple[float, float, float, float]]]
N = 50


def _walker() -> Boxes:
    """A face walking along the bottom edge the whole clip: no item of its own."""
    return {i: [(100.0 + 5 * i, 320.0, 40.0, 40.0)] for i in range(N)}


def _session(frames: Boxes) -> RedactionSession:
    run = _run(frames, N)
    tracks = build_tracks(run, N, 10.0, SETTINGS)
    analysis = Analysis(1, Path("/nowhere.mp4"), N, 10.0, 640, 360, 0, run, 1, True, 1,
                        "run-a", tracks, review_ranges(run, tracks, N, 10.0))
    footage = FootageRecord(1, "/nowhere.mp4", "nowhere.mp4", "00" * 32, 1, "mp4", "h264",
                            "", 640, 360, 0, 5.0, False, N, 10.0, None, None, None,
                            datetime.now(UTC), "tester", None, False)
    session = RedactionSession(footage)
    assert session.show_run(analysis) is None
    return session


def _check(session: RedactionSession, item: ReviewRange) -> None:
    """What the review queue's "R" does with an item: its risks marked."""
    session.push(*plan_edits.mark_reviewed(session.prepared(session.plan), *item.key,
                                           parts=item.parts, risks=item.risks()))


def _together() -> Boxes:
    """Two faces found mid-picture, far apart, on the same frame 20: two ranges over the
    same frames (15-20), one item."""
    frames = _walker()
    for i in range(20, N):
        frames[i] += [(150.0, 100.0, 40.0, 40.0), (450.0, 100.0, 40.0, 40.0)]
    return frames


def _apart() -> Boxes:
    """Face A vanishes mid-picture on frame 20 (range 20-25), face B appears elsewhere on
    frame 25 (range 20-25): two items over the same frames."""
    frames = _walker()
    for i in range(21):
        frames[i].append((150.0, 100.0, 40.0, 40.0))
    for i in range(25, N):
        frames[i].append((500.0, 150.0, 40.0, 40.0))
    return frames


def _found_on(tracks: list[Track], frame: int) -> list[int]:
    return sorted(t.id for t in tracks if t.detected_frames[0] == frame)


def test_a_face_set_back_over_the_same_frames_is_open_again() -> None:
    """Review finding (mmaction2_demo, tracks 15 and 16 both found on frame 51): one of two
    faces found on the same frame marked not a face, the item (the other face) checked, the
    first set back to a face: the item names both again and is open: that face was never
    looked at."""
    session = _session(_together())
    first, second = _found_on(session.tracks, 20)
    (item,) = session.unreviewed()
    assert set(item.people) == {first, second} and set(item.parts) == {(15, 20)}
    assert len(item.risks()) == 2  # one frame pair, two risks
    session.push(*plan_edits.set_track_action(session.prepared(session.plan), second,
                                              plan_edits.TrackAction.NOT_A_FACE))
    (alone,) = session.unreviewed()
    assert alone.people == (first,) and alone.key == item.key
    _check(session, alone)
    assert session.unreviewed() == []
    session.push(*plan_edits.set_track_action(session.prepared(session.plan), second,
                                              plan_edits.TrackAction.REDACT))
    (again,) = session.review
    assert again.key == item.key and set(again.people) == {first, second}
    assert not again.done(set(session.plan.reviewed))
    assert session.unreviewed() == [again]
    # what was looked at still stands: only the face set back is left to check
    assert [r.tracks for r in again.risks() if r not in set(session.plan.reviewed)] == [
        (second,)]
    _check(session, again)
    assert session.unreviewed() == []


def test_a_face_set_back_inside_a_checked_group_by_the_plan_alone() -> None:
    """The same, on the plan's ranges as the approval and the manifest list them."""
    run = _run(_together(), N)
    tracks = build_tracks(run, N, 10.0, SETTINGS)
    first, second = _found_on(tracks, 20)
    settled = RedactionPlan(false_positive_tracks=(second,))
    (item,) = plan_review(run, tracks, tracks, settled, N, 10.0)
    assert item.people == (first,)
    checked, _ = plan_edits.mark_reviewed(settled, *item.key, parts=item.parts,
                                          risks=item.risks())
    assert all(r.done(checked.reviewed) for r in plan_review(run, tracks, tracks, checked,
                                                             N, 10.0))
    back = replace(checked, false_positive_tracks=())
    (again,) = plan_review(run, tracks, tracks, back, N, 10.0)
    assert again.key == item.key and second in again.people
    assert not again.done(back.reviewed) and not again.done(set(back.reviewed))
    # saved and read back (as approval and export read it): still open
    assert not again.done(RedactionPlan.from_json(back.to_json()).reviewed)


def test_a_second_item_over_the_same_frames_is_open_until_marked() -> None:
    session = _session(_apart())
    items = session.unreviewed()
    assert [(r.reason, r.key) for r in items] == [(ReviewReason.TRACK_ENDED, (20, 25)),
                                                  (ReviewReason.TRACK_STARTED, (20, 25))]
    ended, started = items
    _check(session, ended)
    assert session.unreviewed() == [started]
    assert session.review_at(22) == started
    saved = RedactionPlan.from_json(session.plan.to_json())
    assert ended.done(saved.reviewed) and not started.done(saved.reviewed)
    _check(session, started)
    assert session.unreviewed() == []


def test_an_older_plan_keeps_its_hash_and_its_marks_still_count() -> None:
    """A plan marked before marks named their risk holds bare frame pairs: it serialises and
    hashes exactly as it did, and a pair still checks every range over its frames (whose
    they were cannot be told: both items over 20-25, and each range a group joins)."""
    old = RedactionPlan(reviewed=((20, 25), (15, 20), (20, 25)), keep_tracks=(3,),
                        false_positive_tracks=(7,), detection_run="run-a")
    text = ('{"audio":"keep","caption":"","clip":null,"detection_run":"run-a",'
            '"false_positive_tracks":[7],"inverse":false,"keep_tracks":[3],'
            '"manual_boxes":[],"margin":0.004,"mute":[],"padding":1.6,"reasons":{},'
            '"reviewed":[[15,20],[20,25]],"shape":"ellipse","strength":4,'
            '"style":"pixelate","track_edits":[],"version":1}')
    assert old.to_json() == text  # as written before this change
    assert old.sha256() == "9c1c37d457b68c74778616acb8c8fecabd5736743e496a0f82c6d0b8acb895e4"
    assert RedactionPlan.from_json(text).to_json() == text
    assert RedactionPlan().sha256() == \
        "b31f76be3055045e3c5e58ff7eeafb83df426c14aabe387e4400e1139a081ae3"
    loaded = RedactionPlan.from_json(text)
    assert all(type(r) is tuple for r in loaded.reviewed)
    session = _session(_apart())
    assert len(session.unreviewed()) == 2
    assert all(r.done(loaded.reviewed) for r in session.unreviewed())
    session = _session(_together())
    (item,) = session.unreviewed()
    assert item.done(loaded.reviewed) and item.done([(15, 20)])
    # marked through the old call (no risks): frame pairs, as before
    marked, _ = plan_edits.mark_reviewed(RedactionPlan(), *item.key, parts=item.parts)
    assert marked.reviewed == ((15, 20),) and "review_marks" not in marked.to_dict()


def test_marks_that_name_their_risk_are_saved_apart_and_read_back() -> None:
    a = ReviewMark(20, 25, "track_ended", (2,))
    b = ReviewMark(20, 25, "track_started", (3,))
    plan = RedactionPlan(reviewed=((20, 25), b, a))
    data = json.loads(plan.to_json())
    assert data["reviewed"] == [[20, 25]]
    assert data["review_marks"] == [
        {"frames": [20, 25], "reason": "track_ended", "tracks": [2]},
        {"frames": [20, 25], "reason": "track_started", "tracks": [3]}]
    back = RedactionPlan.from_json(plan.to_json())
    assert back.sha256() == plan.sha256() and back == replace(plan, reviewed=((20, 25), a, b))
    assert set(back.reviewed) == {(20, 25), a, b}
    assert plan.sha256() != RedactionPlan(reviewed=((20, 25), a)).sha256()
    # a mark is its frames to whoever unpacks it, and equal to no bare pair nor other risk
    first, last = a
    assert (first, last) == a.frames == (20, 25)
    pair = (20, 25)
    assert a != pair and pair != a and (pair == a) is False and a != b and pair not in {a, b}
    assert copy.deepcopy(a) == a == pickle.loads(pickle.dumps(a))
    assert a == ReviewMark(20, 25, "track_ended", (2,)) and len({a, copy.copy(a)}) == 1
    for bad in ([[20, 25]], [{"frames": [20], "reason": "x"}],
                [{"frames": [20, 25], "reason": 3}], [{"frames": [20, 25], "reason": "x",
                                                        "tracks": ["2"]}],
                [{"frames": [20, True], "reason": "x"}], {"frames": [20, 25]}):
        with pytest.raises(InvalidInputError):
            RedactionPlan.from_dict({**RedactionPlan().to_dict(), "review_marks": bad})


def test_unmarking_an_item_takes_off_its_marks_and_an_older_pair_over_its_frames() -> None:
    ended = ReviewRange(20, 25, ReviewReason.TRACK_ENDED, 2)
    started = ReviewRange(20, 25, ReviewReason.TRACK_STARTED, 3)
    plan, text = plan_edits.mark_reviewed(RedactionPlan(), *ended.key, risks=ended.risks())
    assert plan.reviewed == ended.risks() and text == "mark frames 20-25 as reviewed"
    plan, _ = plan_edits.mark_reviewed(plan, *ended.key, risks=ended.risks())  # once only
    assert plan.reviewed == ended.risks()
    assert ended.done(plan.reviewed) and not started.done(plan.reviewed)
    older = RedactionPlan(reviewed=((20, 25), (30, 35)))
    plan, _ = plan_edits.mark_reviewed(older, *started.key, risks=started.risks())
    assert ended.done(plan.reviewed)  # the older pair still counts for it
    plan, _ = plan_edits.mark_reviewed(plan, *started.key, reviewed=False,
                                       risks=started.risks())
    assert plan.reviewed == ((30, 35),) and not started.done(plan.reviewed)
