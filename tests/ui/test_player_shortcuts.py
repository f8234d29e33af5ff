"""Issue 14, item 6: the player's keys work wherever focus is inside the tab that owns them.

The keys are pressed on whatever widget has focus after a click (as a user's keyboard would
send them), starting each time with focus outside the tab, in the library.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtWidgets import (
    QApplication,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.core.store.database import Store
from app.ui.main_window import MainWindow
from app.ui.player.player_panel import PlayerPanel
from app.ui.workspace.tracks_panel import COL_NAME
from app.ui.workspace.workspace import RedactionWorkspace
from tests.conftest import EXPECTED_FRAMES
from tests.ui.test_workspace import CLIP, _open
from tests.ui.window import MessageBoxes, show_window

needs_clip = pytest.mark.skipif(not CLIP.exists(), reason=f"shared test clip {CLIP} not found")
LAST = EXPECTED_FRAMES[CLIP.name] - 1
NO_KEY_MODIFIER = Qt.KeyboardModifier.NoModifier


def _focus_in_library(qtbot: QtBot, win: MainWindow) -> None:
    """Click the library's row: focus is outside both tabs, where a user starts."""
    table = win.library.table
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(table.model().index(0, 1)).center())
    assert table.hasFocus()


def _press(qtbot: QtBot, key: Qt.Key,
           modifier: Qt.KeyboardModifier = NO_KEY_MODIFIER) -> QWidget:
    """Press ``key`` on the widget that has focus; return that widget."""
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClick(widget, key, modifier)
    return widget


def _settled(qtbot: QtBot, player: PlayerPanel, index: int) -> None:
    qtbot.waitUntil(lambda: player.current_index == index and not player._decoding
                    and player._pending is None, timeout=10_000)


def _button(player: PlayerPanel, tip: str) -> QToolButton:
    return next(b for b in player.findChildren(QToolButton) if b.toolTip().startswith(tip))


