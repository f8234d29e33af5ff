"""Issue 14, item 9: the Cases tab showed "Received" while the case was already in review,
and pressing "In review" gave an error naming ``in_review``. The views reload after a change
made elsewhere (the command line, another workstation on a shared store) on F5 and when the
window is active again, keep the selection and what is being typed, and a status change the
list no longer allows is refused in words, with the list reloaded."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QInputDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.core.casework import case_flow, cases
from app.core.people.users import resolve_actor
from app.core.settings import load_settings
from app.core.store.database import Store
from app.core.store.models import AuditEvent, CaseStatus
from app.ui.cases_panel import CasesPanel
from app.ui.main_window import MainWindow
from tests.conftest import make_video
from tests.ui.window import show_window, signed_in, signed_in_record

S = CaseStatus


def _elsewhere(store: Store, reference: str, status: str, reason: str = "") -> None:
    """A status change made behind the window's back, as `bwv case status` or another
    workstation would make it: straight through app.core, in its own transaction."""
    with store.transaction() as session:
        case_flow.change_status(session, resolve_actor(session, "tester"), reference, status,
                                reason)


def _status_cell(panel: CasesPanel, reference: str) -> str:
    for row in range(panel.model.rowCount()):
        if panel.model.index(row, 0).data() == reference:
            return str(panel.model.index(row, 3).data())
    raise AssertionError(f"{reference} is not listed")


def _window_on_case(qtbot: QtBot, store: Store, reference: str = "FOI-1") -> MainWindow:
    with store.transaction() as session:
        actor = resolve_actor(session, "tester")
        cases.create_case(session, actor, reference, "foi")
        cases.create_case(session, actor, "SAR-2", "subject_access")
    win = MainWindow(store, load_settings(), signed_in_record(store))
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitUntil(lambda: win.cases.model.rowCount() == 2, timeout=10_000)
    win.centre.setCurrentWidget(win.cases)
    with qtbot.waitSignal(win.cases.exports_loaded, timeout=10_000):
        assert win.cases.select_case(reference)
    assert _status_cell(win.cases, reference) == "Received"
    return win


def _activate(win: MainWindow) -> None:
    """The user comes back to the window (from the terminal, another program, a dialog)."""
    QApplication.sendEvent(win, QEvent(QEvent.Type.WindowActivate))


def test_f5_shows_a_status_changed_elsewhere(qtbot: QtBot, store: Store) -> None:
    win = _window_on_case(qtbot, store)
    _elsewhere(store, "FOI-1", "in_review")
    assert _status_cell(win.cases, "FOI-1") == "Received"  # stale until reloaded
    with qtbot.waitSignals([win.cases.refreshed, win.library.loaded], timeout=10_000):
        qtbot.keyClick(win, Qt.Key.Key_F5)
    panel = win.cases
    assert _status_cell(panel, "FOI-1") == "In review"
    assert panel.current_reference() == "FOI-1"  # still selected, its details reloaded
    assert panel.fields["status"].text() == "In review"
    assert list(panel.status_buttons) == case_flow.allowed_next(S.IN_REVIEW)
    view_menu = next(a.menu() for a in win.menuBar().actions() if a.text() == "&View")
    assert win.refresh_action in view_menu.actions()
    assert win.refresh_action.shortcut().toString() == "F5"
    win.close()


def test_coming_back_to_the_window_reloads_at_most_every_two_seconds(
        qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    win = _window_on_case(qtbot, store)
    panel = win.cases
    qtbot.keyClicks(panel.requester_name, "Jane Exa")  # being typed, not saved yet
    _elsewhere(store, "FOI-1", "in_review")
    monkeypatch.setattr(MainWindow, "REFRESH_INTERVAL_S", 0.0, raising=False)
    with qtbot.waitSignal(panel.refreshed, timeout=10_000):
        _activate(win)
    assert _status_cell(panel, "FOI-1") == "In review"
    assert panel.fields["status"].text() == "In review"
    assert panel.current_reference() == "FOI-1"
    assert panel.requester_name.text() == "Jane Exa"  # the edit in progress is kept
    assert panel.requester_name.isModified()

    monkeypatch.setattr(MainWindow, "REFRESH_INTERVAL_S", 2.0)
    _elsewhere(store, "FOI-1", "received", "opened by mistake")
    with qtbot.assertNotEmitted(panel.refreshed, wait=500):
        _activate(win)  # again straight away: throttled
    assert _status_cell(panel, "FOI-1") == "In review"
    with qtbot.waitSignal(panel.refreshed, timeout=10_000):  # F5 always reloads
        qtbot.keyClick(win, Qt.Key.Key_F5)
    assert _status_cell(panel, "FOI-1") == "Received"
    win.close()


def test_a_plan_edit_in_this_window_updates_the_cases_tab(qtbot: QtBot, store: Store) -> None:
    """Saving a plan edit sends its case back to "in review" (cases.plan_changed); the
    Cases tab follows when the workspace says the plan was saved."""
    win = _window_on_case(qtbot, store)
    with store.transaction() as session:
        case = cases.get_case(session, "FOI-1")
        cases.plan_changed(session, resolve_actor(session, "tester"), case.id, 1)
    with qtbot.waitSignal(win.cases.refreshed, timeout=10_000):
        win.workspace._saved("0" * 64)  # as when the workspace's save job ends
    assert _status_cell(win.cases, "FOI-1") == "In review"
    assert win.cases.fields["status"].text() == "In review"
    win.close()


def test_a_move_the_list_no_longer_allows_is_refused_in_words(
        qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    win = _window_on_case(qtbot, store)
    panel = win.cases
    _elsewhere(store, "FOI-1", "in_review")  # the tab still shows "Received"
    with store.read() as session:
        events = session.scalar(select(func.count()).select_from(AuditEvent))
    failures: list[str] = []
    panel.failed.connect(failures.append)
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("starting", True))
    qtbot.mouseClick(panel.status_buttons[S.IN_REVIEW], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(failures or panel.message.text()), timeout=10_000)
    said = " ".join([*failures, panel.message.text()])
    assert "in_review" not in said and "_" not in said
    assert "in review" in said.lower()
    assert failures == [] and "not made" in said
    qtbot.waitUntil(lambda: _status_cell(panel, "FOI-1") == "In review", timeout=10_000)
    assert panel.fields["status"].text() == "In review"  # the view was reloaded
    assert panel.current_reference() == "FOI-1"
    assert list(panel.status_buttons) == case_flow.allowed_next(S.IN_REVIEW)
    with store.read() as session:  # nothing was changed or audited
        assert cases.get_case(session, "FOI-1").status is S.IN_REVIEW
        assert session.scalar(select(func.count()).select_from(AuditEvent)) == events
    win.close()


def _selected_footage(win: MainWindow) -> int | None:
    rows = win.library.table.selectionModel().selectedRows()
    return rows[0].data(Qt.ItemDataRole.UserRole).id if rows else None


def test_a_reload_keeps_the_footage_selected_without_reopening_it(
        qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    win = show_window(qtbot, store, make_video(tmp_path / "one.mp4"))
    library = win.library
    with qtbot.waitSignal(library.footage_selected, timeout=10_000):
        library.table.selectRow(0)
    selected = _selected_footage(win)
    assert selected is not None
    reopened: list[object] = []
    library.footage_selected.connect(reopened.append)
    with qtbot.waitSignal(library.loaded, timeout=10_000):
        qtbot.keyClick(win, Qt.Key.Key_F5)
    assert _selected_footage(win) == selected
    assert reopened == []
    win.close()


def test_views_reload_from_the_broadcast_of_what_changed(qtbot: QtBot, store: Store,
                                                          tmp_path: Path) -> None:
    """Issue 16: an operation says what it changed and every view showing that reloads,
    with no view wired to another (here three views alone, without the main window): a
    legal hold placed in Tools > Retention shows in the library, and a case made in the
    Cases tab appears in the library's list of cases."""
    from app.core.library.ingest import ingest_paths
    from app.core.people.users import add_user
    from app.core.store.models import Role
    from app.ui.library_panel import LibraryPanel
    from app.ui.retention_dialog import RetentionDialog

    ingest_paths(store, "tester", [make_video(tmp_path / "v.mp4")])
    with store.transaction() as session:  # legal holds are a supervisor's
        add_user(session, resolve_actor(session, "tester"), "sup", Role.SUPERVISOR)
    library = LibraryPanel(store, None, signed_in(store, "tester"))
    cases_view = CasesPanel(store, signed_in(store, "tester"))
    retention = RetentionDialog(store, signed_in(store, "sup"))
    for view in (library, cases_view, retention):
        qtbot.addWidget(view)
    with qtbot.waitSignal(library.loaded, timeout=10_000):
        library.refresh()
    first = library.model.record(0)
    assert library.model.rowCount() == 1 and first is not None and not first.legal_hold
    with qtbot.waitSignal(library.loaded, timeout=10_000):
        retention.set_hold(1, True, "civil claim")
    record = library.model.record(0)
    assert record is not None and record.legal_hold
    assert "legal hold" in library.model._retention(record)
    with qtbot.waitSignals([library.loaded, cases_view.refreshed], timeout=10_000):
        cases_view.create_case("SAR-77", "subject_access")
    assert library.case_filter.findData("SAR-77") >= 0


def test_f5_shows_the_footage_details_changed_elsewhere(qtbot: QtBot, store: Store,
                                                         tmp_path: Path) -> None:
    """Footage marked evidential from the command line while the window showed it: F5
    reloaded the library but left its Details (the Evidential box, the retention line) as
    they were, contradicting one another, until another row was selected."""
    from app.core.library.footage import set_evidential

    win = show_window(qtbot, store, make_video(tmp_path / "clip.mp4"))
    details = win.details
    win.library.table.selectRow(0)
    qtbot.waitUntil(lambda: details.record is not None, timeout=10_000)
    assert not details.evidential.isChecked()
    with store.transaction() as session:
        set_evidential(session, resolve_actor(session, "tester"), 1, True, "court case")
    qtbot.keyClick(win, Qt.Key.Key_F5)
    qtbot.waitUntil(details.evidential.isChecked, timeout=10_000)
    assert details.record is not None and details.record.evidential
    win.close()

