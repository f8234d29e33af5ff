"""Speakers told apart by voice (issue 18's "disguise a chosen speaker"): how many speakers
``transcribe_file`` finds in generated conversations, and how many words it gives the right
speaker.

    .venv/bin/python bench/speakers.py [--lines 12]

Each conversation is ``--lines`` sentences said in turn by its voices (espeak-ng, 160 words a
minute, 0.25-0.8 s between turns, the order of speakers irregular), so who said each word is
known. Word accuracy: the share of words whose speaker matches, under the best one-to-one
mapping of found speakers to true ones. The real recordings of ../shared/testdata (one
speaker each, as far as can be heard) give the number of speakers found.

Nothing here is a pass/fail test: the issue sets no target for it; the figures say where
telling voices apart works (different pitch or timbre) and where it does not (espeak-ng's
English voices share one voice and differ only in accent).
"""

from __future__ import annotations

import argparse
import itertools
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.core.audio.transcribe import transcribe_file
from tests.speech_media import RATE, make_spoken_clip, speak

ROOT = Path(__file__).resolve().parents[1]
TESTDATA = ROOT.parent / "shared" / "testdata"
REAL_CLIPS = ["crowds/videos/face_recognition_short_hamilton_clip.mp4",
              "videos/pyfeat_WolfgangLanger_Pexels.mp4"]
LINES = ["Can you tell me what happened this evening?",
         "I saw two people running towards the park.",
         "Did you see which way they went after that?",
         "They went down the road past the shop on the corner.",
         "What were they wearing, can you remember?",
         "One had a red coat and the other one had a hat.",
         "Okay. Was anybody hurt?",
         "No, I don't think so, but the window is broken.",
         "Right, I am going to take a statement from you.",
         "That is fine, I am happy to help.",
         "Could you spell your surname for me?",
         "Yes, it is Thompson, with a P."]
ORDER = [0, 1, 0, 1, 1, 0, 2, 0, 1, 2, 0, 1]  # who says each line (mod the voices)
GAPS = [0.4, 0.25, 0.8, 0.3, 0.5]
CONVERSATIONS = {  # name: (voice, pitch 0-99) of each speaker
    "a man and a woman": [("en-gb", 50), ("en-us+f3", 50)],
    "two men, low and high": [("en-gb", 30), ("en-gb", 70)],
    "three: low man, woman, high man": [("en-gb", 35), ("en-us+f3", 50), ("en-gb", 70)],
    "one voice (en-gb)": [("en-gb", 50)],
    "one voice (en-us, low)": [("en-us", 40)],
    "one voice, two accents (en-gb / en-gb-scotland)": [("en-gb", 50),
                                                        ("en-gb-scotland", 50)],
}


def conversation(path: Path, voices: list[tuple[str, int]],
                 lines: int) -> tuple[Path, list[tuple[float, float, int]]]:
    parts, said_by, now = [np.zeros(RATE // 2, np.int16)], [], 0.5
    for k in range(lines):
        who = ORDER[k % len(ORDER)] % len(voices)
        voice, pitch = voices[who]
        said = speak(LINES[k % len(LINES)], voice, 160, pitch)
        gap = GAPS[k % len(GAPS)]
        said_by.append((now, now + len(said) / RATE, who))
        parts += [said, np.zeros(round(gap * RATE), np.int16)]
        now += len(said) / RATE + gap
    return make_spoken_clip(path, [np.concatenate(parts)]), said_by


def accuracy(found: list[int], truth: list[int], speakers: int) -> float:
    """Share of words right under the best mapping of found speakers to true ones."""
    labels = sorted(set(found))
    best = 0
    for names in itertools.permutations(range(max(speakers, len(labels))), len(labels)):
        mapping = dict(zip(labels, names, strict=True))
        best = max(best, sum(mapping[f] == t for f, t in zip(found, truth, strict=True)))
    return best / max(1, len(found))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lines", type=int, default=12)
    args = parser.parse_args()
    print(f"{'conversation':<50}{'speakers':>9}{'found':>7}{'words':>7}{'word acc.':>11}"
          f"{'s':>6}")
    with tempfile.TemporaryDirectory() as tmp:
        for n, (name, voices) in enumerate(CONVERSATIONS.items()):
            clip, said_by = conversation(Path(tmp) / f"talk{n}.mp4", voices, args.lines)
            started = time.perf_counter()
            t = transcribe_file(clip)
            wall = time.perf_counter() - started
            truth = [next((who for a, b, who in said_by
                           if a - 0.2 <= (w.start_s + w.end_s) / 2 <= b + 0.2), -1)
                     for w in t.words]
            found = t.word_speakers()
            print(f"{name:<50}{len(voices):>9}{t.speaker_count():>7}{len(t.words):>7}"
                  f"{accuracy(found, truth, len(voices)):>11.2f}{wall:>6.1f}")
    for rel in REAL_CLIPS:
        path = TESTDATA / rel
        if path.exists():
            t = transcribe_file(path)
            print(f"real: {path.name}: {len(t.words)} words, {t.speaker_count()} speaker(s) "
                  "found")


if __name__ == "__main__":
    main()
