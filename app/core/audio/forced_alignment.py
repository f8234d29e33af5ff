"""Word edges found in the sound: forced alignment of a transcript's words.

Whisper places a word by attention, often 0.1-0.3 s off inside continuous speech, where no
silence marks the edge. Knowing the words, an acoustic model can find where each is said:
PocketSphinx (BSD licence, its US English model and pronouncing dictionary inside its pip
wheel; nothing fetched) searches the sound of each stretch of speech for exactly those words
in that order (``pronounce.spoken_ways`` gives each written word its possible spoken forms)
and reports where each begins and ends, to 10 ms.

The sound is aligned piece by piece, cut at pauses; at a piece's outer edges, next to the
pause, the wider of the two placings is kept (there the sound's edge is sure, and a word the
model left out at the end of a sentence would otherwise be taken for the pause). A piece
whose words cannot be found in its sound keeps the times it had, as does a word that would
move further than ``MAX_MOVE_S``. Each moved word keeps where the speech model placed it
(``Word.heard``), and hiding a word covers both placings, so aligning never narrows what is
hidden (a word the model left out makes the aligner stretch its neighbours over it).
English only (the model's language). Licence: app/core/audio/licences/LICENSE.pocketsphinx.
"""

from __future__ import annotations

import bisect
import itertools
import threading
from dataclasses import replace
from typing import Any

import numpy as np
import numpy.typing as npt

from app.core.audio.pronounce import LETTERS, rule_phones, spoken_ways
from app.core.audio.transcript import Word
from app.core.audio.word_timing import STEP_S, loudness
from app.core.progress import CancelToken

FRAME_S = 0.01  # the acoustic model's step
PAUSE_S = 0.2  # the sound is aligned in pieces cut at pauses this long
MAX_PIECE_S = 30.0  # ... and longer pieces (talk over steady noise) at their quietest moment
MAX_MOVE_S = 0.8  # a word's middle moving further than this means the alignment is wrong
_lock = threading.Lock()


class _Aligner:
    """One PocketSphinx decoder with its dictionary (loading it takes about a second)."""

    def __init__(self, rate: int) -> None:
        from pocketsphinx import Decoder

        self.decoder: Any = Decoder(samprate=rate, lm=None, loglevel="FATAL",
                                    bestpath=False, beam=1e-300, wbeam=1e-300, pbeam=1e-300,
                                    fsgusefiller=False)
        self.rate = rate
        self.names: dict[str, str] = {}
        for letter, ways in LETTERS.items():
            for k, phones in enumerate(ways):
                self.decoder.add_word(f"xql{letter}" + (f"({k + 1})" if k else ""), phones,
                                      update=False)
            self.names[f"letter:{letter}"] = f"xql{letter}"
        self.decoder.add_word("xqsil", "SIL", update=False)
        self.decoder.add_word("zeroth", "Z IY R OW TH", update=False)
        self.decoder.add_word("nought", "N AO T", update=True)

    def known(self, word: str) -> bool:
        return bool(word.replace("'", "").isalpha() and self.decoder.lookup_word(word))

    def name(self, word: str) -> str:
        """The dictionary's name for a spoken word (adding a word pronounced by rule)."""
        if word not in self.names:
            if word.startswith("rule:"):
                text = word[5:]
                name = f"xqr{text}"
                if not self.decoder.lookup_word(name):
                    self.decoder.add_word(name, rule_phones(text) or "AH", update=True)
                self.names[word] = name
            else:
                self.names[word] = word
        return self.names[word]

    def align(self, words: list[Word], samples: npt.NDArray[np.float32], start_s: float,
              end_s: float) -> list[tuple[float, float]] | None:
        """Each word's (start, end) in ``start_s``..``end_s`` of the sound, or None."""
        tokens = [[["|".join(self.name(w) for w in word.split("|")) for word in way]
                   for way in spoken_ways(word.text, self.known)] for word in words]
        said = [t for t in tokens if t]
        if not said:
            return None
        body = " [ xqsil ] ".join(
            "( " + " | ".join(" ".join(f"( {w.replace('|', ' | ')} )" if "|" in w else w
                                       for w in way) for way in t) + " )" for t in said)
        self.decoder.add_jsgf_string("words", f"#JSGF V1.0;\ngrammar words;\n"
                                              f"public <s> = [ xqsil ] {body} [ xqsil ];\n")
        self.decoder.activate_search("words")
        a, b = round(start_s * self.rate), round(end_s * self.rate)
        pcm = (np.clip(samples[a:b], -1.0, 1.0) * 32767).astype(np.int16).tobytes()
        self.decoder.start_utt()
        self.decoder.process_raw(pcm, full_utt=True)
        self.decoder.end_utt()
        if self.decoder.hyp() is None:
            return None
        segs = [(s.word.split("(")[0], start_s + s.start_frame * FRAME_S,
                 start_s + (s.end_frame + 1) * FRAME_S) for s in self.decoder.seg()
                if s.word[:1] not in "<[(+" and s.word != "xqsil"]
        spans = _parse(said, [s[0] for s in segs])
        if spans is None:
            return None
        out, k, last = [], 0, start_s
        for t in tokens:
            if t:
                first, end = spans[k]
                last = segs[end - 1][2]
                out.append((segs[first][1], last))
                k += 1
            else:  # punctuation: nothing said
                out.append((last, last))
        return out


