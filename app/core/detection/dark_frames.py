"""A second look at dark frames: the noise smoothed and the shadows lifted.

Face networks are trained on well-lit pictures. In a dark, grainy frame (a street at night,
a stage's audience, a body-worn camera's gain turned up) a face a viewer can still make out,
or bring back by brightening the released video, drowns in sensor noise, and the networks
miss it. Measured on the developer clips made dark and grainy (grey, darkened, noise of
about 7 levels; bench/dark_frames.py), a smoothed copy is what brings such faces back:
lifting the shadows alone (gamma, CLAHE) found fewer, since it lifts the noise with them.

So on a frame whose median brightness is under the preset's ``dark_look``, the detector
(``FaceDetector.detect_boxes``) also runs every face network on :func:`lifted` and adds
the boxes of faces the ordinary look has no box for: the ordinary look's boxes are fused as
they would be alone (never replaced), so a dark frame keeps every box it had. A frame in
daylight is looked at once, as before; telling it is dark costs well under a millisecond
(:func:`median_brightness` counts a sample of about 25,000 pixels). A dark frame costs
about twice as much to detect.
"""

from __future__ import annotations

import math

import cv2
import numpy as np
import numpy.typing as npt

SMOOTH_SIGMA = 1.0  # px: a Gaussian about the size of sensor grain, finer than a 10 px face
LIFT_GAMMA = 0.6  # brightness ** 0.6: a level of 20 of 255 becomes 55; 128 becomes 169
SAMPLE = 25_000  # about this many pixels, evenly spread, give a frame's median

_LIFT = np.clip(((np.arange(256) / 255.0) ** LIFT_GAMMA) * 255.0 + 0.5, 0, 255).astype(np.uint8)


def median_brightness(rgb: npt.NDArray[np.uint8]) -> float:
    """The frame's median brightness (0-255: the sum of the three channels over 3, on a
    sample of about ``SAMPLE`` pixels; the lower middle value of an even count)."""
    height, width = rgb.shape[:2]
    step = max(1, round(math.sqrt(height * width / SAMPLE)))
    sample = rgb[::step, ::step]
    sums = sample[:, :, 0].astype(np.uint16) + sample[:, :, 1] + sample[:, :, 2]
    below = np.cumsum(np.bincount(sums.ravel(), minlength=766))
    return float(np.searchsorted(below, (below[-1] + 1) // 2)) / 3


def is_dark(rgb: npt.NDArray[np.uint8], under: float) -> bool:
    """Whether the frame's median brightness is under ``under`` (0: never)."""
    return under > 0 and median_brightness(rgb) < under


def lifted(rgb: npt.NDArray[np.uint8]) -> npt.NDArray[np.uint8]:
    """The frame smoothed (``SMOOTH_SIGMA``) and brightened (``LIFT_GAMMA``), same size."""
    smooth = cv2.GaussianBlur(rgb, (0, 0), SMOOTH_SIGMA)
    return np.ascontiguousarray(cv2.LUT(smooth, _LIFT))
