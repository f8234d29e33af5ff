"""CenterFace (ONNX, via ONNX Runtime on the CPU): strong on small and crowded faces."""

from __future__ import annotations

import cv2
import numpy as np
import numpy.typing as npt
import onnxruntime as ort

from app.core.detection import boxes as bx
from app.core.detection.model_files import CENTERFACE, ModelFile


class CenterFaceDetector:
    """Runs CenterFace on the whole frame, optionally up- or down-scaled first."""

    name = "centerface"
    model: ModelFile = CENTERFACE

    def __init__(self, threshold: float = 0.4, scale: float = 1.0, threads: int = 0,
                 max_megapixels: float | None = None,
                 session: ort.InferenceSession | None = None) -> None:
        self.threshold = threshold
        self.scale = scale
        self.max_megapixels = max_megapixels
        if session is None:
            ort.set_default_logger_severity(3)
            options = ort.SessionOptions()
            if threads:
                options.intra_op_num_threads = threads
            session = ort.InferenceSession(self.model.read_verified(), options,
                                           providers=["CPUExecutionProvider"])
        self._session: ort.InferenceSession | None = session

    def with_scale(self, scale: float, threshold: float,
                   max_megapixels: float | None) -> CenterFaceDetector:
        """The same network (one session, shared) at another scale, threshold and cap."""
        return CenterFaceDetector(threshold, scale, max_megapixels=max_megapixels,
                                  session=self._session)

    def input_scale(self, width: int, height: int) -> float:
        """The factor a ``width`` x ``height`` frame is resized by before the network."""
        scale = self.scale
        if self.max_megapixels:  # cost grows with pixels: cap the network's input size
            scale = min(scale, float(np.sqrt(self.max_megapixels * 1e6 / (width * height))))
        return scale

    def smallest_face(self, width: int, height: int) -> float:
        """About the narrowest face it finds on such a frame (about 10 px at the network's
        input, measured on WIDER crowds)."""
        return 10.0 / self.input_scale(width, height)

    def detect(self, rgb: npt.NDArray[np.uint8]) -> bx.Boxes:
        """Faces in an RGB frame as ``(N, 5)`` boxes in frame pixels."""
        if self._session is None:
            raise RuntimeError("detector is closed")
        h, w = rgb.shape[:2]
        scale = self.input_scale(w, h)
        nw = max(32, int(np.ceil(w * scale / 32) * 32))
        nh = max(32, int(np.ceil(h * scale / 32) * 32))
        resized = cv2.resize(rgb, (nw, nh), interpolation=cv2.INTER_LINEAR)
        blob = resized.transpose(2, 0, 1)[None].astype(np.float32)
        heat, scale, offset, _landmarks = self._session.run(None, {"input.1": blob})
        found = _decode(heat, scale, offset, self.threshold, nw, nh)
        found[:, [0, 2]] *= w / nw
        found[:, [1, 3]] *= h / nh
        return bx.nms(found, 0.3)

    def close(self) -> None:
        self._session = None


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
