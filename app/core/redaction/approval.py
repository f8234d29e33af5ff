"""Supervisor approval of a redaction plan before export.

An approval is an audit event bound to the plan's SHA-256: any later edit changes the hash,
so the approval no longer applies and a new one is needed. The approver must hold the
supervisor role and must not be the person who last changed the plan, and must answer every
open item (``open_items``: unreviewed ranges, faces the export's check still saw); the
answers are part of the approval event and of the disclosure record.
"""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.case_state.status import plan_rejected
from app.core.chain import signing
from app.core.chain.ledger import ROLE_ACTIONS
from app.core.errors import QT_TRANSLATE_NOOP, ConflictError, NotFoundError, PermissionDeniedError
from app.core.integrity.trail_accounts import ledger_before
from app.core.media.timecode import format_utc
from app.core.people.permissions import Permission, can, require
from app.core.redaction.open_items import answers_for, open_items
from app.core.redaction.plan import RedactionPlan
from app.core.redaction.plans import find_plan_record
from app.core.store import audit
from app.core.store.models import AuditEvent, RedactionPlanRecord, User


class ApprovalState(enum.StrEnum):
    NOT_REQUESTED = "not_requested"
    REQUESTED = "requested"
    APPROVED = "approved"
    REJECTED = "rejected"


@dataclass(frozen=True)
class Approval:
    state: ApprovalState
    plan_sha256: str
    by: str = ""
    at: str = ""
    note: str = ""
    answers: tuple[dict[str, str], ...] = ()  # each open item and the approver's answer

    @property
    def answered(self) -> frozenset[str]:
        """The keys of the open items this approval answered."""
        return frozenset(str(a.get("key")) for a in self.answers)


_ACTIONS = {"plan.approval_request": ApprovalState.REQUESTED,
            "plan.approve": ApprovalState.APPROVED, "plan.reject": ApprovalState.REJECTED}


def _record(session: Session, footage_id: int, case_id: int | None,
            plan_sha: str) -> RedactionPlanRecord:
    record = find_plan_record(session, footage_id, case_id)
    if record is None:
        raise NotFoundError(QT_TRANSLATE_NOOP(
            "CoreMessages", "This footage has no saved redaction plan to approve."))
    if record.plan_sha256 != plan_sha:
        raise ConflictError(QT_TRANSLATE_NOOP(
            "CoreMessages", "The redaction plan has changed since it was shown; review the "
            "current plan before deciding."))
    return record


def approval_of(session: Session, footage_id: int, case_id: int | None,
                plan_sha: str) -> Approval:
    """The latest decision on exactly this plan (an edit makes earlier decisions lapse)."""
    record = find_plan_record(session, footage_id, case_id)
    if record is None:
        return Approval(ApprovalState.NOT_REQUESTED, plan_sha)
    events = session.scalars(
        select(AuditEvent).where(AuditEvent.action.in_([*_ACTIONS, "plan.save"]),
                                 AuditEvent.object_type == "redaction_plan",
                                 AuditEvent.object_id == str(record.id),
                                 AuditEvent.footage_id == footage_id,
                                 AuditEvent.case_id.is_(None) if case_id is None
                                 else AuditEvent.case_id == case_id)
        .order_by(AuditEvent.seq))
    latest = Approval(ApprovalState.NOT_REQUESTED, plan_sha)
    saved_by = None  # who saved this plan last (nobody decides on their own edit)
    for event in events:
        details = json.loads(event.details)
        if event.action == "plan.save":
            saved_by = event.actor
        elif details.get("plan_sha256") == plan_sha and (
                event.action == "plan.approval_request"
                or (event.actor != saved_by and _signed_by_actor(session, event))):
            latest = Approval(_ACTIONS[event.action], plan_sha, event.actor,
                              event.occurred_at, str(details.get("note", "")),
                              tuple(details.get("open_items", [])))
    return latest


def _signed_by_actor(session: Session, event: AuditEvent) -> bool:
    """False for a decision that its maker could not make then (no account, not an active
    supervisor), or that their key at that moment did not sign: added to the trail by
    someone else (``bwv audit verify`` reports it too). Judged as the trail stood then."""
    if event.hash in _JUDGED:  # events never change: judge each once
        return _JUDGED[event.hash]
    ledger = ledger_before(session, [event.actor], event.seq)
    account = ledger.account(event.actor)
    if account is None or not account.active or account.role not in ROLE_ACTIONS[event.action]:
        ok = False
    elif event.signature is None:  # allowed only where nobody could sign
        ok = ledger.os_user_sign_in or (account.key is None and ledger.root is None
                                        and not ledger.signing_began)
    elif (ledger.root is not None or ledger.signing_began) and not ledger.os_user_sign_in \
            and not account.vouched:
        ok = False  # a key no administrator vouched for (ledger.DECISIONS)
    else:
        ok = account.key is not None and signing.event_signature_ok(
            account.key, event.hash, event.signature)
    if len(_JUDGED) > 4096:
        _JUDGED.clear()
    _JUDGED[event.hash] = ok
    return ok


