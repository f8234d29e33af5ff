"""``bwv batch`` (queue unattended work, see and change the queue) and ``bwv worker`` (run
it on a Dask cluster of this machine's cores)."""

from __future__ import annotations

import argparse
import sys

from app.cli.context import Context
from app.cli.formatting import table, when
from app.core.detection.presets import DEFAULT_PRESET, PRESETS
from app.core.errors import InvalidInputError
from app.core.jobs.cluster import run_workers
from app.core.jobs.queue import cancel, kind_of, list_jobs, queue_jobs, retry
from app.core.library.footage import list_footage


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    b = sub.add_parser(
        "batch", help="queue unattended work (face detection, transcription) and follow it",
        description="Jobs are kept in the store: any workstation queues them, 'bwv worker' "
                    "runs them, and a job interrupted half-way is taken up again. Detection "
                    "stores the run (tracks are ready when an officer opens the footage); "
                    "transcription stores every audio track's words. Nothing is exported or "
                    "released by a job.")
        # the export of a batch (a working copy needing review and approval) is not built yet
    s = b.add_subparsers(dest="batch_command", required=True, metavar="ACTION")
    q = s.add_parser("queue", help="queue a job for each footage item")
    q.add_argument("footage", nargs="*", metavar="FOOTAGE",
                   help="footage numbers or SHA-256 prefixes")
    q.add_argument("--case", metavar="REF", help="every footage item of this case")
    q.add_argument("--kind", default="detect", choices=["detect", "transcribe"])
    q.add_argument("--preset", default=DEFAULT_PRESET, choices=sorted(PRESETS),
                   help="for detect jobs (default: %(default)s)")
    q.set_defaults(handler=run_queue)
    s.add_parser("status", help="list the jobs and their state").set_defaults(
        handler=run_status)
    for name, handler, what in (("cancel", run_cancel, "cancel a queued or running job"),
                                ("retry", run_retry, "queue a failed or cancelled job again")):
        p = s.add_parser(name, help=what)
        p.add_argument("job", type=int, metavar="ID")
        p.set_defaults(handler=handler)
    w = sub.add_parser(
        "worker", help="run the queued jobs until none is left",
        description="Starts a Dask cluster on this computer (one worker per core by default) "
                    "and runs the store's queued jobs as the signed-in user until the queue "
                    "is empty; each job is claimed in the store, so several 'bwv worker' "
                    "processes, here or on other machines sharing a PostgreSQL store, never "
                    "run the same job.")
    w.add_argument("--workers", type=int, default=2, metavar="N",
                   help="Dask workers (default 2: this machine's cores)")
    w.set_defaults(handler=run_worker)


def run_queue(ctx: Context, args: argparse.Namespace) -> int:
    kind = kind_of(args.kind)
    with ctx.acting() as (session, actor):
        keys: list[str | int] = list(args.footage)
        if args.case:
            keys += [f.id for f in list_footage(session, args.case)]
        if not keys:
            raise InvalidInputError("Name footage items or a case (--case REF) to queue.")
        made = queue_jobs(session, actor, keys, kind,
                          args.preset if kind.value == "detect" else "")
    print(f"Queued {len(made)} job(s)" + (f" ({len(keys) - len(made)} already queued)"
                                          if len(made) < len(keys) else "")
          + ". Run them with 'bwv worker'.")
    return 0


def run_status(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.reading() as session:
        jobs = list_jobs(session)
        rows = [[str(j.id), j.kind, f"#{j.footage_id}", j.preset or "-", j.state,
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
    if args.workers < 1:
        raise InvalidInputError("--workers must be at least 1.")
    name = ctx.actor_name()

    def report(worker: str, job_id: int, outcome: str) -> None:
        print(f"{worker}: job {job_id} {outcome}", file=sys.stderr)

    outcomes = run_workers(ctx.store, name, args.workers, report)
    print("Queue empty: " + (", ".join(f"{n} {o}" for o, n in sorted(outcomes.items()))
                             or "no jobs were waiting") + ".")
    return 1 if outcomes.get("failed") or outcomes.get("error") else 0
