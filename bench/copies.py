"""Copies of a developer clip made in a condition it lacks, and the judge's faces of the
original looked for in an export of the copy (``bench/conditions.py``, ``dark_frames.py``,
``turned_frames.py``).

A :class:`Change` says how a copy is made: what happens to each frame's picture, where a box
of the original lies on the copy, which frames are kept (every ``step``-th) and how hard the
copy is compressed. The judge (MTCNN) misses many faces in a degraded copy, so the faces to
hide are always the judge's faces on the ORIGINAL frames, moved with the picture; a
face-frame is leaked by the pixel rule of ``bench/leaks.py`` (less than 90 % of its box
hidden and at least 0.35 of its fine detail kept).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
import numpy.typing as npt
from judge import MtcnnJudge
from judge_cache import CachedJudge
from leaks import (
    DETAIL_KEPT,
    HIDDEN_SHARE,
    REVIEWED,
    LeakRuns,
    bench_store,
    changed_mask,
    detail_kept,
    frames_of,
    hidden_share,
    picture_changed,
)
from reviewed_judge import set_apart

from app.core.media.decode import main_video, rgb_of
from app.core.media.probe import probe
from app.core.store.database import Store

Image = npt.NDArray[np.uint8]
Box = npt.NDArray[np.float32]


def _same_box(box: Box, width: int, height: int) -> Box:
    return box


def _box_width(box: Box) -> float:
    return float(box[2] - box[0])


@dataclass(frozen=True)
class Change:
    """How a copy is made: ``picture(rgb, rng)`` gives each kept frame's new picture (any
    float or uint8 array, clipped to 0-255; grey is made RGB; a ``picture`` with a
    ``start()`` is told before each copy's first frame), ``box(box, width, height)``
    a box of the original ``width`` x ``height`` frame on the copy, ``face_width(box)`` the
    width of the face such a box holds as it would stand upright (what the 16 px rule goes
    by), every ``step``-th frame is kept (the frame rate divided by it) and the copy is
    H.264 at ``crf``."""

    name: str
    picture: Callable[[Image, np.random.Generator], npt.NDArray[np.generic]]
    box: Callable[[Box, int, int], Box] = _same_box
    face_width: Callable[[Box], float] = _box_width
    step: int = 1
    crf: int = 23
    interlaced: bool = False  # encoded as interlaced (top field first), as CCTV and DV are
    # a box on the copy's kept frame k when that depends on k (``box`` otherwise)
    box_at: Callable[[Box, int, int, int], Box] | None = None


def made_copy(source: Path, out: Path, change: Change) -> Path:
    """``source``'s frames (stored pixels, every ``change.step``-th) made as ``change``
    says, as H.264 at ``out``."""
    rng = np.random.default_rng(1)
    start = getattr(change.picture, "start", None)  # a change that follows the frames
    if callable(start):  # (interlaced, shake) starts each copy afresh
        start()
    with av.open(str(source)) as inp, av.open(str(out), "w") as outc:
        vin = main_video(inp)  # the stream the app reads
        rate = (vin.average_rate or Fraction(25)) / change.step
        vout = None
        kept = 0
        for k, frame in enumerate(inp.decode(vin)):
            if k % change.step:
                continue
            made = np.clip(change.picture(rgb_of(frame), rng), 0, 255)
            made = made.astype(np.uint8)
            if made.ndim == 2:
                made = np.dstack([made, made, made])
            if vout is None:
                vout = outc.add_stream("libx264", rate=rate)
                vout.height, vout.width = made.shape[:2]
                vout.pix_fmt = "yuv420p"
                vout.codec_context.options = {"crf": str(change.crf), **(
                    {"x264-params": "tff=1"} if change.interlaced else {})}
            new = av.VideoFrame.from_ndarray(np.ascontiguousarray(made), format="rgb24")
            new.pts, new.time_base = kept, 1 / rate
            kept += 1
            outc.mux(vout.encode(new))
        if vout is not None:
            outc.mux(vout.encode())
    return out


@dataclass
class Judged:
    """What the judge's faces of the original came to in an export of a copy."""

    faces: int = 0  # judge face-frames (the reviewed non-faces set apart)
    big: int = 0  # leaked, 16 px wide or more on the copy (``Change.face_width``)
    small: int = 0  # leaked, narrower
    longest: int = 0  # the longest leak of one face, in frames (``leaks.LeakRuns``)
    changed: float = 0.0  # the share of the copy's picture the export changed
    frames: int = 0  # frames judged: the copy's, unless the export has fewer