_JUDGED: dict[str, bool] = {}


REJECTION_STANDS = QT_TRANSLATE_NOOP(
    "CoreMessages", "{by} rejected this redaction plan of footage #{footage_id} ({at}): "
    "\"{note}\". A rejected plan is not put forward or approved again as it is: change it "
    "as asked, then ask for approval.")


def refuse_rejected(session: Session, footage_id: int, case_id: int | None,
                    plan_sha: str) -> None:
    """A supervisor's rejection stands for that exact plan: no request for it again, and no
    approval of it (by another supervisor, or from a case) that would override it unseen;
    an edit (a new plan) is asked for and approved afresh."""
    found = approval_of(session, footage_id, case_id, plan_sha)
    if found.state is ApprovalState.REJECTED:
        raise ConflictError(REJECTION_STANDS, by=found.by, footage_id=footage_id,
                            at=format_utc(found.at), note=found.note or "-")


def request_approval(session: Session, actor: User, footage_id: int, case_id: int | None,
                     plan_sha: str, note: str = "") -> Approval:
    require(actor, Permission.REQUEST_APPROVAL,
            QT_TRANSLATE_NOOP("CoreMessages", "ask for approval"))
    record = _record(session, footage_id, case_id, plan_sha)
    refuse_rejected(session, footage_id, case_id, plan_sha)
    event = audit.record(session, actor.name, "plan.approval_request", "redaction_plan",
                         record.id, {"plan_sha256": plan_sha, "note": note},
                         case_id=case_id, footage_id=footage_id)
    return Approval(ApprovalState.REQUESTED, plan_sha, actor.name, event.occurred_at, note)


def may_decide(session: Session, actor: User, footage_id: int, case_id: int | None) -> bool:
    """Whether ``actor`` may approve or reject the plan stored now (``decide``'s rule): a
    supervisor who did not make its last change."""
    record = find_plan_record(session, footage_id, case_id)
    return can(actor, Permission.APPROVE) and record is not None \
        and record.updated_by_id != actor.id


def decide(session: Session, actor: User, footage_id: int, case_id: int | None,
           plan_sha: str, approve: bool, note: str = "",
           answers: dict[str, str] | None = None, *, move_case: bool = True) -> Approval:
    """Approve or reject exactly this plan; supervisors only, never one's own edit. An
    approval needs an answer (``answers``: open item key -> reason, or "all reviewed") to
    every open item of the plan. A rejection sends its case back to review
    (``plan_rejected``) unless the caller is moving the case itself (``move_case``)."""
    require(actor, Permission.APPROVE,
            QT_TRANSLATE_NOOP("CoreMessages", "approve or reject a redaction plan"))
    record = _record(session, footage_id, case_id, plan_sha)
    if record.updated_by_id == actor.id:
        raise PermissionDeniedError(QT_TRANSLATE_NOOP(
            "CoreMessages",
            "You made the last change to this plan; another supervisor must approve it."))
    if approve:
        refuse_rejected(session, footage_id, case_id, plan_sha)
    if approve is False and not note.strip():
        raise ConflictError(QT_TRANSLATE_NOOP(
            "CoreMessages", "Say why the plan is rejected, so the officer can correct it."))
    action = "plan.approve" if approve else "plan.reject"
    details: dict[str, object] = {"plan_sha256": plan_sha, "note": note}
    answered: list[dict[str, str]] = []
    if approve:
        items = open_items(session, footage_id, case_id, RedactionPlan.from_json(record.plan))
        answered = answers_for(items, answers or {})
        if answered:
            details["open_items"] = answered
    event = audit.record(session, actor.name, action, "redaction_plan", record.id, details,
                         case_id=case_id, footage_id=footage_id)
    if not approve and case_id is not None and move_case:
        plan_rejected(session, actor, case_id, footage_id)
    return Approval(_ACTIONS[action], plan_sha, actor.name, event.occurred_at, note,
                    tuple(answered))


def standing_approval(session: Session, footage_id: int, case_id: int | None,
                      plan_sha: str) -> Approval | None:
    """The approval (or the pending request for one) that any edit of this exact plan would
    make lapse; None when there is nothing to lose. Ask before an edit, never after."""
    found = approval_of(session, footage_id, case_id, plan_sha)
    return found if found.state in (ApprovalState.APPROVED, ApprovalState.REQUESTED) else None
