"""Frame-exact random access to a video: frame N, the frame at time T, stepping.

The timestamps of every frame are read once by demuxing (no decoding), so frame numbers and
times map exactly even for variable frame rate. ``frame(n)`` seeks to the keyframe at or
before frame ``n`` and decodes forward; asking for the next frame continues decoding without
a seek. This is what the player shows when paused or stepping.

Files whose stored pts rise in decode order although the stream has B-frames (pts == dts,
from docking stations and conversion tools) decode with timestamps that go backwards; for
them decoded frames are matched by their re-timed timestamps (:class:`Retimer`, as in the
export), and each seek starts one keyframe earlier so that open-GOP leading pictures decode.
"""

from __future__ import annotations

import threading
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

import av
import numpy as np
import numpy.typing as npt

from app.core.errors import QT_TRANSLATE_NOOP, MediaError
from app.core.media.decode import Retimer, frame_step, open_container
from app.core.media.rotation import upright


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
            rising = True  # stored pts increase in decode order (pts == dts)
            for packet in self._container.demux(self._stream):
                if packet.size == 0 or packet.pts is None or packet.is_discard:
                    continue
                if pts and packet.pts <= pts[-1]:
                    rising = False
                pts.append(packet.pts)
                if packet.is_keyframe:
                    keys.append(packet.pts)
        except av.error.FFmpegError as exc:
            self._container.close()
            raise MediaError(QT_TRANSLATE_NOOP(
                "CoreMessages", "{path}: cannot index the video ({exc})."),
                path=path, exc=exc) from None
        if not pts:
            self._container.close()
            raise MediaError(QT_TRANSLATE_NOOP(
                "CoreMessages", "{path}: the video holds no frames."),
                path=path)
        self.reordered = (rising and len(pts) > 2
                          and bool(self._stream.codec_context.has_b_frames))
        self._step = frame_step(self._stream)
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
                k = bisect_right(self.keyframes, target) - 1 - int(self.reordered)
                key = self.keyframes[max(0, k)]
                self._container.seek(key, backward=True, any_frame=False, stream=self._stream)
                self._decoder = self._decode()
            try:
                for pts, frame in self._decoder:
                    if pts < target:
                        continue
                    if pts > target:  # the seek landed after it: start from the top
                        break
                    self._next_index = index + 1
                    rgb = frame.to_ndarray(format="rgb24")
                    return FrameImage(index, self.times[index], upright(rgb, self.rotation))
            except av.error.FFmpegError as exc:
                self._decoder = None
                raise MediaError(QT_TRANSLATE_NOOP(
                    "CoreMessages", "{path}: frame {index} cannot be decoded ({exc})."),
                    path=self.path, index=index, exc=exc) from None
            self._decoder = None
            return self._from_start(index)

    def _from_start(self, index: int) -> FrameImage:
        self._container.seek(self.pts[0], backward=True, any_frame=False, stream=self._stream)
        self._decoder = self._decode()
        for pts, frame in self._decoder:
            if pts == self.pts[index]:
                self._next_index = index + 1
                return FrameImage(index, self.times[index],
                                  upright(frame.to_ndarray(format="rgb24"), self.rotation))
        raise MediaError(QT_TRANSLATE_NOOP(
            "CoreMessages", "{path}: frame {index} cannot be found."),
            path=self.path, index=index)

    def _decode(self) -> Iterator[tuple[int, Any]]:
        """(pts, frame) from the current position; re-timed for reordered files."""
        frames = self._container.decode(self._stream)
        if not self.reordered:
            yield from ((f.pts, f) for f in frames if f.pts is not None)
            return
        retimer: Retimer[Any] = Retimer(step=self._step)
        for frame in frames:
            for item, pts in retimer.push(frame, frame.pts):
                yield pts, item
        for item, pts in retimer.drain():
            yield pts, item

    def close(self) -> None:
        with self._lock:
            self._decoder = None
            self._container.close()

    def __enter__(self) -> FrameReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
