"""Progress reporting and cancellation shared by every long job (hashing, ingest, export)."""

from __future__ import annotations

import threading
from collections.abc import Callable

from app.core.errors import Cancelled

ProgressFn = Callable[[int, int], None]
"""``progress(done, total)``; ``total`` may be 0 when unknown."""


def no_progress(done: int, total: int) -> None:
    """A progress callback that does nothing."""


class CancelToken:
    """Thread-safe flag a UI or CLI sets to stop a job between units of work."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        """Ask the job to stop at its next check."""
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        """Raise :class:`Cancelled` if cancellation was requested."""
        if self._event.is_set():
            raise Cancelled()
