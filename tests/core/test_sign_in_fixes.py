"""Accounts, found by a read-only hunt: the last administrator is never locked out for good;
a name with no account is never kept as typed; blank passwords and unprintable user names
are refused; no part of a database password shows in an error."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from app.core.errors import BwvError, InvalidInputError, SignInError
from app.core.people import users
from app.core.people.users import resolve_actor
from app.core.policy.store_policy import set_policy
from app.core.sign_in import accounts, lockout
from app.core.store.database import Store
from app.core.store.models import AuditEvent, Role

PASSWORD = "correct horse battery"
OFFICER = "officer password"


def _later(monkeypatch: pytest.MonkeyPatch, minutes: float) -> None:
    """Move the lock-out's clock ``minutes`` on (the trail keeps the real times)."""
    real = lockout._now
    monkeypatch.setattr(lockout, "_now", lambda: real() + timedelta(minutes=minutes))


def _fail(store: Store, name: str, times: int, match: str = "Wrong") -> None:
    for _ in range(times):
        with pytest.raises(SignInError, match=match):
            accounts.sign_in(store, name, "a wrong guess!!")


def _actions(store: Store) -> list[AuditEvent]:
    with store.read() as session:
        return list(session.scalars(select(AuditEvent).order_by(AuditEvent.seq)))


@pytest.fixture
def root_store(store: Store) -> Store:
    with store.transaction() as session:
        accounts.create_first_administrator(session, "root", PASSWORD)
        admin = resolve_actor(session, "root")
        users.add_user(session, admin, "olive", Role.DISCLOSURE_OFFICER,
                       accounts.new_credentials(OFFICER, "olive"))
        set_policy(session, admin, lockout_after=3)
    return store


