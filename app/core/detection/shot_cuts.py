"""Shot cuts: frames where the picture changes wholly from the frame before.

An edited clip (a broadcast, a compilation, a CCTV export switching cameras, a clip sent in
by the public) cuts from one shot to another. Across a cut nothing in the picture goes on:
a box at the same place is someone else, and image motion measured across it is noise. So
the detection looks at both sides of a cut (the last frame of a shot and the first of the
next are key frames), carries no box across it, and the tracker links no face across it
(``FrameDetections.cut``): keeping one person visible never keeps whoever the next shot
shows where they stood.

A cut is told by the likeness of consecutive pictures: the correlation of 32 x 18 grey
thumbnails (each made zero-mean and unit-length, so a flash, a light switched on or the
camera's exposure changing the brightness of the whole picture is no cut). Frame ``j``
starts a shot when it is unlike the frame before (correlation under ``CUT_BELOW``), the
frame after is like it (``SAME_FROM`` or more: the new shot goes on), the frame before was
itself like its own predecessor (the camera was not already swinging: a whip pan's frames
are all unlike each other and are no cut) or was a flat picture (a black frame between two
shots) with the shots on its two sides unlike each other, and none of the frames up to
``lookahead`` after it (half a second, ``lookahead_frames``) looks like the frame before it
again (``CUT_BELOW`` or more), nor it like any of the ``lookahead`` + 1 frames before that:
a picture that comes back (police lights lighting one side and then the other, a hand over
the lens, a glitch, a body passing close to the lens) is one shot, whose boxes go on being
carried and whose faces go on being linked; a change that lasts longer (a lens covered for
seconds) is two cuts. The price: an edit to another shot and back within the lookahead (a
cutaway under half a second, shots alternating faster than that) is no cut, and faces may
be linked across it as before cuts were told. Two low-contrast pictures (grey levels
varying by less than ``LOW_CONTRAST``: dark, misted, their detail mostly noise) are
compared by brightness alone (alike within ``FLAT_LEVELS``: a cut between two dark shots of
about one brightness is not told); a flat picture (under ``FLAT``) is unlike any picture
with detail. Dissolves and fades are not cuts (no single frame changes wholly): a box
followed through one is carried as through any change. Measured on the developer clips
(2026-12-07): consecutive frames of one shot correlate 0.51 or more (2 % of them under
0.9), the cuts 0 (a black frame against detail) to 0.35.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar

import cv2
import numpy as np
import numpy.typing as npt

CUT_BELOW = 0.5  # two pictures correlating less than this are wholly different
SAME_FROM = 0.7  # ... at least this much: the same shot going on
FLAT = 2.0  # a thumbnail whose grey levels vary less than this (std): a flat picture
LOW_CONTRAST = 8.0  # ... less than this: too little detail to correlate (dark, misted)
FLAT_LEVELS = 16.0  # two such pictures this close in mean grey level are alike
LOOKAHEAD_S = 0.5  # a picture that comes back within this long after a change is no cut
MAX_LOOKAHEAD = 15  # ... but never more frames than this (a quarter second at 60 fps)
THUMB = (32, 18)

Frame = TypeVar("Frame")


@dataclass(frozen=True)
class Thumb:
    """A picture's look for telling cuts: its unit-length zero-mean thumbnail, its mean
    grey level and how much its grey levels vary (standard deviation)."""

    shape: npt.NDArray[np.float32]
    level: float
    spread: float


def thumb(gray: npt.NDArray[np.uint8]) -> Thumb:
    """The look of a luma plane (any size)."""
    small = cv2.resize(gray, THUMB, interpolation=cv2.INTER_AREA).astype(np.float32)
    level, spread = float(small.mean()), float(small.std())
    small -= level
    return Thumb(small / max(float(np.linalg.norm(small)), 1e-6), level, spread)


def likeness(a: Thumb, b: Thumb) -> float:
    """How alike two pictures look: the thumbnails' correlation, -1 to 1. Two low-contrast
    pictures are compared by brightness (1 within ``FLAT_LEVELS``, else 0: their detail is
    mostly noise); a flat picture is unlike any picture with detail (0)."""
    if a.spread < LOW_CONTRAST and b.spread < LOW_CONTRAST:
        return 1.0 if abs(a.level - b.level) <= FLAT_LEVELS else 0.0
    if min(a.spread, b.spread) < FLAT:
        return 0.0
    return float((a.shape * b.shape).sum())


def starts_shot(before2: Thumb | None, before: Thumb, this: Thumb, after: Thumb,
                later: Sequence[Thumb] = (), earlier: Sequence[Thumb] = ()) -> bool:
    """Whether ``this`` frame starts a new shot, given the two frames before it (the first
    None at the clip's second frame), the one after, those ``later`` still (up to the
    lookahead: none of them may look like ``before`` again) and those ``earlier`` than
    ``before`` (as many: ``this`` may not look like any of them, the picture coming back
    after something passed over it)."""
    if likeness(before, this) >= CUT_BELOW or likeness(this, after) < SAME_FROM or \
            any(likeness(before, f) >= CUT_BELOW for f in (after, *later)) or \
            any(likeness(this, f) >= CUT_BELOW for f in earlier):
        return False
    if before2 is None or likeness(before2, before) >= SAME_FROM:
        return True
    return before.spread < FLAT and likeness(before2, this) < CUT_BELOW


def lookahead_frames(fps: float) -> int:
    """How many frames after a change are looked at for the picture coming back: half a
    second, at least 2 and at most ``MAX_LOOKAHEAD`` (the frames wait in memory)."""
    frames = round(LOOKAHEAD_S * fps) if fps > 0 else MAX_LOOKAHEAD
    return min(MAX_LOOKAHEAD, max(2, frames))


def with_cuts(frames: Iterable[Frame], gray_of: Callable[[Frame], npt.NDArray[np.uint8]],
              lookahead: int = 2) -> Iterator[tuple[Frame, npt.NDArray[np.uint8], bool, bool]]:
    """Each frame in order with its luma plane, whether it starts a shot (a cut just
    before it) and whether it ends one (a cut just after it): given ``lookahead`` + 1 frames
    late (:func:`lookahead_frames`), as telling a cut takes the frames after it. The clip's
    first frame starts no shot (nothing was before it) and its last ends none; near the
    clip's end fewer frames are looked ahead at."""
    lookahead = max(1, lookahead)
    held: deque[tuple[Frame, Thumb]] = deque()  # (the luma planes are not held: memory)
    starts: deque[bool] = deque()  # per held frame: whether it starts a shot
    gone: deque[Thumb] = deque(maxlen=lookahead + 1)  # the looks of the frames given back

    def judge(k: int) -> None:  # held frame k (at least 1): whether it starts a shot
        looks = [*gone, *(h[1] for h in held)]
        p = len(gone) + k
        starts[k] = starts_shot(looks[p - 2] if p >= 2 else None, looks[p - 1], looks[p],
                                looks[p + 1], looks[p + 2:], looks[max(0, p - 2 - lookahead):
                                                                    max(0, p - 1)])

    for frame in frames:
        held.append((frame, thumb(gray_of(frame))))
        starts.append(False)  # not known until the frames after it are here
        if len(held) == lookahead + 2:  # frame 1 has its lookahead: the oldest can go
            judge(1)
            oldest, look = held.popleft()
            gone.append(look)
            yield oldest, gray_of(oldest), starts.popleft(), starts[0]
    for k in range(1, len(held) - 1):  # the clip's end: what lookahead there is
        judge(k)
    while held:
        oldest, _look = held.popleft()
        yield oldest, gray_of(oldest), starts.popleft(), bool(starts and starts[0])


def shot_of(shot_starts: Sequence[int], frame: int) -> int:
    """The number of the shot holding ``frame`` (0: the first), given the sorted frames
    that start a shot."""
    return bisect_right(shot_starts, frame)


def within_shot(cuts: list[int], frame: int, first: int, last: int) -> tuple[int, int]:
    """``first``..``last`` cut down to the shot holding ``frame`` (``cuts``: the sorted
    frames that start a shot): a box carried or padded past a cut would stand over someone
    else, and a face kept visible would keep them visible too."""
    i = shot_of(cuts, frame)
    start = cuts[i - 1] if i else 0
    end = cuts[i] - 1 if i < len(cuts) else last
    return max(first, start), min(last, end)
