"""The player's frame N is the export's frame N on awkward recording clocks: a timestamp
repeated by a coarse camera clock, and MPEG-TS / MPEG-PS with B-frames, whose seeks go by
decode time and landed one keyframe late (the first GOP could not be shown at all)."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path
from typing import Any

import av
import numpy as np
import pytest

from app.core.media.decode import Timestamps, iter_frames
from app.core.media.frame_reader import FrameReader
from app.core.media.probe import probe

BITS = 8


def _picture(i: int, w: int = 160, h: int = 96) -> np.ndarray:
    """A picture that carries its number in black and white blocks along the top."""
    rgb = np.zeros((h, w, 3), np.uint8)
    rgb[16:] = ((np.arange(w) * 3 + i * 11) % 256)[None, :, None]
    for b in range(BITS):
        rgb[:16, b * (w // BITS):(b + 1) * (w // BITS)] = 255 if (i >> b) & 1 else 0
    return rgb


def _number(rgb: np.ndarray) -> int:
    bw = rgb.shape[1] // BITS
    return sum(1 << b for b in range(BITS) if rgb[3:13, b * bw + 3:(b + 1) * bw - 3].mean() > 128)


def _encode(path: Path, fmt: str, codec: str, frames: int, opts: dict[str, str],
            tb: Fraction, pts: list[int], size: tuple[int, int] = (160, 96)) -> Path:
    with av.open(str(path), "w", format=fmt) as out:
        v: Any = out.add_stream(codec, rate=25)
        v.width, v.height, v.pix_fmt = *size, "yuv420p"
        v.time_base = v.codec_context.time_base = tb
        v.codec_context.options = opts
        for i in range(frames):
            frame = av.VideoFrame.from_ndarray(_picture(i, *size), format="rgb24")
            frame.pts, frame.time_base = pts[i], tb
            out.mux(v.encode(frame))
        out.mux(v.encode())
    return path


def _repeated_stamp(tmp_path: Path) -> Path:
    """An MKV whose frame 11 carries frame 10's timestamp (packets copied, one restamped)."""
    src = _encode(tmp_path / "src.mkv", "matroska", "libx264", 50, {"bf": "0", "g": "25"},
                  Fraction(1, 25), list(range(50)))
    dup = tmp_path / "repeated stamp.mkv"
    with av.open(str(src)) as inp, av.open(str(dup), "w", format="matroska") as out:
        s = out.add_stream_from_template(inp.streams.video[0])
        previous: tuple[int | None, int | None] = (0, 0)
        for k, packet in enumerate(p for p in inp.demux(video=0) if p.dts is not None):
            if k == 11:
                packet.pts, packet.dts = previous
            previous = (packet.pts, packet.dts)
            packet.stream = s
            out.mux(packet)
    return dup


def _check_every_frame(path: Path) -> None:
    """Each frame, reached by a seek (backwards) and by stepping, is the export's frame."""
    exported = [(d.time_s, _number(d.frame.to_ndarray(format="rgb24"))) for d in iter_frames(path)]
    assert [n for _, n in exported] == list(range(len(exported)))
    with FrameReader(path) as reader:
        assert reader.frame_count == len(exported)
        assert reader.times == pytest.approx([t for t, _ in exported])
        for i in reversed(range(reader.frame_count)):  # every request a seek
            assert _number(reader.frame(i).rgb) == i, f"seek to frame {i}"
        assert [_number(reader.frame(i).rgb) for i in range(reader.frame_count)] == \
            list(range(reader.frame_count))  # stepping


def test_a_repeated_timestamp_shows_the_exports_frame(tmp_path: Path) -> None:
    dup = _repeated_stamp(tmp_path)
    _check_every_frame(dup)
    with FrameReader(dup) as reader:
        assert _number(reader.frame(11).rgb) == 11
        reader.frame(30)
        assert _number(reader.frame(11).rgb) == 11  # seek back
        assert reader.times[11] > reader.times[10]
    info = probe(dup)
    assert info.timestamps is Timestamps.REPAIRED and "repeated" in info.warnings[0]


@pytest.mark.parametrize(("name", "fmt", "codec", "tb", "first", "step"), [
    ("h264.ts", "mpegts", "libx264", Fraction(1, 90_000), 900_000, 3600),  # clock at 10 s
    ("mpeg2.mpg", "mpeg", "mpeg2video", Fraction(1, 25), 0, 1),
])
def test_mpeg_ts_and_ps_with_b_frames_show_every_frame(
        tmp_path: Path, name: str, fmt: str, codec: str, tb: Fraction, first: int,
        step: int) -> None:
    path = _encode(tmp_path / name, fmt, codec, 50, {"bf": "2", "g": "12"}, tb,
                   [first + step * i for i in range(50)], (320, 240))
    _check_every_frame(path)
    with FrameReader(path) as reader:
        assert _number(reader.frame(0).rgb) == 0  # fresh reader, first GOP


def test_a_reordered_file_still_seeks_and_steps(tmp_path: Path) -> None:
    """B-frames in an MP4 (pts != dts): unchanged."""
    path = _encode(tmp_path / "b.mp4", "mp4", "libx264", 60, {"bf": "3", "g": "12"},
                   Fraction(1, 12_800), [512 * i for i in range(60)])
    _check_every_frame(path)
