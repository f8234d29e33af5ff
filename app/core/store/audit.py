"""The tamper-evident audit trail: a SHA-256 hash chain in the ``audit_events`` table.

Each event's hash covers a canonical JSON serialisation of its content and the previous
event's hash. The sequence number orders events but is not hashed, so a reorder shows as a
broken link rather than as an edit. Database triggers refuse UPDATE and DELETE; ``verify``
catches anyone who bypasses them (edited, deleted, reordered or inserted events).

The chain alone cannot notice its newest events being cut off, so after every commit the
head (sequence number and hash) is written to a *witness* file (``witness.py``); ``verify``
compares the chain with it. Anchors outside the store (``anchors.py``) and the events'
signatures (``checks/trail_replay.py``) do the same without any file on this computer.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TextIO, cast

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from app.core.chain import signing
from app.core.chain.chain_format import GENESIS_HASH as GENESIS_HASH
from app.core.chain.chain_format import HASHED_FIELDS, event_hash_of
from app.core.chain.chain_format import canonical_json as canonical_json
from app.core.errors import QT_TRANSLATE_NOOP, InvalidInputError, SignInError
from app.core.progress import CancelToken, ProgressFn, no_progress
from app.core.store.database_locks import hold_chain as hold_chain
from app.core.store.models import AuditEvent, User, case_footage
from app.core.store.witness import read_witness, witness_deleted
from app.core.store.witness import witness_path as witness_path

if TYPE_CHECKING:
    from app.core.store.database import Store

# Work that records many events (queueing a batch, verifying every original) writes them this
# many to a transaction: each event waits for the chain's one lock (on SQLite the whole
# store's write lock), about 1.2 ms an event, so a part holds it a quarter of a second and
# other programs (a worker saving its result, an officer adding a flag) get in between parts.
PART = 200

EXPORT_FIELDS = (
    "seq", "occurred_at", "actor", "action", "object_type", "object_id",
    "case_id", "footage_id", "details", "prev_hash", "hash", "signature",
)


def event_hash(event: AuditEvent) -> str:
    """Recompute an event's hash from its stored content."""
    return event_hash_of({name: getattr(event, name) for name in HASHED_FIELDS})


