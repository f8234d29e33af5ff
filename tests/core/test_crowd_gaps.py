"""Crowd gaps: a face the detectors missed between hidden faces of a crowd is hidden too."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from app.core.redaction.crowd_gaps import MIN_FACES, crowd_groups
from app.core.redaction.plan import RedactionPlan
from app.core.redaction.render import (
    frame_regions,
    region_mask,
    render_frame,
    uncovered_share,
)
from app.core.tracking.tracker import BoxKind, TrackBox

W, H = 640, 360
SIZE = 22  # px: a small face, as in a crowd seen from a distance
STEP = 46  # px between the faces' corners: the padded regions do not touch


def grid(skip: tuple[int, int] | None = (1, 1), rows: int = 3,
         cols: int = 3) -> list[tuple[int, TrackBox]]:
    """Faces on a grid (one track each), the one at ``skip`` left out: the missed face."""
    out = []
    for r in range(rows):
        for c in range(cols):
            if (r, c) != skip:
                out.append((len(out) + 1, TrackBox(0, 200 + c * STEP, 100 + r * STEP, SIZE,
                                                   SIZE, BoxKind.DETECTED, 0.9)))
    return out


MISSED = (200 + STEP, 100 + STEP, 200 + STEP + SIZE, 100 + STEP + SIZE)


def gaps(regions: list) -> list:
    return [r for r in regions if r.kind is BoxKind.CROWD_GAP]


def test_a_face_missed_between_the_hidden_faces_of_a_crowd_is_hidden() -> None:
    plan = RedactionPlan()
    without = [r for r in frame_regions(0, grid(), plan, W, H)[0]
               if r.kind is not BoxKind.CROWD_GAP]
    assert uncovered_share(MISSED, without, plan) > 0.5  # the faces' own regions leave it
    redact, _keep = frame_regions(0, grid(), plan, W, H)
    assert len(gaps(redact)) == 1
    assert uncovered_share(MISSED, redact, plan) < 0.05
    # and in the picture: the missed face's pixels change, pixels far from the crowd do not
    image = np.random.default_rng(1).integers(0, 256, (H, W, 3), np.uint8)
    before = image.copy()
    render_frame(image, 0, grid(), plan)
    x1, y1, x2, y2 = MISSED
    assert (image[y1:y2, x1:x2] != before[y1:y2, x1:x2]).any(axis=2).mean() > 0.9
    assert (image[:60] == before[:60]).all() and (image[:, 400:] == before[:, 400:]).all()


def test_the_regions_that_vouch_are_the_same_without_working_out_the_fill() -> None:
    """Review and the residual check ask only for the regions that vouch for what they
    cover: the same regions as with the fill, in the same order, the fill left out."""
    for plan in (RedactionPlan(), RedactionPlan(keep_tracks=(3,))):
        full, keep = frame_regions(0, grid(), plan, W, H)
        vouching, keep_too = frame_regions(0, grid(), plan, W, H, vouching_only=True)
        assert gaps(full) and not gaps(vouching)
        assert vouching == [r for r in full if r.kind is not BoxKind.CROWD_GAP]
        assert keep_too == keep


def test_no_crowd_no_fill() -> None:
    plan = RedactionPlan()
    three = grid(None, rows=1, cols=MIN_FACES - 1)
    assert not gaps(frame_regions(0, three, plan, W, H)[0])
    # faces far apart are no crowd either
    apart = [(k + 1, TrackBox(0, 20 + k * 150, 100 + (k % 2) * 150, SIZE, SIZE,
                              BoxKind.DETECTED, 0.9)) for k in range(4)]
    assert not gaps(frame_regions(0, apart, plan, W, H)[0])


def test_several_tracks_on_one_face_are_one_face() -> None:
    """Overlapping tracks of one face (fragments, a track grown past its end) are not a
    crowd: measured, they filled 42 % of a frame round one performer's face."""
    plan = RedactionPlan()
    one = [(k + 1, TrackBox(0, 300 + k * 3, 150 + k * 2, SIZE + k, SIZE + k,
                            BoxKind.DETECTED, 0.9)) for k in range(6)]
    assert not gaps(frame_regions(0, one, plan, W, H)[0])
    boxes = np.array([[b.x, b.y, b.x + b.w, b.y + b.h] for _t, b in one], np.int64)
    assert crowd_groups(boxes, W, H) == []


