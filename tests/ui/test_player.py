"""The player in the real main window: exact frames when paused and stepping, VLC playback."""

from __future__ import annotations

from pathlib import Path

import av
import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from app.core.library.ingest import ingest_paths
from app.core.settings import load_settings
from app.core.store.database import Store
from app.ui.collector import UiThreadCollector
from app.ui.main_window import MainWindow
from tests.ui.window import signed_in_record


def _pyav_frame(path: Path, index: int) -> np.ndarray:
    with av.open(str(path)) as c:
        for i, frame in enumerate(c.decode(video=0)):
            if i == index:
                return frame.to_ndarray(format="rgb24")
    raise AssertionError("frame not found")


def _pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    w, h = image.width(), image.height()
    data = np.frombuffer(image.constBits(), np.uint8, count=image.bytesPerLine() * h)
    return data.reshape(h, image.bytesPerLine())[:, : w * 3].reshape(h, w, 3)


def _window_playing(qtbot: QtBot, store: Store, clip: Path) -> MainWindow:
    """The main window with ``clip`` ingested and loaded in its player."""
    ingest_paths(store, "tester", [clip])
    win = MainWindow(store, load_settings(), signed_in_record(store))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.library.model.rowCount() == 1, timeout=10_000)
    with qtbot.waitSignal(win.player.loaded, timeout=20_000):
        win.library.table.selectRow(0)
    return win


def test_open_play_pause_and_step_shows_pyav_frames(qtbot: QtBot, store: Store,
                                                    videos: Path) -> None:
    clip = videos / "pyfeat_face_noface.mov"  # HEVC, variable frame rate, with audio
    win = _window_playing(qtbot, store, clip)
    player = win.player
    qtbot.waitUntil(lambda: not player.view.image().isNull(), timeout=10_000)
    assert np.array_equal(_pixels(player.view.image()), _pyav_frame(clip, 0))

    player.play()
    qtbot.waitUntil(lambda: player.current_index > 5, timeout=15_000)  # VLC is playing
    player.pause()
    paused_at = player.current_index
    qtbot.waitUntil(lambda: not player._decoding, timeout=10_000)
    assert np.array_equal(_pixels(player.view.image()), _pyav_frame(clip, paused_at))

    player.go_start()
    qtbot.waitUntil(lambda: not player._decoding and player.current_index == 0, timeout=10_000)
    player.setFocus()
    for _ in range(10):
        qtbot.keyClick(player, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: player.current_index == 10 and not player._decoding
                    and player._pending is None, timeout=10_000)
    assert "frame 10 / 168" in player.position_label.text()
    assert np.array_equal(_pixels(player.view.image()), _pyav_frame(clip, 10))
    qtbot.keyClick(player, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: player.current_index == 0, timeout=10_000)
    qtbot.keyClick(player, Qt.Key.Key_End)
    qtbot.waitUntil(lambda: player.current_index == 168, timeout=10_000)
    win.close()


def test_opening_again_while_a_frame_decodes_is_no_error(qtbot: QtBot, store: Store,
                                                         videos: Path) -> None:
    """The file is opened again (or other footage) while a frame of it is still being
    decoded: the old file is closed only once that decode ends, nothing is reported as
    failed, and the new file shows its first frame, then any frame asked for."""
    from app.core.media.frame_reader import FrameReader

    clip = videos / "pyfeat_single_face.mp4"
    win = _window_playing(qtbot, store, clip)
    player = win.player
    qtbot.waitUntil(lambda: not player._decoding, timeout=10_000)
    failures: list[str] = []
    player.failed.connect(failures.append)
    for frame in (30, 50, 12):
        old = player.reader
        player.show_frame(frame)  # queued in the decode pool ...
        player._on_indexed(FrameReader(clip))  # ... as the file is indexed again
        qtbot.waitUntil(lambda: player.current_index == 0 and not player._decoding,
                        timeout=10_000)
        assert old is not player.reader
    assert failures == []
    assert np.array_equal(_pixels(player.view.image()), _pyav_frame(clip, 0))
    player.show_frame(12)
    qtbot.waitUntil(lambda: player.current_index == 12 and not player._decoding,
                    timeout=10_000)
    assert np.array_equal(_pixels(player.view.image()), _pyav_frame(clip, 12))
    win.close()


def test_pixels_that_are_not_square_are_shown_as_wide_as_they_are_meant_to_be(
        qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    """A 96x72 picture of 4:3-wide pixels (as PAL, HDV and CCTV footage has) is shown 16:9,
    in the player and in the Redact tab, whose boxes are placed and drawn on that shape."""
    from fractions import Fraction

    from PySide6.QtCore import QPointF, QRectF

    from app.ui.workspace.overlay_view import OverlayView
    from tests.conftest import make_video

    clip = make_video(tmp_path / "pal.mp4", frames=6, size=(96, 72), aspect=Fraction(4, 3))
    win = _window_playing(qtbot, store, clip)
    view = win.player.view
    qtbot.waitUntil(lambda: not view.image().isNull(), timeout=10_000)
    shown = view.target_rect()
    assert (view.image().width(), view.image().height()) == (96, 72)  # pixels as stored
    assert abs(shown.width() / shown.height() - 16 / 9) < 0.03
    win.close()

    overlay = OverlayView()
    qtbot.addWidget(overlay)
    overlay.resize(640, 480)
    overlay.set_image(QImage(96, 72, QImage.Format.Format_RGB888))
    square = overlay.target_rect()
    overlay.set_pixel_aspect(4 / 3)
    wide = overlay.target_rect()
    assert square.width() / square.height() == 96 / 72
    assert abs(wide.width() / wide.height() - 16 / 9) < 0.03
    box = overlay.to_screen(QRectF(24, 18, 12, 12))  # a square box of the image: wider
    assert abs(box.width() / box.height() - 4 / 3) < 0.03
    back = overlay.to_image(box.topLeft())  # a click there is that box's corner again
    assert abs(back.x() - 24) < 0.01 and abs(back.y() - 18) < 0.01
    assert overlay.to_image(QPointF(wide.right() + 50, 0)).x() == 96  # clamped


def test_closing_the_footage_frees_the_vlc_player_on_the_ui_thread(
        qtbot: QtBot, store: Store, videos: Path, ui_collector: UiThreadCollector) -> None:
    """The libvlc player object (a QObject Python owns) held its own callbacks: a reference
    cycle, so after closing it was left to Python's garbage collector, which frees it on
    whichever thread it runs on. Closing the footage now frees it there and then."""
    import weakref

    import pytest

    win = _window_playing(qtbot, store, videos / "pyfeat_single_face.mp4")
    source = win.player._vlc
    if source is None:
        pytest.skip("libvlc is not available here: no player object to free")
    gone = weakref.ref(source)
    del source
    with ui_collector.paused():  # (only reference counting frees anything now)
        win.player.close_footage()
        assert gone() is None, "the libvlc player is kept alive by a reference cycle"
    win.close()
