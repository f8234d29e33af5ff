"""Which of a local cluster's worker processes have ended: a process that died mid-job (killed,
out of memory, a crash in a native library) holds its job until the job's lease runs out (two
minutes); the run that started the process sees it end within a poll and frees its job at
once (``queue.release_held_by``). Only this computer's own worker processes are judged, by
process id and start time (a process id used again by another program is not mistaken for
the worker)."""

from __future__ import annotations

import socket
from collections.abc import Callable
from contextlib import suppress
from typing import Any

import psutil


class EndedWorkers:
    """Watches the worker processes of a local Dask cluster (its Nannies' processes)."""

    def __init__(self, nannies: Callable[[], list[Any]]) -> None:
        self._nannies = nannies
        self._seen: dict[int, float] = {}  # process id: its start time
        self._host = socket.gethostname()

    def holders(self) -> list[str]:
        """The job-row names (``host:pid/``) of worker processes that ended since the last
        call; processes started meanwhile (a Nanny's restart) are watched from now on."""
        for nanny in self._nannies():
            pid = getattr(nanny, "pid", None)
            if isinstance(pid, int) and pid not in self._seen:
                with suppress(psutil.Error):  # gone already: nothing of it to watch
                    self._seen[pid] = psutil.Process(pid).create_time()
        ended = [pid for pid, started in self._seen.items() if _ended(pid, started)]
        for pid in ended:
            del self._seen[pid]
        return [f"{self._host}:{pid}/" for pid in ended]


def _ended(pid: int, started: float) -> bool:
    """Whether process ``pid``, started at ``started``, has ended (a zombie has: ended, not
    yet collected by its parent; another process with its id is not it)."""
    try:
        process = psutil.Process(pid)
        return bool(process.status() == psutil.STATUS_ZOMBIE
                    or process.create_time() != started)
    except psutil.NoSuchProcess:
        return True
    except psutil.Error:  # cannot be looked at: not taken for ended
        return False
