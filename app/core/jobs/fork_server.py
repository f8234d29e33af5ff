"""How this computer's worker processes start: forked from a fork server that has imported
the job code once (Linux), and given the environment of the run that uses them."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import dask

_lock = threading.Lock()
_fork_server_set = False


def use_fork_server() -> None:
    """On Linux, Dask starts this process's worker processes (and restarts them) by forking
    them from a fork server that imported the job code once (``worker_preload``), instead
    of spawning each to import it anew (about a second of a core). Set once for the whole
    process, as Dask reads it at every start. Elsewhere, and in a frozen (installed) build,
    workers are spawned as before (macOS forbids forking after its system frameworks are
    loaded)."""
    global _fork_server_set
    if not sys.platform.startswith("linux") or getattr(sys, "frozen", False):
        return
    from multiprocessing import forkserver

    with _lock:
        if not _fork_server_set:
            from distributed.utils import get_mp_context

            dask.config.set({"distributed.worker.multiprocessing-method": "forkserver"})
            get_mp_context().set_forkserver_preload(  # type: ignore[no-untyped-call]
                ["app.core.jobs.worker_preload"])  # after Dask named its own list
            _fork_server_set = True
        with _server_path():
            forkserver.ensure_running()  # (if need be) it imports while the scheduler starts


@contextmanager
def _server_path() -> Iterator[None]:
    """While the fork server starts: it imports from this process's module path, never from
    the current folder (Python 3.11's server puts the folder first and ignores the path it
    is given, so an ``app`` package there would be imported instead of this one)."""
    saved = {name: os.environ.get(name) for name in ("PYTHONPATH", "PYTHONSAFEPATH")}
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
    os.environ["PYTHONSAFEPATH"] = "1"
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def caller_environment() -> dict[str, str]:
    """This process's environment as it is now, with what Dask's Nanny sets in a worker
    (``distributed.nanny.environ``): what the jobs of a run are to see."""
    nanny = dask.config.get("distributed.nanny.environ", {}) or {}
    return {**os.environ, **{k: str(v) for k, v in nanny.items() if v is not None}}


def match_environment(environ: dict[str, str]) -> None:
    """Make this worker process's environment ``environ`` (the caller's): a process forked
    from the fork server starts with the server's, taken when it started."""
    for name in set(os.environ) - set(environ):
        del os.environ[name]
    for name, value in environ.items():
        if os.environ.get(name) != value:
            os.environ[name] = value
