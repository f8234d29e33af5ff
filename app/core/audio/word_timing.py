"""Word times checked against the sound itself, and speech the model left out.

Whisper places words by attention, often 0.2-0.5 s off at the edges of speech, and a small
model sometimes stops transcribing in the middle of a sentence (long digit strings). For a
redaction that matters: a range placed by those times would let a syllable through, and
words never written down can never be found. So:

* ``refine`` moves each word's edges to where the sound starts and stops: a start that lies
  in silence moves forward to the sound (at most ``MAX_SILENCE_S``), a start inside a
  stretch of sound that began after the previous word moves back to where it began (at
  most ``MAX_SHIFT_S``); ends likewise.
* ``to_pauses``: the forced aligner's silence sometimes takes the tail of a word, or the
  head of the next; where a gap between two words holds sound and a pause, each word is
  widened over the sound that touches it, to the pause.
* ``untranscribed`` lists stretches of speech (Silero VAD) that no word covers, so they can
  be transcribed again on their own, and what still has no words is shown to the user.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import numpy.typing as npt

from app.core.audio.transcript import Word

STEP_S = 0.01  # the loudness envelope's step
MAX_SHIFT_S = 0.4  # widening a word over sound
MAX_SILENCE_S = 1.0  # narrowing it over silence (nothing can be lost there)
MAX_WORD_S = 1.5  # a "word" longer than this is the model running on, not a word
MIN_GAP_S = 0.4  # speech shorter than this without words is not listed
CLOSE_S = 0.1  # silences this short inside sound count as sound
MIN_PAUSE_STEPS = 2  # a pause between two words: 20 ms of silence at least


def loudness(samples: npt.NDArray[np.float32], rate: int,
             close_s: float = CLOSE_S) -> npt.NDArray[np.bool_]:
    """Per ``STEP_S``: is there sound (12 dB over the quiet floor, and over -50 dBFS)?
    Silences up to ``close_s`` inside sound count as sound."""
    step = max(1, round(STEP_S * rate))
    n = len(samples) // step
    if n == 0:
        return np.zeros(0, bool)
    frames = samples[:n * step].astype(np.float64).reshape(n, step)
    level = 10 * np.log10(np.maximum(1e-12, (frames ** 2).mean(axis=1)))
    floor = float(np.percentile(level, 10))
    loud = level > max(-50.0, floor + 12.0)
    # close the short silences inside words (the stop before a "p" or "t")
    quiet = np.flatnonzero(np.diff(np.r_[1, loud.astype(np.int8), 1]))
    for a, b in zip(quiet[::2], quiet[1::2], strict=True):  # quiet runs [a, b)
        if a > 0 and b < n and (b - a) * STEP_S <= close_s:
            loud[a:b] = True
    return np.asarray(loud)


def refine(words: list[Word], samples: npt.NDArray[np.float32], rate: int) -> list[Word]:
    """The words with their edges moved to the sound (see the module's note)."""
    loud = loudness(samples, rate)
    if not loud.any():
        return words
    out: list[Word] = []
    for i, word in enumerate(words):
        prev_end = out[-1].end_s if out else 0.0
        next_start = words[i + 1].start_s if i + 1 < len(words) else len(loud) * STEP_S
        start = _edge(loud, word.start_s, prev_end, word.end_s, forward=True)
        end = _edge(loud, word.end_s, next_start, start, forward=False)
        out.append(replace(word, start_s=round(start, 3), end_s=round(max(end, start), 3)))
    return out


def to_pauses(words: list[Word], samples: npt.NDArray[np.float32], rate: int) -> list[Word]:
    """``words`` (in time order) where a gap between two words holds both sound and a pause
    (20 ms of silence or more): the earlier word's end moved forward over the sound that
    touches it, to the gap's first pause; the later word's start back to the end of the
    gap's last pause (a pause between them may be the stop inside a word: "two", "at").
    Each edge moves ``MAX_SHIFT_S`` at most, and only ever widens a word; a gap of sound
    alone, or of silence alone, is left as it is (nothing there tells where a word ends)."""
    loud = loudness(samples, rate, close_s=0.0)
    out = list(words)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        lo, hi = round(a.end_s / STEP_S), min(len(loud), round(b.start_s / STEP_S))
        gap = loud[lo:hi]
        if len(gap) < 2 or gap.all() or not gap.any():
            continue
        quiet = np.flatnonzero(np.diff(np.r_[1, gap.astype(np.int8), 1]))
        runs = [(p, q) for p, q in zip(quiet[::2], quiet[1::2], strict=True)  # quiet [p, q)
                if q - p >= MIN_PAUSE_STEPS]
        if not runs:
            continue
        end, start = (lo + runs[0][0]) * STEP_S, (lo + runs[-1][1]) * STEP_S
        if 0 < end - a.end_s <= MAX_SHIFT_S:
            out[i] = _widened(a, a.start_s, end)
        if 0 < b.start_s - start <= MAX_SHIFT_S:
            out[i + 1] = _widened(b, start, b.end_s)
    return out


def _widened(word: Word, start: float, end: float) -> Word:
    """``word`` placed at ``start``..``end``, keeping where the speech model heard it."""
    return replace(word, start_s=round(float(start), 3), end_s=round(float(end), 3),
                   heard=word.heard or (word.start_s, word.end_s))


def untranscribed(words: list[Word], speech: list[tuple[float, float]],
                  samples: npt.NDArray[np.float32], rate: int) -> list[tuple[float, float]]:
    """Stretches of ``speech`` (start, end seconds) that no word covers, MIN_GAP_S or longer
    and mostly sound (not the pause between two sentences); a word longer than MAX_WORD_S
    counts only for its first MAX_WORD_S."""
    loud = loudness(samples, rate)

    def sounding(a: float, b: float) -> bool:
        part = loud[round(a / STEP_S):round(b / STEP_S)]
        return len(part) > 0 and float(part.mean()) >= 0.5

    covered = sorted((w.outer[0], min(w.outer[1], w.outer[0] + MAX_WORD_S))  # either placing
                     for w in words)
    gaps = []
    for start, end in speech:
        now = start
        for a, b in covered:
            if b <= now or a >= end:
                continue
            if a - now >= MIN_GAP_S and sounding(now, a):
                gaps.append((now, a))
            now = max(now, b)
        if end - now >= MIN_GAP_S and sounding(now, end):
            gaps.append((now, end))
    return gaps


def _edge(loud: npt.NDArray[np.bool_], t: float, limit: float, other: float,
          forward: bool) -> float:
    """One edge of a word at ``t``: ``limit`` is the neighbouring word's edge (not crossed),
    ``other`` this word's opposite edge (not crossed either)."""
    n = len(loud)
    k = min(n - 1, max(0, round(t / STEP_S)))
    if not loud[k]:  # in silence: move toward the word's own sound
        step = 1 if forward else -1
        j = k
        while 0 <= j < n and not loud[j] and abs(j - k) * STEP_S < MAX_SILENCE_S:
            j += step
        if 0 <= j < n and loud[j]:
            moved = j * STEP_S
            return min(moved, other) if forward else max(moved, other)
        return t
    step = -1 if forward else 1  # in sound: widen to where this stretch of sound begins/ends
    j = k
    while 0 <= j + step < n and loud[j + step] and abs(j + step - k) * STEP_S <= MAX_SHIFT_S:
        j += step
    moved = j * STEP_S
    return max(moved, limit) if forward else min(moved, limit)
