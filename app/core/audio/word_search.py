"""Finding words in a transcript: a phrase wherever it is said, and the time a run of words
takes (padded, so the sound just before and after a word is hidden with it)."""

from __future__ import annotations

import re

from app.core.audio.transcript import Transcript, Word

# Around hidden words. Word edges next to silence are measured to about 10 ms, but inside
# continuous speech the model's edges are off by 0.1-0.25 s (bench/audio_redaction.py): a
# hidden detail may take a syllable of the words beside it, never leave one of its own.
PAD_S = 0.25


def find_phrase(transcript: Transcript, phrase: str) -> list[tuple[int, int]]:
    """Every (first, last) word index where ``phrase`` is said; case, punctuation and
    hyphens ignored ("cf10" finds "CF10,"; "john smith" finds "John Smith.")."""
    wanted = _norm_tokens(phrase)
    if not wanted:
        return []
    words = [_norm(w) for w in transcript.words]
    found = []
    i = 0
    while i < len(words):
        j, k = i, 0
        joined = ""
        while j < len(words) and k < len(wanted):  # a word may hold two wanted tokens or
            joined += words[j]                    # a wanted token span two words ("CF" "10")
            target = "".join(wanted[:k + 1])
            while k + 1 < len(wanted) and len(joined) > len(target):
                k += 1
                target = "".join(wanted[:k + 1])
            if not target.startswith(joined):
                break
            if joined == target:
                k += 1
            j += 1
        if k == len(wanted) and joined == "".join(wanted):
            found.append((i, j - 1))
            i = j
        else:
            i += 1
    return found


def words_span(words: list[Word], first: int, last: int,
               pad: float = PAD_S) -> tuple[float, float]:
    """Start and end (seconds) of words ``first``..``last``, widened by ``pad`` each side
    (into the words beside them if need be: privacy first). Where the sound and the speech
    model placed a word differently, both placings are covered (``Word.outer``)."""
    inside = words[first:last + 1]
    return (max(0.0, min(w.outer[0] for w in inside) - pad),
            max(w.outer[1] for w in inside) + pad)


def _norm(word: Word) -> str:
    return "".join(_norm_tokens(word.text))


_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


def _norm_tokens(text: str) -> list[str]:
    """Lower case, punctuation dropped, curly apostrophes made straight ("O\u2019Brien" finds
    "O'Brien"), a possessive ending dropped ("Smith" finds "Smith's", "Jones" "Jones'")."""
    text = re.sub(r"[^\w\s\-@']", "", text.translate(_APOSTROPHES).lower())
    return [re.sub(r"'s?$", "", t) or t for t in re.split(r"[\s\-]+", text) if t]
