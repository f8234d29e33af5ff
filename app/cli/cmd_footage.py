"""``bwv footage``: list, show, verify originals, describe again, and switch the evidential
status."""

from __future__ import annotations

import argparse
import sys

from sqlalchemy.exc import DBAPIError

from app.cli.arg_types import at_least_one
from app.cli.context import Context
from app.cli.error_hints import BUSY_EXIT, error_line
from app.cli.formatting import footage_details, footage_rows
from app.cli.progress import ByteBar
from app.core.errors import BwvError, StoreBusyError
from app.core.library import footage, footage_pages
from app.core.library.describe_again import describe_again, notes
from app.core.library.footage import OriginalCheck, VerifyStatus
from app.core.media.decode import REORDERED_NOTE, Timestamps
from app.core.store.database import database_problem, store_busy


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("footage", help="list, show and verify ingested footage",
                       description="Work with ingested footage. FOOTAGE is a number (12) "
                                   "or a SHA-256 prefix of at least 8 hex digits.")
    s = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    ls = s.add_parser("list", help="list footage")
    ls.add_argument("--case", metavar="REF", help="only footage linked to this case")
    ls.add_argument("--search", metavar="TEXT",
                    help="match file name, device or officer id, case reference or a "
                         "recording date (YYYY-MM-DD)")
    ls.add_argument("--limit", metavar="N", type=at_least_one,
                    help="show only the first N items (the count of all is said)")
    ls.set_defaults(handler=run_list)
    sh = s.add_parser("show", help="show everything known about one footage item")
    sh.add_argument("footage", metavar="FOOTAGE")
    sh.set_defaults(handler=run_show)
    ve = s.add_parser("verify", help="re-hash originals and report any changed or missing",
                      description="Re-hash every original (or a case's) and compare with the "
                                  "SHA-256 recorded at ingest. Exit status 1 if any changed, "
                                  "vanished or cannot be read.")
    ve.add_argument("--case", metavar="REF", help="only footage linked to this case")
    ve.set_defaults(handler=run_verify)
    de = s.add_parser("describe", help="describe footage again as this version probes it",
                      description="Hash the original (refused if it changed since ingest), "
                                  "probe it again and record what this version says "
                                  "otherwise (frame count, duration, rate, size, codecs, "
                                  "warnings), audited. For footage ingested by an older "
                                  "version whose detection stops because its frames were "
                                  "counted otherwise.")
    de.add_argument("footage", metavar="FOOTAGE")
    de.set_defaults(handler=run_describe)
    ev = s.add_parser("evidential", help="mark footage evidential (kept) or not",
                      description="Evidential footage is kept; turning it off restores its "
                                  "retention date. The change and its reason are audited.")
    ev.add_argument("footage", metavar="FOOTAGE")
    ev.add_argument("state", choices=["on", "off"])
    ev.add_argument("--reason", required=True, help="why (recorded in the audit trail)")
    ev.set_defaults(handler=run_evidential)


def run_list(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.reading() as session:
        items = footage.list_footage(session, args.case, args.search, args.limit)
        total = (footage_pages.count_footage(
            session, footage_pages.FootageQuery(args.case, args.search or ""))
            if args.limit is not None and len(items) == args.limit else len(items))
    print(footage_rows(items) if items else "No footage.")
    if total > len(items):
        print(f"({len(items)} of {total} shown; --limit to see more)")
    return 0


def run_show(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.reading() as session:
        print(footage_details(footage.show_footage(session, args.footage)))
        meta = footage.get_footage(session, args.footage).media_metadata or {}
    state = meta.get("timestamps")
    if state == Timestamps.REORDERED:
        print(f"{'Timestamps:':<12} reordered ({REORDERED_NOTE})")
    elif state and state != Timestamps.OK:
        print(f"{'Timestamps:':<12} {state}")
    return 0


def run_verify(ctx: Context, args: argparse.Namespace) -> int:
    user = ctx.actor_name()  # sign in before the progress bar starts
    checks: list[OriginalCheck] = []
    unrecorded: BwvError | None = None
    with ByteBar() as bar:
        def report(check: OriginalCheck) -> None:
            checks.append(check)
            mark = "OK     " if check.status is VerifyStatus.OK else "PROBLEM"
            bar.write(f"{mark} #{check.footage_id} {check.message}")
            bar.start("hashing")

        bar.start("hashing")
        try:
            footage.verify_originals(ctx.store, user, args.case, progress=bar,
                                     on_result=report)
        except StoreBusyError as exc:  # every original checked; not every check recorded
            unrecorded = exc
        except DBAPIError as exc:
            if not store_busy(exc):
                raise
            unrecorded = database_problem(exc)
    bad = [c for c in checks if c.status is not VerifyStatus.OK]
    print(f"Verified {len(checks)} originals: {len(checks) - len(bad)} unchanged, "
          f"{len(bad)} with problems.")
    if unrecorded is not None:  # a changed original outranks "try again" (75)
        print(f"bwv: error: {error_line(unrecorded)}", file=sys.stderr)
        return 1 if bad else BUSY_EXIT
    return 1 if bad else 0


def run_describe(ctx: Context, args: argparse.Namespace) -> int:
    user = ctx.actor_name()  # sign in before the progress bar starts
    with ByteBar() as bar:
        bar.start("hashing")
        result = describe_again(ctx.store, user, args.footage, progress=bar)
    if not result.changes:
        print(f"Footage #{result.footage_id}: the description stands; nothing changed.")
        return 0
    print(f"Footage #{result.footage_id} described again:")
    for name, (old, new) in result.changes.items():
        if name == "media_metadata":
            for part in ("timestamps", "warnings"):
                if old.get(part) != new.get(part):
                    print(f"  {part}: {old.get(part) or 'none'} -> {new.get(part) or 'none'}")
            if notes(old, new)["tags_differ"]:
                print("  tags: read otherwise (see bwv footage show)")
            continue
        print(f"  {name}: {old} -> {new}")
    return 0


def run_evidential(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.acting() as (session, actor):
        rec = footage.set_evidential(session, actor, args.footage, args.state == "on",
                                     args.reason)
    state = "evidential (kept)" if rec.evidential else "not evidential"
    print(f"Footage #{rec.id} is now {state}.")
    return 0
