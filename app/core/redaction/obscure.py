"""The pixel operation of each style: what a hidden region's pixels become."""

from __future__ import annotations

from typing import cast

import cv2
import numpy as np
import numpy.typing as npt

from app.core.redaction.plan import Style

Image = npt.NDArray[np.uint8]

# Block size as a share of the region's larger side, per strength (pixelate; blur from 3).
PIXEL_SHARE = {1: 1 / 12, 2: 1 / 8, 3: 1 / 5, 4: 1 / 3.5}
BLUR_SHARE = {1: 0.12, 2: 0.25, 3: 0.35, 4: 0.5}


def _pixelate(roi: Image, block: int) -> Image:
    h, w = roi.shape[:2]
    small = cv2.resize(roi, (max(1, w // block), max(1, h // block)),
                       interpolation=cv2.INTER_AREA)
    return cast(Image, cv2.resize(small, (w, h), interpolation=cv2.INTER_NEAREST))


def obscure(roi: Image, style: Style, strength: int, size: int) -> Image:
    """The redacted version of a region of ``size`` px (larger side)."""
    if style is Style.SOLID or strength >= 5:
        return np.zeros_like(roi)
    if style is Style.PIXELATE:
        return _pixelate(roi, max(3, round(size * PIXEL_SHARE[strength])))
    base = _pixelate(roi, max(3, round(size * PIXEL_SHARE[strength]))) if strength >= 3 else roi
    k = max(3, int(size * BLUR_SHARE[strength]) | 1)
    return cast(Image, cv2.GaussianBlur(base, (k, k), 0))
