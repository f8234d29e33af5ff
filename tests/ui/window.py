"""Shared steps of the window tests: ingest a clip and show the main window with it listed."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from app.core.database import Store
from app.core.ingest import ingest_paths
from app.core.settings import load_settings
from app.ui.main_window import MainWindow


def show_window(qtbot: QtBot, store: Store, clip: Path,
                size: tuple[int, int] = (1000, 600)) -> MainWindow:
    """Ingest ``clip`` and show the main window once the library lists it."""
    ingest_paths(store, "tester", [clip])
    win = MainWindow(store, load_settings())
    qtbot.addWidget(win)
    win.resize(*size)
    win.show()
    qtbot.waitUntil(lambda: win.library.model.rowCount() == 1, timeout=10_000)
    return win


class MessageBoxes:
    """Answers the message boxes a step opens, as a user would: each one's text is kept in
    ``seen`` and the button named by ``answer`` (e.g. Yes, Cancel, Ok) is clicked."""

    def __init__(self, answer: str) -> None:
        from PySide6.QtCore import QTimer

        self.answer = answer
        self.seen: list[str] = []
        self.timer = QTimer()
        self.timer.setInterval(50)
        self.timer.timeout.connect(self._answer)
        self.timer.start()

    def _answer(self) -> None:
        from PySide6.QtWidgets import QApplication, QMessageBox

        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            self.seen.append(box.text())
            box.button(getattr(QMessageBox.StandardButton, self.answer)).click()

    def stop(self) -> None:
        self.timer.stop()
