"""The review ranges of a plan: the risks left on the run's tracks as the person edited them
(after merges and splits), leaving out the tracks marked as not a face and the start of a
piece the person split off (never asking whether the two pieces are one person). The
workspace, the open items before approval and the export's manifest all list these.

A face that starts or ends away from the picture's edge is a risk only where nothing else
hides it: when, on every frame of its range, what its own track would hide (the face's head
region) lies under the plan's other regions (:func:`render.frame_regions` without that
track: most often the head region of its person, found by the person detector while the
face is turned away or not yet found), the range carries no risk and is not listed."""

from __future__ import annotations

import numpy as np

from app.core.detection.video import DetectionRun
from app.core.redaction.plan import RedactionPlan
from app.core.redaction.render import Region, frame_regions, head_box, region_mask
from app.core.tracking.edits import split_cuts
from app.core.tracking.review import ReviewRange, ReviewReason, review_ranges
from app.core.tracking.tracker import Track, TrackBox

HIDDEN_ANYWAY = 0.95  # of the face's head region's pixels under the other regions
_OPEN = (ReviewReason.TRACK_STARTED, ReviewReason.TRACK_ENDED)


def plan_review(run: DetectionRun, run_tracks: list[Track], tracks: list[Track],
                plan: RedactionPlan, frame_count: int, fps: float) -> list[ReviewRange]:
    """Ranges on ``tracks`` (``run_tracks`` after ``plan``'s merges and splits)."""
    ranges = review_ranges(run, tracks, frame_count, fps,
                           settled=frozenset(plan.false_positive_tracks),
                           cuts=split_cuts(run_tracks, plan.track_edits))
    if not any(r.reason in _OPEN for r in ranges):
        return ranges
    by_id = {t.id: t for t in tracks}
    return [r for r in ranges
            if r.reason not in _OPEN or r.track_id not in by_id
            or not hidden_anyway(by_id[r.track_id], r, tracks, plan, run.width, run.height,
                                 run.rotation)]


def hidden_anyway(track: Track, item: ReviewRange, tracks: list[Track], plan: RedactionPlan,
                  width: int, height: int, rotation: int = 0) -> bool:
    """Whether on every frame of ``item`` the face of ``track`` (its box there, else its
    nearest detection) is hidden by the plan's other regions, its own track left out."""
    if not track.detected_frames:
        return False
    first, last = track.detected_frames[0], track.detected_frames[-1]
    for frame in range(item.start_frame, item.end_frame + 1):
        box = track.box_at(frame)
        if box is None:
            x1, y1, x2, y2, _ = track.keyframes[first if frame < first else last]
            face = (x1, y1, x2 - x1, y2 - y1)
        else:
            face = (box.x, box.y, box.w, box.h)
        others: list[tuple[int, TrackBox]] = [
            (t.id, b) for t in tracks
            if t.id != track.id and t.first_frame <= frame <= t.last_frame
            and (b := t.box_at(frame)) is not None]
        redact, _keep = frame_regions(frame, others, plan, width, height, rotation)
        if _share_hidden(head_box(face, rotation), redact, plan, width, height) \
                < HIDDEN_ANYWAY:
            return False
    return True


def _share_hidden(box: tuple[float, float, float, float], regions: list[Region],
                  plan: RedactionPlan, width: int, height: int) -> float:
    """The share of ``box``'s pixels (clipped to the frame) that ``regions`` hide."""
    x, y, w, h = box
    bx1, by1 = max(0, int(np.floor(x))), max(0, int(np.floor(y)))
    bx2, by2 = min(width, int(np.ceil(x + w))), min(height, int(np.ceil(y + h)))
    if bx2 <= bx1 or by2 <= by1:
        return 1.0  # nothing of it in the picture
    hidden = np.zeros((by2 - by1, bx2 - bx1), bool)
    for r in regions:
        ox1, oy1, ox2, oy2 = max(bx1, r.x1), max(by1, r.y1), min(bx2, r.x2), min(by2, r.y2)
        if ox1 >= ox2 or oy1 >= oy2:
            continue
        mask = region_mask(r, plan.shape)
        hidden[oy1 - by1:oy2 - by1, ox1 - bx1:ox2 - bx1] |= \
            mask[oy1 - r.y1:oy2 - r.y1, ox1 - r.x1:ox2 - r.x1]
    return float(hidden.mean())
