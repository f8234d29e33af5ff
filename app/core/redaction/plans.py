"""Saving and loading the redaction plan of a footage item (per case), with audit."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.case_state.status import plan_changed
from app.core.errors import QT_TRANSLATE_NOOP, ConflictError
from app.core.people.permissions import Permission, require
from app.core.redaction.plan import RedactionPlan
from app.core.store import audit
from app.core.store.models import Footage, RedactionPlanRecord, User, utcnow

CHANGED_MEANWHILE = QT_TRANSLATE_NOOP(
    "CoreMessages", "The redaction plan was changed by {who} ({when} UTC) since this was "
    "started from it; this change was not saved over theirs. Open the footage again to see "
    "their change, then make yours again.")


def changed_meanwhile(session: Session, record: RedactionPlanRecord) -> ConflictError:
    """The refusal of a change made from another plan than ``record``, the one stored."""
    who = session.get(User, record.updated_by_id) if record.updated_by_id else None
    return ConflictError(CHANGED_MEANWHILE, who=who.name if who else "?",
                         when=f"{record.updated_at:%Y-%m-%d %H:%M}")


def find_plan_record(session: Session, footage_id: int,
                     case_id: int | None) -> RedactionPlanRecord | None:
    stmt = select(RedactionPlanRecord).where(RedactionPlanRecord.footage_id == footage_id)
    stmt = stmt.where(RedactionPlanRecord.case_id.is_(None) if case_id is None
                      else RedactionPlanRecord.case_id == case_id)
    return session.scalars(stmt).first()


def load_plan(session: Session, footage_id: int, case_id: int | None) -> RedactionPlan | None:
    record = find_plan_record(session, footage_id, case_id)
    return RedactionPlan.from_json(record.plan) if record is not None else None


def save_plan(session: Session, actor: User, footage_id: int, case_id: int | None,
              plan: RedactionPlan, *, edit: str = "", reason: str = "",
              expected: str | None = None) -> str:
    """Store the plan (audited when it changed); returns its SHA-256.

    ``edit`` describes the change (e.g. "keep visible track 3") and ``reason`` gives its
    legal basis (a reason code); both are written into the audit event. ``expected``: the
    SHA-256 of the plan the change was made from ("" when none was stored; None: not
    checked). When another plan has been stored since, the change is refused
    (ConflictError), never saved over it.
    """
    plan.validate()
    digest = plan.sha256()
    # One saver at a time per footage item (PostgreSQL; SQLite writers are exclusive): two
    # clients saving the first plan at once would otherwise each add a plan row, and two
    # saving over one plan would each name the same previous version.
    # (FOR NO KEY UPDATE: it does not block rows being added that point at the footage, so
    # it cannot deadlock with work that links or queues many items under the chain's lock)
    session.execute(select(Footage.id).where(Footage.id == footage_id)
                    .with_for_update(key_share=True))
    record = find_plan_record(session, footage_id, case_id)
    if record is not None and record.plan_sha256 == digest:
        return digest  # unchanged: e.g. case staff exporting an approved plan
    require(actor, Permission.REDACT, QT_TRANSLATE_NOOP("CoreMessages", "change redaction plans"))
    if expected is not None and record is not None and record.plan_sha256 != expected:
        raise changed_meanwhile(session, record)
    previous = record.plan_sha256 if record is not None else None
    if case_id is not None:
        plan_changed(session, actor, case_id, footage_id)
    if record is None:
        record = RedactionPlanRecord(footage_id=footage_id, case_id=case_id)
        session.add(record)
    record.plan, record.plan_sha256 = plan.to_json(), digest
    record.updated_at, record.updated_by_id = utcnow(), actor.id
    session.flush()
    audit.record(session, actor.name, "plan.save", "redaction_plan", record.id,
                 {"plan_sha256": digest, "previous_sha256": previous, "edit": edit,
                  "reason": reason, "plan": plan.to_dict()},
                 case_id=case_id, footage_id=footage_id)
    return digest
