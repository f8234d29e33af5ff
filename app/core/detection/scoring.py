"""Scoring detections against ground truth (benchmarks and tests share this)."""

from __future__ import annotations

import cv2
import numpy as np
import numpy.typing as npt

from app.core.detection import boxes as bx


def match(gt: npt.NDArray[np.float32], det: bx.Boxes,
          threshold: float) -> tuple[npt.NDArray[np.bool_], int]:
    """Greedy one-to-one matching by IoU (best pairs first).

    ``gt`` is ``(N, 4)`` x1, y1, x2, y2. Returns which ground-truth faces were matched and
    how many detections were used.
    """
    matched = np.zeros(len(gt), bool)
    if len(gt) == 0 or len(det) == 0:
        return matched, 0
    ious = bx.iou_matrix(np.c_[gt, np.ones(len(gt))].astype(np.float32), det)
    used = np.zeros(len(det), bool)
    rows, cols = np.nonzero(ious >= threshold)
    for k in np.argsort(-ious[rows, cols], kind="stable"):
        i, j = rows[k], cols[k]
        if not matched[i] and not used[j]:
            matched[i] = used[j] = True
    return matched, int(used.sum())


def coverage(gt: npt.NDArray[np.float32], det: bx.Boxes, shape: tuple[int, int],
             padding: float, ellipse: bool = True) -> npt.NDArray[np.float64]:
    """Share of each ground-truth box covered by the union of the regions a redaction hides:
    each detection's head (``boxes.head_boxes``) grown by ``padding``, drawn as the ellipse
    (default) or rectangle the export draws."""
    mask = np.zeros(shape, np.uint8)
    regions = bx.scale_about_centre(bx.head_boxes(det), padding)
    for x1, y1, x2, y2, _ in regions:
        if ellipse:
            centre = (round((x1 + x2) / 2), round((y1 + y2) / 2))
            axes = (max(1, round((x2 - x1) / 2)), max(1, round((y2 - y1) / 2)))
            cv2.ellipse(mask, centre, axes, 0, 0, 360, 1, -1)
        else:
            mask[max(0, int(y1)):max(0, int(np.ceil(y2))),
                 max(0, int(x1)):max(0, int(np.ceil(x2)))] = 1
    out = np.zeros(len(gt))
    for k, (x1, y1, x2, y2) in enumerate(gt.astype(int)):
        area = mask[max(y1, 0):max(y2, 0), max(x1, 0):max(x2, 0)]
        out[k] = area.mean() if area.size else 0.0
    return out
