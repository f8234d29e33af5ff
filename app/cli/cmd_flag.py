"""``bwv flag``: add, list, edit and delete flags on footage."""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.context import Context
from app.cli.formatting import flag_rows
from app.core.errors import InvalidInputError
from app.core.library import flags
from app.core.media.timecode import parse_time
from app.core.store.models import FlagCategory

CATEGORIES = [c.value for c in FlagCategory]


def flag_number(text: str) -> int:
    """A flag number as typed: a whole number from 1 up (the database's integer range)."""
    try:
        value = int(text.lstrip("#"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a flag number") from None
    if not 1 <= value < 2**31:
        raise argparse.ArgumentTypeError(f"{text!r} is not a flag number")
    return value


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("flag", help="add, list, edit and delete flags on footage",
                       description="A flag marks a moment (--at) or a range (--at .. --to) of "
                                   "footage. Times are SS, MM:SS or HH:MM:SS.mmm.")
    s = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    ad = s.add_parser("add", help="flag a moment or range")
    ad.add_argument("footage", metavar="FOOTAGE")
    ad.add_argument("--at", required=True, metavar="TIME", help="start time")
    ad.add_argument("--to", metavar="TIME", help="end time (for a range)")
    ad.add_argument("--category", required=True, choices=CATEGORIES)
    ad.add_argument("--label", default="")
    ad.add_argument("--note", default="")
    ad.set_defaults(handler=run_add)
    ls = s.add_parser("list", help="list a footage item's flags")
    ls.add_argument("footage", metavar="FOOTAGE")
    ls.set_defaults(handler=run_list)
    ed = s.add_parser("edit", help="change a flag")
    ed.add_argument("flag_id", type=flag_number, metavar="FLAG")
    ed.add_argument("--at", metavar="TIME")
    ed.add_argument("--to", metavar="TIME")
    ed.add_argument("--category", choices=CATEGORIES)
    ed.add_argument("--label")
    ed.add_argument("--note")
    ed.set_defaults(handler=run_edit)
    de = s.add_parser("delete", help="delete a flag (the audit trail keeps a copy)")
    de.add_argument("flag_id", type=flag_number, metavar="FLAG")
    de.set_defaults(handler=run_delete)


def run_add(ctx: Context, args: argparse.Namespace) -> int:
    end = parse_time(args.to) if args.to else None
    with ctx.acting() as (session, actor):
        rec = flags.add_flag(session, actor, args.footage, parse_time(args.at), args.category,
                             end_s=end, label=args.label, note=args.note)
    print(f"Added flag #{rec.id} at frame {rec.start_frame}.")
    return 0


def run_list(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.reading() as session:
        items = flags.list_flags(session, args.footage)
    print(flag_rows(items) if items else "No flags.")
    return 0


def run_edit(ctx: Context, args: argparse.Namespace) -> int:
    changes: dict[str, Any] = {}
    if args.at is not None:
        changes["start_s"] = parse_time(args.at)
    if args.to is not None:
        changes["end_s"] = parse_time(args.to)
    for name in ("category", "label", "note"):
        if getattr(args, name) is not None:
            changes[name] = getattr(args, name)
    if not changes:
        raise InvalidInputError(
            "Nothing to change: give --at, --to, --category, --label or --note.")
    with ctx.acting() as (session, actor):
        rec = flags.edit_flag(session, actor, args.flag_id, **changes)
    print(f"Updated flag #{rec.id}.")
    return 0


def run_delete(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.acting() as (session, actor):
        rec = flags.delete_flag(session, actor, args.flag_id)
    print(f"Deleted flag #{rec.id}.")
    return 0
