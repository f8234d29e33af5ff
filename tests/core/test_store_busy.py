"""A store another program is writing to: a refused write is called busy (nothing saved, try
again), on SQLite and PostgreSQL alike; other database errors are said without the statement;
opening the store takes no write lock."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from app.core.errors import SignInError, StoreBusyError
from app.core.jobs.queue import list_jobs
from app.core.library.ingest import IngestStatus, ingest_paths
from app.core.people.permissions import Permission
from app.core.people.users import check_actor, resolve_actor
from app.core.store import audit, database
from app.core.store.database import (
    DATABASE_FAILED,
    STORE_BUSY,
    Store,
    database_problem,
    store_busy,
)
from app.core.store.database_locks import CHAIN_LOCK
from app.core.store.models import Flag, Footage
from app.core.store.witness import read_witness
from tests.conftest import make_video


@contextmanager
def held(store: Store, table: str = "flags", mode: str = "ACCESS EXCLUSIVE") -> Iterator[None]:
    """Another program holding the store: SQLite's write lock, or on PostgreSQL a lock on
    ``table`` (which the write under test needs)."""
    if store.engine.dialect.name == "sqlite":
        other = sqlite3.connect(str(make_url(store.url).database), isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            other.execute("ROLLBACK")
            other.close()
        return
    engine = create_engine(store.url)
    try:
        with engine.connect() as conn, conn.begin():
            conn.execute(text(HOLD_AT_MOST))
            conn.execute(text(f"LOCK TABLE {table} IN {mode} MODE"))
            yield
    finally:
        engine.dispose()


# A holder on PostgreSQL lets go after 15 s: a write that waits for it (no lock_timeout)
# then goes through late, and its test fails rather than hangs.
HOLD_AT_MOST = "SET LOCAL idle_in_transaction_session_timeout = '15s'"


def _write(store: Store) -> None:
    with store.transaction() as session:
        session.execute(text("UPDATE flags SET label = label WHERE id = -1"))


def test_a_write_refused_while_another_program_writes_is_called_busy(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 300)
    fresh = Store(store.url, store.data_dir)  # its connections wait 0.3 s, not 10
    try:
        with held(store), pytest.raises(DBAPIError) as refused:
            _write(fresh)
        assert store_busy(refused.value)
        said = database_problem(refused.value)
        assert said.template == STORE_BUSY and "Try again" in str(said)
        _write(fresh)  # and a moment later it works
    finally:
        fresh.close()


def test_other_database_errors_are_not_busy_and_never_show_the_statement(
        store: Store) -> None:
    with pytest.raises(DBAPIError) as refused, store.transaction() as session:
        session.add(Flag(footage_id=424242, start_time_s=1.0, start_frame=25,
                         category="review", label="secret label"))  # no such footage
        session.flush()
    assert not store_busy(refused.value)
    said = database_problem(refused.value)
    assert said.template == DATABASE_FAILED
    assert "INSERT" not in str(said) and "secret" not in str(said) and "\n" not in str(said)


def test_opening_a_store_takes_no_write_lock(store: Store,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Every command and every window opens the store: a long write elsewhere must not
    refuse that (it did: the store's id was read in a write transaction), nor checking who
    is acting (it was a write transaction too). SQLite only: a PostgreSQL reader never
    waits for a writer."""
    if store.engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL readers never wait for writers")
    with store.transaction() as session:
        resolve_actor(session, "tester")  # the first run's account, made before the hold
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 300)
    with held(store):
        again = Store(store.url, store.data_dir)
        try:
            assert again.store_id == store.store_id
            with again.read() as session:
                assert session.query(Footage).count() == 0
            assert check_actor(again, "tester", Permission.VIEW, "look").name == "tester"
            with pytest.raises(SignInError):  # refused in words, not busy
                check_actor(again, "nobody", Permission.VIEW, "look")
        finally:
            again.close()


