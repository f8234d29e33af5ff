"""A face that starts or ends in the open is listed for review only where nothing else
hides it (plan_review.hidden_anyway): synthetic runs, the plan's own regions."""

from __future__ import annotations

from dataclasses import replace

from app.core.detection.detector import Detection
from app.core.detection.presets import get_preset
from app.core.detection.video import DetectionRun, FrameDetections, region_label
from app.core.redaction.plan import RedactionPlan
from app.core.redaction.plan_review import plan_review
from app.core.tracking.tracker import HEAD, TrackerSettings, build_tracks

SETTINGS = TrackerSettings(max_gap_s=0.5, pad_before_s=0.2, pad_after_s=0.3)
FACE_BOX = (300.0, 150.0, 40.0, 40.0)  # vanishes mid-picture after frame 9


def _run(head: tuple[float, float, float, float] | None) -> DetectionRun:
    """A face on frames 0-9, then gone; with ``head``, a person's head region on every
    frame (the person detector's, carried by motion), where the face is or elsewhere."""
    run = DetectionRun("synthetic", 640, 360, 0, get_preset("balanced"), [])
    for i in range(40):
        faces = [Detection(*FACE_BOX, 0.9, "yunet")] if i < 10 else []
        heads = [Detection(*head, 0.8, region_label("head", 1, i % 5 == 0))] if head else []
        run.frames.append(FrameDetections(i, i / 10, faces, True, heads=heads))
    return run


def _reasons(run: DetectionRun, plan: RedactionPlan) -> list[str]:
    tracks = build_tracks(run, 40, 10.0, SETTINGS)
    return [r.reason.value for r in plan_review(run, tracks, tracks, plan, 40, 10.0)]


def test_a_face_lost_under_its_persons_head_region_is_no_item() -> None:
    around = (280.0, 110.0, 80.0, 100.0)  # the head region round the face (and its hair)
    assert "track_ended" in _reasons(_run(None), RedactionPlan())  # nothing else hides it
    assert "track_ended" not in _reasons(_run(around), RedactionPlan())
    # the head region elsewhere, too small, left visible or dismissed: listed again
    assert "track_ended" in _reasons(_run((20.0, 20.0, 80.0, 100.0)), RedactionPlan())
    assert "track_ended" in _reasons(_run((300.0, 160.0, 40.0, 20.0)), RedactionPlan())
    assert "track_ended" in _reasons(_run(around), replace(RedactionPlan(), hide_heads=False))
    tracks = build_tracks(_run(around), 40, 10.0, SETTINGS)
    head = next(t.id for t in tracks if t.category == HEAD)
    for plan in (replace(RedactionPlan(), false_positive_tracks=(head,)),
                 replace(RedactionPlan(), keep_tracks=(head,))):
        assert "track_ended" in _reasons(_run(around), plan)
