"""Frame-exact random access to a video: frame N, the frame at time T, stepping.

The timestamps of every frame are read once by demuxing (no decoding), so frame numbers and
times map exactly even for variable frame rate. ``frame(n)`` seeks to the keyframe at or
before frame ``n`` and decodes forward; asking for the next frame continues decoding without
a seek. This is what the player shows when paused or stepping.

Frame N here is frame N of the export and of detection (:func:`app.core.media.decode.
iter_frames`): a timestamp repeated by a coarse camera clock is made unique as the export's
:class:`Retimer` does, and decoded frames are matched by their place among equal timestamps
(a seek never starts on a repeated one). MPEG-TS/PS seek by decode timestamp, so a seek that
lands after its keyframe is tried again by the keyframe's dts, then from the file's start.

Files whose stored pts rise in decode order although the stream has B-frames (pts == dts,
from docking stations and conversion tools) decode with timestamps that go backwards; for
them decoded frames are matched by their re-timed timestamps (:class:`Retimer`, as in the
export), and each seek starts one keyframe earlier so that open-GOP leading pictures decode.
"""

from __future__ import annotations

import itertools
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

import av
import numpy as np
import numpy.typing as npt

from app.core.errors import QT_TRANSLATE_NOOP, MediaError
from app.core.fileio import file_identity
from app.core.media.decode import (
    Retimer,
    as_sized,
    first_picture_pts,
    first_size,
    frame_step,
    leading_undecodable,
    main_video,
    open_container,
    pixel_shape,
    rgb_of,
    unique_increasing,
)
from app.core.media.rotation import upright


@dataclass(frozen=True)
class FrameImage:
    index: int
    time_s: float
    rgb: npt.NDArray[np.uint8]  # upright (display rotation applied)


@dataclass(frozen=True)
class _Key:
    index: int  # the keyframe's place in presentation order
    pts: int
    dts: int | None


class _Late(Exception):
    """A seek landed after the keyframe it was asked for."""


REPLACED = QT_TRANSLATE_NOOP(
    "CoreMessages", "{path}: the file was changed or replaced while it was open; open the "
    "footage again.")


