"""The audit trail as the source of truth: signatures checked and the state that matters
rebuilt from the events, then compared with the tables.

What is rebuilt: users (name, role, active, signing key: ``chain/ledger.py``, which also checks
every signature and who may change accounts), footage (file hash, size, path), redaction
plans (the exact plan saved last), exports (paths, hashes, what their own check saw, who
made them and when) and the store rules. Any row that differs from what the events say, that
no event accounts for, or that an event made and is now gone, is reported with its row; so
is an event whose actor's role (as the trail itself gives it at that moment) did not allow
it: every action, by the core's permissions (``action_permissions``). Nothing here trusts
the ``users`` table.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.core.audio.transcripts import stored_words
from app.core.chain.chain_format import fingerprint
from app.core.chain.ledger import Ledger, details_of
from app.core.checks.action_permissions import refusal
from app.core.export.manifest import manifest_path
from app.core.integrity.trail_accounts import starts_with_os_user
from app.core.policy.store_policy import expected_rules, parse_rules
from app.core.progress import CancelToken
from app.core.store.checked_types import UnreadableValueError
from app.core.store.models import (
    AuditEvent,
    Case,
    ExportRecord,
    Footage,
    RedactionPlanRecord,
    StoreInfo,
    TranscriptRecord,
)


@dataclass(frozen=True)
class Finding:
    kind: str  # signature | unsigned | role | users | footage | plans | exports | rules |
    # cases | transcripts
    message: str
    seq: int | None = None


@dataclass
class ReplayReport:
    """Findings (each is tampering or a broken rule) and facts worth saying."""

    events: int = 0
    signed: int = 0
    unsigned: int = 0  # by accounts that could not sign: authorship not proven
    findings: list[Finding] = field(default_factory=list)
    self_registered: list[str] = field(default_factory=list)  # keys no administrator vouched
    root: tuple[str, str, int] | None = None  # the root key: fingerprint, holder, event seq

    @property
    def ok(self) -> bool:
        return not self.findings


@dataclass
class _State:
    footage: dict[str, tuple[str, int, str]] = field(default_factory=dict)  # sha, size, path
    originals: dict[str, str] = field(default_factory=dict)  # ingested sha256 -> footage id
    # plan id -> sha256, footage id, case id, who saved it
    plans: dict[str, tuple[str, int | None, int | None, str]] = field(default_factory=dict)
    exports: dict[str, dict[str, Any]] = field(default_factory=dict)  # export id -> columns
    problems: list[tuple[str, str, int]] = field(default_factory=list)  # kind, message, seq
    # (footage id, case id, plan sha256) -> the latest valid decision: approved or not
    decisions: dict[tuple[int | None, int | None, str], bool] = field(default_factory=dict)
    require_approval: bool = True  # the store's rule as the trail stands (the default: on)
    cases: dict[str, tuple[str, str]] = field(default_factory=dict)  # id -> reference, type
    # transcript id -> footage id, audio track, SHA-256 of its words (None: not recorded)
    transcripts: dict[str, tuple[int | None, int, str | None]] = field(default_factory=dict)
    export_times: dict[str, str] = field(default_factory=dict)  # export id -> its event's time


def _apply(state: _State, event: AuditEvent, details: dict[str, Any], ledger: Ledger) -> None:
    oid, action = event.object_id, event.action
    if action == "footage.ingest":
        state.footage[oid] = (str(details.get("sha256")), int(details.get("size_bytes", -1)),
                              str(details.get("path")))
        state.originals[str(details.get("sha256"))] = oid
    elif action == "plan.save":
        state.plans[oid] = (str(details.get("plan_sha256")), event.footage_id, event.case_id,
                            event.actor)
    elif action in ("plan.approve", "plan.reject"):
        saved = state.plans.get(oid)
        if saved is not None and saved[3] == event.actor \
                and saved[0] == details.get("plan_sha256"):
            state.problems.append(("role", f"Event #{event.seq} ({action} by {event.actor}) "
                                   "decides on a plan its own maker saved last.", event.seq))
        if saved is None or (saved[1], saved[2]) != (event.footage_id, event.case_id):
            state.problems.append(("plans", f"Event #{event.seq} ({action}) is about a plan "
                                   "of other footage or another case.", event.seq))
        elif saved[3] != event.actor:
            state.decisions[(event.footage_id, event.case_id,
                             str(details.get("plan_sha256")))] = action == "plan.approve"
    elif action == "retention.delete" and "plans_removed" in details:  # (since 2026-12-04
        # its plans go with it; earlier deletions kept them)
        for gone in [k for k, v in state.plans.items() if v[1] == event.footage_id]:
            del state.plans[gone]
    elif action == "case.create":  # its reference and type are never changed after
        state.cases[oid] = (str(details.get("reference")), str(details.get("type")))
    elif action == "transcript.create":
        sha = details.get("sha256")
        state.transcripts[str(details.get("transcript_id"))] = (
            event.footage_id, int(details.get("audio_track", -1)),
            str(sha) if sha is not None else None)
    elif action == "policy.change" and isinstance(details.get("require_approval"), list):
        state.require_approval = bool(details["require_approval"][1])
    elif action == "pack.create":
        made = state.exports.get(oid)
        files = details.get("files")
        packed = set(files.values()) if isinstance(files, dict) else set()
        if made is not None and not {made["sha256"], made["manifest_sha256"]} <= packed:
            state.problems.append(("exports", f"Event #{event.seq} records a disclosure pack "
                                   f"of export #{oid} that does not hold that export's video "
                                   "and manifest.", event.seq))
        elif made is not None and made.get("working_copy"):
            state.problems.append(("exports", f"Event #{event.seq} records a disclosure pack "
                                   f"of export #{oid}, a batch working copy (never "
                                   "released).", event.seq))
        elif made is not None and not state.decisions.get(
                (made["footage_id"], made["case_id"], str(made["plan_sha256"]))):
            state.problems.append(("exports", f"Event #{event.seq} records a disclosure pack "
                                   f"of export #{oid}, whose plan no supervisor had "
                                   "approved.", event.seq))
    elif action == "export.create":
        _check_export(state, event, details, ledger)
        path = str(details.get("path"))
        maker = ledger.by_name.get(event.actor)  # (unknown in a trail older than accounts)
        state.exports[oid] = {
            "path": path, "sha256": details.get("sha256"),
            "manifest_sha256": details.get("manifest_sha256"),
            "plan_sha256": details.get("plan_sha256"), "footage_id": event.footage_id,
            "case_id": event.case_id,
            "manifest_path": details.get("manifest_path", str(manifest_path(Path(path)))),
            **({"size_bytes": details["size_bytes"]} if "size_bytes" in details else {}),
            # what its own check still saw (0: nothing): it decides whether a supervisor
            # must answer it before release
            **({"residual_findings": details["residual_findings"]}
               if "residual_findings" in details else {}),
            **({"created_by_id": int(maker)} if maker is not None and maker.isdigit() else {}),
            "working_copy": details.get("working_copy") is True}
        state.export_times[oid] = event.occurred_at


def _check_export(state: _State, event: AuditEvent, details: dict[str, Any],
                  ledger: Ledger) -> None:
    """An export must not be an original file as ingested, and (signed, so made by a version
    that enforces approval) must have had a standing approval of its exact plan when the
    store's rule or the exporter's role required one."""
    originals = state.originals  # (kept as the trail goes: no pass over all footage here)
    if details.get("sha256") in originals:
        state.problems.append(("exports", f"Event #{event.seq} records export #"
                               f"{event.object_id} whose video is footage #"
                               f"{originals[str(details.get('sha256'))]} as ingested: the "
                               "original, not redacted.", event.seq))
    actor = ledger.account(event.actor)
    staff = actor is not None and actor.role == "case_staff"
    if details.get("working_copy") is True and staff:
        state.problems.append(("exports", f"Event #{event.seq} records a working copy "
                               f"#{event.object_id} made by case staff, who export approved "
                               "plans only.", event.seq))
    # a batch working copy needs no approval: it is never packed (checked at pack.create)
    needed = staff or (state.require_approval and details.get("working_copy") is not True)
    key = (event.footage_id, event.case_id, str(details.get("plan_sha256")))
    if event.signature and needed and not state.decisions.get(key):
        state.problems.append(("exports", f"Event #{event.seq} records export #"
                               f"{event.object_id} of a plan no supervisor had approved, "
                               "while an approval was required.", event.seq))


def _compare_users(session: Session, ledger: Ledger, add: Any) -> None:
    def key(public: str | None) -> str | None:
        return fingerprint(public) if public else None

    seen = set()
    # the raw columns: a role the app does not know is a finding, not a crash
    for user in session.execute(text("SELECT id, name, role, active, public_key FROM users "
                                     "ORDER BY id")):
        seen.add(str(user.id))
        want = ledger.accounts.get(str(user.id))
        row = f"users row #{user.id} ({user.name})"
        if want is None:
            add("users", f"The {row} was not made by any event.")
            continue
        got = (user.name, str(user.role), bool(user.active), key(user.public_key))
        expected = (want.name, want.role, want.active, key(want.key))
        for label, g, w in zip(("name", "role", "active", "signing key"), got, expected,
                               strict=True):
            if g != w:
                add("users", f"The {row} has {label} {g!r}, but the audit trail gives {w!r}.")
    for uid, account in ledger.accounts.items():
        if uid not in seen:
            add("users", f"The account {account.name} (users row #{uid}) made by the audit "
                "trail is missing from the users table.")


def _compare(session: Session, state: _State, ledger: Ledger, add: Any) -> None:
    """Every row that matters must be what the events say it is, and still be there."""
    rows: dict[str, set[str]] = {"footage": set(), "plans": set(), "exports": set()}
    footage = _readable_rows(session, Footage, "footage", add)
    plans = _readable_rows(session, RedactionPlanRecord, "plans", add)
    exports = _readable_rows(session, ExportRecord, "exports", add)
    unread = {kind for kind, read in (("footage", footage), ("plans", plans),
                                      ("exports", exports)) if read is None}
    for item in footage or []:
        rows["footage"].add(str(item.id))
        known = state.footage.get(str(item.id))
        row = f"footage row #{item.id} ({item.file_name})"
        if known is None:
            add("footage", f"The {row} was not ingested by any event.")
        elif (item.sha256, item.size_bytes, item.original_path) != known:
            add("footage", f"The {row} has SHA-256 {item.sha256[:12]}… ({item.size_bytes} "
                f"bytes) at {item.original_path}, but the file ingested was "
                f"{known[0][:12]}… ({known[1]} bytes) at {known[2]}.")
    for plan in plans or []:
        rows["plans"].add(str(plan.id))
        row = f"redaction plan #{plan.id} (footage #{plan.footage_id})"
        actual = hashlib.sha256(plan.plan.encode("utf-8")).hexdigest()
        saved = state.plans.get(str(plan.id))
        if saved is None or saved[0] != plan.plan_sha256:
            add("plans", f"The {row} is not the plan its last saving event recorded.")
        elif (plan.footage_id, plan.case_id) != (saved[1], saved[2]):
            add("plans", f"The {row} belongs to footage #{plan.footage_id}, case "
                f"{plan.case_id}, but it was saved for footage #{saved[1]}, case {saved[2]}.")
        elif actual != plan.plan_sha256:
            add("plans", f"The {row} was edited: its text no longer matches its SHA-256.")
        elif str(plan.updated_by_id) != ledger.by_name.get(saved[3], str(plan.updated_by_id)):
            add("plans", f"The {row} names user #{plan.updated_by_id} as its last editor, but "
                f"{saved[3]} saved it.")
    for export in exports or []:
        rows["exports"].add(str(export.id))
        known_export = state.exports.get(str(export.id))
        if known_export is None:
            add("exports", f"The export row #{export.id} ({export.path}) was not made by "
                "any event.")
            continue
        differ = [name for name, value in known_export.items()
                  if getattr(export, name) != value]
        if not _made_when_recorded(export.created_at, state.export_times.get(str(export.id))):
            differ.append("created_at")
        if differ:
            add("exports", f"The export row #{export.id} ({export.path}) differs from its "
                f"export event: {', '.join(differ)}.")
    _compare_cases_and_transcripts(session, state, add)
    for kind, made in (("footage", state.footage), ("plans", state.plans),
                       ("exports", state.exports)):
        if kind in unread:  # (its rows could not be read: none is called missing)
            continue
        for gone in sorted(set(made) - rows[kind], key=int):
            add(kind, f"The {kind} row #{gone} that the audit trail made is missing.")


def _readable_rows(session: Session, model: Any, kind: str, add: Any) -> list[Any] | None:
    """Every row of ``model`` in id order; None, with a finding, where one holds a value its
    column cannot hold (the integrity check lists which): the other tables are still
    compared, and every signature still checked."""
    try:
        return list(session.scalars(select(model).order_by(model.id)))
    except UnreadableValueError as exc:
        add(kind, f"The {kind} rows could not be compared with the audit trail: {exc}")
        return None


# An export row is stamped when it is added, its event once the chain's lock is held (another
# writer's transaction may hold it meanwhile), in the same transaction: a little earlier.
MADE_BEFORE_RECORDED = timedelta(hours=1)
CLOCK_SLACK = timedelta(minutes=1)  # (the computer's clock set back in between)


def _made_when_recorded(created_at: datetime | None, recorded: str | None) -> bool:
    """Whether an export row's time fits its event's (``audit.timestamp``, UTC); True
    when the event's time is unreadable (nothing to compare)."""
    try:
        at = datetime.fromisoformat(str(recorded))
    except ValueError:
        return True
    at = at.replace(tzinfo=UTC) if at.tzinfo is None else at
    if created_at is None:
        return False
    made = created_at.replace(tzinfo=UTC) if created_at.tzinfo is None else created_at
    return at - MADE_BEFORE_RECORDED <= made <= at + CLOCK_SLACK


