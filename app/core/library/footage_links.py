"""Footage filed into a case: the link audited (with the footage's SHA-256), refused for
footage deleted under the retention policy. Ingest files new footage into a case with it,
below casework. Taking footage out of a case is refused once the case is finished or holds a
plan or an export of it (they belong to the case's record)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.case_state.standing import FINISHED
from app.core.case_state.status import get_case, status_label
from app.core.errors import QT_TRANSLATE_NOOP, ConflictError, NotFoundError
from app.core.people.permissions import Permission, require
from app.core.store import audit
from app.core.store.models import Case, ExportRecord, Footage, RedactionPlanRecord, User
from app.core.views.records import FootageRecord


def locked_footage(session: Session, footage_id: int) -> Footage:
    """Footage ``footage_id``, its row locked and read afresh (see ``lock_footage``), for a
    change of the cases it is in; a clear error when there is none."""
    footage = session.get(Footage, footage_id, with_for_update=True, populate_existing=True)
    if footage is None:
        raise NotFoundError(QT_TRANSLATE_NOOP(
            "CoreMessages", "No footage #{footage_id}."),
            footage_id=footage_id)
    return footage


def link_footage(session: Session, actor: User, reference: str, footage_id: int) -> bool:
    """Add footage to a case; False if it was already there."""
    require(actor, Permission.EDIT_CASE, QT_TRANSLATE_NOOP("CoreMessages", "link footage to cases"))
    case = get_case(session, reference)
    footage = locked_footage(session, footage_id)
    if footage.deleted_at is not None:
        raise ConflictError(QT_TRANSLATE_NOOP(
            "CoreMessages", "Footage #{footage_id} was deleted under the retention policy; only "
            "its record remains."),
            footage_id=footage_id)
    if footage in case.footage:
        return False
    case.footage.append(footage)
    _audited(session, actor, "case.link_footage", case, footage)
    return True


def unlink_footage(session: Session, actor: User, reference: str, footage_id: int) -> bool:
    """Take footage out of a case (audited); False if it was not in it. Refused while the
    case holds a redaction plan or an export of it: those belong to the case's record."""
    require(actor, Permission.EDIT_CASE,
            QT_TRANSLATE_NOOP("CoreMessages", "take footage out of cases"))
    case = get_case(session, reference)
    if case.status in FINISHED:
        raise ConflictError(QT_TRANSLATE_NOOP(
            "CoreMessages", "Case {reference} is {value}; its footage is part of its record."),
            reference=case.reference, value=status_label(case.status))
    footage = locked_footage(session, footage_id)
    if footage not in case.footage:
        return False
    held = session.scalar(select(RedactionPlanRecord.id).where(
        RedactionPlanRecord.case_id == case.id, RedactionPlanRecord.footage_id == footage_id)
    ) or session.scalar(select(ExportRecord.id).where(
        ExportRecord.case_id == case.id, ExportRecord.footage_id == footage_id))
    if held is not None:
        raise ConflictError(QT_TRANSLATE_NOOP(
            "CoreMessages", "Case {reference} has a redaction plan or an export of footage "
            "#{footage_id}; it stays in the case's record."),
            reference=case.reference, footage_id=footage_id)
    case.footage.remove(footage)
    _audited(session, actor, "case.unlink_footage", case, footage)
    return True


def _audited(session: Session, actor: User, action: str, case: Case, footage: Footage) -> None:
    """The link or unlink, flushed and in the audit log with the footage's SHA-256."""
    session.flush()
    audit.record(session, actor.name, action, "case", case.id,
                 {"reference": case.reference, "footage_id": footage.id,
                  "sha256": footage.sha256}, case_id=case.id, footage_id=footage.id)


def lock_footage_rows(session: Session, footage_ids: list[int]) -> None:
    """Lock every footage row first, in number order, before the audit chain's lock is
    taken by the first event: the order every other writer keeps (footage, then chain), so
    a plan saved meanwhile waits instead of deadlocking (PostgreSQL; SQLite writers are
    exclusive)."""
    session.execute(select(Footage.id).where(Footage.id.in_(footage_ids))
                    .order_by(Footage.id).with_for_update())


def case_to_work_in(footage: FootageRecord, chosen: str | None) -> str | None:
    """The case footage is worked on in: the one chosen (the library's case filter) when
    the footage is in it, else the one open case it is in; none when it is in no open case,
    or in several (then the person must choose). Work done outside its case (plan,
    approval, exports) belongs to no case and never reaches the case's disclosure pack."""
    if chosen is not None and chosen in footage.case_refs:
        return chosen
    return footage.open_case_refs[0] if len(footage.open_case_refs) == 1 else None
