"""A read held up past the lock timeout by someone else's lock, in the app: the background
job says the store is busy (translated), never a database error with its statement."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.core.store import database
from app.core.store.database import Store
from app.core.store.models import Footage
from app.ui.workers import Job
from tests.conftest import _fresh_postgres_database
from tests.core.test_store_busy import held_by_another


@pytest.fixture
def pg_store(postgres_server: str, isolated_env: Path,
             monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Store, str]]:
    monkeypatch.setattr(database, "LOCK_TIMEOUT_S", 0.5)
    for url in _fresh_postgres_database(postgres_server):
        with Store(url, isolated_env / "data") as store:
            yield store, url


def test_a_read_held_up_past_the_lock_timeout_says_the_store_is_busy(
        qtbot: QtBot, pg_store: tuple[Store, str]) -> None:
    store, url = pg_store

    def read(_progress: object, _cancel: object) -> list[int]:
        with store.read() as session:
            return list(session.scalars(select(Footage.id)))

    failures: list[tuple[str, str]] = []
    holder = held_by_another(url, "LOCK TABLE footage IN ACCESS EXCLUSIVE MODE", 3)
    try:
        job = Job(read)
        job.failed.connect(lambda message, details: failures.append((message, details)))
        with qtbot.waitSignal(job.failed, timeout=10_000):
            job.start()
    finally:
        holder.join()
    (message, details), = failures
    assert "busy" in message and "Nothing of this change was saved" in message
    assert "SELECT" not in message and details == ""
