"""Hiding sound frame by frame: muted words stay muted inside a disguised stretch (and the
disguise never replays them), and transcripts keep true times across gaps in the audio."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import av
import numpy as np

from app.core.audio.sound_ranges import SoundRange, hide
from app.core.audio.speech_audio import RATE, load_speech_audio
from app.core.audio.voice_disguise import PitchShifter
from app.core.redaction.plan import AudioAction

FRAME = 1024


def _run(signal: np.ndarray, rate: int, ranges: list[SoundRange], fmt: str) -> np.ndarray:
    """``signal`` through ``hide`` in 1024-sample frames, as the export does."""
    shifter = PitchShifter(rate, 1)
    out = []
    for start in range(0, len(signal), FRAME):
        block = signal[start:start + FRAME]
        if fmt == "s16":
            samples = np.round(block * 32767).astype(np.int16).reshape(1, -1)
        else:
            samples = block.astype(np.float32).reshape(1, -1)
        done = hide(samples, 1, True, start / rate, rate, ranges, shifter)
        out.append(done.reshape(-1) / (32767.0 if fmt == "s16" else 1.0))
    return np.concatenate(out)


def test_a_muted_word_inside_a_disguised_stretch_is_silent_and_never_replayed() -> None:
    rate = 16000
    t = np.arange(6 * rate) / rate
    word = ((t >= 3.8) & (t < 4.5)) * 0.5 * np.sin(2 * np.pi * 220 * t)  # only the word
    for fmt in ("s16", "flt"):
        for hiding in (AudioAction.MUTE, AudioAction.BLEEP):
            out = _run(word, rate, [SoundRange(0.0, 6.0, AudioAction.DISGUISE),
                                    SoundRange(3.75, 4.55, hiding)], fmt)
            after = out[round(4.56 * rate):round(4.8 * rate)]  # the shifter's window after it
            assert np.sqrt(np.mean(after ** 2)) < 1e-3, (fmt, hiding)
            inside = out[round(3.8 * rate):round(4.5 * rate)]
            if hiding is AudioAction.MUTE:
                assert np.abs(inside).max() < 1e-3, fmt
            else:  # the tone alone: nothing of the 220 Hz word
                spectrum = np.abs(np.fft.rfft(inside))
                freqs = np.fft.rfftfreq(len(inside), 1 / rate)
                assert spectrum[np.abs(freqs - 1000) < 20].max() > 50 * spectrum[
                    (freqs > 100) & (freqs < 400)].max()


def test_speech_after_a_gap_in_the_audio_timestamps_keeps_its_true_time(
        tmp_path: Path) -> None:
    """A 1 s dropout at 2 s: a burst said at 4.0-4.3 s is found at 4.0-4.3 s, not 3.0."""
    rate = 22050
    path = tmp_path / "gap.mp4"
    with av.open(str(path), "w") as out:
        stream = out.add_stream("aac", rate=rate, layout="mono")
        t = np.arange(6 * rate) / rate
        sound = (((t >= 4.0) & (t < 4.3)) * 0.5 * np.sin(2 * np.pi * 300 * t)).astype(np.float32)
        for start in range(0, len(sound), FRAME):
            if 2 * rate <= start < 3 * rate:
                continue  # the dropout: these samples were never recorded
            chunk = sound[start:start + FRAME]
            frame = av.AudioFrame.from_ndarray(chunk.reshape(1, -1), format="fltp",
                                               layout="mono")
            frame.sample_rate, frame.pts, frame.time_base = rate, start, Fraction(1, rate)
            out.mux(stream.encode(frame))
        out.mux(stream.encode())
    samples = load_speech_audio(path, 0)
    loud = np.flatnonzero(np.abs(samples) > 0.1) / RATE
    assert abs(loud[0] - 4.0) < 0.03 and abs(loud[-1] - 4.3) < 0.03, (loud[0], loud[-1])
