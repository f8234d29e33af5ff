"""Words that sound like a name given in the case, however the speech model spelled them.

A small speech model writes a name it does not know as whatever English words sound closest:
"Mohammed Iqbal" as "no Hamidic bull", "Daniel Hughes" as "then you'll use". Spelling does
not match there, but the sounds do. Each word is turned into phones (the pronouncing
dictionary inside the PocketSphinx wheel, which the aligner already uses; spelling rules,
``pronounce.rule_phones``, for a word it lacks) and a run of one to ``MAX_WORDS`` heard words
is compared with the whole name by a weighted edit distance over phones: any two vowels, and
consonants said alike (m/n, b/p, d/t, s/z ...), cost half a step. A run whose similarity is
``SIMILAR`` or more is proposed (measured on bench/audio_redaction.py's 53 clips: every
planted name 0.70-1.0 against its own words, no run of other speech above 0.63 against any
of the ten names; 40 other common names over the same 1,520 words: two sound-alikes of a
planted name, "Ava Thompson" for "Emma Thompson", "Mohammed Ali" for "no Hamidic"). Names of
fewer than ``MIN_PHONES`` phones are matched by spelling only: a short name sounds like too
many ordinary words ("Mia White", 6 phones, like "me what").
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path

from app.core.audio.pronounce import rule_phones
from app.core.audio.transcript import Word

SIMILAR = 0.72
MIN_PHONES = 8
MAX_WORDS = 4
MAX_SPAN_S = 3.0  # a run of words longer than this is not one name said
# left out of a name before it is matched: titles and initials are not said as written
TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "pc", "ds", "di", "dc", "sgt",
                    "insp", "prof", "rev", "sir", "dame"})
VOWELS = frozenset({"AA", "AE", "AH", "AO", "AW", "AY", "EH", "ER", "EY", "IH", "IY", "OW",
                    "OY", "UH", "UW"})
ALIKE = [frozenset(p) for p in (("M", "N"), ("B", "P"), ("D", "T"), ("G", "K"), ("V", "F"),
                                 ("Z", "S"), ("DH", "TH"), ("DH", "D"), ("TH", "T"),
                                 ("ZH", "SH"), ("JH", "CH"), ("NG", "N"), ("HH", "Y"))]
NO_STRESS = str.maketrans("", "", "012")


@cache
def _dictionary() -> dict[str, tuple[str, ...]]:
    """The pronouncing dictionary's first pronunciation of each word (stress marks dropped);
    empty when PocketSphinx is not installed (spelling rules then serve every word)."""
    try:
        from pocketsphinx import get_model_path
    except ImportError:
        return {}
    path = Path(get_model_path()) / "en-us" / "cmudict-en-us.dict"
    found: dict[str, tuple[str, ...]] = {}
    if path.is_file():
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                word, *phones = line.translate(NO_STRESS).split() or [""]
                if word and "(" not in word:
                    found[word] = tuple(phones)
    return found


@cache
def phones(text: str) -> tuple[str, ...]:
    """How a written word sounds, as phones (nothing for a word with no letters)."""
    plain = unicodedata.normalize("NFKD", text.lower())  # "Núñez" -> "nunez"
    word = re.sub(r"[^a-z']", "", plain).strip("'")
    if not word:
        return ()
    known = _dictionary().get(word)
    if known is not None:
        return known
    return tuple(rule_phones(word.replace("'", "")).split())


@cache
def _step(a: str, b: str) -> float:
    if a == b:
        return 0.0
    if (a in VOWELS and b in VOWELS) or frozenset((a, b)) in ALIKE:
        return 0.5
    return 1.0


@cache
def _gap(a: str) -> float:
    """Leaving a phone out: a vowel or an "h" is easily lost, half a step."""
    return 0.5 if a in VOWELS or a == "HH" else 1.0


def similarities(said: tuple[str, ...], heard: tuple[str, ...], ends: list[int],
                 floor: float = 0.0) -> list[float]:
    """For each length in ``ends``: 1 - the weighted edit distance between ``said`` and the
    first that many phones of ``heard`` / the longer's length (one table for every length;
    all 0.0 as soon as none can reach ``floor``)."""
    allowed = (1.0 - floor) * max(len(said), *ends, 1)
    row = [0.0]
    for b in heard:
        row.append(row[-1] + _gap(b))
    for a in said:
        gap_a = _gap(a)
        last = [row[0] + gap_a]
        for j, b in enumerate(heard):
            last.append(min(row[j] + _step(a, b), row[j + 1] + gap_a, last[j] + _gap(b)))
        row = last
        if min(row) > allowed:  # a row's least cost never falls in the rows below it
            return [0.0] * len(ends)
    return [1.0 - row[end] / max(len(said), end, 1) for end in ends]


@cache
def _word_similarity(said: tuple[str, ...], heard: tuple[str, ...]) -> float:
    """:func:`similarity`, remembered (a phrase's last word against each word heard)."""
    return similarity(said, heard)


def similarity(said: tuple[str, ...], heard: tuple[str, ...]) -> float:
    """1 - the weighted edit distance between two phone sequences / the longer's length."""
    return similarities(said, heard, [len(heard)])[0]


def name_phones(name: str) -> tuple[str, ...]:
    """How a name is said, as phones: its titles ("Dr", "PC") and initials ("J.") left out."""
    parts = [p for p in re.split(r"[\s.]+", name) if p]
    return tuple(ph for part in parts
                 if len(part) > 1 and part.lower() not in TITLES for ph in phones(part))


def _opens(said: tuple[str, ...], first: tuple[str, ...]) -> bool:
    """Whether a run whose first word sounds ``first`` can be the name: its first phone
    is, or is said like, one of the name's first two (a cheap test before the table)."""
    return any(_step(first[0], a) <= 0.5 for a in said[:2])


def sounding_like(words: list[Word], name: str, tail: float = 0.0) -> list[tuple[int, int]]:
    """The runs of ``words`` (first, last index, inclusive; said within ``MAX_SPAN_S``) that
    sound like ``name``: at each place the most similar run, where no better overlapping run
    was found. ``tail``: a run must end with a word at least this similar to the name's last
    word (for set phrases: "Colin Humber" for "collar number"; a cheap test first)."""
    said = name_phones(name)
    if len(said) < MIN_PHONES:
        return []
    heard = [phones(w.text) for w in words]
    if tail:
        last_part = name_phones(name.split()[-1])
        ending = [bool(h) and _word_similarity(last_part, h) >= tail for h in heard]
        if not any(ending):
            return []
    scored = []
    for first in range(len(words)):
        if not heard[first] or not _opens(said, heard[first]):
            continue
        run: tuple[str, ...] = ()
        lasts, ends = [], []
        for last in range(first, min(len(words), first + MAX_WORDS)):
            if len(run) + len(heard[last]) > 1.5 * len(said) or \
                    words[last].end_s - words[first].start_s > MAX_SPAN_S:
                break
            run += heard[last]
            if len(run) >= 0.6 * len(said) and heard[last] and (not tail or ending[last]):
                lasts.append(last)
                ends.append(len(run))
        if ends:
            scored += [(score, first, last) for score, last
                       in zip(similarities(said, run, ends, SIMILAR), lasts, strict=True)
                       if score >= SIMILAR]
    chosen: list[tuple[int, int]] = []
    for _score, first, last in sorted(scored, reverse=True):
        if all(last < a or first > b for a, b in chosen):
            chosen.append((first, last))
    return sorted(chosen)
