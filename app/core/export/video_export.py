"""PyAV export: decode the original, redact exact frames, encode H.264 MP4 with audio.

* Every frame keeps its original timestamp (variable frame rate survives), the display
  rotation and the colour description are carried over (``picture_size``); the frame count
  is checked at the end. Timestamps that go backwards when decoded (pts == dts with
  B-frames), repeat or are missing are re-timed (``decode.Retimer``): each frame gets its
  true time, strictly increasing, and ``ExportStats.timestamps`` says what was done.
  Written timestamps start at the clip's start, or stay on the source's clock, but are
  never negative (a camera clock started just before it wrapped): an MP4 edit list would
  hide frames with negative times.
* Audio streams are mapped by type, never by index: each is copied bit-exact unless a mute
  range touches it, then decoded, silenced in the ranges and re-encoded as AAC. Other video
  streams (one is read: ``main_video``), subtitle, data and attachment streams are dropped
  (``ExportStats.left_out``), and so is all container metadata (GPS, device serials ...)
  unless the plan's ``keep_metadata`` is set.
* The file is written under a hidden temporary name in the target folder, fsynced and renamed,
  so an interrupted or failed export never leaves a file with the final name.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

import av

from app.core.audio.sound_ranges import SoundRange, hide, track_ranges
from app.core.audio.voice_disguise import NOTE, PitchShifter
from app.core.errors import QT_TRANSLATE_NOOP, ConflictError, MediaError
from app.core.export.picture_size import display_matrix, encodable, padded, shape_picture
from app.core.export.rendered_frame import FrameBoxes, FrameCheck, RenderedFrame, boxes_at
from app.core.export.serial_writer import SerialWriter
from app.core.fileio import commit_file, discard, partial_path, refuse_not_a_file
from app.core.media.combing import CombWatch
from app.core.media.decode import (
    Retimer,
    Timestamps,
    as_sized,
    first_video_pts,
    frame_step,
    left_out,
    main_video,
    open_container,
    rgb_of,
)
from app.core.media.rotation import MIRRORED, mirrors
from app.core.progress import CancelToken, ProgressFn, no_progress
from app.core.redaction.plan import AudioAction, AudioMode, AudioRange, RedactionPlan, TimeRange
from app.core.tracking.tracker import BoxKind

log = logging.getLogger(__name__)

CaptionFn = Callable[[float], str]  # given seconds from the recording's first frame
EXISTS = QT_TRANSLATE_NOOP("CoreMessages", "{path} already exists; choose another name, or "
                           "replace the earlier export.")
NO_OUTPUT_FOLDER = QT_TRANSLATE_NOOP("CoreMessages", "{path}: the output folder does not exist.")


@dataclass(frozen=True)
class EncodeOptions:
    crf: int = 18
    x264_preset: str = "veryfast"
    force: bool = False


@dataclass
class ExportStats:
    frames_in: int = 0
    frames_in_clip: int = 0
    frames_out: int = 0
    redacted_frames: int = 0
    regions: dict[str, int] = field(default_factory=lambda: {k.value: 0 for k in BoxKind})
    kept_regions: int = 0
    hidden_frames: dict[int, int] = field(default_factory=dict)  # per track: frames hidden on
    stood_frames: dict[int, int] = field(default_factory=dict)  # per head: left to a kept face
    audio: list[dict[str, Any]] = field(default_factory=list)
    timestamps: dict[str, Any] = field(default_factory=dict)  # Retimer.summary()
    padded: bool = False  # an odd width or height made even (``even_size``)
    rescaled: int = 0  # pictures of another size than declared, scaled to it (as_sized)
    left_out: list[dict[str, Any]] = field(default_factory=list)  # streams not copied
    elapsed_s: float = 0.0


def export_video(source: Path, out: Path, frame_boxes: FrameBoxes, plan: RedactionPlan,
                 rotation: int, *, options: EncodeOptions | None = None,
                 caption: CaptionFn | None = None, progress: ProgressFn = no_progress,
                 cancel: CancelToken | None = None, commit: bool = True,
                 check: FrameCheck | None = None) -> ExportStats:
    """Write the redacted copy of ``source`` to ``out``; return what was done.

    With ``check`` every rendered frame goes through it before it is encoded.

    With ``commit=False`` the finished file is left at ``partial_path(out)`` for the caller
    to rename once everything else (manifest, records) has succeeded.
    """
    options = options or EncodeOptions()
    plan.validate()
    refuse_not_a_file(out)
    if out.exists() and not options.force:
        raise ConflictError(EXISTS, path=out)
    if not out.parent.is_dir():
        raise MediaError(NO_OUTPUT_FOLDER, path=out.parent)
    if out.resolve() == source.resolve():
        raise ConflictError(QT_TRANSLATE_NOOP(
            "CoreMessages", "{path} is the original; an export never overwrites it."), path=out)
    tmp = partial_path(out)
    started = time.perf_counter()
    try:
        stats = _write(source, tmp, frame_boxes, plan, rotation, options, caption, progress,
                       cancel, check)
        if commit:
            commit_file(tmp, out)
    except BaseException as exc:
        discard(tmp)  # (a read-only folder refuses this too: what failed is said below)
        if isinstance(exc, OSError):
            raise MediaError(QT_TRANSLATE_NOOP(
                "CoreMessages", "{path}: cannot write the export ({why})."), path=out,
                why=exc.strerror or exc) from None
        if isinstance(exc, av.error.FFmpegError):
            raise MediaError(QT_TRANSLATE_NOOP(
                "CoreMessages", "{out}: the export of {source} failed ({exc})."),
                out=out, source=source, exc=exc) from None
        raise
    stats.elapsed_s = time.perf_counter() - started
    return stats


def _write(source: Path, tmp: Path, frame_boxes: FrameBoxes, plan: RedactionPlan,
           rotation: int, options: EncodeOptions, caption: CaptionFn | None,
           progress: ProgressFn, cancel: CancelToken | None,
           check: FrameCheck | None) -> ExportStats:
    stats = ExportStats()
    total = len(frame_boxes)
    inp = open_container(source)
    try:
        vin = main_video(inp)
        stats.left_out = left_out(inp, vin)
        vin.thread_type = "AUTO"
        tb = vin.time_base or Fraction(1, 90000)
        clip = plan.clip
        shift = 0 if clip else min(0, first_video_pts(source))  # an MP4 hides negative times
        offset_s = clip.start_s if clip else float(shift * tb)
        offset_pts = round(clip.start_s / tb) if clip else shift
        with av.open(str(tmp), "w", format="mp4",
                     options={"movflags": "+faststart"}) as outc:
            if plan.keep_metadata:
                outc.metadata.update(dict(inp.metadata))
            outc.metadata["comment"] = "Redacted copy made by BWV Studio"
            vout = outc.add_stream("libx264", rate=vin.average_rate or vin.guessed_rate or 25)
            size, stats.padded = shape_picture(vin, vout)
            vout.time_base = tb
            vout.codec_context.time_base = tb
            vout.codec_context.options = {"crf": str(options.crf),
                                          "preset": options.x264_preset}
            matrix = display_matrix(source)  # read once; a mirror is refused (its faces would
            if mirrors(matrix):  # be looked for on a flipped picture; ingest refuses it too)
                raise MediaError(MIRRORED, path=source)
            if matrix is not None:  # the whole matrix, not just the angle
                vout.set_display_matrix(list(matrix))
            elif rotation:
                vout.set_display_rotation(rotation)
            writer = SerialWriter()  # encodes and muxes while this thread decodes and checks
            audio = _AudioMap(inp, outc, plan, offset_s, stats, writer)
            streams = [vin, *audio.inputs]
            # Frames wait in the retimer (a few frames) for their true, increasing timestamps;
            # each keeps its decoded index, which is what frame_boxes is indexed by.
            retimer: Retimer[tuple[int, Any]] = Retimer(step=frame_step(vin))
            encode = _Encoder(stats, frame_boxes, plan, caption, clip, tb, offset_pts, vout,
                              outc, writer, rotation, check)
            try:
                # demux ends each stream with an empty packet, which flushes its decoder
                for packet in inp.demux(*streams):
                    if cancel is not None:
                        cancel.check()
                    if packet.stream.type == "audio":
                        audio.handle(packet)
                        continue
                    for frame in packet.decode():
                        encode.note(stats.frames_in, frame, size)
                        for (index, ready), pts in retimer.push(
                                (stats.frames_in, as_sized(frame, size)), frame.pts):
                            encode(ready, index, pts)
                        stats.frames_in += 1
                        progress(min(stats.frames_in, total), total)
                for (index, ready), pts in retimer.drain():
                    encode(ready, index, pts)
                encode.finish()
                writer.close()
            except BaseException:
                writer.abandon()
                raise
            stats.timestamps = retimer.summary()
            if retimer.state is not Timestamps.OK:
                log.info("%s: timestamps %s, %d frame(s) re-timed", source,
                         retimer.state.value, retimer.retimed)
            outc.mux(vout.encode())
            audio.flush()
        if clip is not None and stats.frames_in_clip == 0:
            raise MediaError(QT_TRANSLATE_NOOP(
                "CoreMessages", "{source}: the clip range {start_s:g}-{end_s:g} s contains no "
                "frames of this footage."),
                source=source, start_s=clip.start_s, end_s=clip.end_s)
        if stats.frames_out != stats.frames_in_clip or (clip is None and stats.frames_in != total):
            raise MediaError(QT_TRANSLATE_NOOP(
                "CoreMessages", "{source}: only {frames_out} of {frames_in_clip} frames (of "
                "{total} expected) could be exported; the original may be damaged."),
                source=source, frames_out=stats.frames_out, frames_in_clip=stats.frames_in_clip,
                total=total)
    finally:
        inp.close()
    return stats


@dataclass
class _Encoder:
    """Redacts and encodes one decoded frame (``index``: its place in decoded order) with its
    re-timed timestamp ``pts``, if it lies in the clip."""

    stats: ExportStats
    frame_boxes: FrameBoxes
    plan: RedactionPlan
    caption: CaptionFn | None
    clip: TimeRange | None
    tb: Fraction
    offset_pts: int
    vout: Any
    outc: Any
    writer: SerialWriter
    rotation: int = 0

    check: FrameCheck | None = None
    first_pts: int | None = None  # the recording's first frame: the caption counts from it
    rescaled: set[int] = field(default_factory=set)  # decoded indexes scaled (as_sized)
    interlaced: set[int] = field(default_factory=set)  # decoded indexes flagged or combed
    watch: CombWatch = field(default_factory=CombWatch)

    def note(self, index: int, frame: Any, size: tuple[int, int]) -> None:
        """What the decoded frame ``index`` is: scaled to ``size`` (counted if in the clip);
        interlaced, flagged or combed (``media.combing``: drawn with the boxes of the frames
        either side, its fields a moment apart, and checked field by field too)."""
        if (frame.width, frame.height) != size:
            self.rescaled.add(index)
        if self.watch.interlaced(frame):
            self.interlaced.add(index)

    def __call__(self, frame: Any, index: int, pts: int) -> None:
        stats, plan = self.stats, self.plan
        interlaced = index in self.interlaced or self.watch.settled
        self.interlaced.discard(index)  # (held only while the frame waits in the retimer)
        time_s = float(pts * self.tb)
        if self.first_pts is None:
            self.first_pts = pts
        if self.clip is not None and not self.clip.contains(time_s):
            return
        out_no = stats.frames_in_clip
        stats.frames_in_clip += 1
        stats.rescaled += index in self.rescaled
        boxes = boxes_at(self.frame_boxes, index, interlaced, plan, (frame.width, frame.height))
        text = self.caption(float((pts - self.first_pts) * self.tb)) if self.caption else ""
        if self.check is None and not (boxes or plan.manual_boxes or plan.inverse or text):
            frame.pict_type = av.video.frame.PictureType.NONE  # let x264 choose frame types
            self._mux(frame, pts)
            return
        item = RenderedFrame(index, out_no, pts, time_s, rgb_of(frame), text, frame,
                             interlaced=interlaced)
        if self.check is None:
            item.render(self.frame_boxes, plan, self.rotation)
            self._write(item)
            return
        for ready in self.check.push(item):
            self._write(ready)

    def finish(self) -> None:
        """Write the frames the check still holds."""
        if self.check is not None:
            for ready in self.check.drain():
                self._write(ready)

    def _write(self, item: RenderedFrame) -> None:
        stats = self.stats
        own = {t for t, _box in self.frame_boxes[item.index]} \
            if item.index < len(self.frame_boxes) else set()  # (not a neighbour field's)
        for track_id in own & item.stood:
            stats.stood_frames[track_id] = stats.stood_frames.get(track_id, 0) + 1
        if item.hidden:
            stats.redacted_frames += 1
            for region in item.hidden:
                stats.regions[region.kind.value] += 1
            for track_id in {r.track_id for r in item.hidden if r.track_id in own}:
                stats.hidden_frames[track_id] = stats.hidden_frames.get(track_id, 0) + 1
        stats.kept_regions += len(item.kept)
        if item.hidden or item.kept or item.caption or self.plan.inverse:
            rendered = item.rendered
            self.writer.submit(lambda: self._encode(
                av.VideoFrame.from_ndarray(rendered, format="rgb24"), item.pts))
        else:  # nothing drawn: the decoded frame as it is
            frame = item.decoded
            frame.pict_type = av.video.frame.PictureType.NONE
            self._mux(frame, item.pts)

    def _mux(self, frame: Any, pts: int) -> None:
        self.writer.submit(lambda: self._encode(frame, pts))

    def _encode(self, frame: Any, pts: int) -> None:
        """On the writer's thread: encode one frame and mux its packets."""
        frame = encodable(padded(frame, self.vout.width, self.vout.height), self.vout)
        frame.pts = pts - self.offset_pts
        frame.time_base = self.tb
        self.outc.mux(self.vout.encode(frame))
        self.stats.frames_out += 1


