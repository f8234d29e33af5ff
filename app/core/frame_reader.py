"""Frame-exact random access to a video: frame N, the frame at time T, stepping.

The timestamps of every frame are read once by demuxing (no decoding), so frame numbers and
times map exactly even for variable frame rate. ``frame(n)`` seeks to the keyframe at or
before frame ``n`` and decodes forward; asking for the next frame continues decoding without
a seek. This is what the player shows when paused or stepping.
"""

from __future__ import annotations

import threading
from bisect import bisect_right
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

import av
import numpy as np
import numpy.typing as npt

from app.core.errors import MediaError
from app.core.media import open_container
from app.core.rotation import upright


@dataclass(frozen=True)
class FrameImage:
    index: int
    time_s: float
    rgb: npt.NDArray[np.uint8]  # upright (display rotation applied)


class FrameReader:
    """Exact frames of one video. Thread-safe (one lock); close it when done."""

    def __init__(self, path: Path, rotation: int = 0) -> None:
        self.path = path
        self.rotation = rotation
        self._lock = threading.Lock()
        self._container = open_container(path)
        try:
            self._stream = self._container.streams.video[0]
            self._tb: Fraction = self._stream.time_base or Fraction(1, 90000)
            pts: list[int] = []
            keys: list[int] = []
            for packet in self._container.demux(self._stream):
                if packet.size == 0 or packet.pts is None or packet.is_discard:
                    continue
                pts.append(packet.pts)
                if packet.is_keyframe:
                    keys.append(packet.pts)
        except av.error.FFmpegError as exc:
            self._container.close()
            raise MediaError(f"{path}: cannot index the video ({exc}).") from None
        if not pts:
            self._container.close()
            raise MediaError(f"{path}: the video holds no frames.")
        self.pts = sorted(pts)
        self.keyframes = sorted(keys) or [self.pts[0]]
        self.times = [float(p * self._tb) for p in self.pts]
        self._decoder: Any = None
        self._next_index = -1

    @property
    def frame_count(self) -> int:
        return len(self.pts)

    @property
    def duration_s(self) -> float:
        return self.times[-1] - self.times[0]

    def index_at(self, time_s: float) -> int:
        """The frame on screen at ``time_s`` (the last one starting at or before it)."""
        return max(0, min(self.frame_count - 1, bisect_right(self.times, time_s + 1e-9) - 1))

    def time_of(self, index: int) -> float:
        return self.times[max(0, min(self.frame_count - 1, index))]

    def frame(self, index: int) -> FrameImage:
        """Decode exactly frame ``index`` (clamped to the video)."""
        index = max(0, min(self.frame_count - 1, index))
        with self._lock:
            target = self.pts[index]
            if self._decoder is None or index != self._next_index:
                key = self.keyframes[max(0, bisect_right(self.keyframes, target) - 1)]
                self._container.seek(key, backward=True, any_frame=False, stream=self._stream)
                self._decoder = self._container.decode(self._stream)
            try:
                for frame in self._decoder:
                    if frame.pts is None or frame.pts < target:
                        continue
                    if frame.pts > target:  # the seek landed after it: start from the top
                        break
                    self._next_index = index + 1
                    rgb = frame.to_ndarray(format="rgb24")
                    return FrameImage(index, self.times[index], upright(rgb, self.rotation))
            except av.error.FFmpegError as exc:
                self._decoder = None
                raise MediaError(f"{self.path}: frame {index} cannot be decoded ({exc}).") \
                    from None
            self._decoder = None
            return self._from_start(index)

    def _from_start(self, index: int) -> FrameImage:
        self._container.seek(self.pts[0], backward=True, any_frame=False, stream=self._stream)
        self._decoder = self._container.decode(self._stream)
        for frame in self._decoder:
            if frame.pts == self.pts[index]:
                self._next_index = index + 1
                return FrameImage(index, self.times[index],
                                  upright(frame.to_ndarray(format="rgb24"), self.rotation))
        raise MediaError(f"{self.path}: frame {index} cannot be found.")

    def close(self) -> None:
        with self._lock:
            self._decoder = None
            self._container.close()

    def __enter__(self) -> FrameReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
