"""Cases: create, edit, list, link footage, requester details and the other names its speech
is searched for. The status rules are in
``case_flow.py``; the raw status change they and plan edits share, and the lookup by
reference, are ``case_state.status``'s (the layers below casework use them too)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.case_state.names import names_to_find
from app.core.case_state.status import get_case as get_case
from app.core.case_state.status import plan_changed as plan_changed
from app.core.case_state.status import set_status as set_status
from app.core.case_state.status import status_label as status_label
from app.core.casework.deadlines import statutory_deadline
from app.core.choices import parse_choice
from app.core.errors import QT_TRANSLATE_NOOP, ConflictError, InvalidInputError
from app.core.library.footage_links import link_footage as link_footage
from app.core.library.footage_links import lock_footage_rows as lock_footage_rows
from app.core.library.footage_links import unlink_footage as unlink_footage
from app.core.people.permissions import Permission, require
from app.core.store import audit
from app.core.store.models import (
    Case,
    CaseStatus,
    CaseType,
    User,
    case_footage,
    utcnow,
)
from app.core.views.records import CaseRecord


def create_case(session: Session, actor: User, reference: str, case_type: str | CaseType,
                title: str = "", deadline: date | None = None,
                received_on: date | None = None) -> CaseRecord:
    """A new case. Without a ``deadline`` the statutory one (SAR, FOI) is computed from the
    date the request was received (default: today)."""
    require(actor, Permission.EDIT_CASE, QT_TRANSLATE_NOOP("CoreMessages", "create cases"))
    reference = reference.strip()
    if not reference:
        raise InvalidInputError(QT_TRANSLATE_NOOP(
            "CoreMessages", "A case needs a reference."))
    if len(reference) > 64 or len(title.strip()) > 256:
        raise InvalidInputError(QT_TRANSLATE_NOOP(
            "CoreMessages", "A case reference is at most 64 characters and a title 256."))
    if session.scalars(select(Case.id).where(Case.reference == reference)).first() is not None:
        raise ConflictError(QT_TRANSLATE_NOOP(
            "CoreMessages", "A case with reference {reference!r} already exists."),
            reference=reference)
    kind = parse_choice(CaseType, case_type, QT_TRANSLATE_NOOP("CoreMessages", "case type"))
    today = utcnow().date()
    received_on = received_on or today
    if received_on > today + timedelta(days=1):  # (a day ahead: a clock east of UTC)
        raise InvalidInputError(QT_TRANSLATE_NOOP(
            "CoreMessages", "A request cannot be received after today: {day} is in the "
            "future."), day=received_on.isoformat())
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
              deadline: date | None = None) -> CaseRecord:
    """Change the title or the deadline (status changes go through case_flow)."""
    require(actor, Permission.EDIT_CASE, QT_TRANSLATE_NOOP("CoreMessages", "edit cases"))
    case = get_case(session, reference)
    changes: dict[str, list[str | None]] = {}
    if title is not None and len(title.strip()) > 256:
        raise InvalidInputError(QT_TRANSLATE_NOOP(
            "CoreMessages", "A case title is at most 256 characters."))
    if title is not None and title.strip() != case.title:
        changes["title"] = [case.title, title.strip()]
        case.title = title.strip()
    if deadline is not None and deadline != case.deadline:
        changes["deadline"] = [case.deadline.isoformat() if case.deadline else None,
                               deadline.isoformat()]
        case.deadline = deadline
    if changes:
        audit.record(session, actor.name, "case.edit", "case", case.id, changes, case_id=case.id)
    return CaseRecord.of(case)


def extend_deadline(session: Session, actor: User, reference: str, reason: str) -> CaseRecord:
    """Extend a subject access request by two further months (UK GDPR art. 12(3))."""
    require(actor, Permission.EDIT_CASE, QT_TRANSLATE_NOOP("CoreMessages", "extend deadlines"))
    case = get_case(session, reference)
    if case.case_type is not CaseType.SUBJECT_ACCESS:
        raise InvalidInputError(QT_TRANSLATE_NOOP(
            "CoreMessages", "Only a subject access request can be extended."))
    if case.extension_reason:
        raise ConflictError(QT_TRANSLATE_NOOP(
            "CoreMessages", "Case {reference} was already extended: {extension_reason}"),
            reference=reference, extension_reason=case.extension_reason)
    if not reason.strip():
        raise InvalidInputError(QT_TRANSLATE_NOOP(
            "CoreMessages", "Give the reason for the extension (it is recorded)."))
    received = case.received_on or case.created_at.date()
    before = case.deadline
    case.deadline = statutory_deadline(CaseType.SUBJECT_ACCESS, received, extended=True)
    case.extension_reason = reason.strip()
    audit.record(session, actor.name, "case.extend", "case", case.id, {
        "reason": case.extension_reason,
        "deadline": [before.isoformat() if before else None,
                     case.deadline.isoformat() if case.deadline else None]}, case_id=case.id)
    return CaseRecord.of(case)


def link_many(session: Session, actor: User, reference: str,
              footage_ids: list[int]) -> int:
    """Add several footage items to a case (e.g. just ingested); how many were new to it."""
    lock_footage_rows(session, footage_ids)
    return sum(link_footage(session, actor, reference, fid) for fid in footage_ids)


def unlink_many(session: Session, actor: User, reference: str,
                footage_ids: list[int]) -> int:
    """Take several footage items out of a case; how many were in it."""
    lock_footage_rows(session, footage_ids)
    return sum(unlink_footage(session, actor, reference, fid) for fid in footage_ids)


def list_cases(session: Session) -> list[CaseRecord]:
    """Every case by reference, each with its footage numbers (two queries, not one a case:
    a force has tens of thousands)."""
    linked: dict[int, list[int]] = {}
    for case_id, footage_id in session.execute(
            select(case_footage.c.case_id, case_footage.c.footage_id)
            .order_by(case_footage.c.footage_id)):
        linked.setdefault(case_id, []).append(footage_id)
    return [CaseRecord.of(c, tuple(linked.get(c.id, ())))
            for c in session.scalars(select(Case).order_by(Case.reference))]


def set_requester(session: Session, actor: User, reference: str, *, name: str | None = None,
                  requester_reference: str | None = None,
                  contact: str | None = None,
                  expected: Mapping[str, str] | None = None) -> CaseRecord:
    """Record who asked (personal data: kept minimal). The audit trail records which fields
    changed, never their values, so it holds no requester's personal data. A field given as
    None is left as it is. ``expected``: each given field's value as the caller last read it
    (by field name: "requester_name" ...); refused when one it changes was changed elsewhere
    since, so a detail another officer saved is never overwritten unseen."""
    require(actor, Permission.EDIT_CASE,
            QT_TRANSLATE_NOOP("CoreMessages", "edit requester details"))
    case = get_case(session, reference)
    session.execute(select(Case.id).where(Case.id == case.id).with_for_update())  # one
    session.refresh(case)  # saver at a time (PostgreSQL), comparing with what is stored
    changed: list[str] = []
    for field, value, limit in (("requester_name", name, 256),
                                ("requester_reference", requester_reference, 128),
                                ("requester_contact", contact, 256)):
        if value is None:
            continue
        stored = getattr(case, field)
        if (expected is not None and field in expected and expected[field] != stored
                and value.strip() != stored):
            raise ConflictError(QT_TRANSLATE_NOOP(
                "CoreMessages", "The requester details of case {reference} were changed "
                "elsewhere since they were shown here; yours were not saved. Select the case "
                "again to see them, then make your change."), reference=case.reference)
        if len(value.strip()) > limit:
            raise InvalidInputError(QT_TRANSLATE_NOOP(
                "CoreMessages", "The {value} is at most {limit} characters."),
                value=field.replace('_', ' '), limit=limit)
        if value.strip() != getattr(case, field):
            setattr(case, field, value.strip())
            changed.append(field)
    if changed:
        audit.record(session, actor.name, "case.requester", "case", case.id,
                     {"fields": changed}, case_id=case.id)
    return CaseRecord.of(case)


MAX_NAMES = 50  # names to find per case, besides the requester's


def _kept(case: Case, names: Iterable[str]) -> list[str]:
    """The names as a case keeps them: trimmed, once each (case-insensitive), in the order
    given, without the requester's."""
    seen = {case.requester_name.strip().casefold()} - {""}
    kept: list[str] = []
    for name in (n.strip() for n in names):
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            kept.append(name)
    return kept


