"""Voice disguise: the voice moved down in pitch (and with it its formants), streaming, frame
by frame, so it runs inside the export's single pass over the sound.

A two-tap delay-line pitch shifter: each output sample reads the input a little in the past
through two taps whose delays sweep a ``WINDOW_S`` window at ``1 - ratio`` samples per sample,
half a window apart, cross-faded so their gains always sum to one. Words stay intelligible;
the speaker's pitch and vocal-tract resonances move by ``RATIO``.

Not anonymisation on its own: a disguised voice can still be recognised by its accent, words,
rhythm and what it says, and a pitch shift can be partly undone. Use it with muting or
bleeping of identifying words; the manifest and disclosure record say so.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

RATIO = 0.8  # output pitch / input pitch: about four semitones down
WINDOW_S = 0.05
NOTE = ("voice pitch-shifted; not anonymisation on its own (accent, words and rhythm can "
        "still identify a speaker)")


class PitchShifter:
    """Streams one audio track through the shifter; ``process`` takes consecutive blocks."""

    def __init__(self, rate: int, channels: int, ratio: float = RATIO,
                 window_s: float = WINDOW_S) -> None:
        self.ratio = ratio
        self.window = max(8, round(window_s * rate))
        self.history = np.zeros((channels, self.window + 2))  # input before the block
        self.done = 0  # samples processed so far

    def process(self, block: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        """The shifted block ((channels, n) floats), same shape."""
        n = block.shape[1]
        if n == 0:
            return block.copy()
        source = np.concatenate([self.history, block], axis=1)
        start = self.history.shape[1]  # index of the block's first sample in ``source``
        t = np.arange(n) + self.done
        out = np.zeros_like(block)
        for k in (0.0, 0.5):
            delay = np.mod((1.0 - self.ratio) * t + k * self.window, self.window)
            gain = np.sin(np.pi * delay / self.window) ** 2
            pos = start + np.arange(n) - delay
            low = np.floor(pos).astype(np.int64)
            frac = pos - low
            high = np.minimum(low + 1, source.shape[1] - 1)  # frac is 0 where this bites
            out += gain * (source[:, low] * (1 - frac) + source[:, high] * frac)
        keep = self.window + 2
        self.history = source[:, -keep:] if source.shape[1] >= keep else np.pad(
            source, ((0, 0), (keep - source.shape[1], 0)))
        self.done += n
        return out
