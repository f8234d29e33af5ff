"""One background thread that runs an export's encode-and-mux steps in the order given.

Decoding, redrawing and the residual check run on the caller's thread while x264 encodes the
frames before them, so both cores stay busy (PyAV and ONNX Runtime release the GIL while they
work). Every write to the output container goes through this one thread, in order, so the
container is never written from two threads. The queue is bounded: memory stays flat.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable

Step = Callable[[], None]

DEPTH = 8  # steps waiting at most (a few decoded frames)


class SerialWriter:
    """Runs submitted steps one after another on its own thread.

    A step that raises stops the writer: the next ``submit`` or ``close`` raises that error on
    the caller's thread, and later steps are not run (nothing after a failure is written).
    """

    def __init__(self, depth: int = DEPTH) -> None:
        self._steps: queue.Queue[Step | None] = queue.Queue(maxsize=depth)
        self._error: BaseException | None = None
        # started by the first step: a writer nobody used leaves no thread behind
        self._thread = threading.Thread(target=self._run, name="export-writer", daemon=True)

    def submit(self, step: Step) -> None:
        """Queue ``step`` (waits while the queue is full); raises a step's earlier error."""
        self._raise()
        if not self._thread.is_alive() and self._thread.ident is None:
            self._thread.start()
        while True:
            try:
                self._steps.put(step, timeout=0.1)
                return
            except queue.Full:
                self._raise()  # the writer failed while the queue was full

    def close(self) -> None:
        """Wait until every queued step has run; raises the first step error."""
        if self._thread.is_alive():
            self._put_end()
            self._thread.join()
        self._raise()

    def abandon(self) -> None:
        """Stop after the step now running, dropping the rest (the export failed elsewhere)."""
        while True:
            try:
                self._steps.get_nowait()
            except queue.Empty:
                break
        if self._thread.is_alive():
            self._put_end()
            self._thread.join()

    def _put_end(self) -> None:
        while self._thread.is_alive():
            try:
                self._steps.put(None, timeout=0.1)
                return
            except queue.Full:
                continue

    def _raise(self) -> None:
        if self._error is not None:
            raise self._error

    def _run(self) -> None:
        while True:
            step = self._steps.get()
            if step is None:
                return
            if self._error is not None:
                continue  # after a failure: drain without running
            try:
                step()
            except BaseException as exc:  # handed to the caller's thread
                self._error = exc
