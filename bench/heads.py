"""Heads of people seen from behind (issue 20): how many hand-labelled heads the person
detector's head regions cover, and at what cost.

    .venv/bin/python bench/heads.py [--sides 416 640 960]

For each input size of the person detector (YOLOX-Nano, the frame's longer side scaled to
it, never enlarged):

* **heads from behind**: the hand-labelled heads of people seen from behind in
  ``tests/heads_labels.json`` (people over 60 px tall), in photographs and in frames of the
  test clips, apart; a head counts as covered when 90 % of its box lies under the head
  regions (``people.head_regions``, as rectangles, without the plan's padding). Target:
  coverage >= 0.9.
* **WIDER faces**: the official face boxes of the 45 WIDER images of the test data
  (``images/wider_val`` and ``crowds/images``), 10 px wide or more, covered 70 % or more by
  the head regions (the face's head is the person's head: an independent check of where
  the regions are put, on far more people; faces of people the detector misses count
  against it, so this is a floor, not the heads' coverage);
* **regions**: head regions per image (no ground truth for precision: a region on a person
  is wanted whichever way they face), the share of the picture they hide, and milliseconds
  per image (2 cores).

Then the clips' labelled heads **through the pipeline**: ``detect_video`` with heads looked
for every 0.5 s at 640 px (as ``thorough``; the fast face settings, which do not move heads),
each labelled frame's head regions as the run holds them, found there or carried by motion
from the nearest look.
"""

from __future__ import annotations

import argparse
import dataclasses
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
from app.core.detection.presets import get_preset
from app.core.detection.video import detect_video
from app.core.media.frame_reader import FrameReader

LABELS = Path(__file__).resolve().parents[1] / "tests" / "heads_labels.json"


def rgb_of(path: Path) -> np.ndarray:
    image = cv2.imread(str(path))
    if image is None:
        raise SystemExit(f"{path}: not a readable image")
    return np.ascontiguousarray(image[:, :, ::-1])


def clip_frame(path: Path, number: int) -> np.ndarray:
    """Frame ``number`` (from 0) of a clip, as RGB."""
    with FrameReader(path) as reader:
        return reader.frame(number).rgb


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


def shares(detector: PersonDetector, sets: list[tuple[np.ndarray, np.ndarray]]) -> list[float]:
    """Each labelled head's share under the head regions of its picture."""
    return [s for rgb, heads in sets for s in under(
        head_regions(detector.detect(rgb), rgb.shape[1]), heads, rgb.shape)]


def hidden_share(regions: np.ndarray, shape: tuple[int, ...]) -> float:
    """Share of the picture under the regions."""
    full = np.array([[0, 0, shape[1], shape[0]]], np.float32)
    return float(under(regions, full, shape)[0])


def pipeline(clips: list[dict]) -> list[float]:
    """Each labelled clip head's share under the run's head regions on its frame."""
    preset = dataclasses.replace(get_preset("fast"), heads_every_s=0.5, heads_max_side=640)
    shares: list[float] = []
    for name in dict.fromkeys(item["file"] for item in clips):
        run = detect_video(TESTDATA / name, preset)
        for item in (i for i in clips if i["file"] == name):
            frame = run.frames[item["frame"]]
            assert frame.index == item["frame"], (name, frame.index)
            regions = np.array([[d.x, d.y, d.x + d.w, d.y + d.h, d.score] for d in frame.heads],
                               np.float32).reshape(-1, 5)
            shares += list(under(regions, np.array(item["heads"], np.float32),
                                 (run.height, run.width)))
    return shares


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sides", type=int, nargs="+", default=[416, 640, 960])
    args = parser.parse_args()
    labels = json.loads(LABELS.read_text())
    photos = [(rgb_of(TESTDATA / i["file"]), np.array(i["heads"], np.float32))
              for i in labels["images"]]
    frames = [(clip_frame(TESTDATA / i["file"], i["frame"]), np.array(i["heads"], np.float32))
              for i in labels["clips"]]
    wider = load_wider(IMAGES / "wider_val", "wider") + load_wider(CROWDS, "crowds")
    print(f"heads from behind: {sum(len(h) for _r, h in photos)} in {len(photos)} photographs, "
          f"{sum(len(h) for _r, h in frames)} in {len(frames)} clip frames; "
          f"WIDER faces >= 10 px in {len(wider)} images")
    print(f"{'input side':<12}{'photographs':>13}{'clip frames':>13}{'all':>7}"
          f"{'WIDER faces':>13}{'regions/img':>13}{'hidden':>8}{'ms/image':>10}")
    for side in args.sides:
        detector = PersonDetector(max_side=side)

        photo, clip = shares(detector, photos), shares(detector, frames)
        faces, regions, hidden, seconds = [], 0, [], 0.0
        for sample in wider:
            rgb = rgb_of(sample.path)
            start = time.perf_counter()
            found = head_regions(detector.detect(rgb), rgb.shape[1])
            seconds += time.perf_counter() - start
            regions += len(found)
            hidden.append(hidden_share(found, rgb.shape))
            wide = sample.gt[(sample.gt[:, 2] - sample.gt[:, 0]) >= 10]
            faces += list(under(found, wide, rgb.shape))
        every = photo + clip
        print(f"{side:<12}{counted(photo):>13}{counted(clip):>13}"
              f"{sum(s >= 0.9 for s in every) / len(every):>7.2f}"
              f"{np.mean(np.array(faces) >= 0.7):>13.3f}{regions / len(wider):>13.1f}"
              f"{np.mean(hidden):>8.2f}{1000 * seconds / len(wider):>10.0f}")
    through = pipeline(labels["clips"])
    print(f"clip heads through the pipeline (heads every 0.5 s at 640 px): {counted(through)} "
          f"({sum(s >= 0.9 for s in through) / len(through):.2f}); shares "
          + " ".join(f"{s:.2f}" for s in through))
    return 0


def counted(shares: list[float]) -> str:
    return f"{sum(s >= 0.9 for s in shares)}/{len(shares)}"


if __name__ == "__main__":
    sys.exit(main())
