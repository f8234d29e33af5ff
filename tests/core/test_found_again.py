"""Tracker rule 4: a face lost for a while and found again near its last box is one track
(synthetic runs), never when another face could be it, never at the picture's edge, and the
boxes of the gap are grown as padding grows."""

from __future__ import annotations

from dataclasses import replace

from app.core.detection.detector import Detection
from app.core.detection.presets import get_preset
from app.core.detection.video import DetectionRun, FrameDetections
from app.core.redaction import plan_edits
from app.core.redaction.plan import RedactionPlan
from app.core.redaction.plan_review import plan_review
from app.core.redaction.render import frame_regions
from app.core.tracking.edits import merge_tracks, split_track
from app.core.tracking.review import ReviewReason
from app.core.tracking.tracker import BoxKind, TrackBox, TrackerSettings, build_tracks

Box = tuple[float, float, float, float]
SETTINGS = TrackerSettings(max_gap_s=1.0, pad_before_s=0.2, pad_after_s=0.3)


def _run(frames: dict[int, list[Box]], count: int, rules: int) -> DetectionRun:
    preset = replace(get_preset("balanced"), tracker_rules=rules)
    run = DetectionRun("synthetic", 640, 360, 0, preset, [])
    for i in range(count):
        boxes = [Detection(x, y, w, h, 0.9, "yunet") for x, y, w, h in frames.get(i, [])]
        run.frames.append(FrameDetections(i, i / 10, boxes, True))
    return run


# A face walks right 10 px a frame for six frames, stops behind someone for eight (not
# found), and is found again 4 px from where it was last seen: the prediction carried over
# the gap (90 px on) is nowhere near, so rule 3 starts a second track.
WALKS_AND_STOPS: dict[int, list[Box]] = {
    **{i: [(200.0 + 10 * i, 150.0, 30.0, 36.0)] for i in range(6)},
    **{i: [(254.0, 152.0, 30.0, 36.0)] for i in range(14, 20)}}


def test_a_face_found_again_near_its_last_box_is_one_track() -> None:
    before = build_tracks(_run(WALKS_AND_STOPS, 20, 3), 20, 10.0, SETTINGS)
    assert [t.detected_frames for t in before] == [list(range(6)), list(range(14, 20))]
    (track,) = build_tracks(_run(WALKS_AND_STOPS, 20, 4), 20, 10.0, SETTINGS)
    assert track.id == 1 and track.detected_frames == [*range(6), *range(14, 20)]
    assert track.bridged == {14}
    assert all(track.box_at(f) is not None for f in range(20))  # no frame uncovered


def _covers(outer: TrackBox | None, inner: TrackBox | None) -> bool:
    return inner is None or (outer is not None and outer.x <= inner.x + 1e-6
                             and outer.y <= inner.y + 1e-6
                             and outer.x + outer.w >= inner.x + inner.w - 1e-6
                             and outer.y + outer.h >= inner.y + inner.h - 1e-6)


def test_the_boxes_of_the_gap_cover_what_two_tracks_did_and_the_line_between() -> None:
    """The face was not seen in the gap. Each box there holds what rule 3's two tracks
    padded (the walking face carried on along its motion, the one found again carried
    back), and the straight line between the two ends grown with the distance from the
    nearer one, up to half its size: finding the face again never uncovers a frame."""
    (track,) = build_tracks(_run(WALKS_AND_STOPS, 20, 4), 20, 10.0, SETTINGS)
    before = build_tracks(_run(WALKS_AND_STOPS, 20, 3), 20, 10.0, SETTINGS)
    for f in range(20):
        box = track.box_at(f)
        assert all(_covers(box, old.box_at(f)) for old in before), f
    # frame 6, just after the walking face was lost: carried on 10 px, as rule 3 did
    assert track.box_at(6).x + track.box_at(6).w >= 290  # type: ignore[union-attr]
    widths = []
    for f in range(6, 14):
        box = track.box_at(f)
        assert box is not None and box.kind is BoxKind.INTERPOLATED
        t = (f - 5) / 9
        x, y = 250 + 4 * t, 150 + 2 * t  # the straight line between the two ends
        assert box.x <= x - 1 and box.y <= y - 1  # grown
        assert box.x + box.w >= x + 31 and box.y + box.h >= y + 37
        widths.append(box.w)
    assert max(widths) <= 30 + 2 * 0.5 * 36 + 10 * 3 + 1e-6  # bounded: padding's growth
    # A gap the tracker bridges by its usual rule (the prediction found it) is not grown.
    steady = {i: [(200.0, 150.0, 30.0, 36.0)] for i in (*range(6), *range(9, 14))}
    (plain,) = build_tracks(_run(steady, 14, 4), 14, 10.0, SETTINGS)
    assert not plain.bridged and plain.box_at(7).w == 30  # type: ignore[union-attr]