# Audio codecs an MP4 can carry as they are; anything else (G.711, PCM ...) is re-encoded.
MP4_AUDIO_COPY = frozenset({"aac", "mp3", "mp3float", "ac3", "eac3", "alac", "opus", "flac"})


def _layout_name(source: Any) -> str:
    """A channel layout FFmpeg's AAC encoder accepts, even for streams that name none."""
    layout = getattr(source, "layout", None)
    name = getattr(layout, "name", "") or ""
    if name and "channels" not in name:
        return str(name)
    channels = getattr(layout, "nb_channels", 0) or getattr(source, "channels", 0) or 2
    return "mono" if channels == 1 else "stereo"


NO_SUCH_TRACK = QT_TRANSLATE_NOOP(
    "CoreMessages", "The plan hides sound on audio track {tracks}, which this recording does "
    "not have (it has {count}); nothing would be hidden there. Put the ranges on the track "
    "the words are said on.")
PAST_THE_END = QT_TRANSLATE_NOOP(
    "CoreMessages", "The plan hides sound from {start_s:g} s on audio track {track}, but its "
    "sound ends at {end_s:g} s; nothing would be hidden there. Check the range's times.")
BEFORE_THE_START = QT_TRANSLATE_NOOP(
    "CoreMessages", "The plan hides sound up to {end_s:g} s on audio track {track}, but its "
    "sound starts at {start_s:g} s (the recording's clock does not start at 0); nothing would "
    "be hidden there. Check the range's times.")
