"""One review item per look: ranges that ask a person to check the same frames are grouped
(``review.grouped``), and a plan's marks made before or after grouping still count."""

from __future__ import annotations

from dataclasses import replace

from app.core.redaction import plan_edits
from app.core.redaction.plan import RedactionPlan
from app.core.redaction.plan_review import plan_review
from app.core.tracking.review import (
    ReviewRange,
    ReviewReason,
    grouped,
    inside,
    review_ranges,
    stretch_gap,
)
from app.core.tracking.tracker import build_tracks
from tests.core.test_tracking import SETTINGS, _run

Boxes = dict[int, list[tuple[float, float, float, float]]]


def _walker(count: int) -> Boxes:
    """A face walking along the bottom edge the whole clip: faces on every frame, and no
    item of its own (at the picture edge)."""
    return {i: [(100.0 + 5 * i, 320.0, 40.0, 40.0)] for i in range(count)}


def test_faces_that_appear_together_are_one_item() -> None:
    frames = _walker(60)
    for i in range(20, 60):  # three people found on frame 20, far apart, mid-picture
        frames[i] += [(100.0, 100.0, 40.0, 40.0), (300.0, 100.0, 40.0, 40.0),
                      (500.0, 100.0, 40.0, 40.0)]
    for i in range(22, 60):  # a fourth two frames later: its range overlaps theirs
        frames[i].append((300.0, 220.0, 40.0, 40.0))
    for i in range(45, 60):  # a fifth much later: a look of its own
        frames[i].append((450.0, 200.0, 40.0, 40.0))
    run = _run(frames, 60)
    tracks = build_tracks(run, 60, 10.0, SETTINGS)
    raw = review_ranges(run, tracks, 60, 10.0)
    assert [r.reason for r in raw] == [ReviewReason.TRACK_STARTED] * 5
    items = grouped(raw)
    assert [(r.reason, r.start_frame, r.end_frame) for r in items] == [
        (ReviewReason.TRACK_STARTED, 15, 22), (ReviewReason.TRACK_STARTED, 40, 45)]
    together, alone = items
    people = {r.track_id for r in raw[:4]}
    assert {together.track_id, *together.also} == people and len(together.also) == 3
    assert set(together.parts) == {(15, 20), (17, 22)} and alone.parts == alone.also == ()
    assert together.as_dict()["also_tracks"] == list(together.also)
    assert "also_tracks" not in alone.as_dict()


def test_a_face_lost_as_a_stretch_with_no_face_begins_is_that_stretch() -> None:
    """Lost mid-picture on frame 9, then nothing found until 25 when a face appears mid-
    picture: one look at frames 9-25, not three items (vanished, faces lost, appeared)."""
    frames: Boxes = {i: [(300.0, 150.0, 40.0, 40.0)] for i in range(10)}
    frames.update({i: [(100.0, 100.0, 40.0, 40.0)] for i in range(25, 50)})
    run = _run(frames, 50)
    tracks = build_tracks(run, 50, 10.0, SETTINGS)
    raw = review_ranges(run, tracks, 50, 10.0)
    assert sorted(r.reason.value for r in raw) == ["faces_lost", "track_ended",
                                                   "track_started"]
    (item,) = grouped(raw)
    assert (item.reason, item.start_frame, item.end_frame) == (ReviewReason.FACES_LOST, 9, 25)
    assert item.track_id is None and set(item.also) == {t.id for t in tracks}
    assert set(item.parts) == {r.key for r in raw}


def test_ranges_apart_stay_apart_and_pairs_are_never_grouped() -> None:
    pair = ReviewRange(10, 20, ReviewReason.SAME_PERSON, 1, 2)
    camera = ReviewRange(12, 18, ReviewReason.CAMERA_FAST)
    came = ReviewRange(14, 19, ReviewReason.TRACK_STARTED, 3)
    later = ReviewRange(21, 26, ReviewReason.TRACK_STARTED, 4)  # a frame apart: not touching
    went = ReviewRange(30, 35, ReviewReason.TRACK_ENDED, 5)
    lost_late = ReviewRange(37, 40, ReviewReason.FACES_LOST)  # begins after its range
    ranges = [pair, camera, came, later, went, lost_late]
    assert grouped(ranges) == sorted(ranges, key=lambda r: (r.start_frame, r.end_frame))
    touching = ReviewRange(20, 25, ReviewReason.TRACK_STARTED, 6)
    joined = [r for r in grouped([came, touching]) if r.reason is ReviewReason.TRACK_STARTED]
    assert [(r.start_frame, r.end_frame, r.track_id, r.also) for r in joined] == [
        (14, 25, 3, (6,))]


