"""``bwv audit``: verify the hash chain and export a case's trail."""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from sqlalchemy import select

from app.cli.context import Context
from app.cli.progress import ByteBar
from app.core import audit, cases
from app.core.errors import ConflictError
from app.core.export.verify import verify_exports
from app.core.fileio import atomic_write_text
from app.core.footage import VerifyStatus
from app.core.models import AuditEvent


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("audit", help="verify or export the tamper-evident audit trail")
    s = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    ve = s.add_parser("verify", help="check the hash chain end to end",
                      description="Walk the audit trail's hash chain. Prints OK with the count "
                                  "and head hash, or the first broken event and why (edited, "
                                  "deleted, reordered, inserted, renumbered, or newest events "
                                  "truncated, checked against this computer's witness). "
                                  "Then re-hashes every recorded export (video and manifest) "
                                  "still where it was written. Exit status 1 when the chain "
                                  "is broken or an export changed.")
    ve.set_defaults(handler=run_verify)
    ex = s.add_parser("export", help="write a case's audit trail as CSV or JSON Lines")
    scope = ex.add_mutually_exclusive_group(required=True)
    scope.add_argument("--case", metavar="REF", help="events of this case and its footage")
    scope.add_argument("--all", action="store_true", help="the whole trail")
    ex.add_argument("--format", required=True, choices=["csv", "jsonl"])
    ex.add_argument("-o", "--output", type=Path, metavar="FILE",
                    help="file to write (default: standard output)")
    ex.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    ex.set_defaults(handler=run_export)


def run_verify(ctx: Context, args: argparse.Namespace) -> int:
    ctx.actor_name()
    report = audit.verify(ctx.store)
    if report.ok:
        print(f"OK: {report.count} events, chain intact. Head {report.head_hash}")
        if report.warning:
            print(f"Note: {report.warning}")
    else:
        print(f"BROKEN ({report.kind}) at event #{report.seq}: {report.problem}")
    with ByteBar() as bar:
        checks = verify_exports(ctx.store, progress=bar,
                                on_file=lambda f: bar.start(f"export {Path(f).name}"))
    bad = [c for c in checks if c.status in (VerifyStatus.CHANGED, VerifyStatus.UNREADABLE)]
    gone = sum(1 for c in checks if c.status is VerifyStatus.MISSING)
    replaced = sum(1 for c in checks if c.status is VerifyStatus.SUPERSEDED)
    for check in bad:
        print(f"EXPORT {check.status.value.upper()}: {check.message}")
    if checks:
        print(f"Exports: {len(checks) - len(bad) - gone - replaced} match their recorded "
              f"SHA-256, {len(bad)} do not, {gone} no longer where they were written (not "
              f"checked), {replaced} replaced by a later export to the same path.")
    return 0 if report.ok and not bad else 1


def run_export(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.reading() as session:
        if args.all:
            events = list(session.scalars(select(AuditEvent).order_by(AuditEvent.seq)))
        else:
            events = audit.case_events(session, cases.get_case(session, args.case).id)
    if args.output is None:
        audit.write_events(events, sys.stdout, args.format)
        return 0
    out: Path = args.output
    if out.exists() and not args.force:
        raise ConflictError(f"{out} already exists; use --force to overwrite it.")
    buffer = io.StringIO(newline="")
    n = audit.write_events(events, buffer, args.format)
    atomic_write_text(out, buffer.getvalue())
    print(f"Wrote {n} events to {out}.", file=sys.stderr)
    return 0