class FrameReader:
    """Exact frames of one video. Thread-safe (one lock); close it when done."""

    def __init__(self, path: Path, rotation: int = 0) -> None:
        self.path = path
        self.rotation = rotation
        self._lock = threading.Lock()
        self._container = open_container(path)
        self._identity = file_identity(path)
        try:
            self._stream = main_video(self._container)
            self._size = first_size(self._stream)  # every picture shown at it (as_sized)
            self._tb: Fraction = self._stream.time_base or Fraction(1, 90000)
            # (pts, decode order, dts, keyframe): sorted, equal pts keep their decode order
            packets: list[tuple[int, int, int | None, bool]] = []
            rising = True  # stored pts increase in decode order (pts == dts)
            for packet in self._container.demux(self._stream):
                if packet.size == 0 or packet.pts is None or packet.is_discard:
                    continue
                if packets and packet.pts <= packets[-1][0]:
                    rising = False
                packets.append((packet.pts, len(packets), packet.dts, packet.is_keyframe))
        except av.error.FFmpegError as exc:
            self._container.close()
            raise MediaError(QT_TRANSLATE_NOOP(
                "CoreMessages", "{path}: cannot index the video ({exc})."),
                path=path, exc=exc) from None
        if not packets:
            self._container.close()
            raise MediaError(QT_TRANSLATE_NOOP(
                "CoreMessages", "{path}: the video holds no frames."),
                path=path)
        sar = pixel_shape(self._stream)
        # how wide each pixel of the upright picture is shown, for its height (PAL, HDV and
        # CCTV pixels are not square; turned a quarter, their shape turns with them)
        wide = float(sar) if sar else 1.0
        self.pixel_aspect = wide if rotation % 180 == 0 else 1.0 / wide
        self.reordered = (rising and len(packets) > 2
                          and bool(self._stream.codec_context.has_b_frames))
        earliest, skipped = min(p[0] for p in packets), set()
        if not self.reordered and not (packets[0][3] and packets[0][0] == earliest):
            # (a file whose first packet is a key frame timed first is not cut) cut part-way
            # through a group of pictures: frames never decoded, left out as the probe does
            try:
                first = first_picture_pts(path)
            except MediaError:
                self._container.close()
                raise
            skipped = leading_undecodable([(p[0], p[3]) for p in packets], first)
            packets = [p for i, p in enumerate(packets) if i not in skipped]
        self._step = frame_step(self._stream)
        packets.sort()
        self._raw = [p[0] for p in packets]  # as stored, in presentation order
        self.pts = unique_increasing(self._raw)  # as the export and detection time them
        self._keys = [_Key(i, p[0], p[2]) for i, p in enumerate(packets) if p[3]] or [
            _Key(0, packets[0][0], packets[0][2])]
        self.times = [float(p * self._tb) for p in self.pts]
        # where the player's clock (VLC's) starts: the first frame's time, or the first
        # packet's where frames before the first decoded one were left out
        self.clock_start = float(earliest * self._tb) if skipped else self.times[0]
        self._decoder: Iterator[tuple[int, Any]] | None = None
        self._next_index = -1
        self._by_dts = False  # seeks land right by the keyframe's dts (MPEG-TS/PS)
        self._replaced = False

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
            if self._replaced:
                raise MediaError(REPLACED, path=self.path)
            try:
                if self._decoder is None or index != self._next_index:
                    self._decoder = self._seek(index)
                image = self._find(index)
                if image is None:  # not decoded from the seek: from the top
                    self._decoder = self._from_start()
                    image = self._find(index)
            except av.error.FFmpegError as exc:
                self._decoder = None
                raise MediaError(QT_TRANSLATE_NOOP(
                    "CoreMessages", "{path}: frame {index} cannot be decoded ({exc})."),
                    path=self.path, index=index, exc=exc) from None
            if image is None:
                self._decoder = None
                raise MediaError(QT_TRANSLATE_NOOP(
                    "CoreMessages", "{path}: frame {index} cannot be found."),
                    path=self.path, index=index)
            return image

    def _find(self, index: int) -> FrameImage | None:
        """Frame ``index`` from the current decoder, or None when it is passed or ends."""
        assert self._decoder is not None
        try:
            for i, frame in self._decoder:
                if i < index:
                    continue
                if i > index:
                    break
                self._next_index = index + 1
                rgb = rgb_of(as_sized(frame, self._size))
                return FrameImage(index, self.times[index], upright(rgb, self.rotation))
        except _Late:
            pass
        self._decoder = None
        return None

    def _seek(self, index: int) -> Iterator[tuple[int, Any]]:
        """A decoder from the keyframe at or before frame ``index`` whose timestamp no other
        frame shares (one keyframe earlier for reordered files)."""
        pos = bisect_right([k.index for k in self._keys], index) - 1 - int(self.reordered)
        while pos > 0 and not self._unique(self._keys[pos].index):
            pos -= 1
        if pos < 0 or not self._unique(self._keys[pos].index):
            return self._from_start()
        key = self._keys[pos]
        targets = [key.pts] if key.dts is None or key.dts == key.pts else (
            [key.dts, key.pts] if self._by_dts else [key.pts, key.dts])
        for target in targets:
            self._container.seek(target, backward=True, any_frame=False, stream=self._stream)
            decoder = self._decode(key.index)
            try:
                first = next(decoder)
            except (_Late, StopIteration):
                continue
            self._by_dts = target == key.dts
            return itertools.chain([first], decoder)
        return self._from_start()

    def _unique(self, index: int) -> bool:
        """Whether frame ``index``'s stored timestamp is its own."""
        raw = self._raw
        return not ((index > 0 and raw[index - 1] == raw[index])
                    or (index + 1 < len(raw) and raw[index + 1] == raw[index]))

    def _from_start(self) -> Iterator[tuple[int, Any]]:
        """A decoder from the file's very first packet (the file opened again: a seek to the
        first frame's time can land after it), refused if the path now names another file."""
        self._container.close()
        self._container = open_container(self.path)
        self._stream = main_video(self._container)
        if file_identity(self.path) != self._identity:
            self._replaced = True  # never read from the other file
            raise MediaError(REPLACED, path=self.path)
        return self._decode(0)

    def _decode(self, key: int) -> Iterator[tuple[int, Any]]:
        """(index, frame) decoded from the position of frame ``key`` (a keyframe): frames
        before it are skipped; raises _Late if the first one decoded comes after it."""
        frames = self._container.decode(self._stream)
        stamped: Iterator[tuple[int, Any]]
        if self.reordered:  # matched by their re-timed (unique) timestamps
            lookup = self.pts
            stamped = self._retimed(frames)
        else:  # matched by stored timestamp and place among equal ones
            lookup = self._raw
            stamped = ((f.pts, f) for f in frames if f.pts is not None)
        last = -1
        for pts, frame in stamped:
            if last < 0:
                if pts < lookup[key]:
                    continue
                if pts > lookup[key]:
                    raise _Late
                last = key
                yield key, frame
                continue
            i = bisect_left(lookup, pts, last + 1)
            if i < len(lookup) and lookup[i] == pts:  # else not an indexed frame: skipped
                last = i
                yield i, frame

    def _retimed(self, frames: Iterator[Any]) -> Iterator[tuple[int, Any]]:
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
