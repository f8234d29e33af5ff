"""The closed loop: every rendered frame is checked before it is encoded, and what the check
finds is hidden there and then.

The sensitive check detector (``presets.CHECK_PRESET``) looks at each frame exactly as it
will be encoded. Each face it finds outside the hidden regions becomes a redaction "found by
check" on its frame and the ``SPREAD`` frames either side (a face the first pass missed on
one frame is usually hard to see on its neighbours too). The frames before it are still held
back (``SPREAD`` of them), so they are drawn again with the new boxes and checked again, as
is the frame itself; the frames after it get the boxes before they are drawn. A check
that follows a fix (``MAX_ROUNDS`` = 2: the first look and one after a fix) fixes nothing
more; what it still sees is reported, never hidden. A frame can be looked at again after
each fix of a neighbour; its last check's verdict is the one reported, and ``rounds`` in
the report is the most checks any one frame had.
Checking the frames in the export pass (not by decoding the finished file, as before) saves
a decode, an encode and a full second pass; every frame's final pixels are still checked.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from app.core.detection import boxes as bx
from app.core.detection.detector import FaceDetector, model_entry, preset_models
from app.core.detection.model_files import PPOCR_DET
from app.core.detection.presets import CHECK_PRESET, Preset
from app.core.detection.text_regions import TextRegionDetector
from app.core.detection.video import to_detections
from app.core.export.rendered_frame import FrameBoxes, RenderedFrame, boxes_at
from app.core.export.residual import (
    Finding,
    FindingKind,
    ResidualReport,
    classify,
    classify_text,
)
from app.core.export.video_export import (
    CaptionFn,
    EncodeOptions,
    ExportStats,
    export_video,
)
from app.core.media.decode import one_field
from app.core.media.rotation import boxes_to_stored, upright
from app.core.progress import CancelToken, ProgressFn
from app.core.redaction.caption import caption_box
from app.core.redaction.plan import RedactionPlan
from app.core.tracking.tracker import BoxKind, TrackBox

MAX_ROUNDS = 2
SPREAD = 2  # frames either side of a finding that are hidden too
FIXABLE = (FindingKind.NOT_COVERED, FindingKind.PARTLY_COVERED)
CHECK_TRACK_ID = -1  # the track id of found-by-check boxes (never a detector track's)


@dataclass
class CheckedExport:
    stats: ExportStats
    residual: ResidualReport | None


@dataclass
class TextCheck:
    """The text part of the check (the run's preset had text regions on): the detector as
    the run used it, once every ``every`` frames, halfway between the run's looks (on the
    looks' own frames it would see what the run saw)."""

    detector: TextRegionDetector
    every: int

    @classmethod
    def for_preset(cls, preset: Preset, fps: float) -> TextCheck | None:
        if preset.text_every_s <= 0:
            return None
        return cls(TextRegionDetector.for_preset(preset), preset.text_every_frames(fps))


def export_checked(source: Path, out: Path, frame_boxes: FrameBoxes, plan: RedactionPlan,
                   rotation: int, *, options: EncodeOptions, caption: CaptionFn | None,
                   verify: bool, stage: Callable[[str, int, int], None],
                   cancel: CancelToken | None, text: TextCheck | None = None) -> CheckedExport:
    """Write the export to ``partial_path(out)`` (not committed), checking every frame
    (and, with ``text``, every ``text.every``-th frame for text nobody decided about).

    ``frame_boxes`` gains the found-by-check boxes, so the caller's records match the file.
    """
    if not verify:
        stats = export_video(source, out, frame_boxes, plan, rotation, options=options,
                             caption=caption, progress=_stage(stage, "export"),
                             cancel=cancel, commit=False)
        return CheckedExport(stats, None)
    with FaceDetector(CHECK_PRESET) as detector:
        loop = CheckLoop(detector, frame_boxes, plan, rotation, text)
        stats = export_video(source, out, frame_boxes, plan, rotation, options=options,
                             caption=caption, progress=_stage(stage, "export_check"),
                             cancel=cancel, commit=False, check=loop)
    return CheckedExport(stats, loop.report())


class CheckLoop:
    """The ``FrameCheck`` of an export: renders, checks, hides what it finds, holds back
    ``SPREAD`` frames so they can be drawn again."""

    def __init__(self, detector: FaceDetector, frame_boxes: FrameBoxes, plan: RedactionPlan,
                 rotation: int, text: TextCheck | None = None) -> None:
        self.detector, self.frame_boxes, self.plan, self.rotation = \
            detector, frame_boxes, plan, rotation
        self.text = text
        self.text_findings: dict[int, list[Finding]] = {}  # output frame -> its last look
        self.held: deque[RenderedFrame] = deque()
        self.checks: dict[int, int] = {}  # output frame -> times checked
        self.remaining: dict[int, list[Finding]] = {}  # output frame -> last check's findings
        self.found: list[Finding] = []

    def push(self, item: RenderedFrame) -> list[RenderedFrame]:
        item.render(self.frame_boxes, self.plan, self.rotation)
        self.held.append(item)
        self._check(item, 1)
        self._check_text(item)
        ready = []
        while len(self.held) > SPREAD:
            ready.append(self.held.popleft())
        return ready

    def drain(self) -> list[RenderedFrame]:
        ready = list(self.held)
        self.held.clear()
        return ready

    def report(self) -> ResidualReport:
        findings = sorted([f for n in sorted(self.remaining) for f in self.remaining[n]]
                          + [f for n in sorted(self.text_findings)
                             for f in self.text_findings[n]], key=lambda f: f.output_frame)
        settings: dict[str, object] = dict(CHECK_PRESET.as_dict())
        models = preset_models(CHECK_PRESET)
        if self.text is not None:
            settings.update(text_every_frames=self.text.every,
                            text_max_side=self.text.detector.max_side,
                            text_max_upscale=self.text.detector.max_upscale)
            models = [*models, model_entry("text", PPOCR_DET)]
        return ResidualReport(CHECK_PRESET.name, 1, len(self.checks), findings,
                              rounds=max(self.checks.values(), default=1),
                              found_by_check=self.found, settings=settings, models=models)

    def _check_text(self, item: RenderedFrame) -> None:
        """Text, as it will be encoded, that nobody decided about, on the frames halfway
        between the run's looks, where its regions were only carried (looked at again when
        the frame is drawn again: only its last look counts)."""
        text = self.text
        if text is None or (item.index + text.every // 2) % text.every:
            return
        height, width = item.rendered.shape[:2]
        found = boxes_to_stored(text.detector.detect(upright(item.rendered, self.rotation)),
                                self.rotation, width, height)
        own = boxes_at(self.frame_boxes, item.index, item.interlaced, self.plan,
                       (width, height))
        self.text_findings[item.output_frame] = classify_text(
            found, item.output_frame, item.index, item.time_s, own, self.plan, width, height,
            self.rotation, caption_box(width, height, item.caption) if item.caption else None,
            item.interlaced)

    def _check(self, item: RenderedFrame, round_no: int) -> None:
        height, width = item.rendered.shape[:2]
        looks = [self.detector.detect_boxes(upright(picture, self.rotation))
                 for picture in _looked_at(item)]  # (one, or three of an interlaced picture)
        boxes, names = looks[0] if len(looks) == 1 else _merged(looks)
        faces = to_detections(boxes_to_stored(boxes, self.rotation, width, height), names)
        own = boxes_at(self.frame_boxes, item.index, item.interlaced, self.plan,
                       (width, height))
        findings = classify(faces, item.output_frame, item.index, item.time_s, own, self.plan,
                            width, height, self.rotation, item.interlaced)
        self.checks[item.output_frame] = self.checks.get(item.output_frame, 0) + 1
        self.remaining[item.output_frame] = findings
        fixable = [f for f in findings if f.kind in FIXABLE]
        if not fixable or round_no == MAX_ROUNDS:
            return
        self.found += fixable
        add_found(self.frame_boxes, fixable)
        again = [held for held in self.held if abs(held.index - item.index) <= SPREAD]
        for held in again:
            held.render(self.frame_boxes, self.plan, self.rotation)
        for held in again:
            self._check(held, round_no + 1)
            self._check_text(held)


def add_found(frame_boxes: FrameBoxes, findings: list[Finding]) -> None:
    """Each finding's box on its source frame and ``SPREAD`` frames either side."""
    last = len(frame_boxes) - 1
    for f in findings:
        x, y, w, h = f.box
        for frame in range(max(0, f.source_frame - SPREAD), min(last, f.source_frame + SPREAD)
                           + 1):
            frame_boxes[frame].append((CHECK_TRACK_ID, TrackBox(
                frame, x, y, w, h, BoxKind.FOUND_BY_CHECK, f.score)))


def _stage(stage: Callable[[str, int, int], None], name: str) -> ProgressFn:
    return lambda done, total: stage(name, done, total)


def _merged(looks: list[tuple[bx.Boxes, list[str]]]) -> tuple[bx.Boxes, list[str]]:
    """The boxes of several looks at one picture, each face once (the best of those
    overlapping by half or more)."""
    boxes = np.vstack([b for b, _n in looks]) if looks else bx.empty()
    names = [n for _b, found in looks for n in found]
    keep = sorted(bx.nms_indices(boxes, 0.5)) if len(boxes) else []
    return boxes[keep], [names[i] for i in keep]


def _looked_at(item: RenderedFrame) -> list[Any]:
    """The rendered picture as the check's detectors look at it: as it is and, when it is
    interlaced, each of its fields alone too (``decode.one_field``: the run looked at a
    combed picture with its fields laid over each other; each field holds a moving face a
    field's time apart, and a picture merely flagged interlaced keeps every row of its
    whole look); interlaced is flagged so or combed (``media.combing``)."""
    if not item.interlaced or item.rendered.shape[0] < 4:
        return [item.rendered]
    return [item.rendered, one_field(item.rendered, 0), one_field(item.rendered, 1)]
