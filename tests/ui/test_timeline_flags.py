"""Flags from the keyboard and the mouse in the real window, checked in the store and audit."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.core.library.ingest import ingest_paths
from app.core.settings import load_settings
from app.core.store.database import Store
from app.core.store.models import AuditEvent, Flag
from app.ui.footage_view import FootageView
from app.ui.main_window import MainWindow
from tests.conftest import make_video
from tests.ui.window import show_window, signed_in_record


def _open_footage(qtbot: QtBot, store: Store, clip: Path,
                  size: tuple[int, int] = (1000, 600)) -> tuple[MainWindow, FootageView]:
    """Ingest ``clip``, show the main window and open the footage (its first flags load
    ended too: a later flags signal is the test's own edit, never that load)."""
    win = show_window(qtbot, store, clip, size)
    view = win.footage_view
    with qtbot.waitSignals([view.player.loaded, view.flags_changed], timeout=20_000):
        win.library.table.selectRow(0)
    return win, view


def _actions(store: Store) -> list[str]:
    with store.read() as session:
        return [e.action for e in session.scalars(select(AuditEvent).order_by(AuditEvent.seq))]


def test_add_seek_select_and_delete_a_flag(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    win, view = _open_footage(qtbot, store, make_video(tmp_path / "clip.mp4", frames=48,
                                                       fps=12, size=(160, 96)), (900, 600))
    view.player.show_frame(12)
    qtbot.waitUntil(lambda: not view.player._decoding, timeout=5000)
    view.player.setFocus()
    with qtbot.waitSignal(view.flags_changed, timeout=10_000) as changed:
        qtbot.keyClick(view.player, Qt.Key.Key_M)
    (flag,) = changed.args[0]
    assert (flag.start_frame, flag.start_time_s, flag.author) == (12, 1.0, "tester")
    assert view.timeline.flags == [flag]
    assert _actions(store)[-1] == "flag.add"

    timeline = view.timeline
    x = timeline.width() // 4
    reader = view.player.reader
    assert reader is not None
    expected = reader.index_at(reader.times[0] + timeline.time_at(x))
    assert expected == 11  # 0.98 s of 3.92 s at 12 fps
    qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    qtbot.waitUntil(lambda: view.player.current_index == expected, timeout=5000)

    rect = timeline.flag_rect(flag)
    qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert timeline.selected == flag.id
    qtbot.waitUntil(lambda: view.player.current_index == 12, timeout=5000)
    with qtbot.waitSignal(view.flags_changed, timeout=10_000) as changed:
        qtbot.keyClick(timeline, Qt.Key.Key_Delete)
    assert changed.args[0] == []
    with store.read() as session:
        assert session.scalars(select(Flag)).all() == []
        last = session.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc())).first()
    assert last is not None and last.action == "flag.delete"
    assert json.loads(last.details)["start_frame"] == 12
    win.close()


