"""Redaction plans (JSON, validation, manual boxes) and the pixel operations of each style."""

from __future__ import annotations

import copy
import pickle
from dataclasses import FrozenInstanceError, replace

import numpy as np
import pytest

from app.core.errors import InvalidInputError
from app.core.redaction.plan import (
    AudioAction,
    AudioMode,
    AudioRange,
    Keyframe,
    ManualBox,
    RedactionPlan,
    Shape,
    Style,
    TimeRange,
)
from app.core.redaction.render import render_frame
from app.core.tracking.edits import EditOp, TrackEdit
from app.core.tracking.tracker import BoxKind, TrackBox


def test_plan_round_trips_through_json_and_hash_tracks_content() -> None:
    plan = RedactionPlan(keep_tracks=[3], false_positive_tracks=[7], style=Style.BLUR,
                         strength=3, mute=[TimeRange(1.0, 2.5)], clip=TimeRange(0.5, 9),
                         caption="{case} REDACTED COPY",
                         manual_boxes=[ManualBox(1, (Keyframe(0, 10, 10, 20, 20),
                                                     Keyframe(10, 30, 10, 20, 20)), "plate")])
    again = RedactionPlan.from_json(plan.to_json())
    assert again == plan and again.sha256() == plan.sha256()
    assert replace(again, strength=4).sha256() != plan.sha256()


def test_a_plan_cannot_be_changed_in_place() -> None:
    """An edit makes a new plan (plan_edits): the old one stays as it was, for undo, for
    the approval that names its hash and for whoever else holds it."""
    plan = RedactionPlan(keep_tracks=[3], reasons={"track:3": "requester"},
                         reviewed=[(0, 9)], mute=[TimeRange(1, 2)])
    with pytest.raises(FrozenInstanceError):
        plan.strength = 5  # type: ignore[misc]
    with pytest.raises(AttributeError):
        plan.keep_tracks.append(4)  # type: ignore[attr-defined]
    with pytest.raises(TypeError):
        plan.reasons["track:4"] = "officer"  # type: ignore[index]
    assert plan.keep_tracks == (3,) and plan.reviewed == ((0, 9),)
    assert plan.reasons == {"track:3": "requester"}
    assert copy.deepcopy(plan) == plan and pickle.loads(pickle.dumps(plan)) == plan


# Plan hashes made before the plan was frozen (commit 99a97cb): an approval binds to a
# plan's hash, so a plan read back, or built the same way, must keep it to the byte. The
# "default" one is the default plan of then, whose padding was 1.3 (1.6 since 2026-12-04).
_OLD_HASHES = {
    "default": "cbfc78e96aeac69328a95a00258011e2fee7b56fb34458ada719087768d5a4c2",
    "every field": "ae9f3e7e31479a54fd37a0f4c238c9a10cf191103d04dc51041ec7c2603027da",
}


def _every_field() -> RedactionPlan:
    return RedactionPlan(
        keep_tracks=[7, 2], false_positive_tracks=[5],
        manual_boxes=[ManualBox(1, (Keyframe(3, 10, 20, 30, 40),
                                    Keyframe(9, 12.5, 20, 30, 40)), "screen"),
                      ManualBox(2, (Keyframe(0, 1, 2, 3, 4),))],
        style=Style.BLUR, strength=3, shape=Shape.RECTANGLE, padding=1.5, margin=0, inverse=True,
        audio=AudioMode.DROP, mute=[TimeRange(1, 2.5)],
        audio_ranges=[AudioRange(2, 4.0, 4.5, AudioAction.BLEEP, 0, "postcode"),
                      AudioRange(1, 0.5, 1.0)],
        clip=TimeRange(0.5, 8), caption="{case} REDACTED", keep_metadata=True,
        hide_heads=False, hide_whole_people=True, detection_run="abc123",
        track_edits=[TrackEdit(EditOp.MERGE, (2, 3)), TrackEdit(EditOp.SPLIT, (4,), 17)],
        reasons={"track:7": "requester", "manual:1": "screen", "mute:1.000-2.500": "name",
                 "audio:2": "postcode"},
        reviewed=[(10, 20), (0, 5)])


@pytest.mark.parametrize("name", sorted(_OLD_HASHES))
def test_plan_hashes_stay_what_they_were(name: str) -> None:
    plan = RedactionPlan(padding=1.3, margin=0) if name == "default" else _every_field()
    assert plan.sha256() == _OLD_HASHES[name]
    assert RedactionPlan.from_json(plan.to_json()).sha256() == _OLD_HASHES[name]