def judged(source: Path, copy: Path, export: Path, judge: MtcnnJudge | CachedJudge,
           change: Change, big_leaks: list[tuple[int, Box]] | None = None) -> Judged:
    """The judge's faces on ``source``'s frames, moved as ``change`` moves the picture,
    looked for in ``export`` of ``copy`` (an export of fewer frames is judged on the
    frames it has); each leaked face of 16 px or more is added to ``big_leaks`` as (the
    export's frame, its box there) when given."""
    out = Judged()
    runs = LeakRuns()
    shares = []
    originals = (f for k, f in enumerate(frames_of(source)) if k % change.step == 0)
    frames = zip(originals, frames_of(copy), frames_of(export), strict=False)
    for kept, (original, made, exported) in enumerate(frames):
        height, width = original.shape[:2]
        changed = changed_mask(made, exported)
        shares.append(picture_changed(changed))
        found = judge.detect(original)
        whats = set_apart(REVIEWED, source.name, kept * change.step, found)
        seen_boxes, flags = [], []
        for box, what in zip(found, whats, strict=True):
            if what:
                continue
            out.faces += 1
            given = np.asarray(box[:4], np.float32)
            seen = np.asarray(change.box_at(given, width, height, kept) if change.box_at
                              else change.box(given, width, height), np.float32)
            leak = hidden_share(changed, seen) < HIDDEN_SHARE and \
                detail_kept(made, exported, seen) >= DETAIL_KEPT
            seen_boxes.append([*seen, 1.0])
            flags.append(leak)
            if leak and change.face_width(seen) >= 16:
                out.big += 1
                if big_leaks is not None:
                    big_leaks.append((kept, seen))
            elif leak:
                out.small += 1
        runs.update(np.array(seen_boxes, np.float32).reshape(-1, 5), flags)
    out.longest = runs.longest
    out.changed = float(np.mean(shares or [0.0]))
    out.frames = len(shares)
    made = sum(1 for _ in frames_of(copy))
    if out.frames < made:  # never silent: fewer face-frames judged is not fewer leaks
        print(f"{export}: {out.frames} of the copy's {made} frames exported; judged on those")
    return out


def each_copy(clips: list[Path], changes: list[Change], judge_cache: Path | None,
              ) -> Iterator[tuple[Path, MtcnnJudge | CachedJudge, Change, Path, Store]]:
    """(original, its judge, change, copy, a bench store) for each clip made as each change
    says, in a temporary folder (never kept); the judge's looks at a clip's originals kept
    in ``judge_cache`` when given (``judge_cache.py``). A clip turned by its display
    rotation is left out, said why (the copies are not turned; the judge's faces would not
    line up)."""
    judge = MtcnnJudge()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        store = bench_store(tmp, "copies.sqlite3")
        try:
            for number, source in enumerate(clips):
                if not source.is_file() or probe(source).rotation:
                    print(f"{source}: no such file, or turned by its display rotation: "
                          f"left out")
                    continue
                looks = CachedJudge(judge, judge_cache, source) if judge_cache else judge
                for k, change in enumerate(changes):
                    copy = made_copy(source, tmp / f"{number}_{k}_{source.stem}.mp4", change)
                    yield source, looks, change, copy, store
                if isinstance(looks, CachedJudge):
                    looks.save()
        finally:
            store.close()
