"""Leak benchmark: faces an independent judge finds in the original but the export shows.

    .venv/bin/python bench/leaks.py [--clip PATH ...] [--preset NAME ...] [--max-frames N]
                                    [--json OUT] [--save-leaks DIR] [--save-cap N] [--no-union]
                                    [--judge-thresholds P R O] [--heads [on|off]]

For each clip (default: every .mp4/.mov in ../shared/testdata/videos and crowds/videos) and
preset (default: the app's default preset) it ingests the clip into a temporary store, runs
the whole ``redact_footage`` pipeline with the default plan (every track redacted) and times it
(real-time factor = clip duration / wall time). Then it decodes the original and the export
in step (stored pixels, same frame count; both are turned upright by the display rotation only
for the judge) and runs the judge (``bench/judge.py``: MTCNN, 2x upscale, faces from ~6 px)
on every original frame. A judge face on frame f is LEAKED when

* less than 90 % of its box is "hidden" and at least 0.35 of its fine detail survives
  (correlation of the Laplacian inside the box, original against export: 0.6-1 for an
  untouched face after re-encoding, near 0 once pixelated; this second condition stops
  flat, properly pixelated faces from counting as leaked). A pixel is "changed" when, after
  a 3x3 box blur of both frames (to damp H.264 ringing), some channel differs by more than
  6 of 255; "hidden"
  closes the gaps between changed pixels narrower than a quarter of the box (pixelation
  leaves pixels near their block's mean unchanged, so a pixelated face is a sieve of changed
  pixels; closing fills it without spreading past its outline, so an uncovered half of a face
  stays visible). Calibrated on three clips against a plain CRF 18 re-encode (no redaction):
  untouched faces read a median 0-31 % hidden (worst 83 %, on a grainy clip), pixelated ones
  about 100 %. With a 12-level threshold and no closing, every small, low-contrast pixelated
  face read 40-85 % hidden and so "leaked"; or
* the judge, run again on the export (a crop of twice the box around it, scaled so the face
  is about 48 px, never more than the judge's own upscale), still finds a face with IoU >= 0.3.
  On the untouched re-encodes it re-finds 95-99 % of the faces, so an untouched face that the
  pixel test passes by bad luck is still caught; the default plan's pixelated faces were
  never re-found there.

Nothing here reads the pipeline's boxes: only pixel differences and the judge's eyes count.
The "unlist" column counts leaked face-frames on no frame of the export's review ranges
(``review_needed`` in its manifest): leaks a reviewer following the list would not be sent to
(issue 17: no leak left unlisted).
The "rev" column counts leaked face-frames whose judge box a person looked at and found not
to be a face (``judge_reviewed.json``, see ``reviewed_judge.py``: logos, signs, a plaque, floor
tiles, legs); they still count in "leaked", and the total line gives the leaks of 16 px and
over less them. A leak that is not on that list is never set apart.
The "chg%" column is the share of the picture the export changed (16 px blocks with a fifth
or more of their pixels changed, averaged over frames): what the redaction costs the viewer.
Faces are linked across frames (greedy IoU >= 0.3 with the previous frame) to report the
longest run of consecutive leaked frames of one face. ``--save-leaks DIR`` writes
``CLIP.PRESET.fFRAME.JUDGE.xXyY.hHIDDEN[.redet][.unlisted].png``: original (judge box in red)
| export.
``--max-frames N`` benchmarks a re-encoded copy of each clip's first N frames instead. Cost:
the judge takes about 1-3 s per 720p frame on two cores, CenterFace at 2x about 1 s;
``--judge-cache DIR`` keeps the judge's look at each original frame and reuses it on the next
run (``judge_cache.py``: keyed by the frame's pixels; the export is always judged afresh).

Limitations, read before trusting a zero:

* The judge is blind to much: MTCNN finds about 64 % of faces in dense WIDER crowds (most of
  the tiny, blurred, occluded and profile ones are missed), so "0 leaked" means "0 of the faces
  MTCNN sees". Faces it misses are not checked at all. It also has false positives at 2x
  (posters, reflections, a torso in clutter): count them out by looking at the crops before
  reading a "leaked" as a person. The union columns add our own CenterFace at its most
  sensitive setting (threshold 0.2, 2x) on the original frames; its faces not matched to an
  MTCNN face are checked by the pixel criterion only. At 0.2 it also finds non-faces, which
  the pipeline rightly leaves alone: union leaks are an upper bound to inspect, not a count
  of leaked people. CenterFace is also the pipeline's own detector, so what both miss stays
  unseen: no judge here sees the faces neither network can find.
* The pixel criterion is about change, not about recognisability. Pixelation replaces a block
  by its mean, so where a whole block is flat (plain skin, a dark hood, an over-exposed face)
  nothing moves by more than the threshold and closing cannot fill it: a properly pixelated
  flat face can still be counted as leaked (look at the crops). Closing also fills a visible
  strip narrower than a quarter of the face between two redacted areas. Conversely a light
  blur of a detailed face changes most pixels while leaving it recognisable; the judge's
  second look is what catches that, when it still sees the face.
* A pixelated face can still look like a face to the judge (low-frequency layout survives):
  a re-detection alone is counted as a leak, and reported in its own column ("redet").
* A face the judge misses for one frame starts a new track, so "longest leak" is a lower
  bound on the real run.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

import av
import cv2
import numpy as np
import numpy.typing as npt

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from judge import MtcnnJudge, greedy_match, iou_matrix
from judge_cache import CachedJudge
from reviewed_judge import load as load_reviewed
from reviewed_judge import set_apart

from app.core.detection.centerface import CenterFaceDetector
from app.core.detection.presets import DEFAULT_PRESET, PRESETS, Preset, get_preset
from app.core.export.pipeline import redact_footage
from app.core.export.video_export import EncodeOptions
from app.core.library.ingest import ingest_paths
from app.core.media.decode import main_video, rgb_of
from app.core.media.probe import probe
from app.core.media.rotation import upright
from app.core.people.users import resolve_actor
from app.core.policy.store_policy import set_policy
from app.core.redaction.plan import RedactionPlan
from app.core.store.database import Store

TESTDATA = Path(__file__).resolve().parents[2] / "shared" / "testdata"
CLIP_DIRS = (TESTDATA / "videos", TESTDATA / "crowds" / "videos")
DIFF_THRESHOLD = 6  # max channel difference (of 255) after the 3x3 blur: "changed"
CLOSE_FRACTION = 4  # gaps in the changed pixels up to box width / 4 are closed
HIDDEN_SHARE = 0.9  # a face is safe when at least this share of its box changed
DETAIL_KEPT = 0.35  # ... or when less than this of its fine detail survives (correlation)
MATCH_IOU = 0.3  # re-detection, track links and the judges' union
REVIEWED = load_reviewed()
BUCKETS = ((0, 16, "<16"), (16, 32, "16-32"), (32, 64, "32-64"), (64, 1 << 30, "64+"))
Image = npt.NDArray[np.uint8]
Boxes = npt.NDArray[np.float32]


@dataclass
class Row:
    clip: str
    preset: str
    frames: int = 0
    faces: int = 0  # judge face-frames
    leaked: int = 0
    redetected: int = 0  # leaked because the judge still sees the face in the export
    leaked_by_width: dict[str, int] = field(
        default_factory=lambda: {label: 0 for *_, label in BUCKETS})
    faces_by_width: dict[str, int] = field(
        default_factory=lambda: {label: 0 for *_, label in BUCKETS})
    longest_leak: int = 0
    unlisted: int = 0  # leaked judge face-frames on no frame of a review range (issue 17)
    reviewed: int = 0  # leaked judge "faces" a person found not to be faces (reviewed_judge)
    reviewed_big: int = 0  # ... of them 16 px wide or more
    rtf: float = 0.0
    union: bool = True  # the CenterFace union ran
    union_faces: int = 0
    union_leaked: int = 0
    changed: float = 0.0  # summed over frames: the share of the picture the export changed
    note: str = ""
    leaks: list[dict[str, object]] = field(default_factory=list)


def trimmed(source: Path, out: Path, frames: int) -> Path:
    """The first ``frames`` frames of ``source`` as H.264 (CRF 16, same timestamps, no
    audio), keeping the display rotation: the clip benchmarked instead of ``source``."""
    with av.open(str(source)) as inp, av.open(str(out), "w") as outc:
        vin = inp.streams.video[0]
        vout = outc.add_stream("libx264", rate=vin.average_rate)
        vout.width, vout.height, vout.pix_fmt = vin.width, vin.height, "yuv420p"
        vout.time_base = vout.codec_context.time_base = vin.time_base
        vout.codec_context.options = {"crf": "16", "preset": "veryfast"}
        rotation = probe(source).rotation
        if rotation:
            vout.set_display_rotation(rotation)
        for i, frame in enumerate(inp.decode(vin)):
            if i >= frames:
                break
            frame.pict_type = av.video.frame.PictureType.NONE
            outc.mux(vout.encode(frame))
        outc.mux(vout.encode())
    return out


def frames_of(path: Path) -> Iterator[Image]:
    """Stored RGB frames in decode order."""
    with av.open(str(path)) as container:
        stream = main_video(container)  # the stream the app reads, by its colours
        stream.thread_type = "AUTO"
        for frame in container.decode(stream):
            yield rgb_of(frame)


def changed_mask(original: Image, export: Image) -> npt.NDArray[np.uint8]:
    """1 where the export changed a pixel beyond re-encoding noise (3x3 box blur of both,
    largest channel difference > ``DIFF_THRESHOLD``), else 0."""
    a = cv2.blur(original, (3, 3)).astype(np.int16)
    b = cv2.blur(export, (3, 3)).astype(np.int16)
    return (np.abs(a - b).max(axis=2) > DIFF_THRESHOLD).astype(np.uint8)


def picture_changed(changed: npt.NDArray[np.uint8]) -> float:
    """Share of the picture the export changed: 16 px blocks with a fifth or more of their
    pixels changed (pixelation leaves a sieve of changed pixels; noise leaves few)."""
    h, w = changed.shape
    blocks = cv2.resize(changed.astype(np.float32), (max(1, w // 16), max(1, h // 16)),
                        interpolation=cv2.INTER_AREA)
    return float((blocks >= 0.2).mean())


def _clip_box(box: npt.NDArray[np.float32], shape: tuple[int, ...]) -> tuple[int, ...]:
    h, w = shape[:2]
    x1, y1 = int(np.clip(np.floor(box[0]), 0, w)), int(np.clip(np.floor(box[1]), 0, h))
    x2, y2 = int(np.clip(np.ceil(box[2]), 0, w)), int(np.clip(np.ceil(box[3]), 0, h))
    return x1, y1, max(x2, x1), max(y2, y1)


def hidden_share(changed: npt.NDArray[np.uint8], box: npt.NDArray[np.float32]) -> float:
    """Share of the box (inside the frame) that is hidden: changed pixels, with gaps
    narrower than a quarter of the box closed (morphological closing, elliptic kernel)."""
    k = max(3, round(float(box[2] - box[0]) / CLOSE_FRACTION)) | 1
    x1, y1, x2, y2 = _clip_box(box, changed.shape)
    if x2 <= x1 or y2 <= y1:
        return 1.0
    h, w = changed.shape
    gx1, gy1, gx2, gy2 = max(0, x1 - k), max(0, y1 - k), min(w, x2 + k), min(h, y2 + k)
    closed = cv2.morphologyEx(changed[gy1:gy2, gx1:gx2], cv2.MORPH_CLOSE,
                              cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (k, k)))
    return float(closed[y1 - gy1:y2 - gy1, x1 - gx1:x2 - gx1].mean())


def detail_kept(original: Image, export: Image, box: npt.NDArray[np.float32]) -> float:
    """Correlation of the fine detail (Laplacian of the luma) inside the box between the
    original and the export: about 0.6-1 for an untouched face after re-encoding, near 0 for
    a pixelated one (its block edges are detail of its own, not the face's), about half for
    a face half uncovered."""
    x1, y1, x2, y2 = _clip_box(box, original.shape)
    if x2 - x1 < 3 or y2 - y1 < 3:
        return 0.0
    a, b = (cv2.Laplacian(cv2.cvtColor(np.ascontiguousarray(x[y1:y2, x1:x2]),
                                       cv2.COLOR_RGB2GRAY), cv2.CV_32F).ravel()
            for x in (original, export))
    a, b = a - a.mean(), b - b.mean()
    return float((a * b).sum() / (np.sqrt((a * a).sum() * (b * b).sum()) + 1e-6))


def redetected(judge: MtcnnJudge | CachedJudge, export: Image,
               box: npt.NDArray[np.float32]) -> bool:
    """Whether the judge still finds a face with IoU >= 0.3 on ``box`` in the export.

    Looks at a crop of twice the box (cheap, and MTCNN only looks locally anyway) resized
    so that the face is about 48 px wide, never more than the judge's own upscale."""
    w, h = box[2] - box[0], box[3] - box[1]
    grown = np.array([box[0] - w / 2, box[1] - h / 2, box[2] + w / 2, box[3] + h / 2])
    x1, y1, x2, y2 = _clip_box(grown, export.shape)
    if x2 - x1 < 4 or y2 - y1 < 4:
        return False
    factor = min(48.0 / max(float(w), 1.0), judge.upscale)
    crop = cv2.resize(export[y1:y2, x1:x2], (max(1, round((x2 - x1) * factor)),
                                            max(1, round((y2 - y1) * factor))),
                      interpolation=cv2.INTER_AREA if factor < 1 else cv2.INTER_LINEAR)
    found = judge.detect(crop, upscale=1.0)
    if len(found) == 0:
        return False
    found[:, [0, 2]] = found[:, [0, 2]] / factor + x1
    found[:, [1, 3]] = found[:, [1, 3]] / factor + y1
    return bool((iou_matrix(box[None, :4], found[:, :4]) >= MATCH_IOU).any())


class LeakRuns:
    """Greedy IoU tracks of judge faces; the longest run of consecutive leaked frames."""

    def __init__(self) -> None:
        self.boxes: Boxes = np.zeros((0, 5), np.float32)
        self.runs: list[int] = []
        self.longest = 0

    def update(self, boxes: Boxes, leaked: list[bool]) -> None:
        runs = [0] * len(boxes)
        for prev, cur in greedy_match(iou_matrix(self.boxes, boxes), MATCH_IOU):
            runs[cur] = self.runs[prev]
        self.runs = [run + 1 if leak else 0 for run, leak in zip(runs, leaked, strict=True)]
        self.longest = max([self.longest, *self.runs])
        self.boxes = boxes


def save_crop(folder: Path, name: str, original: Image, export: Image,
              box: npt.NDArray[np.float32]) -> None:
    """PNG of the box with a margin: original | export, enlarged to at least 128 px high."""
    w, h = box[2] - box[0], box[3] - box[1]
    grown = np.array([box[0] - w / 2, box[1] - h / 2, box[2] + w / 2, box[3] + h / 2])
    x1, y1, x2, y2 = _clip_box(grown, original.shape)
    if x2 <= x1 or y2 <= y1:
        return
    pair = [img[y1:y2, x1:x2].copy() for img in (original, export)]
    bx1, by1, bx2, by2 = _clip_box(box, original.shape)
    cv2.rectangle(pair[0], (bx1 - x1, by1 - y1), (bx2 - x1 - 1, by2 - y1 - 1), (255, 0, 0), 1)
    strip = np.concatenate([pair[0], np.full((y2 - y1, 2, 3), 255, np.uint8), pair[1]], axis=1)
    zoom = max(1, int(np.ceil(128 / (y2 - y1))))
    strip = cv2.resize(strip, None, fx=zoom, fy=zoom, interpolation=cv2.INTER_NEAREST)
    folder.mkdir(parents=True, exist_ok=True)
    cv2.imwrite(str(folder / name), cv2.cvtColor(strip, cv2.COLOR_RGB2BGR))


def bucket(width: float) -> str:
    return next(label for lo, hi, label in BUCKETS if lo <= width < hi)


def evaluate(row: Row, original: Path, export: Path, rotation: int,
             judge: MtcnnJudge | CachedJudge,
             union: CenterFaceDetector | None, save: Path | None, save_cap: int,
             listed: set[int] | None = None) -> None:
    """Compare ``export`` with ``original`` frame by frame into ``row``; ``listed``: the
    frames inside the export's review ranges (a leak elsewhere is ``unlisted``)."""
    runs = LeakRuns()
    row.union = union is not None
    saved = {"mtcnn": 0, "cf": 0}  # crops written per judge, each up to save_cap
    stem = f"{original.stem}.{row.preset}"
    frames_a, frames_b = frames_of(original), frames_of(export)
    for index, (stored_a, stored_b) in enumerate(zip(frames_a, frames_b, strict=False)):
        if stored_a.shape != stored_b.shape:
            raise RuntimeError(f"{export}: frame {index} is {stored_b.shape}, the original "
                               f"{stored_a.shape}")
        a, b = upright(stored_a, rotation), upright(stored_b, rotation)
        changed = changed_mask(a, b)
        row.changed += picture_changed(changed)
        faces = judge.detect(a)
        whats = set_apart(REVIEWED, row.clip, index, faces)
        leaked = []
        for k, box in enumerate(faces):
            share = hidden_share(changed, box)
            seen = redetected(judge, b, box)
            leak = (share < HIDDEN_SHARE and detail_kept(a, b, box) >= DETAIL_KEPT) or seen
            label = bucket(float(box[2] - box[0]))
            row.faces_by_width[label] += 1
            leaked.append(leak)
            if not leak:
                continue
            row.leaked += 1
            row.unlisted += listed is not None and index not in listed
            row.redetected += seen
            row.leaked_by_width[label] += 1
            what = whats[k]
            row.reviewed += bool(what)
            row.reviewed_big += bool(what) and label != "<16"
            row.leaks.append({"frame": index, "judge": "mtcnn", "redetected": seen,
                              "listed": listed is None or index in listed, "reviewed": what,
                              "box": [round(float(v), 1) for v in box[:4]],
                              "score": round(float(box[4]), 3), "hidden": round(share, 3)})
            if save and saved["mtcnn"] < save_cap:
                saved["mtcnn"] += 1
                save_crop(save, f"{stem}.f{index:05d}.mtcnn.x{int(box[0])}y{int(box[1])}"
                          f".h{share * 100:.0f}{'.redet' if seen else ''}"
                          f"{'' if listed is None or index in listed else '.unlisted'}.png",
                          a, b, box)
        row.faces += len(faces)
        runs.update(faces, leaked)
        if union is not None:
            extra = union.detect(a)
            matched = {c for _, c in greedy_match(iou_matrix(faces, extra), MATCH_IOU)}
            for k, box in enumerate(extra):
                if k in matched:
                    continue
                row.union_faces += 1
                share = hidden_share(changed, box)
                if share >= HIDDEN_SHARE or detail_kept(a, b, box) < DETAIL_KEPT:
                    continue
                row.union_leaked += 1
                row.leaks.append({"frame": index, "judge": "centerface",
                                  "box": [round(float(v), 1) for v in box[:4]],
                                  "score": round(float(box[4]), 3),
                                  "hidden": round(share, 3)})
                if save and saved["cf"] < save_cap:
                    saved["cf"] += 1
                    save_crop(save, f"{stem}.f{index:05d}.cf.x{int(box[0])}y{int(box[1])}"
                              f".h{share * 100:.0f}.png", a, b, box)
        row.frames = index + 1
    row.longest_leak = runs.longest
    extra_a, extra_b = sum(1 for _ in frames_a), sum(1 for _ in frames_b)
    if extra_a or extra_b:  # zip may have dropped one more original frame
        row.note = f"frame counts differ: {extra_a}+ more in the original, {extra_b} in export"


def bench_store(folder: Path, name: str) -> Store:
    """A store in ``folder`` whose exports need no approval (the bench's are not releases)."""
    store = Store(f"sqlite:///{folder / name}", folder / "data")
    with store.transaction() as session:
        set_policy(session, resolve_actor(session, "bench"), require_approval=False)
    return store


def redacted_each(store: Store, copy: Path,
                  presets: list[Preset]) -> list[tuple[Preset, Path, float]]:
    """``copy`` ingested into ``store`` and exported with each of ``presets`` in turn (the
    default plan: every track redacted; detection never reused), as (preset, the export
    beside the copy, real-time factor); none, said why, when it cannot be ingested."""
    duration = probe(copy).duration_s
    (result,) = ingest_paths(store, "bench", [copy])
    if result.footage_id is None:
        print(f"{copy}: not ingested ({result.message})")
        return []
    done = []
    for number, preset in enumerate(presets):
        out = copy.with_name(f"{copy.stem}.{number}.mp4")
        start = time.perf_counter()
        redact_footage(store, "bench", result.footage_id, out, RedactionPlan(), preset=preset,
                       reuse=False, options=EncodeOptions(force=True))
        done.append((preset, out, duration / (time.perf_counter() - start)))
    return done


def default_clips() -> list[Path]:
    return sorted(p for folder in CLIP_DIRS for pattern in ("*.mp4", "*.mov")
                  for p in folder.glob(pattern))


def print_table(rows: list[Row]) -> None:
    widths = " ".join(f"{label:>6}" for *_, label in BUCKETS)
    print(f"\n{'clip':<36} {'preset':<14} {'frames':>6} {'faces':>6} {'leaked':>6} "
          f"{'redet':>5} {'rev':>4}  leaked by width: {widths}  {'longest':>7} {'unlist':>6} "
          f"{'RTF':>5} {'chg%':>5}  union faces/leaked")
    for r in rows:
        by_width = " ".join(f"{r.leaked_by_width[label]:>6}" for *_, label in BUCKETS)
        print(f"{r.clip[:36]:<36} {r.preset:<14} {r.frames:>6} {r.faces:>6} {r.leaked:>6} "
              f"{r.redetected:>5} {r.reviewed:>4}  {'':>17}{by_width}  "
              f"{r.longest_leak:>7} {r.unlisted:>6} "
              f"{r.rtf:>5.2f} {100 * r.changed / max(r.frames, 1):>5.1f}  "
              + (f"{r.union_faces:>5} / {r.union_leaked:<5}" if r.union else f"{'-':>5}   -    ")
              + (f"  {r.note}" if r.note else ""))
    faces = sum(r.faces for r in rows)
    leaked = sum(r.leaked for r in rows)
    if faces:
        print(f"total: {leaked} of {faces} judge face-frames leaked "
              f"({100 * leaked / faces:.1f} %), {sum(r.unlisted for r in rows)} of them on no "
              "frame of a review range; judge faces by width: " + ", ".join(
                  f"{label} {sum(r.faces_by_width[label] for r in rows)}"
                  for *_, label in BUCKETS))
        big = sum(sum(v for k, v in r.leaked_by_width.items() if k != "<16") for r in rows)
        reviewed_big = sum(r.reviewed_big for r in rows)
        print(f"reviewed by eye (bench/judge_reviewed.json): {sum(r.reviewed for r in rows)} "
              f"of the {leaked} leaked are judge detections found not to be faces (the 'rev' "
              f"column); leaked face-frames 16 px or wider: {big}, of them reviewed not faces "
              f"{reviewed_big}, unreviewed {big - reviewed_big}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clip", type=Path, action="append",
                        help="a video (repeatable); default: every shared test video")
    parser.add_argument("--preset", action="append", choices=sorted(PRESETS),
                        help=f"repeatable; default: {DEFAULT_PRESET}")
    parser.add_argument("--max-frames", type=int,
                        help="benchmark only a re-encoded copy of each clip's first N frames")
    parser.add_argument("--json", type=Path, help="write the rows (and each leak) here")
    parser.add_argument("--save-leaks", type=Path, metavar="DIR",
                        help="PNG crops (original | export) of leaked face-frames")
    parser.add_argument("--save-cap", type=int, default=40, help="crops per clip, preset and judge")
    parser.add_argument("--no-union", action="store_true", help="skip the CenterFace union")
    parser.add_argument("--judge-cache", type=Path, metavar="DIR",
                        help="keep the judge's look at each original frame here and reuse "
                             "it (bench/judge_cache.py); the export is always judged afresh")
    parser.add_argument("--heads", nargs="?", const="both", choices=("both", "on", "off"),
                        help="each preset with heads of people seen from behind off and on "
                             "(every 0.5 s at 640 px), labelled PRESET-heads and PRESET+heads; "
                             "'on' or 'off': only that")
    parser.add_argument("--judge-thresholds", type=float, nargs=3, default=(0.6, 0.7, 0.7),
                        metavar=("P", "R", "O"), help="MTCNN stage thresholds (reference: "
                        "0.6 0.7 0.7; O 0.9 drops most of its false positives in clutter)")
    args = parser.parse_args()
    presets: list[str | Preset] = list(args.preset or [DEFAULT_PRESET])
    if args.heads:
        presets = [replace(get_preset(str(name)), name=f"{name}{sign}heads",
                           heads_every_s=every, heads_max_side=640)
                   for name in presets for sign, every in (("-", 0.0), ("+", 0.5))
                   if args.heads == "both" or (sign == "+") == (args.heads == "on")]
    clips = args.clip or default_clips()
    judge = MtcnnJudge(thresholds=tuple(args.judge_thresholds))
    union = None if args.no_union else CenterFaceDetector(threshold=0.2, scale=2.0)
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        store = bench_store(tmp, "leaks.sqlite3")
        try:
            for number, source in enumerate(clips):
                clip = source
                if args.max_frames:
                    clip = trimmed(source, tmp / f"{number}_{source.stem}.mp4",
                                   args.max_frames)
                info = probe(clip)
                (result,) = ingest_paths(store, "bench", [clip])
                if result.footage_id is None:
                    print(f"{source}: not ingested ({result.message})")
                    continue
                for preset in presets:
                    name = preset if isinstance(preset, str) else preset.name
                    row = Row(source.name, name)
                    out = tmp / f"{number}_{source.stem}.{name}.redacted.mp4"
                    print(f"{source.name} [{name}]: {info.width}x{info.height}, "
                          f"{info.frame_count} frames; redacting ...", flush=True)
                    start = time.perf_counter()
                    done = redact_footage(store, "bench", result.footage_id, out,
                                          RedactionPlan(), preset=preset, reuse=False,
                                          options=EncodeOptions(force=True))
                    row.rtf = info.duration_s / (time.perf_counter() - start)
                    listed = {f for r in done.analysis.review
                              for f in range(r.start_frame, r.end_frame + 1)}
                    start = time.perf_counter()
                    looks = CachedJudge(judge, args.judge_cache, clip) \
                        if args.judge_cache else judge
                    evaluate(row, clip, out, info.rotation, looks, union, args.save_leaks,
                             args.save_cap, listed)
                    if isinstance(looks, CachedJudge):
                        looks.save()
                    print(f"  judged in {time.perf_counter() - start:.0f} s: {row.faces} "
                          f"faces, {row.leaked} leaked", flush=True)
                    rows.append(row)
        finally:
            store.close()
    print_table(rows)
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in rows], indent=1) + "\n",
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