@pytest.mark.parametrize("data,message", [
    ({"strength": 9}, "Strength"),
    ({"padding": 0.5}, "Padding"),
    ({"mute": [{"start_s": 5, "end_s": 2}]}, "start < end"),
    ({"keep_tracks": [1], "false_positive_tracks": [1]}, "both kept"),
    ({"style": "smudge"}, "not valid"),
    ({"version": 99}, "version 99"),
    ({"padding": 10 ** 400}, "not valid: int too large"),  # no OverflowError traceback
    ({"mute": [{"start_s": 0, "end_s": 10 ** 400}]}, "not valid: int too large"),
])
def test_bad_plans_are_refused_clearly(data: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidInputError, match=message):
        RedactionPlan.from_dict(data)


def test_manual_box_interpolates_between_keyframes_and_stops() -> None:
    box = ManualBox(1, (Keyframe(10, 0, 0, 10, 10), Keyframe(20, 100, 50, 30, 10)))
    assert box.box_at(9) is None and box.box_at(21) is None
    assert box.box_at(15) == (50, 25, 20, 10)


def _scene() -> np.ndarray:
    rng = np.random.default_rng(1)
    return rng.integers(0, 255, (120, 160, 3), dtype=np.uint8)


FACE = [(1, TrackBox(0, 40, 30, 40, 40, BoxKind.DETECTED, 0.9))]


@pytest.mark.parametrize("style,strength", [(Style.PIXELATE, 4), (Style.BLUR, 3),
                                            (Style.SOLID, 5), (Style.BLUR, 5)])
def test_each_style_changes_the_face_and_nothing_far_from_it(style: Style,
                                                             strength: int) -> None:
    image = _scene()
    original = image.copy()
    hidden, kept = render_frame(image, 0, FACE, RedactionPlan(style=style, strength=strength))
    assert len(hidden) == 1 and kept == []
    face = (slice(40, 60), slice(50, 70))  # the middle of the box
    assert np.abs(image[face].astype(int) - original[face]).mean() > 40
    assert np.array_equal(image[:, 120:], original[:, 120:])
    if style is Style.SOLID or strength == 5:
        assert image[face].max() == 0


def test_pixelate_makes_coarse_blocks_and_ellipse_spares_the_corners() -> None:
    image = _scene()
    original = image.copy()
    hidden, _ = render_frame(image, 0, FACE, RedactionPlan(style=Style.PIXELATE, strength=4,
                                                           shape=Shape.ELLIPSE))
    r = hidden[0]
    assert np.array_equal(image[r.y1, r.x1], original[r.y1, r.x1])  # corner outside ellipse
    centre = image[r.y1 + 20:r.y1 + 30, r.x1 + 20:r.x1 + 30].reshape(-1, 3)
    assert len(np.unique(centre, axis=0)) <= 4  # a few flat blocks, no detail


def test_kept_and_false_positive_tracks_stay_and_inverse_hides_the_rest() -> None:
    boxes = [*FACE, (2, TrackBox(0, 100, 30, 30, 30, BoxKind.DETECTED, 0.9))]
    image = _scene()
    original = image.copy()
    plan = RedactionPlan(keep_tracks=[2], false_positive_tracks=[1])
    hidden, kept = render_frame(image, 0, boxes, plan)
    assert hidden == [] and len(kept) == 1 and np.array_equal(image, original)
    plan = RedactionPlan(keep_tracks=[2], inverse=True, strength=5)
    render_frame(image, 0, boxes, plan)
    assert image[5, 5].max() == 0  # background hidden
    assert np.array_equal(image[45, 115], original[45, 115])  # inside the kept face


def test_an_inverse_export_still_hides_what_overlaps_the_kept_person() -> None:
    """Keeping only the requester restores their region; a bystander's face and a box drawn
    by hand that overlap it stay hidden, as in an ordinary export (a review found the
    inverse restoring them)."""
    rng = np.random.default_rng(0)
    original = rng.integers(0, 256, (480, 640, 3), dtype=np.uint8)
    kept = TrackBox(0, 300, 200, 60, 60, BoxKind.DETECTED, 0.9)
    bystander = TrackBox(0, 262, 200, 36, 36, BoxKind.DETECTED, 0.9)  # beside, overlapping
    badge = ManualBox(1, (Keyframe(0, 315, 245, 30, 12),), "name badge")
    for inverse in (False, True):
        image = original.copy()
        plan = RedactionPlan(keep_tracks=[1], inverse=inverse, style=Style.SOLID,
                             manual_boxes=[badge])
        _hidden, kept_regions = render_frame(image, 0, [(1, kept), (2, bystander)], plan)
        assert kept_regions, inverse
        face = (image[200:236, 262:298] == original[200:236, 262:298]).all(axis=2)
        assert not face.any(), (inverse, int(face.sum()))
        drawn = (image[245:257, 315:345] == original[245:257, 315:345]).all(axis=2)
        assert not drawn.any(), (inverse, int(drawn.sum()))
        assert (image[225:235, 335:350] == original[225:235, 335:350]).all(), inverse  # kept


