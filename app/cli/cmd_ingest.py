"""``bwv ingest``: record originals (hash, probe) in the evidence store."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.context import Context
from app.cli.progress import ByteBar
from app.core.library.ingest import IngestResult, IngestStatus, ingest_paths


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "ingest", help="hash, probe and record video files or folders",
        description="Record originals in the evidence store. Each file is hashed (SHA-256) while "
                    "streaming and probed; it is never modified. Folders are searched "
                    "recursively for video files. A file already ingested (same hash) is "
                    "reported, not duplicated (and linked to the case given with --case). "
                    "Exit status 1 if any file failed.")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="video files or folders")
    p.add_argument("--case", metavar="REF", help="link every file to this existing case")
    p.set_defaults(handler=run)


def run(ctx: Context, args: argparse.Namespace) -> int:
    counts = {status: 0 for status in IngestStatus}
    user = ctx.actor_name()  # sign in before the progress bar starts
    with ByteBar() as bar:
        def announce(path: Path, i: int, n: int) -> None:
            bar.start(f"[{i + 1}/{n}] {path.name}")

        def report(result: IngestResult) -> None:
            counts[result.status] += 1
            prefix = "FAILED " if result.status is IngestStatus.FAILED else ""
            bar.write(prefix + result.message)

        results = ingest_paths(ctx.store, user, args.paths, case_ref=args.case,
                               progress=bar,
                               on_file=announce, on_result=report)
    if not results:
        print("No video files found.")
        return 1
    print(f"Summary: {counts[IngestStatus.INGESTED]} ingested, "
          f"{counts[IngestStatus.DUPLICATE]} already present, "
          f"{counts[IngestStatus.FAILED]} failed.")
    return 1 if counts[IngestStatus.FAILED] else 0
