"""The job queue in the store: queue, claim, finish, fail, cancel, retry.

A worker claims the oldest queued job (or a running one whose lease ran out: its worker
died) with a compare-and-set update that only one worker can win, on SQLite and PostgreSQL
alike, and holds it by renewing its lease; leases are judged by the database server's clock,
not each machine's. Finishing locks the row and checks the worker's name, so a worker that
lost its lease can never mark a job another worker has taken up. Queueing, every start
(and take-over), every outcome, cancelling and retrying are audited.
"""

from __future__ import annotations

import enum
import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.orm import Session

from app.core.case_state.status import get_case
from app.core.errors import QT_TRANSLATE_NOOP, ConflictError, InvalidInputError, NotFoundError
from app.core.library.footage import get_footage, require_present
from app.core.people.permissions import Permission, require
from app.core.people.users import resolve_actor
from app.core.store import audit
from app.core.store.database import Store
from app.core.store.models import AuditEvent, Footage, JobRecord, User, utcnow


def lease_s() -> float:
    """How long a running job's lease lasts: a job whose worker has not renewed it for this
    long is free (``BWV_JOB_LEASE_S`` lets an operator or a test shorten it). Read when
    used, not at import: worker processes are forked from a server that imported this
    module long before."""
    return float(os.environ.get("BWV_JOB_LEASE_S", "120"))


MAX_ATTEMPTS = 3  # a job that failed this often stays failed (a person may retry it)


class JobKind(enum.StrEnum):
    DETECT = "detect"  # faces detected and tracked: the run stored, ready in the workspace
    TRANSCRIBE = "transcribe"  # every audio track transcribed and stored
    REDACT = "redact"  # a working copy exported from the template plan (never released)


