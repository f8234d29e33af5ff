"""Spoken test clips: sentences said by espeak-ng, laid end to end with known silences, so a
test knows when each one was said; muxed under a plain moving picture as AAC tracks."""

from __future__ import annotations

import shutil
import subprocess
import wave
from fractions import Fraction
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest

RATE = 22050  # espeak-ng's own rate
GAP_S = 0.6


def speak(text: str, voice: str = "en-gb", speed: int = 150,
          pitch: int = 50) -> npt.NDArray[np.int16]:
    """``text`` said by espeak-ng (``pitch`` 0-99), as 22.05 kHz mono samples (leading and
    trailing silence trimmed)."""
    if shutil.which("espeak-ng") is None:
        pytest.skip("espeak-ng is not installed (tools/dev test installs it)")
    wav = subprocess.run(["espeak-ng", "-v", voice, "-s", str(speed), "-p", str(pitch),
                          "--stdout", text],
                         check=True, capture_output=True).stdout
    import io

    with wave.open(io.BytesIO(wav)) as w:
        samples = np.frombuffer(w.readframes(w.getnframes()), np.int16)
    loud = np.nonzero(np.abs(samples) > 300)[0]
    return samples[loud[0]:loud[-1] + 1] if len(loud) else samples


def spoken_track(sentences: list[str], voice: str = "en-gb",
                 lead_s: float = 0.5) -> tuple[npt.NDArray[np.int16], list[tuple[float, float]]]:
    """The sentences one after another, ``GAP_S`` apart, and when each was said."""
    parts = [np.zeros(round(lead_s * RATE), np.int16)]
    times = []
    now = lead_s
    for text in sentences:
        said = speak(text, voice)
        times.append((now, now + len(said) / RATE))
        parts += [said, np.zeros(round(GAP_S * RATE), np.int16)]
        now += len(said) / RATE + GAP_S
    return np.concatenate(parts), times


def make_spoken_clip(path: Path, tracks: list[npt.NDArray[np.int16]], fps: int = 10,
                     size: tuple[int, int] = (160, 120)) -> Path:
    """An H.264 MP4 as long as the longest track, with one AAC track per array (none for an
    empty list)."""
    import av

    seconds = max((len(t) / RATE for t in tracks), default=3.0)
    w, h = size
    with av.open(str(path), "w") as out:
        video = out.add_stream("libx264", rate=fps)
        video.width, video.height, video.pix_fmt = w, h, "yuv420p"
        audio = []
        for _ in tracks:
            stream = out.add_stream("aac", rate=RATE, layout="mono")
            stream.bit_rate = 128_000
            audio.append(stream)
        for i in range(int(seconds * fps) + 1):
            img = np.full((h, w, 3), 40, np.uint8)
            img[:, (i * 3) % w] = 200
            frame = av.VideoFrame.from_ndarray(img, format="rgb24")
            frame.pts, frame.time_base = i, Fraction(1, fps)
            out.mux(video.encode(frame))
        out.mux(video.encode())
        for stream, samples in zip(audio, tracks, strict=True):
            for start in range(0, len(samples), 1024):
                chunk = samples[start:start + 1024]
                frame = av.AudioFrame.from_ndarray(chunk.reshape(1, -1), format="s16",
                                                   layout="mono")
                frame.sample_rate, frame.pts = RATE, start
                frame.time_base = Fraction(1, RATE)
                out.mux(stream.encode(frame))
            out.mux(stream.encode())
    return path


def decoded_track(path: Path, track: int = 0) -> tuple[npt.NDArray[np.float64], int]:
    """Audio track ``track`` of ``path`` as mono floats (-1..1) from time 0, and its rate."""
    import av

    with av.open(str(path)) as c:
        stream = c.streams.audio[track]
        rate = stream.codec_context.sample_rate
        resampler = av.AudioResampler(format="dbl", layout="mono", rate=rate)
        chunks, first = [], None
        for frame in c.decode(stream):
            if first is None:
                first = float(frame.pts * frame.time_base)
            chunks += [f.to_ndarray().reshape(-1) for f in resampler.resample(frame)]
    samples = np.concatenate(chunks)
    lead = round((first or 0.0) * rate)
    samples = np.concatenate([np.zeros(lead), samples]) if lead > 0 else samples[-lead:]
    return samples, rate


def rms_db(samples: npt.NDArray[np.float64]) -> float:
    return float(20 * np.log10(max(1e-12, np.sqrt(np.mean(samples ** 2)))))
