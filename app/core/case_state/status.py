"""A case found by its reference, and its status changed and audited; a redaction plan's
change sends the case back to review (``plan_changed``). The rules for which status may
follow which, and who may move it, are ``casework.case_flow``'s."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.case_state.standing import FINISHED
from app.core.errors import QT_TRANSLATE_NOOP, ConflictError, NotFoundError, Phrase
from app.core.store import audit
from app.core.store.models import Case, CaseStatus, User

_LABELS = {CaseStatus.RECEIVED: QT_TRANSLATE_NOOP("CoreMessages", "received"),
           CaseStatus.IN_REVIEW: QT_TRANSLATE_NOOP("CoreMessages", "in review"),
           CaseStatus.REDACTED: QT_TRANSLATE_NOOP("CoreMessages", "redacted"),
           CaseStatus.AWAITING_APPROVAL: QT_TRANSLATE_NOOP("CoreMessages", "awaiting approval"),
           CaseStatus.APPROVED: QT_TRANSLATE_NOOP("CoreMessages", "approved"),
           CaseStatus.RELEASED: QT_TRANSLATE_NOOP("CoreMessages", "released"),
           CaseStatus.REFUSED: QT_TRANSLATE_NOOP("CoreMessages", "refused"),
           CaseStatus.CLOSED: QT_TRANSLATE_NOOP("CoreMessages", "closed")}


def status_label(status: CaseStatus) -> Phrase:
    """A status in plain words for messages ("in review", never "in_review"), declared for
    translation (a message's argument is shown in the user's language); the command line
    takes the value itself as an argument."""
    return _LABELS[status]


def get_case(session: Session, reference: str) -> Case:
    case = session.scalars(select(Case).where(Case.reference == reference)).first()
    if case is None:
        raise NotFoundError(QT_TRANSLATE_NOOP(
            "CoreMessages", "No case with reference {reference!r}."),
            reference=reference)
    return case


def set_status(session: Session, actor: User, case: Case, status: CaseStatus, reason: str,
               *, exemption: str | None = None, automatic: bool = False) -> None:
    """Move a case to ``status`` and audit it with actor and reason; no rules checked here
    (see ``casework.case_flow.change_status``)."""
    before = case.status
    case.status = status
    if exemption is not None:
        case.exemption = exemption
    details: dict[str, object] = {"status": [before.value, status.value], "reason": reason}
    if exemption is not None:
        details["exemption"] = exemption
    if automatic:
        details["automatic"] = True
    audit.record(session, actor.name, "case.status", "case", case.id, details, case_id=case.id)


def refuse_finished(case: Case) -> None:
    """A finished case (released, refused, closed) takes no change to its redaction, nor a
    request to approve it."""
    if case.status in FINISHED:
        raise ConflictError(QT_TRANSLATE_NOOP(
            "CoreMessages", "Case {reference} is {value}; reopen it before changing its "
            "redaction."),
            reference=case.reference, value=status_label(case.status))


def plan_changed(session: Session, actor: User, case_id: int, footage_id: int) -> None:
    """A redaction plan of the case changed: work is in review again, and an approval given
    or requested no longer covers it. A finished case refuses the change."""
    case = session.get(Case, case_id)
    if case is None:
        return
    refuse_finished(case)
    if case.status is CaseStatus.RECEIVED:
        set_status(session, actor, case, CaseStatus.IN_REVIEW, "redaction started",
                   automatic=True)
    elif case.status in (CaseStatus.REDACTED, CaseStatus.AWAITING_APPROVAL,
                         CaseStatus.APPROVED):
        set_status(session, actor, case, CaseStatus.IN_REVIEW,
                   f"the redaction plan of footage #{footage_id} changed; it needs review "
                   "and a new approval", automatic=True)


def plan_rejected(session: Session, actor: User, case_id: int, footage_id: int) -> None:
    """A supervisor rejected a plan of the case: work is in review again (a case awaiting
    approval, or approved, no longer has it; it is not released while the rejection
    stands)."""
    case = session.get(Case, case_id)
    if case is not None and case.status in (CaseStatus.AWAITING_APPROVAL, CaseStatus.APPROVED):
        set_status(session, actor, case, CaseStatus.IN_REVIEW,
                   f"the redaction plan of footage #{footage_id} was rejected; it needs "
                   "changing and a new approval", automatic=True)
