"""Moving face boxes between the frames the detector looked at, by image motion.

Between two detection frames a face keeps moving (and a body-worn camera shakes and pans),
so a box held still or interpolated in a straight line falls off the face. Each box is
carried from frame to frame by sparse optical flow (pyramidal Lucas-Kanade) of a grid of
points on the face and around it; where the flow there is unreliable (tiny, blurred or
occluded faces) the box follows the camera's own motion, estimated from a grid over the
whole frame. Every carried box grows with the distance from its detection and with its
speed, so that the uncertainty of the estimate is covered rather than ignored.

Works on the luma plane of stored (not rotated) frames; boxes are ``(N, 5)`` arrays of
``x1, y1, x2, y2, score`` in stored pixels.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

import cv2
import numpy as np
import numpy.typing as npt

from app.core.detection import boxes as bx

Gray = npt.NDArray[np.uint8]
Pyramid = Gray  # the prepared image (OpenCV's Python binding takes no ready pyramids)

_WIN = (15, 15)
_LEVELS = 3
_CRITERIA = (cv2.TERM_CRITERIA_EPS | cv2.TERM_CRITERIA_COUNT, 20, 0.03)
_GRID = 5  # points per side on each face box
_GLOBAL_GRID = (16, 9)


@dataclass(frozen=True)
class MotionSettings:
    """How carried boxes grow: per frame from the detection, and with their own speed."""

    growth_per_frame: float = 0.04  # each side, as a share of the box size
    speed_margin: float = 1.0  # extra margin per side: this many frames of the box's motion
    max_growth: float = 2.0  # a carried box is never more than this times the detected one
    min_points: int = 4  # fewer good flow points than this: follow the camera motion


FLOW_SIDE = 1280  # flow runs on frames of at most this: enough for 10 px faces


def _working_scale(width: int, height: int, side: int = FLOW_SIDE) -> float:
    return min(1.0, side / max(width, height, 1))


def prepare(gray: Gray, side: int = FLOW_SIDE) -> Pyramid:
    """The image the flow runs on: luma, downscaled to at most ``side`` px."""
    s = _working_scale(gray.shape[1], gray.shape[0], side)
    if s < 1.0:
        gray = cast(Gray, cv2.resize(gray, (round(gray.shape[1] * s), round(gray.shape[0] * s)),
                                     interpolation=cv2.INTER_AREA))
    return np.ascontiguousarray(gray)


def _lk(a: Pyramid, b: Pyramid, points: Any) -> tuple[Any, Any]:
    moved, status, _err = cv2.calcOpticalFlowPyrLK(
        a, b, points, None, winSize=_WIN, maxLevel=_LEVELS, criteria=_CRITERIA)
    return moved, status


def _flow(prev: Pyramid, nxt: Pyramid, points: npt.NDArray[np.float32]
          ) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.bool_]]:
    """Where ``points`` moved to, and which moved reliably (forward-backward checked)."""
    if len(points) == 0:
        return points, np.zeros(0, bool)
    p0 = points.reshape(-1, 1, 2)
    p1, st1 = _lk(prev, nxt, p0)
    back, st2 = _lk(nxt, prev, p1)
    err = np.linalg.norm((back - p0).reshape(-1, 2), axis=1)
    ok = (st1.reshape(-1) == 1) & (st2.reshape(-1) == 1) & (err < 1.0)
    return np.asarray(p1, np.float32).reshape(-1, 2), ok


def grid_points(width: int, height: int) -> npt.NDArray[np.float32]:
    """Points spread over the whole picture, for the camera's motion."""
    gx, gy = _GLOBAL_GRID
    xs = (np.arange(gx) + 0.5) * width / gx
    ys = (np.arange(gy) + 0.5) * height / gy
    return np.stack(np.meshgrid(xs, ys), -1).reshape(-1, 2).astype(np.float32)


def camera_motion(pts: npt.NDArray[np.float32], moved: npt.NDArray[np.float32],
                  ok: npt.NDArray[np.bool_]) -> npt.NDArray[np.float64]:
    """The 2x3 similarity transform of the whole picture, from the grid points' flow."""
    identity = np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]])
    if ok.sum() < 6:
        return identity
    matrix, _inliers = cv2.estimateAffinePartial2D(pts[ok], moved[ok], method=cv2.RANSAC,
                                                    ransacReprojThreshold=2.0)
    return np.asarray(matrix, np.float64) if matrix is not None else identity


def camera_speed(prev: Pyramid, nxt: Pyramid) -> float:
    """How far the whole picture moved from ``prev`` to ``nxt``, as a share of its width (a
    pan of 2 % of the width a frame crosses the picture in under two seconds at 30 fps)."""
    grid = grid_points(prev.shape[1], prev.shape[0])
    moved, ok = _flow(prev, nxt, grid)
    return _speed(camera_motion(grid, moved, ok), prev.shape[1])


def _speed(camera: npt.NDArray[np.float64], width: int) -> float:
    return float(np.hypot(camera[0, 2], camera[1, 2]) / max(1, width))


