"""The case status flow: every transition, the forbidden ones, who may make them, and how
approvals and plan edits move a case."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from app.core.casework import case_flow, cases
from app.core.errors import ConflictError, InvalidInputError, PermissionDeniedError
from app.core.library.ingest import ingest_paths
from app.core.people.users import add_user, resolve_actor
from app.core.redaction.approval import ApprovalState, approval_of, decide
from app.core.redaction.plan import RedactionPlan
from app.core.redaction.plans import save_plan
from app.core.store import audit
from app.core.store.database import Store
from app.core.store.models import AuditEvent, Case, CaseStatus, ExportRecord, Role
from tests.conftest import make_video

S = CaseStatus
ALLOWED = {  # written out here, not read from case_flow, so the test can disagree with it
    (S.RECEIVED, S.IN_REVIEW), (S.RECEIVED, S.REFUSED), (S.RECEIVED, S.CLOSED),
    (S.IN_REVIEW, S.REDACTED), (S.IN_REVIEW, S.RECEIVED), (S.IN_REVIEW, S.REFUSED),
    (S.IN_REVIEW, S.CLOSED),
    (S.REDACTED, S.AWAITING_APPROVAL), (S.REDACTED, S.IN_REVIEW),
    (S.AWAITING_APPROVAL, S.APPROVED), (S.AWAITING_APPROVAL, S.IN_REVIEW),
    (S.APPROVED, S.RELEASED), (S.APPROVED, S.IN_REVIEW),
    (S.RELEASED, S.CLOSED),
    (S.REFUSED, S.CLOSED), (S.REFUSED, S.IN_REVIEW),
    (S.CLOSED, S.IN_REVIEW),
}


@pytest.fixture
def team(store: Store, tmp_path: Path) -> tuple[Store, int]:
    """officer (ingests, edits plans), sup (approves), clerk (case staff); one footage."""
    (result,) = ingest_paths(store, "admin", [make_video(tmp_path / "a.mp4")])
    assert result.footage_id is not None
    with store.transaction() as session:
        admin = resolve_actor(session, "admin")
        add_user(session, admin, "officer", Role.DISCLOSURE_OFFICER)
        add_user(session, admin, "sup", Role.SUPERVISOR)
        add_user(session, admin, "clerk", Role.CASE_STAFF)
    return store, result.footage_id


def _case(store: Store, fid: int, ref: str, status: CaseStatus) -> str:
    """A case with a plan by the officer, an export of that plan, put straight into
    ``status`` (the setup bypasses the flow; the test then drives it)."""
    with store.transaction() as session:
        officer = resolve_actor(session, "officer")
        rec = cases.create_case(session, officer, ref, "foi")
        cases.link_footage(session, officer, ref, fid)
        sha = save_plan(session, officer, fid, rec.id, RedactionPlan(keep_tracks=[1]))
        session.add(ExportRecord(footage_id=fid, case_id=rec.id, path=f"/x/{ref}.mp4",
                                 sha256="a" * 64, size_bytes=1, manifest_path="/x/m.json",
                                 manifest_sha256="b" * 64, plan_sha256=sha,
                                 residual_findings=0))  # checked: nothing seen
        session.get_one(Case, rec.id).status = status
    return ref


def _status(store: Store, ref: str) -> CaseStatus:
    with store.read() as session:
        return cases.get_case(session, ref).status


def _supervisor_moves(store: Store, ref: str, to: CaseStatus) -> None:
    with store.transaction() as session:
        case_flow.change_status(session, resolve_actor(session, "sup"), ref, to,
                                reason="because", exemption="FOI s.40(2)")


def test_every_transition_allowed_or_refused(team: tuple[Store, int]) -> None:
    store, fid = team
    for n, (before, after) in enumerate(itertools.product(list(S), list(S))):
        if before is after:
            continue
        ref = _case(store, fid, f"T-{n}", before)
        with store.transaction() as session:
            allowed = after in case_flow.allowed_next(before)
        assert allowed is ((before, after) in ALLOWED), (before, after)
        if not allowed:
            with pytest.raises(ConflictError, match="cannot go to"):
                _supervisor_moves(store, ref, after)
            assert _status(store, ref) is before
            continue
        if after is S.RELEASED:  # needs an export of an approved plan: approve it first
            with store.transaction() as session:
                case = cases.get_case(session, ref)
                plan_sha = session.scalars(select(ExportRecord.plan_sha256)
                                           .where(ExportRecord.case_id == case.id)).one()
                decide(session, resolve_actor(session, "sup"), fid, case.id, plan_sha, True)
        _supervisor_moves(store, ref, after)
        assert _status(store, ref) is after, (before, after)


def test_the_whole_flow_with_approval_release_and_audit(team: tuple[Store, int]) -> None:
    store, fid = team
    ref = _case(store, fid, "SAR-1", S.RECEIVED)

    def move(who: str, to: CaseStatus, reason: str = "", exemption: str | None = None) -> None:
        with store.transaction() as session:
            case_flow.change_status(session, resolve_actor(session, who), ref, to, reason,
                                    exemption)

    move("officer", S.IN_REVIEW)
    move("officer", S.REDACTED)
    move("officer", S.AWAITING_APPROVAL, "ready")
    with store.read() as session:
        case = cases.get_case(session, ref)
        (export,) = case_flow.case_exports(session, ref)
        plan_sha = session.scalars(select(ExportRecord.plan_sha256)).one()
        assert approval_of(session, fid, case.id, plan_sha).state is ApprovalState.REQUESTED
        assert export.approved is False
    with pytest.raises(PermissionDeniedError, match="only a supervisor can approve"):
        move("officer", S.APPROVED)
    with pytest.raises(PermissionDeniedError, match="only a supervisor"):
        move("admin", S.APPROVED)  # administrators never approve
    move("sup", S.APPROVED, "checked every frame")
    with store.read() as session:
        assert approval_of(session, fid, case.id, plan_sha).by == "sup"
        assert case_flow.case_exports(session, ref)[0].approved
    with pytest.raises(PermissionDeniedError, match="only a"):
        move("clerk", S.RELEASED)
    move("officer", S.RELEASED)
    move("officer", S.CLOSED)
    with pytest.raises(InvalidInputError, match="Say why"):
        move("sup", S.IN_REVIEW)  # reopening needs a reason
    with store.read() as session:
        events = [e for e in audit.case_events(session, case.id) if e.action == "case.status"
                  and "automatic" not in json.loads(e.details)]  # setup's plan save
    steps = [json.loads(e.details)["status"] for e in events]
    assert steps == [["received", "in_review"], ["in_review", "redacted"],
                     ["redacted", "awaiting_approval"], ["awaiting_approval", "approved"],
                     ["approved", "released"], ["released", "closed"]]
    assert [e.actor for e in events] == ["officer"] * 3 + ["sup"] + ["officer"] * 2
    assert json.loads(events[3].details)["reason"] == "checked every frame"
    assert audit.verify(store).ok


def test_release_needs_an_export_of_the_approved_plan(team: tuple[Store, int]) -> None:
    store, fid = team
    ref = _case(store, fid, "FOI-2", S.AWAITING_APPROVAL)
    with store.transaction() as session:
        case = cases.get_case(session, ref)
        # the export on record was made from another plan than the one approved now
        session.execute(ExportRecord.__table__.update().values(plan_sha256="c" * 64))
        del case
    with store.transaction() as session:
        case_flow.change_status(session, resolve_actor(session, "sup"), ref, S.APPROVED)
    with pytest.raises(ConflictError, match="no export of an approved plan"), \
            store.transaction() as session:
        case_flow.change_status(session, resolve_actor(session, "officer"), ref, S.RELEASED)


def test_a_plan_edit_after_approval_sends_the_case_back_and_needs_a_new_approval(
        team: tuple[Store, int]) -> None:
    store, fid = team
    ref = _case(store, fid, "SAR-3", S.AWAITING_APPROVAL)
    with store.transaction() as session:
        case_flow.change_status(session, resolve_actor(session, "sup"), ref, S.APPROVED)
        case_id = cases.get_case(session, ref).id
    with store.transaction() as session:
        new_sha = save_plan(session, resolve_actor(session, "officer"), fid, case_id,
                            RedactionPlan(keep_tracks=[1, 2]), edit="keep visible track 2")
    with store.read() as session:
        assert cases.get_case(session, ref).status is S.IN_REVIEW
        assert approval_of(session, fid, case_id, new_sha).state \
            is ApprovalState.NOT_REQUESTED
        last = session.scalars(select(AuditEvent).where(AuditEvent.action == "case.status")
                               .order_by(AuditEvent.seq.desc())).first()
        assert last is not None and json.loads(last.details)["automatic"] is True
        assert "needs review and a new approval" in json.loads(last.details)["reason"]


def test_refusal_needs_a_supervisor_and_an_exemption(team: tuple[Store, int]) -> None:
    store, fid = team
    ref = _case(store, fid, "FOI-4", S.IN_REVIEW)
    with pytest.raises(PermissionDeniedError, match="refuse"), store.transaction() as session:
        case_flow.change_status(session, resolve_actor(session, "officer"), ref, S.REFUSED,
                                "third parties only", "FOI s.40(2)")
    with pytest.raises(InvalidInputError, match="exemption"), store.transaction() as session:
        case_flow.change_status(session, resolve_actor(session, "sup"), ref, S.REFUSED,
                                "third parties only")
    with store.transaction() as session:
        rec = case_flow.change_status(session, resolve_actor(session, "sup"), ref, S.REFUSED,
                                      "third parties only", "FOI s.40(2)")
    assert rec.exemption == "FOI s.40(2)" and rec.status is S.REFUSED
    # an answered case keeps its plans as they were
    with pytest.raises(ConflictError, match="reopen it"), store.transaction() as session:
        save_plan(session, resolve_actor(session, "officer"), fid, rec.id, RedactionPlan())


def test_requester_details_are_kept_out_of_the_audit_trail(team: tuple[Store, int]) -> None:
    store, fid = team
    ref = _case(store, fid, "SAR-5", S.RECEIVED)
    with store.transaction() as session:
        rec = cases.set_requester(session, resolve_actor(session, "officer"), ref,
                                  name="Jane Example", requester_reference="JE/2026/1",
                                  contact="jane@example.org")
    assert (rec.requester_name, rec.requester_reference, rec.requester_contact) == (
        "Jane Example", "JE/2026/1", "jane@example.org")
    with store.read() as session:
        trail = " ".join(e.details for e in session.scalars(select(AuditEvent)))
        event = session.scalars(select(AuditEvent)
                                .where(AuditEvent.action == "case.requester")).one()
    assert "Jane" not in trail and "jane@example.org" not in trail
    assert json.loads(event.details)["fields"] == ["requester_name", "requester_reference",
                                                   "requester_contact"]
    with pytest.raises(PermissionDeniedError), store.transaction() as session:
        cases.set_requester(session, resolve_actor(session, "clerk"), ref, name="X")
