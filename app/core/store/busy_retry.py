"""Writes a worker must not lose to a busy store, tried again while it stays busy.

A write waits ``database.BUSY_TIMEOUT_MS`` for another program's lock, then is refused as
STORE_BUSY (SQLite's busy timeout; PostgreSQL's lock_timeout). A person is told and tries
again; a worker recording a job's outcome or claiming the next job has nobody to tell: an
outcome lost runs the whole job again (and a third loss fails it), a claim lost ends the
worker's round. So those writes are tried again, after ``BUSY_WAITS``: together with the
timeouts, about two minutes, past the 80 s in which a PostgreSQL server notices a computer
that vanished holding the store (``database.KEEPALIVE_S``).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import DBAPIError

from app.core.errors import StoreBusyError
from app.core.store.database import store_busy

log = logging.getLogger(__name__)
BUSY_WAITS = (1.0, 2.0, 4.0, 8.0, 15.0, 30.0)  # seconds between tries while the store is busy
STEP_S = 0.25  # how often a wait looks whether it is to stop
T = TypeVar("T")


def retry_while_busy(write: Callable[[], T], what: str,
                     waits: tuple[float, ...] | None = None,
                     stopping: Callable[[], bool] = lambda: False) -> T:
    """``write()`` (one transaction: refused, it saved nothing), tried again after each of
    ``waits`` (default ``BUSY_WAITS``) while the store is busy; any other error, the last
    refusal, or a refusal once ``stopping()`` (looked at every ``STEP_S`` while waiting),
    is raised. ``what`` names the write in the log."""
    for wait in (*(BUSY_WAITS if waits is None else waits), None):
        try:
            return write()
        except (StoreBusyError, DBAPIError) as exc:
            if wait is None or (isinstance(exc, DBAPIError) and not store_busy(exc)) \
                    or stopping():
                raise
            log.warning("%s: the store is busy; trying again in %.0f s", what, wait)
            until = time.monotonic() + wait
            while (left := until - time.monotonic()) > 0:
                if stopping():
                    raise
                time.sleep(min(STEP_S, left))
    raise AssertionError("unreachable")  # (the last try returns or raises)