def test_a_group_is_checked_by_its_own_mark_or_by_every_part() -> None:
    a = ReviewRange(15, 20, ReviewReason.TRACK_STARTED, 1)
    b = ReviewRange(17, 22, ReviewReason.TRACK_STARTED, 2)
    (group,) = grouped([a, b])
    assert group.key == (15, 22)
    assert not group.done([]) and not group.done([a.key])
    assert group.done([a.key, b.key])  # both marked one by one, before they were grouped
    assert not group.done([group.key])  # its span alone says nothing of what lies in it
    plan, _ = plan_edits.mark_reviewed(RedactionPlan(), *group.key, parts=group.parts)
    assert set(plan.reviewed) == {a.key, b.key} == set(group.marks())
    # the group changes (person 2 marked not a face, so only person 1's range is left):
    # what was checked stays checked
    assert a.done(plan.reviewed) and group.done(plan.reviewed)
    plan, _ = plan_edits.mark_reviewed(plan, *group.key, reviewed=False, parts=group.parts)
    assert plan.reviewed == ()
    # a newcomer joins the group: the group needs another look
    c = ReviewRange(21, 24, ReviewReason.TRACK_STARTED, 3)
    (bigger,) = grouped([a, b, c])
    assert not bigger.done([group.key, a.key, b.key])
    within = ReviewRange(16, 21, ReviewReason.TRACK_STARTED, 4)  # inside the group's span
    (same_span,) = grouped([a, b, within])
    assert same_span.key == group.key and not same_span.done([group.key, a.key, b.key])


def test_a_face_set_back_inside_a_checked_group_is_open_again() -> None:
    """Review finding: faces 2, 3, 4 vanish mid-picture; 4 marked not a face, the group of
    2 and 3 checked; 4 set back to a face: its range joins the group within the same span,
    and the item is open again (it was never looked at as a face)."""
    frames = _walker(50)
    for i in range(50):
        if i <= 18:
            frames[i].append((100.0, 100.0, 40.0, 40.0))
        if i <= 22:
            frames[i].append((300.0, 100.0, 40.0, 40.0))
        if i <= 20:
            frames[i].append((500.0, 100.0, 40.0, 40.0))
    run = _run(frames, 50)
    tracks = build_tracks(run, 50, 10.0, SETTINGS)
    middle = next(t for t in tracks if t.detected_frames[-1] == 20)
    settled = RedactionPlan(false_positive_tracks=(middle.id,))
    (item,) = plan_review(run, tracks, tracks, settled, 50, 10.0)
    assert middle.id not in (item.track_id, *item.also) and len(item.also) == 1
    checked, _ = plan_edits.mark_reviewed(settled, *item.key, parts=item.parts)
    assert all(r.done(checked.reviewed)
               for r in plan_review(run, tracks, tracks, checked, 50, 10.0))
    # 4 is a face after all; the group's own span marked too (as a range with that span,
    # or an older plan, could have it): still open
    back = RedactionPlan(reviewed=(*checked.reviewed, item.key))
    (again,) = plan_review(run, tracks, tracks, back, 50, 10.0)
    assert again.key == item.key and middle.id in again.also
    assert not again.done(back.reviewed)


def test_the_plan_lists_grouped_items_and_a_mark_clears_them() -> None:
    frames = _walker(50)
    for i in range(20, 50):
        frames[i] += [(150.0, 100.0, 40.0, 40.0), (450.0, 100.0, 40.0, 40.0)]
    run = _run(frames, 50)
    tracks = build_tracks(run, 50, 10.0, SETTINGS)
    plan = RedactionPlan()
    (item,) = plan_review(run, tracks, tracks, plan, 50, 10.0)
    assert item.reason is ReviewReason.TRACK_STARTED and len(item.also) == 1
    plan, _ = plan_edits.mark_reviewed(plan, *item.key, parts=item.parts)
    assert all(r.done(plan.reviewed) for r in plan_review(run, tracks, tracks, plan, 50, 10.0))


def test_a_sighting_on_the_stretchs_own_end_frame_still_joins_it() -> None:
    """With detection every few frames a face is first found on the last frame of a stretch
    with no face (its box found between key frames), or last seen on its first: still one
    look. A stretch over two frames before the face's range is not."""
    no_face = ReviewRange(0, 17, ReviewReason.NO_FACES)
    came = ReviewRange(5, 17, ReviewReason.TRACK_STARTED, 1)
    assert [(r.start_frame, r.end_frame, r.also) for r in grouped([no_face, came])] == [
        (0, 17, (1,))]
    went = ReviewRange(9, 14, ReviewReason.TRACK_ENDED, 2)
    lost = ReviewRange(9, 20, ReviewReason.FACES_LOST)
    assert [(r.start_frame, r.end_frame, r.also) for r in grouped([went, lost])] == [
        (9, 20, (2,))]
    early = ReviewRange(0, 3, ReviewReason.NO_FACES)
    assert len(grouped([early, came])) == 2
    late = ReviewRange(16, 20, ReviewReason.FACES_LOST)  # begins two frames after its range
    assert len(grouped([went, late])) == 2


