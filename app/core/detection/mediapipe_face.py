"""MediaPipe BlazeFace (Tasks API) on the whole frame and on overlapping square tiles.

Run on a whole 720p frame, BlazeFace misses most faces under ~40 px; each tile is resized to
the model's 128 px input, so small tiles act as a zoom for small faces.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np
import numpy.typing as npt

from app.core.detection import boxes as bx
from app.core.detection.mediapipe_tasks import mediapipe_tasks
from app.core.detection.model_files import SHORT_RANGE, ModelFile


def tile_origins(length: int, window: int, overlap: float) -> list[int]:
    """Start positions of windows covering ``length`` with at least ``overlap`` shared."""
    if window >= length:
        return [0]
    step = max(1, int(window * (1 - overlap)))
    starts = list(range(0, length - window + 1, step))
    if starts[-1] != length - window:
        starts.append(length - window)
    return starts


class MediaPipeTiledDetector:
    """BlazeFace short-range on the full frame plus square windows of the given sizes."""

    name = "mediapipe"

    def __init__(self, threshold: float = 0.5, windows: tuple[int, ...] = (),
                 overlap: float = 0.3, full_frame: bool = True,
                 model: ModelFile = SHORT_RANGE) -> None:
        BaseOptions, vision = mediapipe_tasks()
        self.model = model
        self.threshold = threshold
        self.windows = windows
        self.overlap = overlap
        self.full_frame = full_frame
        options = vision.FaceDetectorOptions(
            base_options=BaseOptions(model_asset_buffer=model.read_verified()),
            running_mode=vision.RunningMode.IMAGE,
            min_detection_confidence=threshold,
            min_suppression_threshold=0.3,
        )
        with native_stderr_silenced():  # LiteRT prints INFO lines on creation and first use
            self._detector = vision.FaceDetector.create_from_options(options)
            self._run(np.zeros((8, 8, 3), np.uint8), 0, 0)

    def _run(self, rgb: npt.NDArray[np.uint8], x0: int, y0: int) -> list[list[float]]:
        import mediapipe as mp

        image = mp.Image(image_format=mp.ImageFormat.SRGB, data=_aligned(rgb))
        found = []
        for d in self._detector.detect(image).detections:
            b = d.bounding_box
            score = d.categories[0].score if d.categories else 0.0
            found.append([x0 + b.origin_x, y0 + b.origin_y, x0 + b.origin_x + b.width,
                          y0 + b.origin_y + b.height, score])
        return found

    def detect(self, rgb: npt.NDArray[np.uint8]) -> bx.Boxes:
        """Faces in an RGB frame as ``(N, 5)`` boxes in frame pixels."""
        h, w = rgb.shape[:2]
        found: list[list[float]] = []
        if self.full_frame:
            found += self._run(rgb, 0, 0)
        for window in self.windows:
            if window >= max(h, w):
                continue
            for y in tile_origins(h, window, self.overlap):
                for x in tile_origins(w, window, self.overlap):
                    found += self._run(rgb[y:y + window, x:x + window], x, y)
        if not found:
            return bx.empty()
        return bx.nms(bx.clip(np.asarray(found, np.float32), w, h), 0.3, 0.8)

    def close(self) -> None:
        if self._detector is not None:
            with native_stderr_silenced():
                self._detector.close()
            self._detector = None


def _aligned(rgb: npt.NDArray[np.uint8]) -> npt.NDArray[np.uint8]:
    """``rgb`` in one block at a 64-byte boundary, as LiteRT wants its input (otherwise it
    copies it itself and prints a warning on stderr)."""
    if rgb.flags.c_contiguous and rgb.ctypes.data % 64 == 0:
        return rgb
    block = np.empty(rgb.nbytes + 64, np.uint8)
    start = -block.ctypes.data % 64
    out: npt.NDArray[np.uint8] = block[start:start + rgb.nbytes].reshape(rgb.shape)
    out[...] = rgb
    return out


@contextmanager
def native_stderr_silenced() -> Iterator[None]:
    """Send file descriptor 2 to /dev/null for a moment (native libraries' chatter)."""
    sys.stderr.flush()
    try:
        saved = os.dup(2)
    except OSError:  # no stderr at all (a GUI app on Windows): nothing to silence
        yield
        return
    try:
        with open(os.devnull, "w") as null:
            os.dup2(null.fileno(), 2)
            yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