def test_undo_redo_and_edit_dialog(qtbot: QtBot, store: Store, tmp_path: Path,
                                   monkeypatch: object) -> None:
    import pytest

    from app.core.store.models import FlagCategory
    from app.ui.flag_dialog import FlagDialog

    win, view = _open_footage(qtbot, store, make_video(tmp_path / "clip.mp4", frames=36,
                                                       fps=12))

    def labels() -> list[str]:
        return [f.label or f.category.value for f in view.flags]

    view.player.show_frame(6)
    with qtbot.waitSignal(view.flags_changed, timeout=10_000):
        view.add_flag()
    (flag,) = view.flags

    def accept(dialog: FlagDialog) -> int:
        dialog.label.setText("kick")
        dialog.category.setCurrentIndex(list(FlagCategory).index(FlagCategory.USE_OF_FORCE))
        dialog.is_range.setChecked(True)
        dialog.end.setValue(2.0)
        return FlagDialog.DialogCode.Accepted

    mp = pytest.MonkeyPatch()
    mp.setattr(FlagDialog, "exec", accept)
    with qtbot.waitSignal(view.flags_changed, timeout=10_000):
        view.timeline.flag_activated.emit(flag.id)
    mp.undo()
    (edited,) = view.flags
    assert (edited.label, edited.category, edited.end_time_s, edited.end_frame) == (
        "kick", FlagCategory.USE_OF_FORCE, 2.0, 24)
    with qtbot.waitSignal(view.flags_changed, timeout=10_000):
        view.delete_flag(edited.id)
    assert labels() == []
    for expected in (["kick"], ["review"], []):  # undo delete, undo edit, undo add
        with qtbot.waitSignal(view.flags_changed, timeout=10_000):
            qtbot.keyClick(win, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert labels() == expected
    for expected in (["review"], ["kick"]):  # redo add, redo edit
        with qtbot.waitSignal(view.flags_changed, timeout=10_000):
            qtbot.keyClick(win, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
                           | Qt.KeyboardModifier.ShiftModifier)
        assert labels() == expected
    assert _actions(store).count("flag.edit") == 3  # edit, its undo, its redo
    win.close()


def test_flags_panel_lists_and_jumps_and_help_lists_the_shortcuts(
        qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    win, view = _open_footage(qtbot, store, make_video(tmp_path / "clip.mp4", frames=36,
                                                       fps=12))
    view.player.show_frame(30)
    with qtbot.waitSignal(view.flags_changed, timeout=10_000):
        view.add_flag(label="shout")
    panel = win.flags_panel
    assert panel.proxy.rowCount() == 1 and panel.proxy.index(0, 3).data() == "shout"
    view.player.show_frame(0)
    qtbot.waitUntil(lambda: not view.player._decoding, timeout=5000)
    index = panel.proxy.index(0, 0)
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=panel.table.visualRect(index).center())
    qtbot.waitUntil(lambda: view.player.current_index == 30, timeout=5000)
    listed = " ".join(keys for keys, _ in win.shortcut_list())
    for action in view.player.shortcut_actions:
        key = action.shortcut().toString()
        assert all(part in listed for part in key.split("+")), key
    win.close()


def test_drag_moves_a_flag_and_shift_drag_flags_a_range(qtbot: QtBot, store: Store,
                                                        tmp_path: Path) -> None:
    win, view = _open_footage(qtbot, store, make_video(tmp_path / "clip.mp4", frames=48,
                                                       fps=12))
    timeline = view.timeline
    view.player.show_frame(12)
    with qtbot.waitSignal(view.flags_changed, timeout=10_000):
        view.add_flag(label="door")
    (flag,) = view.flags
    start = timeline.flag_rect(flag).center().toPoint()
    end = QPoint(int(timeline.x_of(2.0)), start.y())
    with qtbot.waitSignal(view.flags_changed, timeout=10_000):
        qtbot.mousePress(timeline, Qt.MouseButton.LeftButton, pos=start)
        qtbot.mouseMove(timeline, end)
        qtbot.mouseRelease(timeline, Qt.MouseButton.LeftButton, pos=end)
    (moved,) = view.flags
    assert abs(moved.start_time_s - 2.0) < 0.1 and moved.start_frame in (23, 24, 25)

    y = timeline.height() - 4
    a, b = QPoint(int(timeline.x_of(0.5)), y), QPoint(int(timeline.x_of(1.5)), y)
    qtbot.mousePress(timeline, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, a)
    qtbot.mouseMove(timeline, b)
    qtbot.mouseRelease(timeline, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, b)
    assert timeline.range is not None
    with qtbot.waitSignal(view.flags_changed, timeout=10_000):
        view.add_flag(label="range")
    ranged = next(f for f in view.flags if f.label == "range")
    assert ranged.end_time_s is not None
    assert abs(ranged.start_time_s - 0.5) < 0.1 and abs(ranged.end_time_s - 1.5) < 0.1
    win.close()


def test_thumbnail_strip_is_filled_in_the_background(qtbot: QtBot, store: Store,
                                                     videos: Path) -> None:
    from app.core.media.strip_thumbnails import strip_thumbnails

    clip = videos / "pyfeat_single_face.mp4"
    thumbs = strip_thumbnails(clip, 0, 6)
    assert [round(t, 2) for t, _ in thumbs] == [0.2, 0.59, 0.99, 1.38, 1.78, 2.17]
    assert all(img.shape == (48, 85, 3) for _, img in thumbs)
    ingest_paths(store, "tester", [clip])
    win = MainWindow(store, load_settings(), signed_in_record(store))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.library.model.rowCount() == 1, timeout=10_000)
    with qtbot.waitSignal(win.footage_view.thumbnails_ready, timeout=30_000) as ready:
        win.library.table.selectRow(0)
    assert ready.args == [24] and len(win.footage_view.timeline.thumbnails) == 24
    win.close()