def test_a_split_or_a_merge_keeps_the_gap_grown() -> None:
    (track,) = build_tracks(_run(WALKS_AND_STOPS, 20, 4), 20, 10.0, SETTINGS)
    grown = track.box_at(10)
    first, second = split_track(track, 17, 2)  # split after the gap: the first keeps it
    assert first.bridged == {14} and first.box_at(10) == grown
    assert second.bridged == set()
    merged = merge_tracks([first, second])
    assert merged.bridged == {14} and merged.box_at(10) == grown


def test_a_split_where_the_face_is_found_again_pads_the_new_part_back() -> None:
    """"Not the same person": split at the box found again. The part found again is
    padded back as a track of its own was under rule 3 (its pad_before, 2 frames here), the
    part before runs on to the cut: every frame rule 3 covered is still covered."""
    (track,) = build_tracks(_run(WALKS_AND_STOPS, 20, 4), 20, 10.0, SETTINGS)
    before = build_tracks(_run(WALKS_AND_STOPS, 20, 3), 20, 10.0, SETTINGS)
    first, second = split_track(track, 14, 2)
    assert (first.last_frame, second.first_frame) == (13, 12)
    for f in range(20):
        parts = [p.box_at(f) for p in (first, second)]
        assert all(any(_covers(p, old.box_at(f)) for p in parts) for old in before), f


def test_no_link_where_another_face_could_be_it() -> None:
    """Someone else is found near the lost face's last box too (a crowd): no box can only
    be that face, so nothing is linked and each stays its own track."""
    two_found = {**WALKS_AND_STOPS,
                 **{i: [(254.0, 152.0, 30.0, 36.0), (228.0, 160.0, 30.0, 36.0)]
                    for i in range(14, 20)}}
    tracks = build_tracks(_run(two_found, 20, 4), 20, 10.0, SETTINGS)
    assert [t.detected_frames for t in tracks] == [list(range(6)), *[list(range(14, 20))] * 2]
    assert not any(t.bridged for t in tracks)
    # A face still tracked beside the lost one could be the box found: no link either.
    beside = {i: [*WALKS_AND_STOPS.get(i, []), (266.0, 184.0, 30.0, 36.0)] for i in range(20)}
    tracks = build_tracks(_run(beside, 20, 4), 20, 10.0, SETTINGS)
    assert sorted(t.detected_frames for t in tracks) == sorted(
        [list(range(6)), list(range(14, 20)), list(range(20))])


def test_no_link_at_the_picture_edge_nor_after_the_longest_gap() -> None:
    """A face lost at the picture's edge walked out: a face found there later is someone
    walking in. And a face lost for longer than the tracker's longest gap has ended."""
    at_edge = {**{i: [(570.0 + 10 * i, 150.0, 30.0, 36.0)] for i in range(4)},
               **{i: [(596.0, 152.0, 30.0, 36.0)] for i in range(12, 16)}}
    tracks = build_tracks(_run(at_edge, 16, 4), 16, 10.0, SETTINGS)
    assert [t.detected_frames for t in tracks] == [list(range(4)), list(range(12, 16))]
    late = {**WALKS_AND_STOPS, **{i: [(254.0, 152.0, 30.0, 36.0)] for i in range(17, 22)}}
    del late[14], late[15], late[16]  # lost for 11 frames: the longest gap at 10 fps is 10
    tracks = build_tracks(_run(late, 22, 4), 22, 10.0, SETTINGS)
    assert [t.detected_frames for t in tracks] == [list(range(6)), list(range(17, 22))]


