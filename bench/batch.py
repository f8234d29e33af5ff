"""Batch detection through ``bwv worker``'s Dask cluster (issue 19's scheduling target).

    .venv/bin/python bench/batch.py [--clips 20] [--loops 4] [--workers 2] [--preset fast]
                                    [--database sqlite|postgresql]

Makes ``--clips`` short real clips (the test data's 2.9 s walking clip played ``--loops``
times over, each re-encoded with a different first frame so every copy is its own footage
item), queues a detect job for each,
then measures:

* the sum of single-job times: each job run alone, one after another, in this process,
  once with all cores per job and on the share of the cores a worker gets (the process
  pinned to cores / workers of them with ``sched_setaffinity``, and the networks' threads
  set to match by ``share_cores``) twice, before and after the batches (a machine that
  warms up runs a few per cent slower minutes later; the drift is printed): the baseline
  is the mean of the two pinned sums;
* the same jobs (queued again, detection not reused) through ``run_workers`` with
  ``--workers`` Dask workers, as threads and as worker processes (over TLS): the wall time
  with the cluster's start, and the jobs' span from the first claim to the last outcome.

Target: the batch's wall time within 1.2x of (sum of single-job times at a worker's share
of the cores / workers), i.e. no scheduling waste; every job
done exactly once (one ``detection.run`` audit event per item), the audit chain intact.
A third batch on worker processes has one worker process killed (SIGKILL) during its first
job: its job is taken up again in the same run as soon as the run sees the process end (the
default two-minute lease is kept), and every job is done exactly once (also
tests/core/test_worker_kill.py).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import tempfile
import threading
import time
from collections import Counter
from contextlib import ExitStack
from multiprocessing import forkserver
from pathlib import Path

import av
import numpy as np
from sqlalchemy import delete, func, select

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.core.detection.network import share_cores
from app.core.jobs.cluster import run_workers
from app.core.jobs.queue import JobKind, claim, queue_jobs
from app.core.jobs.runner import run_job
from app.core.library.ingest import ingest_paths
from app.core.people.users import resolve_actor
from app.core.store import audit
from app.core.store.database import Store
from app.core.store.models import AuditEvent, DetectionRunRecord, JobRecord
from tests import pg_server

CLIP = Path(__file__).resolve().parents[2] / "shared" / "testdata" / "videos" / \
    "intel_face-demographics-walking.mp4"


def copies(n: int, folder: Path, loops: int = 1) -> list[Path]:
    """``n`` distinct files of the same clip played ``loops`` times over (a mark in one
    corner of the first frame)."""
    with av.open(str(CLIP)) as inp:
        vin = inp.streams.video[0]
        rate, width, height = vin.average_rate, vin.width, vin.height
        frames = [f.to_ndarray(format="rgb24") for f in inp.decode(vin)] * loops
    out = []
    for i in range(n):
        path = folder / f"walk{i:02d}.mp4"
        with av.open(str(path), "w") as outc:
            vout = outc.add_stream("libx264", rate=rate)
            vout.width, vout.height, vout.pix_fmt = width, height, "yuv420p"
            for k, rgb in enumerate(frames):
                if k == 0:
                    rgb = rgb.copy()
                    rgb[:2, :2 + i] = 255
                new = av.VideoFrame.from_ndarray(np.ascontiguousarray(rgb), format="rgb24")
                new.pts, new.time_base = k, 1 / rate
                outc.mux(vout.encode(new))
            outc.mux(vout.encode())
        out.append(path)
    return out


def last_seq(store: Store) -> int:
    with store.read() as session:
        return int(session.scalar(select(func.max(AuditEvent.seq))) or 0)


def detection_seconds(store: Store, after: int) -> list[float]:
    """How long detection itself took in each job since audit event ``after`` (the
    ``elapsed_s`` of its ``detection.run`` event), to tell detection from the rest."""
    with store.read() as session:
        rows = session.scalars(select(AuditEvent.details).where(
            AuditEvent.seq > after, AuditEvent.action == "detection.run"))
        return sorted(float(json.loads(d)["elapsed_s"]) for d in rows)


def killing_one(store: Store, workers: int) -> tuple[Counter[str], str]:
    """Run the batch on worker processes and SIGKILL the worker process of the first job
    one has run for 0.2 s (not this process's head start); the outcomes and what was
    killed."""
    result: dict[str, Counter[str]] = {}
    run = threading.Thread(target=lambda: result.update(
        done=run_workers(store, "bench", workers, processes=True)))
    run.start()
    killed = "nothing (the batch ended first)"
    while run.is_alive():
        with store.read() as session:
            job = session.scalars(select(JobRecord).where(
                JobRecord.state == "running",
                JobRecord.worker.not_like(f"%:{os.getpid()}/%")).order_by(JobRecord.id)).first()
            worker = job.worker if job is not None else ""
        if worker:
            time.sleep(0.2)
            os.kill(int(worker.split("/")[0].rsplit(":", 1)[1]), signal.SIGKILL)
            killed = f"{worker} during job {job.id if job else '?'}"
            break
        time.sleep(0.05)
    run.join()
    return result["done"], killed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clips", type=int, default=20)
    parser.add_argument("--loops", type=int, default=4,
                        help="each clip plays the 35-frame (2.9 s) walking clip this many "
                             "times over (default 4: 11.7 s clips)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--preset", default="fast")
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name, ExitStack() as stack:
        tmp = Path(tmp_name)
        url = f"sqlite:///{tmp / 'batch.sqlite3'}"
        if args.database == "postgresql":
            url = stack.enter_context(pg_server.private_server())
        store = Store(url, tmp / "data")
        clips = copies(args.clips, tmp, args.loops)
        ids = [r.footage_id for r in ingest_paths(store, "bench", clips)
               if r.footage_id is not None]

        def queue() -> list[int]:
            with store.transaction() as session:
                session.execute(delete(DetectionRunRecord))  # nothing reused
                return queue_jobs(session, resolve_actor(session, "bench"), list(ids),
                                  JobKind.DETECT, args.preset)

        def alone() -> list[float]:
            """Each job's time alone: its claim, its run and its outcome, as a worker does."""
            queue()
            times = []
            while True:
                start = time.perf_counter()
                job = claim(store, "alone", "bench")
                if job is None:
                    return times
                assert run_job(store, "bench", job, "alone") == "done"
                times.append(time.perf_counter() - start)

        whole = alone()  # each job with every core
        share_cores(args.workers)  # as run_workers gives each worker its share
        cores = os.sched_getaffinity(0)
        share = set(sorted(cores)[:max(1, len(cores) // args.workers)])

        def pinned() -> list[float]:
            os.sched_setaffinity(0, share)  # and no more: its threads on its share
            try:
                return alone()
            finally:
                os.sched_setaffinity(0, cores)

        mark = last_seq(store)
        single = pinned()
        detecting = {"alone, pinned": detection_seconds(store, mark)}
        rows = []
        os.environ.pop("BWV_JOB_LEASE_S", None)  # the default lease (two minutes): a killed
        killed = ""  # worker's job is freed when the run sees its process end
        for label, processes, kill in (("threads", False, False),
                                       ("processes (TLS)", True, False),
                                       ("processes, one killed mid-run", True, True)):
            jobs = queue()
            mark = last_seq(store)
            if processes:  # each batch starts cold, as a new `bwv worker` does: its fork
                forkserver._forkserver._stop()  # server imports the job code afresh
            start = time.perf_counter()
            if kill:
                outcomes, killed = killing_one(store, args.workers)
            else:
                outcomes = run_workers(store, "bench", args.workers, processes=processes)
            wall = time.perf_counter() - start
            with store.read() as session:
                began, ended = session.execute(select(
                    func.min(JobRecord.started_at), func.max(JobRecord.finished_at))
                    .where(JobRecord.id.in_(jobs))).one()
                spans = session.execute(select(JobRecord.worker, JobRecord.started_at,
                                               JobRecord.finished_at)
                                        .where(JobRecord.id.in_(jobs))
                                        .order_by(JobRecord.started_at)).all()
            firsts = {}
            for worker, job_start, job_end in spans:
                firsts.setdefault(worker, (job_end - job_start).total_seconds())
            rest = sorted((e - b).total_seconds() for _w, b, e in spans)
            print(f"{label}: each worker's first job {sorted(round(f, 2) for f in firsts.values())}"
                  f" s; median job {rest[len(rest) // 2]:.2f} s; alone median "
                  f"{sorted(single)[len(single) // 2]:.2f} s")
            rows.append((label, wall, (ended - began).total_seconds(), dict(outcomes)))
            detecting[label] = detection_seconds(store, mark)
        # measured again after the batches: a machine that warms up (or is shared) runs
        # slower minutes later, so the baseline is the mean of the two passes around them
        after = pinned()
        with store.read() as session:
            runs = session.scalar(select(func.count()).select_from(AuditEvent).where(
                AuditEvent.action == "detection.run"))
        ideal = (sum(single) + sum(after)) / 2 / args.workers
        print(f"\n{args.clips} clips ({CLIP.name} x{args.loops}, {args.preset}), "
              f"{args.workers} Dask workers, {args.database} store")
        print(f"{'measure':<52}{'seconds':>9}{'x ideal':>9}")
        print(f"{'sum of single-job times, all cores each':<52}{sum(whole):>9.1f}")
        print(f"{'sum of single-job times, pinned to a worker share':<52}{sum(single):>9.1f}")
        print(f"{'  the same again, after the batches':<52}{sum(after):>9.1f}"
              f"{sum(after) / sum(single):>9.2f}  (drift)")
        print(f"{'ideal batch (mean of the two sums / workers)':<52}{ideal:>9.1f}{1.0:>9.2f}")
        print(f"{'  (from the first pass alone)':<52}{sum(single) / args.workers:>9.1f}")
        for label, wall, span, outcomes in rows:
            print(f"{f'batch on {label}: wall, cluster start included':<52}{wall:>9.1f}"
                  f"{wall / ideal:>9.2f}")
            print(f"{f'batch on {label}: first claim to last outcome':<52}{span:>9.1f}"
                  f"{span / ideal:>9.2f}  {outcomes}")
        print("detection itself, per job (median / slowest): " + "; ".join(
            f"{k} {v[len(v) // 2]:.2f} / {v[-1]:.2f} s" for k, v in detecting.items() if v))
        with store.read() as session:
            states = Counter(session.scalars(select(JobRecord.state)
                                             .where(JobRecord.id.in_(jobs))))
            tries = session.scalar(select(func.sum(JobRecord.attempts))
                                   .where(JobRecord.id.in_(jobs)))
        print(f"the killed run: {killed}; its jobs {dict(states)}, {tries} tries for "
              f"{len(jobs)} jobs (the killed one taken up again in the run, its lease not "
              f"waited for)")
        best = min(span for _label, _wall, span, _outcomes in rows[:2]) / ideal
        whole_run = min(wall for _label, wall, _span, _outcomes in rows[:2]) / ideal
        killed_wall = rows[2][1] / ideal
        print(f"target <= 1.2x ideal (best worker kind): jobs' span "
              f"{'met' if best <= 1.2 else 'NOT met'} ({best:.2f}); wall with the cluster's "
              f"start {'met' if whole_run <= 1.2 else 'NOT met'} ({whole_run:.2f}); wall "
              f"with one worker killed {'met' if killed_wall <= 1.2 else 'NOT met'} "
              f"({killed_wall:.2f}); "
              f"detection runs audited "
              f"{runs} for {6 * len(ids)} jobs (alone three times + three batches); chain intact: "
              f"{audit.verify(store).ok}")
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
