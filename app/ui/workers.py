"""Running core functions off the UI thread, with throttled progress, cancel and one outcome.

Four pools: ``db_pool`` has one thread so database work is serialised (a SQLAlchemy session
never crosses threads); ``job_pool`` runs long jobs (hashing, detection, export);
``quick_pool`` runs short work a view waits for (finding suggestions in a transcript), on
its own thread so it never queues behind long jobs; ``wait_pool`` runs what a dialog's
answer waits for (``waited``: checking a password), never behind the store's jobs.
"""

from __future__ import annotations

import logging
import threading
import time
import traceback
from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar

from PySide6.QtCore import QEventLoop, QObject, QRunnable, QThreadPool, QTimer, Signal
from shiboken6 import delete, isValid
from sqlalchemy.exc import DBAPIError

from app.core.errors import BwvError, Cancelled, StoreBusyError
from app.core.progress import CancelToken
from app.core.store.database import database_problem
from app.ui.changes import Changed, announce
from app.ui.error_text import error_text

log = logging.getLogger(__name__)
PROGRESS_INTERVAL_S = 0.1
T = TypeVar("T")

def job_pool() -> QThreadPool:
    return QThreadPool.globalInstance()


def one_thread_pool() -> QThreadPool:
    """A new pool of one thread (its work in order), waited for by ``shutdown``."""
    pool = register_pool(QThreadPool())
    pool.setMaxThreadCount(1)
    return pool


@cache
def db_pool() -> QThreadPool:
    """The store's reads and writes, one at a time."""
    return one_thread_pool()


@cache
def quick_pool() -> QThreadPool:
    return one_thread_pool()


SIGNAL_INT_MAX = 2 ** 31 - 1  # a signal's int, and a progress bar's, is 32 bits


