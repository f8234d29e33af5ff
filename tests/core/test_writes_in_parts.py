"""Work that records many events writes them a part at a time, so other programs get the
store in between: queueing many jobs (every item checked before any is queued; an
interruption keeps whole parts and asking again queues the rest) and verifying every
original."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from app.core.casework.cases import create_case
from app.core.errors import Cancelled, ConflictError, NotFoundError, StoreBusyError
from app.core.jobs.bulk_queue import PARTLY_QUEUED, queue_in_parts
from app.core.jobs.queue import JobKind, list_jobs
from app.core.library.footage import verify_originals
from app.core.library.ingest import ingest_paths
from app.core.people.users import resolve_actor
from app.core.progress import CancelToken
from app.core.store import audit
from app.core.store.database import Store
from app.core.store.models import AuditEvent, Footage
from tests.conftest import make_video


def _footage(store: Store, tmp_path: Path, n: int) -> list[int]:
    clips = [make_video(tmp_path / f"clip{i}.mp4", frames=6 + i) for i in range(n)]
    return [r.footage_id for r in ingest_paths(store, "tester", clips) if r.footage_id]


def _queued(store: Store) -> list[int]:
    with store.read() as session:
        return sorted(j.footage_id for j in list_jobs(session) if j.state == "queued")


def test_many_items_are_queued_a_part_at_a_time(store: Store, tmp_path: Path) -> None:
    ids = _footage(store, tmp_path, 8)
    commits: list[int] = []
    event.listen(store.engine, "commit", lambda _conn: commits.append(1))
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        if 0 < done < total:  # between parts the store is free: another writer gets in
            with store.transaction() as session:
                session.get_one(Footage, ids[0]).device_id = f"between {done}"

    made = queue_in_parts(store, "tester", ids, JobKind.DETECT, "fast", part=3,
                          progress=progress)
    assert len(made) == 8 and _queued(store) == sorted(ids)
    assert seen == [(0, 8), (3, 8), (6, 8), (8, 8)]
    assert len(commits) == 3 + 2  # three parts, and the two writes between them
    with store.read() as session:
        events = session.scalars(select(AuditEvent).where(AuditEvent.action == "job.queue"))
        assert sorted(e.object_id for e in events) == sorted(str(j) for j in made)


def test_a_bad_item_anywhere_queues_nothing(store: Store, tmp_path: Path) -> None:
    ids = _footage(store, tmp_path, 5)
    with pytest.raises(NotFoundError):
        queue_in_parts(store, "tester", [*ids, 999], JobKind.DETECT, "fast", part=2)
    with store.transaction() as session:
        create_case(session, resolve_actor(session, "tester"), "SAR-9", "subject_access")
    with pytest.raises(ConflictError):  # working copies for a case the items are not in
        queue_in_parts(store, "tester", ids, JobKind.REDACT, "balanced", part=2,
                       options={"out_dir": str(tmp_path), "case": "SAR-9"})
    assert _queued(store) == []


def test_an_interrupted_queueing_keeps_whole_parts_and_asking_again_queues_the_rest(
        store: Store, tmp_path: Path) -> None:
    ids = _footage(store, tmp_path, 7)
    token = CancelToken()

    def progress(done: int, _total: int) -> None:
        if done == 3:
            token.cancel()

    with pytest.raises(Cancelled):
        queue_in_parts(store, "tester", ids, JobKind.DETECT, "fast", part=3,
                       progress=progress, cancel=token)
    assert _queued(store) == sorted(ids[:3])
    again = queue_in_parts(store, "tester", ids, JobKind.DETECT, "fast", part=3)
    assert len(again) == 4 and _queued(store) == sorted(ids)


def test_verifying_every_original_records_its_events_a_part_at_a_time(
        store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ids = _footage(store, tmp_path, 5)
    monkeypatch.setattr(audit, "PART", 2)
    commits: list[int] = []
    event.listen(store.engine, "commit", lambda _conn: commits.append(1))
    checks = verify_originals(store, "tester")
    assert sorted(c.footage_id for c in checks) == sorted(ids)
    assert len(commits) == 3  # 2 + 2 + 1 events
    with store.read() as session:
        verified = session.scalars(select(AuditEvent.footage_id).where(
            AuditEvent.action == "footage.verify")).all()
    assert sorted(verified) == sorted(ids)


def test_a_store_busy_after_some_parts_says_how_many_were_queued(
        store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Not "nothing of this action was saved": the parts before are queued."""
    import sqlite3

    from sqlalchemy.engine import make_url

    from app.core.store import database

    ids = _footage(store, tmp_path, 4)
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 300)
    store.engine.dispose()  # its next connections wait 0.3 s
    holder = sqlite3.connect(str(make_url(store.url).database), isolation_level=None)

    def progress(done: int, _total: int) -> None:
        if done == 2:  # another program takes the store between the parts
            holder.execute("BEGIN IMMEDIATE")

    try:
        with pytest.raises(StoreBusyError) as refused:
            queue_in_parts(store, "tester", ids, JobKind.DETECT, "fast", part=2,
                           progress=progress)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert refused.value.template == PARTLY_QUEUED
    assert "after 2 of 4 items" in str(refused.value)
    assert _queued(store) == sorted(ids[:2])
    assert len(queue_in_parts(store, "tester", ids, JobKind.DETECT, "fast")) == 2


def test_verify_refused_part_way_says_how_many_checks_were_recorded(
        store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    from sqlalchemy.engine import make_url

    from app.core.library.footage import VERIFY_PARTLY_RECORDED
    from app.core.store import database

    ids = _footage(store, tmp_path, 3)
    monkeypatch.setattr(audit, "PART", 2)
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 300)
    store.engine.dispose()
    holder = sqlite3.connect(str(make_url(store.url).database), isolation_level=None)
    parts: list[int] = []

    def after_commit(_session: object) -> None:  # another program takes the store then
        parts.append(1)
        if len(parts) == 1:
            holder.execute("BEGIN IMMEDIATE")

    event.listen(Session, "after_commit", after_commit)
    try:
        with pytest.raises(StoreBusyError) as refused:
            verify_originals(store, "tester")
    finally:
        event.remove(Session, "after_commit", after_commit)
        holder.execute("ROLLBACK")
        holder.close()
    assert refused.value.template == VERIFY_PARTLY_RECORDED
    assert "2 of 3 are in the audit trail" in str(refused.value)
    with store.read() as session:
        recorded = session.scalars(select(AuditEvent.footage_id).where(
            AuditEvent.action == "footage.verify")).all()
    assert len(recorded) == 2 and set(recorded) <= set(ids)
