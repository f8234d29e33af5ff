"""The loudness of a footage item's sound over time, for the workspace's audio lane."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from app.core.media.decode import SOUND_DAMAGED, reading
from app.core.progress import CancelToken


@dataclass(frozen=True)
class Waveform:
    """Peak level (0..1) of the first audio stream in equal slices of ``duration_s``."""

    start_s: float
    duration_s: float
    peaks: list[float]


def audio_waveform(path: Path, buckets: int = 1000,
                   cancel: CancelToken | None = None) -> Waveform | None:
    """The waveform, or None when the file has no audio stream."""
    with reading(path, SOUND_DAMAGED) as container:
        if not container.streams.audio:
            return None
        stream = container.streams.audio[0]
        times: list[float] = []
        levels: list[float] = []
        for frame in container.decode(stream):
            if cancel is not None:
                cancel.check()
            if frame.pts is None:
                continue
            samples = frame.to_ndarray()
            if samples.dtype.kind == "i":
                peak = np.abs(samples).max() / np.iinfo(samples.dtype).max
            elif samples.dtype.kind == "u":
                peak = np.abs(samples.astype(np.float64) - 128).max() / 128
            else:
                peak = np.abs(samples).max() if samples.size else 0.0
            times.append(float(frame.pts * frame.time_base))
            levels.append(float(min(1.0, peak)))
    if not times:
        return None
    start, end = min(times), max(times)
    span = max(end - start, 1e-3)
    peaks = [0.0] * buckets
    for t, level in zip(times, levels, strict=True):
        i = min(buckets - 1, int((t - start) / span * buckets))
        peaks[i] = max(peaks[i], level)
    return Waveform(start, span, peaks)
