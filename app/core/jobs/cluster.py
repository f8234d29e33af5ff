"""Workers on Dask distributed: ``run_workers`` starts a local cluster and has each worker take
jobs from the store's queue until none is free. Every job is claimed in the store, never
handed out by Dask, so two workers (or two machines) never run the same job, and a worker
that dies leaves its job to be taken up again once its lease runs out (at once, when it
was one of this computer's own worker processes: ``ended_workers``).

Workers are threads of this process (they share its signed-in user and its store); or, with
``processes``, worker processes: each opens the store itself and signs as the signed-in
user with the key handed to it over the cluster's own mutual TLS (temporary certificates
made for this run, so nothing else on the machine can join the cluster or read the key); or
the workers of a force's cluster joined over mutual TLS (``ClusterTls``). ``WorkerPool``
keeps a cluster for several rounds (``bwv worker --watch``)."""

from __future__ import annotations

import logging
import os
import signal
import socket
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager, suppress
from datetime import datetime
from pathlib import Path
from typing import Any

import dask
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select, text
from sqlalchemy.exc import SQLAlchemyError

from app.core.detection.network import keep_to_share, share_cores
from app.core.errors import QT_TRANSLATE_NOOP, BwvError, InvalidInputError
from app.core.jobs.ended_workers import EndedWorkers
from app.core.jobs.force_cluster import ClusterTls, join_cluster, tls_security
from app.core.jobs.fork_server import caller_environment, match_environment, use_fork_server
from app.core.jobs.head_start import HeadStart, one_at_a_time
from app.core.jobs.live_outcomes import Address, OutcomeTopic, RunOutcomes, tell
from app.core.jobs.queue import MAX_ATTEMPTS, JobState, claim, database_now, running_leases
from app.core.jobs.runner import run_job
from app.core.store.busy_retry import retry_while_busy
from app.core.store.database import Store, make_engine
from app.core.store.models import JobRecord

log = logging.getLogger(__name__)
_stores: dict[str, Store] = {}  # one per process and database
_key_users: Counter[tuple[str, str]] = Counter()  # runs using a user's key in this process
_keys_lock = threading.Lock()
_stores_lock = threading.Lock()
_stopping: set[str] = set()  # runs of thread workers stopped (Ctrl+C) in this process
WRONG_STORE = "wrong store"  # a worker opened another store than the jobs are in
ORPHAN_POLL_S = 0.1  # how often an idle worker looks again at jobs held by others (the
# batch ends this long after its last job at most: one small read a poll; it claims only
# once a lease has run out)
RESTART_POLL_S = 0.1  # how often a local run looks for a worker process started again
NO_WORKERS_TIMEOUT = "120s"
# A local cluster's settings. Its worker processes keep glibc's own memory tuning: Dask's
# Nanny sets MALLOC_TRIM_THRESHOLD_=65536 in them, which turns off glibc's sliding mmap
# threshold, so every decoded frame (megabytes) is mapped and zero-filled afresh (measured:
# each job 15 % slower, in plain processes too). Each worker runs one long task (draining
# the queue), so Dask's sampling profiler (every 10 ms, taking the GIL), its 20 ms tick check
# and its 100 ms memory monitor only take time from the jobs. A round whose workers are all
# gone fails (the pool is started again) instead of waiting for ever for a worker.
QUIET_WORKERS = {
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
    "distributed.scheduler.no-workers-timeout": NO_WORKERS_TIMEOUT,
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
}


def run_workers(store: Store, actor_name: str, workers: int = 2,
                progress: Callable[[str, int, str], None] | None = None,
                processes: bool = False, cluster: ClusterTls | None = None) -> Counter[str]:
    """Run jobs until the queue is empty; counts of outcomes. On a local cluster of
    ``workers`` Dask workers (threads, or worker processes with ``processes``), or with
    ``cluster`` on every worker of a force's cluster (mutual TLS). ``progress(worker,
    job_id, outcome)`` is called after each job. While a local cluster of worker processes
    starts, this process runs the first job itself (``HeadStart``)."""
    told = one_at_a_time(progress)
    with ExitStack() as stack:
        first = stack.enter_context(HeadStart(store, actor_name, workers, told,
                                              processes and cluster is None))
        pool = stack.enter_context(WorkerPool(store, workers, processes, cluster))
        stack.push(first.stop_if_raised)  # at once, not after the cluster has closed
        outcomes = pool.run(actor_name, told, first.ended)  # (the first worker, which
        first.wait()  # begins once it has ended, takes up a job it left queued again)
    return outcomes + first.outcomes


