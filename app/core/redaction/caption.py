"""The caption burned into an exported picture (``RedactionPlan.caption``): its place and
its drawing, white on a dark band in the bottom-left corner."""

from __future__ import annotations

import cv2
import numpy as np
import numpy.typing as npt

Image = npt.NDArray[np.uint8]


def _caption_layout(w: int, h: int, text: str) -> tuple[float, int, int, int, int, int]:
    scale = max(0.4, min(w, h) / 900)
    thickness = max(1, round(scale * 2))
    (tw, th), base = cv2.getTextSize(text, cv2.FONT_HERSHEY_SIMPLEX, scale, thickness)
    return scale, thickness, tw, th, base, max(4, th // 3)


def caption_box(w: int, h: int, text: str) -> tuple[int, int, int, int]:
    """Where :func:`draw_caption` puts ``text`` on a ``w`` x ``h`` frame (x1, y1, x2, y2)."""
    _scale, _thick, tw, th, base, pad = _caption_layout(w, h, text)
    return 0, h - pad - th - base - 2 * pad, min(w, tw + 2 * pad), h


def draw_caption(image: Image, text: str) -> None:
    """Burn ``text`` into the bottom-left corner on a dark band, in place."""
    if not text:
        return
    h, w = image.shape[:2]
    scale, thickness, _tw, _th, base, pad = _caption_layout(w, h, text)
    x1, y1, x2, y2 = caption_box(w, h, text)
    cv2.rectangle(image, (x1, y1), (x2, y2), (0, 0, 0), -1)
    cv2.putText(image, text, (pad, h - pad - base), cv2.FONT_HERSHEY_SIMPLEX, scale,
                (255, 255, 255), thickness, cv2.LINE_AA)
