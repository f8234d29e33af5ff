"""UI tests: isolated QSettings, and no worker left running behind a test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings


@pytest.fixture(scope="session", autouse=True)
def _qsettings_in_a_temp_folder(tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("qsettings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(Path(folder)))


@pytest.fixture(autouse=True)
def _isolated(qapp: object) -> Iterator[None]:
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
