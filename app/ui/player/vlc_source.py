"""libvlc playback delivered as QImages through video callbacks (no native VLC window), so
Qt can paint overlays on top, take screenshots, and run under Xvfb."""

from __future__ import annotations

import ctypes
import os
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage


class VlcFrameSource(QObject):
    """Plays one file; ``frame_ready`` carries each displayed frame (on the UI thread)."""

    frame_ready = Signal(QImage)
    ended = Signal()

    def __init__(self) -> None:
        # Not parented: Qt must not delete this while libvlc threads may still call into it;
        # ``release`` stops them first.
        super().__init__()
        import vlc

        self._vlc = vlc
        args = ["--quiet", "--no-xlib", "--no-video-title-show"]
        if os.environ.get("BWV_NO_AUDIO"):
            args.append("--aout=dummy")
        self._instance = vlc.Instance(args)
        self._player = self._instance.media_player_new()
        self._lock = threading.Lock()
        self._alive = True
        self._buffer: Any = None
        self._size = (0, 0)
        # Keep the ctypes callbacks alive for as long as libvlc may call them.
        self._callbacks: tuple[Any, ...] = (
            vlc.CallbackDecorators.VideoLockCb(self._on_lock),
            vlc.CallbackDecorators.VideoUnlockCb(self._on_unlock),
            vlc.CallbackDecorators.VideoDisplayCb(self._on_display),
        )
        self._player.video_set_callbacks(*self._callbacks, None)
        self._events = self._player.event_manager()
        self._events.event_attach(vlc.EventType.MediaPlayerEndReached, self._on_end)

    def _on_end(self, _event: Any) -> None:
        if self._alive:
            self.ended.emit()

    def load(self, path: Path, width: int, height: int) -> None:
        """Prepare ``path`` for playback at ``width`` x ``height`` (the upright size)."""
        self._player.stop()
        with self._lock:
            self._size = (width, height)
            self._buffer = (ctypes.c_ubyte * (width * height * 4))()
        self._player.video_set_format("RV32", width, height, width * 4)
        self._player.set_media(self._instance.media_new_path(str(path)))

    def _on_lock(self, _opaque: Any, planes: Any) -> None:
        self._lock.acquire()
        planes[0] = ctypes.cast(self._buffer, ctypes.c_void_p)

    def _on_unlock(self, _opaque: Any, _picture: Any, _planes: Any) -> None:
        self._lock.release()

    def _on_display(self, _opaque: Any, _picture: Any) -> None:
        if not self._alive:
            return
        with self._lock:
            w, h = self._size
            image = QImage(bytes(self._buffer), w, h, w * 4, QImage.Format.Format_RGB32).copy()
        if self._alive:
            self.frame_ready.emit(image)

    def play(self) -> None:
        self._player.play()

    def pause(self) -> None:
        self._player.set_pause(1)

    def is_playing(self) -> bool:
        return bool(self._player.is_playing())

    def time_s(self) -> float:
        return float(max(0, int(self._player.get_time()))) / 1000.0

    def seek(self, time_s: float) -> None:
        self._player.set_time(int(time_s * 1000))

    def set_rate(self, rate: float) -> None:
        self._player.set_rate(rate)

    def set_volume(self, percent: int) -> None:
        self._player.audio_set_volume(percent)

    def set_muted(self, muted: bool) -> None:
        self._player.audio_set_mute(muted)

    def release(self) -> None:
        """Stop libvlc's threads, then free it. Safe to call twice."""
        if not self._alive:
            return
        self._alive = False
        self._events.event_detach(self._vlc.EventType.MediaPlayerEndReached)
        self._player.stop()
        self._player.release()
        self._instance.release()
        # libvlc calls nothing now: let go of the callbacks, bound to this object, so it is
        # freed by its last owner on the UI thread, not left in a cycle for the garbage
        # collector to free on whatever thread it runs on (a QObject must not be)
        self._callbacks = ()
        self._events = None
