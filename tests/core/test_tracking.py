"""Tracking: stable ids, interpolation, padding, gaps, and review ranges (synthetic runs)."""

from __future__ import annotations

from dataclasses import replace

from app.core.detection.detector import Detection
from app.core.detection.presets import get_preset, preset_from_dict
from app.core.detection.video import DetectionRun, FrameDetections
from app.core.tracking.edits import EditOp, TrackEdit, apply_track_edits, split_cuts
from app.core.tracking.review import ReviewReason, review_ranges
from app.core.tracking.tracker import BoxKind, TrackerSettings, boxes_by_frame, build_tracks


def _run(frames: dict[int, list[tuple[float, float, float, float]]], count: int,
         stride: int = 1) -> DetectionRun:
    run = DetectionRun("synthetic", 640, 360, 0, get_preset("fast"), [])
    for i in range(count):
        detected = i % stride == 0 or i == count - 1
        boxes = [Detection(x, y, w, h, 0.9, "centerface") for x, y, w, h in frames.get(i, [])]
        run.frames.append(FrameDetections(i, i / 10, boxes if detected else [], detected))
    return run


SETTINGS = TrackerSettings(max_gap_s=0.5, pad_before_s=0.2, pad_after_s=0.3)


def test_two_people_keep_their_ids_and_gaps_are_interpolated() -> None:
    # person A moves right 10 px a frame; person B stands still; detections every 3rd frame
    frames = {i: [(100 + 10 * i, 50, 40, 40), (400, 200, 60, 60)] for i in range(0, 31, 3)}
    tracks = build_tracks(_run(frames, 31, stride=3), 31, 10.0, SETTINGS)
    assert [t.id for t in tracks] == [1, 2]
    a, b = tracks
    assert a.detected_frames == list(range(0, 31, 3))
    box = a.box_at(4)  # between detections at 3 and 6: interpolated, moving with the face
    assert box is not None and box.kind is BoxKind.INTERPOLATED and box.x == 140
    assert b.box_at(5) is not None and b.box_at(5).x == 400  # type: ignore[union-attr]
    per_frame = boxes_by_frame(tracks, 31)
    assert all(len(boxes) == 2 for boxes in per_frame)  # nobody flashes visible


def test_padding_before_and_after_and_clipping_to_the_clip() -> None:
    frames = {i: [(100, 100, 50, 50)] for i in range(10, 21)}
    (track,) = build_tracks(_run(frames, 40), 40, 10.0, SETTINGS)
    assert (track.first_frame, track.last_frame) == (8, 23)
    assert track.box_at(8).kind is BoxKind.PADDED  # type: ignore[union-attr]
    assert track.box_at(7) is None and track.box_at(24) is None
    (edge,) = build_tracks(_run({0: [(5, 5, 20, 20)]}, 3), 3, 10.0, SETTINGS)
    assert (edge.first_frame, edge.last_frame) == (0, 2)


def test_padding_past_a_shrinking_track_never_shrinks_or_turns_inside_out() -> None:
    """The last detections shrink fast (a face turning away, or a box that was too big):
    the boxes padded past the end keep at least the last box's size, move with its centre
    and grow with the distance; before, the edges' own motion was carried on, so the box
    shrank to nothing and then turned inside out, and the face went unhidden."""
    frames = {10: [(100, 100, 80, 80)], 11: [(115, 115, 50, 50)], 12: [(130, 130, 20, 20)]}
    settings = TrackerSettings(max_gap_s=0.5, pad_before_s=0.2, pad_after_s=1.0)
    (track,) = build_tracks(_run(frames, 40), 40, 10.0, settings)
    sizes = []
    for frame in range(13, track.last_frame + 1):
        box = track.box_at(frame)
        assert box is not None and box.kind is BoxKind.PADDED
        assert box.w >= 20 and box.h >= 20, (frame, box)
        # the centre stays where the face was heading (it did not move: 140, 140)
        assert abs(box.x + box.w / 2 - 140) < 1 and abs(box.y + box.h / 2 - 140) < 1
        sizes.append(box.w)
    assert sizes == sorted(sizes) and sizes[-1] > sizes[0]  # grows with the distance
    before = track.box_at(track.first_frame)  # back in time it was bigger: as big as then
    assert before is not None and before.w >= 80 + (10 - track.first_frame) * 30