def test_a_box_of_another_size_is_not_the_face_found_again() -> None:
    bigger = {**WALKS_AND_STOPS, **{i: [(240.0, 140.0, 60.0, 72.0)] for i in range(14, 20)}}
    tracks = build_tracks(_run(bigger, 20, 4), 20, 10.0, SETTINGS)
    assert len(tracks) == 2 and not any(t.bridged for t in tracks)


def test_a_box_at_the_edge_still_makes_a_link_ambiguous() -> None:
    """Two boxes found near a face lost by the left edge's margin: the one at the edge could
    be it as well, so neither is linked (the box away from the edge is not taken for it)."""
    stops = {**{i: [(10.0 + 15 * i, 150.0, 30.0, 36.0)] for i in range(3)},
             **{i: [(8.0, 150.0, 30.0, 36.0), (70.0, 150.0, 30.0, 36.0)]
                for i in range(12, 16)}}
    tracks = build_tracks(_run(stops, 16, 4), 16, 10.0, SETTINGS)
    assert not any(t.bridged for t in tracks) and len(tracks) == 3
    alone = {**stops, **{i: [(70.0, 150.0, 30.0, 36.0)] for i in range(12, 16)}}
    (track,) = build_tracks(_run(alone, 16, 4), 16, 10.0, SETTINGS)
    assert track.bridged == {12}


def test_a_kept_face_found_again_is_asked_about_and_a_redacted_one_is_not() -> None:
    """Keeping a track visible shows every frame of it: if the box found again was someone
    else, they would be shown. So a kept track's bridged gap is a review item ("the same
    person?"), which marking it checks; a redacted track's is none (both sides hidden)."""
    run = _run(WALKS_AND_STOPS, 20, 4)
    tracks = build_tracks(run, 20, 10.0, SETTINGS)
    redacted = plan_review(run, tracks, tracks, RedactionPlan(), 20, 10.0)
    assert not any(r.reason is ReviewReason.FOUND_AGAIN for r in redacted)
    kept = RedactionPlan(keep_tracks=(1,))
    (item,) = [r for r in plan_review(run, tracks, tracks, kept, 20, 10.0)
               if r.reason is ReviewReason.FOUND_AGAIN]
    assert (item.start_frame, item.end_frame, item.track_id) == (5, 14, 1)
    checked, _ = plan_edits.mark_reviewed(kept, 5, 14, risks=item.risks())
    assert item.done(set(checked.reviewed))
    assert not item.done(set(kept.reviewed))
    # split where the face is found again: the part split off keeps the track's action,
    # so it is asked about until it is redacted
    first, second = split_track(tracks[0], 14, 2)
    both = RedactionPlan(keep_tracks=(1, 2))
    (left,) = [r for r in plan_review(run, tracks, [first, second], both, 20, 10.0)
               if r.reason is ReviewReason.FOUND_AGAIN]
    assert (left.start_frame, left.end_frame, left.track_id) == (12, 14, 2)
    assert not [r for r in plan_review(run, tracks, [first, second], kept, 20, 10.0)
                if r.reason is ReviewReason.FOUND_AGAIN]


