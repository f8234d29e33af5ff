"""Hiding stretches of sound: silence or a tone, with short ramps outside each range so its
edges do not click, and nothing of the range itself left audible.

Works on one decoded audio frame at a time (any sample format PyAV gives, planar or packed);
the tone's phase follows the absolute time, so it runs on smoothly across frames.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from app.core.audio.voice_disguise import PitchShifter
from app.core.redaction.plan import AudioAction, RedactionPlan

TONE_HZ = 1000.0
TONE_LEVEL = 0.25  # of full scale: -12 dBFS, loud enough to be heard as a bleep
RAMP_S = 0.005  # the fade into and out of a range, outside it


@dataclass(frozen=True)
class SoundRange:
    start_s: float
    end_s: float
    action: AudioAction


def track_ranges(plan: RedactionPlan, track: int) -> list[SoundRange]:
    """What the plan hides on audio track ``track`` (older plans' mutes are on every track)."""
    ranges = [SoundRange(r.start_s, r.end_s, AudioAction.MUTE) for r in plan.mute]
    ranges += [SoundRange(a.start_s, a.end_s, a.action) for a in plan.audio_ranges
               if a.on_track(track)]
    return sorted(ranges, key=lambda r: (r.start_s, r.end_s))


def hide(samples: npt.NDArray[Any], channels: int, planar: bool, start_s: float,
         rate: int, ranges: list[SoundRange],
         shifter: PitchShifter | None = None) -> npt.NDArray[Any]:
    """The frame's samples with ``ranges`` hidden (the same shape and dtype); ``samples`` as
    ``AudioFrame.to_ndarray()`` gives them: (channels, n) planar or (1, n * channels) packed.
    ``shifter`` (the track's, for disguised ranges) must see every frame of the track."""
    n = samples.shape[1] if planar else samples.shape[1] // max(1, channels)
    times = start_s + np.arange(n) / rate
    keep = np.ones(n, np.float64)
    tone = np.zeros(n, np.float64)
    voice = np.zeros(n, np.float64)
    gone = np.zeros(n, np.float64)  # muted or bleeped: nothing of the sound may be heard
    for r in ranges:
        if r.end_s + RAMP_S <= times[0] or r.start_s - RAMP_S > times[-1]:
            continue
        level = _cover(times, r.start_s, r.end_s)  # 1 inside, ramps outside, 0 beyond
        keep = np.minimum(keep, 1.0 - level)
        if r.action is AudioAction.DISGUISE:
            voice = np.maximum(voice, level)
        else:
            gone = np.maximum(gone, level)
            if r.action is AudioAction.BLEEP:
                tone = np.maximum(tone, level)
    voice *= 1.0 - gone  # a muted word inside a disguised stretch stays muted
    if keep.min() >= 1.0 and shifter is None:
        return samples
    grid = samples.astype(np.float64).reshape(channels, n) if planar else \
        samples.astype(np.float64).reshape(n, channels).T
    kind = samples.dtype.kind
    info = np.iinfo(samples.dtype) if kind in "iu" else None
    middle = 0.0 if info is None or kind == "i" else (int(info.max) + 1) / 2
    full = 1.0 if info is None else float(info.max) - middle
    centred = grid - middle
    # the shifter keeps its state, and reads up to its window into the past: it is given the
    # sound with the muted and bleeped stretches already silent, so it cannot replay them
    shifted = shifter.process(centred * (1.0 - gone)) if shifter is not None else None
    if keep.min() >= 1.0:
        return samples
    wave = TONE_LEVEL * np.sin(2 * np.pi * TONE_HZ * times) * tone * full
    mixed = centred * keep + wave
    if shifted is not None:
        mixed = mixed + shifted * voice  # cross-faded with the voice itself
    grid = mixed + middle
    if info is not None:
        grid = np.clip(np.rint(grid), info.min, info.max)
    out = grid if planar else grid.T.reshape(1, n * channels)
    return out.astype(samples.dtype)


def _cover(times: npt.NDArray[np.float64], start: float, end: float) -> npt.NDArray[np.float64]:
    """1 from ``start`` to ``end``, falling to 0 over RAMP_S either side (raised cosine)."""
    before = np.clip((times - (start - RAMP_S)) / RAMP_S, 0.0, 1.0)
    after = np.clip(((end + RAMP_S) - times) / RAMP_S, 0.0, 1.0)
    ramp = np.minimum(before, after)
    return np.asarray(0.5 - 0.5 * np.cos(np.pi * ramp))
