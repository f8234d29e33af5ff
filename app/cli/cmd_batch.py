"""``bwv batch`` (queue unattended work, see and change the queue) and ``bwv worker`` (run
it on a Dask cluster of this machine's cores)."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from tqdm import tqdm

from app.cli.arg_types import at_least_one, day, positive_seconds
from app.cli.context import Context
from app.cli.error_hints import error_line
from app.cli.formatting import table, when
from app.core.detection.presets import DEFAULT_PRESET, PRESETS
from app.core.errors import BwvError, InvalidInputError
from app.core.jobs.bulk_queue import queue_in_parts
from app.core.jobs.cluster import WorkerPool, run_workers
from app.core.jobs.force_cluster import ClusterTls
from app.core.jobs.queue import (
    MAX_ATTEMPTS,
    audit_head,
    cancel,
    kind_of,
    list_jobs,
    may_run_jobs,
    open_count,
    requeues,
    retry,
)
from app.core.jobs.watch import Watcher, WatchRule, add_rule, remove_rule, rules, scan
from app.core.library.footage_pages import select_footage

log = logging.getLogger(__name__)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    b = sub.add_parser(
        "batch", help="queue unattended work (detection, transcription, working copies) "
                      "and follow it",
        description="Jobs are kept in the store: any workstation queues them, 'bwv worker' "
                    "runs them, and a job interrupted half-way is taken up again. Detection "
                    "stores the run (tracks are ready when an officer opens the footage); "
                    "transcription stores every audio track's words; a redact job exports a "
                    "WORKING COPY from the template plan (every face redacted, nobody kept, "
                    "the sound as it is), marked so on every frame and never released: "
                    "release still needs a person's review and a supervisor's approval.")
    s = b.add_subparsers(dest="batch_command", required=True, metavar="ACTION")
    q = s.add_parser("queue", help="queue a job for each footage item")
    q.add_argument("footage", nargs="*", metavar="FOOTAGE",
                   help="footage numbers or SHA-256 prefixes")
    q.add_argument("--case", metavar="REF", help="every footage item of this case")
    q.add_argument("--folder", type=Path, metavar="DIR",
                   help="every footage item ingested from under this folder")
    q.add_argument("--recorded-from", type=day, metavar="YYYY-MM-DD",
                   help="every footage item recorded on or after this day (UTC)")
    q.add_argument("--recorded-to", type=day, metavar="YYYY-MM-DD",
                   help="every footage item recorded on or before this day (UTC); "
                        "--case, --folder and the days combine (items meeting all)")
    q.add_argument("--kind", default="detect", choices=["detect", "transcribe", "redact"])
    q.add_argument("--preset", default=DEFAULT_PRESET, choices=sorted(PRESETS),
                   help="for detect and redact jobs (default: %(default)s)")
    q.add_argument("--out", type=Path, metavar="FOLDER",
                   help="redact jobs: the (shared) folder for the working copies")
    q.add_argument("--reason", default="", metavar="TEXT",
                   help="redact jobs: why the working copies are made (recorded with each "
                        "job, in its audit events and its result)")
    q.set_defaults(handler=run_queue)
    s.add_parser("status", help="list the jobs and their state",
                 description="Every job, newest last: its work, footage, preset, state "
                             "(queued, running, done, failed, cancelled), tries, when it "
                             "last changed, the worker and any error.").set_defaults(
        handler=run_status)
    wf = s.add_parser("watch", help="watch docking-station folders (administrators)",
                      description="New video files in a watched folder are ingested by "
                                  "'bwv worker --watch' once they have stopped changing "
                                  "for 30 s (never half-read), linked to the rule's case and "
                                  "optionally queued for detection or transcription.")
    wf.add_argument("action", choices=["add", "remove", "list"])
    wf.add_argument("folder", type=Path, nargs="?", metavar="FOLDER")
    wf.add_argument("--case", default="", metavar="REF", help="link new footage to this case")
    wf.add_argument("--queue", default="", choices=["", "detect", "transcribe"],
                    help="queue this job for each new item")
    wf.set_defaults(handler=run_watch)
    for name, handler, what in (("cancel", run_cancel, "cancel a queued or running job"),
                                ("retry", run_retry, "queue a failed or cancelled job again")):
        p = s.add_parser(name, help=what, description=what[0].upper() + what[1:] + (
            ": a queued job at once, a running one at its next check; audited."
            if name == "cancel" else ": its tries start again; audited."))
        p.add_argument("job", type=int, metavar="ID")
        p.set_defaults(handler=handler)
    w = sub.add_parser(
        "worker", help="run the queued jobs until none is left",
        description="Starts a Dask cluster on this computer (one worker per core by default) "
                    "and runs the store's queued jobs as the signed-in user until the queue "
                    "is empty; each job is claimed in the store, so several 'bwv worker' "
                    "processes, here or on other machines sharing a PostgreSQL store, never "
                    "run the same job.")
    w.add_argument("--workers", type=at_least_one, default=2, metavar="N",
                   help="Dask workers (default 2: this machine's cores)")
    w.add_argument("--watch", action="store_true",
                   help="keep going: scan the watch folders and run new jobs every --every "
                        "seconds until interrupted (Ctrl+C)")
    w.add_argument("--every", type=positive_seconds, default=30.0, metavar="S")
    w.add_argument("--processes", action="store_true",
                   help="run each worker in its own process, on its own cores (over the "
                        "cluster's mutual TLS): no contention for Python's lock, so batches "
                        "finish sooner (measured: 1.03-1.24x the ideal against 1.43x for "
                        "threads); the cluster takes 1-2 s to start, while this command "
                        "runs the first job itself in the first worker's place")
    w.add_argument("--scheduler", metavar="tls://HOST:PORT",
                   help="join a force's Dask cluster instead of starting one here: every "
                        "worker of that cluster runs jobs (over mutual TLS only; needs "
                        "--tls-ca, --tls-cert and --tls-key and a PostgreSQL store). Your "
                        "signing key is handed to the cluster's workers for the run: use "
                        "only a cluster as trusted as the store (see the README)")
    w.add_argument("--tls-ca", type=Path, metavar="FILE",
                   help="the certificate authority that signed the cluster's certificates")
    w.add_argument("--tls-cert", type=Path, metavar="FILE", help="this machine's certificate")
    w.add_argument("--tls-key", type=Path, metavar="FILE", help="this machine's private key")
    w.set_defaults(handler=run_worker)


def run_queue(ctx: Context, args: argparse.Namespace) -> int:
    kind = kind_of(args.kind)
    with ctx.reading() as session:
        keys: list[str | int] = list(args.footage)
        if args.case or args.folder or args.recorded_from or args.recorded_to:
            keys += select_footage(session, case_ref=args.case or None, folder=args.folder,
                                   recorded_from=args.recorded_from,
                                   recorded_to=args.recorded_to)
            if not keys:
                print("No footage meets those conditions; nothing queued.")
                return 0
        if not keys:
            raise InvalidInputError("Name footage items, or choose them with --case, --folder "
                                    "or --recorded-from/--recorded-to.")
        options = None
        if kind.value == "redact":
            if args.out is None:
                raise InvalidInputError("A redact job needs --out FOLDER for its working copy.")
            options = {"out_dir": str(args.out), "case": args.case or None,
                       "reason": args.reason}
        elif args.out is not None:
            raise InvalidInputError("--out is for redact jobs (--kind redact).")
    done = [0]  # items of the parts committed (the bar counts nothing off a terminal)

    def progress(items: int, _total: int) -> None:
        bar.update(items - done[0])
        done[0] = items

    with tqdm(desc="queueing", unit="item", total=len(keys), disable=None, leave=False,
              dynamic_ncols=True) as bar:
        try:
            made = queue_in_parts(ctx.store, ctx.actor_name(), keys, kind,
                                  args.preset if kind.value in ("detect", "redact") else "",
                                  options=options, progress=progress)
        except KeyboardInterrupt:  # between parts, or a part rolled back: whole parts kept
            print(f"\nInterrupted: the jobs of at least {done[0]} of {len(keys)} item(s) are "
                  "queued. The same command again queues the rest (an item whose job has "
                  "finished meanwhile is queued again).", file=sys.stderr)
            return 130
    print(f"Queued {len(made)} job(s)" + (f" ({len(keys) - len(made)} already queued)"
                                          if len(made) < len(keys) else "")
          + ". Run them with 'bwv worker'.")
    return 0


def run_status(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.reading() as session:
        jobs = list_jobs(session)
        rows = [[str(j.id), j.kind, f"#{j.footage_id}", j.preset or "-",
                 f"{j.state} {j.progress:.0%}" if j.state == "running" else j.state,
                 str(j.attempts), when(j.finished_at or j.started_at), j.worker or "-",
                 (j.error or "")[:60]] for j in jobs]
    print(table(["job", "kind", "footage", "preset", "state", "tries", "when", "worker",
                 "error"], rows) if rows else "No jobs.")
    return 0


def run_cancel(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.acting() as (session, actor):
        state = cancel(session, actor, args.job)
    print(f"Job {args.job}: " + ("cancelled." if state == "cancelled" else
                                 "it stops at its next check."))
    return 0


def run_retry(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.acting() as (session, actor):
        retry(session, actor, args.job)
    print(f"Job {args.job} queued again.")
    return 0


def run_worker(ctx: Context, args: argparse.Namespace) -> int:
    name = ctx.actor_name()
    may_run_jobs(ctx.store, name)  # refused before any cluster starts (each claim checks too)

    said = _Outcomes(ctx)

    def line(worker: str, job_id: int, outcome: str) -> None:
        print(f"{worker}: job {job_id} {said.text(job_id, outcome)}", file=sys.stderr)

    if args.watch:
        return _watch_loop(ctx, name, args, line)
    with ctx.store.read() as session:
        waiting = open_count(session)
    # a line for each try as it ends (and why a job was queued again), a bar of the jobs
    # that were waiting (one queued again counts when it ends), and each job counted once,
    # by how it ended last
    final: dict[int, str] = {}
    unclaimed: list[str] = []  # a worker that could claim nothing (the store away)
    with tqdm(desc="jobs", unit="job", total=waiting, disable=None, leave=False,
              file=sys.stderr) as bar:
        def report(worker: str, job_id: int, outcome: str) -> None:
            bar.write(f"{worker}: job {job_id} {said.text(job_id, outcome)}",
                      file=sys.stderr)
            if not job_id:
                unclaimed.append(outcome)
            elif _settles(outcome) >= _settles(final.get(job_id, "")):  # a later try's
                final[job_id] = outcome  # outcome wins, an end over a try that went on
            if outcome != "queued":
                bar.total = max(bar.total or 0, bar.n + 1)
                bar.update(1)

        outcomes = run_workers(ctx.store, name, args.workers, report, args.processes,
                               _cluster(args))
    counts = Counter(final.values()) + Counter(unclaimed)
    if counts["queued"]:  # queued again, and taken up by no worker of this run
        counts["queued again"] = counts.pop("queued")
    print("Queue empty: " + (", ".join(f"{n} {o}" for o, n in sorted(counts.items()))
                             or "no jobs were waiting") + ".")
    return 1 if counts["failed"] or counts["error"] or outcomes.get("error") else 0


def _settles(outcome: str) -> int:
    """How far ``outcome`` settles a job: an end (done, failed, cancelled) over a lost lease
    (another worker took it up) over a try queued again."""
    return {"": -1, "queued": 0, "lost": 1}.get(outcome, 2)


class _Outcomes:
    """Each try's outcome as a worker's line says it: for one queued again, why (the k-th
    try of a job queued again in this run is its k-th ``job.queued`` event since the run
    began: its line may come after a later try was queued)."""

    def __init__(self, ctx: Context) -> None:
        self._store, self._tries = ctx.store, Counter[int]()
        with ctx.store.read() as session:
            self._since = audit_head(session)

    def text(self, job_id: int, outcome: str) -> str:
        if outcome != "queued" or not job_id:
            return outcome
        self._tries[job_id] += 1
        try:
            with self._store.read() as session:
                found = requeues(session, job_id, self._since)
        except Exception:  # the store away: the outcome alone
            log.debug("could not read why job %s was queued again", job_id, exc_info=True)
            found = []
        why = found[self._tries[job_id] - 1] if len(found) >= self._tries[job_id] else {}
        if why.get("interrupted"):
            return "queued again: its worker was stopped (the try is not counted)"
        if why.get("error"):
            return (f"queued again: try {why.get('attempt', '?')} of {MAX_ATTEMPTS} failed: "
                    f"{why['error']}")
        return "queued again"


def _cluster(args: argparse.Namespace) -> ClusterTls | None:
    """The force's cluster named on the command line (None: a cluster on this machine)."""
    files = (args.tls_ca, args.tls_cert, args.tls_key)
    if args.scheduler is None:
        if any(files):
            raise InvalidInputError("--tls-ca, --tls-cert and --tls-key go with --scheduler.")
        return None
    if not all(files):
        raise InvalidInputError("--scheduler needs --tls-ca, --tls-cert and --tls-key: a "
                                "cluster is joined over mutual TLS only.")
    return ClusterTls(args.scheduler, args.tls_ca, args.tls_cert, args.tls_key)


