"""The review ranges of a plan: the risks left on the run's tracks as the person edited them
(after merges and splits), leaving out the tracks marked as not a face and the start of a
piece the person split off (never asking whether the two pieces are one person). The
workspace, the open items before approval and the export's manifest all list these."""

from __future__ import annotations

from app.core.detection.video import DetectionRun
from app.core.redaction.plan import RedactionPlan
from app.core.tracking.edits import split_cuts
from app.core.tracking.review import ReviewRange, review_ranges
from app.core.tracking.tracker import Track


def plan_review(run: DetectionRun, run_tracks: list[Track], tracks: list[Track],
                plan: RedactionPlan, frame_count: int, fps: float) -> list[ReviewRange]:
    """Ranges on ``tracks`` (``run_tracks`` after ``plan``'s merges and splits)."""
    return review_ranges(run, tracks, frame_count, fps,
                         settled=frozenset(plan.false_positive_tracks),
                         cuts=split_cuts(run_tracks, plan.track_edits))
