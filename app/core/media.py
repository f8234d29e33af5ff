"""Decoding video frames in order with their exact timestamps (PyAV, read-only)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

import av

from app.core.errors import MediaError
from app.core.progress import CancelToken


@dataclass(frozen=True)
class DecodedFrame:
    """A decoded frame, its 0-based index in presentation order and its time in seconds."""

    index: int
    pts: int | None
    time_s: float
    frame: Any  # av.VideoFrame


def iter_frames(path: Path, cancel: CancelToken | None = None) -> Iterator[DecodedFrame]:
    """Every video frame of ``path`` in presentation order. Damage becomes MediaError."""
    try:
        container = av.open(str(path), mode="r")
    except FileNotFoundError:
        raise MediaError(f"{path}: file not found.") from None
    except av.error.FFmpegError as exc:
        raise MediaError(f"{path}: cannot be opened as video ({exc}).") from None
    try:
        if not container.streams.video:
            raise MediaError(f"{path}: contains no video stream.")
        stream = container.streams.video[0]
        stream.thread_type = "AUTO"
        time_base = stream.time_base or Fraction(1, 90000)
        index = 0
        try:
            for frame in container.decode(stream):
                if cancel is not None:
                    cancel.check()
                time_s = float(frame.pts * time_base) if frame.pts is not None else 0.0
                yield DecodedFrame(index, frame.pts, time_s, frame)
                index += 1
        except av.error.FFmpegError as exc:
            raise MediaError(f"{path}: the video is damaged after frame {index} ({exc}).") \
                from None
    finally:
        container.close()