def _box_points(box: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    """A grid over the face (its inner 80 %) where the flow is measured."""
    x1, y1, x2, y2 = box[:4]
    fx = np.linspace(0.1, 0.9, _GRID)
    xs = x1 + (x2 - x1) * fx
    ys = y1 + (y2 - y1) * fx
    return np.stack(np.meshgrid(xs, ys), -1).reshape(-1, 2).astype(np.float32)


class BoxCarrier:
    """Carries boxes from one frame to the next (either direction in time).

    ``origin`` keeps each carried box's detected size and the number of steps taken, so the
    growth is measured from the real detection, not compounded frame by frame.
    """

    def __init__(self, width: int, height: int, settings: MotionSettings | None = None,
                 side: int = FLOW_SIDE):
        """``side``: the flow images' longer side (see :func:`prepare`, same ``side``)."""
        self.width, self.height = width, height
        self.scale = _working_scale(width, height, side)
        self.settings = settings or MotionSettings()
        self.last_speed: float | None = None  # the camera's speed found by the last step

    def step(self, prev: Pyramid, nxt: Pyramid, centres: bx.Boxes, base: bx.Boxes,
             steps: npt.NDArray[np.int32]) -> tuple[bx.Boxes, bx.Boxes]:
        """Move the boxes one frame.

        ``centres`` are the unpadded boxes tracked so far (their centre and size follow the
        face); ``base`` their detected sizes; ``steps`` how many frames from the detection
        they are after this step. Returns (the new unpadded boxes, the grown boxes to hide).
        """
        if len(centres) == 0:
            return centres, centres
        s = self.scale
        scaled = centres.copy()
        scaled[:, :4] *= s
        grid = grid_points(prev.shape[1], prev.shape[0])
        points = np.concatenate([*(_box_points(b) for b in scaled), grid])
        moved, ok = _flow(prev, nxt, points)  # one call: pyramids are built once
        g = len(points) - len(grid)
        camera = camera_motion(grid, moved[g:], ok[g:])
        self.last_speed = _speed(camera, prev.shape[1])
        out = centres.copy()
        n = _GRID * _GRID
        for i, b in enumerate(scaled):
            p0, p1, good = points[i * n:(i + 1) * n], moved[i * n:(i + 1) * n], \
                ok[i * n:(i + 1) * n]
            cx, cy = (b[0] + b[2]) / 2, (b[1] + b[3]) / 2
            if good.sum() >= self.settings.min_points:
                shift = np.median(p1[good] - p0[good], axis=0)
                scale = _scale_change(p0[good], p1[good])
            else:  # too few reliable points: the face moves with the camera
                new = camera @ np.array([cx, cy, 1.0])
                shift = new - np.array([cx, cy])
                scale = float(np.hypot(camera[0, 0], camera[0, 1]))
            hw, hh = (b[2] - b[0]) * scale / 2, (b[3] - b[1]) * scale / 2
            ncx, ncy = cx + shift[0], cy + shift[1]
            out[i, :4] = np.array([ncx - hw, ncy - hh, ncx + hw, ncy + hh]) / s
        grown = self._grow(out, centres, base, steps)
        return out, grown

    def _grow(self, boxes: bx.Boxes, before: bx.Boxes, base: bx.Boxes,
              steps: npt.NDArray[np.int32]) -> bx.Boxes:
        st = self.settings
        grown = boxes.copy()
        w = boxes[:, 2] - boxes[:, 0]
        h = boxes[:, 3] - boxes[:, 1]
        speed = np.hypot((boxes[:, 0] + boxes[:, 2] - before[:, 0] - before[:, 2]) / 2,
                         (boxes[:, 1] + boxes[:, 3] - before[:, 1] - before[:, 3]) / 2)
        size = np.maximum(w, h)
        limit = (st.max_growth - 1) / 2 * np.maximum(base[:, 2] - base[:, 0],
                                                    base[:, 3] - base[:, 1])
        margin = np.minimum(st.growth_per_frame * steps * size + st.speed_margin * speed,
                            limit)
        grown[:, 0] -= margin
        grown[:, 1] -= margin
        grown[:, 2] += margin
        grown[:, 3] += margin
        return grown


def _scale_change(p0: npt.NDArray[np.float32], p1: npt.NDArray[np.float32]) -> float:
    """How much the point cloud grew (median distance from its centre), clamped per frame."""
    d0 = np.linalg.norm(p0 - np.median(p0, axis=0), axis=1)
    d1 = np.linalg.norm(p1 - np.median(p1, axis=0), axis=1)
    keep = d0 > 1.0
    if keep.sum() < 3:
        return 1.0
    return float(np.clip(np.median(d1[keep] / d0[keep]), 0.9, 1.1))


def visible(boxes: bx.Boxes, width: int, height: int) -> npt.NDArray[np.bool_]:
    """Boxes still at least partly inside the frame."""
    return ((boxes[:, 2] > 0) & (boxes[:, 0] < width) & (boxes[:, 3] > 0)
            & (boxes[:, 1] < height))
