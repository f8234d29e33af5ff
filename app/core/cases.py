"""Cases: create, edit, list, and link footage. (Deadlines and status flow grow in issue 7.)"""

from __future__ import annotations

from datetime import date
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core import audit
from app.core.deadlines import statutory_deadline
from app.core.errors import ConflictError, InvalidInputError, NotFoundError
from app.core.models import Case, CaseStatus, CaseType, Footage, User, utcnow
from app.core.records import CaseRecord

E = TypeVar("E", CaseType, CaseStatus)


def _enum_value(cls: type[E], value: str | E, what: str) -> E:
    try:
        return cls(value)
    except ValueError:
        names = ", ".join(m.value for m in cls)
        raise InvalidInputError(f"Unknown {what} {value!r}: use one of {names}.") from None


def get_case(session: Session, reference: str) -> Case:
    case = session.scalars(select(Case).where(Case.reference == reference)).first()
    if case is None:
        raise NotFoundError(f"No case with reference {reference!r}.")
    return case


def create_case(session: Session, actor: User, reference: str, case_type: str | CaseType,
                title: str = "", deadline: date | None = None,
                received_on: date | None = None) -> CaseRecord:
    """A new case. Without a ``deadline`` the statutory one (SAR, FOI) is computed from the
    date the request was received (default: today)."""
    reference = reference.strip()
    if not reference:
        raise InvalidInputError("A case needs a reference.")
    if len(reference) > 64 or len(title.strip()) > 256:
        raise InvalidInputError("A case reference is at most 64 characters and a title 256.")
    if session.scalars(select(Case.id).where(Case.reference == reference)).first() is not None:
        raise ConflictError(f"A case with reference {reference!r} already exists.")
    kind = _enum_value(CaseType, case_type, "case type")
    received_on = received_on or utcnow().date()
    case = Case(reference=reference, title=title.strip(), case_type=kind,
                status=CaseStatus.RECEIVED, created_by_id=actor.id, received_on=received_on,
                deadline=deadline or statutory_deadline(kind, received_on))
    session.add(case)
    session.flush()
    audit.record(session, actor.name, "case.create", "case", case.id, {
        "reference": reference, "type": case.case_type.value, "title": case.title,
        "deadline": case.deadline.isoformat() if case.deadline else None,
        "received_on": received_on.isoformat(),
    }, case_id=case.id)
    return CaseRecord.of(case)


def edit_case(session: Session, actor: User, reference: str, *, title: str | None = None,
              status: str | CaseStatus | None = None,
              deadline: date | None = None) -> CaseRecord:
    case = get_case(session, reference)
    changes: dict[str, list[str | None]] = {}
    if title is not None and len(title.strip()) > 256:
        raise InvalidInputError("A case title is at most 256 characters.")
    if title is not None and title.strip() != case.title:
        changes["title"] = [case.title, title.strip()]
        case.title = title.strip()
    if status is not None:
        new_status = _enum_value(CaseStatus, status, "status")
        if new_status != case.status:
            changes["status"] = [case.status.value, new_status.value]
            case.status = new_status
    if deadline is not None and deadline != case.deadline:
        changes["deadline"] = [case.deadline.isoformat() if case.deadline else None,
                               deadline.isoformat()]
        case.deadline = deadline
    if changes:
        audit.record(session, actor.name, "case.edit", "case", case.id, changes, case_id=case.id)
    return CaseRecord.of(case)


def extend_deadline(session: Session, actor: User, reference: str, reason: str) -> CaseRecord:
    """Extend a subject access request by two further months (UK GDPR art. 12(3))."""
    case = get_case(session, reference)
    if case.case_type is not CaseType.SUBJECT_ACCESS:
        raise InvalidInputError("Only a subject access request can be extended.")
    if case.extension_reason:
        raise ConflictError(f"Case {reference} was already extended: {case.extension_reason}")
    if not reason.strip():
        raise InvalidInputError("Give the reason for the extension (it is recorded).")
    received = case.received_on or case.created_at.date()
    before = case.deadline
    case.deadline = statutory_deadline(CaseType.SUBJECT_ACCESS, received, extended=True)
    case.extension_reason = reason.strip()
    audit.record(session, actor.name, "case.extend", "case", case.id, {
        "reason": case.extension_reason,
        "deadline": [before.isoformat() if before else None,
                     case.deadline.isoformat() if case.deadline else None]}, case_id=case.id)
    return CaseRecord.of(case)


def link_footage(session: Session, actor: User, reference: str, footage_id: int) -> bool:
    """Add footage to a case; False if it was already there."""
    case = get_case(session, reference)
    footage = session.get(Footage, footage_id)
    if footage is None:
        raise NotFoundError(f"No footage #{footage_id}.")
    if footage in case.footage:
        return False
    case.footage.append(footage)
    session.flush()
    audit.record(session, actor.name, "case.link_footage", "case", case.id,
                 {"reference": case.reference, "footage_id": footage.id,
                  "sha256": footage.sha256}, case_id=case.id, footage_id=footage.id)
    return True


def list_cases(session: Session) -> list[CaseRecord]:
    return [CaseRecord.of(c) for c in session.scalars(select(Case).order_by(Case.reference))]
