"""Checking a sealed audit extract on its own: its lines, the accounts and keys its seal
carries (rebuilt with the same rules as the store's own check, ``app.core.chain.ledger``), every
event's hash and signature, and the seal's signature."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.core.chain import chain_format
from app.core.chain.chain_format import canonical_json, fingerprint
from app.core.chain.ledger import DECISIONS, ROLE_ACTIONS, Ledger, details_of
from app.verifier.findings import Report
from app.verifier.plain_files import read_plain

# A case's extract holds its own events, a few hundred bytes each (the one of the tests' case
# is 9 KB): 64 MB is some hundred thousand events, far beyond any case. A larger file is not
# read, and a file of only blank lines costs no more than its size (they are skipped, not
# split into a list).
EXTRACT_LIMIT = 64 << 20
_BLANK = re.compile(rb"\s*")


@dataclass
class Extract:
    events: list[dict[str, Any]]
    seal: dict[str, Any] | None
    body: bytes  # every line before the seal, byte for byte


def _lines(data: bytes) -> Iterator[str]:
    """The lines of ``data`` that hold more than white space, one at a time; runs of blank
    lines are skipped at C speed (every byte that is not ASCII white space lies in a line
    that is decoded, so a byte that is not UTF-8 raises UnicodeDecodeError)."""
    pos = 0
    while True:
        blank = _BLANK.match(data, pos)
        pos = blank.end() if blank else pos
        if pos >= len(data):
            return
        start, end = data.rfind(b"\n", 0, pos) + 1, data.find(b"\n", pos)
        end = len(data) if end < 0 else end
        line = data[start:end].decode("utf-8")
        if line.strip():
            yield line
        pos = end


def read_extract(data: bytes) -> Extract:
    """Split an extract into its events and its seal (ValueError if it is not JSON Lines).
    Lines end with "\\n" only: a U+2028 inside a value is text, not a line break."""
    rows = [json.loads(line) for line in _lines(data)]
    if rows and isinstance(rows[-1], dict) and "seal" in rows[-1]:
        stripped = data.rstrip(b"\n")
        body = stripped[:stripped.rfind(b"\n") + 1]
        return Extract(rows[:-1], rows[-1]["seal"], body)
    return Extract(rows, None, data)


def event_hash(event: dict[str, Any]) -> str:
    details = event.get("details")
    text = details if isinstance(details, str) else canonical_json(details)
    return chain_format.event_hash_of({**event, "details": text})


CONFIRM_ROOT = "; the force can confirm it (bwv-verify --root)."  # (said until it is)


def check_extract(path: Path, report: Report) -> tuple[Extract | None, Ledger]:
    """Every check of one extract file; returns it (None if unreadable) and its ledger."""
    subject, ledger = path.name, Ledger()
    try:
        extract = read_extract(read_plain(path, EXTRACT_LIMIT))
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        report.failed(subject, f"cannot be read as an audit extract ({exc}).")
        return None, ledger
    seal = extract.seal
    if not isinstance(seal, dict) or seal.get("format") != chain_format.SEAL_FORMAT:
        report.failed(subject, "has no seal: lines could have been removed or changed "
                      "without trace (or it was made before extracts were sealed).")
        return extract, ledger
    body_sha = hashlib.sha256(extract.body).hexdigest()
    if body_sha != seal.get("lines_sha256") or len(extract.events) != seal.get("lines"):
        report.failed(subject, "its lines differ from the ones sealed (a line was changed, "
                      "added or removed).")
    else:
        report.passed(subject, f"{len(extract.events)} events, exactly as sealed.")
    withheld = bool(seal.get("withheld"))
    keys = [e for e in seal.get("keys") or [] if isinstance(e, dict)]
    first = min((e for e in keys if e.get("action") == "user.create"),
                key=lambda e: int(e.get("seq", 0)), default=None)
    # only a store made before signing (its first account has no key) began with sign-in
    # by system name; the seal's word alone is not enough
    ledger.os_user_sign_in = bool(seal.get("os_user_at_start")) and (
        first is not None and not details_of(first).get("public_key"))
    _replay(list(seal.get("keys") or []), [] if withheld else extract.events, ledger, report,
            subject)
    if ledger.root:
        report.roots.add(ledger.root)
    _check_seal_signature(seal, ledger, report, subject)
    if withheld:
        report.note(subject, "names and details are withheld (a requester's copy): each "
                    "event's hash and signature can be checked only against the force's "
                    "full trail.")
    return extract, ledger


def _replay(accounts: list[dict[str, Any]], events: list[dict[str, Any]], ledger: Ledger,
            report: Report, subject: str) -> None:
    """Every event, in chain order, through the ledger: hashes, signatures, registrations."""
    by_seq: dict[int, dict[str, Any]] = {}
    altered: list[int] = []
    for event in [*accounts, *events]:
        seq = int(event.get("seq", 0))
        if event_hash(event) != event.get("hash"):
            altered.append(seq)
            continue
        if seq in by_seq and by_seq[seq].get("hash") != event.get("hash"):
            altered.append(seq)
        by_seq[seq] = event
    for seq in sorted(by_seq):
        ledger.process(by_seq[seq])
    if altered:
        report.failed(subject, f"events {sorted(set(altered))} were altered (content and "
                      "hash differ).")
    for problem in ledger.problems:
        report.failed(subject, problem.message)
    if not altered and not ledger.problems:
        report.passed(subject, "every event's hash is right, every signature verifies, and "
                      "every key was registered by someone allowed to.")
    if ledger.unproven:
        report.note(subject, f"{ledger.unproven} events are by accounts that could not sign "
                    "(no password): their authorship is not proven.")
    if ledger.root:
        report.note(subject, f"the store's root key is {fingerprint(ledger.root)} "
                    f"({ledger.root_holder}'s, event #{ledger.root_seq}){CONFIRM_ROOT}")


def signer_problem(ledger: Ledger, signer: str, public: str) -> str | None:
    """Why ``signer`` could not vouch for an export or a pack with ``public`` (as the
    accounts the seal carries give it), or None: their registered key, vouched for from the
    root, an active account whose role may export."""
    account = ledger.account(signer)
    if account is None or account.key != public:
        return f"is signed by a key that is not {signer}'s registered key."
    if not account.vouched:
        return (f"is signed by {signer}'s key ({fingerprint(public)}), which was not "
                "registered by an administrator from the store's root key, so it proves "
                "nothing about who signed.")
    if not account.active or account.role not in ROLE_ACTIONS["export.create"]:
        return (f"is signed by {signer}, whose account (role "
                f"{account.role.replace('_', ' ')}{'' if account.active else ', deactivated'}"
                ") could not export or make packs.")
    return None


def export_scope(extract: Extract | None, manifest_sha: str,
                 footage_id: Any) -> tuple[str, str] | None:
    """The footage and case (as text) an export was made for: from the extract's own
    ``export.create`` event naming this manifest's SHA-256, else the footage the manifest
    names, in any case (None)."""
    for event in (extract.events if extract is not None else []):
        if event.get("action") == "export.create" \
                and details_of(event).get("manifest_sha256") == manifest_sha:
            return str(event.get("footage_id")), str(event.get("case_id"))
    return None if footage_id is None else (str(footage_id), "*")


def check_approval(approval: Any, plan_sha: Any, extract: Extract | None, ledger: Ledger,
                   report: Report, subject: str, released: bool,
                   scope: tuple[str, str] | None = None) -> None:
    """A manifest's approval must be an approval event in its extract that passed every
    check (the right supervisor, signature, role), of exactly the plan the manifest
    describes, for its footage and case (``scope``, from ``export_scope``), and still
    standing as the app counts it: the latest valid decision on that plan there is an
    approval (by anyone: a plan may be approved again). A pack (``released``) must hold one
    even when the export was a working copy approved afterwards."""
    if isinstance(approval, dict) and approval.get("plan_sha256") != plan_sha:
        report.failed(subject, "its approval is of another plan than the one it describes.")
        return
    if extract is None or extract.seal is None or extract.seal.get("withheld"):
        report.note(subject, "its approval cannot be checked here (no full audit extract).")
        return
    if not isinstance(approval, dict) and not released:
        report.note(subject, "records no supervisor's approval: a working copy, not a "
                    "release.")
        return
    by = approval.get("by") if isinstance(approval, dict) else None
    bad = {p.seq for p in ledger.problems}
    decisions = [e for e in extract.events if e.get("action") in DECISIONS
                 and int(e.get("seq", 0)) not in bad
                 and details_of(e).get("plan_sha256") == plan_sha
                 and (scope is None or (str(e.get("footage_id")) == scope[0]
                                        and scope[1] in ("*", str(e.get("case_id")))))]
    latest: dict[str, dict[str, Any]] = {}  # the latest decision in each case
    for event in decisions:
        latest[str(event.get("case_id"))] = event
    found = [e for e in decisions if e.get("action") == "plan.approve"
             and (by is None or e.get("actor") == by)]
    standing = [e for e in found
                if latest[str(e.get("case_id"))].get("action") == "plan.approve"]
    if standing:
        report.passed(subject, f"its plan was approved by {standing[-1].get('actor')} (event "
                      f"#{standing[-1].get('seq')} of the extract).")
    elif found:
        undo = latest[str(found[-1].get("case_id"))]
        report.failed(subject, f"claims an approval of plan {str(plan_sha)[:12]}…, but "
                      f"{undo.get('actor')} rejected that plan afterwards (event "
                      f"#{undo.get('seq')} of the extract).")
    else:
        report.failed(subject, f"claims an approval{f' by {by}' if by else ''} of plan "
                      f"{str(plan_sha)[:12]}… for this footage and case, but the extract "
                      "holds no valid approval event for it.")


def _check_seal_signature(seal: dict[str, Any], ledger: Ledger, report: Report,
                          subject: str) -> None:
    public, signature = seal.get("public_key"), seal.get("signature")
    sealer = str(seal.get("signed_by"))
    if not public or not signature:
        report.failed(subject, "the seal is not signed, so nothing proves who made this "
                      "extract or that it was not rewritten whole (stores whose users sign "
                      "in by operating-system name cannot sign).")
        return
    if not chain_format.signature_ok(str(public), chain_format.seal_message(seal),
                                     str(signature)):
        report.failed(subject, "the seal's signature does not verify: the seal was changed.")
        return
    problem = signer_problem(ledger, sealer, str(public))
    if problem:
        report.failed(subject, f"the seal {problem}")
    else:
        report.passed(subject, f"sealed and signed by {sealer} (key "
                      f"{fingerprint(str(public))}, registered from the root key).")