class WorkerPool:
    """A Dask cluster kept for several rounds of work (``bwv worker --watch``): started or
    joined once, so its start and its workers' loading of the face models are paid once,
    not every round (the speech model is loaded for each file: ``transcribe._whisper``).
    Use as a context manager; :meth:`run` drains the queue."""

    def __init__(self, store: Store, workers: int = 2, processes: bool = False,
                 cluster: ClusterTls | None = None) -> None:
        self.store, self.workers, self.processes, self.cluster = \
            store, workers, processes, cluster
        self._local: Any = None
        self._client: Any = None
        self._topic: OutcomeTopic | None = None
        self._stopped: EndedWorkers | None = None  # the workers of a run stopped part-way

    def __enter__(self) -> WorkerPool:
        from distributed import Client, LocalCluster

        _stores[self.store.url] = self.store
        if self.cluster is not None:
            security = tls_security(self.cluster)
            if self.store.engine.dialect.name != "postgresql":
                raise InvalidInputError(QT_TRANSLATE_NOOP(
                    "CoreMessages", "A force's cluster works on a shared PostgreSQL store; "
                    "this store is {url}, which the cluster's machines cannot share."),
                    url=self.store.display_url)
            self._client = join_cluster(self.cluster, security)
            self._topic = OutcomeTopic(self._client, self.store.store_id)
            return self
        share_cores(self.workers)  # each worker's networks get their share of the cores
        options: dict[str, Any] = {"processes": False}
        if self.processes:  # each worker process (and any restart of it) ignores Ctrl+C
            use_fork_server()  # first: it imports while the certificates are made
            from distributed.security import Security

            options = {"processes": True, "protocol": "tls://", "host": "127.0.0.1",
                       "security": Security.temporary(),  # type: ignore[no-untyped-call]
                       "preload": ["app.core.jobs.worker_setup"]}
        try:
            with _children_ignore_ctrl_c(self.processes), dask.config.set(QUIET_WORKERS):
                self._local = LocalCluster(  # type: ignore[no-untyped-call]
                    n_workers=self.workers, threads_per_worker=1, dashboard_address=None,
                    # its health page on a free port: a second run beside it (another
                    # `bwv worker`) would find 8787 taken and print a warning
                    scheduler_kwargs={"dashboard_address": ":0"}, **options)
            self._client = Client(  # type: ignore[no-untyped-call]
                self._local, security=options.get("security"))
            self._topic = OutcomeTopic(self._client, self.store.store_id)
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._topic is not None:
            self._topic.close()
            self._topic = None
        for part in (self._client, self._local):
            if part is not None:
                part.close()
        self._client = self._local = None
        if self._stopped is not None:  # a run stopped part-way: its workers' running
            self._stopped.put_back_their_jobs()  # jobs are queued again, as with threads
            self._stopped = None

    def run(self, actor_name: str, progress: Callable[[str, int, str], None] | None = None,
            first_after: Callable[[], bool] | None = None) -> Counter[str]:
        """Drain the queue as ``actor_name`` on every worker; counts of outcomes. With
        ``first_after`` (worker processes), the first worker is given work only once it
        returns True (a ``HeadStart`` job runs in its place meanwhile)."""
        store, client, topic = self.store, self._client, self._topic
        if client is None or topic is None:
            raise RuntimeError("WorkerPool.run is called inside its with-block")
        key = _raw_key(store, actor_name) if self.processes or self.cluster else None
        if self.cluster is None and len(client.scheduler_info()["workers"]) < self.workers:
            raise BwvError(QT_TRANSLATE_NOOP(
                "CoreMessages", "A worker of this computer's cluster stopped and was not "
                "started again; the cluster is started afresh."))
        with topic.run(progress) as live:  # each job's outcome as it ends
            if self.cluster is not None:
                return _collect(client, _on_every_worker(client, store, actor_name, key,
                                                         live.address), live)
            if self.processes:
                from distributed import Event

                # the jobs see this process's environment as it is now, and what Dask sets
                environ = caller_environment()

                def drain(n: int, gate: str | None = None, **where: Any) -> Any:
                    return client.submit(_drain_in_process, store.url, str(store.data_dir),
                                         store.store_id, actor_name, key, f"process-{n + 1}",
                                         n, self.workers, environ, live.address, gate,
                                         pure=False, **where)

                def placed(address: str, n: int, gate: str | None = None) -> Any:
                    return drain(n, gate, workers=[address], allow_other_workers=True)

                ended = EndedWorkers(store, lambda: list(self._local.workers.values())
                                     if self._local is not None else [], actor_name)
                at = _by_number(client)
                # the first worker's drain waits (busy, so Dask gives it nothing else) until
                # first_after() opens its gate
                gates = [f"first-job-{uuid.uuid4().hex}"] if first_after and 0 in at else []
                futures = [placed(at[n], n, gates[0] if gates and n == 0 else None)
                           if n in at else drain(n) for n in range(self.workers)]
                restarted = _restarted(client, placed, self.workers * MAX_ATTEMPTS)

                def joined() -> list[Any]:
                    if gates and first_after is not None and first_after():
                        Event(gates.pop(), client=client).set()  # type: ignore[no-untyped-call]
                    return restarted()
                try:
                    return _collect(client, futures, live, joined, ended.free_their_jobs)
                except BaseException:  # Ctrl+C: once the cluster has stopped its worker
                    self._stopped = ended  # processes, their jobs are queued (__exit__)
                    raise
            host, run_id = f"{socket.gethostname()}:{os.getpid()}", uuid.uuid4().hex
            try:
                return _collect(client, [client.submit(_drain_here, store.url, actor_name,
                                                       f"{host}/worker-{n + 1}", live.address,
                                                       run_id, pure=False)
                                         for n in range(self.workers)], live)
            except BaseException:  # Ctrl+C: the drains, threads of this process, stop
                _stopping.add(run_id)  # and their running jobs go back to the queue
                raise


