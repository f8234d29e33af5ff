"""A box on one frame (stored pixels): the keyframes of a region drawn by a person, and of
a region followed from frame to frame (``follow``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Keyframe:
    frame: int
    x: float
    y: float
    w: float
    h: float

    def __post_init__(self) -> None:  # one number type each, so the plan hash is stable
        object.__setattr__(self, "frame", int(self.frame))
        for name in ("x", "y", "w", "h"):
            object.__setattr__(self, name, float(getattr(self, name)))
