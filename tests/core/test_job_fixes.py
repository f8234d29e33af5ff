"""Jobs: a store outage is a failed try (never a cancel), --folder matches a folder exactly,
a working copy into another folder is another job, a stopped run of worker processes puts
its running job back in the queue, and who may do what is said in good English."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from app.core.jobs.queue import (
    JobKind,
    cancel,
    claim,
    list_jobs,
    put_back_held_by,
    queue_jobs,
)
from app.core.library.ingest import ingest_paths
from app.core.people.users import resolve_actor
from app.core.store import audit
from app.core.store.database import Store
from app.core.store.models import AuditEvent
from tests.conftest import make_video


def _events(store: Store, action: str) -> list[AuditEvent]:
    with store.read() as session:
        return list(session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def _ingest(store: Store, *clips: Path) -> list[int]:
    return [r.footage_id for r in ingest_paths(store, "tester", list(clips)) if r.footage_id]


def test_a_job_stopped_by_a_store_outage_is_a_failed_try_not_cancelled(
        store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The lease could not be renewed for most of a lease (the store locked or away): the
    work stops, and the job is queued again with the try counted and the reason recorded; it
    was recorded "cancelled" though nobody cancelled it."""
    from sqlalchemy.exc import OperationalError

    from app.core.jobs import runner

    monkeypatch.setenv("BWV_JOB_LEASE_S", "0.4")
    (footage,) = _ingest(store, make_video(tmp_path / "long.mp4", frames=240,
                                           size=(320, 240)))
    with store.transaction() as session:
        (job,) = queue_jobs(session, resolve_actor(session, "tester"), [footage],
                            JobKind.DETECT, "balanced")
    assert claim(store, "w1", "tester") == job

    def store_away(*_args: object) -> bool:
        raise OperationalError("UPDATE jobs", {}, Exception("database is locked"))

    monkeypatch.setattr(runner, "renew", store_away)  # every renewal, while the job runs
    assert runner.run_job(store, "tester", job, "w1") == "queued"
    with store.read() as session:
        (row,) = list_jobs(session)
    assert (row.state, row.attempts, row.cancel_requested, row.worker) == (
        "queued", 1, False, "")
    assert row.error == runner.STORE_AWAY
    assert not _events(store, "job.cancelled") and not _events(store, "job.cancel")
    (queued,) = _events(store, "job.queued")
    assert json.loads(queued.details)["error"] == runner.STORE_AWAY
    assert audit.verify(store).ok


def test_folder_selection_is_exact_about_letter_case_and_folder_names(
        store: Store, tmp_path: Path) -> None:
    """bwv batch queue --folder: SQLite's LIKE ignores ASCII case, so /x/SRC chose the
    footage of /x/src; a folder's name is matched whole (/x/src is not /x/src2)."""
    from app.core.library.footage_pages import select_footage

    (tmp_path / "src").mkdir()
    (tmp_path / "src2").mkdir()
    (tmp_path / "SRC").mkdir()
    low, other = _ingest(store, make_video(tmp_path / "src" / "a.mp4", frames=8),
                         make_video(tmp_path / "src2" / "b.mp4", frames=9))
    with store.read() as session:
        assert select_footage(session, folder=tmp_path / "SRC") == []
        assert select_footage(session, folder=tmp_path / "Src2") == []
        assert select_footage(session, folder=tmp_path / "src") == [low]
        assert select_footage(session, folder=tmp_path / "src2") == [other]
        assert select_footage(session, folder=tmp_path) == [low, other]


def test_a_working_copy_into_another_folder_is_queued_not_dropped(
        store: Store, tmp_path: Path) -> None:
    """The same working copy (footage, preset, folder, case, reason) open already is left
    alone; one into another folder was dropped as "already queued"."""
    (footage,) = _ingest(store, make_video(tmp_path / "c.mp4", frames=8))
    share_a, share_b = tmp_path / "shareA", tmp_path / "shareB"
    share_a.mkdir()
    share_b.mkdir()
    with store.transaction() as session:
        actor = resolve_actor(session, "tester")

        def queued(folder: Path, reason: str = "case A") -> list[int]:
            return queue_jobs(session, actor, [footage], JobKind.REDACT, "fast",
                              options={"out_dir": str(folder), "reason": reason})

        (first,) = queued(share_a)
        assert queued(share_a) == []  # the same job: open already
        (second,) = queued(share_b, "case B")
        assert queued(share_b, "case B") == []
        (third,) = queued(share_b, "another reason")
        detect = queue_jobs(session, actor, [footage], JobKind.DETECT, "fast")
        assert len(detect) == 1 and queue_jobs(session, actor, [footage], JobKind.DETECT,
                                               "fast") == []
    with store.read() as session:
        jobs = {j.id: j.options for j in list_jobs(session)}
    assert jobs[first]["out_dir"] == str(share_a.resolve())
    assert jobs[second]["out_dir"] == jobs[third]["out_dir"] == str(share_b.resolve())


