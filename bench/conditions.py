"""Leaks of a preset on copies of the developer clips made in conditions they lack.

    .venv/bin/python bench/conditions.py [--clip PATH ...] [--preset balanced]
                                         [--condition smear,crushed,...] [--judge-cache DIR]
                                         [--save-leaks DIR]

The project is judged on footage nobody here has seen. Body-worn footage is smeared, crushed
by the camera's encoder, shot into the sun, under orange street lights, through a misted or
rain-smeared lens, through a wide-angle lens, at lower frame rates and sizes; the developer
clips are mostly clean. So each clip (default: every clip in ../shared/testdata/videos and
crowds/videos but the MOT20 crowd, whose 1,008 frames take long here; ``--clip`` to
choose) is made into a copy per condition (H.264, in a temporary folder, never kept):

* ``smear``: each frame blurred along a line in a random direction, 0.6-1.6 % of the
  frame's width long (a camera on a running officer's chest; the picture is smeared, not
  moved: ``15fps`` doubles the motion between frames);
* ``crushed``: the picture as it is, encoded at CRF 42 (blocks, smeared detail);
* ``fog``: half the contrast, lifted toward grey (a misted lens, haze);
* ``glare``: over-exposed: brightness ** 0.55 x 1.1 + 20, highlights burnt out;
* ``sodium``: orange street lighting (red 1.0, green 0.72, blue 0.35 of the picture) at
  0.75 of its brightness;
* ``noise``: colour grain of 14 levels in each channel (a cheap sensor's gain);
* ``blur``: out of focus (Gaussian, sigma of 1/640 of the width, at least 1 px);
* ``wide``: a wide-angle lens's barrel distortion (the picture's centre enlarged 1.25x,
  its edges squeezed; nothing cut off);
* ``15fps``: every other frame (half the frame rate: twice the motion between frames);
* ``5fps``: every sixth frame (CCTV and DVR exports often record a few frames a second: six
  times the motion between frames);
* ``half``: half the width and height (every face half as wide);
* ``interlaced``: each frame's odd rows from the frame before (analogue CCTV, DV: whatever
  moves is combed), encoded as interlaced (top field first), as such recordings are;
* ``combed``: the same pictures encoded as progressive, as conversion tools write them
  (nothing in the file says the picture is interlaced: ``media.combing`` must see it);
* ``misflagged``: the progressive pictures as they are, encoded as interlaced (top field
  first), as some encoders and conversion tools flag progressive footage: nothing is
  combed, and a look at one field alone would halve every face's rows;
* ``reencoded``: the same pictures encoded as progressive: what ``misflagged`` is measured
  against (the copy's encoding alone, without the flag);
* ``shake``: a camera on a running or struggling officer: the view jolts from frame to
  frame (a window of 85 % of the picture, moved by a random walk that springs back, shown
  enlarged to the full size; jumps at 720p of 21 px a frame on median, 43 at the 90th
  percentile, up to 69) and each frame is smeared along its jump. The other conditions
  move nothing: this one asks whether a box follows a face the camera throws about
  between detections.

The night, infrared and grain copies are ``bench/dark_frames.py``'s, the copies on their side
``bench/turned_frames.py``'s. Each copy goes through the whole ``redact_footage`` pipeline
with the preset (default plan: every track redacted). The faces to hide are the judge's
(MTCNN, ``bench/judge.py``) on the ORIGINAL frames, moved with the picture (``copies.py``;
its looks kept with ``--judge-cache`` as ``bench/leaks.py`` keeps them; the faces listed in
bench/judge_reviewed.json as not faces set apart). A face-frame is leaked by the pixel rule
of ``bench/leaks.py``; 16 px is measured on the copy. Printed per clip and condition: judge
face-frames, leaked face-frames of faces 16 px and over and under 16 px, the longest leak
of one face in frames, the share of the picture changed and the real-time factor; then the
totals per condition. ``--save-leaks DIR`` writes each leaked face of 16 px or more as a
crop of the export (the face and its width around it) to look at.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import cv2
import numpy as np
import numpy.typing as npt

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from copies import Box, Change, Image, each_copy, judged
from leaks import default_clips, frames_of, redacted_each

from app.core.detection.presets import DEFAULT_PRESET, get_preset

WIDE = 0.25  # barrel distortion: a point at radius r (1 at the corners) is drawn from r (1 +
# WIDE r^2) / (1 + WIDE): the corners stay, the centre is enlarged 1 + WIDE


def _smear(rgb: Image, rng: np.random.Generator) -> Image:
    width = rgb.shape[1]
    length = max(3, round(width * float(rng.uniform(0.006, 0.016))))
    angle = rng.uniform(0, np.pi)
    kernel = np.zeros((length, length), np.float32)
    c = (length - 1) / 2
    for t in np.linspace(-c, c, 4 * length):
        kernel[round(c + t * np.sin(angle)), round(c + t * np.cos(angle))] = 1
    return cv2.filter2D(rgb, -1, kernel / kernel.sum())


def _wide_maps(width: int, height: int) -> tuple[npt.NDArray[np.float32], ...]:
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32)
    cx, cy, norm = width / 2, height / 2, float(np.hypot(width / 2, height / 2))
    dx, dy = (xs - cx) / norm, (ys - cy) / norm
    grow = (1 + WIDE * (dx * dx + dy * dy)) / (1 + WIDE)
    return (cx + dx * grow * norm).astype(np.float32), (cy + dy * grow * norm).astype(np.float32)


def _wide(rgb: Image, rng: np.random.Generator) -> Image:
    maps = _wide_maps(rgb.shape[1], rgb.shape[0])
    return cv2.remap(rgb, maps[0], maps[1], cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)


def _wide_point(x: float, y: float, width: int, height: int) -> tuple[float, float]:
    """Where the point (x, y) of the original lies on the ``wide`` copy."""
    cx, cy, norm = width / 2, height / 2, float(np.hypot(width / 2, height / 2))
    sx, sy = (x - cx) / norm, (y - cy) / norm
    rs = float(np.hypot(sx, sy))
    if rs < 1e-9:
        return x, y
    rd = rs
    for _ in range(30):  # Newton: rd (1 + WIDE rd^2) / (1 + WIDE) = rs
        rd -= (rd * (1 + WIDE * rd * rd) - rs * (1 + WIDE)) / (1 + 3 * WIDE * rd * rd)
    return cx + sx * rd / rs * norm, cy + sy * rd / rs * norm


def _wide_box(box: Box, width: int, height: int) -> Box:
    x0, y0, x1, y1 = (float(v) for v in box[:4])
    edge = [(x, y) for x in np.linspace(x0, x1, 5) for y in np.linspace(y0, y1, 5)
            if x in (x0, x1) or y in (y0, y1)]
    xs, ys = zip(*(_wide_point(x, y, width, height) for x, y in edge), strict=True)
    return np.array([min(xs), min(ys), max(xs), max(ys)], np.float32)


def _half(rgb: Image, rng: np.random.Generator) -> Image:
    height, width = rgb.shape[:2]
    size = (max(2, width // 4 * 2), max(2, height // 4 * 2))  # even sides for yuv420p
    return cv2.resize(rgb, size, interpolation=cv2.INTER_AREA)


def _half_box(box: Box, width: int, height: int) -> Box:
    sx, sy = (width // 4 * 2) / width, (height // 4 * 2) / height
    return np.array([box[0] * sx, box[1] * sy, box[2] * sx, box[3] * sy], np.float32)


def _even_fields(rgb: Image, rng: np.random.Generator | None = None) -> Image:
    """The picture as it is, its height a multiple of 4 (interlaced 4:2:0: fields of even
    height; the bottom rows at most left out)."""
    return rgb[:rgb.shape[0] // 4 * 4]


def _as_is(rgb: Image, rng: np.random.Generator) -> Image:
    return rgb


class _Interlaced:
    """Interlaced capture (analogue CCTV, DV): each frame's odd rows are the field taken
    the frame before, so whatever moves is combed (twice a real field's delay: fast
    motion). Each copy starts afresh (``start``)."""

    def __init__(self) -> None:
        self.before: Image | None = None

    def start(self) -> None:
        self.before = None

    def __call__(self, rgb: Image, rng: np.random.Generator) -> Image:
        rgb = _even_fields(rgb)
        made = rgb.copy()
        if self.before is not None and self.before.shape == rgb.shape:
            made[1::2] = self.before[1::2]
        self.before = rgb
        return made


class _Shake:
    """The view jolting (``shake``): the kept frame k shows the window of SHAKE_VIEW of the
    picture at :meth:`corner` (k), enlarged to the full size, smeared along its jump. Each
    copy starts afresh at frame 0 (``start``)."""

    def __init__(self, seed: int = 7) -> None:
        self.jumps = np.random.default_rng(seed).normal(0, 0.2, (100_000, 2))
        self.walk: list[tuple[float, float]] = [(0.0, 0.0)]  # each kept frame's place, -1..1
        self.next = 0  # the copy's next kept frame

    def start(self) -> None:
        self.next = 0

    def place(self, k: int) -> tuple[float, float]:
        """Where the view is at kept frame k (-1..1 across and down): the same for every
        copy, so the judge's boxes follow it."""
        while len(self.walk) <= k:
            x, y = self.walk[-1]
            jump = self.jumps[len(self.walk)]
            self.walk.append((float(np.clip(0.55 * x + jump[0], -1, 1)),
                              float(np.clip(0.55 * y + jump[1], -1, 1))))
        return self.walk[k]

    def corner(self, k: int, width: int, height: int) -> tuple[float, float]:
        """The window's top left corner on the original at kept frame k."""
        x, y = self.place(k)
        return ((1 + x) / 2 * width * (1 - SHAKE_VIEW), (1 + y) / 2 * height * (1 - SHAKE_VIEW))

    def __call__(self, rgb: Image, rng: np.random.Generator) -> Image:
        k, self.next = self.next, self.next + 1
        height, width = rgb.shape[:2]
        x0, y0 = self.corner(k, width, height)
        px, py = self.corner(max(0, k - 1), width, height)
        scale = 1 / SHAKE_VIEW
        warp = np.array([[scale, 0, -x0 * scale], [0, scale, -y0 * scale]], np.float32)
        moved: Image = np.asarray(cv2.warpAffine(rgb, warp, (width, height),
                                                 flags=cv2.INTER_LINEAR), np.uint8)
        dx, dy = (x0 - px) * scale, (y0 - py) * scale
        length = round(float(np.hypot(dx, dy)) / 2)  # open half the frame's time
        if length < 3:
            return moved
        kernel = np.zeros((length, length), np.float32)
        c, angle = (length - 1) / 2, float(np.arctan2(dy, dx))
        for t in np.linspace(-c, c, 4 * length):
            kernel[round(c + t * np.sin(angle)), round(c + t * np.cos(angle))] = 1
        return np.asarray(cv2.filter2D(moved, -1, kernel / kernel.sum()), np.uint8)

    def box_at(self, box: Box, width: int, height: int, k: int) -> Box:
        x0, y0 = self.corner(k, width, height)
        scale = 1 / SHAKE_VIEW
        return np.array([(box[0] - x0) * scale, (box[1] - y0) * scale,
                         (box[2] - x0) * scale, (box[3] - y0) * scale], np.float32)