AAC_BIT_RATE_PER_CHANNEL = 128_000  # re-encoded tracks: transparent outside the ranges


def _refuse_past_the_end(streams: list[Any], plan: RedactionPlan) -> None:
    """A range starting where its sound has ended, or ending before it starts (a clock not
    starting at 0), hides nothing, yet would be listed as hidden: refused. A range on one
    track is measured against that track; one on every track (and the old mute list)
    against the longest and the earliest (when the streams say where they are)."""
    starts = [float((s.start_time or 0) * s.time_base) if s.time_base is not None else 0.0
              for s in streams]
    for track, start_s in enumerate(starts):
        early: list[TimeRange | AudioRange] = [
            a for a in plan.audio_ranges if a.end_s <= start_s
            and (a.track == track or (a.track is None and start_s == min(starts)))]
        early += [m for m in plan.mute if m.end_s <= start_s and start_s == min(starts)]
        if early:
            raise ConflictError(BEFORE_THE_START, end_s=early[0].end_s, track=track + 1,
                                start_s=round(start_s, 3))
    ends = [float(((s.start_time or 0) + s.duration) * s.time_base)
            if s.duration and s.time_base is not None else None for s in streams]
    for track, end_s in enumerate(ends):
        late = [a for a in plan.audio_ranges if a.track == track and end_s is not None
                and a.start_s >= end_s]
        if late and end_s is not None:
            raise ConflictError(PAST_THE_END, start_s=late[0].start_s, track=track + 1,
                                end_s=round(end_s, 3))
    known = [e for e in ends if e is not None]
    if not known or len(known) < len(ends):
        return
    longest = max(known)
    every: list[TimeRange | AudioRange] = [*plan.mute, *(a for a in plan.audio_ranges
                                                         if a.track is None)]
    late_all = [r for r in every if r.start_s >= longest]
    if late_all:
        raise ConflictError(PAST_THE_END, start_s=late_all[0].start_s,
                            track=known.index(longest) + 1, end_s=round(longest, 3))