@contextmanager
def _children_ignore_ctrl_c(processes: bool) -> Iterator[None]:
    """Start worker processes with Ctrl+C ignored (they inherit it): the command that owns
    them stops them by closing the cluster, instead of every process printing its own
    interruption. Only the main thread can change it; elsewhere nothing changes."""
    if not processes or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _raw_key(store: Store, actor_name: str) -> bytes | None:
    """The signed-in user's opened signing key as raw bytes, for worker processes (None: the
    account has no key)."""
    opened = store.signers.get(actor_name)
    if opened is None:
        return None
    raw: bytes = opened.private_bytes(serialization.Encoding.Raw,
                                      serialization.PrivateFormat.Raw,
                                      serialization.NoEncryption())
    return raw


def _on_every_worker(client: Any, store: Store, actor_name: str,
                     key: bytes | None, told: Address | None) -> list[Any]:
    """One draining task pinned to each worker of the cluster; each host's workers share its
    cores."""
    members = client.scheduler_info()["workers"]
    if not members:
        raise BwvError(QT_TRANSLATE_NOOP(
            "CoreMessages", "The cluster at {address} has no workers."),
            address=client.scheduler.address)
    hosts: dict[str, list[str]] = {}
    for address, info in sorted(members.items()):
        hosts.setdefault(str(info.get("host", address)), []).append(address)
    return [client.submit(_drain_in_process, store.url, str(store.data_dir), store.store_id,
                          actor_name, key, f"process-{n + 1}", n, len(on_host), None,
                          told, workers=[address],
                          allow_other_workers=False, pure=False)
            for on_host in hosts.values() for n, address in enumerate(on_host)]


def _by_number(client: Any) -> dict[int, str]:
    """The address of each of a local cluster's workers by its number (its name: 0, 1, ...;
    the share of the cores its process keeps to)."""
    return {int(name): address for address, info in client.scheduler_info()["workers"].items()
            if (name := str(info.get("name", ""))).isdigit()}


def _restarted(client: Any, drain: Callable[[str, int], Any],
               most: int) -> Callable[[], list[Any]]:
    """New drain tasks for worker processes started again since the last call (a Nanny
    restarts a worker that died, under its old name), at most ``most`` in all. Dask gives
    the dead worker's own task to a worker that has a free thread, else queues it behind a
    busy worker's drain until work stealing moves it (about 1.5 s measured here): this
    gives the restarted worker work at once."""
    known = set(client.scheduler_info()["workers"])
    given = [0]

    def joined() -> list[Any]:
        workers = client.scheduler_info()["workers"]
        new = sorted(set(workers) - known)[:max(0, most - given[0])]
        known.update(new)
        given[0] += len(new)
        names = [str(workers[address].get("name", "")) for address in new]
        return [drain(address, int(name) if name.isdigit() else 0)
                for address, name in zip(new, names, strict=True)]
    return joined


