"""Which of a local cluster's worker processes have ended: a process that died mid-job (killed,
out of memory, a crash in a native library) holds its job until the job's lease runs out (two
minutes); the run that started the process sees it end within a poll and frees its job at
once (``queue.release_held_by``); a run stopped part-way (Ctrl+C), once its cluster has
stopped them, queues their jobs again (``queue.put_back_held_by``). Only this computer's
own worker processes are judged, each by psutil's identity of it (process id and start
time), so a process id used again by another program is not mistaken for the worker. Job
rows name their worker ``host:pid/...``: the leases already take host names to be unique
among the computers that share a store."""

from __future__ import annotations

import logging
import socket
import time
from collections.abc import Callable
from contextlib import suppress
from typing import Any

import psutil
from sqlalchemy.exc import SQLAlchemyError

from app.core.jobs.queue import put_back_held_by, release_held_by
from app.core.store.database import Store

log = logging.getLogger(__name__)


class EndedWorkers:
    """Watches the worker processes of a local Dask cluster (its Nannies' processes)."""

    def __init__(self, store: Store, nannies: Callable[[], list[Any]],
                 actor_name: str = "") -> None:
        self._store, self._nannies, self._actor = store, nannies, actor_name
        self._seen: dict[int, psutil.Process] = {}
        self._host = socket.gethostname()
        self._unfreed: list[str] = []  # ended, their jobs not yet freed (the store was away)
        self._warned = False  # about the store being away, once until it is back
        self._watch()  # the processes there now (a run stopped before its first poll)

    def _watch(self) -> None:
        """Watch the processes started since the last look (a Nanny's restart)."""
        for nanny in self._nannies():
            pid = getattr(nanny, "pid", None)
            if isinstance(pid, int) and pid not in self._seen:
                with suppress(psutil.Error):  # gone already: nothing of it to watch
                    self._seen[pid] = psutil.Process(pid)

    def holders(self) -> list[str]:
        """The job-row names (``host:pid/``) of worker processes that ended since the last
        call; processes started meanwhile (a Nanny's restart) are watched from now on."""
        self._watch()
        ended = [pid for pid, process in self._seen.items() if _ended(process)]
        for pid in ended:
            del self._seen[pid]
        return [f"{self._host}:{pid}/" for pid in ended]

    def free_their_jobs(self) -> None:
        """End the leases of the jobs held by worker processes that ended; a store that
        cannot be reached is tried again at the next call (the run goes on)."""
        self._unfreed += self.holders()
        if not self._unfreed:
            return
        try:
            release_held_by(self._store, self._unfreed)
        except SQLAlchemyError:
            if not self._warned:
                log.warning("could not free the jobs of ended workers %s (trying again)",
                            self._unfreed, exc_info=True)
                self._warned = True
            return
        self._unfreed, self._warned = [], False

    def put_back_their_jobs(self, wait_s: float = 10.0) -> None:
        """After the run was stopped (Ctrl+C) and its cluster closed: its worker processes'
        running jobs go back to the queue, their tries not counted (not the jobs' fault),
        as a stopped thread worker's do; waits up to ``wait_s`` for the processes to end.
        Jobs of processes that died before (freed or not yet) are freed as ever."""
        deadline = time.monotonic() + wait_s
        while any(not _ended(p) for p in self._seen.values()) \
                and time.monotonic() < deadline:
            time.sleep(0.05)
        stopped = self.holders()
        try:
            put_back_held_by(self._store, self._actor, stopped)
        except SQLAlchemyError:  # their leases are ended instead, or run out
            log.warning("could not queue again the jobs of stopped workers %s", stopped,
                        exc_info=True)
            self._unfreed += stopped
        self.free_their_jobs()


def _ended(process: psutil.Process) -> bool:
    """Whether ``process`` has ended: gone, replaced by another process under its id (psutil
    compares start times on a clock that a change of the wall clock does not move), or a
    zombie (ended, not yet collected by its parent)."""
    try:
        return not process.is_running() or process.status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True
    except psutil.Error:  # cannot be looked at: not taken for ended
        return False