def _compare_cases_and_transcripts(session: Session, state: _State, add: Any) -> None:
    """A case's reference and type (they name the pack and decide what its extract
    withholds) and a transcript's words (released in manifests and packs) must be what their
    creating events recorded. (Rows that retention removed are not missed.)"""
    for case in _readable_rows(session, Case, "cases", add) or []:
        known = state.cases.get(str(case.id))
        if known is None:
            add("cases", f"The case row #{case.id} ({case.reference}) was not made by any "
                "event.")
        elif (case.reference, case.case_type.value) != known:
            add("cases", f"The case row #{case.id} is {case.reference} ({case.case_type.value}"
                f"), but it was made as {known[0]} ({known[1]}).")
    for record in _readable_rows(session, TranscriptRecord, "transcripts", add) or []:
        made = state.transcripts.get(str(record.id))
        row = f"transcript row #{record.id} (footage #{record.footage_id})"
        if made is None:
            add("transcripts", f"The {row} was not made by any event.")
        elif (record.footage_id, record.audio_track) != made[:2]:
            add("transcripts", f"The {row} is of footage #{record.footage_id}, audio track "
                f"{record.audio_track + 1}, but it was made for footage #{made[0]}, track "
                f"{made[1] + 1}.")
        elif made[2] is not None and stored_words(record)[1] != made[2]:
            add("transcripts", f"The {row} was edited: its words are not those its event "
                "recorded.")


