"""A recording whose clock does not start at 0 (an MPEG-TS from a camera or dock often starts
it at 10 s, or at hours): ``bwv redact``'s time ranges count from the first frame, as the
player and ``bwv flag`` do, so ``--mute 0.5-1.5`` silences the sound half a second into the
recording (a read-only hunt found it hid nothing there, yet listed the range as muted);
and a plan range ending before the sound starts is refused, never listed as hidden."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
import pytest

from app.core.media.probe import probe
from tests.cli.test_cli import run

CLOCK_S = 10.0
RATE = 48_000


def _clip_on_a_clock(path: Path) -> Path:
    """3 s of picture and a steady tone, both stamped from CLOCK_S on (MPEG-TS)."""
    with av.open(str(path), "w", format="mpegts") as out:
        v = out.add_stream("libx264", rate=25)
        v.width, v.height, v.pix_fmt = 160, 120, "yuv420p"
        v.time_base = v.codec_context.time_base = Fraction(1, 90_000)
        a = out.add_stream("aac", rate=RATE)
        for i in range(75):
            rgb = np.full((120, 160, 3), (i * 3) % 256, np.uint8)
            frame = av.VideoFrame.from_ndarray(rgb, format="rgb24")
            frame.pts, frame.time_base = round((CLOCK_S + i / 25) * 90_000), Fraction(1, 90_000)
            out.mux(v.encode(frame))
        out.mux(v.encode())
        tone = (0.2 * np.sin(2 * np.pi * 440 * np.arange(3 * RATE) / RATE)).astype(np.float32)
        for s in range(0, len(tone), 1024):
            chunk = av.AudioFrame.from_ndarray(tone[s:s + 1024].reshape(1, -1), format="flt",
                                               layout="mono")
            chunk.sample_rate, chunk.time_base = RATE, Fraction(1, RATE)
            chunk.pts = round(CLOCK_S * RATE) + s
            out.mux(a.encode(chunk))
        out.mux(a.encode())
    return path


def _peak(path: Path, start_s: float, end_s: float) -> float:
    """The loudest sample between start_s and end_s after the export's first frame."""
    with av.open(str(path)) as c:
        video = c.streams.video[0]
        t0 = float((video.start_time or 0) * video.time_base)
        peaks = [float(np.abs(f.to_ndarray()).max()) for f in c.decode(audio=0)
                 if f.pts is not None and t0 + start_s <= float(f.pts * f.time_base) < t0 + end_s]
    assert peaks, "no sound in that range"
    return max(peaks)


def test_ranges_count_from_the_first_frame(capsys: pytest.CaptureFixture[str],
                                          tmp_path: Path) -> None:
    clip = _clip_on_a_clock(tmp_path / "dock.ts")
    assert probe(clip).start_s == pytest.approx(CLOCK_S)
    out_file = tmp_path / "muted.mp4"
    code, out, err = run(capsys, "redact", str(clip), "--preset", "fast", "--no-verify",
                         "-o", str(out_file), "--mute", "0.5-1.5")
    assert code == 0, out + err
    manifest = json.loads(out_file.with_name("muted.manifest.json").read_text())
    assert manifest["plan"]["mute"] == [{"start_s": CLOCK_S + 0.5, "end_s": CLOCK_S + 1.5}]
    assert _peak(out_file, 0.6, 1.4) < 1e-3  # hidden where the player shows 0.5-1.5 s
    assert _peak(out_file, 2.0, 2.8) > 0.1  # and only there

    plan = tmp_path / "plan.json"  # a plan whose range lies before the sound starts
    plan.write_text(json.dumps({"mute": [{"start_s": 0.5, "end_s": 1.5}]}))
    code, _out, err = run(capsys, "redact", "1", "--preset", "fast", "--no-verify",
                          "-o", str(tmp_path / "early.mp4"), "--plan", str(plan))
    assert code != 0 and "but its sound starts at 9.9" in err  # (the AAC priming before)
    assert not (tmp_path / "early.mp4").exists()
