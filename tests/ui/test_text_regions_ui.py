"""Text regions in the real workspace (issue 20): the thorough preset finds a number plate in a
real encoded clip; the plate is listed as "Text N", drawn in the text colour, and its
right-click menu speaks of text, not of a person."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QPoint
from pytestqt.qtbot import QtBot

from app.core.redaction.session import Look
from app.core.store.database import Store
from app.core.tracking.tracker import TEXT
from app.ui.workspace.lanes import COLOURS
from tests.core.test_text_tracks import plate_video
from tests.ui.window import detect_with, open_workspace


def test_a_plate_is_a_text_track_in_the_workspace(qtbot: QtBot, store: Store,
                                                 tmp_path: Path) -> None:
    win, problems = open_workspace(qtbot, store, plate_video(tmp_path / "plate.mp4"),
                                   (1366, 768))
    ws = win.workspace
    detect_with(qtbot, win, "thorough")
    texts = [t for t in ws.tracks if t.category == TEXT]
    assert len(texts) == 1, [t.summary() for t in ws.tracks]
    plate = texts[0]
    assert "0 person(s) tracked, 1 text region(s)" in ws.controls.status.text()
    row = next(r for r in range(ws.tracks_panel.rowCount())
               if ws.tracks_panel.keys[r] == ("track", plate.id))
    assert ws.tracks_panel.item(row, 1).text() == f"Text {plate.id}"
    ws.player.show_frame(15)
    qtbot.waitUntil(lambda: ws.player.current_index == 15, timeout=5000)
    items = {i.key: i for i in ws.overlay_items(15)}
    assert items[("track", plate.id)].colour == COLOURS[Look.TEXT.value]
    assert items[("track", plate.id)].label == f"T{plate.id}"
    menu = ws.commands.person_menu(("track", plate.id), QPoint(0, 0))
    words = [a.text() for a in menu.actions() if a.text()]
    assert f"Redact text {plate.id}" in words and not any("person" in w for w in words)
    if os.environ.get("BWV_SCREENSHOT"):  # to look at it: BWV_SCREENSHOT=/tmp/x.png
        win.grab().save(os.environ["BWV_SCREENSHOT"])
    assert problems == []