def _compare_rules(session: Session, add: Any) -> None:
    """Each rule row must hold exactly what the valid events made it (``expected_rules``)."""
    expected = expected_rules(session)
    found = {info.key: info.value for info in session.scalars(
        select(StoreInfo).where(StoreInfo.key.like("policy:%")))}
    for key, value in sorted(found.items()):
        if key not in expected:
            add("rules", f"The store rule {key} was not set by any valid event (a row "
                "inserted into store_info, or set by a forged event).")
            continue
        try:
            same = parse_rules(value) == expected[key]
        except (ValueError, TypeError, OverflowError):
            same = False
        if not same:
            add("rules", f"The store rule {key} differs from the one its event recorded.")
    for key in sorted(set(expected) - set(found)):
        add("rules", f"The store rule {key} that an event set is missing.")


def _compare_store_id(session: Session, add: Any) -> None:
    """The id recorded in the store's first account event (anchors and witnesses name it)."""
    first = session.scalars(select(AuditEvent.details).where(
        AuditEvent.details.like('%"store_id"%'),
        AuditEvent.action.in_(("user.create", "user.key", "user.password")))
        .order_by(AuditEvent.seq).limit(1)).first()
    recorded = json.loads(first).get("store_id") if first else None
    row = session.get(StoreInfo, "store_id")
    if recorded and (row is None or row.value != recorded):
        add("store", f"The store's id was changed to {row.value if row else None!r}; the "
            f"audit trail recorded {recorded!r} (anchors and witnesses name the store by it).")