def test_a_working_copy_for_a_case_needs_its_footage_in_the_case(store: Store,
                                                               tmp_path: Path) -> None:
    """Footage named outside the case was queued for the case's working copies, and every
    try then failed (an export under a case needs its footage in it; found by a review)."""
    from app.core.casework import cases
    from app.core.errors import ConflictError

    inside, outside = _ingest(store, make_video(tmp_path / "in.mp4", frames=8),
                              make_video(tmp_path / "out.mp4", frames=9))
    share = tmp_path / "share"
    share.mkdir()
    with store.transaction() as session:
        actor = resolve_actor(session, "tester")
        cases.create_case(session, actor, "SAR-5", "subject_access")
        cases.link_footage(session, actor, "SAR-5", inside)
    options = {"out_dir": str(share), "case": "SAR-5"}
    with pytest.raises(ConflictError, match=f"Footage #{outside} is not in case SAR-5"), \
            store.transaction() as session:
        queue_jobs(session, resolve_actor(session, "tester"), [inside, outside],
                   JobKind.REDACT, "fast", options=options)
    with store.read() as session:
        assert list_jobs(session) == []  # nothing queued
    with store.transaction() as session:
        assert len(queue_jobs(session, resolve_actor(session, "tester"), [inside],
                              JobKind.REDACT, "fast", options=options)) == 1


def test_a_stopped_run_of_worker_processes_puts_its_running_job_back(
        store: Store, tmp_path: Path) -> None:
    """Ctrl+C in `bwv worker --processes`: the cluster's processes end and their running
    job goes back to the queue, its try not counted, as with thread workers. It stayed
    "running", held by a dead process: cancelling it said it would stop at its next check,
    and retrying it was refused."""
    from app.core.jobs.cluster import WorkerPool

    short, long = _ingest(store, make_video(tmp_path / "short.mp4", frames=12),
                          make_video(tmp_path / "long.mp4", frames=400, size=(640, 360),
                                     fps=25))
    with store.transaction() as session:
        first, second = queue_jobs(session, resolve_actor(session, "tester"), [short, long],
                                   JobKind.DETECT, "balanced")

    def interrupt_once_the_long_job_runs(_worker: str, _job: int, _outcome: str) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with store.read() as session:
                if {j.id: j.state for j in list_jobs(session)}[second] == "running":
                    break
            time.sleep(0.05)
        raise KeyboardInterrupt  # as Ctrl+C reaches the run

    with WorkerPool(store, workers=1, processes=True) as pool, \
            pytest.raises(KeyboardInterrupt):
        pool.run("tester", interrupt_once_the_long_job_runs)
    with store.read() as session:
        jobs = {j.id: j for j in list_jobs(session)}
    assert jobs[first].state == "done"
    assert (jobs[second].state, jobs[second].attempts, jobs[second].worker,
            jobs[second].lease_until) == ("queued", 0, "", None)
    back = [json.loads(e.details) for e in _events(store, "job.queued")
            if e.object_id == str(second)]
    assert back and back[-1]["interrupted"] is True
    with store.transaction() as session:  # cancelled at once now: nothing runs it
        assert cancel(session, resolve_actor(session, "tester"), second) == "cancelled"
    assert audit.verify(store).ok


def test_a_stopped_process_job_someone_asked_to_cancel_is_cancelled(
        store: Store, tmp_path: Path) -> None:
    a, b, c = _ingest(store, *(make_video(tmp_path / f"s{i}.mp4", frames=8 + i)
                               for i in range(3)))
    with store.transaction() as session:
        actor = resolve_actor(session, "tester")
        first, second, third = queue_jobs(session, actor, [a, b, c], JobKind.DETECT, "fast")
    assert claim(store, "pc:12/process-1", "tester") == first
    assert claim(store, "pc:12/process-2", "tester") == second
    assert claim(store, "pc:123/process-1", "tester") == third  # another process: alive
    with store.transaction() as session:
        assert cancel(session, resolve_actor(session, "tester"), second) == "running"
    assert put_back_held_by(store, "tester", []) == 0
    assert put_back_held_by(store, "tester", ["pc:12/"]) == 2
    with store.read() as session:
        rows = {j.id: (j.state, j.attempts, j.worker) for j in list_jobs(session)}
    assert rows == {first: ("queued", 0, ""), second: ("cancelled", 1, "pc:12/process-2"),
                    third: ("running", 1, "pc:123/process-1")}
    assert audit.verify(store).ok


def test_who_may_do_something_is_said_in_good_english(store: Store) -> None:
    """"only a disclosure officer or a supervisor or a administrator can ..." """
    from app.core.errors import PermissionDeniedError
    from app.core.people.permissions import Permission, require
    from app.core.people.users import add_user
    from app.core.store.models import Role

    with store.transaction() as session:
        add_user(session, resolve_actor(session, "tester"), "clerk", Role.CASE_STAFF)
    with store.transaction() as session:
        clerk = resolve_actor(session, "clerk")
        with pytest.raises(PermissionDeniedError) as refused:
            require(clerk, Permission.REDACT, "queue jobs")
    assert str(refused.value) == ("clerk is case staff; only a disclosure officer, a "
                                  "supervisor or an administrator can queue jobs.")
    assert refused.value.arguments["who"] == (
        "a disclosure officer, a supervisor or an administrator")