def signal_ints(done: int, total: int) -> tuple[int, int]:
    """``done`` and ``total`` in the same proportion, each within a signal's int: bytes
    hashed of an original over 2 GiB (most recordings of half an hour or more) came out
    of the signal as garbage (a negative count of 0), and the progress bar with them."""
    largest = max(done, total)
    if largest <= SIGNAL_INT_MAX:
        return done, total
    scale = -(-largest // SIGNAL_INT_MAX)
    return done // scale, total // scale


class Job(QObject):
    """A unit of work; connect to its signals, then :meth:`start` it.

    ``fn(progress, cancel)`` runs in a worker thread. Exactly one of ``finished``, ``failed``
    (message, details) or ``cancelled`` is emitted, on the UI thread.
    """

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str, str)
    cancelled = Signal()

    def __init__(self, fn: Callable[[Callable[[int, int], None], CancelToken], Any]) -> None:
        super().__init__()
        self._fn = fn
        self.token = CancelToken()
        self._last_emit = 0.0
        self.running = False

    def _report(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self._last_emit >= PROGRESS_INTERVAL_S or (total and done >= total):
            self._last_emit = now
            self.progress.emit(*signal_ints(done, total))

    def _run(self) -> None:
        try:
            result = self._fn(self._report, self.token)
        except Cancelled:
            self.cancelled.emit()
        except BwvError as exc:
            self.failed.emit(error_text(exc), "")
        except DBAPIError as exc:  # the store busy, or refusing: said in words, never the
            log.exception("background job failed")  # statement or its values; a refusal
            said = database_problem(exc)  # (a fault of ours) keeps its details behind a button
            self.failed.emit(error_text(said), "" if isinstance(said, StoreBusyError)
                             else traceback.format_exc())
        except Exception as exc:
            log.exception("background job failed")
            self.failed.emit(f"{exc.__class__.__name__}: {exc}", traceback.format_exc())
        else:
            self.finished.emit(result)
        finally:
            self.running = False

    def start(self, pool: QThreadPool | None = None) -> None:
        self.running = True
        _alive.add(self)  # kept alive (and not owned by a widget) until it has reported
        for signal in (self.finished, self.failed, self.cancelled):
            signal.connect(self._release)
        (pool or job_pool()).start(_Runnable(self._run))

    def _release(self, *_args: object) -> None:
        _alive.discard(self)
        self.deleteLater()

    def cancel(self) -> None:
        self.token.cancel()


_alive: set[Job] = set()


def while_alive(owner: QObject, fn: Callable[..., Any]) -> Callable[..., None]:
    """``fn`` for a job's signal, called only while ``owner`` exists: a job may report after
    its widget was closed and deleted. (Bound methods of a QObject need no guard; Qt
    disconnects them when it is destroyed.)"""

    def call(*args: Any) -> None:
        if isValid(owner):
            fn(*args)

    return call


def run_op(owner: QObject, work: Callable[[], Any], done: Callable[[Any], None],
           failed: Callable[[str], None], pool: QThreadPool | None = None,
           changes: Changed = Changed.NOTHING) -> Job:
    """``work()`` (a core use case) off the UI thread (the database pool unless ``pool``);
    then ``done(result)`` or ``failed(message)`` on it, only while ``owner`` exists, and
    after ``done`` every view hears what it ``changes`` (``app.ui.changes``). For short work
    with no progress or cancel (loading a list, saving a change)."""
    job = Job(lambda _progress, _cancel: work())
    job.finished.connect(while_alive(owner, done))
    job.finished.connect(lambda _result: announce(changes))  # saved: said even if owner left
    job.failed.connect(while_alive(owner, lambda message, _details: failed(message)))
    job.start(pool or db_pool())
    return job


_extra_pools: list[QThreadPool] = []


def register_pool(pool: QThreadPool) -> QThreadPool:
    """Make ``shutdown`` wait for this pool too."""
    _extra_pools.append(pool)
    return pool


def shutdown(timeout_ms: int = 10_000) -> bool:
    """Cancel every running job and wait for all pools; True if all stopped in time."""
    for job in list(_alive):
        job.cancel()
    done = True
    for pool in (job_pool(), *_extra_pools):  # the one-thread pools among them
        done = pool.waitForDone(timeout_ms) and done
    return done


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[], None]) -> None:
        super().__init__()
        self._fn: Callable[[], None] | None = fn

    def run(self) -> None:
        if self._fn is not None:
            self._fn()

    def drop(self) -> None:
        """Let go of the work (on the UI thread, once it has run): PySide's pool keeps some
        finished runnables, and with them whatever the work held."""
        self._fn = None


@cache
def wait_pool() -> QThreadPool:
    """Short work a dialog waits for (``waited``): never queued behind the store's jobs."""
    return one_thread_pool()


def waited(fn: Callable[[], T]) -> T:
    """``fn()`` on ``wait_pool`` while the caller, on the UI thread,
    waits in a local event loop, so the window keeps painting and taking events (a caller
    that must not be re-entered disables its buttons meanwhile): for short work a dialog's
    answer depends on, e.g. checking a password (``fn`` opens its own store session). Its
    result, or its exception raised here. Never from a pool's thread."""
    done = threading.Event()
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["result"] = fn()
        except BaseException as exc:  # raised again on the UI thread, below
            box["error"] = exc
        finally:
            done.set()

    runnable = _Runnable(run)
    wait_pool().start(runnable)
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: loop.quit() if done.is_set() else None)
    timer.start()
    try:
        if not done.is_set():
            loop.exec()
    finally:
        timer.stop()
        delete(timer)  # (here, on the UI thread, whatever holds their wrappers)
        delete(loop)
    done.wait()
    runnable.drop()  # the pool may keep the finished runnable: not what it ran
    # The error is popped, not kept: kept in this frame, which its traceback holds, it made
    # a reference cycle with the caller's frames and so with the dialog waiting (Python's
    # own), which Python's garbage collector then freed on whatever thread it ran on, a
    # worker's: Switch user crashed after a wrong password.
    if "error" in box:
        raise box.pop("error")
    return box.pop("result")  # type: ignore[no-any-return]