def test_a_long_gap_starts_a_new_track_and_fast_small_faces_still_link() -> None:
    frames = {0: [(100, 100, 20, 20)], 1: [(125, 100, 20, 20)], 2: [(150, 100, 20, 20)],
              20: [(150, 100, 20, 20)]}
    tracks = build_tracks(_run(frames, 25), 25, 10.0, SETTINGS)
    assert [t.detected_frames for t in tracks] == [[0, 1, 2], [20]]


# One face: a loose box (one network's, hair and chin) for five frames, then a tight one
# (another's, or a zoom out) moving on slowly: the box shrinks fast between two frames.
SHRINKS: dict[int, list[tuple[float, float, float, float]]] = {
    **{i: [(180.0 + i, 50.0, 100.0, 120.0)] for i in range(4)},
    **{i: [(206.0 + i, 54.0, 30.0, 40.0)] for i in range(4, 13)}}


def test_a_box_that_shrinks_fast_stays_one_track() -> None:
    """Rule 1 carried each edge's motion on, so the box predicted after the shrink was
    inside out and the same face's next box began a new track (a "same person?" item, a
    second decision); rule 2 keeps the predicted box between 2/3 and 3/2 of its size.
    A run stored under rule 1 is still linked by it (its plan's numbers stay true)."""
    now = build_tracks(_run(SHRINKS, 13), 13, 10.0, SETTINGS)
    assert [t.detected_frames for t in now] == [list(range(13))]
    first = _run(SHRINKS, 13)
    first.preset = replace(first.preset, tracker_rules=1)
    before = build_tracks(first, 13, 10.0, SETTINGS)
    assert [t.detected_frames for t in before] == [[0, 1, 2, 3, 4], list(range(5, 13))]


def test_a_shrinking_box_beside_another_face_keeps_to_its_own() -> None:
    """In a crowd the shrunk face's predicted box (never larger than its last box) must not
    take its neighbour's detections, nor the neighbour its: two tracks, each its own."""
    beside = (252.0, 60.0, 40.0, 48.0)  # a face just right of the loose box, steady
    frames = {i: [*boxes, (beside[0] + i, *beside[1:])] for i, boxes in SHRINKS.items()}
    first, second = build_tracks(_run(frames, 13), 13, 10.0, SETTINGS)
    assert first.detected_frames == second.detected_frames == list(range(13))
    assert all(first.keyframes[f][2] <= 280 + f for f in range(13))  # the shrinking face
    assert all(second.keyframes[f][0] == 252 + f for f in range(13))  # the one beside


def test_runs_stored_under_the_first_tracker_rules_keep_their_key() -> None:
    stored = {**get_preset("balanced").as_dict()}
    assert stored.pop("tracker_rules") == 4  # the default since 2026-12-05: a new run key
    old = preset_from_dict(stored)
    assert old.tracker_rules == 1 and old.as_dict() == stored  # the stored run's key holds
    assert preset_from_dict(get_preset("balanced").as_dict()).tracker_rules == 4
    third = {**stored, "tracker_rules": 3}  # a run of the edge drop's first day
    assert preset_from_dict(third).as_dict() == third
    assert get_preset("fast").tracker_rules == 2  # no edge drop there: nothing to drop
    second = {**stored, "tracker_rules": 2}
    second.pop("edge_drop")  # a run of 2026-12-04
    assert preset_from_dict(second).as_dict() == second
    assert preset_from_dict(second).edge_drop == 0.0


