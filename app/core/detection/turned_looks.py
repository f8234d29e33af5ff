"""Turned looks: faces on their side (a camera knocked sideways, a person lying down).

The face networks are trained on upright faces. Measured on the developer clips turned as a
whole (/tmp probes of 2026-12-05, then bench/turned_frames.py; the judge's faces on the
upright originals): turned by 45 or 60 degrees six clips left 1 face-frame of 16 px or
more (a face cut by the picture's edge), by a quarter turn either way the default left
faces of 17-61 px, and many smaller ones, in the clear for up to 29 frames running (a
body-worn camera lies on its side when the officer is on the ground; a person held on the
ground is seen on their side).

So the quick pass also looks at the picture turned a quarter each way
(``FaceDetector.detect_boxes(turns=...)``): on every fine key frame (the watch; about three
times a second in the default) and, for ``Preset.turned_look_s`` after a turned look last
found a sure face the upright look had no box for, on every key frame (:class:`TurnedWatch`).
Faces found only there are added like the dark look's (never replacing an upright box), each
as the box whose head region (``boxes.head_boxes``) is the turned face's head region, so a
redaction hides the hair line beside a face on its side as it hides it above an upright one.
Upside-down faces (half a turn) are left to the upright look (on the probes of six clips
turned upside down it left 1-4 face-frames on two of them); a quarter turn each way is meant
to cover the rest of the circle with the networks' own tolerance (probed at 45 and 60
degrees only).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from app.core.detection import boxes as bx
from app.core.detection.presets import Preset
from app.core.media.rotation import boxes_to_stored, upright

TURNS = (90, 270)  # counter-clockwise, as rotation.py counts a display rotation
# A turned look's boxes count (from each network's own threshold) once one of them this
# sure is a face the upright look has no box for, or while the turn is held: on upright
# pictures a turned look at the networks' own thresholds boxed hands, wheels and dark
# patches (a probe before the fusion rule: 134 boxes beside 31 faces on the 94 WIDER and
# dlib stills; at 0.6, 14 beside 6), and on footage on its side those sure faces bring the
# others with them.
SURE_SCORE = 0.6


def still_turns(preset: Preset) -> tuple[int, ...]:
    """The turns a still image is looked at with (one picture: every turn, when on)."""
    return TURNS if preset.turned_look_s else ()


def turned(rgb: np.ndarray, turn: int) -> np.ndarray:
    """The picture turned ``turn`` degrees counter-clockwise."""
    return upright(rgb, turn)


def faces_from_turned(found: bx.Boxes, turn: int, width: int,
                      height: int) -> tuple[bx.Boxes, bx.Boxes]:
    """Boxes found on :func:`turned` (``width`` x ``height`` before turning) as boxes of the
    picture itself, scores kept and clipped to it: the faces as the network boxed them, and
    the boxes whose head region (``boxes.head_boxes``) is each turned face's head region
    (what a redaction is to hide)."""
    if len(found) == 0:
        return found, found
    faces = _clipped(boxes_to_stored(found, turn, width, height), width, height)
    return faces, _clipped(bx.face_for_head(bx.head_boxes(faces, turn)), width, height)


def _clipped(boxes: bx.Boxes, width: int, height: int) -> bx.Boxes:
    out = boxes.copy()
    out[:, [0, 2]] = np.clip(out[:, [0, 2]], 0, width)
    out[:, [1, 3]] = np.clip(out[:, [1, 3]], 0, height)
    return out


def turned_faces(parts: Sequence[Any], rgb: np.ndarray,
                 turn: int) -> list[tuple[bx.Boxes, bx.Boxes, str]]:
    """Each part's boxes (``part.detect``, named ``part.name``) on ``rgb`` turned by
    ``turn``: (faces, what to hide, name), as :func:`faces_from_turned` gives them."""
    height, width = rgb.shape[:2]
    picture = turned(rgb, turn)
    return [(*faces_from_turned(part.detect(picture), turn, width, height), str(part.name))
            for part in parts]


class TurnedWatch:
    """Which turned looks a video's key frame gets: both on the watch's frames, and one on
    every key frame until ``hold`` frames after it last found a sure face of its own (held:
    its boxes count from the networks' thresholds)."""

    def __init__(self, hold: int) -> None:
        self.hold = hold
        self._until = dict.fromkeys(TURNS, -1)

    def turns(self, index: int, watch: bool) -> tuple[int, ...]:
        """The turns to look at frame ``index`` with (``watch``: one of the watch's)."""
        if self.hold <= 0:
            return ()
        return TURNS if watch else self.held(index)

    def held(self, index: int) -> tuple[int, ...]:
        """The turns held at frame ``index``."""
        return tuple(t for t in TURNS if self.hold > 0 and index <= self._until[t])

    def saw(self, index: int, turns: tuple[int, ...]) -> None:
        """The turned looks that found sure faces of their own on frame ``index``."""
        for turn in turns:
            self._until[turn] = index + self.hold
