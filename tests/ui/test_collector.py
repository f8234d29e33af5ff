"""Reference cycles are collected on the UI thread only (app.ui.collector): Python's own
collector runs on whichever thread allocates, and a Qt object Python owns, freed on a
worker thread, crashed the app at Switch user."""

from __future__ import annotations

import gc
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from app.ui.collector import UiThreadCollector


class _Cycle:
    """Refers to itself; says on which thread it is freed."""

    def __init__(self, freed_on: list[str], widget: QObject | None = None) -> None:
        self.me = self
        self.freed_on = freed_on
        self.widget = widget

    def __del__(self) -> None:
        self.freed_on.append(threading.current_thread().name)


def _allocate_on_a_worker() -> None:
    """What a worker thread does all day: allocate, which is what sets Python's own
    collector off (7,000 lists kept at once: ten times its young threshold)."""
    def work() -> None:
        kept = [[n] for n in range(7_000)]
        assert len(kept) == 7_000

    worker = threading.Thread(target=work, name="worker")
    worker.start()
    worker.join()


def test_a_cycle_made_on_the_ui_thread_is_never_freed_on_a_worker(
        qtbot: QtBot, ui_collector: UiThreadCollector) -> None:
    """With Python's automatic collection, the worker's allocations collect the cycle (and
    the unparented QObject in it) on the worker thread; here they leave it to the timer."""
    freed_on: list[str] = []
    _Cycle(freed_on, QObject())  # no parent: Python's, freed with the cycle
    _allocate_on_a_worker()
    assert freed_on == [], f"freed on {freed_on} before the UI thread's tick"
    qtbot.waitUntil(lambda: bool(freed_on), timeout=3_000)  # the next tick: 1 s
    assert freed_on == [threading.main_thread().name]


def test_without_it_python_frees_the_cycle_on_the_worker(
        ui_collector: UiThreadCollector) -> None:
    """The hazard the collector exists for, shown (so the test above could fail)."""
    freed_on: list[str] = []
    with ui_collector.paused():
        gc.enable()
        try:
            _Cycle(freed_on)
            _allocate_on_a_worker()
        finally:
            gc.disable()
    assert freed_on == ["worker"]


def _collections() -> list[int]:
    return [stats["collections"] for stats in gc.get_stats()]


def test_each_generation_is_collected_on_its_schedule(ui_collector: UiThreadCollector) -> None:
    """Ticks collect the young generation, every second tick here the middle one; every
    fourth the old one too, when what moved into it since its last collection outnumbers a
    quarter of what it kept (Python's rule). Never by allocation counts, which fall back as
    objects are freed."""
    collector = UiThreadCollector(tick_ms=3_600_000, middle_every=2, full_check_every=4,
                                  full_at_least_every=1_000)
    try:
        before = _collections()
        base = [[n] for n in range(20_000)]  # moved up at 2: the first full at 4
        for _ in range(8):
            collector.tick()  # 8: little moved up since 4, so no full collection
        assert [a - b for a, b in zip(_collections(), before, strict=True)] == [4, 4, 1]
        kept = [[n] for n in range(len(gc.get_objects(2)) // 2 + 1_000)]
        for _ in range(4):
            collector.tick()  # 10: the new lists move up; 12: a full collection
        assert [a - b for a, b in zip(_collections(), before, strict=True)] == [6, 6, 2]
        assert len(kept) > 1_000 and len(base) == 20_000
    finally:
        collector.stop()
    assert not gc.isenabled(), "the test's own collector (still running) keeps it off"


def test_the_old_generation_is_collected_at_least_every_so_often(
        ui_collector: UiThreadCollector) -> None:
    """Even when little moves into it (cycles that lived long, then left: rare, but each
    may hold a frame's pixels)."""
    collector = UiThreadCollector(tick_ms=3_600_000, middle_every=2, full_check_every=4,
                                  full_at_least_every=8)
    try:
        base = [[n] for n in range(20_000)]
        for _ in range(4):
            collector.tick()  # the first full collection
        before = _collections()
        for _ in range(8):
            collector.tick()  # 8: nothing moved up, not collected; 12: eight ticks on
        assert [a - b for a, b in zip(_collections(), before, strict=True)] == [4, 4, 1]
        assert len(base) == 20_000
    finally:
        collector.stop()


def test_paused_inside_a_stopped_collector_stays_stopped(
        ui_collector: UiThreadCollector) -> None:
    collector = UiThreadCollector(tick_ms=3_600_000)
    with collector.paused():
        collector.stop()
    assert not collector._timer.isActive()


def test_stopping_gives_collection_back_and_keeps_nothing_frozen() -> None:
    """Outside the window (the command line, a test after it) Python collects as before,
    and what the app froze at its start can be freed again."""
    was_enabled = gc.isenabled()
    gc.enable()
    try:
        collector = UiThreadCollector(freeze=True)
        assert not gc.isenabled() and gc.get_freeze_count() > 0
        collector.stop()
        assert gc.isenabled() and gc.get_freeze_count() == 0
    finally:
        if not was_enabled:
            gc.disable()


def test_the_app_collects_on_the_ui_thread_while_it_runs(
        monkeypatch: pytest.MonkeyPatch, isolated_env: Path, qtbot: QtBot) -> None:
    """bwv-studio turns automatic collection off for its whole run, and gives it back."""
    import sys

    from app.ui import application

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    monkeypatch.setattr(application, "setup_logging", lambda: None)
    seen: list[bool] = []

    def sign_in(*_args: object) -> None:
        seen.append(gc.isenabled())
        seen.append(gc.get_freeze_count() > 0)

    monkeypatch.setattr(application, "sign_in_user", sign_in)
    gc.enable()  # as in a plain process
    try:
        assert application.main(["bwv-studio"]) == 1
        assert seen == [False, True]
        assert gc.isenabled() and gc.get_freeze_count() == 0
    finally:
        gc.disable()  # (the test's own collector's)