CANCEL_EVERY = 2_000  # events between looks at the cancel token


def replay(session: Session, cancel: CancelToken | None = None) -> ReplayReport:
    """Check every signature and rebuild the state from the whole trail (chain order);
    ``cancel`` stops it (every few thousand events) with :class:`Cancelled`."""
    ledger, state, report = Ledger(judge=refusal), _State(), ReplayReport()
    ledger.os_user_sign_in = starts_with_os_user(session)
    for event in session.scalars(select(AuditEvent).order_by(AuditEvent.seq)).yield_per(500):
        report.events += 1
        if cancel is not None and report.events % CANCEL_EVERY == 0:
            cancel.check()
        row = {"seq": event.seq, "actor": event.actor, "action": event.action,
               "object_id": event.object_id, "details": event.details, "hash": event.hash,
               "signature": event.signature}
        try:
            before = len(ledger.problems)
            ledger.process(row)
            if len(ledger.problems) == before:
                _apply(state, event, details_of(row), ledger)
        except (KeyError, ValueError, TypeError, IndexError) as exc:
            report.findings.append(Finding("events", f"Event #{event.seq} ({event.action}) "
                                           f"has malformed details ({exc!r}).", event.seq))
    report.findings[:0] = [Finding(p.kind, p.message, p.seq) for p in ledger.problems]
    report.signed, report.unsigned = ledger.signed, ledger.unproven
    _compare_users(session, ledger, lambda k, m: report.findings.append(Finding(k, m)))
    report.findings += [Finding(k, m, seq) for k, m, seq in state.problems]
    _compare(session, state, ledger, lambda k, m: report.findings.append(Finding(k, m)))
    _compare_rules(session, lambda k, m: report.findings.append(Finding(k, m)))
    _compare_store_id(session, lambda k, m: report.findings.append(Finding(k, m)))
    if ledger.root and ledger.root_holder and ledger.root_seq is not None:
        report.root = (fingerprint(ledger.root), ledger.root_holder, ledger.root_seq)
    report.self_registered = sorted(a.name for a in ledger.accounts.values()
                                    if a.key and not a.vouched)
    return report
