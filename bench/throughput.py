"""Throughput of decoding, encoding, detection and the whole redaction pipeline.

    .venv/bin/python bench/throughput.py [--clip PATH ...] [--preset NAME ...] [--deface]

For each clip (default: the hand-held 720p30 street clip, the same upscaled here to 1080p,
and the 960x540 HEVC clip) it measures, in frames per second of source video:

* decode only; decode + H.264 encode with no detection (the floor of any export);
* detection and propagation alone per preset (its key frames, boxes carried between);
* the whole ``bwv redact`` pipeline per preset (its default stride, residual check on);
* deface (CenterFace, every frame) on the same clip, when ``--deface`` is given and the
  ``deface`` command is on PATH (e.g. ``python3 -m venv /tmp/dfv && /tmp/dfv/bin/pip install
  deface``, then ``PATH=/tmp/dfv/bin:$PATH``); each row then also shows its ratio to deface.

Each figure is printed as a ratio to decode+encode measured in the same run, and to real
time (the clip's own frame rate); nothing here is a pass/fail test.
"""

from __future__ import annotations

import argparse
import dataclasses
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import av

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.core.detection.presets import PRESETS, Preset
from app.core.detection.video import detect_video
from app.core.export.pipeline import redact_footage
from app.core.export.video_export import EncodeOptions
from app.core.library.ingest import ingest_paths
from app.core.media.probe import probe
from app.core.people.users import resolve_actor
from app.core.policy.store_policy import set_policy
from app.core.redaction.plan import RedactionPlan
from app.core.store.database import Store

VIDEOS = Path(__file__).resolve().parents[2] / "shared" / "testdata" / "videos"


def make_scaled(source: Path, out: Path, width: int = 1280, height: int = 720) -> Path:
    """Scale a clip to ``width`` x ``height`` (H.264, same timestamps, no audio)."""
    with av.open(str(source)) as inp, av.open(str(out), "w") as outc:
        vin = inp.streams.video[0]
        vout = outc.add_stream("libx264", rate=vin.average_rate)
        vout.width, vout.height, vout.pix_fmt = width, height, "yuv420p"
        vout.time_base = vout.codec_context.time_base = vin.time_base
        vout.codec_context.options = {"crf": "20", "preset": "veryfast"}
        for frame in inp.decode(vin):
            big = frame.reformat(width=width, height=height, format="yuv420p")
            big.pts, big.time_base = frame.pts, frame.time_base
            outc.mux(vout.encode(big))
        outc.mux(vout.encode())
    return out


def timed(fn: object) -> float:
    start = time.perf_counter()
    fn()  # type: ignore[operator]
    return time.perf_counter() - start


def decode_only(path: Path) -> None:
    with av.open(str(path)) as c:
        c.streams.video[0].thread_type = "AUTO"
        for _ in c.decode(video=0):
            pass


def decode_encode(path: Path, out: Path) -> None:
    with av.open(str(path)) as inp, av.open(str(out), "w") as outc:
        vin = inp.streams.video[0]
        vin.thread_type = "AUTO"
        vout = outc.add_stream("libx264", rate=vin.average_rate)
        vout.width, vout.height, vout.pix_fmt = vin.width, vin.height, "yuv420p"
        vout.time_base = vout.codec_context.time_base = vin.time_base
        vout.codec_context.options = {"crf": "18", "preset": "veryfast"}
        for frame in inp.decode(vin):
            frame.pict_type = av.video.frame.PictureType.NONE
            outc.mux(vout.encode(frame))
        outc.mux(vout.encode())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clip", type=Path, action="append")
    parser.add_argument("--preset", action="append", choices=sorted(PRESETS))
    parser.add_argument("--deface", action="store_true", help="also time deface if installed")
    parser.add_argument("--text", action="store_true",
                        help="also time each preset with text regions on (once a second) and "
                             "off, and print the drop (issue 20: at most 25 %%)")
    parser.add_argument("--heads", action="store_true",
                        help="also time each preset with heads of people seen from behind on "
                             "(twice a second) and off, and print the drop")
    parser.add_argument("--turned", action="store_true",
                        help="also time each preset with its turned looks (faces on their "
                             "side) on (held a second) and off, and print the drop")
    args = parser.parse_args()
    names: list[str] = list(args.preset or ["fast", "balanced", "thorough"])
    presets: list[Preset] = [PRESETS[name] for name in names]
    toggle = ("text", "text_every_s", 1.0) if args.text else \
        ("heads", "heads_every_s", 0.5) if args.heads else \
        ("turned looks", "turned_look_s", 1.0) if args.turned else None
    if toggle is not None:
        what, setting, every = toggle
        presets = [variant for name in names for variant in (
            dataclasses.replace(PRESETS[name], **{setting: 0.0}, name=f"{name} no {what}"),
            dataclasses.replace(PRESETS[name], **{setting: every}, name=f"{name} + {what}"))]
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        street = VIDEOS.parent / "crowds" / "videos" / "simpletracking_ecuador.mp4"
        clips = args.clip or [street, make_scaled(street, tmp / "ecuador_1080p.mp4", 1920, 1080),
                              VIDEOS / "pyfeat_face_noface.mov"]
        store = Store(f"sqlite:///{tmp / 'bench.sqlite3'}", tmp / "data")
        with store.transaction() as session:  # exports here are not releases
            set_policy(session, resolve_actor(session, "bench"), require_approval=False)
        for clip in clips:
            info = probe(clip)
            n, rt = info.frame_count, info.fps
            print(f"\n== {clip.name}: {info.width}x{info.height}, {n} frames, "
                  f"{info.duration_s:.1f} s at {rt:.2f} fps")
            rows: list[tuple[str, float]] = []
            rows.append(("decode only", n / timed(lambda c=clip: decode_only(c))))
            floor = n / timed(lambda c=clip: decode_encode(c, tmp / "floor.mp4"))
            rows.append(("decode + encode (floor)", floor))
            (result,) = ingest_paths(store, "bench", [clip])
            for preset in presets:
                name = preset.name
                rows.append((f"detection only, {name}",
                             n / timed(lambda c=clip, p=preset: detect_video(c, p))))
                seconds = timed(lambda p=preset, fid=result.footage_id: redact_footage(
                    store, "bench", fid, tmp / "out.mp4", RedactionPlan(), preset=p,
                    reuse=False, options=EncodeOptions(force=True)))
                rows.append((f"whole pipeline, {name} (stride {preset.stride}, verify)",
                             n / seconds))
            if args.deface and shutil.which("deface"):
                seconds = timed(lambda c=clip: subprocess.run(
                    ["deface", str(c), "-o", str(tmp / "deface.mp4")], check=True,
                    capture_output=True))
                rows.append(("deface (CenterFace, every frame)", n / seconds))
            deface = dict(rows).get("deface (CenterFace, every frame)")
            print(f"{'stage':<48}{'frames/s':>9}{'x floor':>9}{'x real time':>13}"
                  f"{'x deface' if deface else '':>10}")
            for label, fps in rows:
                print(f"{label:<48}{fps:>9.1f}{fps / floor:>9.2f}{fps / rt:>13.2f}"
                      f"{f'{fps / deface:>10.2f}' if deface else ''}")
            speeds = dict(rows)
            for label, fps in rows:
                if toggle is not None and f" + {toggle[0]}" in label:
                    what = toggle[0]
                    without = speeds[label.replace(f" + {what}", f" no {what}")]
                    print(f"{what} on: {label.split(f' + {what}')[0]} real-time factor "
                          f"down {1 - fps / without:.0%}"
                          + (" (target: at most 25 %)" if what == "text" else ""))
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
