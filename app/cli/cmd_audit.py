"""``bwv audit``: verify the hash chain and export a case's trail."""

from __future__ import annotations

import argparse
import io
import sys
import time
from pathlib import Path

from sqlalchemy import select
from tqdm import tqdm

from app.cli.context import Context
from app.cli.outputs import check_output
from app.cli.progress import ByteBar
from app.core.casework import cases
from app.core.checks.integrity_check import CHAIN, LOST, REPLAY, check_store, lost_connection
from app.core.checks.trail_replay import ReplayReport
from app.core.errors import ConflictError, InvalidInputError
from app.core.fileio import atomic_write_text
from app.core.integrity import anchors
from app.core.integrity.anchors import CHECKPOINT_SUFFIX, AnchorCheck
from app.core.library.footage import VerifyStatus
from app.core.people.permissions import Permission, require
from app.core.store import audit
from app.core.store.checked_types import UnreadableValueError
from app.core.store.models import AuditEvent
from app.core.store.stored_values import StoredValuesReport, unreadable_values
from app.core.store.witness import reset_witness, witness_path


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
                                  "is broken or an export changed. Checks every event's "
                                  "signature and rebuilds users, footage, plans, exports and "
                                  "store rules from the trail, reporting any row that differs "
                                  "(exit status 1). Exit status 3 when the store could not be "
                                  "reached part-way and nothing else was found: not "
                                  "finished, check again.")
    ve.add_argument("--anchors", type=Path, action="append", default=[], metavar="DIR",
                    help="also prove the store still holds every chain head anchored in the "
                         "manifests, disclosure packs and checkpoints found in DIR "
                         "(repeatable)")
    ve.set_defaults(handler=run_verify)
    wi = s.add_parser("witness", help="re-create this computer's deleted witness file",
                      description="A deleted witness file is never re-created by itself. "
                                  "After checking the anchors ('bwv audit verify --anchors "
                                  "DIR'), an administrator writes it again at the chain's "
                                  "head now (audited, with the reason).")
    wi.add_argument("--reset", action="store_true", required=True,
                    help="write the witness at the current head")
    wi.add_argument("--reason", required=True, help="why (e.g. what was checked)")
    wi.set_defaults(handler=run_witness)
    an = s.add_parser("anchor", help="write a signed checkpoint of the chain's head",
                      description="Write the audit chain's head (store, event number and "
                                  "hash), signed with your key, to FILE: keep it outside the "
                                  "store (printed, or sent to the information-management "
                                  "unit). 'bwv audit verify --anchors DIR' proves the store "
                                  "still holds it.")
    an.add_argument("-o", "--output", type=Path, required=True, metavar="FILE",
                    help=f"checkpoint file to write (name ending {CHECKPOINT_SUFFIX})")
    an.set_defaults(handler=run_anchor)
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
    before = audit.witness_state(ctx.store)  # signing in writes a first witness
    try:
        ctx.actor_name()
    except UnreadableValueError as exc:  # an account that cannot be read: no one signs in,
        print(f"Not signed in: {exc}", file=sys.stderr)  # but where such values are is
        _print_values(unreadable_values(ctx.store), shown=False)  # listed (not the values)
        return 1
    started = time.perf_counter()
    walked = [0.0]  # seconds the chain walk took
    events = tqdm(desc="checking the chain", unit="event", disable=None, leave=False,
                  dynamic_ncols=True)

    def walk(done: int, total: int) -> None:
        events.total = total
        events.n = done
        events.refresh()
        if done >= total:
            walked[0] = time.perf_counter() - started

    try:
        with ByteBar() as bar:
            result = check_store(ctx.store, args.anchors, before=before, progress=bar,
                                 on_file=lambda f: bar.start(f"export {Path(f).name}"),
                                 walk=walk)
    finally:
        events.close()
    report, replayed = result.chain, result.replay
    _print_values(result.values)
    for name, why in result.stopped.items():
        if lost_connection(why):
            first = (str(getattr(why, "orig", why)).splitlines() or [""])[0]
            print(f"NOT CHECKED: {name} stopped: {LOST} ({first})")
        else:
            print(f"NOT CHECKED: {name} stopped: {why}")
    if CHAIN not in result.stopped:  # (a stopped chain is said above)
        _print_chain(report, walked[0])
    for finding in replayed.findings[:30]:
        print(f"TAMPERED ({finding.kind}): {finding.message}")
    if len(replayed.findings) > 30:
        print(f"TAMPERED: and {len(replayed.findings) - 30} more findings like these.")
    if REPLAY not in result.stopped:  # (a stopped replay is said above)
        _print_replay(replayed)
    _print_anchors(result.anchors)
    checks, bad = result.exports, result.broken_exports
    gone = sum(1 for c in checks if c.status is VerifyStatus.MISSING)
    replaced = sum(1 for c in checks if c.status is VerifyStatus.SUPERSEDED)
    for check in bad:
        print(f"EXPORT {check.status.value.upper()}: {check.message}")
    if checks:
        print(f"Exports: {len(checks) - len(bad) - gone - replaced} match their recorded "
              f"SHA-256, {len(bad)} do not, {gone} no longer where they were written (not "
              f"checked), {replaced} replaced by a later export to the same path.")
    if result.interrupted:
        print("NOT FINISHED: the store could not be reached part-way, so some checks did not "
              "run (above); the checks that finished found nothing changed. Check again once "
              "the store can be reached.")
        return 3  # not a finding: scripts can tell it from tampering (1)
    return 0 if result.ok else 1


