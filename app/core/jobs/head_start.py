"""A head start for a local cluster of worker processes. The cluster takes 1.2-2 s to start,
most of it its fork server importing the job code on one core while the other waits; this
process has that code imported and the store open, so it claims one job and runs it in a
thread meanwhile, as a worker named ``host:pid/first-job``. Its outcome is told and counted
like a worker's. Stopped (Ctrl+C, a cluster that fails to start) its job goes back to the
queue with its try not counted, as a stopped thread worker's does."""

from __future__ import annotations

import logging
import os
import socket
import threading
from collections import Counter
from collections.abc import Callable
from types import TracebackType

from app.core.detection.network import share_cores
from app.core.jobs.fork_server import use_fork_server
from app.core.jobs.queue import JobState, claim
from app.core.jobs.runner import run_job
from app.core.store.database import Store

log = logging.getLogger(__name__)


def one_at_a_time(progress: Callable[[str, int, str], None] | None
                  ) -> Callable[[str, int, str], None] | None:
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
    after stopping it if the block raised."""

    def __init__(self, store: Store, actor_name: str, workers: int,
                 progress: Callable[[str, int, str], None] | None, enabled: bool) -> None:
        self._store, self._actor, self._workers = store, actor_name, workers
        self._progress, self._enabled = progress, enabled
        self.worker = f"{socket.gethostname()}:{os.getpid()}/first-job"
        self.outcomes: Counter[str] = Counter()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="first-job", daemon=True)

    def __enter__(self) -> HeadStart:
        if self._enabled:
            share_cores(self._workers)  # the job's networks take a worker's share
            use_fork_server()  # importing on one core before the job takes the other
            self._thread.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, _value: BaseException | None,
                 _tb: TracebackType | None) -> None:
        if kind is not None:
            self._stop.set()  # the job stops at its next check and is queued again
        self.wait()

    def wait(self) -> None:
        """Wait for the job (if one was started)."""
        if self._thread.ident is not None:
            self._thread.join()

    def _run(self) -> None:
        try:
            job_id = claim(self._store, self.worker, self._actor)
        except Exception:  # the cluster's workers meet it too and say so
            log.warning("%s: no job could be claimed", self.worker, exc_info=True)
            return
        if job_id is None:
            return
        outcome = run_job(self._store, self._actor, job_id, self.worker, self._stop.is_set)
        self.outcomes[outcome] += 1
        if self._progress is not None:
            self._progress(self.worker, job_id, outcome)

    @property
    def queued_again(self) -> bool:
        """Whether its job went back to the queue (a failed try with tries left): the
        cluster's workers may have stopped before it did, so another round takes it."""
        return self.outcomes[JobState.QUEUED.value] > 0