def test_a_kept_face_keeps_the_line_in_the_gap_not_the_grown_box() -> None:
    """What is kept visible is not grown: a larger kept region would show more round the
    person in an inverse export and excuse more of a bystander's face beside them."""
    (track,) = build_tracks(_run(WALKS_AND_STOPS, 20, 4), 20, 10.0, SETTINGS)
    box = track.box_at(10)
    assert box is not None and box.line is not None and box.w > box.line[2]
    assert (box.kept().x, box.kept().w) == (box.line[0], box.line[2])
    plan = RedactionPlan(keep_tracks=(1,))
    (kept,) = frame_regions(10, [(1, box)], plan, 640, 360)[1]
    (line,) = frame_regions(10, [(1, box.kept())], plan, 640, 360)[1]
    (grown,) = frame_regions(10, [(1, replace(box, line=None))], plan, 640, 360)[1]
    assert kept == line and kept.x2 - kept.x1 < grown.x2 - grown.x1
    (hidden,) = frame_regions(10, [(1, box)], RedactionPlan(), 640, 360)[0]
    assert hidden.x2 - hidden.x1 > grown.x2 - grown.x1  # redacted: grown, and padded more
    outside = track.box_at(3)  # a detected box: kept as it is
    assert outside is not None and outside.kept() is outside


def test_nothing_near_either_end_of_the_link() -> None:
    """Another box near the box found again (though not near the lost face's last box), or
    a face still tracked beside the lost face's last box (though not near the box found
    again): either could be the face, so nothing is linked."""
    near_found = {**WALKS_AND_STOPS,
                  **{i: [(254.0, 152.0, 30.0, 36.0), (288.0, 152.0, 30.0, 36.0)]
                     for i in range(14, 20)}}  # 34 px from the box found, 38 from the last
    tracks = build_tracks(_run(near_found, 20, 4), 20, 10.0, SETTINGS)
    assert len(tracks) == 3 and not any(t.bridged for t in tracks)
    beside_last = {i: [*WALKS_AND_STOPS.get(i, []), (250.0, 116.0, 30.0, 36.0)]
                   for i in range(20)}  # 34 px from the last box, 36.2 from the box found
    tracks = build_tracks(_run(beside_last, 20, 4), 20, 10.0, SETTINGS)
    assert sorted(t.detected_frames for t in tracks) == sorted(
        [list(range(6)), list(range(14, 20)), list(range(20))])
    assert not any(t.bridged for t in tracks)


def test_not_the_same_person_redacts_the_part_found_again() -> None:
    """The answer "no" to a kept face found again: one edit cuts the track where it was
    found again and redacts that part (a plain split would keep it visible too)."""
    run = _run(WALKS_AND_STOPS, 20, 4)
    tracks = build_tracks(run, 20, 10.0, SETTINGS)
    kept = RedactionPlan(keep_tracks=(1,))
    plain, _text, part = plan_edits.split(kept, tracks, 1, 14)
    assert part in plain.keep_tracks  # a plain split keeps the new part visible
    plan, text = plan_edits.someone_else(kept, tracks, 1, 14)
    assert plan.keep_tracks == (1,) and text == (
        "track 1 is someone else from frame 14: redact it there")
    edited = plan_edits.effective_tracks(tracks, plan)
    assert [t.detected_frames for t in edited] == [list(range(6)), list(range(14, 20))]
    assert not [r for r in plan_review(run, tracks, edited, plan, 20, 10.0)
                if r.reason is ReviewReason.FOUND_AGAIN]  # nothing left to ask


def test_not_the_same_person_on_a_part_split_off_there_redacts_it_whole() -> None:
    """A kept part that begins where the face was found again (split off there before, as a
    split part keeps its track's action) is redacted whole: there is nothing to cut."""
    run = _run(WALKS_AND_STOPS, 20, 4)
    tracks = build_tracks(run, 20, 10.0, SETTINGS)
    kept = RedactionPlan(keep_tracks=(1,), reasons={"track:1": "Requester"})
    split_plan, _text, part = plan_edits.split(kept, tracks, 1, 12)
    assert part in split_plan.keep_tracks
    plan, _said = plan_edits.someone_else(split_plan, tracks, part, 14)
    assert plan.keep_tracks == (1,) and plan.reasons == {"track:1": "Requester"}
    assert len(plan_edits.effective_tracks(tracks, plan)) == 2  # no further cut
