"""Shared steps of the window tests: ingest a clip and show the main window with it listed."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from pytestqt.qtbot import QtBot

from app.core.library.ingest import ingest_paths
from app.core.settings import load_settings
from app.core.store.database import Store
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
