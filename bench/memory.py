"""Memory of the whole default pipeline against the clip's length (issue 13: memory flat in
clip length).

    .venv/bin/python bench/memory.py [--clip PATH] [--loops 1 4 16] [--preset NAME]

The clip (default: the hand-held 720p30 street clip) is played ``--loops`` times over into
one longer file each (timestamps run on; the picture jumps back at each loop). For each
length a fresh process does what ``bwv redact`` does: ingest (hash, probe), detection and
tracking (``analyse``), and the export with its residual check on every frame. It reports
that process's peak resident memory (``ru_maxrss``) and its growth over the shortest clip,
measured in the same run, beside the seconds and the real-time factor. Memory flat in clip
length means the peak stays about the same while the clip grows; what a clip may hold for
its whole length (the detections, the tracks, the plan) is small beside a frame.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import av

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

STREET = Path(__file__).resolve().parents[2] / "shared" / "testdata" / "crowds" / "videos" / \
    "simpletracking_ecuador.mp4"


def looped(source: Path, out: Path, loops: int) -> Path:
    """``source``'s video played ``loops`` times over (H.264, timestamps running on)."""
    with av.open(str(source)) as inp, av.open(str(out), "w") as outc:
        vin = inp.streams.video[0]
        vout = outc.add_stream("libx264", rate=vin.average_rate)
        vout.width, vout.height, vout.pix_fmt = vin.width, vin.height, "yuv420p"
        vout.codec_context.options = {"crf": "20", "preset": "veryfast"}
        rate = vin.average_rate
        frames = [f.to_ndarray(format="yuv420p") for f in inp.decode(vin)]
        k = 0
        for _ in range(loops):
            for plane in frames:
                frame = av.VideoFrame.from_ndarray(plane, format="yuv420p")
                frame.pts, frame.time_base = k, 1 / rate
                outc.mux(vout.encode(frame))
                k += 1
        outc.mux(vout.encode())
    return out


def one(clip: Path, preset: str) -> dict[str, float]:
    """In this (fresh) process: ingest, detect, track and export ``clip``; peak memory."""
    from app.core.analysis import analyse
    from app.core.export.pipeline import redact_footage
    from app.core.library.ingest import ingest_paths
    from app.core.people.users import resolve_actor
    from app.core.policy.store_policy import set_policy
    from app.core.redaction.plan import RedactionPlan
    from app.core.store.database import Store

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        store = Store(f"sqlite:///{tmp / 'm.sqlite3'}", tmp / "data")
        with store.transaction() as session:
            set_policy(session, resolve_actor(session, "bench"), require_approval=False)
        start = time.perf_counter()
        (item,) = ingest_paths(store, "bench", [clip])
        assert item.footage_id is not None, item.message
        analysed = analyse(store, "bench", item.footage_id, preset)
        redact_footage(store, "bench", item.footage_id, tmp / "out.mp4", RedactionPlan(),
                       preset=preset)
        seconds = time.perf_counter() - start
        store.close()
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    return {"peak_mb": peak_kb / 1024, "seconds": seconds,
            "frames": float(analysed.frame_count), "fps": float(analysed.fps)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clip", type=Path, default=STREET)
    parser.add_argument("--loops", type=int, nargs="+", default=[1, 4, 16])
    parser.add_argument("--preset", default="balanced")
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)  # the child's work
    args = parser.parse_args()
    if args.one is not None:
        print(json.dumps(one(args.one, args.preset)))
        return 0
    if not args.clip.is_file():
        print(f"{args.clip}: not found (the shared test data is beside the checkout)")
        return 1
    rows = []
    with tempfile.TemporaryDirectory() as tmp_name:
        for loops in sorted(set(args.loops)):
            clip = looped(args.clip, Path(tmp_name) / f"x{loops}.mp4", loops)
            print(f"{clip.name}: {loops} loop(s) ...", flush=True)
            child = subprocess.run(
                [sys.executable, __file__, "--one", str(clip), "--preset", args.preset],
                capture_output=True, text=True, check=False,
                env={**os.environ, "BWV_USER": "bench"})
            if child.returncode != 0:
                print(child.stderr[-2000:])
                return 1
            rows.append((loops, json.loads(child.stdout.strip().splitlines()[-1])))
    base = rows[0][1]["peak_mb"]
    print(f"\n{args.clip.name}, preset {args.preset}: each length in a fresh process")
    print(f"{'loops':>5} {'frames':>7} {'video s':>8} {'wall s':>7} {'x real time':>11} "
          f"{'peak MB':>8} {'x shortest':>10}")
    for loops, r in rows:
        video_s = r["frames"] / r["fps"]
        print(f"{loops:>5} {r['frames']:>7.0f} {video_s:>8.1f} {r['seconds']:>7.1f} "
              f"{video_s / r['seconds']:>11.2f} {r['peak_mb']:>8.0f} "
              f"{r['peak_mb'] / base:>10.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
