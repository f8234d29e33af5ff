"""Test media with broken timestamps, as docking stations and conversion tools write them.

``make_pts_equals_dts`` encodes a clip with B-frames and remuxes its packets into a new MP4
with every packet's presentation timestamp set to its decode timestamp: the decoder then
hands frames out in presentation order carrying decode-order timestamps, which go backwards.
"""

from __future__ import annotations

from pathlib import Path

import av
import numpy as np


def _picture(i: int, w: int, h: int, rng: np.random.Generator) -> np.ndarray:
    """A moving gradient with a moving bar and some noise, so x264 picks B-frames."""
    img = np.zeros((h, w, 3), np.uint8)
    img[:, :, 0] = (np.arange(w) * 4 + i * 10) % 256
    img[:, :, 1] = i * 15 % 256
    x = (i * 3) % max(1, w - 8)
    img[:, x:x + 8, 2] = 255
    noise = rng.integers(0, 12, (h, w, 3), dtype=np.uint8)
    return np.clip(img.astype(np.int16) + noise, 0, 255).astype(np.uint8)


def encode_with_b_frames(path: Path, frames: int = 60, size: tuple[int, int] = (64, 48),
                         fps: int = 24, codec: str = "libx264", audio: bool = False) -> Path:
    """A correct MP4 whose video has B-frames (pts differ from dts)."""
    from tests.conftest import write_frames

    w, h = size
    rng = np.random.default_rng(7)
    with av.open(str(path), "w") as out:
        v = out.add_stream(codec, rate=fps)
        v.width, v.height, v.pix_fmt = w, h, "yuv420p"
        if codec == "libx264":
            v.codec_context.options = {"bf": "3", "b-pyramid": "normal", "g": "24",
                                       "keyint_min": "24", "sc_threshold": "0",
                                       "b-adapt": "0"}
        else:
            v.codec_context.options = {"x265-params": "bframes=3:keyint=24:min-keyint=24:"
                                       "b-adapt=0:log-level=error"}
        a = out.add_stream("aac", rate=48000) if audio else None
        write_frames(out, v, a, [_picture(i, w, h, rng) for i in range(frames)], fps)
    return path


def remux_pts_equals_dts(source: Path, path: Path, *, start_at_zero: bool = True) -> Path:
    """Copy every packet of ``source`` into a new MP4 with the video packets' pts = dts.

    ``start_at_zero`` shifts the video so that its first dts is 0 (what conversion tools
    write); without it the encoder's negative first dts stay and the MP4 muxer adds an edit
    list that hides the frames before 0.
    """
    with av.open(str(source)) as inp, av.open(str(path), "w", format="mp4") as out:
        vin = inp.streams.video[0]
        outputs = {s.index: out.add_stream_from_template(s)
                   for s in (vin, *inp.streams.audio)}
        first_dts: int | None = None
        for packet in inp.demux(*[inp.streams[i] for i in outputs]):
            if packet.dts is None or packet.size == 0:
                continue
            if packet.stream.index == vin.index:
                if first_dts is None:
                    first_dts = packet.dts
                shift = first_dts if start_at_zero else 0
                packet.dts -= shift
                packet.pts = packet.dts
            packet.stream = outputs[packet.stream.index]
            out.mux(packet)
    return path


def make_pts_equals_dts(directory: Path, name: str = "docked.mp4", *, frames: int = 60,
                        codec: str = "libx264", audio: bool = False,
                        start_at_zero: bool = True) -> Path:
    """``directory/name``: a B-frame clip remuxed with every video pts set to its dts."""
    suffix = "h265" if codec == "libx265" else "h264"
    clean = encode_with_b_frames(directory / f".clean-{suffix}-{name}", frames=frames,
                                 codec=codec, audio=audio)
    try:
        return remux_pts_equals_dts(clean, directory / name, start_at_zero=start_at_zero)
    finally:
        clean.unlink(missing_ok=True)


def decoded_pts(path: Path) -> list[int | None]:
    """Every video frame's pts as the decoder hands it out (presentation order)."""
    with av.open(str(path)) as container:
        return [frame.pts for frame in container.decode(video=0)]


def packet_pts(path: Path) -> list[int]:
    """The pts of every video packet the file presents (edit-list discards left out)."""
    with av.open(str(path)) as container:
        return [p.pts for p in container.demux(video=0)
                if p.size and p.pts is not None and not p.is_discard]


def cut_part_way(directory: Path, name: str = "cut.ts", *, drop: int = 4,
                 frames: int = 60, codec: str = "libx264") -> Path:
    """``directory/name``: an MPEG-TS cut from a recorder's stream part-way through a group of
    pictures: a B-frame clip (key frame every 24; x265's groups are open, so the pictures
    just after its key frame refer back too; MPEG-2 as HDV and DVD recorders write it) with
    its first ``drop`` packets left out, so the frames up to its next key frame cannot be
    decoded."""
    clean = directory / f".clean-{name}.mp4"
    if codec == "mpeg2video":
        rng = np.random.default_rng(7)
        with av.open(str(clean), "w") as out:
            v = out.add_stream(codec, rate=24)
            v.width, v.height, v.pix_fmt = 64, 48, "yuv420p"
            v.options = {"g": "24", "bf": "2"}
            for i in range(frames):
                picture = av.VideoFrame.from_ndarray(_picture(i, 64, 48, rng), format="rgb24")
                out.mux(v.encode(picture))
            out.mux(v.encode())
    else:
        encode_with_b_frames(clean, frames=frames, codec=codec)
    path = directory / name
    try:
        with av.open(str(clean)) as inp, av.open(str(path), "w", format="mpegts") as out:
            stream = out.add_stream_from_template(inp.streams.video[0])
            for i, packet in enumerate(p for p in inp.demux(video=0) if p.size):
                if i >= drop:
                    packet.stream = stream
                    out.mux(packet)
    finally:
        clean.unlink(missing_ok=True)
    return path
