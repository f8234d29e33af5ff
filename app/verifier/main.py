"""Entry point of ``bwv-verify PATH``: exit status 0 verified, 1 not verified, 2 bad usage."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from app import __version__
from app.verifier.bundle_check import check
from app.verifier.c2pa_check import anchors_pem
from app.verifier.report_text import as_html, as_text


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="bwv-verify",
        description="Check a BWV Studio disclosure pack (folder or zip) or export folder "
                    "without the force's database: file hashes, the sealed audit extract, "
                    "every event's signature back to the store's root key, the chain "
                    "anchors and the detector models. See docs/VERIFYING.md.")
    parser.add_argument("path", type=Path, help="a pack folder, a pack .zip or an export folder")
    parser.add_argument("--html", type=Path, metavar="FILE", help="also write the report as HTML")
    parser.add_argument("--root", metavar="FINGERPRINT",
                        help="the store root key's fingerprint the force published; "
                             "fail unless the pack's root key is this one")
    parser.add_argument("--trust-anchors", type=Path, metavar="PEM",
                        help="the certificate authorities to trust for C2PA signatures (the "
                             "force publishes its root); without it only the signature and "
                             "content binding are checked")
    args = parser.parse_args(argv)
    if args.trust_anchors is not None and not args.trust_anchors.is_file():
        parser.error(f"{args.trust_anchors}: no such certificate file")
    if args.trust_anchors is not None:
        try:
            anchors_pem(args.trust_anchors)
        except (OSError, ValueError) as exc:
            parser.error(f"{args.trust_anchors}: {exc}")
    report = check(args.path, args.root, args.trust_anchors)
    text = as_text(report, __version__)
    sys.stdout.buffer.write(text.encode(sys.stdout.encoding or "utf-8", "replace"))
    sys.stdout.flush()
    if args.html is not None:
        try:
            args.html.write_text(as_html(report, __version__), encoding="utf-8",
                                 errors="replace")
        except OSError as exc:
            print(f"bwv-verify: cannot write {args.html} ({exc.strerror or exc}).",
                  file=sys.stderr)
            return 2
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
