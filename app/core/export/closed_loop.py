"""Export, check every frame, hide what the check found, and again, until a pass is clean.

The residual check runs the sensitive check detector (``presets.CHECK_PRESET``) on every
frame of the finished file. Each face it finds outside the hidden regions becomes a
redaction "found by check" on its frame and the two frames either side (a face the first
pass missed on one frame is usually hard to see on its neighbours too); the file is then
rendered again and checked again in full. The export is clean only when a whole pass finds
nothing; after ``MAX_ROUNDS`` passes what remains is reported, never hidden.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.core.detection.presets import CHECK_PRESET
from app.core.export.residual import Finding, FindingKind, ResidualReport, check_export
from app.core.export.video_export import (
    CaptionFn,
    EncodeOptions,
    ExportStats,
    FrameBoxes,
    export_video,
)
from app.core.fileio import partial_path
from app.core.progress import CancelToken, ProgressFn
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


def export_checked(source: Path, out: Path, frame_boxes: FrameBoxes, plan: RedactionPlan,
                   rotation: int, source_frames: list[int], *, options: EncodeOptions,
                   caption: CaptionFn | None, verify: bool,
                   stage: Callable[[str, int, int], None],
                   cancel: CancelToken | None) -> CheckedExport:
    """Write the export to ``partial_path(out)`` (not committed) and check it.

    ``frame_boxes`` gains the found-by-check boxes, so the caller's records match the file.
    """
    def encode() -> ExportStats:
        return export_video(source, out, frame_boxes, plan, rotation, options=options,
                            caption=caption, progress=_stage(stage, "export"), cancel=cancel,
                            commit=False)

    stats = encode()
    if not verify:
        return CheckedExport(stats, None)
    found: list[Finding] = []
    for round_no in range(1, MAX_ROUNDS + 1):
        report = check_export(partial_path(out), source_frames, frame_boxes, plan, CHECK_PRESET,
                              1, cancel=cancel, progress=_stage(stage, "verify"))
        fixable = [f for f in report.findings if f.kind in FIXABLE]
        if not fixable or round_no == MAX_ROUNDS:
            report.rounds, report.found_by_check = round_no, found
            return CheckedExport(stats, report)
        found += fixable
        add_found(frame_boxes, fixable)
        stats = encode()
    raise AssertionError("unreachable")


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
