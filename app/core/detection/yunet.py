"""YuNet (ONNX, via ONNX Runtime on the CPU): a small anchor-free face detector.

Shiqi Yu's YuNet-n (libfacedetection.train, Apache-2.0): 76 k parameters, about a sixth of
CenterFace's cost on the same frame here, and on the developer WIDER crowd images it finds
small faces at 1x that CenterFace needs a 2x upscale for (``bench/detect_recall.py``).
Three heads (strides 8, 16, 32) give, per grid cell, a class and an objectness score (the
face score is their geometric mean), a box (centre offset and log size in cells) and five
landmarks. Input: BGR, 0-255, sides multiples of 32.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from app.core.detection import boxes as bx
from app.core.detection.model_files import YUNET
from app.core.detection.network import ScaledNetwork

STRIDES = (8, 16, 32)
# YuNet's boxes of faces 80 px wide or more are a little tighter than CenterFace's (median
# width 0.91 of the WIDER box against 0.97, height 1.02 against 1.05); the head geometry
# (``boxes.head_boxes``) was measured on CenterFace's, so YuNet's are grown to match.
GROW_W, GROW_H = 1.06, 1.03


class YuNetDetector(ScaledNetwork):
    """Runs YuNet on the whole frame, optionally up- or down-scaled first."""

    name = "yunet"
    model = YUNET
    input_name = "input"
    bgr = True
    smallest_at_input = 8.0

    def _decode(self, outputs: dict[str, npt.NDArray[np.float32]], width: int,
                height: int, threshold: float) -> bx.Boxes:
        return _decode(outputs, threshold, width)


def _decode(outputs: dict[str, npt.NDArray[np.float32]], threshold: float,
            width: int) -> bx.Boxes:
    """Boxes above ``threshold`` from the three heads, in network-input pixels."""
    found = []
    for stride in STRIDES:
        score = np.sqrt(np.clip(outputs[f"cls_{stride}"][0, :, 0], 0, 1)
                        * np.clip(outputs[f"obj_{stride}"][0, :, 0], 0, 1))
        cells = np.nonzero(score > threshold)[0]
        if len(cells) == 0:
            continue
        box = outputs[f"bbox_{stride}"][0, cells]
        rows, cols = np.divmod(cells, width // stride)
        cx = (cols + box[:, 0]) * stride
        cy = (rows + box[:, 1]) * stride
        bw = np.exp(box[:, 2]) * stride * GROW_W
        bh = np.exp(box[:, 3]) * stride * GROW_H
        found.append(np.stack([cx - bw / 2, cy - bh / 2, cx + bw / 2, cy + bh / 2,
                               score[cells]], axis=1))
    if not found:
        return bx.empty()
    return np.concatenate(found).astype(np.float32)
