"""Decoding video frames in order with their exact timestamps (PyAV, read-only).

Some files carry presentation timestamps equal to their decode timestamps although the video
has B-frames (remuxed by docking stations and conversion tools): the decoder hands frames out
in presentation order, but each with the timestamp of the packet decoded at that moment, so
the timestamps go backwards. The set of timestamps is right, only its assignment is
scrambled: the k-th frame's true time is the k-th smallest timestamp. :class:`Retimer` gives
each decoded frame that time with a small reordering window (memory-flat), and strictly
increasing timestamps in any case.
"""

from __future__ import annotations

import enum
import heapq
import os
import stat
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any, Generic, TypeVar

import av
import cv2
import numpy as np

from app.core.errors import QT_TRANSLATE_NOOP, MediaError
from app.core.media.combing import CombWatch
from app.core.progress import CancelToken

T = TypeVar("T")

REORDER_WINDOW = 16  # frames held back to re-time reordered timestamps (B-frame depth + margin)
REORDERED_NOTE = ("the presentation timestamps equal the decode timestamps although the "
                  "video has B-frames (remuxed by a docking station or conversion tool), so "
                  "decoded frames' timestamps go backwards; exports give every frame its true "
                  "time, in order")


class Timestamps(enum.StrEnum):
    """What a video's decoded timestamps look like."""

    OK = "ok"  # strictly increasing in presentation order
    REORDERED = "reordered"  # go backwards: pts == dts with B-frames
    REPAIRED = "repaired"  # repeated or missing timestamps (made unique and increasing)


@dataclass(frozen=True)
class DecodedFrame:
    """A decoded frame, its 0-based index in presentation order and its time in seconds."""

    index: int
    pts: int  # re-timed: strictly increasing (see Retimer)
    time_s: float
    frame: Any  # av.VideoFrame


def check_regular_file(path: Path) -> os.stat_result:
    """The file's status, or a MediaError naming it when it is not a readable regular file."""
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        raise MediaError(QT_TRANSLATE_NOOP(
            "CoreMessages", "{path!r}: the file name is not valid UTF-8; rename the file first."),
            path=path) from None
    try:
        info = path.stat()
    except FileNotFoundError:
        raise MediaError(QT_TRANSLATE_NOOP(
            "CoreMessages", "{path}: file not found."),
            path=path) from None
    except PermissionError:
        raise MediaError(QT_TRANSLATE_NOOP(
            "CoreMessages", "{path}: permission denied (cannot reach the file)."),
            path=path) from None
    except OSError as exc:
        raise MediaError(QT_TRANSLATE_NOOP(
            "CoreMessages", "{path}: cannot be read ({value})."),
            path=path, value=exc.strerror or exc) from None
    if stat.S_ISDIR(info.st_mode):
        raise MediaError(QT_TRANSLATE_NOOP(
            "CoreMessages", "{path}: is a folder, not a video file."),
            path=path)
    if not stat.S_ISREG(info.st_mode):
        raise MediaError(QT_TRANSLATE_NOOP(
            "CoreMessages", "{path}: is not a regular file (a device, pipe or socket)."),
            path=path)
    if info.st_size == 0:
        raise MediaError(QT_TRANSLATE_NOOP(
            "CoreMessages", "{path}: the file is empty (0 bytes)."),
            path=path)
    return info


def open_container(path: Path) -> Any:
    """Open a media file for reading only. The absolute path is used so that a name like
    ``file:x.mp4`` or ``http:...`` is never taken for an FFmpeg protocol."""
    check_regular_file(path)
    try:
        return av.open(str(path.resolve()), mode="r")
    except PermissionError:
        raise MediaError(QT_TRANSLATE_NOOP(
            "CoreMessages", "{path}: permission denied (cannot read the file)."),
            path=path) from None
    except av.error.InvalidDataError:
        raise MediaError(QT_TRANSLATE_NOOP(
            "CoreMessages", "{path}: not a video file, or damaged beyond reading (no readable "
            "container)."),
            path=path) from None
    except (av.error.FFmpegError, OSError) as exc:
        raise MediaError(QT_TRANSLATE_NOOP(
            "CoreMessages", "{path}: cannot be opened as video ({exc})."),
            path=path, exc=exc) from None
    except (UnicodeDecodeError, ValueError) as exc:  # damaged metadata PyAV cannot decode
        raise MediaError(QT_TRANSLATE_NOOP(
            "CoreMessages", "{path}: the file's metadata is damaged ({exc})."),
            path=path, exc=exc) from None