def _all_done(client: Any, futures: list[Any], joined: Callable[[], list[Any]],
              polled: Callable[[], object]) -> list[Any]:
    """Wait for ``futures`` and for the tasks ``joined`` adds meanwhile; all of them, in the
    order they finished. ``polled`` is called at every poll (outcomes passed on as they
    come; the jobs of worker processes that ended freed)."""
    from distributed import wait

    pending, finished = list(futures), []
    while pending:
        # Dask's wait uses the current client, not the futures' own
        with client.as_current(), suppress(TimeoutError):
            wait(pending, timeout=RESTART_POLL_S,  # type: ignore[no-untyped-call]
                 return_when="FIRST_COMPLETED")
        polled()
        done = [f.done() for f in pending]  # looked at once: one may finish meanwhile
        finished += [f for f, d in zip(pending, done, strict=True) if d]
        pending = [f for f, d in zip(pending, done, strict=True) if not d] + joined()
    return finished


def _collect(client: Any, futures: list[Any], live: RunOutcomes,
             joined: Callable[[], list[Any]] | None = None,
             reap: Callable[[], object] | None = None) -> Counter[str]:
    """Every drain task's outcomes (passed on by ``live`` as they come, the rest at the
    end); with ``joined``, tasks for workers that joined while they ran are added (see
    ``_restarted``), and ``reap`` is called while they run."""
    def polled() -> None:
        if reap is not None:
            reap()
        live.deliver()

    return _tally([f.result() for f in _all_done(client, futures, joined or list, polled)],
                  live)


def _tally(lists: list[list[tuple[int, str, str]]], live: RunOutcomes) -> Counter[str]:
    """Counts of the outcomes in the drains' ``lists`` (and of those ``live`` heard that no
    list holds); a worker that opened another store than the jobs' fails the run."""
    outcomes: Counter[str] = Counter()
    ended: list[tuple[str, int, str]] = []
    elsewhere: list[str] = []
    for job_id, outcome, worker in (item for listed in lists for item in listed):
        if outcome == WRONG_STORE:
            elsewhere.append(worker.split("/")[0])
            continue
        outcomes[outcome] += 1
        ended.append((worker, job_id, outcome))
    for _worker, _job_id, outcome in live.settle(ended):  # told, then its drain was lost
        outcomes[outcome] += 1
    if elsewhere:
        raise BwvError(QT_TRANSLATE_NOOP(
            "CoreMessages", "The cluster's workers on {hosts} opened another store than the "
            "one the jobs are in: give every machine the same PostgreSQL server by a name "
            "they all reach (not localhost)."), hosts=", ".join(sorted(set(elsewhere))))
    return outcomes


def _drain_in_process(url: str, data_dir: str, store_id: str, actor_name: str,
                      key: bytes | None, worker: str, number: int, workers: int,
                      environ: dict[str, str] | None = None, told: Address | None = None,
                      gate: str | None = None) -> list[tuple[int, str, str]]:
    """A worker process's task: keep to its share of the cores, open the store once per
    process (after checking, without changing anything, that it is the store the jobs are
    in), sign as ``actor_name`` with ``key`` (None: the account has no signing key), then
    drain the queue as ``host:pid/worker`` (the process itself, for the job rows), telling
    each outcome to the run at ``told``; with ``gate``, once that Dask event is set (the
    run's ``HeadStart`` job, in this worker's place, has ended)."""
    if worker.startswith("process-"):  # named after the Dask worker it runs on (kept when
        worker = f"process-{_own_number(number, workers) + 1}"  # its Nanny restarts it)
    worker = f"{socket.gethostname()}:{os.getpid()}/{worker}"
    if environ is not None:
        match_environment(environ)
    with _stores_lock:  # tasks side by side in one process share one store
        store = _stores.get(url)
        if store is None:
            if _store_id_at(url) != store_id:
                return [(0, WRONG_STORE, worker)]
            keep_to_share(_own_number(number, workers), workers)
            store = _stores[url] = Store(url, Path(data_dir))
            share_cores(workers)
    if store.store_id != store_id:
        return [(0, WRONG_STORE, worker)]
    if gate is not None:
        from distributed import Event

        Event(gate).wait()  # type: ignore[no-untyped-call]
    if key is None:
        return _drain(store, actor_name, worker, told)
    with _keys_lock:  # runs of one user side by side in this process share the key
        _key_users[(url, actor_name)] += 1
        store.signers[actor_name] = Ed25519PrivateKey.from_private_bytes(key)
    try:
        return _drain(store, actor_name, worker, told)
    finally:  # a force's workers outlive the run: the key does not stay with them
        with _keys_lock:
            _key_users[(url, actor_name)] -= 1
            if _key_users[(url, actor_name)] <= 0:
                del _key_users[(url, actor_name)]
                store.signers.pop(actor_name, None)


