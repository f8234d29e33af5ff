"""Jobs: queued once per item, claimed by exactly one worker, taken up again after a worker
dies, cancelled and retried; N jobs through a real Dask LocalCluster with 2 workers finish
exactly once each and the audit chain stays intact."""

from __future__ import annotations

import json
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from app.core.jobs.cluster import run_workers
from app.core.jobs.queue import (
    JobKind,
    JobState,
    cancel,
    claim,
    finish,
    lease_s,
    list_jobs,
    queue_jobs,
    release_held_by,
    retry,
)
from app.core.library.ingest import ingest_paths
from app.core.people.users import resolve_actor
from app.core.store import audit
from app.core.store.database import Store
from app.core.store.models import AuditEvent, utcnow
from tests.conftest import make_video


def _footage(store: Store, tmp_path: Path, n: int, actor: str = "tester") -> list[int]:
    clips = [make_video(tmp_path / f"clip{i}.mp4", frames=12 + i) for i in range(n)]
    return [r.footage_id for r in ingest_paths(store, actor, clips) if r.footage_id]


def _events(store: Store, action: str) -> list[AuditEvent]:
    with store.read() as session:
        return list(session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def test_jobs_through_two_dask_workers_finish_exactly_once(store: Store,
                                                           tmp_path: Path) -> None:
    ids = _footage(store, tmp_path, 6)
    with store.transaction() as session:
        actor = resolve_actor(session, "tester")
        jobs = queue_jobs(session, actor, ids, JobKind.DETECT, "fast")
        assert queue_jobs(session, actor, ids, JobKind.DETECT, "fast") == []  # open already
    seen: list[tuple[str, int, str]] = []
    outcomes = run_workers(store, "tester", workers=2,
                           progress=lambda w, j, o: seen.append((w, j, o)))
    assert outcomes == Counter({"done": 6})
    assert sorted(j for _w, j, _o in seen) == sorted(jobs)  # each job once
    assert len({w for w, _j, _o in seen}) >= 1
    with store.read() as session:
        rows = list_jobs(session)
    assert all(r.state == JobState.DONE.value and r.attempts == 1 for r in rows)
    assert {r.footage_id for r in rows} == set(ids)
    assert len(_events(store, "detection.run")) == 6  # nothing detected twice
    assert len(_events(store, "job.done")) == 6
    assert all(json.loads(e.details)["tracks"] == 0 for e in _events(store, "job.done"))
    assert audit.verify(store).ok


@pytest.mark.parametrize("processes", [False, True], ids=["threads", "processes"])
def test_each_jobs_outcome_is_passed_on_when_it_ends_not_when_the_queue_is_empty(
        store: Store, tmp_path: Path, processes: bool) -> None:
    """A worker's drain returns only when the queue is empty; the run passes on each job's
    outcome as it ends (bwv worker's lines and bar), each once."""
    clips = [make_video(tmp_path / f"live{i}.mp4", frames=60 + i) for i in range(3)]
    ids = [r.footage_id for r in ingest_paths(store, "tester", clips) if r.footage_id]
    with store.transaction() as session:
        jobs = queue_jobs(session, resolve_actor(session, "tester"), ids, JobKind.DETECT,
                          "fast")
    left_open: list[int] = []

    def progress(_worker: str, _job: int, _outcome: str) -> None:
        with store.read() as session:  # jobs not yet ended when this one was passed on
            left_open.append(sum(j.state in ("queued", "running")
                                 for j in list_jobs(session)))

    assert run_workers(store, "tester", workers=1, processes=processes,
                       progress=progress) == Counter(done=3)
    assert len(left_open) == 3 and left_open[0] >= 1, left_open
    assert sorted(jobs) == sorted(int(e.object_id) for e in _events(store, "job.done"))


def test_worker_processes_over_tls_sign_as_the_signed_in_user(store: Store,
                                                            tmp_path: Path) -> None:
    from app.core.chain.signing import event_signature_ok
    from app.core.sign_in.accounts import create_first_administrator, sign_in

    with store.transaction() as session:
        create_first_administrator(session, "chief", "a long passphrase")
    sign_in(store, "chief", "a long passphrase")  # its key is opened in this process only
    ids = _footage(store, tmp_path, 3, "chief")
    with store.transaction() as session:
        queue_jobs(session, resolve_actor(session, "chief"), ids, JobKind.DETECT, "fast")
    seen: list[str] = []
    outcomes = run_workers(store, "chief", workers=2, processes=True,
                           progress=lambda w, _j, _o: seen.append(w))
    assert outcomes == Counter({"done": 3})
    labels = sorted(w.split("/")[1] for w in seen)  # this process ran the first job while
    assert labels[0] == "first-job" and all(x.startswith("process-") for x in labels[1:])
    runs = _events(store, "detection.run")
    assert len(runs) == 3 and len(_events(store, "job.done")) == 3
    with store.read() as session:
        key = resolve_actor(session, "chief").public_key
    assert key and all(e.actor == "chief" and e.signature
                       and event_signature_ok(key, e.hash, e.signature) for e in runs)
    assert audit.verify(store).ok


def test_a_running_job_says_how_far_it_has_got(store: Store, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from app.core.jobs import runner

    (footage,) = _footage(store, tmp_path, 1)
    clip = make_video(tmp_path / "long.mp4", frames=240, size=(320, 240))
    (longer,) = [r.footage_id for r in ingest_paths(store, "tester", [clip])]
    said: list[float] = []

    def spy(store_: Store, job_id: int, worker: str, fraction: float) -> bool:
        said.append(fraction)
        return runner_report(store_, job_id, worker, fraction)

    runner_report = runner.report_progress
    monkeypatch.setattr(runner, "report_progress", spy)
    monkeypatch.setattr(runner, "PROGRESS_S", 0.02)
    with store.transaction() as session:
        queue_jobs(session, resolve_actor(session, "tester"), [longer], JobKind.DETECT,
                   "balanced")
    job = claim(store, "w1", "tester")
    assert job is not None
    assert runner.run_job(store, "tester", job, "w1") == "done"
    assert said and said == sorted(said) and said[0] > 0 and said[-1] <= 1.0
    with store.read() as session:
        (row,) = [r for r in list_jobs(session) if r.id == job]
    assert row.progress == 1.0 and footage != longer


def test_a_job_left_by_ctrl_c_stops_renewing_its_lease(store: Store, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever escapes the job (Ctrl+C in a worker run in the foreground) stops its lease
    keeper: the job is left to run out its lease and be taken up again, not renewed for as
    long as the process lives on."""
    import threading

    from app.core.jobs import runner

    (footage,) = _footage(store, tmp_path, 1)
    with store.transaction() as session:
        queue_jobs(session, resolve_actor(session, "tester"), [footage], JobKind.DETECT,
                   "balanced")
    job = claim(store, "w1", "tester")
    assert job is not None

    def interrupted(*_args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(runner, "_work", interrupted)
    with pytest.raises(KeyboardInterrupt):
        runner.run_job(store, "tester", job, "w1")
    assert not [t for t in threading.enumerate() if t.name == f"lease-{job}"]


def test_a_dead_workers_job_is_taken_up_once_and_its_late_word_is_ignored(
        store: Store, tmp_path: Path) -> None:
    (footage,) = _footage(store, tmp_path, 1)
    with store.transaction() as session:
        (job,) = queue_jobs(session, resolve_actor(session, "tester"), [footage],
                            JobKind.DETECT, "fast")
    long_ago = utcnow() - timedelta(hours=1)
    assert claim(store, "dead", "tester", now=long_ago) == job  # lease ran out an hour ago
    assert claim(store, "alive", "tester") == job  # taken up
    assert claim(store, "third", "tester") is None  # the live lease holds
    assert finish(store, job, "dead", "tester", result={"late": True}) is None
    assert finish(store, job, "alive", "tester", result={"ok": True}) == "done"
    starts = [json.loads(e.details) for e in _events(store, "job.start")]
    assert [d.get("taken_from") for d in starts] == [None, "dead"]
    with store.read() as session:
        (row,) = list_jobs(session)
    assert (row.state, row.attempts, row.worker, row.result) == ("done", 2, "alive",
                                                                 {"ok": True})


def test_the_jobs_of_a_worker_process_seen_to_end_are_free_at_once(
        store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A run that sees one of its worker processes end frees that process's job at once (its
    lease would hold it two minutes); a live process's job, and one of a process whose id
    merely begins the same, stay held. The watch tells a process that ended (and only
    once), not one that lives."""
    import socket
    import subprocess
    import sys
    import time
    from types import SimpleNamespace

    from sqlalchemy.exc import OperationalError

    from app.core.jobs.ended_workers import EndedWorkers

    first, second = _footage(store, tmp_path, 2)
    with store.transaction() as session:
        jobs = queue_jobs(session, resolve_actor(session, "tester"), [first, second],
                          JobKind.DETECT, "fast")
    assert claim(store, "pc:123/process-1", "tester") == jobs[0]
    assert claim(store, "pc:1234/process-2", "tester") == jobs[1]
    assert claim(store, "other", "tester") is None  # both leases hold
    assert release_held_by(store, []) == 0
    assert release_held_by(store, ["pc:123/"]) == 1
    assert claim(store, "other", "tester") == jobs[0]  # taken up at once
    assert claim(store, "third", "tester") is None  # pc:1234's lease holds
    starts = [json.loads(e.details) for e in _events(store, "job.start")]
    assert starts[-1]["taken_from"] == "pc:123/process-1"

    sleepers = [subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
                for _ in range(2)]
    try:
        watch = EndedWorkers(store, lambda: [SimpleNamespace(pid=p.pid) for p in sleepers]
                             + [SimpleNamespace(pid=None)])  # a Nanny restarting its worker
        assert watch.holders() == []
        sleepers[0].kill()
        sleepers[0].wait(timeout=30)
        assert watch.holders() == [f"{socket.gethostname()}:{sleepers[0].pid}/"]
        assert watch.holders() == []  # told once
        sleepers[1].kill()  # not collected: a zombie has ended too
        deadline = time.monotonic() + 30
        while not (ended := watch.holders()):
            assert time.monotonic() < deadline
            time.sleep(0.05)
        assert ended == [f"{socket.gethostname()}:{sleepers[1].pid}/"]
        assert sleepers[1].poll() is not None

        # a job held by a process that ends while the store is away is freed once it is back
        dead = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
        (third,) = [r.footage_id for r in ingest_paths(
            store, "tester", [make_video(tmp_path / "third.mp4", frames=30)])]
        with store.transaction() as session:
            (job,) = queue_jobs(session, resolve_actor(session, "tester"), [third],
                                JobKind.DETECT, "fast")
        assert claim(store, f"{socket.gethostname()}:{dead.pid}/process-1", "tester") == job
        held = EndedWorkers(store, lambda: [SimpleNamespace(pid=dead.pid)])
        held.free_their_jobs()  # alive: nothing to free
        dead.kill()
        dead.wait(timeout=30)
        away = [True]

        def flaky(store_: Store, holders: list[str]) -> int:
            if away.pop() if away else False:
                raise OperationalError("UPDATE", {}, Exception("database is locked"))
            return release_held_by(store_, holders)

        monkeypatch.setattr("app.core.jobs.ended_workers.release_held_by", flaky)
        held.free_their_jobs()  # the store is away: logged, kept, the run goes on
        assert claim(store, "other", "tester") is None
        held.free_their_jobs()  # back: freed now
        assert claim(store, "other", "tester") == job
    finally:
        for sleeper in sleepers:
            sleeper.kill()
            sleeper.wait(timeout=30)


def test_a_runs_outcomes_are_each_passed_on_once_and_counted_if_their_list_was_lost() -> None:
    """Outcomes heard as they come are passed on then; the drains' lists at the end pass on
    only what was not heard; one heard but in no list (its drain's worker died after telling
    it) is handed back to be counted; a display that fails does not stop the run."""
    from app.core.jobs.live_outcomes import RunOutcomes

    passed: list[tuple[str, int, str]] = []
    run = RunOutcomes(lambda w, j, o: passed.append((w, j, o)), "topic")
    assert run.address == ("topic", run.run)
    quiet = RunOutcomes(None, "topic")  # nothing shown: still told, to be counted
    quiet.hear(("a", 4, "done"))
    assert quiet.address is not None and quiet.settle([]) == [("a", 4, "done")]
    assert RunOutcomes(print).address is None  # no topic (a bare run): nothing is told
    run.hear(("a", 1, "done"))
    run.hear(("b", 2, "failed"))
    run.deliver()
    assert passed == [("a", 1, "done"), ("b", 2, "failed")]
    unlisted = run.settle([("a", 1, "done"), ("a", 3, "done"), ("a", 0, "error")])
    assert passed[2:] == [("a", 3, "done"), ("a", 0, "error")]  # not heard: passed on now
    assert unlisted == [("b", 2, "failed")]  # heard, its drain's list lost: to be counted

    def broken(_w: str, _j: int, _o: str) -> None:
        raise BrokenPipeError("stderr closed")

    failing = RunOutcomes(broken, "topic")
    failing.hear(("a", 1, "done"))
    failing.deliver()  # logged, not raised
    assert failing.settle([("a", 1, "done")]) == []


def test_a_pools_topic_passes_each_run_only_its_own_outcomes(store: Store) -> None:
    """The pool's one topic carries every run's outcomes: a run hears only messages naming
    it, while it lasts; anything else on the topic is ignored."""
    from app.core.jobs.cluster import WorkerPool

    heard: list[tuple[str, int, str]] = []
    with WorkerPool(store, workers=1) as pool:
        topic = pool._topic
        assert topic is not None and topic.name == f"bwv-outcomes-{store.store_id}"
        with topic.run(lambda w, j, o: heard.append((w, j, o))) as live:
            assert live.address == (topic.name, live.run)
            topic._hear((0.0, [live.run, "pc:1/worker-1", 5, "done"]))
            topic._hear((0.0, ["another run", "pc:1/worker-1", 6, "done"]))
            topic._hear((0.0, "not ours"))
            topic._hear((0.0, [live.run, "pc:1/worker-1", "seven", "done"]))
            live.deliver()
        topic._hear((0.0, [live.run, "pc:1/worker-1", 8, "done"]))  # the run has ended
        live.deliver()
    assert heard == [("pc:1/worker-1", 5, "done")]


def test_cancel_retry_and_failures(store: Store, tmp_path: Path) -> None:
    a, b = _footage(store, tmp_path, 2)
    with store.transaction() as session:
        actor = resolve_actor(session, "tester")
        first, second = queue_jobs(session, actor, [a, b], JobKind.DETECT, "fast")
        assert cancel(session, actor, first) == "cancelled"
    assert claim(store, "w1", "tester") == second  # a cancelled job is never claimed
    for attempt in (1, 2, 3):  # failures are retried automatically, then stay failed
        assert finish(store, second, "w1", "tester", error=f"boom {attempt}") == (
            "queued" if attempt < 3 else "failed")
        if attempt < 3:
            assert claim(store, "w1", "tester") == second
    with store.transaction() as session:
        actor = resolve_actor(session, "tester")
        states = {r.id: (r.state, r.error) for r in list_jobs(session)}
        assert states == {first: ("cancelled", ""), second: ("failed", "boom 3")}
        retry(session, actor, second)
        with pytest.raises(Exception, match="only a failed or cancelled job"):
            retry(session, actor, second)
    assert run_workers(store, "tester", workers=1) == Counter({"done": 1})


def test_only_someone_who_may_run_jobs_claims_one(store: Store, tmp_path: Path) -> None:
    """Case staff (or a deactivated account whose worker runs on) claimed jobs it could not
    run, using up their attempts until they failed (a review found the queue emptied into
    "failed" that way); now nothing is claimed and the job stays queued."""
    from app.core.errors import PermissionDeniedError, SignInError
    from app.core.jobs.queue import may_run_jobs
    from app.core.people.users import add_user, update_user
    from app.core.store.models import Role

    (a,) = _footage(store, tmp_path, 1)
    with store.transaction() as session:
        admin = resolve_actor(session, "tester")
        add_user(session, admin, "clerk", Role.CASE_STAFF)
        add_user(session, admin, "officer", Role.DISCLOSURE_OFFICER)
        (job,) = queue_jobs(session, admin, [a], JobKind.DETECT, "fast")
    with pytest.raises(PermissionDeniedError, match="run batch jobs"):
        claim(store, "w1", "clerk")
    with pytest.raises(PermissionDeniedError, match="run batch jobs"):
        may_run_jobs(store, "clerk")
    with store.transaction() as session:
        update_user(session, resolve_actor(session, "tester"), "officer", active=False)
    with pytest.raises((PermissionDeniedError, SignInError)):
        claim(store, "w1", "officer")
    with store.read() as session:
        (row,) = list_jobs(session)
    assert (row.id, row.state, row.attempts) == (job, "queued", 0)
    assert run_workers(store, "tester", workers=1) == Counter({"done": 1})


def test_an_interrupted_job_goes_back_to_the_queue_unless_it_was_cancelled(
        store: Store, tmp_path: Path) -> None:
    """A job its worker was stopped in the middle of (Ctrl+C) is queued again, the try not
    counted; one a person also asked to cancel meanwhile ends cancelled, never done."""
    a, b = _footage(store, tmp_path, 2)
    with store.transaction() as session:
        actor = resolve_actor(session, "tester")
        first, second = queue_jobs(session, actor, [a, b], JobKind.DETECT, "fast")
    assert claim(store, "w1", "tester") == first
    assert finish(store, first, "w1", "tester", interrupted=True) == "queued"
    assert claim(store, "w2", "tester") == first  # taken up again at once
    with store.transaction() as session:
        assert cancel(session, resolve_actor(session, "tester"), first) == "running"
    assert finish(store, first, "w2", "tester", interrupted=True) == "cancelled"
    with store.transaction() as session:
        rows = {r.id: (r.state, r.attempts) for r in list_jobs(session)}
    assert rows == {first: ("cancelled", 1), second: ("queued", 0)}


def test_a_dead_workers_job_that_was_cancelled_or_keeps_killing_workers_ends(
        store: Store, tmp_path: Path) -> None:
    a, b = _footage(store, tmp_path, 2)
    with store.transaction() as session:
        actor = resolve_actor(session, "tester")
        first, second = queue_jobs(session, actor, [a, b], JobKind.DETECT, "fast")
    long_ago = utcnow() - timedelta(hours=1)
    assert claim(store, "dead", "tester", now=long_ago) == first
    with store.transaction() as session:  # cancelled while its worker is dead
        assert cancel(session, resolve_actor(session, "tester"), first) == "running"
    for n in range(3):  # the second job's worker dies three times, one lease after another
        at = long_ago + timedelta(seconds=(lease_s() + 1) * n)
        assert claim(store, f"dead{n}", "tester", now=at) == second
    assert claim(store, "alive", "tester") is None  # neither is run again
    with store.transaction() as session:
        rows = {r.id: (r.state, r.error) for r in list_jobs(session)}
        assert rows[first] == ("cancelled", "")
        assert rows[second][0] == "failed" and "stopped without an outcome 3" in rows[second][1]
        again = queue_jobs(session, resolve_actor(session, "tester"), [a], JobKind.DETECT,
                           "fast")
    assert len(again) == 1  # the item can be queued again


def test_a_watch_folder_ingests_files_once_they_have_settled(store: Store,
                                                             tmp_path: Path) -> None:
    from app.core.casework import cases
    from app.core.errors import PermissionDeniedError
    from app.core.jobs.watch import Watcher, WatchRule, add_rule, remove_rule, rules, scan
    from app.core.people.users import add_user
    from app.core.store.models import Role

    dock = tmp_path / "dock"
    dock.mkdir()
    with store.transaction() as session:
        admin = resolve_actor(session, "tester")
        cases.create_case(session, admin, "SAR-7", "subject_access")
        add_user(session, admin, "pc.jones", Role.DISCLOSURE_OFFICER)
    with pytest.raises(PermissionDeniedError):
        add_rule(store, "pc.jones", WatchRule(dock, "SAR-7", "detect"))
    add_rule(store, "tester", WatchRule(dock, "SAR-7", "detect"))
    assert rules(store) == [WatchRule(dock.resolve(), "SAR-7", "detect")]
    watcher = Watcher(settle_s=30)
    clip = make_video(tmp_path / "src.mp4", frames=12)
    copying = dock / "BWV-0001.mp4"
    copying.write_bytes(clip.read_bytes()[:1000])  # still being copied
    (dock / "BWV-0002.mp4.part").write_bytes(b"partial")
    (dock / ".hidden.mp4").write_bytes(clip.read_bytes())
    assert scan(store, "tester", watcher, now=0) == []  # first sight: not settled
    copying.write_bytes(clip.read_bytes())  # the copy ends
    assert scan(store, "tester", watcher, now=40) == []  # it changed: waits again
    assert scan(store, "tester", watcher, now=60) == []  # unchanged for 20 s only
    (result,) = scan(store, "tester", watcher, now=75)  # unchanged for 35 s
    assert result.status.value == "ingested" and result.path == copying
    assert scan(store, "tester", watcher, now=200) == []  # never twice
    with store.read() as session:
        (job,) = list_jobs(session)
        from app.core.library.footage import list_footage

        assert [f.id for f in list_footage(session, "SAR-7")] == [result.footage_id]
    assert (job.kind, job.state, job.footage_id) == ("detect", "queued", result.footage_id)
    (ingested,) = _events(store, "footage.ingest")  # the trail says how the file came in
    assert json.loads(ingested.details)["source"] == {"watch_folder": str(dock.resolve())}
    assert remove_rule(store, "tester", dock) and rules(store) == []
    assert audit.verify(store).ok


def test_a_watch_folder_handles_renamed_replaced_damaged_and_interrupted_files(
        store: Store, tmp_path: Path) -> None:
    from app.core.jobs.watch import Watcher, WatchRule, add_rule, scan

    dock = tmp_path / "dock"
    dock.mkdir()
    add_rule(store, "tester", WatchRule(dock, "", "detect"))
    first, second = (make_video(tmp_path / f"v{i}.mp4", frames=12 + i) for i in range(2))
    name = dock / "BWV0001.mp4"
    name.write_bytes(first.read_bytes())
    bad = dock / "broken.mp4"
    bad.write_bytes(b"not a video at all" * 100)
    watcher = Watcher(settle_s=5)
    assert scan(store, "tester", watcher, now=0) == []
    results = {r.path.name: r.status.value for r in scan(store, "tester", watcher, now=10)}
    assert results == {"BWV0001.mp4": "ingested", "broken.mp4": "failed"}
    assert scan(store, "tester", watcher, now=20) == []  # the damaged file is not re-read
    name.write_bytes(second.read_bytes())  # a new recording under the old name
    assert scan(store, "tester", watcher, now=30) == []
    (again,) = scan(store, "tester", watcher, now=40)
    assert again.status.value == "ingested"
    with store.transaction() as session:  # a worker stopped before queueing: jobs lost
        for job in list_jobs(session):
            session.delete(job)
    restarted = Watcher(settle_s=5)
    scan(store, "tester", restarted, now=0)
    found = scan(store, "tester", restarted, now=10)
    assert {r.status.value for r in found} == {"duplicate", "failed"}
    with store.read() as session:  # the item found in the store gets its missing job
        assert [j.footage_id for j in list_jobs(session)] == [again.footage_id]


def test_a_worker_process_killed_mid_job_loses_nothing(store: Store, tmp_path: Path) -> None:
    """A real worker process is killed (SIGKILL) while it detects; another takes the job up
    once the lease runs out and finishes it; the chain is intact."""
    import os
    import subprocess
    import sys
    import time

    (footage,) = [r.footage_id for r in ingest_paths(store, "tester", [make_video(
        tmp_path / "long.mp4", frames=250, size=(640, 360), fps=25)])]
    with store.transaction() as session:
        (job,) = queue_jobs(session, resolve_actor(session, "tester"), [footage],
                            JobKind.DETECT, "balanced")
    code = ("import sys; from pathlib import Path; from app.core.store.database import Store; "
            "from app.core.jobs.queue import claim; from app.core.jobs.runner import run_job; "
            "s = Store(sys.argv[1], Path(sys.argv[2])); j = claim(s, 'doomed', 'tester'); "
            "run_job(s, 'tester', j, 'doomed')")
    env = {**os.environ, "BWV_JOB_LEASE_S": "2", "PYTHONPATH": str(Path(__file__).parents[2])}
    worker = subprocess.Popen([sys.executable, "-c", code, store.url,
                               str(store.data_dir)], env=env)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with store.read() as session:
                (row,) = list_jobs(session)
                if row.state == "running":
                    break
            time.sleep(0.2)
        time.sleep(1.0)  # well into the detection
        worker.kill()
    finally:
        worker.wait(timeout=30)
    with store.read() as session:
        (row,) = list_jobs(session)
    assert (row.state, row.worker) == ("running", "doomed")  # died holding it
    time.sleep(3.0)  # its 2 s lease (renewed until it died) runs out
    assert claim(store, "survivor", "tester") == job
    from app.core.jobs.runner import run_job

    assert run_job(store, "tester", job, "survivor") == "done"
    with store.read() as session:
        (row,) = list_jobs(session)
    assert (row.state, row.attempts, row.worker) == ("done", 2, "survivor")
    starts = [json.loads(e.details) for e in _events(store, "job.start")]
    assert [s.get("taken_from") for s in starts] == [None, "doomed"]
    assert len(_events(store, "job.done")) == 1
    assert audit.verify(store).ok


def test_two_people_queueing_the_same_items_at_once_queue_each_job_once(
        store: Store, tmp_path: Path) -> None:
    """Two supervisors queue one case's footage at the same moment. Each queueing reads
    whether the job is already open, then writes; on PostgreSQL the second used to read
    before the first committed and queued every job again (each clip detected twice). It
    now waits for the first and sees its jobs."""
    import threading
    import time

    ids = _footage(store, tmp_path, 3)
    second: list[list[int]] = []
    with store.transaction() as session:
        first = queue_jobs(session, resolve_actor(session, "tester"), ids, JobKind.DETECT,
                           "fast")

        def queue_again() -> None:
            with store.transaction() as other:
                second.append(queue_jobs(other, resolve_actor(other, "tester"), ids,
                                         JobKind.DETECT, "fast"))

        racer = threading.Thread(target=queue_again)
        racer.start()
        time.sleep(1.0)  # the second queueing has read (or waits to) before this commits
    racer.join(30)
    assert len(first) == 3 and second == [[]]
    with store.read() as session:
        assert len(list_jobs(session)) == 3
    assert len(_events(store, "job.queue")) == 3


def test_a_job_is_not_retried_while_the_same_work_is_open(store: Store,
                                                          tmp_path: Path) -> None:
    """A failed job queued again by someone else (a new job for the same work) and then
    retried would run the same work twice: the retry is refused, naming the open job."""
    (item,) = _footage(store, tmp_path, 1)
    with store.transaction() as session:
        actor = resolve_actor(session, "tester")
        (old,) = queue_jobs(session, actor, [item], JobKind.DETECT, "fast")
        assert cancel(session, actor, old) == "cancelled"
        (new,) = queue_jobs(session, actor, [item], JobKind.DETECT, "fast")
    with store.transaction() as session, pytest.raises(Exception, match=f"job {new} does"):
        retry(session, resolve_actor(session, "tester"), old)
    with store.transaction() as session:
        actor = resolve_actor(session, "tester")
        assert cancel(session, actor, new) == "cancelled"
        retry(session, actor, old)  # nothing else open: it may run again
    with store.read() as session:
        assert {r.id: r.state for r in list_jobs(session)} == {old: "queued", new: "cancelled"}


def _hold_for(store: Store, seconds: float) -> None:
    """Another program holding the store for ``seconds`` (SQLite's write lock; the audit
    chain's lock on PostgreSQL, as a computer that vanished mid-write would, until the
    server lets go); returns once it holds it."""
    import sqlite3
    import threading

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from app.core.store.database_locks import CHAIN_LOCK

    holding = threading.Event()

    def hold() -> None:
        if store.engine.dialect.name == "sqlite":
            other = sqlite3.connect(str(make_url(store.url).database), isolation_level=None)
            other.execute("BEGIN IMMEDIATE")
            holding.set()
            threading.Event().wait(seconds)
            other.execute("ROLLBACK")
            other.close()
            return
        engine = create_engine(store.url)
        with engine.connect() as conn, conn.begin():
            conn.execute(text(f"SELECT pg_advisory_xact_lock({CHAIN_LOCK})"))
            holding.set()
            threading.Event().wait(seconds)
        engine.dispose()

    threading.Thread(target=hold, daemon=True).start()
    assert holding.wait(10)


@pytest.mark.parametrize("write", ["claim", "finish"])
def test_a_worker_waits_out_a_busy_store_rather_than_lose_a_claim_or_an_outcome(
        store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, write: str) -> None:
    """A worker claiming a job or recording its outcome while another program held the
    store past the busy timeout was refused: a claim lost ended the worker's round, an
    outcome lost ran the whole job again (three times: failed). Now it tries again while
    the store stays busy (store.busy_retry) and the job is done once."""
    from app.core.jobs import cluster, runner
    from app.core.store import busy_retry, database

    (footage,) = _footage(store, tmp_path, 1)
    with store.transaction() as session:
        queue_jobs(session, resolve_actor(session, "tester"), [footage], JobKind.DETECT,
                   "fast")
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 300)
    monkeypatch.setattr(busy_retry, "BUSY_WAITS", (0.5,) * 8)
    fresh = Store(store.url, store.data_dir)  # its writes wait 0.3 s for a lock, not 10
    module = cluster if write == "claim" else runner
    real, tries = getattr(module, write), []

    def busy_at_first(*args: object, **kwargs: object) -> object:
        if not tries:
            _hold_for(store, 1.5)
        tries.append(write)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, write, busy_at_first)
    try:
        assert [state for _job, state, _worker in cluster._drain(fresh, "tester", "w1")] \
            == ["done"]
    finally:
        fresh.close()
    assert len(tries) >= 2  # refused at least once, then recorded
    assert len(_events(store, "job.done")) == 1
