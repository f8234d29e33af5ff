"""Filling the frames between detections with boxes carried by motion, both ways in time.

Frames arrive in order. The detector runs on some of them (key frames). Boxes found on a key
frame are carried forward, frame by frame, until the next key frame, and boxes found on the
next key frame are carried backward to the previous one, so a face is covered from the first
frame it enters, not only from the frame the detector first saw it. A face the detector
found before but misses on one key frame keeps being carried for one more interval.

Only the frames since the last key frame are held (their luma, downscaled for large
frames), so memory does not grow with the length of the clip.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from app.core.detection import boxes as bx
from app.core.detection.motion import (
    BoxCarrier,
    MotionSettings,
    Pyramid,
    camera_speed,
    prepare,
    visible,
)

MOTION = "motion"  # the ``detector`` name of carried boxes
MAX_MISSES = 1  # key frames a face may be missed on and still be carried


@dataclass
class _Carried:
    centres: bx.Boxes = field(default_factory=bx.empty)
    base: bx.Boxes = field(default_factory=bx.empty)
    steps: npt.NDArray[np.int32] = field(default_factory=lambda: np.zeros(0, np.int32))
    misses: npt.NDArray[np.int32] = field(default_factory=lambda: np.zeros(0, np.int32))
    names: list[str] = field(default_factory=list)

    def keep(self, mask: npt.NDArray[np.bool_]) -> _Carried:
        return _Carried(self.centres[mask], self.base[mask], self.steps[mask],
                        self.misses[mask], [n for n, k in zip(self.names, mask, strict=True)
                                            if k])

    @classmethod
    def fresh(cls, boxes: bx.Boxes, names: list[str]) -> _Carried:
        n = len(boxes)
        return cls(boxes.copy(), boxes.copy(), np.zeros(n, np.int32), np.zeros(n, np.int32),
                   list(names))

    @classmethod
    def join(cls, a: _Carried, b: _Carried) -> _Carried:
        return cls(np.concatenate([a.centres, b.centres]), np.concatenate([a.base, b.base]),
                   np.concatenate([a.steps, b.steps]), np.concatenate([a.misses, b.misses]),
                   a.names + b.names)


@dataclass
class KeyFrame:
    """What the detector found on a key frame: boxes and detector names, the narrowest face
    (px) this pass finds (carried faces narrower than that are not counted as missed by
    it), whether it was a fine pass, and the narrowest face the quick pass finds."""

    boxes: bx.Boxes
    names: list[str]
    smallest: float
    fine: bool = False
    quick_smallest: float = 0.0


@dataclass
class FilledFrame:
    """One frame's boxes: detected (key frames) and carried by motion."""

    index: int
    time_s: float
    detected: bool
    boxes: bx.Boxes
    names: list[str]


@dataclass
class _Pending:
    index: int
    time_s: float
    pyramid: Pyramid
    forward: bx.Boxes


