"""Text regions with the vendored PP-OCRv4 detector: a number plate and the lines of a screen
are boxed (lines joined into one region), a blank picture is not."""

from __future__ import annotations

import cv2
import numpy as np

from app.core.detection import boxes as bx
from app.core.detection.text_regions import TextRegionDetector, join_lines


def _covered(region: np.ndarray, target: tuple[int, int, int, int]) -> float:
    """Share of ``target`` (x1, y1, x2, y2) inside ``region``."""
    x1, y1, x2, y2 = target
    w = max(0.0, min(region[2], x2) - max(region[0], x1))
    h = max(0.0, min(region[3], y2) - max(region[1], y1))
    return w * h / ((x2 - x1) * (y2 - y1))


def _text(rgb: np.ndarray, text: str, at: tuple[int, int], font: int, size: float,
          colour: tuple[int, int, int], thickness: int) -> tuple[int, int, int, int]:
    """Draw ``text`` with its baseline at ``at``; the box of the pixels its letters cover."""
    before = rgb.copy()
    cv2.putText(rgb, text, at, font, size, colour, thickness)
    ys, xs = np.nonzero((rgb != before).any(axis=2))
    return int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1


def _scene() -> tuple[np.ndarray, tuple[int, int, int, int], tuple[int, int, int, int]]:
    """A plate and a screen: the box of the plate's letters and of the screen's lines."""
    rng = np.random.default_rng(3)
    rgb = (rng.normal(110, 12, (540, 960, 3))).clip(0, 255).astype(np.uint8)
    cv2.rectangle(rgb, (120, 380), (330, 430), (250, 210, 40), -1)  # UK rear plate: yellow
    plate = _text(rgb, "AB12 CDE", (130, 420), cv2.FONT_HERSHEY_DUPLEX, 1.3, (10, 10, 10), 3)
    cv2.rectangle(rgb, (560, 80), (900, 260), (30, 40, 90), -1)  # a terminal's screen
    rows = [_text(rgb, text, (575, 125 + 50 * row), cv2.FONT_HERSHEY_SIMPLEX, 0.8,
                  (240, 240, 240), 2)
            for row, text in enumerate(("PNC CHECK: NO TRACE", "VRM AB12CDE  KEEPER:",
                                        "J SMITH 4 HIGH ST"))]
    screen = (min(r[0] for r in rows), rows[0][1], max(r[2] for r in rows), rows[-1][3])
    return rgb, plate, screen


def test_a_plate_and_a_screen_are_found_and_a_blank_picture_is_not() -> None:
    detector = TextRegionDetector()
    rgb, plate, screen = _scene()
    regions = detector.detect(rgb)
    assert max(_covered(r, plate) for r in regions) > 0.95  # every letter under one region
    assert max(_covered(r, screen) for r in regions) > 0.95
    on_screen = [r for r in regions if _covered(r, screen) > 0.3]
    assert len(on_screen) == 1  # its three lines are one region
    assert len(detector.lines(rgb)) > len(regions)
    assert len(regions) <= 3
    blank = np.full((540, 960, 3), 120, np.uint8)
    assert len(detector.detect(blank)) == 0


def test_lines_join_only_when_they_touch_or_stack() -> None:
    lines = np.array([[10, 10, 110, 30, 0.9], [12, 34, 100, 54, 0.7],  # stacked: one region
                      [400, 10, 480, 30, 0.8]], dtype=np.float32)      # far away: its own
    regions = join_lines(lines)
    assert len(regions) == 2
    top = regions[np.argmin(regions[:, 0])]
    assert top.tolist() == [10, 10, 110, 54, np.float32(0.9)]
    assert len(join_lines(bx.empty())) == 0


def test_the_hand_labelled_set_names_real_images_and_sane_boxes() -> None:
    import json
    from pathlib import Path

    import pytest

    from tests.conftest import TESTDATA

    labels = json.loads((Path(__file__).parents[1] / "text_regions_labels.json").read_text())
    if not TESTDATA.is_dir():
        pytest.skip(f"shared test data not found at {TESTDATA} (set BWV_TESTDATA)")
    for item in labels["images"]:
        image = cv2.imread(str(TESTDATA / item["file"]))
        assert image is not None, item["file"]
        h, w = image.shape[:2]
        for region in item["regions"]:
            x1, y1, x2, y2 = region["box"]
            assert region["kind"] in ("plate", "screen", "document")
            assert 0 <= x1 < x2 <= w and 0 <= y1 < y2 <= h, (item["file"], region)