def timestamp() -> str:
    """Now, as the trail writes it (UTC, microseconds)."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def record(
    session: Session,
    actor: str,
    action: str,
    object_type: str,
    object_id: int | str,
    details: dict[str, Any] | None = None,
    *,
    case_id: int | None = None,
    footage_id: int | None = None,
) -> AuditEvent:
    """Append one event in the caller's transaction (so it commits with the change itself).

    The event is signed with the actor's key if it is open in this process (see
    :mod:`app.core.chain.signing`). Appends are serialised (PostgreSQL advisory lock; SQLite
    write transactions begin IMMEDIATE), so two writers never race for the same sequence
    number.
    """
    hold_chain(session)
    last = session.scalars(
        select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1)  # locked above
    ).first()
    event = AuditEvent(
        seq=(last.seq + 1) if last else 1,
        occurred_at=timestamp(),
        actor=actor,
        action=action,
        object_type=object_type,
        object_id=str(object_id),
        case_id=case_id,
        footage_id=footage_id,
        details=canonical_json(details or {}),
        prev_hash=last.hash if last else GENESIS_HASH,
    )
    event.hash = event_hash(event)
    require_current_key(session, actor)
    key = signing.signers(session).get(actor)
    event.signature = signing.sign_event(key, event.hash) if key is not None else None
    session.add(event)
    session.flush()
    return event



def require_current_key(session: Session, name: str) -> None:
    """Refuse to go on signing as ``name`` with a key that is no longer theirs (an
    administrator reset the password while they were signed in here)."""
    key = signing.signers(session).get(name)
    if key is not None and signing.public_hex(key) != session.scalar(
            select(User.public_key).where(User.name == name)):
        signing.signers(session).pop(name, None)
        raise SignInError(QT_TRANSLATE_NOOP(
            "CoreMessages", "The signing key of {name!r} was replaced (an administrator reset "
            "the password): sign in again; nothing was saved."),
            name=name)


# --- verification -------------------------------------------------------------------------


@dataclass(frozen=True)
class ChainReport:
    """Outcome of :func:`verify`. ``problem`` is None when the chain is intact."""

    count: int
    head_hash: str
    problem: str | None = None
    kind: str | None = None  # edited | deleted | reordered | inserted | renumbered | truncated
    seq: int | None = None
    warning: str | None = None  # the check could not be complete (e.g. no witness here)

    @property
    def ok(self) -> bool:
        return self.problem is None


def _classify_break(session: Session, event: AuditEvent, prev: AuditEvent | None) -> ChainReport:
    """Explain why ``event`` does not link to ``prev``."""
    count = session.query(AuditEvent).count()
    target = session.scalars(
        select(AuditEvent).where(AuditEvent.hash == event.prev_hash)
    ).first()
    if event.prev_hash == GENESIS_HASH or (target is not None and target.seq > event.seq):
        return ChainReport(
            count, "", kind="reordered", seq=event.seq,
            problem=f"Event #{event.seq} is out of order: it should come after event "
                    f"#{target.seq if target else 0}, not after event #{prev.seq if prev else 0}.",
        )
    if target is not None and prev is not None and prev.prev_hash == event.prev_hash:
        return ChainReport(
            count, "", kind="inserted", seq=prev.seq,
            problem=f"Event #{prev.seq} was inserted: it is not part of the original chain "
                    f"(event #{event.seq} follows event #{target.seq} directly).",
        )
    if target is not None:
        return ChainReport(
            count, "", kind="deleted", seq=event.seq,
            problem=f"Events between #{target.seq} and #{event.seq} are missing or were "
                    f"replaced (event #{event.seq} links to event #{target.seq}).",
        )
    after = prev.seq if prev else 0
    return ChainReport(
        count, "", kind="deleted", seq=event.seq,
        problem=f"The event before #{event.seq} is missing: it links to an event that no "
                f"longer exists (deleted, or edited and re-hashed), after event #{after}.",
    )


WitnessState = tuple[tuple[tuple[int, str] | None, str | None], bool]


def witness_state(store: Store) -> WitnessState:
    """This computer's witness as it is now (read before signing in: a sign-in is a change,
    after which the first witness of a store is written)."""
    return read_witness(store), witness_deleted(store)


WALK_STEP = 5000  # events between progress reports and cancel checks


def verify(store: Store, before: WitnessState | None = None,
           progress: ProgressFn = no_progress,
           cancel: CancelToken | None = None) -> ChainReport:
    """Walk the whole chain and compare its head with this computer's witness (as it was
    ``before`` this command changed anything, when given). Streams the events (memory flat
    in the trail's length); ``progress(events checked, events)`` every WALK_STEP events."""
    (witness, witness_problem), deleted = before or witness_state(store)  # before the walk
    with store.read() as session:
        head = GENESIS_HASH
        prev_seq: int | None = None
        expected_seq = 1
        count = 0
        total = session.scalar(select(func.count()).select_from(AuditEvent)) or 0
        progress(0, total)
        columns = [getattr(AuditEvent, name) for name in (*HASHED_FIELDS, "seq", "hash")]
        rows = session.execute(select(*columns).order_by(AuditEvent.seq)
                               .execution_options(yield_per=5000))  # plain rows: no ORM cost
        for row in rows:
            if count % WALK_STEP == 0 and count:
                progress(count, total)
                if cancel is not None:
                    cancel.check()
            fields = cast("Mapping[str, Any]", row._mapping)
            seq = fields["seq"]
            if event_hash_of(fields) != fields["hash"]:
                return ChainReport(
                    count, "", kind="edited", seq=seq,
                    problem=f"Event #{seq} ({fields['action']}) was edited: its content no "
                            "longer matches its hash.",
                )
            if fields["prev_hash"] != head:
                event = session.get(AuditEvent, seq)
                before_it = session.get(AuditEvent, prev_seq) if prev_seq else None
                assert event is not None
                return _classify_break(session, event, before_it)
            if seq != expected_seq:
                return ChainReport(
                    count, "", kind="renumbered", seq=seq,
                    problem=f"Sequence numbers were altered: expected #{expected_seq}, found "
                            f"#{seq} (the chain links are intact).",
                )
            head, prev_seq = fields["hash"], seq
            expected_seq, count = expected_seq + 1, count + 1
        progress(count, total)
        if witness is not None:
            w_seq, w_hash = witness
            if count < w_seq:
                return ChainReport(
                    count, head, kind="truncated", seq=count + 1,
                    problem=f"The newest events were deleted: this computer saw event #{w_seq}, "
                            f"but the trail ends at #{count}.",
                )
            witnessed = session.get(AuditEvent, w_seq) if w_seq else None
            if witnessed is not None and witnessed.hash != w_hash:
                return ChainReport(
                    count, head, kind="edited", seq=w_seq,
                    problem=f"The trail was rewritten: event #{w_seq} differs from the one this "
                            "computer saw.",
                )
        warning = witness_problem
        if witness is None and warning is None and count and deleted:
            warning = (f"This computer's witness file for this store was deleted "
                       f"({witness_path(store)}); it is not re-created, so the newest events "
                       "are unchecked here. Check the anchors ('bwv audit verify --anchors "
                       "DIR'), then an administrator runs 'bwv audit witness --reset'.")
        elif witness is None and warning is None and count:
            warning = ("This computer holds no witness for this store, so deletion of the "
                       "newest events cannot be checked here (run verify on the computer "
                       "that made them, or check the anchors with --anchors).")
        return ChainReport(count, head, warning=warning)


# --- export -------------------------------------------------------------------------------


def case_events(session: Session, case_id: int) -> list[AuditEvent]:
    """Events about the case itself or any footage linked to it, in chain order."""
    footage_ids = select(case_footage.c.footage_id).where(case_footage.c.case_id == case_id)
    stmt = (
        select(AuditEvent)
        .where(or_(
            AuditEvent.case_id == case_id,
            # footage history, but never events that belong to another case
            and_(AuditEvent.footage_id.in_(footage_ids), AuditEvent.case_id.is_(None)),
        ))
        .order_by(AuditEvent.seq)
    )
    return list(session.scalars(stmt))


def event_as_dict(event: AuditEvent) -> dict[str, Any]:
    return {name: getattr(event, name) for name in EXPORT_FIELDS}


def footage_events(session: Session, footage_id: int,
                   case_id: int | None = None) -> list[AuditEvent]:
    """Events about one footage item (and, with ``case_id``, that case), in chain order.

    Events that belong to another case are left out, so an extract never leaks across cases.
    """
    scope = AuditEvent.case_id.is_(None) if case_id is None else or_(
        AuditEvent.case_id.is_(None), AuditEvent.case_id == case_id)
    about = AuditEvent.footage_id == footage_id
    if case_id is not None:
        about = or_(about, and_(AuditEvent.case_id == case_id,
                                AuditEvent.footage_id.is_(None)))
    return list(session.scalars(select(AuditEvent).where(about, scope)
                                .order_by(AuditEvent.seq)))


def write_events(events: Iterable[AuditEvent], out: TextIO, fmt: str) -> int:
    """Write events as ``csv`` or ``jsonl``; return how many were written."""
    if fmt not in ("csv", "jsonl"):
        raise InvalidInputError(QT_TRANSLATE_NOOP(
            "CoreMessages", "Unknown format {fmt!r}: use csv or jsonl."),
            fmt=fmt)
    n = 0
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=EXPORT_FIELDS, lineterminator="\n")
        writer.writeheader()
        for event in events:
            writer.writerow(event_as_dict(event))
            n += 1
    else:
        for event in events:
            row = event_as_dict(event)
            row["details"] = json.loads(event.details)
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
    return n