def test_review_ranges_name_what_to_check() -> None:
    # faces on frames 0-9, nothing on 10-19, a face appears mid-picture at 20 and vanishes
    frames = {i: [(300, 150, 40, 40)] for i in range(10)}
    frames.update({i: [(200, 100, 40, 40)] for i in range(20, 25)})
    run = _run(frames, 40)
    tracks = build_tracks(run, 40, 10.0, SETTINGS)
    reasons = {(r.reason, r.start_frame, r.end_frame) for r in review_ranges(run, tracks, 40,
                                                                             10.0)}
    assert (ReviewReason.FACES_LOST, 10, 19) in reasons
    assert (ReviewReason.FACES_LOST, 25, 39) in reasons
    assert any(r == ReviewReason.TRACK_ENDED for r, _, _ in reasons)
    assert any(r == ReviewReason.TRACK_STARTED and s <= 20 <= e for r, s, e in reasons)
    empty = _run({}, 5)
    assert [(r.reason, r.start_frame, r.end_frame) for r in review_ranges(empty, [], 5, 10.0)] \
        == [(ReviewReason.NO_FACES, 0, 4)]
    # a face first found on frame 2 has its boxes carried back to frame 0 (the tracker's
    # padding before a track): hidden from the clip's first frame, no item; first found on
    # frame 6, the frames before its boxes could have shown it: an item
    for found_at, listed in ((2, False), (6, True)):
        run = _run({i: [(200, 100, 40, 40)] for i in range(found_at, 30)}, 40)
        tracks = build_tracks(run, 40, 10.0, SETTINGS)
        assert (tracks[0].first_frame == 0) is not listed
        started = [r for r in review_ranges(run, tracks, 40, 10.0)
                   if r.reason is ReviewReason.TRACK_STARTED]
        assert bool(started) is listed
    # faces last seen in the last half second (frames 34-39 at 10 fps) are no item, as a
    # track that ends there is none; last seen on frame 33, they are
    for lost_at, listed in ((36, False), (35, False), (34, True)):
        run = _run({i: [(300, 150, 40, 40)] for i in range(lost_at)}, 40)
        ranges = review_ranges(run, build_tracks(run, 40, 10.0, SETTINGS), 40, 10.0)
        found = {(r.reason, r.start_frame, r.end_frame) for r in ranges}
        assert ((ReviewReason.FACES_LOST, lost_at, 39) in found) is listed
        assert (ReviewReason.TRACK_ENDED, lost_at - 1, 39) not in found  # no track item
    # detection every 4th frame: the face last seen on frame 36, before the last half second
    # (frames 38-43), none found on 40 and 43: an item, though the first empty look is
    # within the last half second
    run = _run({i: [(300, 150, 40, 40)] for i in range(0, 37, 4)}, 44, stride=4)
    ranges = review_ranges(run, build_tracks(run, 44, 10.0, SETTINGS), 44, 10.0)
    assert (ReviewReason.FACES_LOST, 40, 43) in {(r.reason, r.start_frame, r.end_frame)
                                                 for r in ranges}


def test_one_review_item_per_risk() -> None:
    """A confident face lost mid-picture and one found beside it 1 s later are one item
    (the same person?), over the frames between; an unsure detection (score 0.3) ending in
    the open is no item (it is redacted anyway); a face walking out at the edge is none."""
    frames: dict[int, list[tuple[float, float, float, float]]] = {i: [] for i in range(40)}
    for i in range(30):  # walks out at the left edge at frame 29, mid-clip
        frames[i].append((300.0 - 10 * i, 300.0, 40.0, 40.0))
    for i in range(40):
        if i < 10:
            frames[i].append((300.0, 150.0, 40.0, 40.0))  # lost at 9, mid-picture
        elif i >= 20:
            frames[i].append((320.0, 150.0, 40.0, 40.0))  # found at 20, beside it
    run = _run(frames, 40)
    for f in range(12, 16):
        run.frames[f].boxes.append(Detection(100, 250, 30, 30, 0.3, "yunet"))  # unsure
    tracks = build_tracks(run, 40, 10.0, SETTINGS)
    ranges = review_ranges(run, tracks, 40, 10.0)
    (item,) = ranges
    lost = next(t for t in tracks if t.detected_frames[-1] == 9)
    found = next(t for t in tracks if t.detected_frames[0] == 20)
    assert (item.reason, item.start_frame, item.end_frame) == (ReviewReason.SAME_PERSON, 9, 20)
    assert (item.track_id, item.other_track) == (lost.id, found.id)
    assert item.as_dict()["other_track"] == found.id
    merged = apply_track_edits(tracks, [TrackEdit(EditOp.MERGE, (lost.id, found.id))])
    assert review_ranges(run, merged, 40, 10.0) == []  # merged: the gap is covered, no item
    far = {f: [(b[0] + 150 if f >= 20 and b[1] == 150 else b[0], *b[1:])
               for b in boxes] for f, boxes in frames.items()}  # found too far away
    far_run = _run(far, 40)
    reasons = sorted(r.reason.value for r in review_ranges(
        far_run, build_tracks(far_run, 40, 10.0, SETTINGS), 40, 10.0))
    assert reasons == ["track_ended", "track_started"]


