"""Text regions (licence plates, screens, documents) found by PaddleOCR's PP-OCRv4 text
detector: its probability map is thresholded into text lines (the "DB" method), each line
is widened as the method prescribes, and lines that touch or stack are joined into one region
(a plate, the lines of a screen or a page). Boxes only: the text is never read or kept."""

from __future__ import annotations

import cv2
import numpy as np
import numpy.typing as npt
import onnxruntime as ort

from app.core.detection import boxes as bx
from app.core.detection.model_files import PPOCR_DET
from app.core.detection.network import session_options
from app.core.detection.presets import Preset

PIXEL_THRESHOLD = 0.3  # a pixel is text (PP-OCR's own setting)
LINE_THRESHOLD = 0.5  # a line is kept when its mean probability reaches this
UNCLIP = 1.6  # how far a line is widened past its core (PP-OCR's own setting)
JOIN = 1.5  # lines closer than this many line heights are one region (a page, a screen)


class TextRegionDetector:
    """Text regions in RGB frames, as ``(N, 5)`` boxes (x1, y1, x2, y2, score) in frame
    pixels. The network sees the frame scaled so its longer side is ``max_side``, enlarged
    by at most ``max_upscale`` (small text, such as a plate a few metres away, is found
    only when its letters are ten or more pixels high; cost grows with pixels)."""

    name = "ppocr-v4-det"

    def __init__(self, max_side: int = 960, min_side: int = 8,
                 max_upscale: float = 1.0) -> None:
        self.max_side = max_side
        self.min_side = min_side
        self.max_upscale = max_upscale
        self._session = ort.InferenceSession(PPOCR_DET.read_verified(), session_options(),
                                             providers=["CPUExecutionProvider"])
        self._input = self._session.get_inputs()[0].name

    @classmethod
    def for_preset(cls, preset: Preset) -> TextRegionDetector:
        """The detector with the preset's text input size."""
        return cls(preset.text_max_side, max_upscale=preset.text_max_upscale)

    def lines(self, rgb: npt.NDArray[np.uint8]) -> bx.Boxes:
        """Each text line found, widened, as boxes in frame pixels."""
        h, w = rgb.shape[:2]
        scale = min(self.max_upscale, self.max_side / max(h, w))
        nw, nh = (max(32, round(w * scale / 32) * 32),
                  max(32, round(h * scale / 32) * 32))
        # BGR (as PaddleOCR was trained), scaled to -1..1, NCHW: one OpenCV call
        blob = cv2.dnn.blobFromImage(rgb, 2 / 255, (nw, nh), (127.5, 127.5, 127.5),
                                     swapRB=True, crop=False)
        prob = self._session.run(None, {self._input: blob})[0][0, 0]
        mask = cv2.dilate((prob > PIXEL_THRESHOLD).astype(np.uint8), np.ones((2, 2), np.uint8))
        count, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
        found = []
        for i in range(1, count):
            x, y, bw, bh, _area = stats[i]
            if min(bw, bh) < 3:
                continue
            score = float(prob[y:y + bh, x:x + bw][labels[y:y + bh, x:x + bw] == i].mean())
            if score < LINE_THRESHOLD:
                continue
            grow = bw * bh * UNCLIP / (2 * (bw + bh))  # DB's unclip distance (its box's area)
            found.append((x - grow, y - grow, x + bw + grow, y + bh + grow, score))
        if not found:
            return bx.empty()
        out = np.array(found, dtype=np.float32)
        out[:, [0, 2]] = np.clip(out[:, [0, 2]] * (w / nw), 0, w)
        out[:, [1, 3]] = np.clip(out[:, [1, 3]] * (h / nh), 0, h)
        keep = np.minimum(out[:, 2] - out[:, 0], out[:, 3] - out[:, 1]) >= self.min_side
        lines: bx.Boxes = out[keep]
        return lines

    def detect(self, rgb: npt.NDArray[np.uint8]) -> bx.Boxes:
        """Text regions: the lines, joined where they touch or stack."""
        return join_lines(self.lines(rgb))


def join_lines(lines: bx.Boxes) -> bx.Boxes:
    """Join lines whose boxes, grown by ``JOIN`` of the smaller line's height, overlap: the
    lines of one plate, screen or page become one region (score: the best line's)."""
    regions = [list(map(float, b)) for b in lines]
    joined = True
    while joined and len(regions) > 1:
        joined = False
        for i in range(len(regions)):
            for j in range(i + 1, len(regions)):
                a, b = regions[i], regions[j]
                pad = JOIN * min(a[3] - a[1], b[3] - b[1])
                if (a[0] - pad <= b[2] and b[0] - pad <= a[2]
                        and a[1] - pad <= b[3] and b[1] - pad <= a[3]):
                    regions[i] = [min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]),
                                  max(a[3], b[3]), max(a[4], b[4])]
                    del regions[j]
                    joined = True
                    break
            if joined:
                break
    return np.array(regions, dtype=np.float32).reshape(-1, 5)