def test_the_only_administrator_is_held_for_a_while_never_locked_for_good(
        root_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """Item 1: five wrong passwords by anyone used to lock the only administrator for ever."""
    store = root_store
    _fail(store, "root", 3)
    with pytest.raises(SignInError, match="opens again by itself at"):
        accounts.sign_in(store, "root", PASSWORD)  # the right password, held
    _later(monkeypatch, 10)
    _fail(store, "root", 5, match="opens again")  # tries while held do not make it longer
    _later(monkeypatch, 16)
    assert accounts.sign_in(store, "root", PASSWORD).name == "root"
    events = _actions(store)
    locked = [e for e in events if e.action == "user.locked"]
    assert len(locked) == 1 and '"opens_at"' in locked[0].details
    assert events[-1].action == "user.sign_in"
    # and it is held again after the limit, from the start
    monkeypatch.undo()
    _fail(store, "root", 3)
    with pytest.raises(SignInError, match="opens again"):
        accounts.sign_in(store, "root", PASSWORD)


def test_a_lock_another_administrator_can_lift_lasts_until_they_do(
        root_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    store = root_store
    with store.transaction() as session:
        users.add_user(session, resolve_actor(session, "root"), "ada", Role.ADMINISTRATOR,
                       accounts.new_credentials("ada's password", "ada"))
    _fail(store, "root", 3)
    _fail(store, "olive", 3)
    _later(monkeypatch, 60 * 24)
    for name, password in (("root", PASSWORD), ("olive", OFFICER)):
        with pytest.raises(SignInError, match="an administrator unlocks it"):
            accounts.sign_in(store, name, password)
    monkeypatch.undo()
    # once ada is locked too, nobody could unlock either: both are held, then open
    _fail(store, "ada", 3)
    for name, password in (("root", PASSWORD), ("ada", "ada's password")):
        with pytest.raises(SignInError, match="opens again"):
            accounts.sign_in(store, name, password)
    _later(monkeypatch, 16)
    assert accounts.sign_in(store, "root", PASSWORD).name == "root"
    with pytest.raises(SignInError, match="an administrator unlocks it"):  # root can now
        accounts.sign_in(store, "ada", "ada's password")
    with store.transaction() as session:
        assert lockout.unlock(session, resolve_actor(session, "root"), "ada", "called her")
    assert accounts.sign_in(store, "ada", "ada's password").name == "ada"


def test_a_name_with_no_account_is_never_kept_as_typed(root_store: Store) -> None:
    """Item 3: a password typed into the name field was kept for ever in the trail."""
    store = root_store
    with pytest.raises(SignInError, match="Wrong user name or password"):
        accounts.sign_in(store, OFFICER, "olive")
    failed = [e for e in _actions(store) if e.action == "user.sign_in_failed"]
    assert all(OFFICER not in e.actor and OFFICER not in e.details for e in failed)
    assert failed[-1].actor == accounts.UNKNOWN_NAME and failed[-1].object_id == ""
    assert f'"name_length":{len(OFFICER)}' in failed[-1].details
    _fail(store, "olive", 3)  # a known name is recorded, and counted, as before
    with pytest.raises(SignInError, match="an administrator unlocks it"):
        accounts.sign_in(store, "olive", OFFICER)
    assert {e.actor for e in _actions(store) if e.action == "user.locked"} == {"olive"}


def test_a_password_of_only_spaces_is_refused(store: Store) -> None:
    """Item 4."""
    with store.transaction() as session, pytest.raises(InvalidInputError, match="only spaces"):
        accounts.create_first_administrator(session, "root", " " * 12)
    for blank in ("\t" * 10, " \u00a0" * 6):
        with pytest.raises(InvalidInputError, match="only spaces"):
            accounts.hash_password(blank)
    with pytest.raises(InvalidInputError, match="at least 10"):
        accounts.hash_password("   ")  # the length rule first, as before
    with store.transaction() as session:
        accounts.create_first_administrator(session, "root", "  my  pass  ")
    assert accounts.sign_in(store, "root", "  my  pass  ").name == "root"  # kept as typed


@pytest.mark.parametrize("name", ["bad\nname", "nul\x01x", "tab\tname", "a\u2028b",
                                  "rtl\u202eevil", "del\x7f"])
def test_user_names_with_line_breaks_or_unprintable_characters_are_refused(
        store: Store, name: str) -> None:
    """Item 5."""
    with store.transaction() as session:
        accounts.create_first_administrator(session, "root", PASSWORD)
    with store.transaction() as session, pytest.raises(InvalidInputError, match="print"):
        users.add_user(session, resolve_actor(session, "root"), name, Role.SUPERVISOR)
    with pytest.raises(InvalidInputError, match="print"):
        users.check_user_name(name)
    with store.transaction() as session:
        rec = users.add_user(session, resolve_actor(session, "root"), " Siân Ŵyn O'Neil ",
                             Role.SUPERVISOR)
    assert rec.name == "Siân Ŵyn O'Neil"


def test_the_first_user_of_an_empty_store_needs_a_printable_name(store: Store) -> None:
    with store.transaction() as session, pytest.raises(InvalidInputError, match="print"):
        resolve_actor(session, "root\nadmin")
    with store.read() as session:
        assert not accounts.has_accounts(session)
    with store.transaction() as session, pytest.raises(InvalidInputError, match="print"):
        accounts.create_first_administrator(session, "root\x1b[2J", PASSWORD)


@pytest.mark.parametrize("url, secrets", [
    ("postgresql+psycopg://u:SEC@RETPW@127.0.0.1:1/db", ["SEC", "RETPW"]),
    ("postgresql+psycopg://u:AB@CD@EF@127.0.0.1:1/db", ["AB", "CD", "EF"]),
    ("postgresql+psycopg://u:SE%40CRETPW@127.0.0.1:1/db", ["SE@CRETPW", "SE%40CRETPW"]),
])
def test_no_part_of_a_database_password_shows_in_an_error(
        tmp_path: Path, url: str, secrets: list[str]) -> None:
    """Item 6: 'failed to resolve host 'RETPW@127.0.0.1'' showed half the password."""
    from app.core.store.database import _masked

    with pytest.raises(BwvError) as caught:
        Store(url, tmp_path / "data")
    message = str(caught.value)
    assert "Cannot open the database" in message and "127.0.0.1" in message
    assert not any(secret in message for secret in secrets), message
    driver = "failed to resolve host 'CD@EF@127.0.0.1': password 'AB@CD@EF' refused"
    masked = _masked(driver, "postgresql+psycopg://u:AB@CD@EF@127.0.0.1:1/db")
    assert masked == "failed to resolve host '***@127.0.0.1': password '***' refused"
    sqlite = "sqlite:////data/a@b/store.sqlite3"
    assert _masked("cannot open /data/a@b", sqlite) == "cannot open /data/a@b"


def test_the_hold_is_counted_from_the_trail_not_a_clock_of_its_own(root_store: Store) -> None:
    """A lock recorded before this change (the hunter's store) opens once the hold is over."""
    store = root_store
    _fail(store, "root", 3)
    with store.read() as session:
        user = users.find_user(session, "root")
        assert user is not None
        lock = lockout.lock_of(session, user)
    assert lock is not None and lock.opens_at is not None and lock.failures == 3
    assert timedelta(minutes=14) < lock.opens_at - datetime.now(lock.opens_at.tzinfo) \
        <= lockout.ADMIN_HOLD
