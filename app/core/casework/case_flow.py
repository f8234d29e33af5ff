"""The status flow of a case, with the transitions allowed, who may make them, and why.

received -> in review -> redacted -> awaiting approval -> approved -> released -> closed,
or refused (with an exemption, e.g. FOI s.40(2)) -> closed. Going back needs a reason.
Asking for approval asks it for every redaction plan of the case; approving the case
approves each plan at its current hash (so a later edit needs a new approval, and the case
returns to "in review" by itself, see ``case_state.status.plan_changed``). Releasing needs an export
whose exact plan was approved.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.case_state.status import get_case, set_status, status_label
from app.core.choices import parse_choice
from app.core.errors import (
    QT_TRANSLATE_NOOP,
    ConflictError,
    InvalidInputError,
    PermissionDeniedError,
)
from app.core.people.permissions import Permission, can, require
from app.core.redaction.approval import (
    ApprovalState,
    approval_of,
    decide,
    refuse_rejected,
    request_approval,
)
from app.core.redaction.open_items import OpenItem, export_item_key, open_items
from app.core.redaction.plan import RedactionPlan
from app.core.redaction.plan_outline import no_plan, plan_outline
from app.core.store.models import (
    AuditEvent,
    Case,
    CaseStatus,
    ExportRecord,
    RedactionPlanRecord,
    User,
)
from app.core.views.records import CaseRecord
from app.core.wording import Said

S = CaseStatus


@dataclass(frozen=True)
class Transition:
    permission: Permission
    needs_reason: bool  # backward moves, refusals, withdrawals
    verb: str  # for messages: "only a supervisor can <verb>"


_FORWARD = Transition(Permission.EDIT_CASE, False,
                      QT_TRANSLATE_NOOP("CoreMessages", "move cases on"))
_BACK = Transition(Permission.EDIT_CASE, True,
                   QT_TRANSLATE_NOOP("CoreMessages", "send cases back"))
_REFUSE = Transition(Permission.APPROVE, True,
                     QT_TRANSLATE_NOOP("CoreMessages", "refuse a request"))
_WITHDRAW = Transition(Permission.EDIT_CASE, True,
                       QT_TRANSLATE_NOOP("CoreMessages", "close an unanswered case"))
_REOPEN = Transition(Permission.APPROVE, True,
                     QT_TRANSLATE_NOOP("CoreMessages", "reopen a case"))
_ASK = Transition(Permission.REQUEST_APPROVAL, False,
                  QT_TRANSLATE_NOOP("CoreMessages", "ask for approval"))
_APPROVE = Transition(Permission.APPROVE, False,
                      QT_TRANSLATE_NOOP("CoreMessages", "approve a case"))
_RELEASE = Transition(Permission.RELEASE, False,
                      QT_TRANSLATE_NOOP("CoreMessages", "release footage"))

TRANSITIONS: dict[CaseStatus, dict[CaseStatus, Transition]] = {
    S.RECEIVED: {S.IN_REVIEW: _FORWARD, S.REFUSED: _REFUSE, S.CLOSED: _WITHDRAW},
    S.IN_REVIEW: {S.REDACTED: _FORWARD, S.RECEIVED: _BACK, S.REFUSED: _REFUSE,
                  S.CLOSED: _WITHDRAW},
    S.REDACTED: {S.AWAITING_APPROVAL: _ASK, S.IN_REVIEW: _BACK},
    S.AWAITING_APPROVAL: {S.APPROVED: _APPROVE, S.IN_REVIEW: _BACK},
    S.APPROVED: {S.RELEASED: _RELEASE, S.IN_REVIEW: _BACK},
    S.RELEASED: {S.CLOSED: _FORWARD},
    S.REFUSED: {S.CLOSED: _FORWARD, S.IN_REVIEW: _REOPEN},
    S.CLOSED: {S.IN_REVIEW: _REOPEN},
}


def allowed_next(status: CaseStatus) -> list[CaseStatus]:
    """The statuses a case in ``status`` may move to, in flow order."""
    order = list(CaseStatus)
    return sorted(TRANSITIONS[status], key=order.index)


def denied_moves(user: User) -> dict[tuple[CaseStatus, CaseStatus], PermissionDeniedError]:
    """(from, to) -> why ``user`` may not make that move (the permission's own refusal, to
    show), for every move of the case flow their role does not allow."""
    denied: dict[tuple[CaseStatus, CaseStatus], PermissionDeniedError] = {}
    for origin, steps in TRANSITIONS.items():
        for target, step in steps.items():
            try:
                require(user, step.permission, step.verb)
            except PermissionDeniedError as exc:
                denied[(origin, target)] = exc
    return denied


def _plans(session: Session, case: Case) -> list[RedactionPlanRecord]:
    return list(session.scalars(select(RedactionPlanRecord)
                                .where(RedactionPlanRecord.case_id == case.id)
                                .order_by(RedactionPlanRecord.footage_id)))


def _unanswered(session: Session, case: Case, plan: RedactionPlanRecord) -> list[OpenItem]:
    """The plan's open items its approval (if any) has not answered: all of them for a plan
    not approved yet; for an approved one, those that arose since (e.g. an export of the
    approved plan whose check still saw faces)."""
    items = open_items(session, plan.footage_id, case.id, RedactionPlan.from_json(plan.plan))
    found = approval_of(session, plan.footage_id, case.id, plan.plan_sha256)
    if found.state is not ApprovalState.APPROVED:
        return items
    return [i for i in items if i.key not in found.answered]


def case_open_items(session: Session, reference: str) -> list[OpenItem]:
    """The open items approving the case must answer (see :func:`_unanswered`)."""
    case = get_case(session, reference)
    return [item for plan in _plans(session, case) for item in _unanswered(session, case, plan)]


@dataclass(frozen=True)
class CaseOutline:
    """What approving a case lets out (``lines``), and the plans it was read from
    (footage id -> plan SHA-256), which the approval is bound to (``change_status``)."""

    lines: list[Said]
    plans: dict[int, str]


def case_outline(session: Session, reference: str) -> CaseOutline:
    """Every plan of the case as lines to read before approving it (``plan_outline``): who
    is kept visible and why, what else is hidden; footage of the case with no plan too."""
    case = get_case(session, reference)
    plans = {p.footage_id: p for p in _plans(session, case)}
    lines: list[Said] = []
    for footage in case.footage:
        plan = plans.get(footage.id)
        lines += (plan_outline(RedactionPlan.from_json(plan.plan), footage.id,
                               footage.file_name)
                  if plan is not None else no_plan(footage.id, footage.file_name))
    return CaseOutline(lines, {f: p.plan_sha256 for f, p in plans.items()})


def case_releasable(session: Session, case: Case) -> bool:
    """Whether the case's exports may go out now: approved or released, or closed after its
    release (a case sent back, withdrawn or refused is approved no more, and closing it
    does not bring that back)."""
    if case.status in (S.APPROVED, S.RELEASED):
        return True
    if case.status is not S.CLOSED:
        return False
    last = session.scalars(select(AuditEvent).where(
        AuditEvent.action == "case.status", AuditEvent.object_type == "case",
        AuditEvent.object_id == str(case.id)).order_by(AuditEvent.seq.desc())).first()
    moved = json.loads(last.details).get("status") if last is not None else None
    return moved == [S.RELEASED.value, S.CLOSED.value]


def releasable(session: Session, export: ExportRecord) -> bool:
    """An export may be released when its case may (``case_releasable``: not sent back to
    review), it was made from its footage's current plan in the case (not one an edit has
    since replaced), a supervisor approved that exact plan, and, if its own check still saw
    faces, a supervisor answered that (``check_unanswered``); a batch working copy never
    is."""
    case = session.get(Case, export.case_id) if export.case_id is not None else None
    return case is not None and case_releasable(session, case) \
        and current_and_approved(session, export) and not check_unanswered(session, export)


def _refuse_rejected(session: Session, case: Case, plans: list[RedactionPlanRecord]) -> None:
    """Approving (or asking approval for) a case never overrides a supervisor's rejection
    of one of its plans (``approval.refuse_rejected``)."""
    for plan in plans:
        refuse_rejected(session, plan.footage_id, case.id, plan.plan_sha256)


def current_and_approved(session: Session, export: ExportRecord) -> bool:
    """Made from its footage's current plan in the case, which a supervisor approved."""
    if export.case_id is None or export.working_copy:
        return False
    current = session.scalar(select(RedactionPlanRecord.plan_sha256).where(
        RedactionPlanRecord.footage_id == export.footage_id,
        RedactionPlanRecord.case_id == export.case_id))
    return current == export.plan_sha256 and approval_of(
        session, export.footage_id, export.case_id, export.plan_sha256).state \
        is ApprovalState.APPROVED


