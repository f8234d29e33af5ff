"""Follow mode for a manual box: propagate a hand-drawn region through the next frames.

A missed face has no detections to link, so the box is followed by appearance with OpenCV's
CSRT tracker (in opencv-contrib, which MediaPipe already brings). It stops where the tracker
loses the region, at ``max_frames``, or at the end of the video; the person checks the
result and corrects it with keyframes.
"""

from __future__ import annotations

from pathlib import Path

import cv2

from app.core.errors import QT_TRANSLATE_NOOP, InvalidInputError
from app.core.media.frame_reader import FrameReader
from app.core.progress import CancelToken, ProgressFn, no_progress
from app.core.tracking.keyframe import Keyframe

KEY_EVERY = 3  # keep a keyframe every few frames; boxes in between are interpolated


def follow_box(path: Path, frame: int, box: tuple[float, float, float, float],
               max_frames: int, *, progress: ProgressFn = no_progress,
               cancel: CancelToken | None = None) -> list[Keyframe]:
    """Keyframes (stored pixels) from ``frame`` onwards while the region can be followed."""
    x, y, w, h = box
    if w < 2 or h < 2:
        raise InvalidInputError(QT_TRANSLATE_NOOP(
            "CoreMessages", "The box is too small to follow."))
    with FrameReader(path, 0) as reader:  # stored pixels: no display rotation
        last = min(reader.frame_count - 1, frame + max_frames)
        start = reader.frame(frame).rgb
        tracker = cv2.TrackerCSRT.create()
        tracker.init(start, (round(x), round(y), round(w), round(h)))
        keys = [Keyframe(frame, x, y, w, h)]
        previous = keys[0]
        for index in range(frame + 1, last + 1):
            if cancel is not None:
                cancel.check()
            ok, found = tracker.update(reader.frame(index).rgb)
            progress(index - frame, last - frame)
            if not ok:
                break
            fx, fy, fw, fh = (float(v) for v in found)
            previous = Keyframe(index, fx, fy, fw, fh)
            if (index - frame) % KEY_EVERY == 0:
                keys.append(previous)
        if previous.frame != keys[-1].frame:
            keys.append(previous)
    return keys
