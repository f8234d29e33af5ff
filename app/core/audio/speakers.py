"""Who speaks when: a transcript's words grouped by voice, so one speaker's words can be
disguised together ("Disguise speaker 2").

No model and nothing fetched: the words are cut into turns (at pauses of ``TURN_GAP_S``,
and turns longer than ``MAX_TURN_S`` at their widest gap); each turn with enough sound
(``MIN_FRAMES``) is described by the average shape of its spectrum (mel cepstrum of its
sounding frames, in the whole recording's spreads) and its median pitch; turns are joined,
closest first (average linkage), while the voices differ by less than ``CEP_SPAN`` in
spectrum and ``PITCH_SPAN_ST`` in pitch. A shorter turn ("yes", a name) goes with the one
speaker whose voice it is like, or is marked unsure (``UNSURE``, shown "Speaker ?"), and
every speaker's disguise takes the unsure turns too. It tells apart voices of
different pitch or timbre (a man and a woman); two alike voices may come out as one
speaker, and one voice shouting and then whispering as two. So it only proposes: the
officer sees the speakers in the text, listens, and chooses what to disguise.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from app.core.audio.transcript import Word
from app.core.audio.word_timing import STEP_S, loudness

TURN_GAP_S = 0.2  # a pause this long may change the speaker
MAX_TURN_S = 4.0
MIN_FRAMES = 80  # sounding frames (10 ms) a turn needs to be judged on its own
MIN_SHORT_FRAMES = 15  # ... and to be placed with a speaker like it (else: unsure)
UNSURE = 0  # the speaker of a turn too short to place
CEP_SPAN = 0.45  # turn-to-turn difference of a voice's spectrum (in the recording's spreads)
PITCH_SPAN_ST = 4.0  # ... and of its median pitch (semitones), still counted as one voice
N_MEL, N_CEP = 26, 13
Voice = tuple[npt.NDArray[np.float64], float]  # a turn's mean cepstrum and median pitch


def speakers(words: list[Word], samples: npt.NDArray[np.float32], rate: int) -> list[int]:
    """Speaker 1, 2, ... of each word, numbered by first appearance; UNSURE (0) for the
    words of a short turn like no speaker or like several; all 1 when the recording has no
    sound or no turn long enough to judge."""
    return speakers_of(words, [], samples, rate)[0]


def speakers_of(words: list[Word], stretches: Sequence[tuple[float, float]],
                samples: npt.NDArray[np.float32],
                rate: int) -> tuple[list[int], list[int]]:
    """The speaker of each word (as :func:`speakers`) and of each stretch of speech the
    model wrote no words for (``stretches``, start and end s). A stretch is cut into its
    sounding pieces (``_pieces``), and each piece with enough sound is placed as a short
    turn is; the stretch is the speaker's when every such piece is like that one speaker,
    else UNSURE (also when it has too little sound, or there are no words to compare it
    with): two voices in one stretch make it every speaker's."""
    if not words:
        return [], [UNSURE] * len(stretches)
    turns = _turns(words)
    cep = _cepstra(samples, rate)
    loud = loudness(samples, rate)[:len(cep)]
    if len(cep) == 0 or not loud.any():
        return [1] * len(words), [UNSURE] * len(stretches)
    pitch = _pitch(samples, rate)[:len(cep)]
    mean, spread = cep[loud].mean(axis=0), cep[loud].std(axis=0) + 1e-6

    def voice(start_s: float, end_s: float) -> tuple[Voice | None, int]:
        """The voice over start..end (None: too little sound) and its sounding frames."""
        a, b = max(0, int(start_s / STEP_S)), int(end_s / STEP_S) + 1
        frames = cep[a:b][loud[a:b]]
        voiced = pitch[a:b][~np.isnan(pitch[a:b])]
        if len(frames) < MIN_SHORT_FRAMES:
            return None, len(frames)
        return (((frames - mean) / spread).mean(axis=0),
                float(np.median(voiced)) if len(voiced) >= 5 else np.nan), len(frames)

    voices: list[Voice | None] = []
    sounding: list[int] = []  # each turn's sounding frames
    for group in turns:
        v, n = voice(words[group[0]].start_s, words[group[-1]].end_s)
        voices.append(v)
        sounding.append(n)
    long = [i for i, v in enumerate(voices) if v is not None and sounding[i] >= MIN_FRAMES]
    judged = [voices[i] for i in long]
    labels = _cluster([v for v in judged if v is not None])
    turn_labels = [-1] * len(turns)
    for i, k in zip(long, labels, strict=True):
        turn_labels[i] = k
    for i, v in enumerate(voices):  # a short turn: the speaker its voice is close to, if one
        if turn_labels[i] < 0 and v is not None:
            turn_labels[i] = _nearest(v, judged, labels)
    numbering: dict[int, int] = {}
    out = [0] * len(words)
    for group, k in zip(turns, turn_labels, strict=True):
        number = numbering.setdefault(k, len(numbering) + 1) if k >= 0 else UNSURE
        for i in group:
            out[i] = number
    if not numbering:
        return [1] * len(words), [UNSURE] * len(stretches)
    placed = []
    for start_s, end_s in stretches:
        found = set()  # each sounding piece's speaker (-1: like none, or several)
        for a, b in _pieces(loud, start_s, end_s):
            v, _n = voice(a, b)
            if v is not None:
                found.add(_nearest(v, judged, labels) if labels else -1)
        k = found.pop() if len(found) == 1 else -1
        placed.append(numbering.get(k, UNSURE))
    return out, placed


