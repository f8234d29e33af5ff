"""The review ranges of a plan: the risks left on the run's tracks as the person edited them
(after merges and splits), leaving out the tracks marked as not a face and the start of a
piece the person split off (never asking whether the two pieces are one person), grouped
into one item per look (``review.grouped``). The
workspace, the open items before approval and the export's manifest all list these.

A face that starts or ends away from the picture's edge is a risk only where nothing else
hides it: when, on every frame of its range, the face's head region grown by
``render.RULE_PADDING`` (its box there, or its end box carried on as padding carries it)
lies 95 % under the plan's other regions (:func:`render.frame_regions` without that track:
most often the head region of its person, found by the person detector while the face is
turned away or not yet found), the range carries no risk and is not listed; likewise a "same
person?" range (a face lost and another found beside it soon after) when both faces, and
the way between them, are so hidden, both tracks left out (``_pair_hidden``): whether or
not they are one person, nothing of them shows; the stretches with no face it took in are
listed again. Never so for an inverse plan (what is kept is drawn back over everything) or
a face kept visible. A face kept visible also gets a range over each gap the tracker
bridged in its track (a face lost and found again: ``review.found_again``), whether the box
found again is the same person."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from app.core.detection.video import DetectionRun
from app.core.redaction.head_placement import RULE_PADDING
from app.core.redaction.plan import RedactionPlan
from app.core.redaction.render import (
    face_margin,
    frame_regions,
    head_box,
    uncovered_share,
)
from app.core.tracking.edits import split_cuts
from app.core.tracking.review import (
    ReviewRange,
    ReviewReason,
    found_again,
    grouped,
    open_window,
    review_ranges,
    stretch_gap,
)
from app.core.tracking.tracker import Track, TrackBox, grown

HIDDEN_ANYWAY = 0.95  # of the face's grown head region's pixels under the other regions
_OPEN = (ReviewReason.TRACK_STARTED, ReviewReason.TRACK_ENDED, ReviewReason.SAME_PERSON)
FrameBoxes = Sequence[list[tuple[int, TrackBox]]]


@dataclass
class Memo:
    """What was worked out of each open range on the same tracks (``plan_review``'s
    ``memo``), under the plan's ``settings`` (all but its kept and dismissed tracks: other
    settings start it again, so it holds one setting's worth): per range, the tracks the
    working out looked at, those of them kept, those dismissed, and whether it is risky;
    and the ranges themselves for the last dismissed tracks and cuts (``ranges``: a keep
    changes neither)."""

    settings: tuple[object, ...] | None = None
    answers: dict[tuple[object, ...], tuple[frozenset[int], frozenset[int], frozenset[int],
                                            bool]] = field(default_factory=dict)
    ranges: tuple[tuple[object, ...], list[ReviewRange]] | None = None


def carried_memo(memo: Memo, before: list[Track], after: list[Track], fps: float) -> Memo:
    """``memo`` (worked out on the tracks ``before``) for the tracks ``after`` an edit that
    merged, split or replaced some of them (a merge, a split, their undo). An answer is kept
    only when none of the tracks it looked at, nor its range's own, changed, and no frame it
    looked at (its range and half a second either side: a pair's look reaches that far) has
    other boxes now (``_moved_frames``): the boxes there are then the same, only some of
    them under another track's number, and it looked at none of those. A merge on a long
    crowded run then works out only the ranges near where the people were joined (all 612
    open ranges took 14 s on 2 minutes with 25 people in view). A new Memo: ``memo`` is
    left as it was."""
    old, new = {t.id: t for t in before}, {t.id: t for t in after}
    changed = {i for i in old.keys() | new.keys() if old.get(i) is not new.get(i)}
    moved = _moved_frames([old[i] for i in changed if i in old],
                          [new[i] for i in changed if i in new])
    window = open_window(fps)
    kept = Memo(memo.settings)
    for key, answer in memo.answers.items():
        _reason, start, end, track_id, other = key
        if {track_id, other} & changed or answer[0] & changed or \
                not isinstance(start, int) or not isinstance(end, int):
            continue
        at = bisect_left(moved, start - window)
        if at < len(moved) and moved[at] <= end + window:
            continue
        kept.answers[key] = answer
    return kept


def _moved_frames(gone: list[Track], come: list[Track]) -> list[int]:
    """The frames (in order) on which the boxes of the tracks ``come`` are not, all told,
    the boxes the tracks ``gone`` had there (where they were bridged, padded or cut)."""
    boxes: dict[int, tuple[Counter[TrackBox], Counter[TrackBox]]] = {}
    for side, tracks in enumerate((gone, come)):
        for track in tracks:
            for frame in range(track.first_frame, track.last_frame + 1):
                box = track.box_at(frame)
                if box is not None:
                    boxes.setdefault(frame, (Counter(), Counter()))[side][box] += 1
    return sorted(f for f, (was, now) in boxes.items() if was != now)


def plan_review(run: DetectionRun, run_tracks: list[Track], tracks: list[Track],
                plan: RedactionPlan, frame_count: int, fps: float,
                frame_boxes: FrameBoxes | None = None,
                memo: Memo | None = None) -> list[ReviewRange]:
    """Ranges on ``tracks`` (``run_tracks`` after ``plan``'s merges and splits);
    ``frame_boxes``: every frame's boxes of ``tracks`` where the caller has them. ``memo``
    (the same :class:`Memo` for the same ``tracks`` and frame boxes only): whether an open
    range is hidden anyway depends on the plan's settings and on which of the tracks near
    it are kept or dismissed; a range worked out before under the same is not worked out
    again (a keep on a long crowded run changes only the ranges near the person kept)."""
    settled, cuts = frozenset(plan.false_positive_tracks), split_cuts(run_tracks,
                                                                      plan.track_edits)
    if memo is not None and memo.ranges is not None and memo.ranges[0] == (settled, cuts):
        ranges = list(memo.ranges[1])
    else:
        ranges = review_ranges(run, tracks, frame_count, fps, settled=settled, cuts=cuts)
        if memo is not None:
            memo.ranges = ((settled, cuts), list(ranges))
    if not plan.inverse and any(r.reason in _OPEN for r in ranges):
        by_id = {t.id: t for t in tracks}
        settings = (plan.padding, plan.margin, plan.shape, plan.hide_heads,
                    plan.hide_whole_people, plan.manual_boxes)
        keep, dismissed = frozenset(plan.keep_tracks), frozenset(plan.false_positive_tracks)
        if memo is not None and memo.settings != settings:
            memo.settings, memo.answers = settings, {}

        def risky(r: ReviewRange) -> bool:
            key = (r.reason, r.start_frame, r.end_frame, r.track_id, r.other_track)
            known = memo.answers.get(key) if memo is not None else None
            if known is not None and known[1] == keep & known[0] and \
                    known[2] == dismissed & known[0]:
                return known[3]
            seen: set[int] = set()
            answer = _risky(r, seen)
            if memo is not None:
                looked = frozenset(seen)
                memo.answers[key] = (looked, keep & looked, dismissed & looked, answer)
            return answer

        def _risky(r: ReviewRange, seen: set[int]) -> bool:
            ids = [r.track_id, r.other_track][:2 if r.reason is ReviewReason.SAME_PERSON
                                              else 1]
            seen.update(i for i in ids if i is not None)
            faces = [by_id[i] for i in ids if i is not None and i in by_id]
            if len(faces) < len(ids) or any(f.id in plan.keep_tracks for f in faces):
                return True
            if len(faces) == 1:
                return not hidden_anyway(faces[0], r, tracks, plan, run.width, run.height,
                                         run.rotation, frame_boxes, seen)
            return not _pair_hidden(faces[0], faces[1], r, tracks, plan, run, frame_count,
                                    open_window(fps), frame_boxes, seen)
        asked = [(r, r.reason not in _OPEN or risky(r)) for r in ranges]
        ranges = [r for r, asks in asked if asks] + [  # a pair not asked about: the
            stretch for r, asks in asked if not asks for stretch in r.absorbed]  # stretches
        # with no face it took in are asked about again
    ranges += found_again(tracks, plan.keep_tracks)
    return grouped(ranges, stretch_gap(fps))


def hidden_anyway(track: Track, item: ReviewRange, tracks: list[Track], plan: RedactionPlan,
                  width: int, height: int, rotation: int = 0,
                  frame_boxes: FrameBoxes | None = None, seen: set[int] | None = None) -> bool:
    """Whether on every frame of ``item`` the face of ``track`` is hidden by the plan's other
    regions, its own track left out (``seen``: the tracks whose regions were looked at are
    added to it)."""
    if not track.detected_frames:
        return False
    return _hidden(track.box_reaching, range(item.start_frame, item.end_frame + 1), {track.id},
                   tracks, plan, width, height, rotation, frame_boxes, seen)


def _pair_hidden(a: Track, b: Track, item: ReviewRange, tracks: list[Track],
                 plan: RedactionPlan, run: DetectionRun, frame_count: int, window: int,
                 frame_boxes: FrameBoxes | None, seen: set[int] | None = None) -> bool:
    """Whether a "same person?" pair is hidden anyway, both tracks left out: the lost face
    (carried on) over the pair's frames and at least its own "ended" window, the found one
    (carried back) likewise before it, and the way between them (its end box moving to the
    other's first box) over the pair's frames."""
    if not a.detected_frames or not b.detected_frames:
        return False
    last, first = a.detected_frames[-1], b.detected_frames[0]
    ends = np.array([a.keyframes[last][:4], b.keyframes[first][:4]], dtype=np.float64)

    def between(frame: int) -> tuple[float, float, float, float]:
        """The box moved in a straight line from the one to the other, grown with the
        distance from the nearer of them as the tracker grows a gap it bridges."""
        t = min(1.0, max(0.0, (frame - last) / max(1, first - last)))
        line = [a_ + (b_ - a_) * t for a_, b_ in zip(ends[0], ends[1], strict=True)]
        x1, y1, x2, y2 = grown((line[0], line[1], line[2], line[3]),
                               (ends[1] - ends[0]) / max(1, first - last),
                               max(0, min(frame - last, first - frame)))
        return x1, y1, x2 - x1, y2 - y1

    left_out = {a.id, b.id}
    looks = ((a.box_reaching, range(item.start_frame,
                                    min(frame_count - 1, max(item.end_frame, last + window)) + 1)),
             (b.box_reaching, range(max(0, min(item.start_frame, first - window)),
                                    item.end_frame + 1)),
             (between, range(item.start_frame, item.end_frame + 1)))
    return all(_hidden(box_on, frames, left_out, tracks, plan, run.width, run.height,
                       run.rotation, frame_boxes, seen) for box_on, frames in looks)


def _hidden(box_on: Callable[[int], tuple[float, float, float, float]], frames: range,
            left_out: set[int], tracks: list[Track], plan: RedactionPlan, width: int,
            height: int, rotation: int, frame_boxes: FrameBoxes | None,
            seen: set[int] | None = None) -> bool:
    """Whether on every one of ``frames`` the face at ``box_on(frame)`` (x, y, w, h) is
    hidden by the plan's regions, the tracks ``left_out`` left out; the tracks whose regions
    were worked out are added to ``seen``."""
    for frame in frames:
        x, y, w, h = head_box(box_on(frame), rotation)
        grow = (RULE_PADDING - 1) / 2
        face = (x - w * grow, y - h * grow, w * RULE_PADDING, h * RULE_PADDING)
        present = frame_boxes[frame] if frame_boxes is not None and frame < len(frame_boxes) \
            else [(t.id, b) for t in tracks if t.first_frame <= frame <= t.last_frame
                  and (b := t.box_at(frame)) is not None]
        others = _near(face, [(i, b) for i, b in present if i not in left_out],
                       face_margin(plan, width, height))
        if seen is not None:
            seen.update(i for i, _b in others)
        # not the gaps of a crowd: worked out from the nearby faces only, they would not be
        # the export's (whose disc follows the whole crowd's face size)
        redact, _keep = frame_regions(frame, others, plan, width, height, rotation,
                                      vouching_only=True)
        fx, fy, fw, fh = face
        clipped = (max(0, int(np.floor(fx))), max(0, int(np.floor(fy))),
                   min(width, int(np.ceil(fx + fw))), min(height, int(np.ceil(fy + fh))))
        if 1.0 - uncovered_share(clipped, redact, plan) < HIDDEN_ANYWAY:
            return False
    return True


def _near(face: tuple[float, float, float, float], boxes: list[tuple[int, TrackBox]],
          margin: float = 0.0) -> list[tuple[int, TrackBox]]:
    """The boxes whose regions could reach ``face`` (a region is at most a few times its
    box, about its centre, and ``margin`` pixels more), and those that could change theirs
    (a kept or large face inside a head's person, which that head's region spares or is
    narrowed to)."""
    def reach(b: TrackBox, k: float) -> tuple[float, float, float, float]:
        x1, y1, x2, y2 = (b.whole if b.whole is not None else (b.x, b.y, b.x + b.w, b.y + b.h))
        x1, x2 = min(x1, b.x), max(x2, b.x + b.w)
        y1, y2 = min(y1, b.y), max(y2, b.y + b.h)
        m = k * max(x2 - x1, y2 - y1) + (margin if k else 0.0)
        return x1 - m, y1 - m, x2 + m, y2 + m

    def meets(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
        return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]

    fx, fy, fw, fh = face
    area = (fx, fy, fx + fw, fy + fh)
    spans = [(i, b, reach(b, 0.0), reach(b, 2.0)) for i, b in boxes]
    first = [s for s in spans if meets(s[3], area)]
    if not first:
        return []
    chosen = {i for i, *_ in first}
    return [(i, b) for i, b, *_ in first] + [
        (i, b) for i, b, own, _ in spans
        if i not in chosen and any(meets(own, f[3]) for f in first)]
