"""Judge detections a person looked at and found not to be faces (``judge_reviewed.json``).

The leak benchmark's judge (MTCNN at 2x, reference thresholds) also "finds" faces in logos,
signs, plaques, floor tiles and legs. Each entry here names one such detection in an
*original* frame of a test clip: the clip's file name, the frame index (the same in the
benchmark's re-encoded first N frames), the judge's box ``x1, y1, x2, y2`` and what it is.
The crops were written by ``bench/leaks.py --save-leaks`` (original | export) and looked at
one by one. A leak the benchmark counts is set apart as "reviewed" when the judge's box on
that frame of that clip has IoU >= ``SAME_BOX`` with an entry; it still counts in "leaked".
Anything not listed, including every detection an engine change newly leaves uncovered,
stays unreviewed: the list can only explain a leak, never hide one unseen.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from judge import greedy_match, iou_matrix

LIST = Path(__file__).resolve().parent / "judge_reviewed.json"
SAME_BOX = 0.5


def load(path: Path = LIST) -> dict[tuple[str, int], list[tuple[list[float], str]]]:
    """(clip, frame) -> [(box, what it is)]."""
    out: dict[tuple[str, int], list[tuple[list[float], str]]] = {}
    for entry in json.loads(path.read_text(encoding="utf-8"))["not_faces"]:
        out.setdefault((entry["clip"], int(entry["frame"])), []).append(
            ([float(v) for v in entry["box"]], str(entry["what"])))
    return out


def set_apart(reviewed: dict[tuple[str, int], list[tuple[list[float], str]]], clip: str,
              frame: int, boxes: Sequence[Sequence[float]]) -> list[str]:
    """For each judge box on that frame of that clip, what its reviewed entry says it is, or
    "" when none: boxes and entries are paired one to one, closest first (IoU >=
    ``SAME_BOX``), so one entry never sets apart a second detection beside the listed one."""
    entries = reviewed.get((clip, frame), [])
    out = [""] * len(boxes)
    if entries and len(boxes):
        iou = iou_matrix(np.asarray([b[:4] for b in boxes], np.float32),
                         np.asarray([b for b, _ in entries], np.float32))
        for k, e in greedy_match(iou, SAME_BOX):
            out[k] = entries[e][1]
    return out
