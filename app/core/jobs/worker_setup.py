"""Set-up that Dask runs in each local worker process as it starts (and as its Nanny
restarts it): Ctrl+C is ignored there, because the ``bwv worker`` that owns the process
stops it by closing the cluster (its job's lease runs out if it was cut short)."""

from __future__ import annotations

import signal
from typing import Any


def dask_setup(_worker: Any) -> None:
    """Dask's preload hook, run on the worker process's main thread."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
