"""Issue 14, item 4: footage added while the library shows a case is filed in that case (and
the user is told); library rows can be added to and removed from cases, and dropped onto a
case in the Cases tab."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.core.casework import cases
from app.core.people.users import resolve_actor
from app.core.store.database import Store
from app.ui.library_cases import footage_ids
from tests.conftest import make_video
from tests.ui.window import MessageBoxes, show_window


def _case(store: Store, reference: str) -> None:
    with store.transaction() as session:
        cases.create_case(session, resolve_actor(session, "tester"), reference,
                          "subject_access")


def test_adding_footage_to_the_case_shown_links_it_and_says_so(
        qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    win = show_window(qtbot, store, make_video(tmp_path / "first.mp4"))
    _case(store, "SAR-1")
    library = win.library
    library.select_case("SAR-1")
    qtbot.waitUntil(lambda: library.model.rowCount() == 0, timeout=30_000)
    dialog = library.add_paths([make_video(tmp_path / "second.mp4", frames=8)])
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.linked == 1 and library.model.rowCount() == 1,
                    timeout=20_000)
    assert "linked to case SAR-1" in dialog.current.text() and dialog.isVisible()
    dialog.close()
    with store.read() as session:
        assert [f.file_name for f in cases.get_case(session, "SAR-1").footage] == ["second.mp4"]
    win.close()


def test_add_to_case_and_remove_from_case_on_a_library_row(
        qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    win = show_window(qtbot, store, make_video(tmp_path / "clip.mp4"))
    _case(store, "SAR-2")
    library = win.library
    library.table.selectRow(0)
    assert library.case_links.add_action in library.table.actions()
    boxes = MessageBoxes("Ok", "SAR-2")  # the case is chosen in the dialog
    library.case_links.add_to_case()  # the cases are read off the UI thread, then chosen
    qtbot.waitUntil(lambda: "added to case SAR-2" in library.status.text(), timeout=30_000)
    boxes.stop()
    qtbot.waitUntil(lambda: library.model.index(0, 7).data() == "SAR-2", timeout=30_000)
    library.table.selectRow(0)
    boxes = MessageBoxes("Ok", "SAR-2")
    library.case_links.remove_from_case()
    boxes.stop()
    qtbot.waitUntil(lambda: "removed from case SAR-2" in library.status.text(), timeout=30_000)
    with store.read() as session:
        assert cases.get_case(session, "SAR-2").footage == []
    win.close()


def test_library_rows_drag_their_footage_ids(qtbot: QtBot, store: Store,
                                             tmp_path: Path) -> None:
    win = show_window(qtbot, store, make_video(tmp_path / "clip.mp4"))
    model = win.library.model
    data = model.mimeData([model.index(0, 1)])
    assert footage_ids(data) == [1]
    assert model.flags(model.index(0, 1)) & Qt.ItemFlag.ItemIsDragEnabled
    win.close()


def test_dropping_library_rows_on_a_case_links_them(qtbot: QtBot, store: Store,
                                                    tmp_path: Path) -> None:
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QDropEvent

    win = show_window(qtbot, store, make_video(tmp_path / "clip.mp4"))
    _case(store, "SAR-4")
    panel = win.cases
    with qtbot.waitSignal(panel.refreshed, timeout=30_000):
        panel.refresh()
    model = win.library.model
    # both lists are filled by workers: on a loaded machine (CI, four test processes on two
    # cores) the library's row could still be on its way, and the drop carried nothing
    qtbot.waitUntil(lambda: model.rowCount() >= 1 and panel.model.rowCount() >= 1,
                    timeout=30_000)
    data = model.mimeData([model.index(0, 1)])  # what dragging the library row carries
    assert footage_ids(data) == [1]
    table = panel.table
    rect = table.visualRect(panel.model.index(0, 4))  # anywhere on the case's row
    drop = QDropEvent(QPointF(rect.center()), Qt.DropAction.CopyAction, data,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(panel.changed, timeout=30_000):
        table.dropEvent(drop)
    assert drop.isAccepted()
    qtbot.waitUntil(lambda: "linked to case SAR-4" in panel.message.text(), timeout=30_000)
    with store.read() as session:
        assert [f.id for f in cases.get_case(session, "SAR-4").footage] == [1]
    win.close()


def test_footage_in_one_case_is_worked_on_in_that_case(qtbot: QtBot, store: Store,
                                                      tmp_path: Path) -> None:
    """Work done from "All footage" on footage in a case went to no case: its export never
    reached the case's list or pack, and with the case chosen the officer's decisions were
    gone (found by a read-only hunt). Footage in one open case opens in that case; choosing
    another filter while the workspace is shown opens it as the filter says."""
    win = show_window(qtbot, store, make_video(tmp_path / "clip.mp4"))
    _case(store, "SAR-3")
    library = win.library
    library.table.selectRow(0)
    boxes = MessageBoxes("Ok", "SAR-3")
    library.case_links.add_to_case()
    qtbot.waitUntil(lambda: library.model.index(0, 7).data() == "SAR-3", timeout=30_000)
    boxes.stop()
    assert library.current_case() is None  # "All footage"
    win.open_workspace()
    qtbot.waitUntil(lambda: win.workspace.case_ref == "SAR-3", timeout=10_000)
    _case(store, "SAR-4")  # a second open case: the person must choose
    library.table.selectRow(0)
    boxes = MessageBoxes("Ok", "SAR-4")
    library.case_links.add_to_case()
    qtbot.waitUntil(lambda: "SAR-4" in str(library.model.index(0, 7).data()), timeout=30_000)
    boxes.stop()
    library.select_case("SAR-4")
    qtbot.waitUntil(lambda: win.workspace.case_ref == "SAR-4", timeout=10_000)
    win.close()