def _pieces(loud: npt.NDArray[np.bool_], start_s: float,
            end_s: float) -> list[tuple[float, float]]:
    """The sounding pieces of start..end s (runs of sound between silences the loudness
    measure sees, 0.1 s or more), each at most MAX_TURN_S: with no words to cut it at, a
    stretch may hold a quick exchange of two voices."""
    if not (np.isfinite(start_s) and np.isfinite(end_s)):
        return []
    a = max(0, int(start_s / STEP_S))
    b = min(len(loud), int(end_s / STEP_S) + 1)
    if b <= a:
        return []
    edges = np.flatnonzero(np.diff(np.r_[0, loud[a:b].astype(np.int8), 0]))
    longest = max(1, round(MAX_TURN_S / STEP_S))
    out = []
    for first, last in zip(edges[::2], edges[1::2], strict=True):  # sounding runs [first, last)
        for cut in range(first, last, longest):
            out.append(((a + cut) * STEP_S, (a + min(last, cut + longest)) * STEP_S))
    return out


def speaker_runs(words: list[Word], labels: list[int], speaker: int) -> list[tuple[int, int]]:
    """(first, last) word indexes of each run of ``speaker``'s words and of the words of no
    sure speaker (UNSURE): privacy first, a short answer nobody could place ("Jane Smith.")
    is disguised with whichever speaker is chosen."""
    runs: list[tuple[int, int]] = []
    for i, label in enumerate(labels):
        if label not in (speaker, UNSURE):
            continue
        if runs and runs[-1][1] == i - 1:
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    return runs


def _nearest(voice: Voice, judged: list[Voice | None],
             labels: list[int]) -> int:
    """The speaker whose turns ``voice`` is alike on average (as the clustering joins), if
    exactly one is; else -1 (unsure)."""
    alike = []
    for k in set(labels):
        members = [v for v, label in zip(judged, labels, strict=True)
                   if label == k and v is not None]
        if float(np.mean([_distance(voice, m) for m in members])) < 1.0:
            alike.append(k)
    return alike[0] if len(alike) == 1 else -1


def _distance(a: Voice, b: Voice) -> float:
    cep = float(np.sqrt(((a[0] - b[0]) ** 2).mean())) / CEP_SPAN
    pitch = abs(a[1] - b[1]) / PITCH_SPAN_ST
    return cep if np.isnan(pitch) else max(cep, pitch)


def _turns(words: list[Word]) -> list[list[int]]:
    """Word indexes cut at pauses, long turns cut again at their widest gap."""
    turns: list[list[int]] = []
    for i, w in enumerate(words):
        if turns and w.start_s - words[turns[-1][-1]].end_s < TURN_GAP_S:
            turns[-1].append(i)
        else:
            turns.append([i])
    out: list[list[int]] = []
    while turns:
        group = turns.pop(0)
        if len(group) > 1 and words[group[-1]].end_s - words[group[0]].start_s > MAX_TURN_S:
            gaps = [words[b].start_s - words[a].end_s for a, b in itertools.pairwise(group)]
            cut = int(np.argmax(gaps)) + 1
            turns[:0] = [group[:cut], group[cut:]]
        else:
            out.append(group)
    return out