SOUND_DAMAGED = QT_TRANSLATE_NOOP("CoreMessages", "{path}: the sound cannot be decoded ({exc}).")


@contextmanager
def reading(path: Path, damaged: str) -> Iterator[Any]:
    """``path`` opened by :func:`open_container` and closed on the way out; an FFmpeg error
    while it is read becomes a MediaError from the template ``damaged`` (fields ``path`` and
    ``exc``)."""
    container = open_container(path)
    try:
        yield container
    except av.error.FFmpegError as exc:
        raise MediaError(damaged, path=path, exc=exc) from None
    finally:
        container.close()


LEADING_NOTE = ("it starts part-way through a group of pictures (cut from a recorder's "
                "stream): {count} frame(s) timed before the first one a decoder can show "
                "cannot be decoded in full (players skip them or show them grey) and are "
                "left out")


def leading_undecodable(packets: list[tuple[int, bool]], first_pts: int | None) -> set[int]:
    """The packets of a video, ``(pts, keyframe)`` in decode order, that are never decoded
    because the file was cut from a recorder's stream part-way through a group of pictures:
    every packet timed before the decoder's first picture (at ``first_pts``): those before
    the first key frame, and an open group's pictures just after it that refer back to what
    was cut off (also when the cut fell on that key frame). Their positions in ``packets``;
    none for a file whose first picture is its earliest, as in every file not cut."""
    if not packets or first_pts is None:
        return set()
    return {i for i, (pts, _key) in enumerate(packets) if pts < first_pts}


STILL_CODECS = frozenset({"mjpeg", "png", "bmp", "webp", "tiff", "gif", "jpeg2000"})


def main_video(container: Any) -> Any:
    """The video stream of an open file that everything reads (ingest, the player's frames,
    detection, the export), the same each time the file is opened: the first that is not a
    cover picture (before 2026-12-06 simply the first), unless it is a thumbnail (a picture
    codec holding one picture: :func:`_one_picture`) and FFmpeg would play another: then
    that one. So a thumbnail track before the recording (as some tools write Matroska) is
    passed over, and a file with several recordings (a dashcam's rear camera) is read at the
    stream read before, whose footage and runs may already be stored. The others are left
    out (:func:`left_out`). A file with no video stream has none (IndexError), as before."""
    videos = list(container.streams.video)
    moving = [s for s in videos if not s.disposition & av.stream.Disposition.attached_pic]
    first = (moving or videos)[0]
    if first.codec_context.name not in STILL_CODECS or not _one_picture(container, first):
        return first
    try:
        best = container.streams.best("video")
    except (av.error.FFmpegError, ValueError):
        best = None
    return best if best is not None and any(best is s for s in moving) else first


THUMBNAIL_LOOK = 256  # packets read from a file's start to tell a thumbnail from a video


def _one_picture(container: Any, stream: Any) -> bool:
    """Whether ``stream`` of an open file holds one picture: as its file counts, or, where
    it counts none (Matroska never does), among the file's first THUMBNAIL_LOOK packets
    (read from a second opening, so the caller's reading is untouched); a stream of more
    pictures (MJPEG video) shows a second one within them."""
    if stream.frames:
        return int(stream.frames) <= 1
    seen = 0
    try:
        with av.open(str(container.name), mode="r") as look:
            for number, packet in enumerate(look.demux()):
                if packet.stream.index == stream.index and packet.size:
                    seen += 1
                if seen > 1 or number >= THUMBNAIL_LOOK:
                    break
    except (av.error.FFmpegError, OSError, ValueError):
        return False  # not known to be a thumbnail: read it, as before
    return seen <= 1


