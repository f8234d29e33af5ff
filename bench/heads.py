"""Heads of people seen from behind (issue 20): how many hand-labelled heads the person
detector's head regions cover, and at what cost.

    .venv/bin/python bench/heads.py [--sides 416 640 960]

For each input size of the person detector (YOLOX-Nano, the frame's longer side scaled to
it, never enlarged):

* **heads from behind**: the hand-labelled heads of people seen from behind in
  ``tests/heads_labels.json`` (people over 60 px tall); a head counts as covered when 90 %
  of its box lies under the head regions (``people.head_regions``, as rectangles). Target:
  coverage >= 0.9.
* **WIDER faces**: the official face boxes of the 45 WIDER images of the test data
  (``images/wider_val`` and ``crowds/images``), 10 px wide or more, covered 70 % or more by
  the head regions (the face's head is the person's head: an independent check of where
  the regions are put, on far more people; faces of people the detector misses count
  against it, so this is a floor, not the heads' coverage);
* **regions**: head regions per image (no ground truth for precision: a region on a person
  is wanted whichever way they face), and milliseconds per image (2 cores).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import cv2
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from detect_recall import CROWDS, IMAGES, TESTDATA, load_wider

from app.core.detection.people import PersonDetector, head_regions

LABELS = Path(__file__).resolve().parents[1] / "tests" / "heads_labels.json"


def rgb_of(path: Path) -> np.ndarray:
    image = cv2.imread(str(path))
    if image is None:
        raise SystemExit(f"{path}: not a readable image")
    return np.ascontiguousarray(image[:, :, ::-1])


def under(regions: np.ndarray, boxes: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    """Share of each box (x1, y1, x2, y2) under the regions, drawn as rectangles."""
    mask = np.zeros(shape[:2], np.uint8)
    for x1, y1, x2, y2, _ in regions:
        mask[max(0, int(y1)):max(0, int(np.ceil(y2))), max(0, int(x1)):max(0, int(np.ceil(x2)))] = 1
    out = []
    for x1, y1, x2, y2 in np.round(boxes).astype(int):
        part = mask[max(0, y1):max(0, y2), max(0, x1):max(0, x2)]
        out.append(float(part.mean()) if part.size else 0.0)
    return np.array(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sides", type=int, nargs="+", default=[416, 640, 960])
    args = parser.parse_args()
    labels = json.loads(LABELS.read_text())["images"]
    behind = [(TESTDATA / item["file"], np.array(item["heads"], np.float32)) for item in labels]
    wider = load_wider(IMAGES / "wider_val", "wider") + load_wider(CROWDS, "crowds")
    print(f"{sum(len(h) for _p, h in behind)} heads from behind in {len(behind)} images; "
          f"WIDER faces >= 10 px in {len(wider)} images")
    print(f"{'input side':<12}{'heads from behind':>20}{'coverage':>10}{'WIDER faces':>14}"
          f"{'regions/img':>13}{'ms/image':>10}")
    for side in args.sides:
        detector = PersonDetector(max_side=side)
        shares, faces, regions, seconds, images = [], [], 0, 0.0, 0
        for path, heads in behind:
            rgb = rgb_of(path)
            shares += list(under(head_regions(detector.detect(rgb)), heads, rgb.shape))
        for sample in wider:
            rgb = rgb_of(sample.path)
            start = time.perf_counter()
            found = head_regions(detector.detect(rgb))
            seconds += time.perf_counter() - start
            images += 1
            regions += len(found)
            wide = sample.gt[(sample.gt[:, 2] - sample.gt[:, 0]) >= 10]
            faces += list(under(found, wide, rgb.shape))
        covered = sum(s >= 0.9 for s in shares)
        print(f"{side:<12}{f'{covered}/{len(shares)}':>20}{covered / len(shares):>10.2f}"
              f"{np.mean(np.array(faces) >= 0.7):>14.3f}{regions / images:>13.1f}"
              f"{1000 * seconds / images:>10.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