def test_a_store_file_written_elsewhere_opens_busy_not_damaged(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A new store being made by another program (its migrations hold the write lock) is
    busy, not 'cannot be used'."""
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 300)
    path = tmp_path / "new.sqlite3"
    other = sqlite3.connect(str(path), isolation_level=None)
    other.execute("CREATE TABLE being_made (x)")  # begun by another program, not finished
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreBusyError) as refused:
            Store(f"sqlite:///{path}", tmp_path / "data")
        assert refused.value.template == STORE_BUSY
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_a_file_ingested_while_another_program_writes_says_busy(
        store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """It said "unexpected error ((sqlite3.OperationalError) database is locked [SQL: ...])"."""
    with store.transaction() as session:
        resolve_actor(session, "tester")  # the first run's account, made before the hold
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 300)
    fresh = Store(store.url, store.data_dir)
    clip = make_video(tmp_path / "street.mp4", frames=6)
    try:
        with held_everything(fresh):
            (result,) = ingest_paths(fresh, "tester", [clip])
        assert result.status is IngestStatus.FAILED
        assert "The store is busy" in result.message and "[SQL" not in result.message
        (again,) = ingest_paths(fresh, "tester", [clip])
        assert again.status is IngestStatus.INGESTED
    finally:
        fresh.close()


@contextmanager
def held_everything(store: Store) -> Iterator[None]:
    """Another program holding what an ingest writes (SQLite's write lock; on PostgreSQL
    the footage table)."""
    with held(store, "footage", "EXCLUSIVE"):
        yield


def test_checking_who_is_acting_reads_and_still_brings_the_witness_up(store: Store) -> None:
    """check_actor used to commit a transaction, which moved this computer's audit witness
    up to the trail's head on every command; reading only, it still does."""
    with store.transaction() as session:
        resolve_actor(session, "tester")
    seen = read_witness(store)[0]
    elsewhere = Store(store.url, store.data_dir.parent / "other-computer")
    try:
        with elsewhere.transaction() as session:  # another computer adds an event
            audit.record(session, "tester", "test.elsewhere", "store", 1, {})
    finally:
        elsewhere.close()
    assert seen is not None and read_witness(store)[0] == seen
    check_actor(store, "tester", Permission.VIEW, "look")
    after = read_witness(store)[0]
    assert after is not None and after[0] == seen[0] + 1


def test_a_watch_folder_looks_again_at_a_file_the_busy_store_refused(
        store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A refused ingest was remembered as a failure: the file was not read again until it
    changed, so its recording never reached the store."""
    from app.core.jobs.watch import Watcher, WatchRule, add_rule, scan

    if store.engine.dialect.name != "sqlite":
        pytest.skip("the watch folder's own rule, not the dialect, is what is tested")
    dock = tmp_path / "dock"
    dock.mkdir()
    add_rule(store, "tester", WatchRule(dock, "", "detect"))
    make_video(dock / "BWV0001.mp4", frames=8)
    watcher = Watcher(settle_s=5)
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 300)
    fresh = Store(store.url, store.data_dir)
    try:
        assert scan(fresh, "tester", watcher, now=0) == []  # first sight
        with held(fresh):
            (refused,) = scan(fresh, "tester", watcher, now=10)
        assert refused.status is IngestStatus.FAILED and refused.busy
        assert "The store is busy" in refused.message
        (again,) = scan(fresh, "tester", watcher, now=20)
        assert again.status is IngestStatus.INGESTED
        with fresh.read() as session:
            assert [j.footage_id for j in list_jobs(session)] == [again.footage_id]
    finally:
        fresh.close()


def test_two_programs_opening_a_new_store_at_once_agree_on_its_id(db_url: str,
                                                                  tmp_path: Path) -> None:
    """Workstations first started together against a new, empty PostgreSQL store each read
    "no id yet" and wrote one: the second failed with an internal error. Now the second
    waits for the first (the chain's lock; SQLite's write lock) and reads its id."""
    import threading
    import time

    engine = database.make_engine(db_url)
    database.migrate(engine)  # a new store: its tables made, its id not yet written
    engine.dispose()
    opened: list[object] = []

    def open_store() -> None:
        try:
            again = Store(db_url, tmp_path / "data2")
            opened.append(again.store_id)
            again.close()
        except Exception as exc:  # the failure is what is asserted
            opened.append(exc)

    insert = "INSERT INTO store_info (key, value) VALUES ('store_id', 'theirs')"
    racer = threading.Thread(target=open_store)
    if db_url.startswith("sqlite"):
        other = sqlite3.connect(str(make_url(db_url).database), isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        other.execute(insert)
        racer.start()
        time.sleep(1.0)
        other.execute("COMMIT")
        other.close()
    else:
        engine = create_engine(db_url)
        with engine.connect() as conn, conn.begin():
            conn.execute(text(f"SELECT pg_advisory_xact_lock({CHAIN_LOCK})"))
            conn.execute(text(insert))
            racer.start()
            time.sleep(1.0)  # the other program reads "no id", then waits for this one
        engine.dispose()
    racer.join(30)
    assert opened == ["theirs"]


def test_a_write_behind_a_vanished_program_is_refused_busy_not_kept_waiting(
        db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A computer that vanished (power cut, network gone) with its transaction holding the
    audit chain's lock: every write on PostgreSQL waited for it as long as the server let
    it (for ever, by default), the window with it. Now it is refused after the busy
    timeout, as on SQLite, and said so; once the lock is free the same write works."""
    import threading

    if not db_url.startswith("postgresql"):
        pytest.skip("SQLite's busy timeout: test_a_write_refused_while_another_program_writes")
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 300)
    store = Store(db_url, tmp_path / "data")
    outcome: list[object] = []

    def write() -> None:
        try:
            with store.transaction() as session:
                audit.record(session, "tester", "test.event", "store", 1, {})
            outcome.append("saved")
        except Exception as exc:  # the refusal is what is asserted
            outcome.append(exc)

    other = create_engine(db_url)
    try:
        with other.connect() as conn, conn.begin():
            conn.execute(text(HOLD_AT_MOST))
            conn.execute(text(f"SELECT pg_advisory_xact_lock({CHAIN_LOCK})"))
            writer = threading.Thread(target=write)
            writer.start()
            writer.join(10)
            alive = writer.is_alive()
        writer.join(30)
        assert not alive, "the write waited for the lock"
        assert len(outcome) == 1 and isinstance(outcome[0], DBAPIError)
        assert store_busy(outcome[0])
        with store.read() as session:
            assert session.execute(text("SHOW lock_timeout")).scalar_one() == "300ms"
        write()
        assert outcome[-1] == "saved"
    finally:
        other.dispose()
        store.close()


def test_a_program_waits_for_another_programs_schema_upgrade_however_long(
        db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Waiting for another program's upgrade of the schema is right, not "busy": the
    upgrade's own lock waits past the busy timeout (a big store's upgrade takes minutes)."""
    import threading

    if not db_url.startswith("postgresql"):
        pytest.skip("SQLite's upgrade waits on its write lock: a busy store is retried")
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 300)
    monkeypatch.setattr(database, "time", SimpleNamespace(sleep=lambda _s: None))  # (tries
    # again at once)
    outcome: list[object] = []

    def upgrade() -> None:
        engine = database.make_engine(db_url)
        try:
            database.migrate(engine)
            outcome.append(database.current_revision(engine))
        except Exception as exc:  # the failure is what is asserted
            outcome.append(exc)
        finally:
            engine.dispose()

    other = create_engine(db_url)
    try:
        with other.connect() as conn, conn.begin():
            conn.execute(text(f"SELECT pg_advisory_xact_lock({database.MIGRATE_LOCK})"))
            waiting = threading.Thread(target=upgrade)
            waiting.start()
            threading.Event().wait(2.5)  # past five tries at the busy timeout
            assert waiting.is_alive() and outcome == []  # still waiting, not given up
        waiting.join(30)
    finally:
        other.dispose()
    assert outcome == [database.head_revision()]


def test_a_postgresql_connection_is_opened_with_timeouts_the_url_may_replace(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """libpq's connections get a connect timeout and keepalives, and each session the busy
    timeout as its lock_timeout and the server's keepalives (set by statements: connection
    poolers refuse startup options); what the URL or the environment says itself wins."""
    for name in ("PGCONNECT_TIMEOUT", "PGOPTIONS", "PGSERVICE"):
        monkeypatch.delenv(name, raising=False)
    plain = make_url("postgresql+psycopg://bwv@db/bwv")
    args = database._libpq_args(plain)
    assert args["connect_timeout"] == database.CONNECT_TIMEOUT_S
    assert args["keepalives"] == 1 and args["keepalives_idle"] == database.KEEPALIVE_S
    assert "options" not in args
    settings = database._session_settings(plain)
    assert f"SET lock_timeout = {database.BUSY_TIMEOUT_MS}" in settings
    assert any("tcp_keepalives_idle" in statement for statement in settings)
    own = make_url("postgresql+psycopg://bwv@db/bwv?options=-c%20lock_timeout%3D0"
                   "&keepalives_count=9")
    assert "keepalives" not in database._libpq_args(own)
    assert database._session_settings(own) == ()
    monkeypatch.setenv("PGOPTIONS", "-c lock_timeout=0")
    assert database._session_settings(plain) == ()
    for other in ("sqlite:///store.sqlite3", "postgresql+asyncpg://bwv@db/bwv"):
        assert database._libpq_args(make_url(other)) == {}
        assert database._session_settings(make_url(other)) == ()


def test_a_busy_retry_stops_waiting_once_its_worker_is_stopped() -> None:
    """A worker being stopped (Ctrl+C, its run ending) while it waits out a busy store
    gives up at once, rather than sleeping out its waits and claiming a job after the
    stop; the refusal is raised."""
    import threading
    import time

    from app.core.store.busy_retry import retry_while_busy

    stopped = threading.Event()
    tries: list[float] = []

    def refused() -> None:
        tries.append(time.monotonic())
        raise StoreBusyError(STORE_BUSY)

    threading.Timer(0.5, stopped.set).start()
    start = time.monotonic()
    with pytest.raises(StoreBusyError):
        retry_while_busy(refused, "test", waits=(30.0, 30.0), stopping=stopped.is_set)
    assert len(tries) == 1 and time.monotonic() - start < 5
    with pytest.raises(StoreBusyError):  # already stopped: no wait at all
        retry_while_busy(refused, "test", waits=(30.0,), stopping=stopped.is_set)
    assert len(tries) == 2
