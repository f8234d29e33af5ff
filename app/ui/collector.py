"""Python's cycle collector, run on the UI thread only.

Python collects reference cycles on whichever thread happens to be allocating. When a
cycle holds a Qt object that Python owns (an unparented dialog, the libvlc player, a relay),
Qt then destroys it on that thread, and the app can crash: it did at Switch user
(2026-12-07), when a password check's error kept the sign-in dialog in a cycle that a
worker thread freed. So the window turns automatic collection off and collects from a
timer on the UI thread (as Anki, pyqtgraph and OpenCue's PySide front ends do).

Generations are collected on a schedule, never by allocation counts (they fall back as
objects are freed, so a timer that read them would miss the cycles made in between): the
young one every second, the middle one every ten. The old one is collected by Python's own
rule, looked at every ten middle collections: once the objects moved into it since its
last collection outnumber a quarter of those it kept then (and at least every half hour).
With a five-minute run of 25 people loaded (580,000 objects) that collection takes
0.65-0.75 s; Python's own collector makes the same pause, on any thread. The objects the
app starts with are frozen out of it. Worker threads never collect; what they leave in
cycles waits for the next tick.
"""

from __future__ import annotations

import gc
import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)
TICK_MS = 1000
MIDDLE_EVERY = 10  # ticks
FULL_CHECK_EVERY = 100  # ticks: every ten middle collections, as Python looks
FULL_AT_LEAST_EVERY = 1800  # ticks: half an hour
SLOW_FULL_S = 0.5  # a full collection slower than this is logged


class UiThreadCollector(QObject):
    """Turns Python's automatic collection off while it runs, and collects on its
    timer's ticks in the thread it was made in (the UI thread). :meth:`stop` collects
    once more there and gives collection back to Python."""

    def __init__(self, parent: QObject | None = None, *, tick_ms: int = TICK_MS,
                 middle_every: int = MIDDLE_EVERY, full_check_every: int = FULL_CHECK_EVERY,
                 full_at_least_every: int = FULL_AT_LEAST_EVERY,
                 freeze: bool = False) -> None:
        super().__init__(parent)
        self._frozen = freeze
        if freeze:  # what exists now is kept for good: never looked at again
            gc.collect()
            gc.freeze()
        self._middle_every = max(1, middle_every)
        self._check_every = max(self._middle_every, full_check_every)
        self._at_least_every = max(self._check_every, full_at_least_every)
        self._ticks = self._last_full = 0
        self._long_lived = 0  # objects the old generation kept at its last collection
        self._pending = 0  # objects moved into it since
        self._stopped = False
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self.tick)
        self._timer.start()

    def tick(self) -> None:
        """Collect the generation that is due (and those younger)."""
        self._ticks += 1
        if self._ticks % self._middle_every:
            gc.collect(0)
            return
        young = len(gc.get_objects(0)) + len(gc.get_objects(1))
        self._pending += max(0, young - gc.collect(1))  # the survivors move up
        if self._ticks % self._check_every == 0 and (
                self._pending > self._long_lived // 4
                or self._ticks - self._last_full >= self._at_least_every):
            self.collect_all()

    def collect_all(self) -> None:
        """A full collection, here and now."""
        started = time.perf_counter()
        gc.collect(2)
        self._long_lived, self._pending = len(gc.get_objects(2)), 0
        self._last_full = self._ticks
        took = time.perf_counter() - started
        if took > SLOW_FULL_S:
            log.info("a full garbage collection took %.2f s", took)

    @contextmanager
    def paused(self) -> Iterator[None]:
        """No collection at all inside (only reference counting frees anything)."""
        self._timer.stop()
        try:
            yield
        finally:
            if not self._stopped:
                self._timer.start()

    def stop(self, collect: bool = True) -> None:
        """Stop the timer, collect everything on this thread (unless the process is ending:
        Python collects once more as it exits), and let Python collect automatically again
        if it did before."""
        self._stopped = True
        self._timer.stop()
        if self._frozen:
            gc.unfreeze()
            self._frozen = False
        if collect:
            self.collect_all()
        if self._was_enabled:
            gc.enable()
