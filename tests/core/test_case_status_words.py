"""Issue 14, item 9: messages about case statuses use plain words ("in review"), never the
internal values ("in_review") that the command line takes as arguments."""

from __future__ import annotations

import itertools

import pytest

from app.core.casework import case_flow, cases
from app.core.errors import BwvError, ConflictError, InvalidInputError
from app.core.people.users import resolve_actor
from app.core.store.database import Store
from app.core.store.models import CaseStatus

S = CaseStatus


def test_status_label_is_plain_words() -> None:
    assert cases.status_label(S.IN_REVIEW) == "in review"
    assert cases.status_label(S.AWAITING_APPROVAL) == "awaiting approval"
    assert all("_" not in cases.status_label(s) for s in S)


def test_a_refused_move_names_the_statuses_in_words(store: Store) -> None:
    with store.transaction() as session:
        actor = resolve_actor(session, "tester")
        cases.create_case(session, actor, "FOI-1", "foi")
        case_flow.change_status(session, actor, "FOI-1", S.IN_REVIEW)
        with pytest.raises(ConflictError) as refused:
            case_flow.change_status(session, actor, "FOI-1", "in_review")
        message = str(refused.value)
        assert "in_review" not in message and "_" not in message
        assert message == ("Case FOI-1 is in review; it cannot go to in review (allowed: "
                           "received, redacted, refused, closed).")
        with pytest.raises(ConflictError, match="cannot go to awaiting approval"):
            case_flow.change_status(session, actor, "FOI-1", S.AWAITING_APPROVAL)
        with pytest.raises(InvalidInputError) as why:
            case_flow.change_status(session, actor, "FOI-1", S.RECEIVED, " ")
        assert "goes from in review to received" in str(why.value)


def test_no_refusal_of_any_move_shows_an_internal_value(store: Store) -> None:
    with store.transaction() as session:
        actor = resolve_actor(session, "tester")
        for n, (origin, target) in enumerate(itertools.product(S, S)):
            ref = f"C-{n}"
            record = cases.create_case(session, actor, ref, "complaint")
            case = cases.get_case(session, ref)
            cases.set_status(session, actor, case, origin, "test setup")
            try:
                with session.begin_nested():
                    case_flow.change_status(session, actor, record.reference, target, "")
            except BwvError as exc:
                assert not any(s.value in str(exc) for s in S if "_" in s.value), str(exc)
