"""Decoding video frames in order with their exact timestamps (PyAV, read-only)."""

from __future__ import annotations

import os
import stat
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


def check_regular_file(path: Path) -> os.stat_result:
    """The file's status, or a MediaError naming it when it is not a readable regular file."""
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        raise MediaError(f"{path!r}: the file name is not valid UTF-8; rename the file "
                         "first.") from None
    try:
        info = path.stat()
    except FileNotFoundError:
        raise MediaError(f"{path}: file not found.") from None
    except PermissionError:
        raise MediaError(f"{path}: permission denied (cannot reach the file).") from None
    except OSError as exc:
        raise MediaError(f"{path}: cannot be read ({exc.strerror or exc}).") from None
    if stat.S_ISDIR(info.st_mode):
        raise MediaError(f"{path}: is a folder, not a video file.")
    if not stat.S_ISREG(info.st_mode):
        raise MediaError(f"{path}: is not a regular file (a device, pipe or socket).")
    if info.st_size == 0:
        raise MediaError(f"{path}: the file is empty (0 bytes).")
    return info


def open_container(path: Path) -> Any:
    """Open a media file for reading only. The absolute path is used so that a name like
    ``file:x.mp4`` or ``http:...`` is never taken for an FFmpeg protocol."""
    check_regular_file(path)
    try:
        return av.open(str(path.resolve()), mode="r")
    except PermissionError:
        raise MediaError(f"{path}: permission denied (cannot read the file).") from None
    except av.error.InvalidDataError:
        raise MediaError(
            f"{path}: not a video file, or damaged beyond reading (no readable container)."
        ) from None
    except (av.error.FFmpegError, OSError) as exc:
        raise MediaError(f"{path}: cannot be opened as video ({exc}).") from None
    except (UnicodeDecodeError, ValueError) as exc:  # damaged metadata PyAV cannot decode
        raise MediaError(f"{path}: the file's metadata is damaged ({exc}).") from None


def iter_frames(path: Path, cancel: CancelToken | None = None) -> Iterator[DecodedFrame]:
    """Every video frame of ``path`` in presentation order. Damage becomes MediaError."""
    container = open_container(path)
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
