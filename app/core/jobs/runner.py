"""Running one claimed job: the same core functions the workspace and ``bwv`` call, with the
job's lease renewed while it runs (a lost lease or a cancel request stops it)."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy.exc import DBAPIError

from app.core.analysis import analyse
from app.core.audio.model_pack import configured_model
from app.core.audio.transcripts import audio_tracks, transcript_for
from app.core.detection.presets import DEFAULT_PRESET
from app.core.errors import QT_TRANSLATE_NOOP, BwvError, Cancelled
from app.core.jobs.queue import JobKind, finish, lease_s, renew, report_progress
from app.core.jobs.working_copies import make_working_copy
from app.core.progress import CancelToken
from app.core.settings import load_settings
from app.core.store.busy_retry import retry_while_busy
from app.core.store.database import Store, database_problem
from app.core.store.models import JobRecord

log = logging.getLogger(__name__)
PROGRESS_S = 2.0  # how often a running job says how far it has got
STOP_POLL_S = 0.25  # how often it looks whether its worker is being stopped
# The stages of a job that report progress: (where the stage starts, its share of the job).
STAGES: dict[JobKind, dict[str, tuple[float, float]]] = {
    JobKind.DETECT: {"detect": (0.0, 1.0)},
    JobKind.REDACT: {"hash": (0.0, 0.05), "detect": (0.05, 0.45), "export": (0.5, 0.5),
                     "export_check": (0.5, 0.5)},
}
# A job stopped because its lease could not be renewed for most of a lease (the store away):
# a failed try, queued again while tries remain (never cancelled: nobody asked).
STORE_AWAY = QT_TRANSLATE_NOOP(
    "CoreMessages", "The store could not be reached to renew the job's lease for most of a "
    "lease, so the job was stopped before another worker could take it up.")


def run_job(store: Store, actor_name: str, job_id: int, worker: str,
            stopping: Callable[[], bool] = lambda: False) -> str:
    """Run job ``job_id`` (claimed by ``worker``) as ``actor_name``: the state it ended in
    (done, queued again, failed, cancelled), or "lost" when its lease was lost meanwhile.
    Once ``stopping()`` (its worker is being stopped) the work stops at its next check and
    the job is queued again."""
    try:
        with store.read() as session:
            job = session.get(JobRecord, job_id)
            if job is None:
                return "lost"
            kind, footage_id, preset = job.kind, job.footage_id, job.preset
            options = dict(job.options or {})
    except Exception:  # the store unreachable: the lease runs out, the job is taken up again
        log.exception("job %s could not be read", job_id)
        return "lost"
    token = CancelToken()
    stop, interrupted, away = threading.Event(), threading.Event(), threading.Event()
    done = [0.0]  # how far the work has got (0..1), written by the work, read below

    def keep_lease() -> None:
        """Say how far the job has got (at most every PROGRESS_S or quarter lease) and renew
        the lease every quarter lease; a refusal (cancelled, or taken up elsewhere) or no
        renewal for most of a lease (the store unreachable) stops the work, and so does
        ``stopping()`` (looked at every STOP_POLL_S: the job is then queued again)."""
        last_ok = last_renew = last_said = time.monotonic()
        said, lease = 0.0, lease_s()
        while not stop.wait(min(STOP_POLL_S, lease / 4)):
            if stopping():
                interrupted.set()
                token.cancel()
                return
            try:
                if done[0] != said and time.monotonic() - last_said >= min(PROGRESS_S,
                                                                           lease / 4):
                    said, last_said = done[0], time.monotonic()
                    report_progress(store, job_id, worker, said)
                if time.monotonic() - last_renew < lease / 4:
                    continue
                last_renew = time.monotonic()
                if not renew(store, job_id, worker):
                    token.cancel()
                    return
                last_ok = time.monotonic()
            except Exception:  # a dropped connection, a busy database: try again
                log.warning("job %s: lease not renewed", job_id, exc_info=True)
                if time.monotonic() - last_ok > lease * 0.75:
                    away.set()  # a failed try, not a cancel: nobody asked it to stop
                    token.cancel()  # another worker may take it up soon: stop first
                    return

    keeper = threading.Thread(target=keep_lease, name=f"lease-{job_id}", daemon=True)
    keeper.start()
    try:  # the lease is renewed until the outcome is recorded, or anything escapes
        outcome = _outcome(lambda: _work(store, actor_name, JobKind(kind), footage_id, preset,
                                         token, done, job_id, options),
                           job_id, interrupted, away)
        # a busy store is waited out (the outcome lost would run the job again), the lease
        # renewed meanwhile, so that no other worker takes the job up
        state = retry_while_busy(lambda: finish(store, job_id, worker, actor_name, **outcome),
                                 f"job {job_id}: recording its outcome")
    except Exception:  # the lease runs out and the job is taken up again
        log.exception("job %s: the outcome could not be recorded", job_id)
        return "lost"
    finally:
        stop.set()
        keeper.join()
    return state or "lost"


def _outcome(work: Callable[[], Any], job_id: int, interrupted: threading.Event,
             away: threading.Event) -> dict[str, Any]:
    """What the job's row records: ``work()``'s result, or how it ended."""
    try:
        return {"result": work()}
    except Cancelled:
        return ({"interrupted": True} if interrupted.is_set() else
                {"error": str(STORE_AWAY)} if away.is_set() else {"cancelled": True})
    except BwvError as exc:
        return {"error": str(exc)}
    except DBAPIError as exc:  # the store busy, or refusing: recorded in words (the job's
        log.exception("job %s failed", job_id)  # row and its audit event keep them for
        return {"error": str(database_problem(exc))}  # good: never the statement)
    except Exception as exc:  # logged with its traceback; the job records what it was
        log.exception("job %s failed", job_id)
        return {"error": f"{type(exc).__name__}: {exc}"}


def _work(store: Store, actor_name: str, kind: JobKind, footage_id: int, preset: str,
          cancel: CancelToken, done: list[float], job_id: int,
          options: dict[str, Any]) -> dict[str, Any]:
    """The job's work; ``done[0]`` follows how far it has got."""
    def stage(name: str, part: int, whole: int) -> None:
        if whole and name in STAGES.get(kind, ()):
            first, share = STAGES[kind][name]
            done[0] = first + share * part / whole

    if kind is JobKind.REDACT:
        return make_working_copy(store, actor_name, footage_id, job_id,
                                 preset or DEFAULT_PRESET, options, stage, cancel)
    if kind is JobKind.DETECT:
        analysis = analyse(store, actor_name, footage_id, preset or DEFAULT_PRESET,
                           stage=stage, cancel=cancel)
        return {"run_id": analysis.run_id, "tracks": len(analysis.tracks),
                "reused": analysis.reused}
    words = 0
    model = configured_model(store, load_settings())  # this computer's, as `bwv transcribe`
    tracks = audio_tracks(store, actor_name, footage_id)
    for track in range(tracks):
        def heard(part: int, whole: int, track: int = track) -> None:
            if whole:
                done[0] = (track + part / whole) / tracks

        words += len(transcript_for(store, actor_name, footage_id, track, model=model,
                                    progress=heard, cancel=cancel).words)
    return {"audio_tracks": tracks, "words": words}