def set_names_to_find(session: Session, actor: User, reference: str,
                      names: Iterable[str],
                      expected: Iterable[str] | None = None) -> tuple[str, ...]:
    """Keep the names (third parties an officer typed in) that the case's speech is searched
    for, besides the requester's (always searched for, from the requester details, so not
    kept twice): trimmed, the first spelling of each kept, in the order given. Personal
    data: the audit trail records how many there are, never the names. Returns them.
    ``expected``: the names as the caller last read or kept them; refused when others were
    kept since (a name another officer added is never dropped unseen)."""
    require(actor, Permission.REDACT,
            QT_TRANSLATE_NOOP("CoreMessages", "save the names to find in speech"))
    case = get_case(session, reference)
    session.execute(select(Case.id).where(Case.id == case.id).with_for_update())  # one
    session.refresh(case)  # saver at a time (PostgreSQL), comparing with what is stored
    if expected is not None and _kept(case, expected) != names_to_find(case):
        raise ConflictError(QT_TRANSLATE_NOOP(
            "CoreMessages", "The names to find of case {reference} were changed elsewhere "
            "since they were read here; these were not kept. Open the footage again to see "
            "them, then type yours."), reference=case.reference)
    kept = _kept(case, names)
    if any(len(name) > 256 for name in kept):
        raise InvalidInputError(QT_TRANSLATE_NOOP(
            "CoreMessages", "A name to find is at most {limit} characters."), limit=256)
    if len(kept) > MAX_NAMES:
        raise InvalidInputError(QT_TRANSLATE_NOOP(
            "CoreMessages", "A case keeps at most {limit} names to find besides the "
            "requester's."), limit=MAX_NAMES)
    if kept != case.names_to_find:  # anything else stored (edited by hand) is replaced
        case.names_to_find = kept
        audit.record(session, actor.name, "case.names_to_find", "case", case.id,
                     {"count": len(kept)}, case_id=case.id)
    return tuple(kept)
