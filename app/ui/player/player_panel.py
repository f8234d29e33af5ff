"""The player: video view, transport controls and keyboard shortcuts.

While playing, VLC drives picture and sound. When paused or stepping, the exact frame is
decoded by PyAV (``FrameReader``) in a worker, and the frame number shown is that frame's.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction, QImage, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSlider,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import delete

from app.core.media.frame_reader import FrameImage, FrameReader
from app.core.media.timecode import format_time
from app.core.progress import CancelToken
from app.core.views.records import FootageRecord
from app.ui.player.video_view import VideoView
from app.ui.player.vlc_source import VlcFrameSource
from app.ui.settings_keys import PLAYER_VOLUME
from app.ui.workers import Job, one_thread_pool

SPEEDS = (0.25, 0.5, 1.0, 1.5, 2.0, 4.0)


@cache
def decode_pool() -> QThreadPool:
    return one_thread_pool()


def to_qimage(frame: FrameImage) -> QImage:
    h, w = frame.rgb.shape[:2]
    return QImage(frame.rgb.tobytes(), w, h, w * 3, QImage.Format.Format_RGB888).copy()


class PlayerPanel(QWidget):
    """Shows one footage item. ``position_changed(index, time_s)`` follows the playhead."""

    loaded = Signal(int)  # frame count
    position_changed = Signal(int, float)
    failed = Signal(str)

    def __init__(self, parent: QWidget | None = None, view: VideoView | None = None) -> None:
        super().__init__(parent)
        self.view = view or VideoView(self)
        self.reader: FrameReader | None = None
        self.footage: FootageRecord | None = None
        self.current_index = 0
        self._pending: int | None = None
        self._decoding = False
        self._busy: FrameReader | None = None  # the reader the running decode uses
        self._vlc: VlcFrameSource | None = None
        self._closed = False
        self._timer = QTimer(self)
        self._timer.setInterval(40)
        self._timer.timeout.connect(self._follow_vlc)

        self.play_button = QToolButton(self)
        self.play_button.setText(self.tr("Play"))
        self.play_button.setToolTip(self.tr("Play / pause (Space; J K L)"))
        self.play_button.clicked.connect(self.toggle_play)
        self.position_label = QLabel(self)
        self.position_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.speed = QComboBox(self)
        for s in SPEEDS:
            self.speed.addItem(f"{s:g}×", s)
        self.speed.setCurrentIndex(SPEEDS.index(1.0))
        self.speed.currentIndexChanged.connect(self._speed_changed)
        self.volume = QSlider(Qt.Orientation.Horizontal, self)
        self.volume.setRange(0, 100)
        self.volume.setValue(PLAYER_VOLUME.get())
        self.volume.setMaximumWidth(120)
        self.volume.valueChanged.connect(self._volume_changed)
        self.mute_button = QToolButton(self)
        self.mute_button.setText(self.tr("Mute"))
        self.mute_button.setCheckable(True)
        self.mute_button.toggled.connect(self._mute_changed)

        controls = QHBoxLayout()
        icons = QStyle.StandardPixmap
        for icon, tip, slot in (
                (icons.SP_MediaSkipBackward, self.tr("Go to start (Home)"), self.go_start),
                (icons.SP_MediaSeekBackward, self.tr("Back 5 s (Shift+Left)"),
                 lambda: self.jump(-5)),
                (icons.SP_ArrowLeft, self.tr("Previous frame (Left)"), lambda: self.step(-1))):
            controls.addWidget(self._button(icon, tip, slot))
        controls.addWidget(self.play_button)
        for icon, tip, slot in (
                (icons.SP_ArrowRight, self.tr("Next frame (Right)"), lambda: self.step(1)),
                (icons.SP_MediaSeekForward, self.tr("Forward 5 s (Shift+Right)"),
                 lambda: self.jump(5)),
                (icons.SP_MediaSkipForward, self.tr("Go to end (End)"), self.go_end)):
            controls.addWidget(self._button(icon, tip, slot))
        controls.addWidget(self.position_label, 1)
        controls.addWidget(QLabel(self.tr("Speed"), self))
        controls.addWidget(self.speed)
        controls.addWidget(self.mute_button)
        controls.addWidget(self.volume)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(controls)
        # a click on the video or a button (which take no focus themselves) puts focus here,
        # so that the keys work after it
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self._shortcuts()
        self._update_label()

    def _button(self, icon: QStyle.StandardPixmap, tip: str, slot: object) -> QToolButton:
        button = QToolButton(self)
        button.setIcon(self.style().standardIcon(icon))
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    def _shortcuts(self) -> None:
        keys = [
            ("Space", self.toggle_play), ("K", self.pause), ("L", self.faster),
            ("J", self.slower), ("Right", lambda: self.step(1)), ("Left", lambda: self.step(-1)),
            ("Shift+Right", lambda: self.jump(5)), ("Shift+Left", lambda: self.jump(-5)),
            ("Home", self.go_start), ("End", self.go_end),
        ]
        self.shortcut_actions: list[QAction] = []
        for key, slot in keys:
            action = QAction(self)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            self.shortcut_actions.append(action)

    def attach_shortcuts(self, owner: QWidget) -> None:
        """Make the player's keys work wherever focus is inside ``owner`` (the tab holding
        this player, e.g. its timeline too), and only there. ``owner`` takes focus when a
        click lands on a part of it that takes none, so a click anywhere in it is enough."""
        for action in self.shortcut_actions:
            self.removeAction(action)
            owner.addAction(action)
        if owner.focusPolicy() == Qt.FocusPolicy.NoFocus:
            owner.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

    def leave_keys_to(self, table: QAbstractItemView) -> None:
        """Inside ``table`` (a list of tracks with check boxes), Left and Right move between
        cells, and Space ticks the check box in the current cell, as in any table; the player
        keeps its other keys there (Space on other cells too)."""
        table.installEventFilter(_TableKeys(table))

    # --- loading -------------------------------------------------------------------------

    def open_footage(self, footage: FootageRecord) -> None:
        """Index the file in a worker, then show its first frame."""
        self.pause()
        self._closed = False
        self.footage = footage
        path = Path(footage.original_path)

        def index(_progress: object, _cancel: CancelToken) -> FrameReader:
            return FrameReader(path, footage.rotation)

        job = Job(index)
        job.finished.connect(self._on_indexed)
        job.failed.connect(lambda message, _details: self.failed.emit(message))
        job.start(decode_pool())

    def _on_indexed(self, reader: FrameReader) -> None:
        if self._closed:  # closed while the file was being indexed
            reader.close()
            return
        self._retire(self.reader)
        self.reader = reader
        self.view.set_pixel_aspect(reader.pixel_aspect)
        self.current_index = 0
        if self.footage is not None:
            w, h = self.footage.width, self.footage.height
            if self.footage.rotation in (90, 270):
                w, h = h, w
            try:
                if self._vlc is None:
                    self._vlc = VlcFrameSource()
                    self._vlc.frame_ready.connect(self._on_vlc_frame)
                    self._vlc.ended.connect(self.pause)
                self._vlc.load(Path(self.footage.original_path), w, h)
                self._volume_changed(self.volume.value())
            except Exception as exc:  # no libvlc: stepping still works, playback does not
                self._drop_vlc()
                self.failed.emit(self.tr("Playback is unavailable: {0}").format(exc))
        self.show_frame(0)
        self.loaded.emit(reader.frame_count)

    # --- exact frames --------------------------------------------------------------------

    def show_frame(self, index: int) -> None:
        """Decode and show frame ``index`` exactly (the latest request wins)."""
        if self.reader is None:
            return
        index = max(0, min(self.reader.frame_count - 1, index))
        self.current_index = index
        self._update_label()
        if self._decoding:
            self._pending = index
            return
        self._decoding = True
        reader = self._busy = self.reader

        def decode(_progress: object, _cancel: CancelToken) -> FrameImage:
            return reader.frame(index)

        job = Job(decode)
        job.finished.connect(self._on_decoded)
        job.failed.connect(self._on_decode_failed)
        job.start(decode_pool())

    def _on_decoded(self, frame: FrameImage) -> None:
        if self._stale():
            return
        if self._pending is not None and self._pending != frame.index:
            pending, self._pending = self._pending, None
            self.show_frame(pending)
            return
        self._pending = None
        self.view.set_image(to_qimage(frame))
        self.position_changed.emit(frame.index, frame.time_s)

    def _on_decode_failed(self, message: str, _details: str) -> None:
        if not self._stale():
            self.failed.emit(message)

    def _stale(self) -> bool:
        """A decode ended: True when it was of a file no longer shown (closed now that it
        is done; the frame wanted from the file shown, if any, is decoded instead)."""
        done, self._busy, self._decoding = self._busy, None, False
        if done is None or done is self.reader:
            return False
        done.close()
        pending, self._pending = self._pending, None
        if self.reader is not None:
            self.show_frame(self.current_index if pending is None else pending)
        return True

    def _retire(self, reader: FrameReader | None) -> None:
        """Close a reader no longer shown; one a decode is still using is closed when
        that decode ends (closing it under the decode made it fail with an error)."""
        if reader is not None and reader is not self._busy:
            reader.close()

    # --- transport -----------------------------------------------------------------------

    @property
    def playing(self) -> bool:
        return self._timer.isActive()

    def toggle_play(self) -> None:
        if self.playing:
            self.pause()
        else:
            self.play()

    def play(self) -> None:
        if self.reader is None or self._vlc is None:
            return
        if self.current_index >= self.reader.frame_count - 1:
            self.current_index = 0
        self._vlc.seek(self.reader.time_of(self.current_index) - self.reader.clock_start)
        self._vlc.play()
        self._timer.start()
        self.play_button.setText(self.tr("Pause"))

    def pause(self) -> None:
        if not self.playing:
            return
        self._timer.stop()
        self.play_button.setText(self.tr("Play"))
        if self._vlc is not None and self.reader is not None:
            self._vlc.pause()
            self.show_frame(self.reader.index_at(self._vlc.time_s() + self.reader.clock_start))

    def step(self, frames: int) -> None:
        self.pause()
        self.show_frame(self.current_index + frames)

    def jump(self, seconds: float) -> None:
        if self.reader is None:
            return
        target = self.reader.index_at(self.reader.time_of(self.current_index) + seconds)
        if self.playing and self._vlc is not None:
            self._vlc.seek(self.reader.time_of(target) - self.reader.clock_start)
            self.current_index = target
        else:
            self.show_frame(target)

    def go_start(self) -> None:
        self.pause()
        self.show_frame(0)

    def go_end(self) -> None:
        self.pause()
        if self.reader is not None:
            self.show_frame(self.reader.frame_count - 1)

    def go_to_time(self, time_s: float) -> None:
        if self.reader is not None:
            self.pause()
            self.show_frame(self.reader.index_at(self.reader.times[0] + time_s))

    def faster(self) -> None:
        if not self.playing:
            self.play()
        elif self.speed.currentIndex() < len(SPEEDS) - 1:
            self.speed.setCurrentIndex(self.speed.currentIndex() + 1)

    def slower(self) -> None:
        if self.playing and self.speed.currentIndex() > 0:
            self.speed.setCurrentIndex(self.speed.currentIndex() - 1)
        elif not self.playing:
            self.jump(-1)

    def _speed_changed(self) -> None:
        if self._vlc is not None:
            self._vlc.set_rate(float(self.speed.currentData()))

    def _volume_changed(self, value: int) -> None:
        PLAYER_VOLUME.set(value)
        if self._vlc is not None:
            self._vlc.set_volume(value)

    def _mute_changed(self, muted: bool) -> None:
        if self._vlc is not None:
            self._vlc.set_muted(muted)

    def _on_vlc_frame(self, image: QImage) -> None:
        if self.playing:
            self.view.set_image(image)

    def _follow_vlc(self) -> None:
        if self.reader is None or self._vlc is None:
            return
        index = self.reader.index_at(self._vlc.time_s() + self.reader.clock_start)
        if index != self.current_index:
            self.current_index = index
            self._update_label()
            self.position_changed.emit(index, self.reader.time_of(index))

    def _update_label(self) -> None:
        if self.reader is None:
            self.position_label.setText(self.tr("No footage"))
            return
        t = self.reader.time_of(self.current_index) - self.reader.times[0]
        self.position_label.setText(self.tr("{0}  frame {1} / {2}").format(
            format_time(t), self.current_index, self.reader.frame_count - 1))

    def _drop_vlc(self) -> None:
        """Stop and free the libvlc player, here on the UI thread."""
        source, self._vlc = self._vlc, None
        if source is not None:
            try:
                source.release()
            finally:
                delete(source)

    def close_footage(self) -> None:
        self._closed = True
        self._timer.stop()
        self._drop_vlc()
        self._retire(self.reader)
        self.reader = None


class _TableKeys(QObject):
    """Claims (as a text field does) the keys its table uses before they become shortcuts."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent)
                or not isinstance(watched, QAbstractItemView)
                or event.modifiers() != Qt.KeyboardModifier.NoModifier):
            return False
        key, cell = event.key(), watched.currentIndex()
        tick = Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right) or (
                key == Qt.Key.Key_Space and cell.flags() & tick == tick
                and cell.data(Qt.ItemDataRole.CheckStateRole) is not None):
            event.accept()  # the table gets the key press; the shortcut does not fire
            return True
        return False