def left_out(container: Any, kept: Any) -> list[dict[str, Any]]:
    """Every stream of an open file an export leaves out (all but the ``kept`` video and
    the audio), as the manifest names them: other video streams (a cover picture marked so),
    subtitles, data, attachments."""
    out: list[dict[str, Any]] = []
    for stream in container.streams:
        if stream is kept or stream.type == "audio":
            continue
        codec = getattr(getattr(getattr(stream, "codec_context", None), "codec", None),
                        "canonical_name", None)  # the format (av1), not its decoder
        entry: dict[str, Any] = {"index": stream.index, "type": stream.type, "codec": codec}
        if stream.type == "video":
            entry.update(width=stream.width, height=stream.height,
                         picture=bool(stream.disposition & av.stream.Disposition.attached_pic))
        out.append(entry)
    return out


OTHER_VIDEO_NOTE = ("the file holds {count} more video stream(s) ({streams}); only stream "
                    "{index} is shown, redacted and exported: the others are left out of "
                    "every export")


def other_video_note(container: Any, kept: Any) -> str | None:
    """Ingest's warning when a file holds more video streams than the one read, or None."""
    others = [s for s in left_out(container, kept) if s["type"] == "video"]
    if not others:
        return None
    streams = ", ".join(
        f"#{s['index']} " + ("a cover picture" if s["picture"]
                            else f"{s['width']}x{s['height']} {s['codec']}") for s in others)
    return OTHER_VIDEO_NOTE.format(count=len(others), streams=streams, index=kept.index)


def first_picture(path: Path) -> Any:
    """The first picture the decoder gives of ``path`` (None when it gives none)."""
    with open_container(path) as container:
        try:
            return next(container.decode(main_video(container)), None)
        except av.error.FFmpegError:
            return None


def first_picture_pts(path: Path) -> int | None:
    """The timestamp of the first picture the decoder gives (None if none or unstamped)."""
    frame = first_picture(path)
    return frame.pts if frame is not None else None


def first_size(stream: Any) -> tuple[int, int]:
    """The picture size of ``stream`` as its file declares it (what FFmpeg found opening
    it, read before anything is decoded; most often its first picture's): what ingest
    records, and the size every picture is detected, shown and exported at."""
    return stream.codec_context.width, stream.codec_context.height


def pixel_shape(stream: Any) -> Fraction | None:
    """How wide a pixel of ``stream`` is for its height, as the file says (the container's
    word first, as FFmpeg takes it: a MOV ``pasp`` box, Matroska's display size; else the
    codec's), None when it says nothing."""
    return stream.sample_aspect_ratio or stream.codec_context.sample_aspect_ratio or None


def is_yuv(pixels: str) -> bool:
    """Whether pictures of the pixel format ``pixels`` are YUV (not RGB, grey or a
    palette): the ones a colour range and matrix describe."""
    try:
        shape = av.VideoFormat(pixels)
    except (ValueError, TypeError):
        return False
    return not (shape.is_rgb or shape.has_palette or pixels.startswith("xyz")) \
        and len(shape.components) >= 3


def rgb_of(frame: Any) -> Any:
    """A decoded picture's pixels as RGB (an array), read by its own colour description:
    a full-range YUV picture (phones, MJPEG CCTV, dashcams) as full range, and by its
    matrix (BT.709 for most HD cameras). PyAV 18 does so unasked; said here, so that every
    reader of pictures (the detectors, the player, the export) reads them alike."""
    told = frame.color_range or None if is_yuv(frame.format.name) else None
    return frame.to_ndarray(format="rgb24", src_color_range=told)


def as_sized(frame: Any, size: tuple[int, int]) -> Any:
    """``frame`` at ``size`` (width, height; :func:`first_size`): a stream whose picture
    size changes part-way (recordings joined, a recorder's stream) is detected, shown and
    exported at one size, the other pictures scaled to it (the export's manifest counts
    them)."""
    if (frame.width, frame.height) == size or not all(size):
        return frame
    kept = frame.color_range or None  # scaled, its range and matrix stay as they are
    return frame.reformat(width=size[0], height=size[1], src_color_range=kept,
                          dst_color_range=kept)


