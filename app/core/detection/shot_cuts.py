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
frame after is like it (``SAME_FROM`` or more: the new shot goes on, not a one-frame
glitch), the frame after is unlike the frame before too, and the frame before was itself
like its own predecessor (the camera was not already swinging: a whip pan's frames are all
unlike each other and are no cut) or was a flat picture (a black frame between two shots)
with the shots on its two sides unlike each other (a single black frame inside a shot is
no cut). A flat picture (grey levels varying by less than ``FLAT``) is like another flat
picture of about its brightness and unlike any other. Dissolves and fades are not cuts
(no single frame changes wholly): a box followed through one is carried as through any
change. Measured on the developer clips (2026-12-07): consecutive frames of one shot
correlate 0.58 or more (1 % of them under 0.9), the cuts of the two edited clips 0.01-0.35.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TypeVar

import cv2
import numpy as np
import numpy.typing as npt

CUT_BELOW = 0.5  # two pictures correlating less than this are wholly different
SAME_FROM = 0.7  # ... at least this much: the same shot going on
FLAT = 2.0  # a thumbnail whose grey levels vary less than this (std): a flat picture
FLAT_LEVELS = 16.0  # two flat pictures this close in mean grey level are alike
THUMB = (32, 18)

Frame = TypeVar("Frame")


@dataclass(frozen=True)
class Thumb:
    """A picture's look for telling cuts: its unit-length zero-mean thumbnail, or None
    for a flat picture, and its mean grey level."""

    shape: npt.NDArray[np.float32] | None
    level: float


def thumb(gray: npt.NDArray[np.uint8]) -> Thumb:
    """The look of a luma plane (any size)."""
    small = cv2.resize(gray, THUMB, interpolation=cv2.INTER_AREA).astype(np.float32)
    level = float(small.mean())
    if float(small.std()) < FLAT:
        return Thumb(None, level)
    small -= level
    return Thumb(small / float(np.linalg.norm(small)), level)


def likeness(a: Thumb, b: Thumb) -> float:
    """How alike two pictures look: the thumbnails' correlation, -1 to 1 (flat pictures:
    1 for two of about the same brightness, else 0)."""
    if a.shape is None or b.shape is None:
        both_flat = a.shape is None and b.shape is None
        return 1.0 if both_flat and abs(a.level - b.level) <= FLAT_LEVELS else 0.0
    return float((a.shape * b.shape).sum())


def starts_shot(before2: Thumb | None, before: Thumb, this: Thumb, after: Thumb) -> bool:
    """Whether ``this`` frame starts a new shot, given the two frames before it (the first
    None at the clip's second frame) and the one after."""
    if likeness(before, this) >= CUT_BELOW or likeness(this, after) < SAME_FROM or \
            likeness(before, after) >= CUT_BELOW:
        return False
    if before2 is None or likeness(before2, before) >= SAME_FROM:
        return True
    return before.shape is None and likeness(before2, this) < CUT_BELOW


def with_cuts(frames: Iterable[Frame], gray_of: Callable[[Frame], npt.NDArray[np.uint8]]
              ) -> Iterator[tuple[Frame, npt.NDArray[np.uint8], bool, bool]]:
    """Each frame in order with its luma plane, whether it starts a shot (a cut just
    before it) and whether it ends one (a cut just after it): given two frames late, as
    telling a cut takes the frame after it. The clip's first frame starts no shot (nothing
    was before it) and its last ends none."""
    held: deque[tuple[Frame, npt.NDArray[np.uint8], Thumb]] = deque()
    starts: deque[bool] = deque()  # per held frame: whether it starts a shot
    before2: Thumb | None = None  # the look of the frame before the oldest held one
    for frame in frames:
        gray = gray_of(frame)
        held.append((frame, gray, thumb(gray)))
        starts.append(False)  # the newest: not known until the frame after it
        if len(held) == 3:  # the middle one: starts a shot? (the frame after it is here)
            starts[1] = starts_shot(before2, held[0][2], held[1][2], held[2][2])
            oldest, gray0, before2 = held.popleft()  # known now: whether a shot ends on it
            yield oldest, gray0, starts.popleft(), starts[0]
    while held:
        oldest, gray0, _look = held.popleft()
        yield oldest, gray0, starts.popleft(), bool(starts and starts[0])


def within_shot(cuts: list[int], frame: int, first: int, last: int) -> tuple[int, int]:
    """``first``..``last`` cut down to the shot holding ``frame`` (``cuts``: the sorted
    frames that start a shot): a box carried or padded past a cut would stand over someone
    else, and a face kept visible would keep them visible too."""
    i = bisect_right(cuts, frame)
    start = cuts[i - 1] if i else 0
    end = cuts[i] - 1 if i < len(cuts) else last
    return max(first, start), min(last, end)