POOL_MAX_AGE_S = 24 * 3600  # bwv worker --watch starts its cluster afresh once a day


def _watch_loop(ctx: Context, name: str, args: argparse.Namespace,
                report: Callable[[str, int, str], None]) -> int:
    """Scan, run the queue, sleep, until Ctrl+C. The Dask cluster is kept between rounds
    (its start and its workers' models paid once), and started again after a failed round."""
    watcher = Watcher()
    cluster = _cluster(args)
    print(f"Watching {len(rules(ctx.store))} folder(s); Ctrl+C stops.", file=sys.stderr)
    pool: WorkerPool | None = None
    started = 0.0
    try:
        while True:
            try:
                for result in scan(ctx.store, name, watcher):
                    print(result.message, file=sys.stderr)
                if pool is not None and time.monotonic() - started > POOL_MAX_AGE_S:
                    _closed(pool)  # a fresh one a day (the local cluster's TLS certificates
                    pool = None    # last a year; nothing grows for ever)
                if pool is None:
                    pool = WorkerPool(ctx.store, args.workers, args.processes, cluster)
                    pool.__enter__()
                    started = time.monotonic()
                pool.run(name, report)
            except BwvError as exc:  # a share or the database away for a while: go on
                print(f"bwv worker: {error_line(exc)} (trying again)", file=sys.stderr)
                _closed(pool)
                pool = None
            except Exception:
                log.warning("watch round failed", exc_info=True)
                print("bwv worker: a watch round failed (details in the log); trying again",
                      file=sys.stderr)
                _closed(pool)
                pool = None
            time.sleep(max(1.0, args.every))
    except KeyboardInterrupt:
        print("Stopped.", file=sys.stderr)
    finally:
        _closed(pool)
    return 0


def _closed(pool: WorkerPool | None) -> None:
    """Close a pool that failed or is done with (a new one is started when needed)."""
    if pool is not None:
        try:
            pool.__exit__(None, None, None)
        except Exception:  # already broken: nothing more to close
            log.warning("closing the worker pool failed", exc_info=True)


def run_watch(ctx: Context, args: argparse.Namespace) -> int:
    name = ctx.actor_name()
    if args.action == "list":
        found = rules(ctx.store)
        print(table(["folder", "case", "queue"], [[str(r.folder), r.case_ref or "-",
                                                   r.kind or "-"] for r in found])
              if found else "No watch folders.")
        return 0
    if args.folder is None:
        raise InvalidInputError(f"Name the folder: bwv batch watch {args.action} FOLDER.")
    if args.action == "add":
        add_rule(ctx.store, name, WatchRule(args.folder, args.case, args.queue))
        print(f"Watching {args.folder.resolve()}.")
        return 0
    if not remove_rule(ctx.store, name, args.folder):
        raise InvalidInputError(f"{args.folder} is not a watch folder.")
    print(f"No longer watching {args.folder.resolve()}.")
    return 0