def _parse(tokens: list[list[list[str]]], said: list[str]) -> list[tuple[int, int]] | None:
    """Which run of ``said`` each token's words are (the decoder took one of its ways)."""
    came_from: list[dict[int, int]] = [{0: 0}] + [{} for _ in tokens]  # end -> start
    for t, ways in enumerate(tokens):
        for j in came_from[t]:
            for way in ways:
                n = len(way)
                if j + n <= len(said) and all(said[j + k] in word.split("|")
                                              for k, word in enumerate(way)):
                    came_from[t + 1].setdefault(j + n, j)
    if len(said) not in came_from[-1]:
        return None
    spans, j = [], len(said)
    for t in range(len(tokens), 0, -1):
        spans.append((came_from[t][j], j))
        j = came_from[t][j]
    return spans[::-1]


_aligners: dict[int, _Aligner] = {}


def describe() -> str:
    """What placed the words' edges, for the transcript's record."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"PocketSphinx {version('pocketsphinx')} en-us (forced alignment)"
    except PackageNotFoundError:  # a build without the package's metadata
        return "PocketSphinx en-us (forced alignment)"


def align_words(words: list[Word], samples: npt.NDArray[np.float32], rate: int,
                cancel: CancelToken | None = None) -> list[Word]:
    """``words`` (in time order) with their edges where the sound says them (see the
    module's note)."""
    if not words:
        return words
    with _lock:
        aligner = _aligners.get(rate) or _aligners.setdefault(rate, _Aligner(rate))
        out = list(words)
        for (start, end), group in _stretches(out, samples, rate):
            if cancel is not None:
                cancel.check()
            chunk = [out[i] for i in group]
            try:
                found = aligner.align(chunk, samples, start, end)
            except (ValueError, RuntimeError):  # a word the decoder cannot take: as it was
                found = None
            if found is None:
                continue
            for k, (i, (a, b)) in enumerate(zip(group, found, strict=True)):
                was = out[i]
                if k == 0:  # next to a pause, where the sound's own edge is sure
                    a = min(a, was.start_s)  # (the aligner may take the start of a
                if k == len(group) - 1:  # word it was not given for that pause)
                    b = max(b, was.end_s)
                if abs((a + b) / 2 - (was.start_s + was.end_s) / 2) <= MAX_MOVE_S:
                    out[i] = replace(was, start_s=round(a, 3), end_s=round(max(a, b), 3),
                                     heard=was.heard or (round(was.start_s, 3),
                                                         round(was.end_s, 3)))
        return out


def _stretches(words: list[Word], samples: npt.NDArray[np.float32],
               rate: int) -> list[tuple[tuple[float, float], list[int]]]:
    """The sound cut in the middle of every pause of ``PAUSE_S`` or more, each piece with
    the indexes of the words (in time order) that start in it (a run-on word may end past a
    pause); pieces with no sound, or no words, left out."""
    loud = loudness(samples, rate)
    if not loud.any():
        return []
    edges = np.flatnonzero(np.diff(np.r_[1, loud.astype(np.int8), 1]))
    cuts: list[float] = [0.0]
    for a, b in zip(edges[::2], edges[1::2], strict=True):  # quiet runs [a, b)
        if (b - a) * STEP_S >= PAUSE_S:
            cuts.append(float(a + b) / 2 * STEP_S)
    cuts.append(len(samples) / rate)
    cuts = _split_long(cuts, samples, rate)
    out = []
    starts = [w.start_s for w in words]
    for start, end in itertools.pairwise(cuts):
        group = list(range(bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)))
        sound = loud[int(start / STEP_S):int(end / STEP_S)]
        if group and end > start and sound.any():
            out.append(((start, end), group))
    return out


def _split_long(cuts: list[float], samples: npt.NDArray[np.float32],
                rate: int) -> list[float]:
    """``cuts`` with a cut added at the quietest 10 ms of the middle half of any piece
    longer than MAX_PIECE_S, until none is (alignment time grows faster than a piece)."""
    out = [cuts[0]]
    for end in cuts[1:]:
        start = out[-1]
        while end - start > MAX_PIECE_S:
            step = round(STEP_S * rate)
            quarter = (end - start) / 4
            a, b = round((start + quarter) * rate), round((end - quarter) * rate)
            n = (b - a) // step
            level = (samples[a:a + n * step].astype(np.float64).reshape(n, step) ** 2).mean(axis=1)
            start = (a + int(np.argmin(level)) * step + step / 2) / rate
            out.append(start)
        out.append(end)
    return out
