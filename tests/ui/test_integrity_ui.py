"""Tools > Verify integrity: the store check in a window, in a worker; a rule row written
into the store behind the app's back is shown in red."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import text

from app.core.sign_in import accounts
from app.core.store.database import Store
from app.ui.integrity_dialog import IntegrityDialog
from tests.conftest import _fresh_postgres_database
from tests.core.test_lost_connection import checked_with_the_connection_cut


def test_the_integrity_window_shows_an_intact_store_then_tampering(qtbot: QtBot,
                                                                   store: Store) -> None:
    with store.transaction() as session:
        accounts.create_first_administrator(session, "admin", "admin's long password")
    dialog = IntegrityDialog(store)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.finished_check, timeout=30_000) as intact:
        dialog.start()
    assert intact.args == [True], [dialog.results.item(i).text()
                                   for i in range(dialog.results.count())]
    lines = [dialog.results.item(i).text() for i in range(dialog.results.count())]
    assert any(line.startswith("Chain intact") for line in lines)
    assert any(line.startswith("Root key: ") and "admin's" in line for line in lines)
    assert dialog.check_button.isEnabled() and not dialog.cancel_button.isEnabled()

    with store.engine.begin() as conn:
        conn.execute(text("INSERT INTO store_info (key, value) VALUES ('policy:000099', "
                          "'{\"sign_in\": \"password\", \"require_approval\": false}')"))
    with qtbot.waitSignal(dialog.finished_check, timeout=30_000) as broken:
        dialog.start()
    assert broken.args == [False]
    lines = [dialog.results.item(i).text() for i in range(dialog.results.count())]
    assert any(line.startswith("TAMPERED (rules)") for line in lines), lines
    assert "TAMPERED" in dialog.summary.text()


def test_the_integrity_window_lists_a_value_its_column_cannot_hold(qtbot: QtBot,
                                                                   store: Store) -> None:
    """A date edited into the accounts table: named in red, and the check still ends."""
    with store.transaction() as session:
        accounts.create_first_administrator(session, "admin", "admin's long password")
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE users SET created_at='last Tuesday'"))
    dialog = IntegrityDialog(store)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.finished_check, timeout=30_000) as done:
        dialog.start()
    assert done.args == [False]
    lines = [dialog.results.item(i).text() for i in range(dialog.results.count())]
    assert "UNREADABLE: users #1, created_at: 'last Tuesday' (changed outside BWV Studio)" \
        in lines, lines
    assert any(line.startswith("Chain intact") for line in lines)  # still walked
    assert "TAMPERED or damaged" in dialog.summary.text()


def test_a_check_cut_off_from_the_store_says_not_finished(qtbot: QtBot, postgres_server: str,
                                                           isolated_env: Path) -> None:
    """The chain walk loses its PostgreSQL connection (the server ends it): the window names
    the check that did not run and why, and says the check did not finish, not that the
    store was tampered with."""
    for url in _fresh_postgres_database(postgres_server):
        store = Store(url, isolated_env / "data")
        try:
            with store.transaction() as session:
                accounts.create_first_administrator(session, "admin",
                                                    "admin's long password")
            report = checked_with_the_connection_cut(postgres_server, store, url)
            dialog = IntegrityDialog(store)
            qtbot.addWidget(dialog)
            with qtbot.waitSignal(dialog.finished_check, timeout=5_000) as done:
                dialog._show(report)
            assert done.args == [False]
            lines = [dialog.results.item(i).text() for i in range(dialog.results.count())]
            assert any(line.startswith("NOT CHECKED: the hash chain stopped: the connection "
                                       "to the store was lost (terminating connection")
                       for line in lines), lines
            assert dialog.summary.text().startswith("NOT FINISHED: the store could not be "
                                                    "reached part-way")
            assert "TAMPERED" not in dialog.summary.text()
        finally:
            store.close()
