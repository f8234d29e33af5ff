"""CenterFace (ONNX, via ONNX Runtime on the CPU): strong on small and crowded faces."""

from __future__ import annotations

import cv2
import numpy as np
import numpy.typing as npt

from app.core.detection import boxes as bx
from app.core.detection.model_files import CENTERFACE
from app.core.detection.network import ScaledNetwork


class CenterFaceDetector(ScaledNetwork):
    """Runs CenterFace on the whole frame, optionally up- or down-scaled first."""

    name = "centerface"
    model = CENTERFACE
    input_name = "input.1"
    bgr = False
    smallest_at_input = 10.0

    def _decode(self, outputs: dict[str, npt.NDArray[np.float32]], width: int,
                height: int, threshold: float) -> bx.Boxes:
        heat, scale, offset = (outputs[self._outputs[i]] for i in range(3))
        return _decode(heat, scale, offset, threshold, width, height)


def _decode(heat: npt.NDArray[np.float32], scale: npt.NDArray[np.float32],
            offset: npt.NDArray[np.float32], threshold: float, width: int,
            height: int) -> bx.Boxes:
    """Vectorised form of CenterFace's reference post-processing (stride 4)."""
    heatmap = heat[0, 0]
    # Only local maxima (3x3), as CenterNet decodes: one candidate per face instead of every
    # pixel above the threshold, which made NMS quadratic on large faces.
    peaks = heatmap >= cv2.dilate(heatmap, np.ones((3, 3), np.uint8))
    ys, xs = np.nonzero((heatmap > threshold) & peaks)
    if len(ys) == 0:
        return bx.empty()
    s0 = np.exp(scale[0, 0, ys, xs]) * 4
    s1 = np.exp(scale[0, 1, ys, xs]) * 4
    o0 = offset[0, 0, ys, xs]
    o1 = offset[0, 1, ys, xs]
    x1 = np.clip((xs + o1 + 0.5) * 4 - s1 / 2, 0, width)
    y1 = np.clip((ys + o0 + 0.5) * 4 - s0 / 2, 0, height)
    x2 = np.minimum(x1 + s1, width)
    y2 = np.minimum(y1 + s0, height)
    return np.stack([x1, y1, x2, y2, heatmap[ys, xs]], axis=1).astype(np.float32)
