"""Views out of sight (a tab not shown, a dialog closed) reload when next shown, not at each
change meanwhile; and the library's "Add to case…" reads the cases off the UI thread (found
by a read-only hunt for UI-thread work: at 20,000 cases each reload of the hidden Cases tab
took 1-2 s of the one database worker, which the approval guard waits on before every
plan edit; the closed Retention dialog reloaded its whole report on every change)."""

from __future__ import annotations

import threading
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.core.casework import cases
from app.core.people.users import resolve_actor
from app.core.store.database import Store
from app.ui.changes import Changed, announce
from app.ui.workers import db_pool
from tests.conftest import make_video
from tests.ui.window import MessageBoxes, show_window


def test_the_cases_tab_out_of_sight_reloads_once_when_shown(qtbot: QtBot, store: Store,
                                                            tmp_path: Path) -> None:
    win = show_window(qtbot, store, make_video(tmp_path / "clip.mp4"))
    panel = win.cases
    assert win.centre.currentWidget() is not panel and not panel.isVisible()
    assert db_pool().waitForDone(30_000)  # the loads the window started with have ended
    qtbot.wait(300)  # and have been told
    loads: list[int] = []
    panel.refreshed.connect(loads.append)
    with store.transaction() as session:
        cases.create_case(session, resolve_actor(session, "tester"), "SAR-9",
                          "subject_access")
    for what in (Changed.PLANS, Changed.CASES, Changed.EXPORTS):
        announce(what)
    qtbot.wait(500)
    assert loads == []  # nobody could see it: nothing read
    win.centre.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: len(loads) == 1, timeout=10_000)
    qtbot.wait(300)
    assert loads == [1]  # once for the three changes, and the case made meanwhile is there
    announce(Changed.PLANS)  # shown: at once, as before
    qtbot.waitUntil(lambda: len(loads) == 2, timeout=10_000)
    win.close()


def test_the_retention_dialog_closed_reloads_once_when_opened_again(
        qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    win = show_window(qtbot, store, make_video(tmp_path / "clip.mp4"))
    dialog = win.show_retention()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=10_000)
    dialog.close()
    loads: list[int] = []
    dialog.loaded.connect(loads.append)
    for _ in range(3):
        announce(Changed.FOOTAGE)
    qtbot.wait(500)
    assert loads == []
    assert win.show_retention() is dialog
    qtbot.waitUntil(lambda: len(loads) == 1, timeout=10_000)
    qtbot.wait(300)
    assert loads == [1]  # opened again: one fresh report (its dates move with the day)
    dialog.close()
    qtbot.wait(100)
    assert win.show_retention() is dialog  # opened again with no change meanwhile: read too
    qtbot.waitUntil(lambda: len(loads) == 2, timeout=10_000)
    win.close()


def test_add_to_case_reads_the_cases_off_the_ui_thread(qtbot: QtBot, store: Store,
                                                      tmp_path: Path,
                                                      monkeypatch: object) -> None:
    from app.core.library import footage_pages

    win = show_window(qtbot, store, make_video(tmp_path / "clip.mp4"))
    with store.transaction() as session:
        cases.create_case(session, resolve_actor(session, "tester"), "SAR-8",
                          "subject_access")
    threads: list[bool] = []
    references = footage_pages.case_references

    def spy(session: object) -> list[str]:
        threads.append(threading.current_thread() is threading.main_thread())
        return references(session)  # type: ignore[arg-type]

    monkeypatch.setattr(footage_pages, "case_references", spy)  # type: ignore[attr-defined]
    library = win.library
    library.table.selectRow(0)
    boxes = MessageBoxes("Ok", "SAR-8")
    library.case_links.add_to_case()
    assert boxes.seen == []  # not asked yet: the cases are still being read
    qtbot.waitUntil(lambda: "added to case SAR-8" in library.status.text(), timeout=30_000)
    boxes.stop()
    assert threads and not any(threads), threads
    assert boxes.seen == ["Add footage #1 to case:"]
    win.close()
