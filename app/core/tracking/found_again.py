"""Tracker rule 4: a face lost for a while, found again where it can only be that face.

A face the detector loses for a few key frames (turned away, behind someone) and finds again
near where it was is linked to its track (``tracker.build_tracks``, preset tracker rules 4),
not made a second track and a "same person?" question; the boxes of the gap are then grown
as padding grows (the face was not seen there), and a face kept visible has its bridged
gaps listed for review (``review.found_again``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np
import numpy.typing as npt


class Lost(Protocol):
    """A live track as rule 4 sees it: its last box (x1, y1, x2, y2) and frame."""

    box: np.ndarray
    last_frame: int


FOUND_AGAIN_SIZE = 0.6  # rule 4: a face found again is 0.6 to 1/0.6 of its last box's size
FOUND_AGAIN_NEAR = 1.0  # ... its centre within this many of their mean sizes of the last box's
FOUND_AGAIN_EDGE = 0.5  # ... neither box within this share of its size of the picture's edge


def found_again(live: Sequence[Lost], dets: np.ndarray, previous: int, width: int,
                 height: int, matched: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Rule 4: a face lost for a while (no box on ``previous``, the last frame that had
    boxes or a detection before this one) and a box no track took, linked where it can
    only be that face: about its size and its centre within one size of the lost face's
    last box (``_same_faces``: a prediction carried over a long gap flies off with a noisy
    velocity; the last box does not), neither at the picture's edge (someone walking out
    and someone else walking in), and nothing else near either of them: no other track's
    last box and no other free box (one at the edge too) passes that test with the lost
    face's last box or with the box found again."""
    taken_t = {ti for ti, _ in matched}
    free = [di for di in range(len(dets)) if di not in {d for _, d in matched}]
    lost = [ti for ti, t in enumerate(live) if ti not in taken_t and t.last_frame < previous
            and not _at_edge(t.box, width, height)]
    if not lost or not free:
        return []
    boxes = np.array([t.box for t in live] + [dets[di, :4] for di in free], np.float64)
    near = _same_faces(boxes)  # tracks' last boxes, then the free boxes; none with itself
    pairs = []
    for ti in lost:
        found = np.flatnonzero(near[ti, len(live):])
        if len(found) != 1:
            continue
        k = len(live) + int(found[0])
        if _at_edge(boxes[k], width, height):
            continue
        if near[ti].sum() == 1 and near[k].sum() == 1:  # each passes only with the other
            pairs.append((ti, free[int(found[0])]))
    return pairs


def _same_faces(boxes: np.ndarray) -> npt.NDArray[np.bool_]:
    """For every two of ``boxes`` (x1, y1, x2, y2), whether one is about the size of the
    other and its centre within one mean size of it (never a box with itself)."""
    size = np.maximum(boxes[:, 2] - boxes[:, 0], boxes[:, 3] - boxes[:, 1])
    ratio = size[None, :] / np.maximum(size[:, None], 1e-6)
    centre = (boxes[:, :2] + boxes[:, 2:]) / 2
    d = np.linalg.norm(centre[:, None, :] - centre[None, :, :], axis=2)
    same: npt.NDArray[np.bool_] = ((ratio >= FOUND_AGAIN_SIZE) & (ratio <= 1 / FOUND_AGAIN_SIZE)
                                   & (d <= FOUND_AGAIN_NEAR * (size[:, None] + size[None, :]) / 2))
    np.fill_diagonal(same, False)
    return same


def _at_edge(box: np.ndarray, width: int, height: int) -> bool:
    m = FOUND_AGAIN_EDGE * float(max(box[2] - box[0], box[3] - box[1]))
    return bool(box[0] <= m or box[1] <= m or box[2] >= width - m or box[3] >= height - m)
