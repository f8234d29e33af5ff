"""UI tests: isolated QSettings, and no worker left running behind a test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings

from app.ui.collector import UiThreadCollector


@pytest.fixture(scope="session", autouse=True)
def _qsettings_in_a_temp_folder(tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("qsettings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(Path(folder)))


@pytest.fixture(autouse=True)
def ui_collector(qapp: object) -> Iterator[UiThreadCollector]:
    """As in the app: reference cycles are collected on this (the UI) thread only. Torn
    down after the test's workers have stopped: its cycles collected here, then Python
    collects as before. What is still alive then is frozen out of later collections (as
    the app does at its start): a full collection of this process's heap takes 0.2 s."""
    import gc

    collector = UiThreadCollector()
    try:
        yield collector
    finally:
        collector.stop()
        gc.freeze()


@pytest.fixture(autouse=True)
def _isolated(ui_collector: UiThreadCollector) -> Iterator[None]:
    QSettings().clear()
    QLocale.setDefault(QLocale("en_GB"))  # as the app on a "C" system (install_translators)
    yield
    from tests.ui.window import MessageBoxes

    MessageBoxes.stop_all()
    from app.ui.i18n import remove_translators

    remove_translators()
    from app.ui.workers import shutdown

    assert shutdown(10_000), "a background job did not stop"
    QSettings().clear()


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """UI tests run on one store, SQLite: what a widget shows does not depend on the
    database's dialect, and every store rule it calls runs on both in tests/core and
    tests/cli (issue 16: the suite's time went on PostgreSQL copies of window tests)."""
    return f"sqlite:///{tmp_path / 'store.sqlite3'}"
