"""Leaks on footage made dark and grainy: the preset with and without its dark look.

    .venv/bin/python bench/dark_frames.py [--clip PATH ...] [--preset balanced]
                                          [--condition night,ir,grain] [--judge-cache DIR]

Much body-worn footage is shot at night: the camera's gain turned up, the picture grey (an
infrared mode) or dark, and full of grain. The developer clips are daylight or stage, so
each (default: every clip in ../shared/testdata/videos and crowds/videos but the MOT20
crowd, whose 1,008 frames take most of an hour here; ``--clip`` to choose) is made into
copies of the same size and frame count (H.264, CRF 23; in a temporary folder, never kept):

* ``night``: grey, darkened (brightness ** 1.6 x 0.55) and grainy (Gaussian noise, 7 levels);
* ``ir``: grey, at 0.8 of its brightness, grain of 5 levels (an infrared mode);
* ``grain``: the colour picture with grain of 6 levels (gain turned up, enough light).

Each copy goes through the whole ``redact_footage`` pipeline with the default plan (every
track redacted), once with the preset as shipped and once with its ``dark_look`` set to 0
(the baseline, in the same run). The judge (MTCNN, ``bench/judge.py``) misses most faces in
the dark copies (on the night copies of four clips it found 1-36 % of what it finds in the
originals), so
the faces to hide are the judge's faces on the ORIGINAL clip's frames (same geometry; its
looks kept with ``--judge-cache`` as ``bench/leaks.py`` keeps them; the faces listed in
bench/judge_reviewed.json as not faces set apart). A face-frame is leaked by the same pixel
rule as ``bench/leaks.py`` (less than 90 % of its box hidden and at least 0.35 of its fine
detail kept); the judge's second look at the export is left out, being blind there too.
Printed per clip, condition and preset: the share of the copy's frames dark enough for the
second look (the look goes by brightness only: a grey or grainy copy that is not dark gets
none, and its two rows are the same settings), judge faces, leaked face-frames of faces
16 px and over and under 16 px, and the pipeline's real-time factor with the ratio to the
baseline's. A clip turned by its display rotation is left out (the copies are not turned).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

import cv2
import numpy as np
import numpy.typing as npt

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from copies import Change, each_copy, judged
from leaks import default_clips, frames_of, redacted_each

from app.core.detection.dark_frames import is_dark
from app.core.detection.presets import DEFAULT_PRESET, get_preset

Image = npt.NDArray[np.uint8]


def _grey(rgb: Image) -> npt.NDArray[np.float32]:
    return cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY).astype(np.float32)


def _night(rgb: Image, rng: np.random.Generator) -> npt.NDArray[np.float32]:
    return np.power(_grey(rgb) / 255, 1.6) * 0.55 * 255 + rng.normal(0, 7, rgb.shape[:2])


def _ir(rgb: Image, rng: np.random.Generator) -> npt.NDArray[np.float32]:
    return _grey(rgb) * 0.8 + rng.normal(0, 5, rgb.shape[:2])


def _grain(rgb: Image, rng: np.random.Generator) -> npt.NDArray[np.float32]:
    return rgb.astype(np.float32) + rng.normal(0, 6, rgb.shape[:2])[:, :, None]


CONDITIONS = {name: Change(name, make) for name, make in
              (("night", _night), ("ir", _ir), ("grain", _grain))}  # H.264 CRF 23


def dark_share(copy: Path, dark_look: float) -> float:
    """The share of ``copy``'s frames dark enough for a second look at ``dark_look``."""
    dark = [is_dark(frame, dark_look) for frame in frames_of(copy)]
    return sum(dark) / max(1, len(dark))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clip", type=Path, action="append")
    parser.add_argument("--preset", default=DEFAULT_PRESET)
    parser.add_argument("--condition", default=",".join(CONDITIONS))
    parser.add_argument("--judge-cache", type=Path, metavar="DIR")
    args = parser.parse_args()
    shipped = get_preset(args.preset)
    presets = [shipped, dataclasses.replace(shipped, dark_look=0.0)]
    clips = args.clip or [c for c in default_clips() if "MOT20" not in c.name]
    conditions = [c for c in args.condition.split(",") if c]
    rows = []
    changes = [CONDITIONS[c] for c in conditions]
    for source, looks, change, copy, store in each_copy(clips, changes, args.judge_cache):
        dark = dark_share(copy, shipped.dark_look)
        base_rtf = 0.0
        for preset, out, rtf in redacted_each(store, copy, presets[::-1]):
            base_rtf = base_rtf or rtf  # the baseline first
            found = judged(source, copy, out, looks, change)
            faces, big, small = found.faces, found.big, found.small
            label = "no dark look" if not preset.dark_look else \
                f"dark look < {preset.dark_look:g}"
            rows.append((source.name[:40], change.name, label, faces, big, small, rtf,
                         rtf / base_rtf, dark))
            print(f"{source.name} {change.name} [{label}]: {faces} faces, leaked {big} (16 "
                  f"px+) and {small} (under 16 px); {rtf:.2f}x real time", flush=True)
    print(f"\n{'clip':<41}{'made':<7}{'dark':>6}  {'preset ' + args.preset:<20}{'faces':>7}"
          f"{'16px+':>7}{'<16px':>7}{'RTF':>7}{'x base':>8}")
    for clip, condition, label, faces, big, small, rtf, ratio, dark in rows:
        print(f"{clip:<41}{condition:<7}{dark:>6.0%}  {label:<20}{faces:>7}{big:>7}{small:>7}"
              f"{rtf:>7.2f}{ratio:>8.2f}")
    for label in dict.fromkeys(r[2] for r in rows):
        mine = [r for r in rows if r[2] == label]
        print(f"all ({label}): {sum(r[3] for r in mine)} judge faces, leaked "
              f"{sum(r[4] for r in mine)} of 16 px+ and {sum(r[5] for r in mine)} under")
    return 0


if __name__ == "__main__":
    sys.exit(main())
