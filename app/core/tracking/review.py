"""Stretches of footage a person should check: where a missed face is most likely."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from app.core.detection.video import DetectionRun
from app.core.tracking.tracker import Track


class ReviewReason(enum.StrEnum):
    FACES_LOST = "faces_lost"  # the detector found nothing right after frames with faces
    TRACK_ENDED = "track_ended"  # a face vanished away from the frame edge
    TRACK_STARTED = "track_started"  # a face appeared away from the frame edge
    NO_FACES = "no_faces"  # a stretch where no face was found at all


@dataclass(frozen=True)
class ReviewRange:
    start_frame: int
    end_frame: int  # inclusive
    reason: ReviewReason
    track_id: int | None = None

    def as_dict(self) -> dict[str, object]:
        return {"start_frame": self.start_frame, "end_frame": self.end_frame,
                "reason": self.reason.value, "track_id": self.track_id}


def _near_edge(box: tuple[float, ...], width: int, height: int, margin: float) -> bool:
    x1, y1, x2, y2 = box[:4]
    m = margin * max(x2 - x1, y2 - y1)
    return x1 <= m or y1 <= m or x2 >= width - m or y2 >= height - m


def review_ranges(run: DetectionRun, tracks: list[Track], frame_count: int,
                  fps: float) -> list[ReviewRange]:
    """Ranges to review, sorted by start frame."""
    ranges: list[ReviewRange] = []
    window = max(1, round(fps * 0.5))
    detected = [f for f in run.frames if f.detected]
    # Stretches with no detections, and whether faces were seen just before.
    start = None
    had_faces_before = False
    previous_had = False
    for frame in detected:
        if not frame.boxes and start is None:
            start, had_faces_before = frame.index, previous_had
        elif frame.boxes and start is not None:
            reason = ReviewReason.FACES_LOST if had_faces_before else ReviewReason.NO_FACES
            ranges.append(ReviewRange(start, frame.index - 1, reason))
            start = None
        previous_had = bool(frame.boxes)
    if start is not None:
        reason = ReviewReason.FACES_LOST if had_faces_before else ReviewReason.NO_FACES
        ranges.append(ReviewRange(start, frame_count - 1, reason))
    # Tracks that start or end in the open, not at the picture edge or the clip's ends.
    w, h = run.width, run.height  # boxes are in stored pixels, as are these
    for track in tracks:
        first, last = track.detected_frames[0], track.detected_frames[-1]
        if first > 0 and not _near_edge(track.keyframes[first], w, h, 0.5):
            ranges.append(ReviewRange(max(0, first - window), first,
                                      ReviewReason.TRACK_STARTED, track.id))
        if last < frame_count - 1 - window and not _near_edge(track.keyframes[last], w, h, 0.5):
            ranges.append(ReviewRange(last, min(frame_count - 1, last + window),
                                      ReviewReason.TRACK_ENDED, track.id))
    return sorted(ranges, key=lambda r: (r.start_frame, r.end_frame, r.reason.value))
