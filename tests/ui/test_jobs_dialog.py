"""Tools > Jobs in a real window: the queue with its states, cancel and retry from the
dialog, jobs queued for a case's footage, and what a worker did shown as it happens."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressBar
from pytestqt.qtbot import QtBot

from app.core.casework import cases
from app.core.jobs.cluster import run_workers
from app.core.jobs.queue import claim, finish, list_jobs, report_progress
from app.core.library.ingest import ingest_paths
from app.core.people.users import resolve_actor
from app.core.store.database import Store
from app.ui.jobs_dialog import PROGRESS_COLUMN
from tests.conftest import make_video
from tests.ui.window import show_window


def test_the_jobs_dialog_follows_the_queue(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    win = show_window(qtbot, store, make_video(tmp_path / "a.mp4", frames=12))
    dialog = win.show_jobs()
    assert not dialog.queue_button.isEnabled()  # no case chosen in the library
    with store.transaction() as session:
        cases.create_case(session, resolve_actor(session, "tester"), "SAR-1", "subject_access")
    ingest_paths(store, "tester", [make_video(tmp_path / "b.mp4", frames=14)], case_ref="SAR-1")
    with store.transaction() as session:
        cases.create_case(session, resolve_actor(session, "tester"), "SAR-2", "subject_access")
    win.library.select_case("SAR-2")  # chosen in the library while the window is open,
    assert dialog.queue_button.isEnabled() and "SAR-2" in dialog.queue_button.text()
    win.library.select_case("SAR-1")  # then another: the window follows, and names it
    assert "SAR-1" in dialog.queue_button.text()  # (it queued for the case chosen at opening)
    qtbot.mouseClick(dialog.queue_button, Qt.MouseButton.LeftButton)  # detect, SAR-1's one
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=10_000)
    assert dialog.table.item(0, 3).text() == "queued"
    dialog.table.selectRow(0)
    assert dialog.cancel_button.isEnabled() and not dialog.retry_button.isEnabled()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.table.item(0, 3).text() == "cancelled", timeout=10_000)
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.retry_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.table.item(0, 3).text() == "queued", timeout=10_000)
    job = claim(store, "elsewhere", "tester")  # a worker takes it and says how far it got
    assert job is not None and report_progress(store, job, "elsewhere", 0.4)
    dialog.refresh()
    qtbot.waitUntil(lambda: dialog.table.item(0, 3).text() == "running", timeout=10_000)
    bar = dialog.table.cellWidget(0, PROGRESS_COLUMN)
    assert isinstance(bar, QProgressBar) and bar.value() == 40
    assert finish(store, job, "elsewhere", "tester", error="the share went away") == "queued"
    dialog.refresh()
    qtbot.waitUntil(lambda: dialog.table.item(0, 3).text() == "queued", timeout=10_000)
    assert dialog.table.cellWidget(0, PROGRESS_COLUMN) is None  # no bar once it stopped
    assert run_workers(store, "tester", workers=1)["done"] == 1  # a worker elsewhere
    dialog.refresh()
    qtbot.waitUntil(lambda: dialog.table.item(0, 3).text() == "done", timeout=10_000)
    assert "b.mp4" in dialog.table.item(0, 2).text()
    dialog.close()


def test_working_copies_are_queued_from_the_dialog_into_a_chosen_folder(
        qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    win = show_window(qtbot, store, make_video(tmp_path / "a.mp4", frames=12))
    with store.transaction() as session:
        cases.create_case(session, resolve_actor(session, "tester"), "SAR-2", "subject_access")
        cases.link_footage(session, resolve_actor(session, "tester"), "SAR-2", 1)
    dialog = win.show_jobs()
    dialog.case_ref = "SAR-2"
    dialog.queue_button.setEnabled(True)
    dialog.kind.setCurrentIndex(dialog.kind.findData("redact"))
    share = tmp_path / "share"
    share.mkdir()
    dialog.choose_folder = lambda: ""  # type: ignore[method-assign]  # the user cancels
    qtbot.mouseClick(dialog.queue_button, Qt.MouseButton.LeftButton)
    dialog.choose_folder = lambda: str(share)  # type: ignore[method-assign]
    qtbot.mouseClick(dialog.queue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=10_000)
    assert dialog.table.item(0, 1).text() == "working copy (balanced)"
    with store.read() as session:
        (job,) = list_jobs(session)
    assert job.options == {"out_dir": str(share.resolve()), "case": "SAR-2",
                           "reason": "batch working copy: every face redacted"}
    dialog.close()


def test_queueing_while_another_program_holds_the_store_says_it_is_busy(
        qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another program writing for longer than the busy timeout: the window says the store
    is busy and nothing was saved (it showed "OperationalError: (sqlite3.OperationalError)
    database is locked [SQL: ...]" with a traceback), and queueing again then works."""
    import sqlite3

    from sqlalchemy.engine import make_url

    from app.core.store import database

    win = show_window(qtbot, store, make_video(tmp_path / "a.mp4", frames=12))
    with store.transaction() as session:
        cases.create_case(session, resolve_actor(session, "tester"), "SAR-1", "subject_access")
    ingest_paths(store, "tester", [make_video(tmp_path / "b.mp4", frames=14)], case_ref="SAR-1")
    win.library.select_case("SAR-1")
    dialog = win.show_jobs()
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 300)
    store.engine.dispose()  # its next connections wait 0.3 s
    holder = sqlite3.connect(str(make_url(store.url).database), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with qtbot.waitSignal(dialog.failed, timeout=10_000) as said:
            qtbot.mouseClick(dialog.queue_button, Qt.MouseButton.LeftButton)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    (message,) = said.args
    assert message.startswith("The store is busy") and "Try again" in message
    assert "OperationalError" not in message and "SQL" not in message
    with store.read() as session:
        assert list_jobs(session) == []  # nothing saved
    qtbot.mouseClick(dialog.queue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=10_000)
    dialog.close()
