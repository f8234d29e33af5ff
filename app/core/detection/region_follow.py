"""Regions found now and then, on every frame of a video: text regions (plates, screens,
documents) and the heads of people seen from behind. A detector looks every ``every``
frames, and between its looks each region is carried by image motion
(:class:`motion.BoxCarrier`), forward to the next look and backward to the previous one, so
a plate or a head that comes into view between two looks is hidden from its first frame.

A region keeps its number while later looks find it again (overlapping its carried box; the
box then is the look's, and no smaller than the carried one); one not found again is carried
for one more interval (a look may miss it) and then ends. A region found for the first time
is carried back over as many frames (two intervals) until it leaves view, so a look that
missed it before is covered too. Regions are numbered from 1 in the order they are first
found: the text (or head) tracks of the run.

A text region a look saw cut by the picture's edge, or as close to it as its own smaller side
(a plate coming into view, or leaving), is stretched toward that edge while it is carried,
forward and back, as far as the rest of a line of text can be (``TEXT_REACH``): motion
carries the part in view, and the rest comes in behind it (a plate entering at the edge was
otherwise readable until the next look). Heads are not: a head is hidden as an ellipse in its
box, which a stretched box would move off the head.
"""

from __future__ import annotations

from collections import deque

import numpy as np
import numpy.typing as npt

from app.core.detection import boxes as bx
from app.core.detection.motion import BoxCarrier, MotionSettings, Pyramid, prepare, visible

# Text is rigid and flat: its flow is reliable, so a carried region grows slowly (a face's
# grows 4 % a frame for turns and expressions).
TEXT_MOTION = MotionSettings(growth_per_frame=0.01, speed_margin=1.0, max_growth=1.5)
# Regions are followed on smaller flow images than faces (a quarter of the cost at
# 720p): a region is found on its look at full size, and its letters' edges are easy to
# follow even at half size.
REGION_FLOW_SIDE = 640
# People move and turn: a head's carried box grows as a face's does (motion's defaults), on
# flow images of the same size as the text's (a head is larger than the faces that need
# full-size flow).
HEAD_MOTION = MotionSettings()
MATCH_IOU = 0.2  # a look's region is a carried one when their boxes overlap this much
TEXT_REACH, HEAD_REACH = 5.0, 0.0
EDGE_SHARE = 0.01  # a box this close to the picture's edge (of its side, 2 px at least, or
# within the box's own smaller side) is taken as cut by it

Boxes = bx.Boxes


def flow_image(gray: np.ndarray) -> Pyramid:
    """A frame's luma plane as the followers carry regions on it."""
    return prepare(gray, REGION_FLOW_SIDE)