class _AudioMap:
    """Per input audio stream: copy packets bit-exact, or decode, hide the plan's ranges for
    that track (mute, bleep or disguise) and re-encode when a range touches it."""

    def __init__(self, inp: Any, outc: Any, plan: RedactionPlan, offset_s: float,
                 stats: ExportStats, writer: SerialWriter) -> None:
        self.plan = plan
        self.offset_s = offset_s
        self.outc = outc
        self.writer = writer  # every mux goes through it, in order
        self.inputs: list[Any] = []
        self.outputs: dict[int, Any] = {}
        self.reencode: dict[int, bool] = {}
        self.ranges: dict[int, list[SoundRange]] = {}
        self.shifters: dict[int, PitchShifter] = {}  # tracks with a disguised range
        if plan.audio is AudioMode.DROP:
            stats.audio = [{"index": s.index, "codec": s.codec_context.name, "action": "dropped"}
                           for s in inp.streams.audio]
            return
        count = len(inp.streams.audio)
        absent = sorted({a.track + 1 for a in plan.audio_ranges
                         if a.track is not None and a.track >= count})
        if count and absent:  # hidden nowhere, yet listed as hidden: refused
            raise ConflictError(NO_SUCH_TRACK, tracks=", ".join(map(str, absent)), count=count)
        _refuse_past_the_end(list(inp.streams.audio), plan)
        for track, s in enumerate(inp.streams.audio):
            self.inputs.append(s)
            copyable = s.codec_context.name in MP4_AUDIO_COPY
            ranges = track_ranges(plan, track)
            self.ranges[s.index] = ranges
            if ranges or not copyable:
                rate = s.codec_context.sample_rate or 48000
                layout = _layout_name(s.codec_context)
                out_stream = outc.add_stream("aac", rate=rate, layout=layout)
                out_stream.time_base = Fraction(1, rate)
                out_stream.bit_rate = AAC_BIT_RATE_PER_CHANNEL * (1 if layout == "mono" else 2)
                self.reencode[s.index] = True
                disguised = any(r.action is AudioAction.DISGUISE for r in ranges)
                action = (f"re-encoded (aac) with {len(ranges)} range(s) hidden"
                          + (f"; disguise: {NOTE}" if disguised else "") if ranges else
                          f"re-encoded (aac): {s.codec_context.name} cannot be copied into MP4")
            else:
                out_stream = outc.add_stream_from_template(s)
                self.reencode[s.index] = False
                action = "copied bit-exact"
            self.outputs[s.index] = out_stream
            stats.audio.append({"index": s.index, "track": track,
                                "codec": s.codec_context.name, "action": action,
                                "language": s.language})

    def _keep(self, start: float, end: float) -> bool:
        clip = self.plan.clip
        return clip is None or (start < clip.end_s and clip.start_s <= start)

    def handle(self, packet: Any) -> None:
        if packet.size == 0 or packet.pts is None:
            if packet.size == 0 and self.reencode.get(packet.stream.index):
                for frame in packet.decode():  # the decoder's last frames
                    self._encode(frame, packet.stream.index)
            return
        tb = packet.time_base
        start = float(packet.pts * tb)
        end = start + float((packet.duration or 0) * tb)
        if not self._keep(start, end):
            return
        out_stream = self.outputs[packet.stream.index]
        if not self.reencode[packet.stream.index]:
            shift = round(self.offset_s / tb)
            packet.pts -= shift
            if packet.dts is not None:
                packet.dts -= shift
            packet.stream = out_stream
            self.writer.submit(lambda: self.outc.mux(packet))
            return
        for frame in packet.decode():
            self._encode(frame, packet.stream.index)

    def _encode(self, frame: Any, index: int) -> None:
        out_stream = self.outputs[index]
        tb = frame.time_base
        start = float(frame.pts * tb)
        rate = frame.sample_rate
        channels = len(frame.layout.channels)
        if index not in self.shifters and any(r.action is AudioAction.DISGUISE
                                              for r in self.ranges[index]):
            self.shifters[index] = PitchShifter(rate, channels)
        samples = hide(frame.to_ndarray(), channels, frame.format.is_planar, start, rate,
                       self.ranges[index], self.shifters.get(index))
        new = av.AudioFrame.from_ndarray(samples, format=frame.format.name,
                                         layout=_layout_name(frame))
        new.sample_rate = rate
        new.pts = round((start - self.offset_s) * rate)
        new.time_base = Fraction(1, rate)
        # encoded on the writer's thread too: only it opens codecs and writes the container
        self.writer.submit(lambda: self.outc.mux(out_stream.encode(new)))

    def flush(self) -> None:
        for index, out_stream in self.outputs.items():
            if self.reencode[index]:
                self.outc.mux(out_stream.encode(None))
