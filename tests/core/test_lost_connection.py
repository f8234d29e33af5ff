"""A store that cannot be reached part-way through an integrity check: the check says it did
not finish, and why, never that the store was tampered with (a PostgreSQL connection cut off
by the server while the chain is walked); a finding made by the other checks still counts,
and SQLite's own errors stay findings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, make_url, text
from sqlalchemy.exc import OperationalError

from app.core.checks.integrity_check import (
    CHAIN,
    REPLAY,
    IntegrityReport,
    check_store,
    lost_connection,
)
from app.core.sign_in import accounts
from app.core.store.database import Store
from tests.conftest import _fresh_postgres_database


@pytest.fixture
def pg_store(postgres_server: str, isolated_env: Path) -> Iterator[tuple[Store, str]]:
    for url in _fresh_postgres_database(postgres_server):
        store = Store(url, isolated_env / "data")
        with store.transaction() as session:
            accounts.create_first_administrator(session, "admin", "admin's long password")
        try:
            yield store, url
        finally:
            store.close()


def _end_connections(admin: Engine, url: str) -> int:
    """End every connection to ``url``'s database (as a server restarting does); how many."""
    with admin.connect() as conn:
        return int(conn.execute(text(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = :name AND pid <> pg_backend_pid()"),
            {"name": make_url(url).database}).scalar_one())


def checked_with_the_connection_cut(server: str, store: Store, url: str) -> IntegrityReport:
    """``check_store`` with every connection to the store's database ended by the server
    (``pg_terminate_backend``, as when it restarts) just as the chain walk begins."""
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    cut: list[int] = []

    def walk(done: int, total: int) -> None:
        if not cut:
            cut.append(_end_connections(admin, url))

    try:
        report = check_store(store, walk=walk)
    finally:
        admin.dispose()
    assert cut and cut[0] >= 1  # the walk's own connection was among them
    return report


def test_a_connection_cut_part_way_is_not_finished_not_tampering(
        postgres_server: str, pg_store: tuple[Store, str]) -> None:
    store, url = pg_store
    report = checked_with_the_connection_cut(postgres_server, store, url)
    assert list(report.stopped) == [CHAIN] and lost_connection(report.stopped[CHAIN])
    assert report.unreached == [CHAIN]
    assert REPLAY not in report.stopped and report.replay.ok  # ran on a new connection
    assert not report.ok and report.interrupted
    assert check_store(store).ok  # and checked again, it is intact


def test_a_finding_still_counts_when_the_connection_is_cut(
        postgres_server: str, pg_store: tuple[Store, str]) -> None:
    """A store rule written behind the app's back is found by the state rebuilt from the
    trail: tampering, whatever else stopped."""
    store, url = pg_store
    with store.engine.begin() as conn:
        conn.execute(text("INSERT INTO store_info (key, value) VALUES ('policy:000099', "
                          "'{\"sign_in\": \"password\", \"require_approval\": false}')"))
    report = checked_with_the_connection_cut(postgres_server, store, url)
    assert report.unreached == [CHAIN] and report.replay.findings
    assert not report.ok and not report.interrupted


def test_sqlites_own_errors_are_not_a_lost_connection(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'store.sqlite3'}")
    try:
        with pytest.raises(OperationalError) as missing, engine.connect() as conn:
            conn.execute(text("SELECT * FROM audit_events"))  # no such table: damage
    finally:
        engine.dispose()
    assert not lost_connection(missing.value)
    assert not lost_connection(ValueError("not a database error"))


def test_a_statement_timeout_is_a_finding_not_a_lost_connection(
        pg_store: tuple[Store, str]) -> None:
    """Someone who set a statement timeout on the store's role would stop every chain walk:
    that must not read as "not finished" (PostgreSQL raises it as an operational error, of
    class 57, not 08)."""
    store, _url = pg_store
    with pytest.raises(OperationalError) as timed_out, store.engine.connect() as conn:
        conn.execute(text("SET statement_timeout = 50"))
        conn.execute(text("SELECT pg_sleep(2)"))
    assert getattr(timed_out.value.orig, "sqlstate", None) == "57014"
    assert not lost_connection(timed_out.value)


def test_bwv_audit_verify_exits_3_when_the_store_is_lost_part_way(
        postgres_server: str, pg_store: tuple[Store, str], capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line says the check did not finish, with exit status 3 (not 1, which
    scripts read as tampering), when the server ends its connections during the walk."""
    from app.cli import cmd_audit
    from app.cli.main import main

    store, url = pg_store
    real = cmd_audit.check_store
    reports: list[IntegrityReport] = []

    def cut_during_the_walk(*args: object, **kwargs: object) -> IntegrityReport:
        admin = create_engine(postgres_server, isolation_level="AUTOCOMMIT")
        walk = kwargs["walk"]
        cut: list[int] = []

        def walk_cut(done: int, total: int) -> None:
            if not cut:
                cut.append(_end_connections(admin, url))
            walk(done, total)  # type: ignore[operator]

        try:
            reports.append(real(*args, **{**kwargs, "walk": walk_cut}))  # type: ignore[arg-type]
            return reports[-1]
        finally:
            admin.dispose()

    monkeypatch.setattr(cmd_audit, "check_store", cut_during_the_walk)
    monkeypatch.setenv("BWV_DATABASE_URL", store.engine.url.render_as_string(hide_password=False))
    monkeypatch.setenv("BWV_USER", "admin")
    monkeypatch.setenv("BWV_PASSWORD", "admin's long password")
    code = main(["audit", "verify"])
    out, err = capsys.readouterr()
    assert reports and reports[0].interrupted and list(reports[0].stopped) == [CHAIN], (out, err)
    assert code == 3, (out, err)
    assert "NOT FINISHED" in out and "TAMPERED" not in out