def test_nested_pairs_are_both_listed_and_a_split_is_no_item() -> None:
    """Review findings: a "same person?" range never hides another pair inside it (only the
    stretch with no detection is part of it); the piece a person split off does not "appear"
    at the cut (nor is it asked to be joined again); the earlier piece's end stays listed."""
    frames: dict[int, list[tuple[float, float, float, float]]] = {i: [] for i in range(40)}
    for i in range(40):
        if i <= 9:
            frames[i].append((100.0, 100.0, 40.0, 40.0))  # A, lost at 9
        if i >= 24:
            frames[i].append((110.0, 100.0, 40.0, 40.0))  # found beside A's place at 24
        if i <= 10:
            frames[i].append((400.0, 100.0, 40.0, 40.0))  # B, lost at 10
        if i >= 22:
            frames[i].append((405.0, 100.0, 40.0, 40.0))  # found beside B's place at 22
    run = _run(frames, 40)
    tracks = build_tracks(run, 40, 10.0, SETTINGS)
    ranges = review_ranges(run, tracks, 40, 10.0)
    assert sorted((r.reason.value, r.start_frame, r.end_frame) for r in ranges) == [
        ("same_person", 9, 24), ("same_person", 10, 22)]
    still = {i: [(300.0, 200.0, 40.0, 40.0)] for i in range(40)}
    run = _run(still, 40)
    (track,) = build_tracks(run, 40, 10.0, SETTINGS)
    edits = [TrackEdit(EditOp.SPLIT, (track.id,), 20)]
    parts = apply_track_edits([track], edits)
    (cut,) = split_cuts([track], edits)
    assert (cut.frame, cut.parts) == (20, {track.id, track.id + 1})
    ranges = review_ranges(run, parts, 40, 10.0, cuts=(cut,))
    assert [(r.reason.value, r.track_id) for r in ranges] == [("track_ended", track.id)]
    assert [r.reason.value for r in review_ranges(run, parts, 40, 10.0)] == [
        "same_person"]  # without the cut: asked to join the two pieces again


def test_an_end_merged_away_from_the_cut_is_an_item_again() -> None:
    """Second review: split a track, then merge its first piece with the person found again
    later, who then vanishes mid-picture: that end is a real loss and is listed."""
    frames: dict[int, list[tuple[float, float, float, float]]] = {i: [] for i in range(70)}
    for i in range(70):
        if i < 30:
            frames[i].append((300.0, 200.0, 40.0, 40.0))
        if 45 <= i < 60:
            frames[i].append((310.0, 200.0, 40.0, 40.0))  # vanishes in the open at 59
    run = _run(frames, 70)
    raw = build_tracks(run, 70, 10.0, SETTINGS)
    first, later = raw
    edits = [TrackEdit(EditOp.SPLIT, (first.id,), 15),
             TrackEdit(EditOp.MERGE, (first.id, later.id))]
    tracks = apply_track_edits(raw, edits)
    ranges = review_ranges(run, tracks, 70, 10.0, cuts=split_cuts(raw, edits))
    assert ("track_ended", 59) in {(r.reason.value, r.start_frame) for r in ranges}
    twice = [TrackEdit(EditOp.SPLIT, (first.id,), 20), TrackEdit(EditOp.SPLIT, (first.id,), 10)]
    pieces = apply_track_edits(raw, twice)
    ranges = review_ranges(run, pieces, 70, 10.0, cuts=split_cuts(raw, twice))
    assert not any(r.reason.value == "track_started" and r.start_frame < 25 for r in ranges)


def test_track_summary() -> None:
    frames = {i: [(100, 100, 40 + i, 40 + i)] for i in range(5)}
    (track,) = build_tracks(_run(frames, 5), 5, 10.0, SETTINGS)
    summary = track.summary()
    assert summary["detections"] == 5 and summary["first_detected"] == 0
    assert summary["best_box"][:2] == [100.0, 100.0] and summary["max_score"] == 0.9
