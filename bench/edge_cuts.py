"""Faces cut by the picture's edge: how many a preset finds, with and without its edge drop.

    .venv/bin/python bench/edge_cuts.py [--preset balanced] [--faces 150] [--seed 3]
                                        [--edge-drop 0,0.5]

A person close to a body-worn camera is often half out of the picture. From the shared
WIDER and dlib stills (``bench/detect_recall.py`` loads them; never copied into the
repository) ``--faces`` faces of 24 px or more are drawn at random (``--seed``); each is cut
by each of the four edges of a window round it (4 face widths either side, 3 face heights
above and below, within the image) so that 40 % or 60 % of it is left in the picture: 8
cut faces per face (fewer where a window would be under 32 px). Per edge drop (the preset's
``edge_drop`` replaced; 0 is the baseline, measured in the same run):

* covered: the part shown is at least 70 % under the detections grown by padding 1.0 (as
  ``detect_recall`` scores coverage);
* matched: a detection matches the part shown at IoU 0.3;
* boxes: detections per window (a cut face plus whatever else the window holds: more boxes
  for the same faces found is the cost).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

import cv2
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from detect_recall import IMAGES, Sample, load_samples

from app.core.detection.detector import FaceDetector
from app.core.detection.presets import PRESETS
from app.core.detection.scoring import coverage, match

SHOWN = (0.4, 0.6)  # the share of the face left in the picture
SIDES = ("left", "right", "top", "bottom")


def cuts(sample: Sample, face: int, width: int,
         height: int) -> list[tuple[tuple[int, int, int, int], np.ndarray]]:
    """The windows (x1, y1, x2, y2) cutting ``face`` and, for each, the part shown in
    window pixels."""
    x1, y1, x2, y2 = (float(v) for v in sample.gt[face])
    fw, fh = x2 - x1, y2 - y1
    cx, cy = (x1 + x2) / 2, (y1 + y2) / 2
    window = (int(max(0, cx - 4 * fw)), int(max(0, cy - 3 * fh)), int(min(width, cx + 4 * fw)),
              int(min(height, cy + 3 * fh)))
    out = []
    for side in SIDES:
        for shown in SHOWN:
            a, b, c, d = window
            if side == "left":
                a = int(x2 - shown * fw)
            elif side == "right":
                c = int(np.ceil(x1 + shown * fw))
            elif side == "top":
                b = int(y2 - shown * fh)
            else:
                d = int(np.ceil(y1 + shown * fh))
            if d - b < 32 or c - a < 32:
                continue
            part = np.array([[max(x1, a) - a, max(y1, b) - b, min(x2, c) - a, min(y2, d) - b]],
                            np.float32)
            out.append(((a, b, c, d), part))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--preset", default="balanced", choices=sorted(PRESETS))
    parser.add_argument("--faces", type=int, default=150)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--edge-drop", default="0,0.5",
                        help="edge drops to measure, comma-separated (0 is always measured)")
    args = parser.parse_args()
    if not IMAGES.is_dir():
        print(f"test images not found at {IMAGES}", file=sys.stderr)
        return 2
    drops = sorted({0.0, *(float(v) for v in args.edge_drop.split(","))})
    samples = load_samples(IMAGES)
    rng = np.random.default_rng(args.seed)
    faces = [(s, int(i)) for s in samples
             for i in np.nonzero(s.gt[:, 2] - s.gt[:, 0] >= 24)[0]]
    rng.shuffle(faces)  # type: ignore[arg-type]
    faces = faces[:args.faces]
    preset = PRESETS[args.preset]
    detectors = {d: FaceDetector(dataclasses.replace(preset, edge_drop=d)) for d in drops}
    scores: dict[float, list[tuple[bool, bool, int]]] = {d: [] for d in drops}
    for sample, face in faces:
        image = cv2.imread(str(sample.path))[:, :, ::-1]
        height, width = image.shape[:2]
        for (a, b, c, d), part in cuts(sample, face, width, height):
            crop = np.ascontiguousarray(image[b:d, a:c])
            for drop, detector in detectors.items():
                boxes, _ = detector.detect_boxes(crop, fine=True)
                scores[drop].append((bool(coverage(part, boxes, crop.shape[:2], 1.0)[0] >= 0.7),
                                     bool(match(part, boxes, 0.3)[0][0]), len(boxes)))
    for detector in detectors.values():
        detector.close()
    base = np.array(scores[0.0], np.float64)
    print(f"preset {args.preset}: {len(faces)} faces (seed {args.seed}), {len(base)} cut "
          f"faces ({', '.join(f'{v:.0%}' for v in SHOWN)} of each left in the picture)")
    print(f"{'edge drop':>10}{'covered':>9}{'matched':>9}{'boxes':>8}  missed vs no drop")
    for drop in drops:
        got = np.array(scores[drop], np.float64)
        missed, missed0 = 1 - got[:, 1].mean(), 1 - base[:, 1].mean()
        print(f"{drop:>10.2f}{got[:, 0].mean():>9.3f}{got[:, 1].mean():>9.3f}"
              f"{got[:, 2].mean():>8.2f}  {missed / max(missed0, 1e-9):.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
