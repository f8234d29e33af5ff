"""Small evenly spaced pictures of a video for the timeline's thumbnail strip."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import numpy.typing as npt

from app.core.media.frame_reader import FrameReader
from app.core.progress import CancelToken, ProgressFn, no_progress


def strip_thumbnails(path: Path, rotation: int, count: int, height: int = 48,
                     progress: ProgressFn = no_progress, cancel: CancelToken | None = None,
                     ) -> list[tuple[float, npt.NDArray[np.uint8]]]:
    """``count`` (time from the start, RGB picture ``height`` px high) pairs, in order."""
    thumbs: list[tuple[float, npt.NDArray[np.uint8]]] = []
    with FrameReader(path, rotation) as reader:
        t0, span = reader.times[0], reader.duration_s
        for k in range(count):
            if cancel is not None:
                cancel.check()
            t = t0 + span * (k + 0.5) / count
            image = reader.frame(reader.index_at(t)).rgb
            scale = height / image.shape[0]  # (pixels that are not square: as wide as meant)
            small = cv2.resize(image, (max(1, round(image.shape[1] * scale
                                                    * reader.pixel_aspect)), height),
                               interpolation=cv2.INTER_AREA)
            thumbs.append((t - t0, np.ascontiguousarray(small)))
            progress(k + 1, count)
    return thumbs
