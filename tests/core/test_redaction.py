"""Redaction plans (JSON, validation, manual boxes) and the pixel operations of each style."""

from __future__ import annotations

import numpy as np
import pytest

from app.core.errors import InvalidInputError
from app.core.redaction.plan import (
    Keyframe,
    ManualBox,
    RedactionPlan,
    Shape,
    Style,
    TimeRange,
)
from app.core.redaction.render import render_frame
from app.core.tracking.tracker import BoxKind, TrackBox


def test_plan_round_trips_through_json_and_hash_tracks_content() -> None:
    plan = RedactionPlan(keep_tracks=[3], false_positive_tracks=[7], style=Style.BLUR,
                         strength=3, mute=[TimeRange(1.0, 2.5)], clip=TimeRange(0.5, 9),
                         caption="{case} REDACTED COPY",
                         manual_boxes=[ManualBox(1, (Keyframe(0, 10, 10, 20, 20),
                                                     Keyframe(10, 30, 10, 20, 20)), "plate")])
    again = RedactionPlan.from_json(plan.to_json())
    assert again == plan and again.sha256() == plan.sha256()
    again.strength = 4
    assert again.sha256() != plan.sha256()


@pytest.mark.parametrize("data,message", [
    ({"strength": 9}, "Strength"),
    ({"padding": 0.5}, "Padding"),
    ({"mute": [{"start_s": 5, "end_s": 2}]}, "start < end"),
    ({"keep_tracks": [1], "false_positive_tracks": [1]}, "both kept"),
    ({"style": "smudge"}, "not valid"),
    ({"version": 99}, "version 99"),
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
