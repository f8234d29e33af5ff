"""The Qt binding itself: emitting signals from Python must not corrupt reference counts.

PySide6 6.12.0 dropped a reference to ``True`` on every ``Signal.emit()``; a session of
playback and progress signals then ends in "Fatal Python error: bool_dealloc". This guards
the pinned version.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    anything = Signal(object)
    nothing = Signal()


def test_emit_keeps_reference_counts(qapp: object) -> None:
    emitter = _Emitter()
    received: list[object] = []
    emitter.anything.connect(received.append)
    emitter.nothing.connect(lambda: None)
    before = [sys.getrefcount(v) for v in (True, False, None)]
    for _ in range(2000):
        emitter.anything.emit(None)
        emitter.nothing.emit()
    received.clear()
    after = [sys.getrefcount(v) for v in (True, False, None)]
    # the bug lost one reference a call (4000 here); other threads of the test process
    # (a worker left by an earlier test) may hold a few for a moment
    assert all(abs(a - b) < 100 for a, b in zip(after, before, strict=True)), (before, after)