SHAKE_VIEW = 0.85  # the share of the picture's width and height the shaken view shows
_SHAKE = _Shake()

CONDITIONS = {c.name: c for c in (
    Change("smear", _smear),
    Change("crushed", _as_is, crf=42),
    Change("fog", lambda rgb, rng: rgb.astype(np.float32) * 0.5 + 115),
    Change("glare", lambda rgb, rng: 255 * (rgb / 255.0) ** 0.55 * 1.1 + 20),
    Change("sodium", lambda rgb, rng: rgb * np.array([1.0, 0.72, 0.35], np.float32) * 0.75),
    Change("noise", lambda rgb, rng: rgb + rng.normal(0, 14, rgb.shape)),
    Change("blur", lambda rgb, rng: cv2.GaussianBlur(rgb, (0, 0), max(1.0, rgb.shape[1] / 640))),
    Change("wide", _wide, _wide_box),
    Change("15fps", _as_is, step=2),
    Change("5fps", _as_is, step=6),
    Change("half", _half, _half_box),
    Change("interlaced", _Interlaced(), interlaced=True),
    Change("combed", _Interlaced()),
    Change("misflagged", _even_fields, interlaced=True),
    Change("reencoded", _even_fields),
    Change("shake", _SHAKE, box_at=_SHAKE.box_at),
)}


