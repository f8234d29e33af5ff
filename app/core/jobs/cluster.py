"""Workers on Dask distributed: ``run_workers`` starts a local cluster (threads in this
process, so they share its signed-in user and its store) and has each worker take jobs from
the store's queue until none is free. Every job is claimed in the store, never handed out
by Dask, so two workers (or two machines) never run the same job, and a worker that dies
leaves its job to be taken up again once its lease runs out."""

from __future__ import annotations

import logging
import os
import socket
from collections import Counter
from collections.abc import Callable

from app.core.detection.network import share_cores
from app.core.jobs.queue import claim
from app.core.jobs.runner import run_job
from app.core.store.database import Store

log = logging.getLogger(__name__)
_stores: dict[str, Store] = {}  # one per process and database


def run_workers(store: Store, actor_name: str, workers: int = 2,
                progress: Callable[[str, int, str], None] | None = None) -> Counter[str]:
    """Run jobs until the queue is empty on ``workers`` Dask workers; counts of outcomes.
    ``progress(worker, job_id, outcome)`` is called after each job."""
    from distributed import Client, LocalCluster

    _stores[store.url] = store
    share_cores(workers)  # each worker's networks get their share of the cores
    host = f"{socket.gethostname()}:{os.getpid()}"
    with LocalCluster(n_workers=workers, threads_per_worker=1,  # type: ignore[no-untyped-call]
                      processes=False, dashboard_address=None) as cluster, \
            Client(cluster) as client:  # type: ignore[no-untyped-call]
        futures = [client.submit(_drain, store.url, actor_name, f"{host}/worker-{n + 1}",
                                 pure=False) for n in range(workers)]
        outcomes: Counter[str] = Counter()
        for future in futures:
            for job_id, outcome, worker in future.result():
                outcomes[outcome] += 1
                if progress is not None:
                    progress(worker, job_id, outcome)
    return outcomes


def _drain(url: str, actor_name: str, worker: str) -> list[tuple[int, str, str]]:
    """One Dask worker's task: claim and run jobs until none is free. A store that cannot be
    reached ends this worker's round (its job's lease runs out; nothing is lost), never the
    others'."""
    store = _stores[url]
    done: list[tuple[int, str, str]] = []
    while True:
        try:
            job_id = claim(store, worker, actor_name)
        except Exception:
            log.exception("%s: no job could be claimed", worker)
            done.append((0, "error", worker))
            return done
        if job_id is None:
            return done
        done.append((job_id, run_job(store, actor_name, job_id, worker), worker))