class RegionFollower:
    """Feed every frame in order with :meth:`push` (with the detector's regions on the
    frames it looks at); :attr:`regions` then holds, per frame index, ``(region number,
    box, found)`` with boxes ``x1, y1, x2, y2, score`` in stored pixels, grown for the
    distance carried (``found``: the detector's own box on a frame it looked at)."""

    def __init__(self, width: int, height: int, every: int,
                 motion: MotionSettings = TEXT_MOTION) -> None:
        self.width, self.height, self.every = width, height, max(1, every)
        # how far a region cut by the edge may still lie beyond it, in its own smaller side:
        # a plate's or a line's letters (five heights); heads none (a head is hidden as an
        # ellipse in its box: a box stretched to the edge moves the ellipse off the head)
        self.reach = TEXT_REACH if motion is TEXT_MOTION else HEAD_REACH
        self.carrier = BoxCarrier(width, height, motion, REGION_FLOW_SIDE)
        self.regions: dict[int, list[tuple[int, list[float], bool]]] = {}
        self._ids: list[int] = []
        self._centres: Boxes = bx.empty()
        self._base: Boxes = bx.empty()
        self._steps = np.zeros(0, np.int32)
        self._edges = np.zeros((0, 4), bool)  # per region: cut by the left, top, right, bottom
        self._prev: Pyramid | None = None
        # the frames before this one, as far back as a region is carried forward unseen: a
        # region found now is carried back over them (a look before may have missed it)
        self._recent: deque[tuple[int, Pyramid]] = deque(maxlen=2 * self.every)
        self._next_id = 1
        # per frame index, region number: its attached box, x1, y1, x2, y2 (stored pixels)
        self.attached: dict[int, dict[int, list[float]]] = {}
        self._relative: dict[int, npt.NDArray[np.float32]] = {}  # attached box, in region units
        self._turns: dict[int, int] = {}  # per region: the way its last look was turned

    def push(self, index: int, gray: np.ndarray, seen: Boxes | None = None,
             small: Pyramid | None = None) -> None:
        """Frame ``index`` (its luma plane); ``seen``: the regions the detector found on
        it (stored pixels), on the frames it looks at; ``small``: its flow image
        (:func:`flow_image`), when another follower made it already. Columns 5-8 of
        ``seen``, when given, are a box attached to each region (a head's whole person):
        it goes where its region goes, in the proportions the last look saw
        (:attr:`attached`); column 9, when given, the way the look was turned
        (``video.heads_seen``): a region a look found turned otherwise takes that look's
        box, not the two joined (a strip along someone's side and the head at its end are
        not one head)."""
        small = small if small is not None else flow_image(gray)
        grown = self._centres
        if self._prev is not None and len(self._ids):
            self._centres, grown = self.carrier.step(self._prev, small, self._centres,
                                                     self._base, self._steps + 1)
            self._steps += 1
            keep = visible(grown, self.width, self.height) & (self._steps <= 2 * self.every)
            self._ids = [i for i, k in zip(self._ids, keep, strict=True) if k]
            self._centres, self._base, self._steps, grown = \
                self._centres[keep], self._base[keep], self._steps[keep], grown[keep]
            self._edges = self._edges[keep]
        shown = grown.copy()
        found_now = np.zeros(len(shown), bool)
        if seen is not None:
            shown, found_now = self._look(small, seen, shown)
        shown = self._to_edges(shown, self._edges)  # (a look's box too: its cut letters)
        for number, box, found in zip(self._ids, shown, found_now, strict=True):
            self._add(index, number, box, bool(found))
        self._recent.append((index, small))
        self._prev = small

    def cut(self) -> None:
        """A new shot starts with the next frame: no region is carried on across the cut,
        nor a region found after it carried back over it (the next frame is looked at)."""
        self._ids, self._centres, self._base = [], bx.empty(), bx.empty()
        self._steps, self._edges = np.zeros(0, np.int32), np.zeros((0, 4), bool)
        self._prev = None
        self._recent.clear()

    def _look(self, small: Pyramid, found: Boxes,
              shown: Boxes) -> tuple[Boxes, npt.NDArray[np.bool_]]:
        """Match a look's regions to the carried ones (those found take the look's box);
        new regions are numbered and carried back. The boxes to show on this frame, and
        which of them the look found."""
        matched = np.zeros(len(found), bool)
        seen = np.zeros(len(shown), bool)
        if len(found) and len(self._ids):
            overlap = bx.iou_matrix(self._centres, found)
            for k in np.argsort(-overlap.max(axis=1)):
                j = int(np.argmax(overlap[k]))
                if overlap[k, j] >= MATCH_IOU and not matched[j]:
                    matched[j] = True  # the look's box, and no less than was carried (a
                    both = np.vstack([self._centres[k], found[j, :5]])  # look may see a part)
                    joined = np.concatenate([both[:, :2].min(axis=0), both[:, 2:4].max(axis=0),
                                             [found[j, 4]]])
                    if self._turn(self._ids[k], found[j]):  # turned otherwise: the look's
                        joined = found[j, :5].copy()
                    self._centres[k] = self._base[k] = shown[k] = joined
                    self._steps[k], seen[k] = 0, True
                    self._edges[k] = self._cut(found[j])
                    self._attach(self._ids[k], joined, found[j])
        for new in found[~matched]:
            self._ids.append(self._next_id)
            self._turn(self._next_id, new)
            self._next_id += 1
            self._attach(self._ids[-1], new, new)
            one = new[None, :5]
            self._centres = np.vstack([self._centres, one])
            self._base = np.vstack([self._base, one])
            self._steps = np.append(self._steps, np.int32(0))
            self._edges = np.vstack([self._edges, self._cut(new)[None, :]])
            shown = np.vstack([shown, one])
            seen = np.append(seen, True)
            self._carry_back(self._ids[-1], one, small)
        return shown, seen

    def _turn(self, number: int, found: np.ndarray) -> bool:
        """Note the way the look that found region ``number`` was turned (column 9 of
        ``found``, 0 without it); whether it differs from the last look's."""
        turn = int(found[9]) if len(found) >= 10 else 0
        before = self._turns.get(number, turn)
        self._turns[number] = turn
        return before != turn

    def _attach(self, number: int, box: np.ndarray, found: np.ndarray) -> None:
        """Remember where the look's attached box lies against the region's ``box``."""
        if len(found) < 9:
            return
        w, h = max(box[2] - box[0], 1e-3), max(box[3] - box[1], 1e-3)
        self._relative[number] = np.array([(found[5] - box[0]) / w, (found[6] - box[1]) / h,
                                           (found[7] - box[0]) / w, (found[8] - box[1]) / h],
                                          np.float32)

    def _carry_back(self, number: int, box: Boxes, small: Pyramid) -> None:
        """Carry a newly found region back over the recent frames, until it leaves view."""
        centres, base, steps = box.copy(), box.copy(), np.zeros(1, np.int32)
        edges = self._cut(box[0])[None, :]
        later = small
        for index, earlier in reversed(self._recent):
            centres, grown = self.carrier.step(later, earlier, centres, base, steps + 1)
            steps += 1
            if not visible(grown, self.width, self.height)[0]:
                break
            self._add(index, number, self._to_edges(grown, edges)[0], False)
            later = earlier

    def _cut(self, box: np.ndarray) -> npt.NDArray[np.bool_]:
        """Which edges of the picture (left, top, right, bottom) ``box`` reaches, or comes
        within its own smaller side of (a detector misses the last, cut letters of a line)."""
        own = float(min(box[2] - box[0], box[3] - box[1]))
        dx = max(2.0, EDGE_SHARE * self.width, own)
        dy = max(2.0, EDGE_SHARE * self.height, own)
        return np.array([box[0] <= dx, box[1] <= dy, box[2] >= self.width - dx,
                         box[3] >= self.height - dy], bool)

    def _to_edges(self, boxes: Boxes, edges: npt.NDArray[np.bool_]) -> Boxes:
        """Boxes stretched toward the edges their region was cut by, as far as the rest of
        such a region can be (``reach`` times its smaller side): never a band across the
        picture when a region moves away from the edge."""
        out = boxes.copy()
        far = self.reach * np.minimum(out[:, 2] - out[:, 0], out[:, 3] - out[:, 1])
        out[:, 0] = np.where(edges[:, 0], np.minimum(out[:, 0], np.maximum(0.0, out[:, 0] - far)),
                             out[:, 0])
        out[:, 1] = np.where(edges[:, 1], np.minimum(out[:, 1], np.maximum(0.0, out[:, 1] - far)),
                             out[:, 1])
        out[:, 2] = np.where(edges[:, 2], np.maximum(out[:, 2], np.minimum(
            float(self.width), out[:, 2] + far)), out[:, 2])
        out[:, 3] = np.where(edges[:, 3], np.maximum(out[:, 3], np.minimum(
            float(self.height), out[:, 3] + far)), out[:, 3])
        return out

    def _add(self, index: int, number: int, box: np.ndarray, found: bool) -> None:
        x1, y1, x2, y2, score = (float(v) for v in box[:5])
        clipped = [max(0.0, x1), max(0.0, y1), min(float(self.width), x2),
                   min(float(self.height), y2), score]
        if clipped[2] - clipped[0] >= 1 and clipped[3] - clipped[1] >= 1:  # in view: kept
            # whole (hiding clips it): where the region's middle is matters (a kept face
            # stands for a head near its middle, render.kept_face_stands_for)
            self.regions.setdefault(index, []).append((number, [x1, y1, x2, y2, score], found))
            relative = self._relative.get(number)
            if relative is not None:  # placed on the region's box before clipping
                w, h = x2 - x1, y2 - y1
                self.attached.setdefault(index, {})[number] = [  # whole too
                    float(v) for v in (x1 + relative[0] * w, y1 + relative[1] * h,
                                       x1 + relative[2] * w, y1 + relative[3] * h)]