class Propagation:
    """Feed every frame in order with :meth:`push`; completed frames come back in order."""

    def __init__(self, width: int, height: int, settings: MotionSettings | None = None,
                 history: int = 0, firm: Callable[[str, float], bool] | None = None):
        """``history``: how many frames back a fine key frame's new small faces are carried
        (the frames since the previous fine key frame; 0 without a fine pass). ``firm``
        (detector name, score): whether a box is sure enough to be carried onto a key frame
        (one missed there, or a small face carried back past earlier ones); an unsure box
        (``Preset.firm``) is carried only to the frames before the next key frame, so on
        key frames only what the detector saw there stands for it. None: every box is."""
        self.firm = firm
        self.width, self.height = width, height
        self.carrier = BoxCarrier(width, height, settings)
        self.history = history
        self._pending: list[_Pending] = []
        self._older: list[tuple[int, Pyramid]] = []  # key frames and before, since fine
        self._forward = _Carried()
        self._prev: Pyramid | None = None
        self.amendments: list[tuple[int, bx.Boxes]] = []  # boxes for frames already given
        self.camera: dict[int, float] = {}  # frame -> camera speed since the frame before

    def push(self, index: int, time_s: float, gray: npt.NDArray[np.uint8],
             detected: KeyFrame | None) -> list[FilledFrame]:
        """Add a frame; ``detected`` on a key frame. Completed frames come back; boxes for
        frames given back earlier are added to :attr:`amendments`."""
        small = prepare(gray)
        self.carrier.last_speed = None
        forward = self._step_forward(small)
        if self._prev is not None:  # the forward step measured it when it carried boxes
            speed = self.carrier.last_speed
            self.camera[index] = speed if speed is not None else camera_speed(self._prev, small)
        self._prev = small
        if detected is None:
            self._pending.append(_Pending(index, time_s, small, forward))
            return []
        boxes, names, smallest = detected.boxes, detected.names, detected.smallest
        if detected.fine and self._older:
            self._carry_small_back(small, detected)
        self._older += [(p.index, p.pyramid) for p in self._pending] + [(index, small)]
        if detected.fine:
            self._older = []
        self._older = self._older[-self.history:] if self.history else []
        out = self._backward(small, boxes, names)
        unmatched = ~_matched(self._forward.centres, boxes)
        carried = self._forward.centres[unmatched]
        seeable = (carried[:, 2] - carried[:, 0]) >= smallest
        misses = self._forward.misses[unmatched] + seeable.astype(np.int32)
        still = (misses <= MAX_MISSES) & visible(forward[unmatched], self.width, self.height)
        if self.firm is not None:
            still &= self._sure(self._forward)[unmatched]
        lost = self._forward.keep(unmatched)
        lost.misses = misses
        lost = lost.keep(still)
        key_boxes = np.concatenate([boxes, forward[unmatched][still]])
        key_names = names + [MOTION] * int(still.sum())
        out.append(self._filled(index, time_s, True, key_boxes, key_names))
        self._forward = _Carried.join(_Carried.fresh(boxes, names), lost)
        return out

    def cut(self) -> list[FilledFrame]:
        """A new shot starts with the next frame: the frames since the last key frame
        come back carried forward only (as at the clip's end), and nothing found before is
        carried on, nor anything found later carried back, across the cut."""
        out = self.finish()
        self._older, self._forward, self._prev = [], _Carried(), None
        return out

    def _carry_small_back(self, key: Pyramid, detected: KeyFrame) -> None:
        """Faces the fine pass finds that nothing carried here and that the quick pass is too
        coarse to have seen: carry them back past the pending frames, through the frames
        since the previous fine key frame, so they are hidden from where they were."""
        boxes = detected.boxes
        new = ~_matched(boxes, self._forward.centres) if len(self._forward.centres) else \
            np.ones(len(boxes), bool)
        new &= (boxes[:, 2] - boxes[:, 0]) < detected.quick_smallest
        if self.firm is not None:
            new &= self._sure(_Carried.fresh(boxes, detected.names))
        if not new.any():
            return
        back = _Carried.fresh(boxes[new], [MOTION] * int(new.sum()))
        nxt = key
        for frame_index, pyramid in [(p.index, p.pyramid) for p in reversed(self._pending)] + \
                list(reversed(self._older)):
            back.steps = back.steps + 1
            back.centres, grown = self.carrier.step(nxt, pyramid, back.centres, back.base,
                                                    back.steps)
            keep = visible(grown, self.width, self.height)
            back, grown = back.keep(keep), grown[keep]
            if not len(back.centres):
                return
            if not any(p.index == frame_index for p in self._pending):
                self.amendments.append((frame_index, grown))
            nxt = pyramid

    def take_amendments(self) -> list[tuple[int, bx.Boxes, list[str]]]:
        """The boxes (clipped, with names) to add to frames already given back."""
        out = []
        for frame_index, boxes in self.amendments:
            filled = self._filled(frame_index, 0.0, False, boxes, [MOTION] * len(boxes))
            if len(filled.boxes):
                out.append((frame_index, filled.boxes, filled.names))
        self.amendments = []
        return out

    def finish(self) -> list[FilledFrame]:
        """The frames after the last key frame (carried forward only)."""
        out = [self._filled(p.index, p.time_s, False, p.forward, [MOTION] * len(p.forward))
               for p in self._pending]
        self._pending = []
        return out

    def _filled(self, index: int, time_s: float, detected: bool, boxes: bx.Boxes,
                names: list[str]) -> FilledFrame:
        """The frame's boxes clipped to the picture (those left outside dropped)."""
        if len(boxes) == 0:
            return FilledFrame(index, time_s, detected, bx.empty(), [])
        clipped = boxes.copy()
        clipped[:, [0, 2]] = np.clip(clipped[:, [0, 2]], 0, self.width)
        clipped[:, [1, 3]] = np.clip(clipped[:, [1, 3]], 0, self.height)
        keep = (clipped[:, 2] - clipped[:, 0] >= 1) & (clipped[:, 3] - clipped[:, 1] >= 1)
        return FilledFrame(index, time_s, detected, clipped[keep],
                           [n for n, k in zip(names, keep, strict=True) if k])

    def _sure(self, carried: _Carried) -> npt.NDArray[np.bool_]:
        """Which of ``carried`` (by the name and score they were found with) are firm."""
        firm = self.firm or (lambda _name, _score: True)
        return np.array([firm(n, float(s)) for n, s in
                         zip(carried.names, carried.centres[:, 4], strict=True)], bool)

    def _step_forward(self, small: Pyramid) -> bx.Boxes:
        f = self._forward
        if self._prev is None or len(f.centres) == 0:
            return bx.empty()
        f.steps = f.steps + 1
        f.centres, grown = self.carrier.step(self._prev, small, f.centres, f.base, f.steps)
        keep = visible(grown, self.width, self.height)
        self._forward = f.keep(keep)
        return grown[keep]

    def _backward(self, key: Pyramid, boxes: bx.Boxes,
                  names: list[str]) -> list[FilledFrame]:
        back = _Carried.fresh(boxes, names)
        nxt = key
        filled: list[FilledFrame] = []
        for p in reversed(self._pending):
            grown = bx.empty()
            if len(back.centres):
                back.steps = back.steps + 1
                back.centres, grown = self.carrier.step(nxt, p.pyramid, back.centres, back.base,
                                                        back.steps)
                keep = visible(grown, self.width, self.height)
                back, grown = back.keep(keep), grown[keep]
            merged = _union_overlapping(np.concatenate([p.forward, grown]))
            filled.append(self._filled(p.index, p.time_s, False, merged,
                                       [MOTION] * len(merged)))
            nxt = p.pyramid
        self._pending = []
        return filled[::-1]




def _matched(carried: bx.Boxes, detected: bx.Boxes) -> npt.NDArray[np.bool_]:
    """Which carried boxes a new detection confirms (overlap or one inside the other)."""
    if len(carried) == 0 or len(detected) == 0:
        return np.zeros(len(carried), bool)
    near = (bx.iou_matrix(carried, detected) >= 0.2) | (bx.containment(detected, carried).T
                                                        >= 0.6)
    return np.asarray(near.any(axis=1))


def _union_overlapping(boxes: bx.Boxes, iou: float = 0.2) -> bx.Boxes:
    """Boxes of the same face (from the two directions) become the box covering both."""
    if len(boxes) <= 1:
        return boxes.astype(np.float32)
    boxes = boxes.astype(np.float32)
    ious = bx.iou_matrix(boxes, boxes)
    used = np.zeros(len(boxes), bool)
    out = []
    for i in range(len(boxes)):
        if used[i]:
            continue
        group = np.nonzero((ious[i] >= iou) & ~used)[0]
        used[group] = True
        g = boxes[group]
        out.append([g[:, 0].min(), g[:, 1].min(), g[:, 2].max(), g[:, 3].max(),
                    g[:, 4].max()])
    return np.asarray(out, np.float32).reshape(-1, 5)
