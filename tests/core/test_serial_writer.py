"""The export's writer thread: order, errors handed back, nothing run after a failure."""

from __future__ import annotations

import threading

import pytest

from app.core.export.serial_writer import SerialWriter


def test_steps_run_in_order_on_one_other_thread() -> None:
    seen: list[tuple[int, str]] = []
    writer = SerialWriter(depth=2)  # a small queue: submit waits while it is full
    for i in range(50):
        writer.submit(lambda i=i: seen.append((i, threading.current_thread().name)))
    writer.close()
    assert [i for i, _ in seen] == list(range(50))
    assert {name for _, name in seen} == {"export-writer"}


def test_a_failed_step_is_raised_to_the_caller_and_later_steps_never_run() -> None:
    ran: list[int] = []
    writer = SerialWriter(depth=2)

    def fail() -> None:
        raise OSError("disk full")

    writer.submit(lambda: ran.append(1))
    writer.submit(fail)
    with pytest.raises(OSError, match="disk full"):
        for i in range(100):  # a later submit or the close raises the writer's error
            writer.submit(lambda i=i: ran.append(100 + i))
        writer.close()
    assert ran == [1]
    with pytest.raises(OSError):
        writer.close()


def test_abandon_drops_what_is_queued() -> None:
    gate = threading.Event()
    ran: list[int] = []
    writer = SerialWriter(depth=8)
    writer.submit(gate.wait)
    for i in range(5):
        writer.submit(lambda i=i: ran.append(i))
    threading.Timer(0.2, gate.set).start()
    writer.abandon()
    assert ran == []  # the writer was busy: all five were dropped
