"""Issue 14, item 5: at 1366x768 the main window grew to about 1,615 px as soon as footage
was selected (the 64-character SHA-256 could not wrap). No window may be wider than the
screen, in English or Welsh, with real footage selected, on the Review and Redact tabs."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.core.store.database import Store
from app.ui.i18n import install_translators, remove_translators
from app.ui.resources import apply_theme
from app.ui.workspace.tracks_panel import COL_KEEP, COL_NAME, COL_REDACT, SPAN_ROLE
from tests.conftest import REPO, VIDEOS
from tests.ui.window import show_window

CLIP = VIDEOS / "intel_face-demographics-walking.mp4"
pytestmark = pytest.mark.skipif(not CLIP.exists(), reason=f"shared test clip {CLIP} not found")
WIDTH = 1366


@pytest.fixture(params=["en", "cy"])
def language(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
             qapp: QApplication) -> Iterator[str]:
    """The language, and the app's own style sheet (its padding widens buttons), as the app
    starts."""
    apply_theme(qapp, "system")
    try:
        yield from _language(request.param, tmp_path, monkeypatch)
    finally:
        qapp.setStyleSheet("")


def _language(code: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    if code == "en":
        yield "en"
        return
    out = tmp_path / "qm"
    subprocess.run([sys.executable, str(REPO / "tools" / "translations.py"), "build", str(out)],
                   check=True, capture_output=True)
    monkeypatch.setenv("BWV_TRANSLATIONS_DIR", str(out))
    assert install_translators("cy") == "cy"
    yield "cy"
    remove_translators()


def test_the_window_fits_1366_px_with_footage_selected(qtbot: QtBot, store: Store,
                                                       tmp_path: Path, language: str) -> None:
    deep = tmp_path / ("a-very-long-folder-name-from-the-docking-station-share" * 2)
    deep.mkdir()
    clip = shutil.copy(CLIP, deep / ("BWV-2026-12-01-officer-1234-device-ABCDEFG-" * 2 + ".mp4"))
    win = show_window(qtbot, store, Path(clip), (WIDTH, 740))
    win.library.table.selectRow(0)
    qtbot.waitUntil(lambda: win.details.record is not None, timeout=10_000)
    qtbot.wait(200)
    assert win.minimumSizeHint().width() <= WIDTH, win.minimumSizeHint()
    assert win.width() <= WIDTH, win.width()
    ws = win.workspace
    win.open_workspace()
    qtbot.waitUntil(lambda: ws.footage is not None and ws.detect_job is None, timeout=20_000)
    ws.controls.preset.setCurrentIndex(ws.controls.preset.findData("fast"))
    qtbot.waitUntil(lambda: ws.detect_job is None, timeout=10_000)
    with qtbot.waitSignal(ws.analysed, timeout=120_000):
        ws.detect()
    assert ws.tracks_panel.rowCount() >= 2  # the Redact tab with its people listed
    qtbot.wait(300)
    assert win.minimumSizeHint().width() <= WIDTH, ("redact tab", win.minimumSizeHint())
    assert win.width() <= WIDTH
    # both choices of each row are in view without a sideways scroll, even where the
    # names are the longest the panel writes (a face with its person's head: balanced)
    panel, header = ws.tracks_panel, ws.tracks_panel.horizontalHeader()
    # and each person's name with when they are in the footage below it (the Time and
    # Frames columns were past the panel's edge)
    right = header.sectionViewportPosition(COL_NAME) + header.sectionSize(COL_NAME)
    assert right <= panel.viewport().width(), (right, panel.viewport().width())
    assert all(" – " in str(panel.item(row, COL_NAME).data(SPAN_ROLE))
               for row in range(panel.rowCount()))
    name = panel.tr("Person {1} (head {0})").format(123, 45)
    for row in range(panel.rowCount()):
        panel.item(row, COL_NAME).setText(name)
    panel.resizeColumnsToContents()
    qtbot.wait(50)
    for col in (COL_REDACT, COL_KEEP):
        right = header.sectionViewportPosition(col) + header.sectionSize(col)
        assert header.sectionViewportPosition(col) >= 0 and \
            right <= panel.viewport().width(), (col, right, panel.viewport().width())
    win.close()


def test_the_cases_list_shows_deadlines_at_1366_px(qtbot: QtBot, store: Store,
                                                   language: str) -> None:
    """At 1366 px the cases list's Deadline and Time left columns were cut off behind a
    long title (a sideways scroll to see what is overdue); the title now gives way."""
    from datetime import date, timedelta

    from app.core.casework import cases
    from app.core.people.users import resolve_actor

    with store.transaction() as session:
        actor = resolve_actor(session, "tester")
        cases.create_case(session, actor, "SAR-2026-0142", "subject_access",
                          "Request from a member of the public about an incident in the town "
                          "centre on a Saturday night", received_on=date.today() - timedelta(40))
    win = show_window(qtbot, store, CLIP, (WIDTH, 740))
    win.centre.setCurrentWidget(win.cases)
    table = win.cases.table
    qtbot.waitUntil(lambda: win.cases.model.rowCount() == 1, timeout=10_000)
    qtbot.wait(200)
    header = table.horizontalHeader()
    for col in range(win.cases.model.columnCount()):
        right = header.sectionViewportPosition(col) + header.sectionSize(col)
        assert right <= table.viewport().width(), (col, right, table.viewport().width())
        assert header.sectionSize(col) >= 40, col  # and none squeezed to nothing
    win.close()


def test_a_cases_exports_and_its_pack_button_are_in_view_at_1366_px(
        qtbot: QtBot, store: Store, language: str) -> None:
    """At 1366x768 the case's Exports table cut its "Approved" column to "Ye" behind a long
    file name, and "Make disclosure pack…" lay below the fold (a scroll to find it)."""
    from datetime import UTC, datetime

    from app.core.casework import cases
    from app.core.casework.case_flow import CaseExport
    from app.core.people.users import resolve_actor

    with store.transaction() as session:
        cases.create_case(session, resolve_actor(session, "tester"), "SAR-2026-002",
                          "subject_access", "Request ref 42")
    win = show_window(qtbot, store, CLIP, (WIDTH, 740))
    win.centre.setCurrentWidget(win.cases)
    qtbot.waitUntil(lambda: win.cases.model.rowCount() == 1, timeout=10_000)
    with qtbot.waitSignal(win.cases.exports_loaded, timeout=10_000):
        assert win.cases.select_case("SAR-2026-002")
    box = win.cases.exports_box
    box.fill([CaseExport(4, 7, "/srv/exports/walk and pause at the station-redacted.mp4",
                         "ab" * 32, datetime(2026, 12, 7, 21, 19, tzinfo=UTC), True)])
    qtbot.wait(200)
    table, header = box.table, box.table.horizontalHeader()
    for col in range(table.columnCount()):
        right = header.sectionViewportPosition(col) + header.sectionSize(col)
        assert right <= table.viewport().width(), (col, right, table.viewport().width())
    assert header.sectionSize(4) >= header.sectionSizeHint(4)  # "Approved" whole
    button = box.pack_button
    shown = button.visibleRegion().boundingRect()
    assert shown.height() == button.height() and shown.width() == button.width(), shown
    win.close()