def test_large_faces_take_no_part() -> None:
    """Faces close to the camera are found; filling between them would hide the people."""
    plan = RedactionPlan()
    big = [(k + 1, TrackBox(0, 20 + (k % 3) * 200, 20 + (k // 3) * 170, 90, 90,
                            BoxKind.DETECTED, 0.9)) for k in range(6)]
    assert not gaps(frame_regions(0, big, plan, W, H)[0])


def test_a_kept_face_in_the_gap_stays_visible() -> None:
    kept_face = (99, TrackBox(0, MISSED[0], MISSED[1], SIZE, SIZE, BoxKind.DETECTED, 0.9))
    plan = replace(RedactionPlan(), keep_tracks=(99,))
    redact, keep = frame_regions(0, [*grid(), kept_face], plan, W, H)
    assert keep and gaps(redact)  # the crowd's other gaps are still filled
    # no gap pixel lies on the kept face, nor anywhere under its (elliptic) region
    assert uncovered_share(MISSED, gaps(redact), plan) == 1.0
    k = keep[0]
    image = np.zeros((H, W, 3), np.uint8)
    image[k.y1:k.y2, k.x1:k.x2][region_mask(k, plan.shape)] = 255
    for region in gaps(redact):
        under = image[region.y1:region.y2, region.x1:region.x2, 0][region_mask(region,
                                                                               plan.shape)]
        assert not under.any()


def test_an_inverse_plan_has_no_gaps_to_fill() -> None:
    plan = replace(RedactionPlan(), inverse=True)
    assert not gaps(frame_regions(0, grid(), plan, W, H)[0])


def test_the_check_still_hides_a_face_it_sees_in_a_gap() -> None:
    """The export's check does not count a crowd's fill as covering a face it finds: such a
    face gets its own region (a fill over part of it would leave the rest as it is)."""
    from app.core.detection.detector import Detection
    from app.core.export.residual import classify

    x1, y1, x2, y2 = MISSED
    seen = [Detection(x1, y1, x2 - x1, y2 - y1, 0.9, "check")]
    assert classify(seen, 0, 0, 0.0, grid(), RedactionPlan(), W, H, 0)
    assert not classify(seen, 0, 0, 0.0, grid(skip=None), RedactionPlan(), W, H, 0)  # found
    # text (a plate, a screen) the check reads in a gap likewise
    from app.core.export.residual import classify_text

    text = np.array([[x1, y1, x2, y2, 0.9]], np.float32)
    assert classify_text(text, 0, 0, 0.0, grid(), RedactionPlan(), W, H, 0)


def test_a_face_found_in_a_gap_is_still_listed_where_its_track_starts() -> None:
    """Whether a face is hidden anyway before its track starts is judged without the
    crowd's fill (worked out from the nearby faces only, it need not be the export's)."""
    from app.core.detection.detector import Detection
    from app.core.detection.presets import get_preset
    from app.core.detection.video import DetectionRun, FrameDetections
    from app.core.redaction.plan_review import plan_review
    from app.core.tracking.tracker import TrackerSettings, build_tracks

    run = DetectionRun("synthetic", W, H, 0, get_preset("balanced"), [])
    x1, y1, x2, y2 = MISSED
    for i in range(40):
        faces = [Detection(b.x, b.y, b.w, b.h, 0.9, "yunet") for _t, b in grid()]
        if i >= 20:
            faces.append(Detection(x1, y1, x2 - x1, y2 - y1, 0.9, "yunet"))
        run.frames.append(FrameDetections(i, i / 10, faces, True))
    tracks = build_tracks(run, 40, 10.0, TrackerSettings(max_gap_s=0.5, pad_before_s=0.2,
                                                           pad_after_s=0.3))
    late = next(t for t in tracks if t.detected_frames[0] == 20)
    review = plan_review(run, tracks, tracks, RedactionPlan(), 40, 10.0)
    assert any(r.track_id == late.id or late.id in r.also for r in review)


def test_a_kept_faces_whole_head_box_is_never_filled() -> None:
    """At padding 1.0 a kept face's ellipse lies inside its head box: the box stays clear."""
    from app.core.redaction.render import padded_region

    kept_face = TrackBox(0, MISSED[0], MISSED[1], SIZE, SIZE, BoxKind.DETECTED, 0.9)
    plan = replace(RedactionPlan(), keep_tracks=(99,), padding=1.0)
    redact, _keep = frame_regions(0, [*grid(), (99, kept_face)], plan, W, H)
    head = padded_region((kept_face.x, kept_face.y, SIZE, SIZE), 1.0, W, H, BoxKind.DETECTED,
                         99)
    assert head is not None and gaps(redact)
    assert uncovered_share((head.x1, head.y1, head.x2, head.y2), gaps(redact), plan) == 1.0


def test_many_faces_stay_cheap_in_memory() -> None:
    """Pairs are compared a block of faces at a time: 3,000 faces need no 3,000 x 3,000
    arrays (measured before: 1.2 GB at 5,000)."""
    import tracemalloc

    rng = np.random.default_rng(3)
    xy = rng.uniform(0, 3800, (3000, 2))
    boxes = np.c_[xy, xy + 20].astype(np.int64)
    tracemalloc.start()
    crowd_groups(boxes, 3840, 3840)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 100 * 2 ** 20, peak
