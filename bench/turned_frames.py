"""Leaks on footage turned on its side: the preset with and without its turned looks.

    .venv/bin/python bench/turned_frames.py [--clip PATH ...] [--preset balanced]
                                            [--turn 90,270] [--judge-cache DIR]

A body-worn camera lies on its side when the officer is on the ground or the camera is
knocked, and a person held on the ground is seen on their side. The developer clips are
upright, so each (default: every clip in ../shared/testdata/videos and crowds/videos but the
MOT20 crowd, whose 1,008 frames take long here; ``--clip`` to choose) is made
into copies turned a quarter each way (every frame turned exactly, H.264 CRF 18, in a
temporary folder, never kept; ``--turn`` in degrees counter-clockwise).

Each copy goes through the whole ``redact_footage`` pipeline with the default plan (every
track redacted), once with the preset as shipped and once with its ``turned_look_s`` set
to 0 (the baseline, in the same run). The faces to hide are the judge's (MTCNN,
``bench/judge.py``) on the ORIGINAL upright frames, turned with the picture (exact for a
quarter turn; its looks kept with ``--judge-cache`` as ``bench/leaks.py`` keeps them; the
faces listed in bench/judge_reviewed.json as not faces set apart).
A face-frame is leaked by the same pixel rule as ``bench/leaks.py`` (less than 90 % of
its box hidden and at least 0.35 of its fine detail kept; the judge's second look at the
export is left out, being upright-bound too; an export of fewer frames is judged on the
frames it has). Printed per clip, turn and preset: judge faces, leaked face-frames of faces
16 px and over and under 16 px, the longest leak of one face in frames, the share of the
picture changed, and the pipeline's real-time factor with the ratio to the baseline's.
Upright copies (``--turn 0``) measure what the looks cost footage that is not on its side.
A clip turned by its display rotation is left out.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from copies import Change, each_copy, judged
from leaks import default_clips, redacted_each

from app.core.detection.presets import DEFAULT_PRESET, get_preset
from app.core.media.rotation import box_to_upright, upright


def turned_box(box: np.ndarray, turn: int, width: int, height: int) -> np.ndarray:
    """A judge box of a ``width`` x ``height`` frame, on the frame turned ``turn``."""
    x, y, w, h = box_to_upright((float(box[0]), float(box[1]), float(box[2] - box[0]),
                                 float(box[3] - box[1])), turn, width, height)
    return np.array([x, y, x + w, y + h], np.float32)


def turned_by(turn: int) -> Change:
    """Every frame turned ``turn`` degrees counter-clockwise, exactly (H.264 CRF 18); a face
    on a copy turned a quarter is as wide, upright, as its box is high."""
    return Change(f"turned {turn}", lambda rgb, rng: upright(rgb, turn),
                  lambda box, width, height: turned_box(box, turn, width, height),
                  (lambda box: float(box[3] - box[1])) if turn % 180 else
                  (lambda box: float(box[2] - box[0])), crf=18)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clip", type=Path, action="append")
    parser.add_argument("--preset", default=DEFAULT_PRESET)
    parser.add_argument("--turn", default="90,270")
    parser.add_argument("--judge-cache", type=Path, metavar="DIR")
    args = parser.parse_args()
    shipped = get_preset(args.preset)
    presets = [shipped, dataclasses.replace(shipped, turned_look_s=0.0)]
    clips = args.clip or [c for c in default_clips() if "MOT20" not in c.name]
    turns = [int(t) for t in args.turn.split(",") if t]
    rows = []
    changes = [turned_by(turn) for turn in turns]
    for source, looks, change, copy, store in each_copy(clips, changes, args.judge_cache):
        turn = turns[changes.index(change)]
        base_rtf = 0.0
        for preset, out, rtf in redacted_each(store, copy, presets[::-1]):
            base_rtf = base_rtf or rtf  # the baseline first
            found = judged(source, copy, out, looks, change)
            faces, big, small = found.faces, found.big, found.small
            longest, changed = found.longest, found.changed
            label = "no turned looks" if not preset.turned_look_s else "turned looks"
            rows.append((source.name[:40], turn, label, faces, big, small, longest, changed,
                         rtf, rtf / base_rtf))
            print(f"{source.name} turned {turn} [{label}]: {faces} faces, leaked {big} (16 "
                  f"px+) and {small} (under 16 px), longest {longest}; changed {changed:.1%}; "
                  f"{rtf:.2f}x real time", flush=True)
    print(f"\n{'clip':<41}{'turn':>5}  {'preset ' + args.preset:<18}{'faces':>7}{'16px+':>7}"
          f"{'<16px':>7}{'long':>6}{'changed':>9}{'RTF':>7}{'x base':>8}")
    for clip, turn, label, faces, big, small, longest, changed, rtf, ratio in rows:
        print(f"{clip:<41}{turn:>5}  {label:<18}{faces:>7}{big:>7}{small:>7}{longest:>6}"
              f"{changed:>9.1%}{rtf:>7.2f}{ratio:>8.2f}")
    for label in dict.fromkeys(r[2] for r in rows):
        mine = [r for r in rows if r[2] == label]
        print(f"all ({label}): {sum(r[3] for r in mine)} judge faces, leaked "
              f"{sum(r[4] for r in mine)} of 16 px+ and {sum(r[5] for r in mine)} under")
    return 0


if __name__ == "__main__":
    sys.exit(main())
