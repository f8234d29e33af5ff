"""``bwv detect``: run the face detector on an image or a video and write the boxes as JSON."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from tqdm import tqdm

from app.cli.arg_types import at_least_one
from app.cli.context import Context
from app.cli.outputs import check_output, store_here
from app.core.detection.presets import DEFAULT_PRESET, PRESETS
from app.core.detection.video import detect_path, region_of
from app.core.fileio import atomic_write_text


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "detect", help="detect faces in an image or video and write them as JSON",
        description="Run the face detector (CPU, offline) on one image or video. The JSON is "
                    '{"frames": [{"index": i, "pts": seconds, "detected": true, "boxes": '
                    '[{"x", "y", "w", "h", "score", "detector"}]}]} with boxes in the '
                    "file's stored pixels (a frame may also give the camera's motion, "
                    '"camera"; text regions, "text"; heads of people seen from behind, '
                    '"heads", and their whole person, "people"; and "cut": true where an '
                    "edited clip cuts to another shot), plus the preset and model hashes "
                    "used. Presets: "
                    + "; ".join(f"{n}: {p.description}" for n, p in PRESETS.items()))
    p.add_argument("path", type=Path, metavar="IMAGE_OR_VIDEO")
    p.add_argument("--preset", default=DEFAULT_PRESET, choices=sorted(PRESETS))
    p.add_argument("--json", type=Path, metavar="OUT", help="write the JSON here "
                   "(default: standard output)")
    p.add_argument("--stride", type=at_least_one, default=1, metavar="N",
                   help="detect on every N-th video frame only (default 1: every frame)")
    p.add_argument("--force", action="store_true", help="overwrite OUT if it exists")
    p.set_defaults(handler=run)


def run(ctx: Context, args: argparse.Namespace) -> int:
    out: Path | None = args.json
    if out is not None:  # (detect needs no store: it makes none, and checks one if here)
        check_output(store_here(ctx), out, args.force, source=args.path)
    with tqdm(desc=args.path.name, unit="frame", disable=None, leave=False,
              dynamic_ncols=True) as bar:
        def progress(done: int, total: int) -> None:
            bar.total = total
            bar.n = done
            bar.refresh()

        run_result = detect_path(args.path, args.preset, stride=args.stride,
                                 progress=progress)
    text = json.dumps(run_result.as_json(), indent=1)
    if out is None:
        sys.stdout.write(text + "\n")
    else:
        atomic_write_text(out, text + "\n")
    faces = sum(len(f.boxes) for f in run_result.frames)
    preset = run_result.preset
    unsure = sum(not preset.firm(d.detector, d.score) for f in run_result.frames for d in f.boxes)
    texts = len({region_of(d.detector)[0] for f in run_result.frames for d in f.text})
    heads = len({region_of(d.detector)[0] for f in run_result.frames for d in f.heads})
    frames = len(run_result.frames)
    print(f"{args.path.name}: {faces} face boxes"
          + (f" ({unsure} unsure: under their network's threshold at the picture's edge)"
             if unsure else "")
          + (f", {texts} text region(s) (\"text\" in the JSON)" if texts else "")
          + (f", {heads} head(s) of people (\"heads\" in the JSON)" if heads else "")
          + f" on {frames} frame(s) with preset {args.preset} in {run_result.elapsed_s:.1f} s"
          + (f"; written to {out}" if out else "") + ".", file=sys.stderr)
    return 0