def check_unanswered(session: Session, export: ExportRecord) -> bool:
    """The export's residual check still saw faces, or it was made without the check (so
    nobody has looked at its frames for a face the plan missed), and the approval of its
    plan has not answered that: made after the approval, it needs a supervisor's answer
    before release (the case approved again)."""
    if export.residual_findings == 0:  # checked: nothing seen
        return False
    found = approval_of(session, export.footage_id, export.case_id, export.plan_sha256)
    return export_item_key(export.footage_id, export.id) not in found.answered


def approved_exports(session: Session, case: Case) -> list[ExportRecord]:
    """The case's exports that may be released (see :func:`releasable`)."""
    exports = session.scalars(select(ExportRecord).where(ExportRecord.case_id == case.id)
                              .order_by(ExportRecord.id))
    return [e for e in exports if releasable(session, e)]


def _refuse_unanswered_checks(session: Session, case: Case) -> None:
    """Refused with why, when an export of an approved plan waits only for a supervisor's
    answer to what its check still saw."""
    for export in session.scalars(select(ExportRecord).where(ExportRecord.case_id == case.id)
                                  .order_by(ExportRecord.id)):
        if current_and_approved(session, export) and check_unanswered(session, export):
            raise unanswered_check(export)


def unanswered_check(export: ExportRecord) -> ConflictError:
    """Why ``export`` waits for a supervisor's answer (``check_unanswered``)."""
    if export.residual_findings is None:
        return ConflictError(UNCHECKED_UNANSWERED, export_id=export.id)
    return ConflictError(CHECK_UNANSWERED, export_id=export.id, count=export.residual_findings)


