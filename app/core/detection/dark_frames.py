"""A second look at dark frames: the noise smoothed and the shadows lifted.

Face networks are trained on well-lit pictures. In a dark, grainy frame (a street at night,
a stage's audience, a body-worn camera's gain turned up) a face a viewer can still make out,
or bring back by brightening the released video, drowns in sensor noise, and the networks
miss it. Measured on the developer clips made dark and grainy (grey, darkened, noise of
about 7 levels; bench/dark_frames.py), a smoothed copy is what brings such faces back:
lifting the shadows alone (gamma, CLAHE) found fewer, since it lifts the noise with them.

So on a frame whose median brightness is under the preset's ``dark_look``, the detector
(``FaceDetector.detect_boxes``) also runs on :func:`lifted` and fuses both looks' boxes:
the ordinary look is never replaced, so a dark frame loses nothing the networks found
before, and frames in daylight cost nothing more.
"""

from __future__ import annotations

import cv2
import numpy as np
import numpy.typing as npt

SMOOTH_SIGMA = 1.0  # px: a Gaussian about the size of sensor grain, finer than a 10 px face
LIFT_GAMMA = 0.6  # brightness ** 0.6: a level of 20 of 255 becomes 55; 128 becomes 168
SAMPLE_STEP = 4  # every 4th pixel each way is enough for a frame's median

_LIFT = np.clip(((np.arange(256) / 255.0) ** LIFT_GAMMA) * 255.0 + 0.5, 0, 255).astype(np.uint8)


def median_brightness(rgb: npt.NDArray[np.uint8]) -> float:
    """The frame's median brightness (0-255; the mean of the three channels, sampled)."""
    sample = rgb[::SAMPLE_STEP, ::SAMPLE_STEP].mean(axis=2)
    return float(np.median(sample))


def is_dark(rgb: npt.NDArray[np.uint8], under: float) -> bool:
    """Whether the frame's median brightness is under ``under`` (0: never)."""
    return under > 0 and median_brightness(rgb) < under


def lifted(rgb: npt.NDArray[np.uint8]) -> npt.NDArray[np.uint8]:
    """The frame smoothed (``SMOOTH_SIGMA``) and brightened (``LIFT_GAMMA``), same size."""
    smooth = cv2.GaussianBlur(rgb, (0, 0), SMOOTH_SIGMA)
    return np.ascontiguousarray(cv2.LUT(smooth, _LIFT))
