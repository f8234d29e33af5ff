"""``bwv case``: create, list, show and edit cases, move them through their status flow,
record the requester and the names to find in speech, link footage, and make the disclosure
pack of an approved export."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.arg_types import day
from app.cli.context import Context
from app.cli.formatting import case_rows, footage_rows, outline_text, table, when
from app.cli.progress import ByteBar
from app.core.audio.transcripts import case_names
from app.core.casework import case_flow, cases
from app.core.casework.disclosure_pack import build_pack
from app.core.errors import InvalidInputError
from app.core.library import footage
from app.core.store.models import CaseStatus, CaseType
from app.core.views.records import CaseRecord


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("case", help="create, list and edit cases",
                       description="Cases group footage for one request or exhibit.")
    s = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    cr = s.add_parser("create", help="create a case")
    cr.add_argument("reference", metavar="REF", help="unique case reference")
    cr.add_argument("--type", required=True, choices=[t.value for t in CaseType])
    cr.add_argument("--title", default="")
    cr.add_argument("--received", type=day, metavar="YYYY-MM-DD",
                    help="when the request arrived (default: today); sets the statutory "
                         "deadline for subject access (one month) and FOI (20 working days)")
    cr.add_argument("--deadline", type=day, metavar="YYYY-MM-DD",
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
    ed = s.add_parser("edit", help="change a case's title or deadline")
    ed.add_argument("reference", metavar="REF")
    ed.add_argument("--title")
    ed.add_argument("--deadline", type=day, metavar="YYYY-MM-DD")
    ed.set_defaults(handler=run_edit)
    st = s.add_parser(
        "status", help="move a case along its status flow",
        description="received -> in_review -> redacted -> awaiting_approval -> approved -> "
                    "released -> closed, or refused (with --exemption) -> closed. Going back, "
                    "refusing and closing an unanswered case need --reason. Asking for "
                    "approval asks it for every redaction plan of the case; approving "
                    "(supervisors) approves each plan as it is now. Every change is audited.")
    st.add_argument("reference", metavar="REF")
    st.add_argument("status", choices=[t.value for t in CaseStatus])
    st.add_argument("--reason", default="", help="why (recorded in the audit trail)")
    st.add_argument("--exemption", help="for refused: the exemption relied on, e.g. "
                                        "'FOI s.40(2)'")
    st.add_argument("--answer", nargs=2, action="append", default=[], metavar=("ITEM", "WHY"),
                    help="for approved: answer one open item (an unreviewed range, faces the "
                         "export's check still saw) listed when approval is refused")
    st.add_argument("--all-reviewed", action="store_true",
                    help="for approved: answer every open item \"all reviewed\" (after going "
                         "through the list)")
    st.set_defaults(handler=run_status)
    rq = s.add_parser("requester", help="record who made the request (personal data)",
                      description="The requester's name, their own reference and a contact. "
                                  "This is personal data: keep it minimal. The audit trail "
                                  "records that it changed, never the values.")
    rq.add_argument("reference", metavar="REF")
    rq.add_argument("--name")
    rq.add_argument("--their-reference", dest="their_reference")
    rq.add_argument("--contact")
    rq.set_defaults(handler=run_requester)
    nm = s.add_parser("names", help="the names besides the requester's to find in speech",
                      description="Names of third parties (witnesses, others named) that "
                                  "'bwv transcribe --case' and the Speech tab propose "
                                  "wherever they are said, kept with the case; the "
                                  "requester's name is always searched for. Personal data: "
                                  "the audit trail records how many, never the names. "
                                  "Without --set or --clear it prints them.")
    nm.add_argument("reference", metavar="REF")
    nm.add_argument("--set", action="append", metavar="NAME", dest="names",
                    help="the names to keep, replacing those kept (repeatable)")
    nm.add_argument("--clear", action="store_true", help="keep no names")
    nm.set_defaults(handler=run_names)
    pk = s.add_parser("pack", help="make the disclosure pack of an approved export",
                      description="A folder (or --zip) with the redacted MP4, its manifest, "
                                  "a disclosure record (HTML), the case's audit extract and "
                                  "SHA256SUMS. Only exports of a plan a supervisor approved. "
                                  "The app also writes the record as PDF.")
    pk.add_argument("export", type=int, metavar="EXPORT", help="export number (bwv case show)")
    pk.add_argument("--out", type=Path, required=True, metavar="DIR")
    pk.add_argument("--zip", action="store_true", help="one .zip instead of a folder")
    pk.set_defaults(handler=run_pack)
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
    with ctx.reading() as session:
        items = cases.list_cases(session)
    print(case_rows(items) if items else "No cases.")
    return 0


def run_show(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.reading() as session:
        rec = CaseRecord.of(cases.get_case(session, args.reference))
        items = footage.list_footage(session, args.reference)
        exports = case_flow.case_exports(session, args.reference)
        outline = case_flow.case_outline(session, args.reference).lines
    print(case_rows([rec]))
    nxt = ", ".join(s.value for s in case_flow.allowed_next(rec.status)) or "-"
    print(f"\nNext status: {nxt}")
    if rec.exemption:
        print(f"Exemption: {rec.exemption}")
    if rec.requester_name or rec.requester_reference or rec.requester_contact:
        print(f"Requester (personal data): {rec.requester_name or '-'}, their reference "
              f"{rec.requester_reference or '-'}, contact {rec.requester_contact or '-'}")
    print()
    print(footage_rows(items) if items else "No footage linked.")
    if outline:
        print("\nRedaction plans (what approving the case would let out):")
        print(outline_text(outline))
    if exports:
        print()
        print(table(["export", "footage", "file", "approved", "made"],
                    [[str(e.id), f"#{e.footage_id}", e.path, "yes" if e.approved else "no",
                      when(e.created_at)] for e in exports]))
    return 0


def run_edit(ctx: Context, args: argparse.Namespace) -> int:
    if args.title is None and args.deadline is None:
        raise InvalidInputError("Nothing to change: give --title or --deadline (the status "
                                "changes with 'bwv case status').")
    with ctx.acting() as (session, actor):
        rec = cases.edit_case(session, actor, args.reference, title=args.title,
                              deadline=args.deadline)
    print(f"Updated case {rec.reference}.")
    return 0


def run_status(ctx: Context, args: argparse.Namespace) -> int:
    answers = {key: why for key, why in args.answer}
    with ctx.acting() as (session, actor):
        before = cases.get_case(session, args.reference).status
        if args.status == CaseStatus.APPROVED.value:
            items = case_flow.case_open_items(session, args.reference)
            if args.all_reviewed:
                answers = {i.key: answers.get(i.key, "all reviewed") for i in items}
            unanswered = [i for i in items if not answers.get(i.key, "").strip()]
            if unanswered:
                print(f"Open items of case {args.reference} (answer each with --answer ITEM "
                      "WHY, or --all-reviewed after going through them):")
                for item in unanswered:
                    print(f"  {item.key}  {item.text}")
        approving = args.status == CaseStatus.APPROVED.value
        outline = case_flow.case_outline(session, args.reference).lines if approving else []
        rec = case_flow.change_status(session, actor, args.reference, args.status,
                                      args.reason, args.exemption, answers)
    print(f"Case {rec.reference}: {before.value} -> {rec.status.value}.")
    if outline:
        print("\nWhat was approved:")
        print(outline_text(outline))
    return 0


def run_requester(ctx: Context, args: argparse.Namespace) -> int:
    if args.name is None and args.their_reference is None and args.contact is None:
        raise InvalidInputError("Nothing to change: give --name, --their-reference or "
                                "--contact.")
    with ctx.acting() as (session, actor):
        rec = cases.set_requester(session, actor, args.reference, name=args.name,
                                  requester_reference=args.their_reference,
                                  contact=args.contact)
    print(f"Requester details of case {rec.reference} saved (personal data).")
    return 0


def run_names(ctx: Context, args: argparse.Namespace) -> int:
    if args.names and args.clear:
        raise InvalidInputError("Give --set or --clear, not both.")
    if args.names is None and not args.clear:
        found = case_names(ctx.store, ctx.actor_name(), args.reference)
        print(f"Names proposed in case {args.reference}'s speech, the requester's first if "
              f"given (personal data): {', '.join(found) if found else 'none'}.")
        return 0
    with ctx.acting() as (session, actor):
        kept = list(cases.set_names_to_find(session, actor, args.reference,
                                            [] if args.clear else args.names))
    print(f"Case {args.reference}: {len(kept)} name(s) to find kept besides the "
          "requester's (personal data).")
    return 0


def run_pack(ctx: Context, args: argparse.Namespace) -> int:
    name = ctx.actor_name()  # sign in before the progress bar starts
    with ByteBar() as bar:
        bar.start("copying and checking the export")
        result = build_pack(ctx.store, name, args.export, args.out, as_zip=args.zip,
                            progress=bar)
    print(f"Disclosure pack {result.path}:")
    for name, digest in sorted(result.files.items()):
        print(f"  {digest}  {name}")
    return 0


def run_link(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.acting() as (session, actor):
        items = [footage.get_footage(session, key) for key in args.footage]
        cases.lock_footage_rows(session, [item.id for item in items])
        for item in items:
            added = cases.link_footage(session, actor, args.reference, item.id)
            print(f"Footage #{item.id} {'linked to' if added else 'already in'} "
                  f"case {args.reference}.")
    return 0
