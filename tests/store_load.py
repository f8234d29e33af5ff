"""Many clients writing to one store at once: each adds flags and saves redaction plans on the
same footage items as the others, through the core's own calls. Used by
tests/core/test_concurrent_clients.py (threads) and bench/concurrent_clients.py (processes)."""

from __future__ import annotations

import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select

from app.core.library.flags import add_flag
from app.core.people.users import resolve_actor
from app.core.redaction.plan import RedactionPlan
from app.core.redaction.plans import save_plan
from app.core.store import audit
from app.core.store.database import Store
from app.core.store.models import AuditEvent, Flag, RedactionPlanRecord


@dataclass
class ClientReport:
    name: str
    flags: int = 0
    plans: int = 0
    errors: list[str] = field(default_factory=list)


def run_client(url: str, data_dir: str, number: int, footage_ids: list[int],
               rounds: int, ready: Callable[[], object] | None = None) -> ClientReport:
    """Client ``number`` (its own store connection, signed in as ``client<number>``):
    ``rounds`` times, flag a footage item and save a plan for it that no other client saves."""
    name = f"client{number}"
    report = ClientReport(name)
    store = Store(url, Path(data_dir))
    if ready is not None:
        ready()  # every client opened its store: start together
    try:
        for r in range(rounds):
            footage_id = footage_ids[r % len(footage_ids)]
            try:
                with store.transaction() as session:
                    actor = resolve_actor(session, name)
                    add_flag(session, actor, footage_id, 0.01 * (r % 40), "evidence",
                             label=f"{name} round {r}")
                report.flags += 1
                with store.transaction() as session:
                    actor = resolve_actor(session, name)
                    plan = RedactionPlan(keep_tracks=[r], false_positive_tracks=[1000 + number])
                    save_plan(session, actor, footage_id, None, plan, edit=f"{name} round {r}")
                report.plans += 1
            except Exception:
                report.errors.append(traceback.format_exc(limit=3))
    finally:
        store.close()
    return report


@dataclass(frozen=True)
class StoreCounts:
    flags: int
    flag_events: int
    plan_events: int
    plan_rows: int
    plan_rows_per_item: int
    chain_ok: bool


def count(store: Store) -> StoreCounts:
    """What the store holds after the clients: rows, events and whether the chain is whole."""
    with store.read() as session:
        flags = int(session.scalar(select(func.count(Flag.id))) or 0)
        events = dict(session.execute(
            select(AuditEvent.action, func.count(AuditEvent.seq))
            .where(AuditEvent.action.in_(["flag.add", "plan.save"]))
            .group_by(AuditEvent.action)).all())
        plan_rows = int(session.scalar(select(func.count(RedactionPlanRecord.id))) or 0)
        most = int(session.scalar(select(func.count(RedactionPlanRecord.id))
                                  .group_by(RedactionPlanRecord.footage_id,
                                            RedactionPlanRecord.case_id)
                                  .order_by(func.count(RedactionPlanRecord.id).desc())
                                  .limit(1)) or 0)
    return StoreCounts(flags, int(events.get("flag.add", 0)), int(events.get("plan.save", 0)),
                       plan_rows, most, audit.verify(store).ok)
