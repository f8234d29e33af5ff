"""``bwv case``: create, list, show, edit cases and link footage to them."""

from __future__ import annotations

import argparse
from datetime import date

from app.cli.context import Context
from app.cli.formatting import case_rows, footage_rows
from app.core import cases, footage
from app.core.errors import InvalidInputError
from app.core.models import CaseStatus, CaseType
from app.core.records import CaseRecord


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (use YYYY-MM-DD)") from None


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("case", help="create, list and edit cases",
                       description="Cases group footage for one request or exhibit.")
    s = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    cr = s.add_parser("create", help="create a case")
    cr.add_argument("reference", metavar="REF", help="unique case reference")
    cr.add_argument("--type", required=True, choices=[t.value for t in CaseType])
    cr.add_argument("--title", default="")
    cr.add_argument("--received", type=_date, metavar="YYYY-MM-DD",
                    help="when the request arrived (default: today); sets the statutory "
                         "deadline for subject access (one month) and FOI (20 working days)")
    cr.add_argument("--deadline", type=_date, metavar="YYYY-MM-DD",
                    help="set the deadline by hand (court exhibits, complaints, reviews)")
    cr.set_defaults(handler=run_create)
    ex = s.add_parser("extend", help="extend a subject access request by two months",
                      description="Extend a subject access request's deadline by two further "
                                  "months (UK GDPR art. 12(3)); the reason is recorded.")
    ex.add_argument("reference", metavar="REF")
    ex.add_argument("--reason", required=True)
    ex.set_defaults(handler=run_extend)
    s.add_parser("list", help="list cases",
                 description="List every case with its type, status, deadline and amount of "
                             "footage.").set_defaults(handler=run_list)
    sh = s.add_parser("show", help="show a case and its footage")
    sh.add_argument("reference", metavar="REF")
    sh.set_defaults(handler=run_show)
    ed = s.add_parser("edit", help="change a case's title, status or deadline")
    ed.add_argument("reference", metavar="REF")
    ed.add_argument("--title")
    ed.add_argument("--status", choices=[t.value for t in CaseStatus])
    ed.add_argument("--deadline", type=_date, metavar="YYYY-MM-DD")
    ed.set_defaults(handler=run_edit)
    li = s.add_parser("link", help="add ingested footage to a case")
    li.add_argument("reference", metavar="REF")
    li.add_argument("footage", nargs="+", metavar="FOOTAGE")
    li.set_defaults(handler=run_link)


def run_create(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.acting() as (session, actor):
        rec = cases.create_case(session, actor, args.reference, args.type, args.title,
                                args.deadline, args.received)
    due = f", deadline {rec.deadline.isoformat()}" if rec.deadline else ", no deadline set"
    print(f"Created case {rec.reference} ({rec.case_type.value}{due}).")
    return 0


def run_extend(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.acting() as (session, actor):
        rec = cases.extend_deadline(session, actor, args.reference, args.reason)
    print(f"Case {rec.reference} extended; deadline now "
          f"{rec.deadline.isoformat() if rec.deadline else '-'}.")
    return 0


def run_list(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.store.read() as session:
        items = cases.list_cases(session)
    print(case_rows(items) if items else "No cases.")
    return 0


def run_show(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.store.read() as session:
        rec = CaseRecord.of(cases.get_case(session, args.reference))
        items = footage.list_footage(session, args.reference)
    print(case_rows([rec]))
    print()
    print(footage_rows(items) if items else "No footage linked.")
    return 0


def run_edit(ctx: Context, args: argparse.Namespace) -> int:
    if args.title is None and args.status is None and args.deadline is None:
        raise InvalidInputError("Nothing to change: give --title, --status or --deadline.")
    with ctx.acting() as (session, actor):
        rec = cases.edit_case(session, actor, args.reference, title=args.title,
                              status=args.status, deadline=args.deadline)
    print(f"Updated case {rec.reference}.")
    return 0


def run_link(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.acting() as (session, actor):
        for key in args.footage:
            item = footage.get_footage(session, key)
            added = cases.link_footage(session, actor, args.reference, item.id)
            print(f"Footage #{item.id} {'linked to' if added else 'already in'} "
                  f"case {args.reference}.")
    return 0
