"""``bwv retention``: what is due for deletion and why the rest is kept; apply it; legal
holds; the store's retention policy."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli.context import Context
from app.cli.formatting import table, when
from app.core.errors import InvalidInputError
from app.core.library.retention_actions import (
    RetentionOutcome,
    apply_retention,
    retention_report,
    set_legal_hold,
)
from app.core.policy.store_policy import load_policy, set_policy
from app.core.retention.rules import RetentionState


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("retention", help="retention report, apply, legal holds, policy",
                       description="Non-evidential footage is deleted N days (default 31) "
                                   "after it was recorded, unless it is on legal hold or "
                                   "linked to a case that is not closed.")
    s = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    rp = s.add_parser("report", help="list footage with its retention state and why")
    rp.add_argument("--due", action="store_true", help="only what is due now")
    rp.set_defaults(handler=run_report)
    ap = s.add_parser("apply", help="delete what is due (supervisors, administrators)",
                      description="Delete each due original that lies in a managed folder, "
                                  "or mark it deleted where the store does not own the file; "
                                  "keep its hash and metadata as a tombstone; audit each.")
    ap.add_argument("--dry-run", action="store_true", help="only say what would happen")
    ap.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    ap.set_defaults(handler=run_apply)
    for name, hold in (("hold", True), ("unhold", False)):
        h = s.add_parser(name, help=("place footage on legal hold" if hold
                                     else "lift a legal hold") + " (supervisors)")
        h.add_argument("footage", metavar="FOOTAGE")
        h.add_argument("--reason", required=True)
        h.set_defaults(handler=run_hold, hold=hold)
    po = s.add_parser("policy", help="show or change the retention policy (administrators)")
    po.add_argument("--days", type=int, help="keep non-evidential footage this many days")
    po.add_argument("--managed-folder", dest="folders", type=Path, action="append",
                    metavar="DIR", help="a folder whose originals the store owns (deleted "
                                        "by retention); repeat for several")
    po.add_argument("--no-managed-folders", action="store_true",
                    help="the store owns no folder (retention only marks items deleted)")
    po.set_defaults(handler=run_policy)


def run_report(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.acting() as (session, actor):
        items = retention_report(session, actor)
        policy = load_policy(session)
    if args.due:
        items = [i for i in items if i.state is RetentionState.DUE]
    print(f"Policy: keep non-evidential footage {policy.retention_days} days; managed "
          f"folders: {', '.join(policy.managed_folders) or 'none'}.")
    if not items:
        print("Nothing due." if args.due else "No footage.")
        return 0
    print(table(["#", "file", "recorded", "retention until", "state", "why", "file owned"],
                [[str(i.footage_id), i.file_name, when(i.recorded_at), when(i.retention_until),
                  i.state.value, i.why, "yes" if i.owned else "no"] for i in items]))
    due = sum(1 for i in items if i.state is RetentionState.DUE)
    print(f"{due} item(s) due for deletion.")
    return 0


def run_apply(ctx: Context, args: argparse.Namespace) -> int:
    name = ctx.actor_name()
    confirmed: set[int] | None = None
    if not args.dry_run:
        with ctx.acting() as (session, actor):
            due = [i for i in retention_report(session, actor)
                   if i.state is RetentionState.DUE]
        if not due:
            print("Nothing due.")
            return 0
        if not args.yes:
            if not sys.stdin.isatty():
                raise InvalidInputError("Deleting needs confirmation: run in a terminal or "
                                        "add --yes.")
            for item in due:
                print(f"  #{item.footage_id} {item.file_name}: {item.why}")
            answer = input(f"Delete these {len(due)} item(s) under the retention policy? "
                           "This cannot be undone. [y/N] ")
            if answer.strip().lower() not in ("y", "yes"):
                print("Nothing deleted.")
                return 0
        confirmed = {item.footage_id for item in due}

    def show(outcome: RetentionOutcome) -> None:
        print(outcome.message)

    outcomes = apply_retention(ctx.store, name, dry_run=args.dry_run, only=confirmed,
                               on_outcome=show)
    if not outcomes:
        print("Nothing due.")
    elif args.dry_run:
        print(f"Dry run: {len(outcomes)} item(s) would be deleted; nothing was changed.")
    else:
        done = sum(1 for o in outcomes if o.action in ("deleted file", "marked deleted"))
        failed = sum(1 for o in outcomes if o.action == "failed")
        print(f"{done} item(s) deleted; tombstones kept."
              + (f" {failed} could not be deleted (see above)." if failed else ""))
        return 1 if failed else 0
    return 0


def run_hold(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.acting() as (session, actor):
        rec = set_legal_hold(session, actor, args.footage, args.hold, args.reason)
    print(f"Footage #{rec.id} is {'on legal hold' if rec.legal_hold else 'not on legal hold'}.")
    return 0


def run_policy(ctx: Context, args: argparse.Namespace) -> int:
    folders = [] if args.no_managed_folders else (
        [str(f) for f in args.folders] if args.folders else None)
    with ctx.acting() as (session, actor):
        if args.days is None and folders is None:
            policy = load_policy(session)
        else:
            policy = set_policy(session, actor, retention_days=args.days,
                                managed_folders=folders)
    print(f"Keep non-evidential footage {policy.retention_days} days. Managed folders: "
          f"{', '.join(policy.managed_folders) or 'none'}. Sign-in: {policy.sign_in.value}.")
    return 0
