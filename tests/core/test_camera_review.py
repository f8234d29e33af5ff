"""A stretch where the camera swings is a review item; a steady camera gives none."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import av
import numpy as np

from app.core.detection.video import detect_video
from app.core.tracking.review import ReviewReason, review_ranges

FPS = 25


def _panning_clip(path: Path, pan: range, step: int = 24) -> Path:
    """A textured scene, still except during ``pan`` (frames), when it slides ``step`` px a
    frame (7.5 % of the 320 px width)."""
    rng = np.random.default_rng(7)
    scene = (rng.random((240 // 8, 1400 // 8, 3)) * 255).astype(np.uint8)
    scene = np.kron(scene, np.ones((8, 8, 1), np.uint8))  # blocks the flow can follow
    with av.open(str(path), "w") as out:
        stream = out.add_stream("libx264", rate=FPS)
        stream.width, stream.height, stream.pix_fmt = 320, 240, "yuv420p"
        x = 0
        for i in range(60):
            if i in pan:
                x += step
            frame = av.VideoFrame.from_ndarray(np.ascontiguousarray(scene[:, x:x + 320]),
                                               format="rgb24")
            frame.pts, frame.time_base = i, Fraction(1, FPS)
            out.mux(stream.encode(frame))
        out.mux(stream.encode())
    return path


def test_a_fast_pan_is_one_review_item_and_a_still_camera_none(tmp_path: Path) -> None:
    run = detect_video(_panning_clip(tmp_path / "pan.mp4", range(20, 35)), "fast")
    speeds = {f.index: f.camera for f in run.frames}
    assert all(abs(speeds[i] - 24 / 320) < 0.02 for i in range(21, 35)), speeds
    assert all(speeds[i] < 0.005 for i in (*range(1, 19), *range(37, 60)))
    items = [r for r in review_ranges(run, [], len(run.frames), FPS)
             if r.reason is ReviewReason.CAMERA_FAST]
    assert len(items) == 1 and 19 <= items[0].start_frame <= 21 <= 34 <= items[0].end_frame
    still = detect_video(_panning_clip(tmp_path / "still.mp4", range(0)), "fast")
    assert not [r for r in review_ranges(still, [], len(still.frames), FPS)
                if r.reason is ReviewReason.CAMERA_FAST]
    from app.core.detection.runs import run_from_json

    again = run_from_json(run.as_json(), run.preset)  # as stored and read back
    assert [round(f.camera, 4) for f in again.frames] == [round(f.camera, 4)
                                                          for f in run.frames]
