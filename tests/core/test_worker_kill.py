"""A worker process killed mid-job in the middle of a batch: the job is taken up again in the
same run at once (not when its lease runs out), every job is done exactly once, the chain
stays intact."""

from __future__ import annotations

import json
import os
import signal
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import psutil
import pytest
from sqlalchemy import select

from app.core.jobs.cluster import run_workers
from app.core.jobs.queue import JobKind, list_jobs, queue_jobs
from app.core.library.ingest import ingest_paths
from app.core.people.users import resolve_actor
from app.core.store import audit
from app.core.store.database import Store
from app.core.store.models import AuditEvent
from tests.conftest import make_video


def test_a_batch_survives_a_worker_killed_mid_job(store: Store, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BWV_JOB_LEASE_S", raising=False)  # the default lease: two minutes
    clips = [make_video(tmp_path / f"c{i}.mp4", frames=120 + i, size=(640, 360), fps=25)
             for i in range(4)]
    ids = [r.footage_id for r in ingest_paths(store, "tester", clips) if r.footage_id]
    with store.transaction() as session:
        queue_jobs(session, resolve_actor(session, "tester"), ids, JobKind.DETECT, "balanced")
    outcome: dict[str, Counter[str]] = {}
    told: list[int] = []
    born: dict[str, tuple[str, float]] = {}  # worker -> (its label, when its process began)

    def progress(worker: str, job: int, _outcome: str) -> None:
        told.append(job)
        pid, label = worker.split("/")[0].rsplit(":", 1)[1], worker.split("/")[1]
        if int(pid) != os.getpid():  # a worker process's (not this process's first job)
            born.setdefault(worker, (label, psutil.Process(int(pid)).create_time()))

    run = threading.Thread(target=lambda: outcome.update(
        done=run_workers(store, "tester", workers=2, processes=True, progress=progress)))
    run.start()
    victim = None
    deadline = time.monotonic() + 120
    while victim is None and time.monotonic() < deadline:
        with store.read() as session:
            running = [j for j in list_jobs(session) if j.state == "running"  # a worker
                       and f":{os.getpid()}/" not in j.worker]  # process's, not the head start's
        if running:
            time.sleep(0.5)  # well into its detection
            victim = running[0]
        time.sleep(0.1)
    assert victim is not None
    killed_pid = int(victim.worker.split("/")[0].rsplit(":", 1)[1])
    killed_born = psutil.Process(killed_pid).create_time()  # with the cluster, as the other
    os.kill(killed_pid, signal.SIGKILL)
    run.join(timeout=110)  # before the killed job's lease (120 s) runs out: the run saw
    assert not run.is_alive()  # its worker process end and freed the job (about 20 s on a
    # quiet machine; over 60 s once in CI with other tests on both cores)
    with store.read() as session:
        jobs = list_jobs(session)
        starts = list(session.scalars(select(AuditEvent).where(
            AuditEvent.action == "job.start")))
        runs = list(session.scalars(select(AuditEvent).where(
            AuditEvent.action == "detection.run")))
    assert [j.state for j in jobs] == ["done"] * 4
    assert outcome["done"] == Counter(done=4) and sorted(told) == sorted(j.id for j in jobs)
    assert {j.id: j.attempts for j in jobs}[victim.id] == 2  # taken up again, in this run
    assert sum(j.attempts for j in jobs) == 5 and len(starts) == 5
    taken = [json.loads(e.details) for e in starts if e.object_id == str(victim.id)]
    assert [t.get("taken_from") for t in taken] == [None, victim.worker]
    # each process is labelled after its Dask worker (process-1, process-2): the other
    # worker's process never shares the killed one's label, and the process its Nanny
    # started again in its place takes that label (not the label of a drain's number)
    killed_label = victim.worker.split("/")[1]
    assert set(born) and all(label in ("process-1", "process-2") for label, _ in born.values())
    for worker, (label, created) in born.items():
        restarted = created > killed_born + 0.5  # its Nanny started it after the kill (the
        # first two began together; the kill came at least 0.5 s into a job)
        assert (label == killed_label) == restarted, (worker, victim.worker, born)
    assert sorted(e.footage_id or 0 for e in runs) == sorted(ids)  # each detected once
    # this process ran the first job in the first worker's place, and the killed worker's
    # drain was not moved onto that worker meanwhile: never more jobs at once than workers
    edges = sorted([(j.started_at, 1) for j in jobs] + [(j.finished_at, -1) for j in jobs])
    assert max(sum(step for _t, step in edges[:k + 1]) for k in range(len(edges))) <= 2
    assert audit.verify(store).ok


def _worker_state() -> tuple[str | None, bool, bool]:
    """In a worker process: its trim threshold, whether Dask profiles it, whether matplotlib
    was imported."""
    import dask

    return (os.environ.get("MALLOC_TRIM_THRESHOLD_"),
            bool(dask.config.get("distributed.worker.profile.enabled")),
            "matplotlib" in sys.modules)


def test_a_worker_pool_is_kept_between_rounds(store: Store, tmp_path: Path) -> None:
    """bwv worker --watch keeps its cluster: the same worker process runs later rounds (its
    start and its models are paid once)."""
    from app.core.jobs.cluster import WorkerPool

    clips = [make_video(tmp_path / f"r{i}.mp4", frames=8 + i) for i in range(2)]
    ids = [r.footage_id for r in ingest_paths(store, "tester", clips) if r.footage_id]
    seen: list[str] = []
    with WorkerPool(store, workers=1, processes=True) as pool:
        for footage in ids:  # one round per new item, as the watch loop does
            with store.transaction() as session:
                queue_jobs(session, resolve_actor(session, "tester"), [footage],
                           JobKind.DETECT, "fast")
            assert pool.run("tester", lambda w, _j, _o: seen.append(w)) == Counter(done=1)
        states = pool._client.run(_worker_state)
    assert len(seen) == 2 and seen[0] == seen[1]  # one process, host:pid/process-1
    # the worker process keeps glibc's memory tuning as this process has it (Dask's Nanny
    # would set a trim threshold that made each job 15 % slower; another test's cluster may
    # have left one in this process's environment), runs no sampling profiler, and
    # detected faces without importing matplotlib (mediapipe's drawing helpers)
    assert list(states.values()) == [(os.environ.get("MALLOC_TRIM_THRESHOLD_"), False, False)]
    assert audit.verify(store).ok


def _main_modules() -> tuple[int, bool]:
    """In a worker process: its parent's pid, and whether the fork server's preload is in
    it."""
    return os.getppid(), "app.core.jobs.worker_preload" in sys.modules


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the fork server is Linux's")
def test_a_killed_worker_process_is_forked_again_and_given_its_own_drain(store: Store) -> None:
    """Worker processes are forked from a fork server that imported the job code once, so a
    Nanny restarts a killed one in a moment; the restarted worker is given its own drain task
    at once (Dask would queue the dead worker's task behind the other worker's drain), and
    no more than the cap allows."""
    from app.core.jobs.cluster import WorkerPool, _restarted

    with WorkerPool(store, workers=2, processes=True) as pool:
        client = pool._client
        first = client.run(_main_modules)
        assert all(parent != os.getpid() and preloaded for parent, preloaded in first.values())
        joined = _restarted(client, lambda address, n: (address, n), 1)
        assert joined() == []
        victims = sorted(first)
        names = {a: client.scheduler_info()["workers"][a]["name"] for a in victims}
        pids = client.run(os.getpid)
        os.kill(pids[victims[0]], signal.SIGKILL)
        new: list[tuple[str, int]] = []
        deadline = time.monotonic() + 30
        while not new and time.monotonic() < deadline:
            time.sleep(0.05)
            new = joined()
        assert len(new) == 1 and new[0][0] not in first  # the new process, under its name
        assert new[0][1] == int(names[victims[0]])
        assert client.run(_main_modules, workers=[new[0][0]])[new[0][0]][1]
        os.kill(pids[victims[1]], signal.SIGKILL)  # a second restart: over the cap of 1
        deadline = time.monotonic() + 30
        while len(client.scheduler_info()["workers"]) < 2 or set(
                client.scheduler_info()["workers"]) == {victims[1], new[0][0]}:
            assert time.monotonic() < deadline
            time.sleep(0.05)
        assert joined() == []


def _lease_setting() -> str | None:
    return os.environ.get("BWV_JOB_LEASE_S")


def test_jobs_in_worker_processes_see_the_environment_of_the_run(
        store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker process forked from the fork server starts with the server's environment,
    taken when it started; the jobs of a run see the caller's, as it is at the run."""
    from app.core.jobs.cluster import WorkerPool

    (item,) = ingest_paths(store, "tester", [make_video(tmp_path / "e.mp4", frames=8)])
    with WorkerPool(store, workers=1, processes=True) as pool:
        monkeypatch.setenv("BWV_JOB_LEASE_S", "7")  # after the worker was forked
        assert list(pool._client.run(_lease_setting).values()) != ["7"]
        with store.transaction() as session:
            queue_jobs(session, resolve_actor(session, "tester"), [item.footage_id],
                       JobKind.DETECT, "fast")
        assert pool.run("tester") == Counter(done=1)
        assert list(pool._client.run(_lease_setting).values()) == ["7"]
        monkeypatch.delenv("BWV_JOB_LEASE_S")
        with store.transaction() as session:
            queue_jobs(session, resolve_actor(session, "tester"), [item.footage_id],
                       JobKind.TRANSCRIBE, "fast")
        pool.run("tester")
        assert list(pool._client.run(_lease_setting).values()) == [None]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the fork server is Linux's")
def test_a_fork_server_started_in_a_folder_holding_an_app_package_imports_this_one(
        store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Python 3.11's fork server puts the current folder first on its path: started where
    another project's ``app`` package lies, it must still import this one."""
    from multiprocessing import forkserver

    from app.core.jobs.cluster import WorkerPool

    (item,) = ingest_paths(store, "tester", [make_video(tmp_path / "f.mp4", frames=8)])
    stray = tmp_path / "elsewhere"
    (stray / "app").mkdir(parents=True)
    (stray / "app" / "__init__.py").write_text("raise ImportError('the wrong app')\n")
    forkserver._forkserver._stop()  # type: ignore[attr-defined]  # started afresh, here
    monkeypatch.chdir(stray)
    with WorkerPool(store, workers=1, processes=True) as pool:
        with store.transaction() as session:
            queue_jobs(session, resolve_actor(session, "tester"), [item.footage_id],
                       JobKind.DETECT, "fast")
        assert pool.run("tester") == Counter(done=1)
        assert all(preloaded for _parent, preloaded in pool._client.run(_main_modules).values())


def test_a_stopped_run_of_thread_workers_puts_its_running_job_back(store: Store,
                                                                   tmp_path: Path) -> None:
    """Ctrl+C in `bwv worker` (threads): the drains stop claiming, the jobs still running
    stop at their next check and go back to the queue with their tries not counted, and the
    run ends within seconds instead of running (or waiting for) the rest of the queue."""
    from app.core.jobs.cluster import WorkerPool

    clips = [make_video(tmp_path / "short.mp4", frames=12),
             make_video(tmp_path / "long.mp4", frames=400, size=(640, 360), fps=25),
             make_video(tmp_path / "later.mp4", frames=401, size=(640, 360), fps=25)]
    ids = [r.footage_id for r in ingest_paths(store, "tester", clips) if r.footage_id]
    with store.transaction() as session:
        queue_jobs(session, resolve_actor(session, "tester"), ids, JobKind.DETECT, "balanced")

    def first_outcome(_worker: str, _job: int, _outcome: str) -> None:
        raise KeyboardInterrupt  # as Ctrl+C reaches the run's thread

    with WorkerPool(store, workers=2, processes=False) as pool, \
            pytest.raises(KeyboardInterrupt):
        pool.run("tester", first_outcome)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        with store.read() as session:
            jobs = {j.footage_id: j for j in list_jobs(session)}
        if all(j.state != "running" for j in jobs.values()):
            break
        time.sleep(0.1)
    by_clip = dict(zip(("short", "long", "later"), ids, strict=True))
    assert jobs[by_clip["short"]].state == "done"
    long_job, later = jobs[by_clip["long"]], jobs[by_clip["later"]]
    assert (long_job.state, long_job.attempts, long_job.worker) == ("queued", 0, "")
    assert (later.state, later.attempts) == ("queued", 0)  # stopped too, or never started
    with store.read() as session:
        back = [json.loads(e.details) for e in session.scalars(select(AuditEvent).where(
            AuditEvent.action == "job.queued", AuditEvent.object_id == str(long_job.id)))]
    assert back and back[-1].get("interrupted") is True
    assert audit.verify(store).ok