def one_field(rgb: Any, field: int = 0) -> Any:
    """An interlaced picture (analogue CCTV, DV: its two fields, the even rows and the odd,
    taken a field's time apart) as one field alone (0: the even rows, the top field),
    stretched back to its height: a face that moved between the fields is whole in each.
    For looking only (the export's check looks at each field); exports keep every row."""
    height, width = rgb.shape[:2]
    return cv2.resize(rgb[field::2], (width, height), interpolation=cv2.INTER_LINEAR)


def blended(rgb: Any) -> Any:
    """A picture seen to be combed (``combing.CombWatch.is_combed``), flagged interlaced or
    not, with its two fields laid over each other: each row half itself and a quarter each
    of the rows above and below. A combed face becomes two faces, one per field, each of
    which the detectors find; a picture taken for combed that is not loses only a little
    vertical sharpness. For looking only. A picture flagged interlaced is looked at so
    where the watch takes it for combed (its first picture, or from a lower share of
    combing), else whole: until 2026-12-07 every flagged picture was looked at one field
    alone (:func:`one_field`), every face with half its rows (README, "misflagged")."""
    return cv2.filter2D(rgb, -1, _FIELDS_LAID_OVER, borderType=cv2.BORDER_REFLECT)


_FIELDS_LAID_OVER = np.array([[0.25], [0.5], [0.25]], np.float32)


def to_look_at(frame: Any, combed: bool = False) -> Any:
    """``frame`` as the detectors look at it: one ``combed`` (``CombWatch.is_combed``) with
    its fields laid over each other (:func:`blended`; the export's check looks at its whole
    picture and each field alone), any other as it is."""
    if not combed or frame.height < 4:
        return frame
    looked = av.VideoFrame.from_ndarray(blended(rgb_of(frame)), format="rgb24")
    looked.pts, looked.time_base = frame.pts, frame.time_base
    return looked


def iter_frames(path: Path, cancel: CancelToken | None = None) -> Iterator[DecodedFrame]:
    """Every video frame of ``path`` in presentation order, at its declared size
    (:func:`as_sized`), as the detectors look at it (:func:`to_look_at`: one seen to be
    combed (:class:`~app.core.media.combing.CombWatch`) with its fields laid over each
    other, flagged interlaced or not). Damage becomes MediaError.

    Timestamps are re-timed by :class:`Retimer` (unchanged for correct files), so times
    always increase and match the export's.
    """
    container = open_container(path)
    try:
        if not container.streams.video:
            raise MediaError(QT_TRANSLATE_NOOP(
                "CoreMessages", "{path}: contains no video stream."),
                path=path)
        stream = main_video(container)
        stream.thread_type = "AUTO"
        time_base = stream.time_base or Fraction(1, 90000)
        # Each frame waits in the retimer (a few frames) with whether it was seen combed,
        # and is looked at as interlaced if so, or if the recording is by the time it leaves.
        retimer: Retimer[tuple[Any, bool]] = Retimer(step=frame_step(stream))
        index, size, watch = 0, first_size(stream), CombWatch()
        decoded = 0  # frames out of the decoder (some wait in the retimer before ``index``)
        try:
            for frame in container.decode(stream):
                decoded += 1
                if cancel is not None:
                    cancel.check()
                held = (as_sized(frame, size), watch.is_combed(frame))
                for (item, combed), pts in retimer.push(held, frame.pts):
                    looked = to_look_at(item, combed or watch.settled)
                    yield DecodedFrame(index, pts, float(pts * time_base), looked)
                    index += 1
            for (item, combed), pts in retimer.drain():
                looked = to_look_at(item, combed or watch.settled)
                yield DecodedFrame(index, pts, float(pts * time_base), looked)
                index += 1
        except av.error.FFmpegError as exc:
            raise MediaError(QT_TRANSLATE_NOOP(
                "CoreMessages", "{path}: the video is damaged after frame {index} ({exc})."),
                path=path, index=max(decoded - 1, 0), exc=exc) from None  # the last read
    finally:
        container.close()