def _click_in(qtbot: QtBot, widget: QWidget, owner: QWidget, x: int | None = None) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton,
                     pos=QPoint(widget.width() // 2 if x is None else x, widget.height() // 2))
    focus = QApplication.focusWidget()
    assert focus is not None and (focus is owner or owner.isAncestorOf(focus)), focus


@needs_clip
def test_review_keys_work_after_clicking_the_video_timeline_or_a_button(
        qtbot: QtBot, store: Store) -> None:
    win = show_window(qtbot, store, CLIP)
    player, view = win.player, win.footage_view
    with qtbot.waitSignal(player.loaded, timeout=20_000):
        _focus_in_library(qtbot, win)
    _settled(qtbot, player, 0)

    _click_in(qtbot, player.view, view)  # the video
    _press(qtbot, Qt.Key.Key_End)
    _settled(qtbot, player, LAST)
    _press(qtbot, Qt.Key.Key_Home)
    _settled(qtbot, player, 0)

    _focus_in_library(qtbot, win)
    _click_in(qtbot, view.timeline, view, x=view.timeline.width() // 2)  # seeks to the middle
    middle = player.current_index
    assert 0 < middle < LAST
    _settled(qtbot, player, middle)
    _press(qtbot, Qt.Key.Key_Right)
    _settled(qtbot, player, middle + 1)
    _press(qtbot, Qt.Key.Key_Left)
    _press(qtbot, Qt.Key.Key_Left)
    _settled(qtbot, player, middle - 1)
    _press(qtbot, Qt.Key.Key_Home)
    _settled(qtbot, player, 0)

    _focus_in_library(qtbot, win)
    _click_in(qtbot, _button(player, "Next frame"), view)
    _settled(qtbot, player, 1)
    _press(qtbot, Qt.Key.Key_Right)  # a frame step, not a focus move to the next button
    _settled(qtbot, player, 2)
    _press(qtbot, Qt.Key.Key_Space)  # plays, does not click the button again
    assert player.playing
    _press(qtbot, Qt.Key.Key_Space)
    assert not player.playing

    _focus_in_library(qtbot, win)
    _click_in(qtbot, player.play_button, view)  # plays
    assert player.playing
    _press(qtbot, Qt.Key.Key_Space)
    assert not player.playing
    qtbot.waitUntil(lambda: not player._decoding and player._pending is None, timeout=10_000)
    _press(qtbot, Qt.Key.Key_End)
    _settled(qtbot, player, LAST)

    # Ctrl+G asks the Review player, from the timeline too
    _click_in(qtbot, view.timeline, view, x=1)
    _settled(qtbot, player, 0)
    boxes = MessageBoxes("Ok", text="#7")
    try:
        _press(qtbot, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    finally:
        boxes.stop()
    assert boxes.seen
    _settled(qtbot, player, 7)
    assert win.workspace.player.reader is None  # the workspace was never opened
    win.close()


def _open_redact(qtbot: QtBot, store: Store) -> tuple[MainWindow, RedactionWorkspace,
                                                      list[str]]:
    """The Redact tab with the clip open there and in the (hidden) Review tab."""
    win, ws, problems = _open(qtbot, store, CLIP)
    qtbot.waitUntil(lambda: win.player.reader is not None, timeout=20_000)
    _settled(qtbot, win.player, 0)
    _settled(qtbot, ws.player, 0)
    return win, ws, problems


@needs_clip
def test_redact_keys_work_after_clicking_the_lanes_video_or_a_button_but_not_in_text(
        qtbot: QtBot, store: Store) -> None:
    win, ws, problems = _open_redact(qtbot, store)
    review, player = win.player, ws.player

    _focus_in_library(qtbot, win)
    _click_in(qtbot, ws.lanes, ws, x=ws.lanes.width() // 2)  # seeks to the middle
    middle = player.current_index
    assert 0 < middle < LAST
    _settled(qtbot, player, middle)
    _press(qtbot, Qt.Key.Key_End)
    _settled(qtbot, player, LAST)
    _press(qtbot, Qt.Key.Key_Home)
    _settled(qtbot, player, 0)

    _focus_in_library(qtbot, win)
    _click_in(qtbot, ws.view, ws)
    _press(qtbot, Qt.Key.Key_Right)
    _settled(qtbot, player, 1)

    _focus_in_library(qtbot, win)
    _click_in(qtbot, _button(player, "Go to end"), ws)
    _settled(qtbot, player, LAST)
    _press(qtbot, Qt.Key.Key_Home)
    _settled(qtbot, player, 0)

    _press(qtbot, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)  # 5 s on
    qtbot.waitUntil(lambda: player.current_index > 0 and not player._decoding, timeout=10_000)
    at = player.current_index

    # from the people and boxes table too (but for ticking a check box, see below)
    with qtbot.waitSignal(ws.plan_saved, timeout=10_000):
        ws.commands.add_manual_box(QRectF(10, 10, 40, 40))
    table = ws.tracks_panel
    _focus_in_library(qtbot, win)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(table.model().index(0, COL_NAME)).center())
    assert table.hasFocus()
    _settled(qtbot, player, at)
    _press(qtbot, Qt.Key.Key_End)
    _settled(qtbot, player, LAST)
    _press(qtbot, Qt.Key.Key_Space)
    assert player.playing
    _press(qtbot, Qt.Key.Key_Space)
    assert not player.playing
    qtbot.waitUntil(lambda: not player._decoding and player._pending is None, timeout=10_000)
    player.show_frame(at)
    _settled(qtbot, player, at)

    # typing in the reason box types: a space is a space, arrows move the cursor
    edit = ws.controls.reason.lineEdit()
    edit.clear()
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is ws.controls.reason  # which passes the keys to its edit
    for key in (Qt.Key.Key_A, Qt.Key.Key_Space, Qt.Key.Key_B, Qt.Key.Key_Left,
                Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_K, Qt.Key.Key_L, Qt.Key.Key_J):
        _press(qtbot, key)
    assert edit.text() == "a bklj"
    assert not player.playing
    _settled(qtbot, player, at)

    assert review.current_index == 0 and not review.playing  # the Review player never moved
    assert not problems
    win.close()


@needs_clip
def test_ctrl_g_in_the_redact_tab_moves_the_workspace_player_not_the_review_one(
        qtbot: QtBot, store: Store) -> None:
    win, ws, problems = _open_redact(qtbot, store)
    _click_in(qtbot, ws.view, ws)
    boxes = MessageBoxes("Ok", text="#12")
    try:
        _press(qtbot, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    finally:
        boxes.stop()
    assert boxes.seen
    _settled(qtbot, ws.player, 12)
    assert win.player.current_index == 0
    assert not problems
    win.close()


def test_a_table_keeps_left_right_and_space_on_a_check_box(qtbot: QtBot) -> None:
    """The player's keys belong to the whole tab, but a table of check boxes (the workspace's
    people and boxes) still moves between cells and ticks with the keyboard."""
    owner = QWidget()
    qtbot.addWidget(owner)
    layout = QVBoxLayout(owner)
    player = PlayerPanel(owner)
    table = QTableWidget(1, 3, owner)
    for widget in (player, table):
        layout.addWidget(widget)
    table.setItem(0, 0, QTableWidgetItem("Person 1"))
    tick = QTableWidgetItem()
    tick.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable
                  | Qt.ItemFlag.ItemIsEnabled)
    tick.setCheckState(Qt.CheckState.Unchecked)
    table.setItem(0, 1, tick)
    table.setItem(0, 2, QTableWidgetItem("00:00:01"))
    player.attach_shortcuts(owner)
    player.leave_keys_to(table)
    fired: list[str] = []
    for action in player.shortcut_actions:
        assert action not in player.actions() and action in owner.actions()
        action.triggered.connect(lambda _c=False, a=action: fired.append(a.shortcut().toString()))
    with qtbot.waitActive(owner):
        owner.show()
        owner.activateWindow()
    table.setFocus()
    table.setCurrentCell(0, 0)

    _press(qtbot, Qt.Key.Key_Right)  # to the check box: the table's
    assert table.currentColumn() == 1 and fired == []
    _press(qtbot, Qt.Key.Key_Space)  # ticks it
    assert table.item(0, 1).checkState() == Qt.CheckState.Checked and fired == []
    _press(qtbot, Qt.Key.Key_Right)
    assert table.currentColumn() == 2
    _press(qtbot, Qt.Key.Key_Space)  # not a check box: the player's
    assert fired == ["Space"]
    _press(qtbot, Qt.Key.Key_Left)
    assert table.currentColumn() == 1
    table.setCurrentCell(0, 0)
    for key in (Qt.Key.Key_Space, Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_K):
        _press(qtbot, key)  # the player's
    _press(qtbot, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert fired == ["Space", "Space", "Home", "End", "K", "Shift+Right"]
    assert table.item(0, 1).checkState() == Qt.CheckState.Checked

    player.setFocus()  # a click on the video or a button puts focus in the player
    _press(qtbot, Qt.Key.Key_Right)
    assert fired[-1] == "Right"
