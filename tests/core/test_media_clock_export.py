"""Exports of recordings whose clock does not start at 0: an MPEG-TS whose 90 kHz clock
started just before its 33-bit wrap (FFmpeg reads the first times as negative; an MP4 edit
list hid those frames, so the export played 30 of the 50 frames it claimed), and the burnt-in
caption's {time}, which counts from the recording's first frame as the player does."""

from __future__ import annotations

from datetime import UTC, datetime
from fractions import Fraction
from pathlib import Path
from typing import Any

import av
import numpy as np
import pytest

from app.core.export.pipeline import _caption_fn
from app.core.export.video_export import export_video
from app.core.media.probe import probe
from app.core.redaction.plan import RedactionPlan, TimeRange

TB = Fraction(1, 90_000)


def _ts(path: Path, first: int, frames: int = 50) -> Path:
    """An MPEG-TS whose frame i is uniformly grey (i * 5) and stamped first + 3600 * i."""
    with av.open(str(path), "w", format="mpegts") as out:
        v: Any = out.add_stream("libx264", rate=25)
        v.width, v.height, v.pix_fmt = 64, 48, "yuv420p"
        v.time_base = v.codec_context.time_base = TB
        for i in range(frames):
            frame = av.VideoFrame.from_ndarray(np.full((48, 64, 3), i * 5, np.uint8), "rgb24")
            frame.pts, frame.time_base = first + 3600 * i, TB
            out.mux(v.encode(frame))
        out.mux(v.encode())
    return path


def _shown(path: Path) -> list[int]:
    """The source frame number of each frame a player presents (edit list applied)."""
    with av.open(str(path)) as c:
        return [round(float(f.to_ndarray(format="rgb24").mean()) / 5) for f in c.decode(video=0)]


def _export(src: Path, out: Path, plan: RedactionPlan, captions: list[float] | None = None,
            texts: list[str] | None = None) -> int:
    frames = probe(src).frame_count
    wall = _caption_fn("{time}", None, datetime(2026, 5, 1, 9, 30, tzinfo=UTC))

    def caption(time_s: float) -> str:
        if captions is not None:
            captions.append(time_s)
        text = wall(time_s) if wall else ""
        if texts is not None:
            texts.append(text)
        return text

    stats = export_video(src, out, [[] for _ in range(frames)], plan, 0,
                         caption=caption if captions is not None else None)
    return stats.frames_out


def test_a_clock_that_wrapped_exports_every_frame_in_order(tmp_path: Path) -> None:
    src = _ts(tmp_path / "wrap.ts", (1 << 33) - 3600 * 20)  # 0.8 s before the wrap
    assert probe(src).start_s == pytest.approx(-0.8)
    out = tmp_path / "wrap.mp4"
    assert _export(src, out, RedactionPlan()) == 50
    assert _shown(out) == list(range(50))  # frame N is source frame N, none hidden
    with av.open(str(out)) as c:
        packets = [p for p in c.demux(video=0) if p.size]
        assert not any(p.is_discard for p in packets) and min(p.pts or 0 for p in packets) == 0
    clipped = tmp_path / "clip.mp4"  # a clip keeps working (its times are the file's)
    assert _export(src, clipped, RedactionPlan(clip=TimeRange(0.0, 0.4))) == 10
    assert _shown(clipped) == list(range(20, 30))


def test_the_caption_counts_from_the_first_frame(tmp_path: Path) -> None:
    src = _ts(tmp_path / "hour.ts", 90_000 * 3600, 25)  # the camera's clock reads 1 h
    captions: list[float] = []
    texts: list[str] = []  # the wall clock from the recording's start (recorded_at)
    _export(src, tmp_path / "captioned.mp4", RedactionPlan(), captions, texts)
    assert captions == pytest.approx([i * 0.04 for i in range(25)])
    assert texts[0] == "2026-05-01 09:30:00 UTC" and texts[-1] == texts[0]
    captions.clear()  # a clip on the file's clock: still counted from the recording's start
    _export(src, tmp_path / "clip.mp4", RedactionPlan(clip=TimeRange(3600.4, 3601)), captions)
    assert captions[0] == pytest.approx(0.4) and len(captions) == 15