def _store_id_at(url: str) -> str | None:
    """The id of the store at ``url``, read without migrating or writing anything (None:
    no store there, or not one this reads)."""
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            value = conn.execute(text("SELECT value FROM store_info WHERE key = 'store_id'")
                                 ).scalar()
        return str(value) if value is not None else None
    except SQLAlchemyError:
        return None
    finally:
        engine.dispose()


def _own_number(given: int, workers: int) -> int:
    """This worker's place among its host's workers: a local cluster's worker's own name
    (0, 1, ...; kept when its Nanny restarts it), else the number its task was given."""
    from distributed import get_worker

    try:
        name = str(get_worker().name)
    except ValueError:  # not inside a Dask worker
        return given
    return int(name) if name.isdigit() and int(name) < workers else given


def _drain_here(url: str, actor_name: str, worker: str, told: Address | None = None,
                run_id: str = "") -> list[tuple[int, str, str]]:
    """A thread worker's task: drain the queue with this process's store (until its run is
    stopped)."""
    return _drain(_stores[url], actor_name, worker, told, lambda: run_id in _stopping)


def _drain(store: Store, actor_name: str, worker: str, told: Address | None = None,
           stopping: Callable[[], bool] = lambda: False) -> list[tuple[int, str, str]]:
    """One Dask worker's task: claim and run jobs until none is free, nor held by a worker
    that may have died (``_orphan_wait``), or its run is ``stopping()``. A busy store is
    waited out (``busy_retry``); one that cannot be reached ends this worker's round (its
    lease runs out; nothing is lost)."""
    done: list[tuple[int, str, str]] = []
    first_seen: dict[int, datetime] = {}
    while not stopping():
        try:
            job_id = retry_while_busy(lambda: claim(store, worker, actor_name),
                                      f"{worker}: claiming a job", stopping=stopping)
            wait = _orphan_wait(store, first_seen) if job_id is None else 0.0
            while job_id is None and wait and not stopping():  # read, not claim (a write),
                time.sleep(wait)  # until a lease is due or every running job was seen renewed
                wait = _orphan_wait(store, first_seen)
        except Exception:
            if stopping():  # (stopped while the store was busy: nothing claimed)
                return done
            log.exception("%s: no job could be claimed", worker)
            done.append((0, "error", worker))
            return done
        if job_id is None and wait is None:
            return done
        if job_id is None:
            continue
        done.append((job_id, run_job(store, actor_name, job_id, worker, stopping), worker))
        tell(told, worker, job_id, done[-1][1])
    return done


def _orphan_wait(store: Store, first_seen: dict[int, datetime]) -> float | None:
    """Nothing free to claim: how long to wait before trying again, or None to stop. A job
    still running whose lease has not been renewed since this worker first saw it may be
    a dead worker's: wait for its lease to run out (then it is claimed here), polling so a
    job that simply finishes ends the wait. Once every running job has been seen renewed,
    its worker is alive: stop. A job queued meanwhile is claimed at once (0)."""
    with store.read() as session:
        leases = running_leases(session)
        now = database_now(session)
        queued = session.scalar(select(JobRecord.id).where(
            JobRecord.state == JobState.QUEUED.value).limit(1))
    if queued is not None:  # queued (or retried) while this worker waited: claim it
        return 0.0
    for job_id, until in leases.items():
        first_seen.setdefault(job_id, until)
    unrenewed = [until for job_id, until in leases.items() if until <= first_seen[job_id]]
    if not unrenewed:
        return None
    return max(0.0, min(ORPHAN_POLL_S, (min(unrenewed) - now).total_seconds() + 0.05))
