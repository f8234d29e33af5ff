"""YuNet (ONNX, via ONNX Runtime on the CPU): a small anchor-free face detector.

Shiqi Yu's YuNet-n (libfacedetection.train, Apache-2.0): 76 k parameters, about a sixth of
CenterFace's cost on the same frame here, and on the developer WIDER crowd images it finds
small faces at 1x that CenterFace needs a 2x upscale for (``bench/detect_recall.py``).
Three heads (strides 8, 16, 32) give, per grid cell, a class and an objectness score (the
face score is their geometric mean), a box (centre offset and log size in cells) and five
landmarks. Input: BGR, 0-255, sides multiples of 32.
"""

from __future__ import annotations

import cv2
import numpy as np
import numpy.typing as npt
import onnxruntime as ort

from app.core.detection import boxes as bx
from app.core.detection.model_files import YUNET, ModelFile

STRIDES = (8, 16, 32)
# YuNet's boxes of faces 80 px wide or more are a little tighter than CenterFace's (median
# width 0.91 of the WIDER box against 0.97, height 1.02 against 1.05); the head geometry
# (``boxes.head_boxes``) was measured on CenterFace's, so YuNet's are grown to match.
GROW_W, GROW_H = 1.06, 1.03


class YuNetDetector:
    """Runs YuNet on the whole frame, optionally up- or down-scaled first."""

    name = "yunet"
    model: ModelFile = YUNET

    def __init__(self, threshold: float = 0.5, scale: float = 1.0,
                 max_megapixels: float | None = None,
                 session: ort.InferenceSession | None = None) -> None:
        self.threshold = threshold
        self.scale = scale
        self.max_megapixels = max_megapixels
        if session is None:
            ort.set_default_logger_severity(3)
            session = ort.InferenceSession(self.model.read_verified(), ort.SessionOptions(),
                                           providers=["CPUExecutionProvider"])
        self._session: ort.InferenceSession | None = session
        self._outputs = [o.name for o in session.get_outputs()]

    def with_scale(self, scale: float, threshold: float,
                   max_megapixels: float | None) -> YuNetDetector:
        """The same network (one session, shared) at another scale, threshold and cap."""
        return YuNetDetector(threshold, scale, max_megapixels, session=self._session)

    def input_scale(self, width: int, height: int) -> float:
        """The factor a ``width`` x ``height`` frame is resized by before the network."""
        scale = self.scale
        if self.max_megapixels:
            scale = min(scale, float(np.sqrt(self.max_megapixels * 1e6 / (width * height))))
        return scale

    def smallest_face(self, width: int, height: int) -> float:
        """About the narrowest face it finds on such a frame (about 8 px at the network's
        input, measured on WIDER crowds)."""
        return 8.0 / self.input_scale(width, height)

    def detect(self, rgb: npt.NDArray[np.uint8]) -> bx.Boxes:
        """Faces in an RGB frame as ``(N, 5)`` boxes in frame pixels."""
        if self._session is None:
            raise RuntimeError("detector is closed")
        h, w = rgb.shape[:2]
        scale = self.input_scale(w, h)
        nw = max(32, int(np.ceil(w * scale / 32) * 32))
        nh = max(32, int(np.ceil(h * scale / 32) * 32))
        bgr = cv2.resize(np.ascontiguousarray(rgb[:, :, ::-1]), (nw, nh),
                         interpolation=cv2.INTER_LINEAR)
        blob = bgr.transpose(2, 0, 1)[None].astype(np.float32)
        outputs = dict(zip(self._outputs, self._session.run(None, {"input": blob}),
                           strict=True))
        found = _decode(outputs, self.threshold, nw)
        found[:, [0, 2]] = np.clip(found[:, [0, 2]] * (w / nw), 0, w)
        found[:, [1, 3]] = np.clip(found[:, [1, 3]] * (h / nh), 0, h)
        return bx.nms(found, 0.3)

    def close(self) -> None:
        self._session = None


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