def first_video_pts(source: Path, packets: int = 4 * REORDER_WINDOW) -> int:
    """The smallest timestamp among the first ``packets`` video packets (0 if none): at or
    before every frame's (re-timed) time, so the export can shift negative times to 0."""
    with open_container(source) as container:
        found: list[int] = []
        try:
            for packet in container.demux(main_video(container)):
                if packet.size and packet.pts is not None and not packet.is_discard:
                    found.append(packet.pts)
                    if len(found) >= packets:
                        break
        except av.error.FFmpegError:
            pass  # damage is reported by the export itself
        return min(found, default=0)


def frame_step(stream: Any) -> int:
    """Ticks of ``stream``'s time base per frame at its nominal rate (at least 1)."""
    tb = stream.time_base or Fraction(1, 90000)
    rate = stream.average_rate or stream.guessed_rate or stream.base_rate
    try:
        return max(1, round(1 / (Fraction(rate) * tb))) if rate else 1
    except (ZeroDivisionError, TypeError, ValueError):
        return 1


def unique_increasing(sorted_pts: list[int]) -> list[int]:
    """Sorted timestamps made strictly increasing as :class:`Retimer` makes them: one not
    above the previous moves one tick after it."""
    out: list[int] = []
    for value in sorted_pts:
        out.append(value if not out or value > out[-1] else out[-1] + 1)
    return out


class Retimer(Generic[T]):
    """Strictly increasing timestamps for frames decoded in presentation order.

    ``push(item, pts)`` holds items back until ``window`` are waiting, then hands out the
    oldest with the smallest timestamp seen and not yet given out: for timestamps that are
    only scrambled (pts == dts with B-frames) that is each frame's true time; for correct
    ones it changes nothing. A timestamp not above the previous one is moved one tick later;
    a missing one becomes one frame (``step`` ticks) after the latest seen. ``drain()``
    hands out the rest at the end.
    """

    def __init__(self, window: int = REORDER_WINDOW, step: int = 1) -> None:
        self.window = max(0, window)
        self.step = max(1, step)
        self._pending: deque[tuple[T, int | None]] = deque()
        self._heap: list[int] = []
        self._last_out: int | None = None
        self._last_in: int | None = None
        self._max: int | None = None
        self.frames = self.retimed = self.bumped = self.missing = self.backwards = 0

    def push(self, item: T, pts: int | None) -> list[tuple[T, int]]:
        value = pts
        if value is None:
            self.missing += 1
            value = 0 if self._max is None else self._max + self.step
        else:
            if self._last_in is not None and value < self._last_in:
                self.backwards += 1
            self._last_in = value
        self._max = value if self._max is None else max(self._max, value)
        heapq.heappush(self._heap, value)
        self._pending.append((item, pts))
        ready = []
        while len(self._pending) > self.window:
            ready.append(self._emit())
        return ready

    def drain(self) -> list[tuple[T, int]]:
        return [self._emit() for _ in range(len(self._pending))]

    def _emit(self) -> tuple[T, int]:
        item, original = self._pending.popleft()
        value = heapq.heappop(self._heap)
        if self._last_out is not None and value <= self._last_out:
            value = self._last_out + 1
            self.bumped += 1
        if value != original:
            self.retimed += 1
        self._last_out = value
        self.frames += 1
        return item, value

    @property
    def state(self) -> Timestamps:
        if self.backwards:
            return Timestamps.REORDERED
        return Timestamps.REPAIRED if self.bumped or self.missing else Timestamps.OK

    def summary(self) -> dict[str, Any]:
        """What was done, for the export manifest."""
        state = self.state
        method = "source timestamps kept" if state is Timestamps.OK else (
            "frames in decoded (presentation) order, each given the smallest source timestamp "
            f"not yet used (reordering window {self.window} frames); a timestamp not above the "
            "previous one moved 1 tick later, a missing one set 1 frame after the latest")
        return {"source": state.value, "frames": self.frames, "frames_retimed": self.retimed,
                "duplicates_bumped": self.bumped, "missing_pts": self.missing,
                "method": method}
