"""Boxes the edge drop keeps (under their network's threshold, at the picture's edge): a
lone one makes no track, one found again or joining a face does, and none ends a stretch
with no face for review (synthetic runs of the default preset)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from app.core.detection.detector import Detection, FaceDetector
from app.core.detection.network import ScaledNetwork, at_edge
from app.core.detection.presets import DEFAULT_PRESET, get_preset
from app.core.detection.propagation import KeyFrame, Propagation
from app.core.detection.video import DetectionRun, FrameDetections
from app.core.tracking.review import ReviewReason, review_ranges
from app.core.tracking.tracker import build_tracks

EDGE_BOX = (600.0, 150.0, 40.0, 50.0)  # touching the right edge of a 640 x 360 picture
SURE_BOX = (300.0, 150.0, 40.0, 50.0)  # the middle of the picture


def _run(frames: dict[int, list[tuple[tuple[float, float, float, float], float]]],
         count: int = 40, edge_drop: float | None = None) -> DetectionRun:
    """Every frame detected; YuNet boxes with their scores (the default's threshold: 0.3)."""
    preset = get_preset(DEFAULT_PRESET)
    if edge_drop is not None:
        preset = replace(preset, edge_drop=edge_drop)
    run = DetectionRun("synthetic", 640, 360, 0, preset, [])
    for i in range(count):
        boxes = [Detection(*box, score, "yunet") for box, score in frames.get(i, [])]
        run.frames.append(FrameDetections(i, i / 10, boxes, True))
    return run


def test_the_default_keeps_low_boxes_at_the_edge_and_marks_them_unsure() -> None:
    preset = get_preset(DEFAULT_PRESET)
    assert preset.edge_drop > 0
    assert preset.threshold_of("yunet") == 0.3 and preset.threshold_of("centerface") == 0.15
    assert not preset.firm("yunet", 0.2) and preset.firm("yunet", 0.3)
    assert not preset.firm("centerface", 0.1) and preset.firm("centerface", 0.15)
    assert preset.firm("motion", 0.01)  # carried boxes: no network of their own
    assert replace(preset, edge_drop=0.0).firm("yunet", 0.01)  # runs stored before
    assert replace(preset, tracker_rules=2).firm("yunet", 0.01)  # the first form's runs


def test_a_lone_low_box_at_the_edge_makes_no_track_and_the_others_keep_their_numbers() -> None:
    frames = {5: [(SURE_BOX, 0.9)], 6: [(SURE_BOX, 0.9)], 10: [(EDGE_BOX, 0.2)],
              30: [(SURE_BOX, 0.9)]}
    tracks = build_tracks(_run(frames), 40, 10.0)
    assert [t.id for t in tracks] == [1, 2]
    assert [t.detected_frames for t in tracks] == [[5, 6], [30]]
    # the same box at its network's threshold is a face like any other
    frames[10] = [(EDGE_BOX, 0.3)]
    assert [t.detected_frames for t in build_tracks(_run(frames), 40, 10.0)] == \
        [[5, 6], [10], [30]]
    # and so it is with no edge drop (a run stored before it: every box counts)
    frames[10] = [(EDGE_BOX, 0.2)]
    assert len(build_tracks(_run(frames, edge_drop=0.0), 40, 10.0)) == 3


def test_a_low_box_found_again_or_joining_a_face_is_kept() -> None:
    again = build_tracks(_run({10: [(EDGE_BOX, 0.2)], 12: [(EDGE_BOX, 0.18)]}), 40, 10.0)
    assert [t.detected_frames for t in again] == [[10, 12]]
    # a face walking out: found surely, then only half of it, under the threshold
    walking = {i: [((560.0 + 4 * i, 150.0, 40.0, 50.0), 0.9 if i < 8 else 0.2)]
               for i in range(0, 10)}
    (track,) = build_tracks(_run(walking), 40, 10.0)
    assert track.detected_frames == list(range(10))


def test_a_low_box_does_not_end_a_stretch_with_no_face() -> None:
    """A face is lost on frame 10; from frame 12 a box under the threshold stays at the edge
    (a shadow, say). The stretch from 10 is still an item, as long as without that box."""
    frames: dict[int, list[tuple[tuple[float, float, float, float], float]]] = {
        i: [(SURE_BOX, 0.9)] for i in range(10)}
    frames |= {i: [(EDGE_BOX, 0.2)] for i in range(12, 30)}
    frames |= {i: [(SURE_BOX, 0.9)] for i in range(30, 40)}
    run = _run(frames, 60)
    lost = [(r.start_frame, r.end_frame) for r in review_ranges(
        run, build_tracks(run, 60, 10.0), 60, 10.0) if r.reason is ReviewReason.FACES_LOST]
    assert (10, 29) in lost
    # the same box at the threshold is a face found: the stretch is only 10-11
    frames |= {i: [(EDGE_BOX, 0.3)] for i in range(12, 30)}
    run = _run(frames, 60)
    lost = [(r.start_frame, r.end_frame) for r in review_ranges(
        run, build_tracks(run, 60, 10.0), 60, 10.0) if r.reason is ReviewReason.FACES_LOST]
    assert (10, 11) in lost and (10, 29) not in lost


def test_one_low_box_joining_a_face_found_surely_stays_in_its_track() -> None:
    frames = {i: [(SURE_BOX, 0.9)] for i in range(5)} | {5: [(SURE_BOX, 0.2)]}
    (track,) = build_tracks(_run(frames), 40, 10.0)
    assert track.detected_frames == list(range(6))


def test_fusion_keeps_a_firm_box_of_a_face_over_an_unsure_one(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """YuNet scores half a face at the edge 0.25 (under its 0.3: unsure), CenterFace 0.18
    (over its 0.15: firm). Fused, the face is CenterFace's firm box, not YuNet's higher
    score: an unsure box alone makes no track, and this face must."""
    found = {"yunet": [[600, 100, 640, 150, 0.25]], "centerface": [[602, 102, 640, 150, 0.18]]}

    def detect(self: ScaledNetwork, rgb: np.ndarray) -> np.ndarray:
        return np.array(found[self.name], np.float32).reshape(-1, 5)

    monkeypatch.setattr(ScaledNetwork, "detect", detect)
    rgb = np.zeros((360, 640, 3), np.uint8)
    with FaceDetector(DEFAULT_PRESET) as detector:
        boxes, names = detector.detect_boxes(rgb, fine=True)
    assert names == ["centerface"] and boxes[0, 4] == pytest.approx(0.18)
    without = replace(get_preset(DEFAULT_PRESET), edge_drop=0.0)
    with FaceDetector(without) as detector:  # the highest score, as always before
        assert detector.detect_boxes(rgb, fine=True)[1] == ["yunet"]


@pytest.mark.parametrize("score, carried_onto_key_frame", [(0.2, True), (0.1, False)])
def test_an_unsure_box_is_not_carried_onto_the_next_key_frame(
        score: float, carried_onto_key_frame: bool) -> None:
    """A CenterFace box at the right edge on key frame 9, not found on key frame 12: a firm
    one (0.2) is carried there by motion (a face missed once), an unsure one (0.1, kept by
    the edge drop) only to frames 10-11, so on key frames only what the detector saw stands
    for it (no box carried from it ends a stretch with no face for review)."""
    width, height = 640, 360
    rng = np.random.default_rng(2)
    gray = np.kron(rng.integers(0, 255, (height // 8, width // 8), dtype=np.uint8),
                   np.ones((8, 8), np.uint8))
    filler = Propagation(width, height, firm=get_preset(DEFAULT_PRESET).firm)
    filled = []
    for i in range(16):
        key = None
        if i % 3 == 0:
            boxes = np.array([[600, 150, 636, 195, score]], np.float32) if i == 9 else \
                np.zeros((0, 5), np.float32)
            key = KeyFrame(boxes, ["centerface"] * len(boxes), 10.0)
        filled += filler.push(i, i / 30, gray, key)
    filled += filler.finish()
    by_index = {f.index: f for f in filled}
    assert all(len(by_index[i].boxes) == 1 for i in (10, 11))
    assert (len(by_index[12].boxes) == 1) is carried_onto_key_frame
    assert by_index[12].detected


def test_only_a_box_a_cut_face_could_make_counts_as_at_the_edge() -> None:
    """At the edge: within a tenth of the box's size or 4 input pixels of it, and no larger
    than 0.4 of the picture's shorter side (YuNet's low boxes that size are walls and sky)."""
    boxes = np.array([[600, 150, 636, 195, 0.2],   # 4 px from the right edge: at it
                      [560, 150, 596, 195, 0.2],   # 44 px in: not
                      [0, 100, 60, 160, 0.2],      # on the left edge
                      [150, 0, 495, 272, 0.2],     # top and bottom, 345 x 272: too large
                      [3, 3, 130, 130, 0.2]],      # 127 px at the corner of 640 x 360: at it
                     np.float32)
    assert at_edge(boxes, 640, 360, 1.0).tolist() == [True, False, True, False, True]
    assert at_edge(boxes[1:2], 640, 360, 12.0).tolist() == [True]  # 48 px of a small input
