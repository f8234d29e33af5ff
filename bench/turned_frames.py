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
import tempfile
from fractions import Fraction
from pathlib import Path

import av
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from judge import MtcnnJudge
from judge_cache import CachedJudge
from leaks import (
    DETAIL_KEPT,
    HIDDEN_SHARE,
    REVIEWED,
    LeakRuns,
    bench_store,
    changed_mask,
    default_clips,
    detail_kept,
    frames_of,
    hidden_share,
    picture_changed,
    redacted_each,
)
from reviewed_judge import set_apart

from app.core.detection.presets import DEFAULT_PRESET, get_preset
from app.core.media.probe import probe
from app.core.media.rotation import box_to_upright, upright


def turned_copy(source: Path, out: Path, turn: int) -> Path:
    """``source``'s frames (stored pixels, every one) turned ``turn`` degrees
    counter-clockwise, as H.264."""
    with av.open(str(source)) as inp, av.open(str(out), "w") as outc:
        vin = inp.streams.video[0]
        rate = vin.average_rate or Fraction(25)
        vout = None
        for k, frame in enumerate(inp.decode(vin)):
            made = upright(frame.to_ndarray(format="rgb24"), turn)
            if vout is None:
                vout = outc.add_stream("libx264", rate=rate)
                vout.height, vout.width = made.shape[:2]
                vout.pix_fmt, vout.codec_context.options = "yuv420p", {"crf": "18"}
            new = av.VideoFrame.from_ndarray(np.ascontiguousarray(made), format="rgb24")
            new.pts, new.time_base = k, 1 / rate
            outc.mux(vout.encode(new))
        if vout is not None:
            outc.mux(vout.encode())
    return out


def turned_box(box: np.ndarray, turn: int, width: int, height: int) -> np.ndarray:
    """A judge box of a ``width`` x ``height`` frame, on the frame turned ``turn``."""
    x, y, w, h = box_to_upright((float(box[0]), float(box[1]), float(box[2] - box[0]),
                                 float(box[3] - box[1])), turn, width, height)
    return np.array([x, y, x + w, y + h], np.float32)


def leaked(source: Path, copy: Path, export: Path, judge: MtcnnJudge | CachedJudge,
           turn: int) -> tuple[int, int, int, int, float]:
    """(judge faces, leaked 16 px and over, leaked under 16 px, longest leak of one face in
    frames, as ``bench/leaks.py`` follows it) of ``source``'s judge faces in ``export`` of
    its turned ``copy``, and the share of the picture the export changed."""
    faces = big = small = 0
    runs = LeakRuns()
    changed_share = []
    frames = zip(frames_of(source), frames_of(copy), frames_of(export), strict=False)
    for index, (original, made, out) in enumerate(frames):
        height, width = original.shape[:2]
        changed = changed_mask(made, out)
        changed_share.append(picture_changed(changed))
        found = judge.detect(original)
        whats = set_apart(REVIEWED, source.name, index, found)
        seen_boxes, flags = [], []
        for box, what in zip(found, whats, strict=True):
            if what:
                continue
            faces += 1
            seen = turned_box(box, turn, width, height)
            leak = hidden_share(changed, seen) < HIDDEN_SHARE and \
                detail_kept(made, out, seen) >= DETAIL_KEPT
            seen_boxes.append([*seen, 1.0])
            flags.append(leak)
            if leak and box[2] - box[0] >= 16:
                big += 1
            elif leak:
                small += 1
        runs.update(np.array(seen_boxes, np.float32).reshape(-1, 5), flags)
    return faces, big, small, runs.longest, float(np.mean(changed_share or [0.0]))


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
    judge = MtcnnJudge()
    rows = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        store = bench_store(tmp, "turned.sqlite3")
        try:
            for number, source in enumerate(clips):
                if not source.is_file() or probe(source).rotation:
                    print(f"{source}: no such file, or turned by its display rotation: "
                          f"left out")
                    continue
                looks = CachedJudge(judge, args.judge_cache, source) if args.judge_cache \
                    else judge
                for turn in turns:
                    copy = turned_copy(source, tmp / f"{number}_{turn}_{source.stem}.mp4",
                                       turn)
                    base_rtf = 0.0
                    for preset, out, rtf in redacted_each(store, copy, presets[::-1]):
                        base_rtf = base_rtf or rtf  # the baseline first
                        faces, big, small, longest, changed = leaked(source, copy, out, looks,
                                                                     turn)
                        label = "no turned looks" if not preset.turned_look_s else \
                            "turned looks"
                        rows.append((source.name[:40], turn, label, faces, big, small,
                                     longest, changed, rtf, rtf / base_rtf))
                        print(f"{source.name} turned {turn} [{label}]: {faces} faces, leaked "
                              f"{big} (16 px+) and {small} (under 16 px), longest {longest}; "
                              f"changed {changed:.1%}; {rtf:.2f}x real time", flush=True)
                if isinstance(looks, CachedJudge):
                    looks.save()
        finally:
            store.close()
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