def _print_replay(replayed: ReplayReport) -> None:
    print(f"Signatures: {replayed.signed} events signed and verified; {replayed.unsigned} "
          "unsigned, by accounts without a signing key (their authorship is not proven).")
    if replayed.root:
        fp, holder, seq = replayed.root
        print(f"Root key: {fp} ({holder}'s, registered by event #{seq}).")
    else:
        print("Root key: none yet (a store made before signing: its first account's next "
              "password sign-in gives it, or an administrator takes it over with "
              "'bwv user claim-root'; once anyone has a key, no approval or account change "
              "is accepted until then).")
    if replayed.self_registered:
        print("Note: no administrator vouched for the signing keys of these accounts (made "
              "before signing, or given a password by an administrator without a key); an "
              "administrator whose key is vouched for vouches for them ('bwv user vouch', "
              f"with the fingerprint each reads out): {', '.join(replayed.self_registered)}.")
    if replayed.ok:
        print("State: users, footage, plans, exports and store rules match the audit trail.")


def _print_chain(report: audit.ChainReport, seconds: float) -> None:
    if report.ok:
        rate = f", {report.count / seconds:,.0f} events/s" if seconds > 0 else ""
        print(f"OK: {report.count} events, chain intact{rate}. Head {report.head_hash}")
        if report.warning:
            print(f"Note: {report.warning}")
    else:
        print(f"BROKEN ({report.kind}) at event #{report.seq}: {report.problem}")


def _print_values(values: StoredValuesReport, shown: bool = True) -> None:
    for value in values.found[:30]:
        print(f"UNREADABLE: {value if shown else value.where()} (changed outside BWV Studio)")
    if values.count > 30:
        print(f"UNREADABLE: and {values.count - 30} more values like these.")


def _print_anchors(checks: list[AnchorCheck]) -> None:
    for check in checks:
        if not check.ok:
            print(f"ANCHOR BROKEN: {check.message}")
    if checks:
        held = sum(1 for c in checks if c.ok and not c.other_store)
        print(f"Anchors: {held} of {len(checks)} held by the store"
              + (f" ({sum(c.other_store for c in checks)} of other stores)"
                 if any(c.other_store for c in checks) else "") + ".")


def run_anchor(ctx: Context, args: argparse.Namespace) -> int:
    out: Path = args.output
    if not out.name.endswith(CHECKPOINT_SUFFIX):
        out = out.with_name(out.name + CHECKPOINT_SUFFIX)
    if out.exists():
        raise ConflictError(f"{out} already exists; choose another name.")
    with ctx.acting() as (session, actor):
        anchor = anchors.write_checkpoint(session, ctx.store.store_id, actor, out)
    signed = f"signed by {anchor['signed_by']}" if anchor.get("signature") else (
        "NOT signed (your account has no signing key)")
    print(f"Wrote {out}: event #{anchor['seq']} {anchor['hash']}, {signed}.")
    return 0


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
    check_output(ctx, out, args.force)
    buffer = io.StringIO(newline="")
    n = audit.write_events(events, buffer, args.format)
    atomic_write_text(out, buffer.getvalue())
    print(f"Wrote {n} events to {out}.", file=sys.stderr)
    return 0


def run_witness(ctx: Context, args: argparse.Namespace) -> int:
    if not args.reason.strip():
        raise InvalidInputError("Give the reason for resetting the witness (--reason).")
    with ctx.acting() as (session, actor):
        require(actor, Permission.MANAGE_USERS, "reset the audit witness")
        audit.record(session, actor.name, "audit.witness_reset", "store", ctx.store.store_id,
                     {"reason": args.reason.strip()})
    head = reset_witness(ctx.store)
    print(f"Witness written at event #{head[0] if head else 0}: {witness_path(ctx.store)}.")
    return 0
