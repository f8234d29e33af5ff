"""A head start for a local cluster of worker processes. The cluster takes 1.2-2 s to start,
most of it its fork server importing the job code on one core while the other waits; this
process has that code imported and the store open, so it claims one job and runs it in a
thread meanwhile, as a worker named ``host:pid/first-job``, in the first worker's place: on
that worker's share of the cores, and that worker is given work only once the job has ended
(``ended``), so no more jobs run at once than there are workers. Its outcome is told and
counted like a worker's. Stopped (Ctrl+C, a cluster that fails to start) its job goes back
to the queue with its try not counted, as a stopped thread worker's does; a job queued again
after a failed try is taken up by the first worker, which begins only after it ended (and
one whose outcome was lost, once its lease runs out, as a worker's)."""

from __future__ import annotations

import logging
import os
import socket
import threading
from collections import Counter
from collections.abc import Callable
from contextlib import suppress
from types import TracebackType

from sqlalchemy.exc import SQLAlchemyError

from app.core.detection.network import keep_to_share, share_cores
from app.core.jobs.fork_server import use_fork_server
from app.core.jobs.queue import claim, put_back_held_by
from app.core.jobs.runner import run_job
from app.core.store.database import Store

log = logging.getLogger(__name__)
Progress = Callable[[str, int, str], None]
STOP_WAIT_S = 5.0  # how long a stopped job is given to stop at its next check


def one_at_a_time(progress: Progress | None) -> Progress | None:
    """``progress`` called by one thread at a time (the head start's job ends in its own)."""
    if progress is None:
        return None
    lock = threading.Lock()

    def told(worker: str, job_id: int, outcome: str) -> None:
        with lock:
            progress(worker, job_id, outcome)
    return told


class HeadStart:
    """Use as a context manager around the start of the cluster and its run: entering starts
    the fork server, then the job (``enabled`` False: nothing); leaving waits for the job,
    after stopping it if the block raised (``stop_if_raised`` stops it sooner)."""

    def __init__(self, store: Store, actor_name: str, workers: int,
                 progress: Progress | None, enabled: bool) -> None:
        self._store, self._actor, self._workers = store, actor_name, workers
        self._progress, self._enabled = progress, enabled
        self.worker = f"{socket.gethostname()}:{os.getpid()}/first-job"
        self.outcomes: Counter[str] = Counter()
        self._job: int | None = None
        self._raised: BaseException | None = None  # by the progress callback
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="first-job", daemon=True)

    def __enter__(self) -> HeadStart:
        if self._enabled:
            share_cores(self._workers)  # the job's networks take a worker's share
            use_fork_server()  # importing on one core before the job takes the other
            try:
                self._thread.start()
            except BaseException:  # Ctrl+C as it starts: __exit__ will not run
                self._stop.set()
                self.wait()
                raise
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop_if_raised(kind, value, tb)
        self.wait()

    def stop_if_raised(self, kind: type[BaseException] | None, _value: BaseException | None,
                       _tb: TracebackType | None) -> None:
        """An exit callback: the block raised, so the job stops at its next check and is
        queued again."""
        if kind is not None:
            self._stop.set()

    def ended(self) -> bool:
        """Whether there is no job running here (ended, or none was started)."""
        return not self._thread.is_alive()

    def wait(self) -> None:
        """Wait for the job (if one was started); what its outcome's callback raised is
        raised here. Interrupted while waiting (Ctrl+C), the job is stopped; one still
        running a few seconds later is queued again (the store is not waited for)."""
        if self._thread.ident is None:
            return
        try:
            self._thread.join()
        except BaseException:
            self._stop.set()
            self._thread.join(STOP_WAIT_S)
            if self._thread.is_alive():
                with suppress(SQLAlchemyError):
                    put_back_held_by(self._store, self._actor, [self.worker])
            raise
        if self._raised is not None:
            raised, self._raised = self._raised, None
            raise raised

    def _run(self) -> None:
        keep_to_share(0, self._workers)  # in the first worker's place
        try:
            self._job = claim(self._store, self.worker, self._actor)
        except Exception:  # the cluster's workers meet it too and say so
            log.warning("%s: no job could be claimed", self.worker, exc_info=True)
            return
        if self._job is None:
            return
        outcome = run_job(self._store, self._actor, self._job, self.worker, self._stop.is_set)
        self.outcomes[outcome] += 1
        if self._progress is not None:
            try:
                self._progress(self.worker, self._job, outcome)
            except BaseException as exc:  # raised where the run waits for it
                self._raised = exc

