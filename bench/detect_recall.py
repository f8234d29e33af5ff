"""Face-detection recall, coverage and precision per preset on the shared test images.

    .venv/bin/python bench/detect_recall.py [--preset NAME ...] [--override key=value ...]
                                            [--turn 0|90|180|270]

Data (from ../shared/testdata, never copied into the repository):
* images/wider_val/: 5 WIDER FACE val images, 69 faces, with the official easy/medium/hard
  subsets;
* crowds/images/: 40 WIDER FACE val images of streets, riots, protests, traffic and raids
  (1,495 faces, official boxes and subsets);
* images/dlib_pascal_faces/: 9 PASCAL VOC images, 43 frontal faces (imglab XML).
WIDER faces flagged ``invalid`` in the official ground truth (and zero-width boxes) are left
out, as the official evaluation does. Rows ``all-wider`` pool both WIDER sets.

Figures per preset:
* recall@0.3 / recall@0.5: ground-truth faces matched one-to-one by a detection at that IoU;
* coverage: faces whose box is at least 70 % covered by the union of the detection boxes
  grown by the redaction padding (default: the default plan's, 1.6x), i.e. faces that
  would be hidden;
* precision@0.3: detections matched to a ground-truth face (on dlib, unannotated profile
  faces count against it, so it reads low);
* ms/image, and coverage by face width bucket (<10, 10-16, 16-32, 32-64, 64+ px), with
  ``all-wider >=10`` the faces 10 px wide or more (the targets are on these rows).

Each image is looked at as the app looks at a still (``detect_image``: the fine pass, and
the turned looks when the preset has them). ``--turn`` turns every image and its boxes by
that many degrees counter-clockwise first (a camera on its side; faces lying down), to
measure the turned looks (``turned_looks``) against the official boxes.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.core.detection.detector import FaceDetector
from app.core.detection.presets import PRESETS, Preset
from app.core.detection.scoring import coverage, match
from app.core.detection.turned_looks import still_turns
from app.core.media.rotation import box_to_upright, upright
from app.core.redaction.plan import RedactionPlan

TESTDATA = Path(__file__).resolve().parents[2] / "shared" / "testdata"
IMAGES = TESTDATA / "images"
CROWDS = TESTDATA / "crowds" / "images"
BUCKETS = [(0, 10), (10, 16), (16, 32), (32, 64), (64, 100_000)]


@dataclass
class Sample:
    dataset: str
    path: Path
    gt: np.ndarray  # (N, 4) x1, y1, x2, y2
    subsets: dict[str, list[int]]


def load_wider(folder: Path, dataset: str) -> list[Sample]:
    """WIDER images with their official boxes, invalid and zero-width faces left out."""
    samples = []
    wider = json.loads((folder / "wider_val_subset_gt.json").read_text())
    for name, entry in sorted(wider["images"].items()):
        valid = [i for i, f in enumerate(entry["faces"])
                 if not f.get("invalid") and f["w"] > 0 and f["h"] > 0]
        renumber = {old: new for new, old in enumerate(valid)}
        faces = [entry["faces"][i] for i in valid]
        gt = np.array([[f["x"], f["y"], f["x"] + f["w"], f["y"] + f["h"]] for f in faces],
                      np.float32).reshape(-1, 4)
        subsets = {k: [renumber[i] for i in v if i in renumber]
                   for k, v in entry["subset_face_indices_0based"].items()}
        samples.append(Sample(dataset, folder / name, gt, subsets))
    return samples


def load_samples(images: Path) -> list[Sample]:
    samples = load_wider(images / "wider_val", "wider")
    if CROWDS.is_dir():
        samples += load_wider(CROWDS, "crowds")
    for xml_name in ("training.xml", "testing.xml"):
        root = ET.parse(images / "dlib_pascal_faces" / xml_name).getroot()
        for image in root.iter("image"):
            gt = np.array([[float(b.get("left", 0)), float(b.get("top", 0)),
                            float(b.get("left", 0)) + float(b.get("width", 0)),
                            float(b.get("top", 0)) + float(b.get("height", 0))]
                           for b in image.iter("box")], np.float32)
            samples.append(Sample("dlib", images / "dlib_pascal_faces" / str(image.get("file")),
                                  gt, {}))
    return samples


def turned_sample(rgb: np.ndarray, gt: np.ndarray, turn: int) -> tuple[np.ndarray, np.ndarray]:
    """The picture and its ``x1, y1, x2, y2`` boxes turned ``turn`` degrees
    counter-clockwise."""
    if not turn:
        return rgb, gt
    height, width = rgb.shape[:2]
    boxes = [box_to_upright((b[0], b[1], b[2] - b[0], b[3] - b[1]), turn, width, height)
             for b in gt.tolist()]
    return upright(rgb, turn), np.array([[x, y, x + w, y + h] for x, y, w, h in boxes],
                                        np.float32).reshape(-1, 4)


def evaluate(preset: Preset, samples: list[Sample], padding: float,
             turn: int = 0) -> dict[str, object]:
    rows: dict[str, dict[str, list[float]]] = {}
    timings = []
    turns = still_turns(preset)
    with FaceDetector(preset) as detector:
        detector.detect_boxes(cv2.imread(str(samples[0].path))[:, :, ::-1].copy(), True)
        for sample in samples:
            rgb, gt = turned_sample(cv2.imread(str(sample.path))[:, :, ::-1].copy(), sample.gt,
                                    turn)
            s = dataclasses.replace(sample, gt=gt)
            t0 = time.perf_counter()
            det, _names = detector.detect_boxes(rgb, fine=True, turns=turns)
            timings.append((time.perf_counter() - t0) * 1000)
            m3, used3 = match(s.gt, det, 0.3)
            m5, _ = match(s.gt, det, 0.5)
            cov = coverage(s.gt, det, rgb.shape[:2], padding) >= 0.7
            widths = sample.gt[:, 2] - sample.gt[:, 0]  # as the face is upright
            groups = {s.dataset: list(range(len(s.gt)))}
            names = [s.dataset] + (["all-wider"] if s.dataset != "dlib" else [])
            for name in names:
                groups[name] = list(range(len(s.gt)))
                for subset, idx in s.subsets.items():
                    groups[f"{name}-{subset}"] = idx
                for lo, hi in BUCKETS:
                    groups[f"{name} w{lo}-{hi if hi < 100_000 else ''}"] = [
                        i for i in range(len(s.gt)) if lo <= widths[i] < hi]
                groups[f"{name} >=10"] = [i for i in range(len(s.gt)) if widths[i] >= 10]
            for key, idx in groups.items():
                r = rows.setdefault(key, {"n": [], "r3": [], "r5": [], "cov": [], "det": [],
                                          "tp": []})
                r["n"].append(len(idx))
                r["r3"].append(float(m3[idx].sum()))
                r["r5"].append(float(m5[idx].sum()))
                r["cov"].append(float(cov[idx].sum()))
            for name in names:
                rows[name]["det"].append(float(len(det)))
                rows[name]["tp"].append(float(used3))
    out: dict[str, object] = {"ms_per_image": float(np.mean(timings))}
    for key, r in rows.items():
        n = sum(r["n"])
        if n == 0:
            continue
        entry = {"faces": n, "recall@0.3": sum(r["r3"]) / n, "recall@0.5": sum(r["r5"]) / n,
                 "coverage": sum(r["cov"]) / n}
        if r["det"]:
            entry["precision@0.3"] = sum(r["tp"]) / max(sum(r["det"]), 1)
        out[key] = entry
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--preset", action="append", choices=sorted(PRESETS),
                        help="preset(s) to measure (default: all)")
    parser.add_argument("--override", action="append", default=[], metavar="KEY=VALUE",
                        help="change a preset field for this run, e.g. quick_scale=1.5")
    parser.add_argument("--padding", type=float, default=RedactionPlan().padding)
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    parser.add_argument("--turn", type=int, default=0, choices=(0, 90, 180, 270),
                        help="turn every image (and its boxes) this far counter-clockwise")
    args = parser.parse_args()
    if not IMAGES.is_dir():
        print(f"test images not found at {IMAGES}", file=sys.stderr)
        return 2
    samples = load_samples(IMAGES)
    results = {}
    for name in args.preset or list(PRESETS):
        preset = PRESETS[name]
        for item in args.override:
            key, value = item.split("=", 1)
            preset = dataclasses.replace(preset, **{key: json.loads(value)})
        results[name] = evaluate(preset, samples, args.padding, args.turn)
        print_table(name + (f", images turned {args.turn}" if args.turn else ""), results[name])
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


def print_table(name: str, result: dict[str, object]) -> None:
    print(f"\n== preset {name}: {result['ms_per_image']:.0f} ms/image")
    print(f"{'set':<24}{'faces':>6}{'rec@.3':>8}{'rec@.5':>8}{'cover':>8}{'prec@.3':>9}")
    for key, entry in result.items():
        if not isinstance(entry, dict):
            continue
        prec = entry.get("precision@0.3")
        print(f"{key:<24}{entry['faces']:>6}{entry['recall@0.3']:>8.3f}"
              f"{entry['recall@0.5']:>8.3f}{entry['coverage']:>8.3f}"
              f"{'' if prec is None else f'{prec:>9.3f}'}")


if __name__ == "__main__":
    sys.exit(main())
