"""Box arithmetic on ``(N, 5)`` float arrays of ``x1, y1, x2, y2, score`` in frame pixels."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

Boxes = npt.NDArray[np.float32]


def empty() -> Boxes:
    return np.zeros((0, 5), np.float32)


def _intersections(a: Boxes, b: Boxes) -> npt.NDArray[np.float32]:
    x1 = np.maximum(a[:, None, 0], b[None, :, 0])
    y1 = np.maximum(a[:, None, 1], b[None, :, 1])
    x2 = np.minimum(a[:, None, 2], b[None, :, 2])
    y2 = np.minimum(a[:, None, 3], b[None, :, 3])
    inter: npt.NDArray[np.float32] = np.clip(x2 - x1, 0, None) * np.clip(y2 - y1, 0, None)
    return inter


def _areas(boxes: Boxes) -> npt.NDArray[np.float32]:
    areas: npt.NDArray[np.float32] = (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])
    return areas


def iou_matrix(a: Boxes, b: Boxes) -> npt.NDArray[np.float32]:
    """Pairwise intersection over union between the rows of ``a`` and ``b``."""
    if len(a) == 0 or len(b) == 0:
        return np.zeros((len(a), len(b)), np.float32)
    inter = _intersections(a, b)
    union = _areas(a)[:, None] + _areas(b)[None, :] - inter
    result: npt.NDArray[np.float32] = (inter / np.maximum(union, 1e-6)).astype(np.float32)
    return result


def containment(a: Boxes, b: Boxes) -> npt.NDArray[np.float32]:
    """Share of each box in ``a`` lying inside each box in ``b``."""
    if len(a) == 0 or len(b) == 0:
        return np.zeros((len(a), len(b)), np.float32)
    result: npt.NDArray[np.float32] = (
        _intersections(a, b) / np.maximum(_areas(a)[:, None], 1e-6)).astype(np.float32)
    return result


def nms_indices(boxes: Boxes, iou_threshold: float, contain_threshold: float = 1.01,
                scores: npt.NDArray[np.float64] | None = None) -> npt.NDArray[np.intp]:
    """Indices kept by greedy non-maximum suppression, highest score first (``scores``
    where given, to rank by, else the boxes' own; overlaps are measured on ``boxes`` in
    their own precision either way).

    A box is also dropped when ``contain_threshold`` of it lies inside a kept, better box
    (tile edges cut faces into partial boxes that IoU alone does not merge).
    """
    order = np.argsort(-(boxes[:, 4] if scores is None else scores), kind="stable")
    ranked = boxes[order]
    ious = iou_matrix(ranked, ranked)
    inside = containment(ranked, ranked)
    suppressed = np.zeros(len(ranked), bool)
    keep: list[int] = []
    for i in range(len(ranked)):
        if suppressed[i]:
            continue
        keep.append(i)
        suppressed |= ious[i] >= iou_threshold
        suppressed |= inside[:, i] >= contain_threshold
    return order[keep]


def nms(boxes: Boxes, iou_threshold: float, contain_threshold: float = 1.01) -> Boxes:
    """The boxes kept by :func:`nms_indices`, best first."""
    if len(boxes) <= 1:
        return boxes
    return boxes[nms_indices(boxes, iou_threshold, contain_threshold)]


def clip(boxes: Boxes, width: int, height: int) -> Boxes:
    out = boxes.copy()
    out[:, [0, 2]] = np.clip(out[:, [0, 2]], 0, width)
    out[:, [1, 3]] = np.clip(out[:, [1, 3]], 0, height)
    keep = (out[:, 2] - out[:, 0] >= 1) & (out[:, 3] - out[:, 1] >= 1)
    return out[keep]


def scale_about_centre(boxes: Boxes, factor: float) -> Boxes:
    """Grow (or shrink) each box by ``factor`` around its centre, keeping scores."""
    out = boxes.copy()
    cx = (boxes[:, 0] + boxes[:, 2]) / 2
    cy = (boxes[:, 1] + boxes[:, 3]) / 2
    hw = (boxes[:, 2] - boxes[:, 0]) * factor / 2
    hh = (boxes[:, 3] - boxes[:, 1]) * factor / 2
    out[:, 0], out[:, 1], out[:, 2], out[:, 3] = cx - hw, cy - hh, cx + hw, cy + hh
    return out


# The head around a face box, as shares of the face box: detectors box the face from about
# the brows to the chin, so the forehead, hair line and ears lie outside it, and on a face
# looking down the box slides onto the nose and mouth while the eyes stay above it.
HEAD_SIDE = 0.12  # added left and right
HEAD_ABOVE = 0.40  # added above
HEAD_BELOW = 0.10  # added below


def head_boxes(boxes: Boxes, rotation: int = 0) -> Boxes:
    """The head region of each face box (scores kept): what a redaction hides.

    Boxes are in stored pixels of a picture displayed turned by ``rotation`` degrees
    (counter-clockwise, as in ``rotation.py``); "above" is above in the displayed picture.
    """
    out = boxes.copy()
    w = boxes[:, 2] - boxes[:, 0]
    h = boxes[:, 3] - boxes[:, 1]
    k = (rotation // 90) % 4
    uw, uh = (w, h) if k in (0, 2) else (h, w)  # the face's size as displayed
    side, above, below = HEAD_SIDE * uw, HEAD_ABOVE * uh, HEAD_BELOW * uh
    if k in (0, 2):
        out[:, 0] -= side
        out[:, 2] += side
        up, down = (above, below) if k == 0 else (below, above)
        out[:, 1] -= up
        out[:, 3] += down
    else:  # displayed up is stored +x (90) or -x (270)
        out[:, 1] -= side
        out[:, 3] += side
        right, left = (above, below) if k == 1 else (below, above)
        out[:, 0] -= left
        out[:, 2] += right
    return out


def face_for_head(heads: Boxes) -> Boxes:
    """The upright face box whose head region (:func:`head_boxes`, rotation 0) is each of
    ``heads`` (scores kept): the inverse of ``head_boxes``."""
    out = heads.copy()
    w = (heads[:, 2] - heads[:, 0]) / (1 + 2 * HEAD_SIDE)
    h = (heads[:, 3] - heads[:, 1]) / (1 + HEAD_ABOVE + HEAD_BELOW)
    out[:, 0] = heads[:, 0] + HEAD_SIDE * w
    out[:, 2] = out[:, 0] + w
    out[:, 1] = heads[:, 1] + HEAD_ABOVE * h
    out[:, 3] = out[:, 1] + h
    return out


def head_geometry() -> dict[str, float]:
    """The head geometry as recorded in manifests (shares of the face box)."""
    return {"side": HEAD_SIDE, "above": HEAD_ABOVE, "below": HEAD_BELOW}
