"""While a local cluster of worker processes starts, the calling process runs the first job
(``jobs.head_start``) in the first worker's place: it starts before any worker process claims
one, no more jobs run at once than there are workers, each is done exactly once, and a run
stopped meanwhile puts it back in the queue with its try not counted."""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

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


def _queue(store: Store, clips: list[Path], preset: str) -> list[int]:
    ids = [r.footage_id for r in ingest_paths(store, "tester", clips) if r.footage_id]
    with store.transaction() as session:
        return queue_jobs(session, resolve_actor(session, "tester"), ids, JobKind.DETECT,
                          preset)


def test_the_first_job_runs_here_while_the_cluster_starts(store: Store,
                                                          tmp_path: Path) -> None:
    longer = make_video(tmp_path / "longer.mp4", frames=300, size=(640, 360), fps=25)
    jobs = _queue(store, [longer] + [make_video(tmp_path / f"c{i}.mp4", frames=10 + i)
                                     for i in range(3)], "fast")  # the first outlasts the
    # cluster's start
    told: list[tuple[str, int, str]] = []
    outcomes = run_workers(store, "tester", workers=2, processes=True,
                           progress=lambda w, j, o: told.append((w, j, o)))
    assert outcomes == Counter(done=4)
    with store.read() as session:
        rows = {j.id: j for j in list_jobs(session)}
        runs = list(session.scalars(select(AuditEvent).where(
            AuditEvent.action == "detection.run")))
    here = [j for j in rows.values() if f":{os.getpid()}/first-job" in j.worker]
    elsewhere = [j for j in rows.values() if j not in here]
    assert [j.id for j in here] == [jobs[0]]  # the oldest job, and only that one
    assert elsewhere and all("/process-" in j.worker for j in elsewhere)
    assert here[0].started_at < min(j.started_at for j in elsewhere)  # while it started
    # it runs in the first worker's place: that worker is given work once it has ended, so
    # no more jobs run at once than there are workers
    edges = sorted([(j.started_at, 1) for j in rows.values()]
                   + [(j.finished_at, -1) for j in rows.values()])
    running = [sum(step for _t, step in edges[:k + 1]) for k in range(len(edges))]
    assert max(running) <= 2, [(j.worker, j.started_at, j.finished_at) for j in rows.values()]
    assert sorted(j for _w, j, _o in told) == sorted(jobs)  # each told once
    assert all(j.state == "done" and j.attempts == 1 for j in rows.values())
    assert len(runs) == 4 and audit.verify(store).ok


def test_a_run_stopped_while_the_first_job_runs_queues_it_again(store: Store,
                                                                tmp_path: Path) -> None:
    """Ctrl+C reaches the run (here: from the first outcome a worker process tells) while
    this process's long first job still runs: it stops at its next check and goes back to
    the queue, its try not counted, as a stopped thread worker's job does."""
    long = make_video(tmp_path / "long.mp4", frames=600, size=(640, 360), fps=25)
    first, *_short = _queue(store, [long] + [make_video(tmp_path / f"s{i}.mp4", frames=8 + i)
                                             for i in range(2)], "balanced")

    def stop(worker: str, _job: int, _outcome: str) -> None:
        if f":{os.getpid()}/" not in worker:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_workers(store, "tester", workers=2, processes=True, progress=stop)
    with store.read() as session:
        job = {j.id: j for j in list_jobs(session)}[first]
        events = {action: [json.loads(e.details) for e in session.scalars(
            select(AuditEvent).where(AuditEvent.action == action,
                                     AuditEvent.object_id == str(first))
            .order_by(AuditEvent.seq))]
            for action in ("job.start", "job.queued")}
    started, back = events["job.start"], events["job.queued"]
    assert started[0]["worker"].endswith(f":{os.getpid()}/first-job")  # (queued again at
    # once, a worker process still running may take it up before the cluster closes)
    assert (job.state, job.attempts, job.worker, job.lease_until) == ("queued", 0, "", None)
    assert back and back[-1]["interrupted"] is True
    assert audit.verify(store).ok