def test_a_box_drawn_by_hand_is_hidden_to_its_corners_whatever_the_plans_shape() -> None:
    """Faces are hidden as ellipses; a box drawn over a plate or a document is hidden whole
    (its corners were left as they were)."""
    original = np.random.default_rng(1).integers(0, 256, (200, 200, 3), dtype=np.uint8)
    image = original.copy()
    plan = RedactionPlan(style=Style.SOLID, shape=Shape.ELLIPSE,
                         manual_boxes=[ManualBox(1, (Keyframe(0, 40, 40, 120, 60),))])
    render_frame(image, 0, [], plan)
    same = (image[40:100, 40:160] == original[40:100, 40:160]).all(axis=2)
    assert not same.any(), int(same.sum())
    assert (image[:30] == original[:30]).all()  # and nothing far from it


def test_caption_is_burned_in() -> None:
    image = np.full((120, 320, 3), 200, np.uint8)
    render_frame(image, 0, [], RedactionPlan(), caption="SAR-1 REDACTED COPY")
    assert image[110:, :100].min() < 50 and image[:50].min() == 200


def test_a_face_cut_by_the_frame_edge_is_hidden_up_to_the_edge() -> None:
    image = _scene()
    # a face half outside the left edge: padded box spans x -20..40
    edge = [(1, TrackBox(0, -10, 40, 40, 40, BoxKind.DETECTED, 0.9))]
    render_frame(image, 0, edge, RedactionPlan(style=Style.SOLID, shape=Shape.ELLIPSE))
    column = image[45:75, 0]  # the frame's first column across the face's middle
    assert column.max() == 0  # fully hidden at the edge (the ellipse's widest part)


def test_the_margin_grows_hidden_faces_by_pixels_and_never_kept_ones() -> None:
    """A new plan grows each hidden face's region by 0.4 % of the picture's longer side on
    every side beyond its padding (8 px at 1920x1080); a kept face's region is not grown;
    a plan saved before the margin existed reads as 0; a margin out of range is refused."""
    from app.core.redaction.render import frame_regions

    boxes = [(1, TrackBox(0, 500, 300, 40, 40, BoxKind.DETECTED, 0.9)),
             (2, TrackBox(0, 1200, 300, 40, 40, BoxKind.DETECTED, 0.9))]
    plan = RedactionPlan(keep_tracks=(2,))
    assert plan.margin == 0.004
    (hidden,), (kept,) = frame_regions(0, boxes, plan, 1920, 1080)
    (plain,), (kept_plain,) = frame_regions(0, boxes, replace(plan, margin=0.0), 1920, 1080)
    grown = [a - b for a, b in zip(hidden.full, plain.full, strict=True)]
    assert grown == [-8, -8, 8, 8], grown  # 7.68 px, the region's edges rounded outwards
    assert kept == kept_plain  # what is kept visible is not grown
    old = RedactionPlan.from_dict({"padding": 1.3})
    assert old.margin == 0.0 and "margin" not in old.to_dict()
    assert RedactionPlan.from_json(plan.to_json()).margin == 0.004
    for bad in (-0.001, 0.2):
        with pytest.raises(InvalidInputError, match="margin"):
            RedactionPlan.from_dict({"margin": bad})


def test_one_boxs_head_region_is_exactly_what_head_boxes_gives() -> None:
    """``render.head_box`` works one box out without an array (a quarter of the time: it is
    called for every box the review and the export look at); it must give, to the last
    bit, what ``boxes.head_boxes`` gives for that box, on footage turned every way."""
    import random

    import numpy as np

    from app.core.detection.boxes import head_boxes
    from app.core.redaction.render import head_box

    rng = random.Random(7)
    for i in range(20_000):
        box = (rng.uniform(-50, 4000), rng.uniform(-50, 2200), rng.uniform(0.1, 900),
               rng.uniform(0.1, 900))
        if i % 5 == 0:
            box = tuple(float(round(v)) for v in box)  # type: ignore[assignment]
        rotation = rng.choice((0, 90, 180, 270, -90, 450))
        x, y, w, h = box
        x1, y1, x2, y2, _ = head_boxes(np.array([[x, y, x + w, y + h, 0]], np.float32),
                                       rotation)[0]
        expected = (float(x1), float(y1), float(x2 - x1), float(y2 - y1))
        assert head_box(box, rotation) == expected, (box, rotation)
