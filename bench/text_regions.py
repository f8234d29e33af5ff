"""Text regions (issue 20): how much of the hand-labelled plates, screens and documents the
PP-OCRv4 detector covers, at what cost, at several input sizes.

    .venv/bin/python bench/text_regions.py [--sides 640,960,1280]

Labels: tests/text_regions_labels.json (boxes drawn by hand on images of ../shared/testdata).
A label is covered when at least 70 % of its box lies under the regions an export hides: the
detector's regions grown on every side by ``render.TEXT_MARGIN`` of their height, as the export
draws them (faces are scored the same way in detect_recall.py, with the redaction's padding);
the "raw" column scores the detector's own boxes. "Regions off the labels" counts regions
touching no label: unlabelled text (shop signs, logos) as well as false alarms, so it bounds
the false positives from above; precision needs "don't care" labels for such text (not made yet).
Baseline, measured in the same run: the smallest input size.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import cv2
import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.core.detection.text_regions import TextRegionDetector  # noqa: E402
from app.core.redaction.render import text_margin  # noqa: E402
from app.core.tracking.tracker import TEXT, BoxKind, TrackBox  # noqa: E402

TESTDATA = ROOT.parent / "shared" / "testdata"
COVERED = 0.7


def covered_share(label: list[float], regions: np.ndarray, shape: tuple[int, int]) -> float:
    """Share of the label's box under the union of the regions."""
    mask = np.zeros(shape, np.uint8)
    for x1, y1, x2, y2, _score in regions:
        mask[int(y1):int(np.ceil(y2)), int(x1):int(np.ceil(x2))] = 1
    x1, y1, x2, y2 = map(int, label)
    area = mask[y1:y2, x1:x2]
    return float(area.mean()) if area.size else 0.0


def hidden(regions: np.ndarray) -> np.ndarray:
    """The regions as an export hides them: each grown on every side by the export's own
    margin (``render.text_margin``), as faces are scored with the redaction's padding."""
    out = regions.copy()
    for row in out:
        x1, y1, x2, y2 = (float(v) for v in row[:4])
        m = text_margin(TrackBox(0, x1, y1, x2 - x1, y2 - y1, BoxKind.DETECTED, category=TEXT))
        row[:4] = (max(0.0, x1 - m), max(0.0, y1 - m), x2 + m, y2 + m)
    return out


def touches(region: np.ndarray, label: list[float]) -> bool:
    return not (region[2] <= label[0] or label[2] <= region[0]
                or region[3] <= label[1] or label[3] <= region[1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sides", default="640,960,1280,1536")
    parser.add_argument("--max-upscale", type=float, default=1.5,
                        help="how far a small image may be enlarged to reach a side")
    args = parser.parse_args()
    labels = json.loads((ROOT / "tests" / "text_regions_labels.json").read_text())
    images = [(TESTDATA / item["file"], item["regions"]) for item in labels["images"]]
    missing = [str(p) for p, _r in images if not p.is_file()]
    if missing:
        print(f"skipped: test data not found ({', '.join(missing)})")
        return 1
    rows = []
    for side in (int(s) for s in args.sides.split(",")):
        detector = TextRegionDetector(max_side=side, max_upscale=args.max_upscale)
        found = found_raw = total = off = regions_seen = 0
        by_kind: dict[str, list[int]] = {}
        seconds = 0.0
        for path, wanted in images:
            rgb = cv2.cvtColor(cv2.imread(str(path)), cv2.COLOR_BGR2RGB)
            detector.detect(rgb)  # warm
            start = time.perf_counter()
            regions = detector.detect(rgb)
            seconds += time.perf_counter() - start
            shown = hidden(regions)
            for label in wanted:
                hit = covered_share(label["box"], shown, rgb.shape[:2]) >= COVERED
                found_raw += covered_share(label["box"], regions, rgb.shape[:2]) >= COVERED
                found += hit
                total += 1
                by_kind.setdefault(label["kind"], [0, 0])
                by_kind[label["kind"]][0] += hit
                by_kind[label["kind"]][1] += 1
            regions_seen += len(regions)
            off += sum(not any(touches(r, label["box"]) for label in wanted) for r in regions)
        rows.append((side, found, total, by_kind, off, regions_seen, seconds / len(images),
                     found_raw))
    base = rows[0][6]
    print(f"\n{len(images)} images, {rows[0][2]} labelled regions (target: coverage >= 0.9)")
    print(f"{'input side':>10}{'covered':>10}{'coverage':>10}  {'by kind':<30}{'raw':>6}"
          f"{'off labels':>11}{'ms/image':>10}{'x base':>8}")
    for side, found, total, by_kind, off, seen, per, raw in rows:
        kinds = ", ".join(f"{k} {h}/{n}" for k, (h, n) in sorted(by_kind.items()))
        print(f"{side:>10}{found:>7}/{total:<2}{found / total:>10.2f}  {kinds:<30}"
              f"{raw / total:>6.2f}{off:>5}/{seen:<5}{per * 1000:>10.0f}{per / base:>8.2f}")
    print("covered: as an export hides text (each region grown by render.text_margin); "
          "raw: the detector's own boxes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
