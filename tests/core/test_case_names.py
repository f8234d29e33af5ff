"""Names to find in a case's speech (issue 18, item 3): the third parties an officer types in
are kept with the case, besides the requester's name, and proposed again for its other
footage; personal data, so the audit trail records how many, never the names."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.core.audio.transcripts import case_names
from app.core.casework import cases
from app.core.errors import InvalidInputError, PermissionDeniedError
from app.core.people.users import add_user, resolve_actor
from app.core.store.database import Store
from app.core.store.models import AuditEvent, Role


def _case(store: Store) -> None:
    with store.transaction() as session:
        admin = resolve_actor(session, "admin")
        add_user(session, admin, "clerk", Role.CASE_STAFF)
        cases.create_case(session, admin, "SAR-9", "subject_access")
        cases.set_requester(session, admin, "SAR-9", name="Ann Example")


def test_names_are_kept_with_the_case_besides_the_requesters(store: Store) -> None:
    _case(store)
    assert case_names(store, "admin", "SAR-9") == ["Ann Example"]
    with store.transaction() as session:
        kept = cases.set_names_to_find(session, resolve_actor(session, "admin"), "SAR-9", [
            " Ann Example", "Bob Witness ", "", "bob witness", "Carys O'Neil"])
    assert kept == ("Bob Witness", "Carys O'Neil")  # trimmed, once each, the requester apart
    assert case_names(store, "admin", "SAR-9") == ["Ann Example", "Bob Witness",
                                                   "Carys O'Neil"]
    assert case_names(store, "clerk", "SAR-9")[1:] == ["Bob Witness", "Carys O'Neil"]
    with store.transaction() as session:  # the same again: nothing changes, nothing audited
        cases.set_names_to_find(session, resolve_actor(session, "admin"), "SAR-9",
                                ["Bob Witness", "Carys O'Neil"])
    with store.read() as session:
        events = session.scalars(select(AuditEvent).where(
            AuditEvent.action == "case.names_to_find")).all()
    assert len(events) == 1
    assert "2" in events[0].details and "Witness" not in events[0].details
    assert "Carys" not in "".join(e.details for e in session.scalars(select(AuditEvent)))


def test_names_to_find_refuse_bad_input_and_the_wrong_role(store: Store) -> None:
    _case(store)
    with store.transaction() as session, pytest.raises(InvalidInputError, match="at most 256"):
        cases.set_names_to_find(session, resolve_actor(session, "admin"), "SAR-9", ["x" * 257])
    too_many = [f"Person {n}" for n in range(cases.MAX_NAMES + 1)]
    with store.transaction() as session, pytest.raises(InvalidInputError, match="at most 50"):
        cases.set_names_to_find(session, resolve_actor(session, "admin"), "SAR-9", too_many)
    with store.transaction() as session, pytest.raises(PermissionDeniedError):
        cases.set_names_to_find(session, resolve_actor(session, "clerk"), "SAR-9", ["Bob"])
    assert case_names(store, "admin", "SAR-9") == ["Ann Example"]  # nothing half kept
    with store.transaction() as session:  # cleared
        admin = resolve_actor(session, "admin")
        cases.set_names_to_find(session, admin, "SAR-9", ["Bob"])
        assert cases.set_names_to_find(session, admin, "SAR-9", []) == ()
    assert case_names(store, "admin", "SAR-9") == ["Ann Example"]


@pytest.mark.parametrize("edited", [7, "Bob", {"Bob": 1}, [["a", "b"], None, 3, "Bob", " "]])
def test_a_names_column_edited_by_hand_reads_as_its_names_or_none(store: Store,
                                                                   edited: object) -> None:
    """Anyone may edit the database file: a column that is not a list of names is read as
    the names it holds (strings in a list) or none, never a traceback, and replaced on the
    next save."""
    _case(store)
    with store.transaction() as session:
        cases.get_case(session, "SAR-9").names_to_find = edited  # type: ignore[assignment]
    expected = ["Bob"] if isinstance(edited, list) else []
    assert case_names(store, "admin", "SAR-9") == ["Ann Example", *expected]
    with store.transaction() as session:
        cases.set_names_to_find(session, resolve_actor(session, "admin"), "SAR-9", ["Cy"])
    with store.read() as session:
        assert cases.get_case(session, "SAR-9").names_to_find == ["Cy"]


def test_names_kept_from_two_screens_never_drop_each_others(store: Store) -> None:
    """Two Speech tabs read ["Mark"]; one adds Susan, the other Tom. The second save used to
    replace the list, dropping Susan, who was then no longer searched for in the speech (a
    review found it); now it is refused, and with what it read again it goes in."""
    from app.core.errors import ConflictError

    _case(store)
    with store.transaction() as session:
        cases.set_names_to_find(session, resolve_actor(session, "admin"), "SAR-9", ["Mark"])
    read = case_names(store, "admin", "SAR-9")  # both tabs: the requester and Mark
    with store.transaction() as session:
        cases.set_names_to_find(session, resolve_actor(session, "admin"), "SAR-9",
                                [*read, "Susan"], expected=read)
    with store.transaction() as session, pytest.raises(ConflictError, match="changed elsewhere"):
        cases.set_names_to_find(session, resolve_actor(session, "admin"), "SAR-9",
                                [*read, "Tom"], expected=read)
    assert case_names(store, "admin", "SAR-9") == ["Ann Example", "Mark", "Susan"]
    again = case_names(store, "admin", "SAR-9")
    with store.transaction() as session:
        cases.set_names_to_find(session, resolve_actor(session, "admin"), "SAR-9",
                                [*again, "Tom"], expected=again)
    assert case_names(store, "admin", "SAR-9") == ["Ann Example", "Mark", "Susan", "Tom"]
