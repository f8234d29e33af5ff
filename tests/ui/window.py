"""Shared steps of the window tests: ingest a clip and show the main window with it listed."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from pytestqt.qtbot import QtBot

from app.core.library.ingest import ingest_paths
from app.core.people.users import resolve_actor
from app.core.settings import load_settings
from app.core.store.database import Store
from app.core.views.records import UserRecord
from app.ui.main_window import MainWindow
from app.ui.signed_in import SignedIn
from app.ui.workspace.export_dialog import ExportDialog


def signed_in_record(store: Store, name: str = "tester") -> UserRecord:
    """``name``'s account as a sign-in gives it (made on a store whose sign-in trusts the
    computer's own, as the test stores' first user is)."""
    with store.transaction() as session:
        return UserRecord.of(resolve_actor(session, name))


def signed_in(store: Store, name: str = "tester") -> SignedIn:
    """What a window hands its views: ``name`` signed in."""
    return SignedIn(signed_in_record(store, name))


def show_window(qtbot: QtBot, store: Store, clip: Path,
                size: tuple[int, int] = (1000, 600)) -> MainWindow:
    """Ingest ``clip`` and show the main window once the library lists it."""
    ingest_paths(store, "tester", [clip])
    win = MainWindow(store, load_settings(), signed_in_record(store))
    qtbot.addWidget(win)
    win.resize(*size)
    win.show()
    qtbot.waitUntil(lambda: win.library.model.rowCount() == 1, timeout=10_000)
    return win


def open_workspace(qtbot: QtBot, store: Store, clip: Path,
                   size: tuple[int, int] = (1280, 800)) -> tuple[MainWindow, list[str]]:
    """The window on the Redact tab with ``clip`` open (the stored-run lookup has ended);
    the list collects the workspace's messages. The store's approval rule is off."""
    from tests.conftest import allow_unapproved_exports

    win = show_window(qtbot, store, clip, size)
    allow_unapproved_exports(store)
    ws = win.workspace
    problems: list[str] = []
    ws.failed.connect(problems.append)
    win.open_workspace()
    with qtbot.waitSignals([ws.player.loaded, ws.ready], timeout=20_000):
        win.library.table.selectRow(0)
    return win, problems


def detect_with(qtbot: QtBot, win: MainWindow, preset: str) -> None:
    """Choose ``preset`` in the open workspace and detect (waits for the tracks)."""
    ws = win.workspace
    ws.controls.preset.setCurrentIndex(ws.controls.preset.findData(preset))
    qtbot.waitUntil(lambda: ws.detect_job is None, timeout=10_000)  # the stored-run lookup
    with qtbot.waitSignal(ws.analysed, timeout=120_000):
        ws.detect()


class MessageBoxes:
    """Answers the message boxes a step opens, as a user would: each one's text is kept in
    ``seen`` and the button named by ``answer`` (e.g. Yes, Cancel, Ok) is clicked. An input
    dialog gets ``text`` typed and OK, or is cancelled when ``text`` is None."""

    running: ClassVar[list[MessageBoxes]] = []  # stopped after every test (ui/conftest.py)

    def __init__(self, answer: str, text: str | None = None) -> None:
        from PySide6.QtCore import QTimer

        MessageBoxes.running.append(self)
        self.answer, self.text = answer, text
        self.seen: list[str] = []
        self.timer = QTimer()
        self.timer.setInterval(50)
        self.timer.timeout.connect(self._answer)
        self.timer.start()

    def _answer(self) -> None:
        from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            self.seen.append(box.text())
            box.button(getattr(QMessageBox.StandardButton, self.answer)).click()
        elif isinstance(box, QInputDialog):
            self.seen.append(box.labelText())
            if self.text is None:
                box.reject()
            else:
                box.setTextValue(self.text)
                box.accept()

    def stop(self) -> None:
        self.timer.stop()

    @classmethod
    def stop_all(cls) -> None:
        """No timer may answer the next test's boxes, whatever this test did."""
        for boxes in cls.running:
            boxes.stop()
        cls.running.clear()


def approve_in(qtbot: QtBot, dialog: ExportDialog) -> list[str]:
    """A supervisor's Approve in the export dialog: the window showing what approving lets
    out opens (no open items here), and Approve is pressed in it; returns what it showed."""
    dialog.decide(True)
    qtbot.waitUntil(lambda: dialog.open_items_dialog is not None
                    and dialog.open_items_dialog.isVisible(), timeout=10_000)
    shown = dialog.open_items_dialog
    assert shown is not None and not shown.items
    text = shown.outline.toPlainText().splitlines()
    shown.buttons.button(shown.buttons.StandardButton.Ok).click()
    return text
