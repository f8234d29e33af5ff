"""A PostgreSQL store held by someone else: a change gives up after the lock timeout with a
message saying the store is busy (nothing of it saved), never waits with no end; the
server ends a session of ours left inside a transaction; an upgrade still waits its turn."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url

from app.core.errors import BwvError
from app.core.sign_in import accounts
from app.core.store import database
from app.core.store.database import STORE_BUSY, Store
from app.core.store.database_locks import CHAIN_LOCK, MIGRATE_LOCK
from app.core.store.models import User
from tests.conftest import _fresh_postgres_database


@pytest.fixture
def fresh_url(postgres_server: str) -> Iterator[str]:
    yield from _fresh_postgres_database(postgres_server)


def held_by_another(url: str, statement: str, seconds: float) -> threading.Thread:
    """Another client running ``statement`` (taking a lock) and holding its transaction open
    for ``seconds`` (started, and the lock held, when this returns); join it after."""
    held = threading.Event()

    def hold() -> None:
        other = create_engine(url)
        try:
            with other.connect() as conn, conn.begin():
                conn.execute(text(statement))
                held.set()
                time.sleep(seconds)
        finally:
            other.dispose()

    thread = threading.Thread(target=hold)
    thread.start()
    assert held.wait(10)
    return thread


def _hold(url: str, lock: int, seconds: float) -> threading.Thread:
    """Another client holding advisory lock ``lock`` for ``seconds``."""
    return held_by_another(url, f"SELECT pg_advisory_xact_lock({lock})", seconds)


def test_a_change_waiting_past_the_lock_timeout_says_the_store_is_busy(
        fresh_url: str, isolated_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(database, "LOCK_TIMEOUT_S", 0.5)
    store = Store(fresh_url, isolated_env / "data")
    try:
        holder = _hold(fresh_url, CHAIN_LOCK, 3)  # someone mid-change on the audit chain
        started = time.monotonic()
        with pytest.raises(BwvError) as busy, store.transaction() as session:
            accounts.create_first_administrator(session, "admin", "admin's long password")
        waited = time.monotonic() - started
        assert busy.value.template == STORE_BUSY and busy.value.arguments["seconds"] == 0.5
        assert "busy" in str(busy.value) and waited < 2.5  # given up, not waited out
        with store.read() as session:  # nothing of the change was saved
            assert session.scalar(select(User.id).limit(1)) is None
        holder.join()
        with store.transaction() as session:  # free again: the same change goes through
            accounts.create_first_administrator(session, "admin", "admin's long password")
        with store.read() as session:
            assert session.scalar(select(User.name)) == "admin"
    finally:
        store.close()


def test_each_connection_gives_up_on_locks_and_idle_transactions(
        fresh_url: str, isolated_env: Path) -> None:
    store = Store(fresh_url, isolated_env / "data")
    try:
        with store.engine.connect() as conn:
            assert conn.execute(text("SHOW lock_timeout")).scalar_one() == "30s"
            assert conn.execute(
                text("SHOW idle_in_transaction_session_timeout")).scalar_one() == "10min"
    finally:
        store.close()
    # a URL's own options win (set by the force's administrator)
    own = make_url(fresh_url).update_query_dict({"options": "-c lock_timeout=5s"})
    store = Store(own.render_as_string(hide_password=False), isolated_env / "data")
    try:
        with store.engine.connect() as conn:
            assert conn.execute(text("SHOW lock_timeout")).scalar_one() == "5s"
            assert conn.execute(
                text("SHOW idle_in_transaction_session_timeout")).scalar_one() == "0"
    finally:
        store.close()


def test_an_upgrade_waits_its_turn_past_the_lock_timeout(
        fresh_url: str, isolated_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another process upgrading the same new store holds the upgrade lock longer than the
    lock timeout (an upgrade of a large store takes minutes): this one waits, then opens."""
    monkeypatch.setattr(database, "LOCK_TIMEOUT_S", 0.2)  # the upgrade's 5 tries: 3 s
    holder = _hold(fresh_url, MIGRATE_LOCK, 3.5)
    try:
        store = Store(fresh_url, isolated_env / "data")
    finally:
        holder.join()
    try:
        with store.engine.connect() as conn:
            assert conn.execute(text("SHOW lock_timeout")).scalar_one() == "200ms"
        assert store.store_id
    finally:
        store.close()


def test_the_command_line_says_the_store_is_busy_when_a_read_waits_too_long(
        fresh_url: str, isolated_env: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """A read held up by someone else's lock on a whole table (an administrator's hand-run
    change) gives up too; the command line says the store is busy, not "internal error"."""
    from app.cli.main import main
    from app.core.people.users import resolve_actor
    from app.core.policy.store_policy import set_policy

    with Store(fresh_url, isolated_env / "data") as store, store.transaction() as session:
        set_policy(session, resolve_actor(session, "tester"), sign_in="os_user")
    monkeypatch.setenv("BWV_DATABASE_URL", fresh_url)
    monkeypatch.setattr(database, "LOCK_TIMEOUT_S", 0.5)
    holder = held_by_another(fresh_url, "LOCK TABLE footage IN ACCESS EXCLUSIVE MODE", 3)
    try:
        assert main(["footage", "list"]) == 2
    finally:
        holder.join()
    err = capsys.readouterr().err
    assert "is busy" in err and "internal error" not in err, err
    assert main(["footage", "list"]) == 0  # free again
