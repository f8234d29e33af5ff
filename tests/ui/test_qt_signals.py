"""The Qt binding itself: emitting signals from Python must not corrupt reference counts.

PySide6 6.12.0 dropped a reference to ``True`` on every ``Signal.emit()``; a session of
playback and progress signals then ends in "Fatal Python error: bool_dealloc". This guards
the pinned version.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from pytestqt.qtbot import QtBot


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


def test_progress_over_2_gib_reaches_the_bar_in_proportion(qtbot: QtBot) -> None:
    """A job's progress in bytes of an original over 2 GiB (half an hour of 1080p) came out
    of the 32-bit signal as garbage (a negative count of a total of 0)."""
    from app.ui.workers import SIGNAL_INT_MAX, Job

    gib = 1024 ** 3
    job = Job(lambda progress, _cancel: progress(3 * gib, 4 * gib))
    received: list[tuple[int, int]] = []
    job.progress.connect(lambda done, total: received.append((done, total)))
    with qtbot.waitSignal(job.finished, timeout=10_000):
        job.start()
    qtbot.waitUntil(lambda: bool(received), timeout=5000)
    (done, total), = received
    assert 0 < done < total <= SIGNAL_INT_MAX and abs(done / total - 0.75) < 1e-6