def test_stretches_half_a_second_apart_are_one_look() -> None:
    """Face A lost mid-picture on frame 9, face B seen on frames 20-24 only, then nothing to
    the end: at 10 fps one look at frames 9-49 (stretch_gap: 5 frames), naming A and B,
    instead of five items; with no gap allowed, the two stretches stay apart."""
    frames: Boxes = {i: [(300.0, 150.0, 40.0, 40.0)] for i in range(10)}
    frames.update({i: [(100.0, 100.0, 40.0, 40.0)] for i in range(20, 25)})
    run = _run(frames, 50)
    tracks = build_tracks(run, 50, 10.0, SETTINGS)
    raw = review_ranges(run, tracks, 50, 10.0)
    assert len(raw) == 5
    assert stretch_gap(10.0) == 5
    (item,) = grouped(raw, stretch_gap(10.0))
    assert (item.reason, item.start_frame, item.end_frame) == (ReviewReason.FACES_LOST, 9, 49)
    assert set(item.also) == {t.id for t in tracks} and len(tracks) == 2
    assert len([r for r in grouped(raw) if r.reason is ReviewReason.FACES_LOST]) == 2
    assert (item,) == tuple(plan_review(run, tracks, tracks, RedactionPlan(), 50, 10.0))


def test_a_stretch_that_took_in_a_face_is_never_part_of_a_same_person_answer() -> None:
    """Answering "the same person?" marks the stretches with no face between the two
    sightings as checked (``inside``); never one that took in another face's coming or
    going, which is still to be looked at."""
    pair = ReviewRange(9, 24, ReviewReason.SAME_PERSON, 1, 2)
    stretch = ReviewRange(10, 20, ReviewReason.FACES_LOST)
    assert inside(stretch, pair)
    assert not inside(replace(stretch, also=(3,)), pair)
    assert not inside(ReviewRange(10, 14, ReviewReason.TRACK_ENDED, 3), pair)


def test_a_face_lost_within_a_camera_swing_is_that_swings_item() -> None:
    swing = ReviewRange(12, 30, ReviewReason.CAMERA_FAST)
    went = ReviewRange(15, 20, ReviewReason.TRACK_ENDED, 5)  # wholly within the swing
    came = ReviewRange(28, 33, ReviewReason.TRACK_STARTED, 6)  # runs on past its end
    pair = ReviewRange(14, 18, ReviewReason.SAME_PERSON, 7, 8)  # an answer of its own
    items = grouped([swing, went, came, pair])
    assert [(r.reason, r.start_frame, r.end_frame, r.also) for r in items] == [
        (ReviewReason.CAMERA_FAST, 12, 30, (5,)), (ReviewReason.SAME_PERSON, 14, 18, ()),
        (ReviewReason.TRACK_STARTED, 28, 33, ())]
    joined = items[0]
    assert set(joined.marks()) == {swing.key, went.key}
    assert joined.done([swing.key, went.key]) and not joined.done([swing.key])
    # "the same person?" answers who two tracks are, not what a swing blurred
    assert not inside(swing, ReviewRange(10, 35, ReviewReason.SAME_PERSON, 7, 8))
    assert inside(ReviewRange(13, 16, ReviewReason.FACES_LOST),
                  ReviewRange(10, 35, ReviewReason.SAME_PERSON, 7, 8))


def test_a_face_paired_as_lost_still_has_its_own_coming_to_check() -> None:
    """A face that appeared and vanished mid-picture, then one found where it was: the pair
    is one "same person?" item, and the first face's own appearance is still an item (a
    track can be both a pair's lost face and a face that started in the open). Found
    exactly PAIR_S after the loss still pairs; a frame later it does not."""
    for found, pairs in ((35, True), (36, False)):
        frames: Boxes = {i: [(300.0, 150.0, 40.0, 40.0)] for i in range(10, 21)}
        frames.update({i: [(300.0, 150.0, 40.0, 40.0)] for i in range(found, 60)})
        frames.update({i: [*frames.get(i, []), (60.0, 40.0, 40.0, 40.0)] for i in range(60)})
        run = _run(frames, 60)  # (a face in the corner throughout: no stretch without one)
        tracks = build_tracks(run, 60, 10.0, SETTINGS)
        raw = review_ranges(run, tracks, 60, 10.0)
        kinds = sorted((r.reason.value, r.start_frame, r.end_frame) for r in raw)
        if pairs:
            assert kinds == [("same_person", 20, 35), ("track_started", 5, 10)]
        else:
            assert kinds == [("track_ended", 20, 25), ("track_started", 5, 10),
                             ("track_started", 31, 36)]
