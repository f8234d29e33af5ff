"""One frame of an export on its way to the encoder, and the check that looks at it."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from app.core.redaction.head_placement import large_face
from app.core.redaction.plan import RedactionPlan
from app.core.redaction.render import Region, field_moments, render_frame
from app.core.tracking.tracker import FACE, TEXT, BoxKind, TrackBox

FrameBoxes = list[list[tuple[int, TrackBox]]]


def boxes_at(frame_boxes: FrameBoxes, index: int, interlaced: bool,
             plan: RedactionPlan, size: tuple[int, int]) -> list[tuple[int, TrackBox]]:
    """The boxes drawn on decoded frame ``index``. On an interlaced picture (two moments a
    field apart: the other field's is the frame before's or after's moment, as the
    recording was made) each hidden face's and text region's box spans its track's boxes
    of the frames either side too, and one whose track stands only on a frame either side
    is drawn with that box (manual boxes likewise: ``render.frame_regions``). A stretched
    face is a face found at its size only where its own box already was as large:
    otherwise it counts as padded (``_spanning``; ``size``, the frame's width and height,
    says what is large). One box a track (several near each other would read as a crowd);
    heads are placed by their own frame (a head region is grown round the head already);
    faces and text kept visible or dismissed keep their own box (a larger kept region shows
    more round it, and excuses more); the check's boxes are already on the frames round
    each find."""
    own = frame_boxes[index] if 0 <= index < len(frame_boxes) else []
    if not interlaced:
        return own
    near: dict[int, list[TrackBox]] = {}
    for i in field_moments(index):
        for track_id, box in frame_boxes[i] if i != index and 0 <= i < len(frame_boxes) \
                else []:
            if _stretched(track_id, box, plan):
                near.setdefault(track_id, []).append(box)
    large = large_face(*size)
    drawn = [(track_id, _spanning(box, near.pop(track_id, []), large)
              if _stretched(track_id, box, plan) else box) for track_id, box in own]
    return drawn + [(track_id, _spanning(replace(boxes[0], frame=index, kind=BoxKind.PADDED),
                                         boxes, large))  # (on a frame either side only)
                    for track_id, boxes in near.items()]


def _stretched(track_id: int, box: TrackBox, plan: RedactionPlan) -> bool:
    """Whether ``box`` is a hidden face's or text region's, which an interlaced picture
    stretches."""
    return (box.category in (FACE, TEXT) and track_id >= 0 and track_id not in plan.keep_tracks
            and track_id not in plan.false_positive_tracks)


def _spanning(box: TrackBox, others: list[TrackBox], large: float) -> TrackBox:
    """``box`` grown to take in ``others`` (the same track's boxes of nearby frames). A
    large face found narrows its person's head region to its own width
    (``render.frame_regions``): grown past ``large`` from a smaller box, it is padded (not
    a face found at that size), so it narrows no head region progressive footage would
    not."""
    if not others:
        return box
    x0 = min(b.x for b in (box, *others))
    y0 = min(b.y for b in (box, *others))
    x1 = max(b.x + b.w for b in (box, *others))
    y1 = max(b.y + b.h for b in (box, *others))
    grown = box.category == FACE and max(x1 - x0, y1 - y0) >= large > max(box.w, box.h)
    return replace(box, x=x0, y=y0, w=x1 - x0, h=y1 - y0,
                   kind=BoxKind.PADDED if grown else box.kind)


@dataclass
class RenderedFrame:
    """One exported frame: its decoded pixels (kept, so it can be rendered again when the
    plan gains boxes) and the redacted pixels to encode."""

    index: int  # decoded order: what frame_boxes is indexed by
    output_frame: int
    pts: int
    time_s: float
    original: npt.NDArray[np.uint8]
    caption: str
    decoded: Any  # the av.VideoFrame
    rendered: npt.NDArray[np.uint8] = field(default_factory=lambda: np.zeros(0, np.uint8))
    hidden: list[Region] = field(default_factory=list)
    kept: list[Region] = field(default_factory=list)
    stood: set[int] = field(default_factory=set)  # heads left to the kept faces' own
    interlaced: bool = False  # flagged or combed (media.combing): checked field by field too

    def render(self, frame_boxes: FrameBoxes, plan: RedactionPlan, rotation: int) -> None:
        """(Re)draw the plan on a fresh copy of the decoded pixels."""
        height, width = self.original.shape[:2]
        boxes = boxes_at(frame_boxes, self.index, self.interlaced, plan, (width, height))
        self.rendered, self.stood = self.original.copy(), set()
        self.hidden, self.kept = render_frame(self.rendered, self.index, boxes, plan,
                                              self.caption, rotation, self.interlaced,
                                              self.stood)


class FrameCheck(Protocol):
    """Looks at each rendered frame before it is encoded (see ``closed_loop``); may hold a
    few frames back, to draw on them again."""

    def push(self, item: RenderedFrame) -> list[RenderedFrame]:
        """Render and check ``item``; the frames now final, in order."""
        ...

    def drain(self) -> list[RenderedFrame]:
        """The frames still held, in order."""
        ...