def _cluster(voices: list[Voice]) -> list[int]:
    """Average-linkage clustering of the turns' voices (spectrum and pitch); a label per
    turn."""
    if not voices:
        return []
    x = np.stack([c for c, _p in voices])
    sq = (x ** 2).sum(axis=1)  # squared distances without an n x n x 12 array
    cep = np.sqrt(np.maximum(sq[:, None] + sq[None, :] - 2 * x @ x.T, 0) / x.shape[1]) / CEP_SPAN
    p = np.array([p for _c, p in voices])
    semitones = np.abs(p[:, None] - p[None, :]) / PITCH_SPAN_ST
    dist = np.where(np.isnan(semitones), cep, np.maximum(cep, semitones))
    dist = dist.astype(np.float64)
    np.fill_diagonal(dist, np.inf)
    members = [[i] for i in range(len(voices))]
    sizes = np.ones(len(voices))
    while len(members) > 1:  # average linkage, the matrix updated in place (Lance-Williams)
        a, b = divmod(int(np.argmin(dist)), len(members))
        if dist[a, b] >= 1.0:
            break
        a, b = min(a, b), max(a, b)
        merged = (sizes[a] * dist[a] + sizes[b] * dist[b]) / (sizes[a] + sizes[b])
        dist[a], dist[:, a] = merged, merged
        dist[a, a] = np.inf
        dist = np.delete(np.delete(dist, b, axis=0), b, axis=1)
        sizes[a] += sizes[b]
        sizes = np.delete(sizes, b)
        members[a] += members.pop(b)
    labels = [0] * len(voices)
    for k, group in enumerate(members):
        for i in group:
            labels[i] = k
    return labels


def _pitch(samples: npt.NDArray[np.float32], rate: int) -> npt.NDArray[np.float64]:
    """Pitch (semitones above 100 Hz) every STEP_S over 40 ms windows, NaN where unvoiced
    (autocorrelation peak below half the energy), searched over 60-400 Hz."""
    win, hop = round(0.04 * rate), round(STEP_S * rate)
    n = max(0, 1 + (len(samples) - win) // hop)
    out = np.full(n, np.nan)
    lo, hi = int(rate / 400), int(rate / 60)
    window = np.hanning(win)
    for s in range(0, n, 2048):
        rows = np.arange(s, min(n, s + 2048))
        frames = samples[rows[:, None] * hop + np.arange(win)[None, :]] * window
        frames = frames - frames.mean(axis=1, keepdims=True)
        ac = np.fft.irfft(np.abs(np.fft.rfft(frames, 2 * win)) ** 2)[:, :win]
        r = ac[:, lo:hi] / (ac[:, :1] + 1e-12)
        k = r.argmax(axis=1)
        peak = r[np.arange(len(rows)), k]
        out[rows] = np.where(peak > 0.5, 12 * np.log2(rate / (k + lo) / 100), np.nan)
    return out


def _cepstra(samples: npt.NDArray[np.float32], rate: int) -> npt.NDArray[np.float64]:
    """Mel cepstrum (coefficients 1-12) every STEP_S over 25 ms windows."""
    win, hop, nfft = round(0.025 * rate), round(STEP_S * rate), 512
    n = max(0, 1 + (len(samples) - win) // hop)
    if n == 0:
        return np.zeros((0, N_CEP - 1))
    fb = _mel_bank(rate, nfft)
    k = np.arange(N_MEL)
    dct = np.cos(np.pi / N_MEL * (k[None, :] + 0.5) * np.arange(N_CEP)[:, None])
    window = np.hamming(win)
    out = np.empty((n, N_CEP - 1))
    for s in range(0, n, 4096):  # a few thousand frames at a time
        rows = np.arange(s, min(n, s + 4096))
        frames = samples[rows[:, None] * hop + np.arange(win)[None, :]] * window
        power = np.abs(np.fft.rfft(frames, nfft)) ** 2
        out[rows] = (np.log(power @ fb.T + 1e-10) @ dct.T)[:, 1:]
    return out


def _mel_bank(rate: int, nfft: int) -> npt.NDArray[np.float64]:
    def mel(f: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        return 2595 * np.log10(1 + f / 700)

    edges = 700 * (10 ** (np.linspace(mel(np.array(100.0)), mel(np.array(min(7600.0,
                                                                              rate / 2))),
                                      N_MEL + 2) / 2595) - 1)
    bins = np.fft.rfftfreq(nfft, 1 / rate)
    bank = np.zeros((N_MEL, len(bins)))
    for m in range(N_MEL):
        lo, mid, hi = edges[m:m + 3]
        bank[m] = np.clip(np.minimum((bins - lo) / (mid - lo), (hi - bins) / (hi - mid)), 0, None)
    return bank
