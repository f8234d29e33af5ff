"""Local accounts: argon2id hashes, sign-in audited either way, the first administrator."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.core import accounts, users
from app.core.database import Store
from app.core.errors import ConflictError, InvalidInputError, PermissionDeniedError, SignInError
from app.core.models import AuditEvent, Role, User
from app.core.users import resolve_actor

PASSWORD = "correct horse battery"


def test_first_administrator_then_sign_in(store: Store) -> None:
    with store.read() as session:
        assert not accounts.has_accounts(session)
    with store.transaction() as session:
        with pytest.raises(InvalidInputError, match="at least 10"):
            accounts.create_first_administrator(session, "root", "short")
        rec = accounts.create_first_administrator(session, "root", PASSWORD)
    assert rec.role is Role.ADMINISTRATOR and rec.has_password
    with store.transaction() as session, pytest.raises(ConflictError, match="already has"):
        accounts.create_first_administrator(session, "eve", PASSWORD)
    with store.read() as session:
        stored = session.scalars(select(User.password_hash)).one()
    assert stored is not None and stored.startswith("$argon2id$") and PASSWORD not in stored

    assert accounts.sign_in(store, "root", PASSWORD).name == "root"
    for name, password in (("root", "wrong password!"), ("nobody", PASSWORD)):
        with pytest.raises(SignInError, match="Wrong user name or password"):
            accounts.sign_in(store, name, password)
    with store.read() as session:
        events = session.scalars(select(AuditEvent).order_by(AuditEvent.seq)).all()
    assert [e.action for e in events] == ["user.create", "user.sign_in",
                                          "user.sign_in_failed", "user.sign_in_failed"]
    assert all(PASSWORD not in e.details and "wrong password" not in e.details
               and "$argon2" not in e.details for e in events)


def test_passwords_change_by_their_owner_or_an_administrator(store: Store) -> None:
    with store.transaction() as session:
        accounts.create_first_administrator(session, "root", PASSWORD)
        root = resolve_actor(session, "root")
        users.add_user(session, root, "olive", Role.DISCLOSURE_OFFICER,
                       accounts.hash_password("olive's first pass"))
        users.add_user(session, root, "sam", Role.SUPERVISOR,
                       accounts.hash_password("sam's first pass"))
    with store.transaction() as session, pytest.raises(SignInError, match="current password"):
        accounts.set_password(session, resolve_actor(session, "olive"), "olive",
                              "a new password", "not it at all")
    with store.transaction() as session, pytest.raises(PermissionDeniedError):
        accounts.set_password(session, resolve_actor(session, "sam"), "olive", "sam sets it")
    with store.transaction() as session:
        accounts.set_password(session, resolve_actor(session, "olive"), "olive",
                              "a new password", "olive's first pass")
        accounts.set_password(session, resolve_actor(session, "root"), "sam", "reset by root")
    assert accounts.sign_in(store, "olive", "a new password").name == "olive"
    assert accounts.sign_in(store, "sam", "reset by root").role is Role.SUPERVISOR
    with store.transaction() as session:
        users.update_user(session, resolve_actor(session, "root"), "sam", active=False)
    with pytest.raises(SignInError, match="deactivated"):
        accounts.sign_in(store, "sam", "reset by root")
    with pytest.raises(InvalidInputError, match="not be the user name"):
        accounts.hash_password("Olive-Olive", "olive-olive")
