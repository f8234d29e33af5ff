"""Interlaced pictures in a file that says it is progressive are told by their combing
(media.combing), and nothing else is: grain, still stripes and the developer clips."""

from __future__ import annotations

import itertools

import av
import cv2
import numpy as np
import pytest

from app.core.media.combing import COMBED_SHARE, STICKY, WITHIN, CombWatch, combed_share
from tests.conftest import VIDEOS

CROWDS = VIDEOS.parent / "crowds" / "videos"


def _pictures(count: int = 8, width: int = 320, height: int = 240) -> list[np.ndarray]:
    """A textured picture with a bright block crossing it at 12 px a picture (grey)."""
    rng = np.random.default_rng(3)
    back = cv2.resize(rng.integers(40, 200, (height // 16, width // 16), dtype=np.uint8),
                      (width, height), interpolation=cv2.INTER_CUBIC)
    made = []
    for i in range(count):
        picture = back.copy()
        picture[80:160, 20 + 12 * i:80 + 12 * i] = 235
        made.append(picture)
    return made


def _combed(pictures: list[np.ndarray]) -> list[np.ndarray]:
    """Each picture's odd rows from the picture before: interlaced capture."""
    made = [pictures[0].copy()]
    for before, now in itertools.pairwise(pictures):
        picture = now.copy()
        picture[1::2] = before[1::2]
        made.append(picture)
    return made


def test_a_combed_picture_is_told_from_a_progressive_one() -> None:
    plain = _pictures()
    combed = _combed(plain)
    for i in range(1, len(plain)):
        assert combed_share(plain[i], plain[i - 1]) == 0.0
        assert combed_share(combed[i], combed[i - 1]) >= COMBED_SHARE * 4


def test_grain_and_still_stripes_are_not_combing() -> None:
    """Grain (a dark street at a cheap sensor's gain) zigzags from row to row at random,
    and stripes one row apart (a fence, a blind) zigzag where nothing moves: neither is
    combing. (Such stripes moving do look combed: the README says so.)"""
    rng = np.random.default_rng(5)
    plain = _pictures()
    for sigma in (14, 30):
        grainy = [np.clip(p + rng.normal(0, sigma, p.shape), 0, 255).astype(np.uint8)
                  for p in plain]
        shares = [combed_share(grainy[i], grainy[i - 1]) for i in range(1, len(grainy))]
        assert max(shares) < COMBED_SHARE, (sigma, shares)
    striped = [p.copy() for p in plain]
    for picture in striped:
        picture[180:230:2, 150:300] = 30  # still, one row dark, one light, below the
        picture[181:230:2, 150:300] = 220  # block's way
    assert max(combed_share(striped[i], striped[i - 1]) for i in range(1, 8)) < COMBED_SHARE


def _frames(pictures: list[np.ndarray]) -> list[av.VideoFrame]:
    return [av.VideoFrame.from_ndarray(np.dstack([p, p, p]), format="rgb24")
            .reformat(format="yuv420p") for p in pictures]


def test_the_watch_takes_the_rest_of_a_combed_recording_as_interlaced() -> None:
    """A combed picture is interlaced; after STICKY of them every later picture is, even one
    where nothing moves (the recording is interlaced); a progressive one never is."""
    plain = _pictures(12)
    still = [plain[5]] * 4  # nothing moves: no comb to see
    watch = CombWatch()
    seen = [watch.interlaced(f) for f in _frames(_combed(plain[:6]) + still)]
    assert seen[0] is False  # nothing before it to tell movement by
    assert all(seen[1:6]) and watch.settled
    assert all(seen[6:]), "still pictures of an interlaced recording stay interlaced"
    watch = CombWatch()
    assert not any(watch.interlaced(f) for f in _frames(plain + still))
    assert STICKY <= 5


def test_stray_combed_pictures_far_apart_do_not_settle_a_recording() -> None:
    """A moving fence can look combed now and then; only STICKY combed pictures within
    WITHIN of each other take the rest of a recording for interlaced."""
    plain = _pictures(12)
    stray = _combed(plain[:2])  # its second picture combed
    calm = (plain * 6)[:WITHIN]  # progressive pictures, moving
    watch = CombWatch()
    seen = [watch.interlaced(f) for f in _frames((stray + calm) * STICKY)]
    assert sum(seen) == STICKY and not watch.settled


@pytest.mark.parametrize("clip", ["simpletracking_ecuador.mp4",
                                  "dlib_MOT20-06-raw.mp4",
                                  "face_recognition_short_hamilton_clip.mp4"])
def test_real_clips_are_never_taken_for_combed_but_their_combed_copies_are(clip: str) -> None:
    """On real footage (a hand-held street, a crowd from a high camera, an edited show) the
    watch never takes a picture for combed; made interlaced, each is seen within its
    first 90 pictures."""
    path = CROWDS / clip
    if not path.is_file():
        pytest.skip(f"shared test clip not found at {path}")
    with av.open(str(path)) as container:
        decoded = [f for _i, f in zip(range(90), container.decode(video=0), strict=False)]
    watch = CombWatch()
    assert not any(watch.interlaced(f) for f in decoded)
    grey = [f.to_ndarray(format="gray") for f in decoded]
    height = grey[0].shape[0] // 2 * 2
    watch = CombWatch()
    seen = [watch.interlaced(f) for f in _frames([g[:height] for g in _combed(grey)])]
    assert watch.settled, f"{clip}: combed pictures seen on {sum(seen)} of 90"
