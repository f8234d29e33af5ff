"""The judge's look at each original frame kept on disk (``bench/leaks.py --judge-cache``).

Judging every original frame is most of the leak benchmark's time (MOT20's 1,008 frames take
about ten minutes), and the originals do not change between runs: only the export does. A
cache file per clip and judge setting holds the boxes the judge found on each frame, keyed
by a digest of the frame's pixels, so a frame is looked at again whenever anything about it
differs (another clip, another re-encode, another judge setting). The judge's second look,
at the export, is never cached.
"""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from judge import Array, MtcnnJudge


class CachedJudge:
    """``MtcnnJudge.detect`` on whole original frames, remembered in ``folder``."""

    def __init__(self, judge: MtcnnJudge, folder: Path, clip: Path) -> None:
        self.judge, self.upscale = judge, judge.upscale
        setting = f"{judge.upscale}-{judge.min_face}-{judge.factor}-{judge.thresholds}"
        key = hashlib.sha256(f"{clip.name}|{clip.stat().st_size}|{setting}".encode())
        self.path = folder / f"{clip.stem}.{key.hexdigest()[:16]}.pkl"
        self.boxes: dict[str, Array] = {}
        if self.path.is_file():
            with self.path.open("rb") as f:
                self.boxes = pickle.load(f)  # our own file, written below
        self.new = 0

    def detect(self, rgb: npt.NDArray[np.uint8], upscale: float | None = None) -> Array:
        if upscale is not None:  # a crop of the export: looked at afresh
            return self.judge.detect(rgb, upscale)
        digest = hashlib.sha1(np.ascontiguousarray(rgb).tobytes()).hexdigest()
        if digest not in self.boxes:
            self.boxes[digest] = self.judge.detect(rgb)
            self.new += 1
        return self.boxes[digest]

    def save(self) -> None:
        if not self.new:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        part = self.path.with_suffix(".partial")
        with part.open("wb") as f:
            pickle.dump(self.boxes, f)
        part.replace(self.path)
        self.new = 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self.judge, name)
