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