class JobState(enum.StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"


OPEN = (JobState.QUEUED.value, JobState.RUNNING.value)


def queue_jobs(session: Session, actor: User, footage_keys: list[str | int], kind: JobKind,
               preset: str = "", once: bool = False,
               options: dict[str, Any] | None = None) -> list[int]:
    """One job per footage item (an item with the same job already open is left alone;
    with ``once``, also one whose same job was ever done). A redact job's ``options`` name
    its output folder (``out_dir``), and optionally the case (``case``) and the template's
    reason (``reason``): the same job is one with the same options too (a working copy into
    another folder, or for another case, is another job)."""
    options = _allowed(session, actor, kind, options)
    audit.hold_chain(session)  # (another queueing of the same items waits, then sees ours)
    made = []
    for key in footage_keys:
        item = _queueable(session, key, options)
        states = (*OPEN, JobState.DONE.value) if once else OPEN
        if _same_job(session, item.id, kind.value, preset, options, states) is not None:
            continue
        job = JobRecord(kind=kind.value, footage_id=item.id, preset=preset,
                        state=JobState.QUEUED.value, attempts=0, requested_by_id=actor.id,
                        worker="", cancel_requested=False, error="", result={},
                        options=options)
        session.add(job)
        session.flush()
        audit.record(session, actor.name, "job.queue", "job", job.id,
                     {"kind": kind.value, "preset": preset, **options}, footage_id=item.id)
        made.append(job.id)
    return made


def _same_job(session: Session, footage_id: int, kind: str, preset: str,
              options: dict[str, Any], states: tuple[str, ...],
              other_than: int | None = None) -> int | None:
    """The number of a job in one of ``states`` that does the same work (the same footage,
    kind, preset and options), or None."""
    rows = session.execute(select(JobRecord.id, JobRecord.options).where(
        JobRecord.footage_id == footage_id, JobRecord.kind == kind, JobRecord.preset == preset,
        JobRecord.state.in_(states), JobRecord.id != (other_than or 0)))
    return next((job_id for job_id, other in rows  # (options compared here: JSON is
                 if dict(other or {}) == options), None)  # compared differently by each DB)


def check_queueing(session: Session, actor: User, footage_keys: list[str | int],
                   kind: JobKind, options: dict[str, Any] | None = None) -> None:
    """Refuse, as ``queue_jobs`` would, a request it would refuse part-way: the actor not
    allowed, a working copy's options wrong, an item unknown, deleted or not in the case."""
    checked = _allowed(session, actor, kind, options)
    for key in footage_keys:
        _queueable(session, key, checked)


def _allowed(session: Session, actor: User, kind: JobKind,
             options: dict[str, Any] | None) -> dict[str, Any]:
    """The options of jobs ``actor`` may queue (a redact job's checked and completed)."""
    require(actor, Permission.REDACT, QT_TRANSLATE_NOOP("CoreMessages", "queue jobs"))
    checked = dict(options or {})
    if kind is JobKind.REDACT:
        require(actor, Permission.EXPORT,
                QT_TRANSLATE_NOOP("CoreMessages", "make working copies"))
        checked = working_copy_options(session, checked)
    return checked


def _queueable(session: Session, key: str | int, options: dict[str, Any]) -> Footage:
    """The footage item ``key``, held and in the case a working copy is for."""
    item = get_footage(session, key)
    require_present(item)
    if options.get("case") and options["case"] not in {c.reference for c in item.cases}:
        raise ConflictError(NOT_IN_THE_CASE, number=item.id, reference=options["case"])
    return item


def working_copy_options(session: Session, options: dict[str, Any]) -> dict[str, Any]:
    """A redact job's options checked: an existing output folder (absolute), a known case."""
    folder = Path(str(options.get("out_dir") or "")).expanduser()
    if not str(options.get("out_dir") or "").strip() or not folder.is_dir():
        raise InvalidInputError(QT_TRANSLATE_NOOP(
            "CoreMessages", "{folder}: give an existing folder for the working copies."),
            folder=str(folder))
    case = options.get("case") or None
    if case is not None:
        get_case(session, str(case))
    reason = str(options.get("reason") or "").strip()[:200]
    return {"out_dir": str(folder.resolve()), "case": case,
            "reason": reason or "batch working copy: every face redacted"}


def database_now(session: Session) -> datetime:
    """The database server's clock (UTC), so every machine judges leases by one clock."""
    if session.get_bind().dialect.name == "sqlite":  # with milliseconds, not whole seconds
        value = session.scalar(select(func.strftime("%Y-%m-%d %H:%M:%f", "now")))
    else:
        value = session.scalar(select(func.current_timestamp()))
    if isinstance(value, str):  # SQLite: 'YYYY-MM-DD HH:MM:SS.SSS' in UTC
        value = datetime.fromisoformat(value)
    if not isinstance(value, datetime):
        return utcnow()
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


RUN_JOBS = QT_TRANSLATE_NOOP("CoreMessages", "run batch jobs")
NOT_IN_THE_CASE = QT_TRANSLATE_NOOP(
    "CoreMessages", "Footage #{number} is not in case {reference}, so no working copy of it "
    "can be made for that case; add it to the case first. Nothing was queued.")


def may_run_jobs(store: Store, actor_name: str) -> None:
    """Refused (clearly, before any work) unless the user may run jobs (as ``claim``)."""
    with store.read() as session:
        require(resolve_actor(session, actor_name), Permission.REDACT, RUN_JOBS)


def claim(store: Store, worker: str, actor_name: str,
          now: datetime | None = None) -> int | None:
    """Take the oldest free job for ``worker``: its id, or None when nothing is free.

    A running job whose lease ran out is free (its worker died): it is taken up again, unless
    someone asked to cancel it (then it is cancelled) or its workers died MAX_ATTEMPTS times
    (then it fails: it may be what kills them). Only an active user who may run jobs (the
    redact permission, as queueing them) claims one: anyone else would only use up its
    attempts."""
    for _ in range(50):  # another worker may win the race for a candidate: try the next
        with store.transaction() as session:
            require(resolve_actor(session, actor_name), Permission.REDACT, RUN_JOBS)
            at = now or database_now(session)
            expired = and_(JobRecord.state == JobState.RUNNING.value,
                           JobRecord.lease_until < at)
            free = or_(JobRecord.state == JobState.QUEUED.value, expired)
            candidate = session.execute(
                select(JobRecord.id, JobRecord.state, JobRecord.worker,
                       JobRecord.cancel_requested, JobRecord.attempts)
                .where(free).order_by(JobRecord.id).limit(1)).first()
            if candidate is None:
                return None
            job_id, state, holder, cancelling, attempts = candidate
            same = (JobRecord.id == job_id, JobRecord.state == state,
                    JobRecord.worker == holder, free)
            if cancelling or attempts >= MAX_ATTEMPTS:  # not to be run again
                outcome = JobState.CANCELLED if cancelling else JobState.FAILED
                error = "" if cancelling else (
                    f"its worker stopped without an outcome {attempts} times")
                if _rows(session.execute(update(JobRecord).where(*same).values(
                        state=outcome.value, finished_at=at, lease_until=None,
                        error=error))) == 1:
                    _audit(session, actor_name, job_id, f"job.{outcome.value}",
                           {"worker": holder, **({"error": error} if error else {})})
                continue
            won = _rows(session.execute(update(JobRecord).where(*same).values(
                state=JobState.RUNNING.value, worker=worker, started_at=at, progress=0.0,
                lease_until=at + timedelta(seconds=lease_s()),
                attempts=JobRecord.attempts + 1)))
            if won == 1:
                _audit(session, actor_name, job_id, "job.start",
                       {"worker": worker, "attempt": attempts + 1,
                        **({"taken_from": holder} if holder else {})})
                return int(job_id)
    return None


def renew(store: Store, job_id: int, worker: str) -> bool:
    """Renew the lease; False when the job is no longer this worker's or was cancelled."""
    with store.transaction() as session:
        held = _rows(session.execute(
            update(JobRecord)
            .where(JobRecord.id == job_id, JobRecord.worker == worker,
                   JobRecord.state == JobState.RUNNING.value,
                   JobRecord.cancel_requested.is_(False))
            .values(lease_until=database_now(session) + timedelta(seconds=lease_s()))))
    return held == 1


def release_held_by(store: Store, holders: list[str]) -> int:
    """End now the leases of running jobs held by worker processes known to have ended
    (``holders``: the ``host:pid/`` their job rows' worker starts with), so the next free
    worker takes them up at once instead of when the lease runs out (two minutes). How many
    were released; the take-over is audited when a worker claims them."""
    if not holders:
        return 0
    with store.transaction() as session:
        return _rows(session.execute(
            update(JobRecord)
            .where(JobRecord.state == JobState.RUNNING.value,
                   or_(*(JobRecord.worker.startswith(h, autoescape=True) for h in holders)))
            .values(lease_until=database_now(session) - timedelta(milliseconds=1))))


def put_back_held_by(store: Store, actor_name: str, holders: list[str]) -> int:
    """Queue again, their tries not counted, the running jobs held by worker processes that
    were stopped (``holders`` as for ``release_held_by``: the run was interrupted, e.g.
    Ctrl+C, and closed its cluster), as a thread worker's job is when its run stops (a job
    someone asked to cancel is cancelled). Audited as ``finish`` would; how many."""
    if not holders:
        return 0
    with store.transaction() as session:
        jobs = list(session.scalars(select(JobRecord).where(
            JobRecord.state == JobState.RUNNING.value,
            or_(*(JobRecord.worker.startswith(h, autoescape=True) for h in holders)))
            .with_for_update()))
        for job in jobs:
            state = JobState.CANCELLED if job.cancel_requested else JobState.QUEUED
            worker, job.state, job.lease_until = job.worker, state.value, None
            job.finished_at = database_now(session)
            if state is JobState.QUEUED:
                job.attempts, job.worker = max(0, job.attempts - 1), ""
            audit.record(session, actor_name, f"job.{state.value}", "job", job.id,
                         {"kind": job.kind, "attempt": job.attempts, "worker": worker,
                          "interrupted": True}, footage_id=job.footage_id)
        return len(jobs)


def report_progress(store: Store, job_id: int, worker: str, fraction: float) -> bool:
    """Say how far a running job has got (0..1; not audited: the outcome is); False when the
    job is no longer this worker's."""
    with store.transaction() as session:
        return _rows(session.execute(
            update(JobRecord)
            .where(JobRecord.id == job_id, JobRecord.worker == worker,
                   JobRecord.state == JobState.RUNNING.value)
            .values(progress=min(1.0, max(0.0, fraction))))) == 1


def finish(store: Store, job_id: int, worker: str, actor_name: str,
           result: dict[str, Any] | None = None, error: str = "",
           cancelled: bool = False, interrupted: bool = False) -> str | None:
    """Record the outcome, if the job is still this worker's (the row is locked first):
    done, cancelled, or (with an ``error``) queued again while tries remain, else failed;
    ``interrupted`` (its worker was stopped, e.g. Ctrl+C) queues it again, the try not
    counted. The state recorded, or None when the job was no longer this worker's."""
    with store.transaction() as session:
        job = session.get(JobRecord, job_id, with_for_update=True)
        if job is None or job.worker != worker or job.state != JobState.RUNNING.value:
            return None
        if interrupted and not job.cancel_requested:  # not the job's fault: try it again
            state, job.attempts = JobState.QUEUED, max(0, job.attempts - 1)
        elif cancelled or interrupted or (error and job.cancel_requested):  # asked to stop
            state = JobState.CANCELLED
        elif not error:
            state = JobState.DONE
        else:
            state = JobState.FAILED if job.attempts >= MAX_ATTEMPTS else JobState.QUEUED
        job.state, job.error, job.result = state.value, error, result or {}
        job.finished_at, job.lease_until = database_now(session), None
        if state is JobState.DONE:
            job.progress = 1.0
        if state is JobState.QUEUED:
            job.worker = ""
        audit.record(session, actor_name, f"job.{state.value}", "job", job.id,
                     {"kind": job.kind, "attempt": job.attempts, "worker": worker,
                      **({"error": error} if error else {}),
                      **({"interrupted": True} if interrupted else {}), **(result or {})},
                     footage_id=job.footage_id)
    return state.value


def cancel(session: Session, actor: User, job_id: int) -> str:
    """Cancel a queued job at once; a running one stops at its next check (or is cancelled
    when its lease runs out, if its worker died). Its new state."""
    job = _job(session, job_id, lock=True)
    require(actor, Permission.REDACT, QT_TRANSLATE_NOOP("CoreMessages", "cancel jobs"))
    if job.state not in OPEN:
        raise ConflictError(QT_TRANSLATE_NOOP(
            "CoreMessages", "Job {number} is {state}: only a queued or running job can be "
            "cancelled."), number=job_id, state=job.state)
    was = job.state
    job.cancel_requested = True
    if job.state == JobState.QUEUED.value:
        job.state, job.finished_at = JobState.CANCELLED.value, database_now(session)
    audit.record(session, actor.name, "job.cancel", "job", job.id, {"was": was},
                 footage_id=job.footage_id)
    return job.state


def retry(session: Session, actor: User, job_id: int) -> None:
    """Queue a failed or cancelled job again (its attempts start again)."""
    job = _job(session, job_id, lock=True)
    require(actor, Permission.REDACT, QT_TRANSLATE_NOOP("CoreMessages", "retry jobs"))
    if job.state in OPEN or job.state == JobState.DONE.value:
        raise ConflictError(QT_TRANSLATE_NOOP(
            "CoreMessages", "Job {number} is {state}: only a failed or cancelled job can be "
            "retried."), number=job_id, state=job.state)
    audit.hold_chain(session)
    same = _same_job(session, job.footage_id, job.kind, job.preset, dict(job.options or {}),
                     OPEN, other_than=job.id)
    if same is not None:
        raise ConflictError(QT_TRANSLATE_NOOP(
            "CoreMessages", "Job {number} is not retried: job {other} does the same work "
            "and is queued or running."), number=job_id, other=same)
    job.state, job.attempts, job.worker, job.error = JobState.QUEUED.value, 0, "", ""
    job.cancel_requested, job.finished_at = False, None
    audit.record(session, actor.name, "job.retry", "job", job.id, {},
                 footage_id=job.footage_id)


@dataclass(frozen=True)
class JobRow:
    """A job as the views show it (plain values, readable after the session closed)."""

    id: int
    kind: str
    footage_id: int
    file_name: str
    preset: str
    state: str
    attempts: int
    when: datetime | None
    worker: str
    error: str
    progress: float = 0.0  # 0..1 while it runs


def job_rows(session: Session, limit: int = 500) -> list[JobRow]:
    """The newest ``limit`` jobs, newest first, with their footage's file name."""
    rows = session.execute(
        select(JobRecord, Footage.file_name).join(Footage, Footage.id == JobRecord.footage_id)
        .order_by(JobRecord.id.desc()).limit(limit)).all()
    return [JobRow(j.id, j.kind, j.footage_id, name, j.preset, j.state, j.attempts,
                   j.finished_at or j.started_at or j.created_at, j.worker, j.error,
                   j.progress)
            for j, name in rows]


def running_leases(session: Session) -> dict[int, datetime]:
    """Each running job's lease expiry (a job without one counts as expired now)."""
    rows = session.execute(select(JobRecord.id, JobRecord.lease_until)
                           .where(JobRecord.state == JobState.RUNNING.value)).all()
    now = database_now(session)
    return {int(job_id): until or now for job_id, until in rows}


def open_count(session: Session) -> int:
    """How many jobs are queued or running."""
    return int(session.scalar(select(func.count()).select_from(JobRecord)
                              .where(JobRecord.state.in_(OPEN))) or 0)


def audit_head(session: Session) -> int:
    """The audit trail's last sequence number (0 when empty): where a run begins, for
    ``requeues``."""
    return int(session.scalar(select(func.max(AuditEvent.seq))) or 0)


def requeues(session: Session, job_id: int, after: int) -> list[dict[str, Any]]:
    """Why job ``job_id`` was queued again since audit event ``after``, oldest first: each
    ``job.queued`` event's details (``attempt``, and ``error`` for a failed try or
    ``interrupted`` for a stopped worker)."""
    found = []
    for details in session.scalars(select(AuditEvent.details).where(
            AuditEvent.action == f"job.{JobState.QUEUED.value}",
            AuditEvent.object_type == "job", AuditEvent.object_id == str(job_id),
            AuditEvent.seq > after).order_by(AuditEvent.seq)):
        try:
            value = json.loads(details)
        except ValueError:
            value = {}
        found.append(value if isinstance(value, dict) else {})
    return found


def list_jobs(session: Session, states: tuple[str, ...] = ()) -> list[JobRecord]:
    query = select(JobRecord).order_by(JobRecord.id)
    if states:
        query = query.where(JobRecord.state.in_(states))
    return list(session.scalars(query))


def _rows(result: Any) -> int:
    """How many rows an UPDATE changed (the compare-and-set's verdict)."""
    return int(result.rowcount)


def _audit(session: Session, actor_name: str, job_id: int, action: str,
           details: dict[str, Any]) -> None:
    job = session.get(JobRecord, job_id)
    if job is not None:
        audit.record(session, actor_name, action, "job", job_id,
                     {"kind": job.kind, **details}, footage_id=job.footage_id)


def _job(session: Session, job_id: int, lock: bool = False) -> JobRecord:
    job = session.get(JobRecord, job_id, with_for_update=lock)
    if job is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("CoreMessages", "No job {number}."),
                            number=job_id)
    return job


def kind_of(text: str) -> JobKind:
    try:
        return JobKind(text)
    except ValueError:
        raise InvalidInputError(QT_TRANSLATE_NOOP(
            "CoreMessages", "Unknown job kind {kind!r}: use detect or transcribe."),
            kind=text) from None
