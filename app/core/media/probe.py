"""Reading what a video file is (codecs, geometry, real frame count, metadata) with PyAV.

The file is only ever opened for reading. The frame count is counted from the video packets
(skipping edit-list discards), not taken from the container's guess; when the container's
index promises more frames than the file holds, the file is reported as truncated.

Timestamps: when the stored pts rise in decode order (pts == dts) although the decoder says
the stream reorders frames (B-frames), the first frames are decoded to see whether their
timestamps go backwards; such a file is reported as ``Timestamps.REORDERED`` with a warning
(exports re-time it, see :class:`app.core.media.decode.Retimer`). Timestamps that repeat
(a coarse camera clock) are reported as ``Timestamps.REPAIRED`` with a warning.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import UTC, datetime
from fractions import Fraction
from pathlib import Path
from typing import Any

import av

from app.core.errors import QT_TRANSLATE_NOOP, MediaError
from app.core.media.decode import (
    LEADING_NOTE,
    REORDERED_NOTE,
    STILL_CODECS,
    Timestamps,
    leading_undecodable,
    main_video,
    open_container,
    other_video_note,
    reading,
)
from app.core.media.rotation import MIRRORED, display_matrix_of, mirrors
from app.core.progress import CancelToken

DEVICE_TAGS = ("device_id", "deviceid", "camera_id", "camera_serial", "serial_number",
               "serialnumber", "serial", "com.apple.quicktime.model", "model")
OFFICER_TAGS = ("officer_id", "officer", "badge_number", "badge", "operator", "artist",
                "author", "com.apple.quicktime.author")
CREATION_TAGS = ("creation_time", "com.apple.quicktime.creationdate", "date")
STILL_FORMATS = frozenset({"image2", "png_pipe", "jpeg_pipe", "bmp_pipe", "webp_pipe",
                           "tiff_pipe", "gif_pipe"})
# FFmpeg's demuxers that play any text file (by its name: .txt, .nfo, .asc...) as a picture
TEXT_FORMATS = frozenset({"tty", "bin", "xbin", "adf", "idf"})
MAX_TAG = 128  # longest device / officer id kept (the column's size)
CHECK_FRAMES = 300  # frames decoded to confirm timestamps that go backwards
REPEATED_NOTE = ("frame(s) carry the timestamp of the frame before (a coarse camera clock); "
                 "the player, detection and exports time each one tick after it")


@dataclass(frozen=True)
class MediaInfo:
    container: str
    video_codec: str
    width: int
    height: int
    rotation: int
    fps: float
    variable_frame_rate: bool
    frame_count: int
    duration_s: float
    audio_streams: list[dict[str, Any]] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    recorded_at: datetime | None = None
    device_id: str | None = None
    officer_id: str | None = None
    timestamps: Timestamps = Timestamps.OK
    warnings: list[str] = field(default_factory=list)
    start_s: float = 0.0  # the first frame's time on the file's clock (the plan's times are
    # on that clock; the player, flags and the command line's ranges count from this frame)

    @property
    def audio_codecs(self) -> str:
        return ",".join(str(a["codec"]) for a in self.audio_streams)


def _parse_time(value: str) -> datetime | None:
    text = value.strip().replace("Z", "+00:00")
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    if not 1971 <= parsed.year <= 2100:  # unset camera clocks write 1904/1970; junk beyond
        return None
    return parsed.astimezone(UTC)


def _clip(value: str | None) -> str | None:
    return value[:MAX_TAG] if value else value


def _first_tag(tags: list[dict[str, str]], names: tuple[str, ...]) -> str | None:
    for wanted in names:
        for mapping in tags:
            for key, value in mapping.items():
                if key.lower() == wanted and str(value).strip():
                    return str(value).strip()
    return None


def probe(path: Path, cancel: CancelToken | None = None) -> MediaInfo:
    """Describe a video file, or raise :class:`MediaError` with a message naming the file."""
    with reading(path, QT_TRANSLATE_NOOP(
            "CoreMessages", "{path}: the video is damaged and cannot be read ({exc}).")
                 ) as container:
        return _describe(path, container, cancel)


def _describe(path: Path, container: Any, cancel: CancelToken | None) -> MediaInfo:
    if not container.streams.video:
        raise MediaError(QT_TRANSLATE_NOOP(
            "CoreMessages", "{path}: contains no video stream."),
            path=path)
    if container.format.name in TEXT_FORMATS:
        raise MediaError(QT_TRANSLATE_NOOP(
            "CoreMessages", "{path}: is a text file, not a video."), path=path)
    if container.format.name in STILL_FORMATS or container.format.name.endswith("_pipe"):
        raise MediaError(QT_TRANSLATE_NOOP(
            "CoreMessages", "{path}: is a still image ({name}), not a video."),
            path=path, name=container.format.name)
    video = main_video(container)
    time_base = video.time_base or Fraction(1, 90000)
    promised = int(video.frames or 0)

    pts_values: list[int] = []
    keys: list[bool] = []  # whether each packet of pts_values is a key frame
    stored = 0  # every packet present, including edit-list discards, as the index counts them
    end = None
    rising = True  # stored pts strictly increasing in decode order (pts == dts)
    for packet in container.demux(video):
        if cancel is not None and stored % 256 == 0:
            cancel.check()
        if packet.size == 0:
            continue
        stored += 1
        if packet.is_discard or packet.pts is None:
            continue
        if pts_values and packet.pts <= pts_values[-1]:
            rising = False
        pts_values.append(packet.pts)
        keys.append(bool(packet.is_keyframe))
        packet_end = packet.pts + (packet.duration or 0)
        end = packet_end if end is None else max(end, packet_end)
    count = len(pts_values)
    if count == 0 and stored:
        raise MediaError(QT_TRANSLATE_NOOP(
            "CoreMessages", "{path}: the video carries no timestamps (a bare stream, as some "
            "recorders export .h264 or .264 files), so its frames cannot be placed in time. "
            "Keep it as it is, and ingest a copy put into a container at its frame rate "
            "(for example MP4, with ffmpeg: -framerate 25 -i FILE -c copy COPY.mp4)."),
            path=path)
    if count == 0:
        raise MediaError(QT_TRANSLATE_NOOP(
            "CoreMessages", "{path}: the video stream holds no frames."),
            path=path)
    if promised and stored < promised:
        raise MediaError(QT_TRANSLATE_NOOP(
            "CoreMessages", "{path}: truncated or incomplete: the file ends after {stored} of "
            "the {promised} frames its index lists."),
            path=path, stored=stored, promised=promised)

    suspect = rising and count > 2 and bool(video.codec_context.has_b_frames)
    rotation, backwards, first_pts = _decode_check(path, video,
                                                   CHECK_FRAMES if suspect else 1)
    skipped = set() if suspect else leading_undecodable(list(zip(pts_values, keys,
                                                                 strict=True)), first_pts)
    leading = len(skipped)
    pts_values = [p for i, p in enumerate(pts_values) if i not in skipped]
    count = len(pts_values)
    pts_values.sort()
    repeated = count - len(set(pts_values))  # frames stamped like an earlier one
    timestamps = (Timestamps.REORDERED if backwards
                  else Timestamps.REPAIRED if repeated else Timestamps.OK)
    start = pts_values[0]
    duration_s = float((end - start) * time_base) if end is not None else 0.0
    if duration_s <= 0 and container.duration:
        duration_s = container.duration / 1_000_000
    deltas = {b - a for a, b in itertools.pairwise(pts_values)}
    vfr = len(deltas) > 1 and (max(deltas) - min(deltas)) > 1
    if count == 1 and video.codec_context.name in STILL_CODECS:
        raise MediaError(QT_TRANSLATE_NOOP(
            "CoreMessages", "{path}: is a single still picture, not a video."),
            path=path)
    # The mean rate from the timestamps (exact for edit-listed files whose container rate
    # is skewed); the container's rate only when there is a single frame.
    span = pts_values[-1] - pts_values[0]
    rate = video.average_rate or video.guessed_rate
    fps = (count - 1) / float(span * time_base) if span > 0 else (float(rate) if rate else 0.0)

    audio = [
        {
            "index": s.index,
            "codec": s.codec_context.codec.canonical_name,
            "channels": s.codec_context.channels,
            "sample_rate": s.codec_context.sample_rate,
            "language": s.language,
        }
        for s in container.streams.audio
    ]
    format_tags = {str(k): str(v) for k, v in container.metadata.items()}
    stream_tags = [{str(k): str(v) for k, v in s.metadata.items()} for s in container.streams]
    tags = [format_tags, *stream_tags]
    created = _first_tag(tags, CREATION_TAGS)
    return MediaInfo(
        container=container.format.name,
        video_codec=video.codec_context.codec.canonical_name,  # av1, not its decoder libdav1d
        width=video.width,
        height=video.height,
        rotation=rotation,
        fps=round(fps, 6),
        variable_frame_rate=vfr,
        frame_count=count,
        duration_s=round(duration_s, 6),
        audio_streams=audio,
        metadata={"format": format_tags, "streams": stream_tags},
        recorded_at=_parse_time(created) if created else None,
        device_id=_clip(_first_tag(tags, DEVICE_TAGS)),
        officer_id=_clip(_first_tag(tags, OFFICER_TAGS)),
        timestamps=timestamps,
        warnings=([f"timestamps out of order: {REORDERED_NOTE}"] if backwards else
                  [f"timestamps repeated: {repeated} {REPEATED_NOTE}"] if repeated else [])
        + ([LEADING_NOTE.format(count=leading)] if leading else [])
        + ([others] if (others := other_video_note(container, video)) else []),
        start_s=float(start * time_base),
    )


def _decode_check(path: Path, video: Any, frames: int) -> tuple[int, bool, int | None]:
    """Display rotation in degrees (0/90/180/270) from the first decoded frame's side data,
    whether the timestamps of the first ``frames`` decoded frames go backwards, and the
    first decoded frame's timestamp."""
    tag = video.metadata.get("rotate")
    backwards = False
    with open_container(path) as container:
        stream = main_video(container)
        if frames > 1:
            stream.thread_type = "AUTO"
        decoded = container.decode(stream)
        try:
            frame = next(decoded, None)
        except av.error.FFmpegError as exc:
            raise MediaError(QT_TRANSLATE_NOOP(
                "CoreMessages", "{path}: the video cannot be decoded ({exc})."),
                path=path, exc=exc) from None
        if frame is None:
            raise MediaError(QT_TRANSLATE_NOOP(
                "CoreMessages", "{path}: no frame of the video can be decoded."),
                path=path)
        if mirrors(display_matrix_of(frame)):
            raise MediaError(MIRRORED, path=path)
        degrees = int(getattr(frame, "rotation", 0) or 0)
        first = last = frame.pts
        try:
            for other in itertools.islice(decoded, frames - 1):
                if other.pts is None:
                    continue
                if last is not None and other.pts < last:
                    backwards = True
                    break
                last = other.pts
        except av.error.FFmpegError:
            pass  # damage further on is not this check's business (the export reports it)
    if not degrees and tag:
        try:
            degrees = int(tag)
        except ValueError:
            degrees = 0
    return degrees % 360, backwards, first
