"""Local accounts: argon2id hashes, sign-in audited either way, the first administrator."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.core.errors import ConflictError, InvalidInputError, PermissionDeniedError, SignInError
from app.core.people import users
from app.core.people.users import resolve_actor
from app.core.sign_in import accounts
from app.core.store.database import Store
from app.core.store.models import AuditEvent, Role, User

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
                       accounts.new_credentials("olive's first pass", "olive"))
        users.add_user(session, root, "sam", Role.SUPERVISOR,
                       accounts.new_credentials("sam's first pass", "sam"))
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


def test_the_store_rules_change_again_and_again_but_never_lock_people_out(
        store: Store) -> None:
    from app.core.policy.store_policy import (
        SignIn,
        legacy_retention_warning,
        load_policy,
        set_policy,
    )

    with store.transaction() as session:
        root = resolve_actor(session, "root")  # first user, administrator, no password
        assert legacy_retention_warning({"retention_days": 90}, session) is not None
        set_policy(session, root, sign_in="os_user")
        set_policy(session, root, retention_days=40)
        set_policy(session, root, retention_days=50)  # store_info is append-only
        assert legacy_retention_warning({"retention_days": 90}, session) is None
        with pytest.raises(ConflictError, match="Set your own password first"):
            set_policy(session, root, sign_in="password")
        accounts.set_password(session, root, "root", PASSWORD)
        set_policy(session, root, sign_in="password")
        users.add_user(session, root, "nopass", Role.CASE_STAFF)
    with store.read() as session:
        policy = load_policy(session)
    assert (policy.sign_in, policy.retention_days) == (SignIn.PASSWORD, 50)
    with pytest.raises(SignInError, match="no password yet"):
        accounts.sign_in(store, "nopass", "whatever it is")


def test_an_upgraded_store_keeps_os_user_sign_in(tmp_path: object) -> None:
    """A store made before passwords existed (users without one) must not lock everyone
    out after the upgrade: migration 0004 keeps OS-user sign-in there."""
    from pathlib import Path

    from alembic import command
    from sqlalchemy import text

    from app.core.policy.store_policy import SignIn, load_policy
    from app.core.store.database import _alembic_config, make_engine, migrate

    assert isinstance(tmp_path, Path)
    engine = make_engine(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    cfg = _alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0003")
        conn.execute(text("INSERT INTO users (id, name, role, active, created_at) VALUES "
                          "(1, 'olduser', 'administrator', 1, '2026-01-01 00:00:00')"))
    migrate(engine)
    engine.dispose()
    with Store(f"sqlite:///{tmp_path / 'old.sqlite3'}", tmp_path / "data") as old:
        with old.read() as session:
            assert load_policy(session).sign_in is SignIn.OS_USER
        with old.transaction() as session:
            assert resolve_actor(session, "olduser").role is Role.ADMINISTRATOR
    with Store(f"sqlite:///{tmp_path / 'new.sqlite3'}", tmp_path / "data2") as new, \
            new.read() as session:
        assert load_policy(session).sign_in is SignIn.PASSWORD  # new stores: passwords


def test_an_account_locks_after_failed_sign_ins_until_an_administrator_unlocks_it(
        store: Store) -> None:
    """Issue 15, item 7: 30 wrong passwords in a minute, then the right one, used to work."""
    from app.core.policy.store_policy import set_policy
    from app.core.sign_in import lockout

    with store.transaction() as session:
        root = accounts.create_first_administrator(session, "root", PASSWORD)
        admin = resolve_actor(session, "root")
        users.add_user(session, admin, "olive", Role.DISCLOSURE_OFFICER,
                       accounts.new_credentials("olive's password", "olive"))
        set_policy(session, admin, lockout_after=3)
    assert root.name == "root"
    accounts.sign_in(store, "olive", "olive's password")
    for _ in range(2):
        with pytest.raises(SignInError, match="Wrong"):
            accounts.sign_in(store, "olive", "a guess!!!")
    accounts.sign_in(store, "olive", "olive's password")  # a success resets the count
    for _ in range(3):
        with pytest.raises(SignInError, match="Wrong"):
            accounts.sign_in(store, "olive", "a guess!!!")
    with pytest.raises(SignInError, match="locked"):  # the right password, too late
        accounts.sign_in(store, "olive", "olive's password")
    with store.transaction() as session, pytest.raises(PermissionDeniedError):
        lockout.unlock(session, resolve_actor(session, "olive"), "olive", "me")
    with store.transaction() as session, pytest.raises(InvalidInputError, match="why"):
        lockout.unlock(session, resolve_actor(session, "root"), "olive", " ")
    with store.transaction() as session:
        assert lockout.unlock(session, resolve_actor(session, "root"), "olive",
                              "identity checked in person")
    assert accounts.sign_in(store, "olive", "olive's password").name == "olive"
    with store.read() as session:
        actions = [e.action for e in session.scalars(select(AuditEvent)
                                                     .order_by(AuditEvent.seq))]
    assert actions.count("user.locked") == 1 and actions.count("user.unlock") == 1
    assert actions[-1] == "user.sign_in"


def test_a_store_made_before_signing_gets_its_root_from_its_first_account(
        store: Store) -> None:
    """The first account (made by OS-name sign-in, no key) sets its own first password: its
    key becomes the store's root, so the keys it then gives others are vouched for."""
    from app.core.checks import trail_replay

    with store.transaction() as session:
        boss = resolve_actor(session, "boss")
        accounts.set_password(session, boss, "boss", "boss's long password")
    with store.transaction() as session:
        users.add_user(session, resolve_actor(session, "boss"), "olive",
                       Role.DISCLOSURE_OFFICER,
                       accounts.new_credentials("olive's long password", "olive"))
    with store.read() as session:
        report = trail_replay.replay(session)
    assert report.ok, report.findings
    assert report.self_registered == []  # boss is the root; olive's key is vouched


def test_a_key_replaced_on_another_workstation_stops_signing_here(store: Store,
                                                                   isolated_env: object) -> None:
    """Olive is signed in here when an administrator, at another workstation, resets her
    password (a new key): her next audited action here is refused and nothing is saved,
    instead of being signed with a key that is no longer hers."""
    from pathlib import Path

    from app.core.chain import signing
    from app.core.store import audit

    with store.transaction() as session:
        accounts.create_first_administrator(session, "root", PASSWORD)
        users.add_user(session, resolve_actor(session, "root"), "olive",
                       Role.DISCLOSURE_OFFICER,
                       accounts.new_credentials("olive's first pass", "olive"))
    accounts.sign_in(store, "olive", "olive's first pass")
    other = Store(store.url, Path(str(isolated_env)) / "data")
    try:
        accounts.sign_in(other, "root", PASSWORD)
        with other.transaction() as session:
            accounts.set_password(session, resolve_actor(session, "root"), "olive",
                                  "reset by root")
    finally:
        other.close()
    with store.read() as session:
        before = session.scalar(select(AuditEvent.seq).order_by(AuditEvent.seq.desc()))
    with pytest.raises(SignInError, match="was replaced"), store.transaction() as session:
        audit.record(session, "olive", "flag.add", "footage", 1, {"note": "late"})
    with store.read() as session:
        assert session.scalar(select(AuditEvent.seq).order_by(AuditEvent.seq.desc())) == before
        assert "olive" not in signing.signers(session)  # signed in again before anything