def save_leaks(folder: Path, name: str, export: Path, boxes: list[tuple[int, Box]]) -> None:
    """Crops of ``export`` round each (frame, box) in ``boxes``."""
    wanted: dict[int, list[Box]] = {}
    for index, box in boxes:
        wanted.setdefault(index, []).append(box)
    for index, frame in enumerate(frames_of(export)):
        for box in wanted.get(index, []):
            x0, y0, x1, y1 = (int(v) for v in box[:4])
            pad = max(8, x1 - x0)
            crop = frame[max(0, y0 - pad):y1 + pad, max(0, x0 - pad):x1 + pad]
            cv2.imwrite(str(folder / f"{name}_{index}_{x0}_{y0}.png"),
                        cv2.cvtColor(crop, cv2.COLOR_RGB2BGR))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clip", type=Path, action="append")
    parser.add_argument("--preset", default=DEFAULT_PRESET)
    parser.add_argument("--condition", default=",".join(CONDITIONS))
    parser.add_argument("--judge-cache", type=Path, metavar="DIR")
    parser.add_argument("--save-leaks", type=Path, metavar="DIR")
    args = parser.parse_args()
    preset = get_preset(args.preset)
    clips = args.clip or [c for c in default_clips() if "MOT20" not in c.name]
    unknown = [c for c in args.condition.split(",") if c and c not in CONDITIONS]
    if unknown:
        parser.error(f"unknown condition {unknown[0]!r}: use {', '.join(CONDITIONS)}")
    conditions = [CONDITIONS[c] for c in args.condition.split(",") if c]
    if args.save_leaks:
        args.save_leaks.mkdir(parents=True, exist_ok=True)
    rows = []
    for source, looks, change, copy, store in each_copy(clips, conditions, args.judge_cache):
        for _, out, rtf in redacted_each(store, copy, [preset]):
            leaks: list[tuple[int, Box]] | None = [] if args.save_leaks else None
            found = judged(source, copy, out, looks, change, leaks)
            if args.save_leaks and leaks:
                save_leaks(args.save_leaks, f"{change.name}_{source.stem[:24]}", out, leaks)
            rows.append((source.name[:40], change.name, found, rtf))
            print(f"{source.name} {change.name}: {found.faces} faces, leaked {found.big} "
                  f"(16 px+) and {found.small} (under 16 px), longest {found.longest}; changed "
                  f"{found.changed:.1%}; {rtf:.2f}x real time", flush=True)
    print(f"\n{'clip':<41}{'made':<9}{'faces':>7}{'16px+':>7}{'<16px':>7}{'long':>6}"
          f"{'changed':>9}{'RTF':>7}   preset {args.preset}")
    for clip, name, found, rtf in rows:
        print(f"{clip:<41}{name:<9}{found.faces:>7}{found.big:>7}{found.small:>7}"
              f"{found.longest:>6}{found.changed:>9.1%}{rtf:>7.2f}")
    print()
    for change in conditions:
        mine = [found for _, name, found, _ in rows if name == change.name]
        print(f"{change.name:<9} {sum(f.faces for f in mine):>6} judge face-frames, leaked "
              f"{sum(f.big for f in mine)} of 16 px+ (clips with any: "
              f"{sum(1 for f in mine if f.big)}) and {sum(f.small for f in mine)} under, "
              f"longest {max((f.longest for f in mine), default=0)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