CHECK_UNANSWERED = QT_TRANSLATE_NOOP(
    "CoreMessages", "The check of export #{export_id} still saw {count} face(s) or text "
    "region(s) after the plan was approved, and no supervisor has answered that; send the case "
    "back to review and approve it again, answering it (or fix the plan and export again).")
UNCHECKED_UNANSWERED = QT_TRANSLATE_NOOP(
    "CoreMessages", "Export #{export_id} was made without the check for faces left visible, "
    "after the plan was approved, and no supervisor has answered that; export it again with "
    "the check on, or send the case back to review and approve it again, answering it.")


def change_status(session: Session, actor: User, reference: str, status: str | CaseStatus,
                  reason: str = "", exemption: str | None = None,
                  answers: dict[str, str] | None = None,
                  seen: dict[int, str] | None = None) -> CaseRecord:
    """Move a case along its flow; refuses transitions the flow does not allow. Approving
    answers every plan's open items with ``answers`` (see ``open_items``); with ``seen``
    (``CaseOutline.plans``: what the approver read) it refuses if a plan changed since."""
    case = get_case(session, reference)
    to = parse_choice(CaseStatus, status, QT_TRANSLATE_NOOP("CoreMessages", "status"))
    step = TRANSITIONS[case.status].get(to)
    if step is None:
        options = ", ".join(status_label(s) for s in allowed_next(case.status)) or "none"
        raise ConflictError(QT_TRANSLATE_NOOP(
            "CoreMessages", "Case {reference} is {value}; it cannot go to {value2} (allowed: "
            "{options})."),
            reference=case.reference, value=status_label(case.status), value2=status_label(to),
            options=options)
    require(actor, step.permission, step.verb)
    reason = reason.strip()
    if step.needs_reason and not reason:
        raise InvalidInputError(QT_TRANSLATE_NOOP(
            "CoreMessages", "Say why case {reference} goes from {value} to {value2} (it is "
            "recorded)."),
            reference=case.reference, value=status_label(case.status), value2=status_label(to))
    if to is S.REFUSED and not (exemption or "").strip():
        raise InvalidInputError(QT_TRANSLATE_NOOP(
            "CoreMessages", "A refusal needs the exemption relied on, e.g. 'FOI s.40(2) personal "
            "information'."))
    plans = _plans(session, case)
    if to is S.REDACTED and not plans:
        raise ConflictError(QT_TRANSLATE_NOOP(
            "CoreMessages", "Case {reference} has no redaction plan yet; redact its footage "
            "first."),
            reference=case.reference)
    if to is S.AWAITING_APPROVAL:
        _refuse_rejected(session, case, plans)
        for plan in plans:
            state = approval_of(session, plan.footage_id, case.id, plan.plan_sha256).state
            if state not in (ApprovalState.REQUESTED, ApprovalState.APPROVED):
                request_approval(session, actor, plan.footage_id, case.id, plan.plan_sha256,
                                 reason)
    elif to is S.APPROVED:
        _refuse_rejected(session, case, plans)
        if seen is not None and seen != {p.footage_id: p.plan_sha256 for p in plans}:
            raise ConflictError(QT_TRANSLATE_NOOP(
                "CoreMessages", "A redaction plan of case {reference} changed while you were "
                "reading it, so nothing was approved. Open the approval again to read it as "
                "it is now."), reference=case.reference)
        for plan in plans:
            found = approval_of(session, plan.footage_id, case.id, plan.plan_sha256)
            if found.state is not ApprovalState.APPROVED:
                decide(session, actor, plan.footage_id, case.id, plan.plan_sha256, True,
                       reason, answers)
            elif _unanswered(session, case, plan):  # approved again, answering the new items
                earlier = {a["key"]: a["answer"] for a in found.answers}
                decide(session, actor, plan.footage_id, case.id, plan.plan_sha256, True,
                       reason, {**earlier, **(answers or {})})
    elif case.status in (S.AWAITING_APPROVAL, S.APPROVED) and to is S.IN_REVIEW \
            and can(actor, Permission.APPROVE):
        for plan in plans:  # a supervisor sending it back rejects what was asked or approved
            state = approval_of(session, plan.footage_id, case.id, plan.plan_sha256).state
            if state in (ApprovalState.REQUESTED, ApprovalState.APPROVED) \
                    and plan.updated_by_id != actor.id:
                decide(session, actor, plan.footage_id, case.id, plan.plan_sha256, False,
                       reason, move_case=False)  # (moved below, with the reason given)
    elif to is S.RELEASED and not approved_exports(session, case):
        _refuse_unanswered_checks(session, case)
        raise ConflictError(QT_TRANSLATE_NOOP(
            "CoreMessages", "Case {reference} has no export of an approved plan; export the "
            "approved redaction first."),
            reference=case.reference)
    set_status(session, actor, case, to, reason,
               exemption=exemption.strip() if to is S.REFUSED and exemption else None)
    return CaseRecord.of(case)


@dataclass(frozen=True)
class CaseExport:
    id: int
    footage_id: int
    path: str
    sha256: str
    created_at: datetime
    approved: bool  # its exact plan was approved by a supervisor
    working_copy: bool = False  # made by a batch job: never released


def case_exports(session: Session, reference: str) -> list[CaseExport]:
    """The exports made for a case, with whether each may be released."""
    case = get_case(session, reference)
    approved = {e.id for e in approved_exports(session, case)}
    return [CaseExport(e.id, e.footage_id, e.path, e.sha256, e.created_at, e.id in approved,
                       e.working_copy)
            for e in session.scalars(select(ExportRecord)
                                     .where(ExportRecord.case_id == case.id)
                                     .order_by(ExportRecord.id))]
