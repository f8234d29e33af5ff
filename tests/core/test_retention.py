"""Retention on a store with mixed items: dry run versus apply, tombstones, legal hold."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.analysis import analyse
from app.core.casework import case_flow, cases
from app.core.errors import ConflictError, PermissionDeniedError
from app.core.library import footage
from app.core.library.ingest import IngestStatus, ingest_paths
from app.core.library.retention_actions import (
    RetentionState,
    apply_retention,
    retention_report,
    set_legal_hold,
)
from app.core.people.users import add_user, resolve_actor
from app.core.policy.store_policy import set_policy
from app.core.store import audit
from app.core.store.database import Store
from app.core.store.models import AuditEvent, DetectionRunRecord, Footage, Role
from tests.conftest import make_video

OLD = {"creation_time": "2020-01-01T08:00:00Z"}  # retention ended long ago


@pytest.fixture
def mixed(store: Store, tmp_path: Path) -> tuple[Store, dict[str, int], dict[str, Path]]:
    managed, elsewhere = tmp_path / "managed", tmp_path / "elsewhere"
    managed.mkdir()
    elsewhere.mkdir()
    files = {
        "expired_managed": make_video(managed / "a.mp4", frames=6, metadata=OLD),
        "expired_unmanaged": make_video(elsewhere / "b.mp4", frames=7, metadata=OLD),
        "evidential": make_video(managed / "c.mp4", frames=8, metadata=OLD),
        "open_case": make_video(managed / "d.mp4", frames=9, metadata=OLD),
        "closed_case": make_video(managed / "e.mp4", frames=10, metadata=OLD),
        "on_hold": make_video(managed / "f.mp4", frames=11, metadata=OLD),
        "recent": make_video(managed / "g.mp4", frames=12),
    }
    ids: dict[str, int] = {}
    for name, path in files.items():
        (result,) = ingest_paths(store, "admin", [path])
        assert result.status is IngestStatus.INGESTED and result.footage_id is not None
        ids[name] = result.footage_id
    with store.transaction() as session:
        admin = resolve_actor(session, "admin")
        add_user(session, admin, "sup", Role.SUPERVISOR)
        add_user(session, admin, "officer", Role.DISCLOSURE_OFFICER)
        set_policy(session, admin, managed_folders=[str(managed)])
        sup = resolve_actor(session, "sup")
        footage.set_evidential(session, admin, ids["evidential"], True, "charged")
        for ref, key in (("OPEN-1", "open_case"), ("DONE-1", "closed_case")):
            cases.create_case(session, admin, ref, "foi")
            cases.link_footage(session, admin, ref, ids[key])
        case_flow.change_status(session, admin, "DONE-1", "closed", "withdrawn by requester")
        set_legal_hold(session, sup, ids["on_hold"], True, "civil claim 2026/77")
    analyse(store, "admin", ids["expired_managed"], "fast")  # face positions to be removed
    return store, ids, files


def _report(store: Store) -> dict[int, RetentionState]:
    with store.transaction() as session:
        return {i.footage_id: i.state
                for i in retention_report(session, resolve_actor(session, "sup"))}


def test_report_says_what_is_due_and_why_the_rest_is_kept(mixed: tuple) -> None:
    store, ids, _files = mixed
    with store.transaction() as session:
        items = {i.footage_id: i for i in retention_report(session,
                                                           resolve_actor(session, "officer"))}
    assert {k: items[v].state for k, v in ids.items()} == {
        "expired_managed": RetentionState.DUE, "expired_unmanaged": RetentionState.DUE,
        "evidential": RetentionState.EVIDENTIAL, "open_case": RetentionState.OPEN_CASE,
        "closed_case": RetentionState.DUE, "on_hold": RetentionState.LEGAL_HOLD,
        "recent": RetentionState.NOT_DUE}
    assert "OPEN-1" in items[ids["open_case"]].why
    assert "civil claim 2026/77" in items[ids["on_hold"]].why
    assert items[ids["expired_managed"]].owned and not items[ids["expired_unmanaged"]].owned


def test_dry_run_changes_nothing_and_apply_leaves_tombstones(mixed: tuple) -> None:
    store, ids, files = mixed
    with store.read() as session:
        events_before = session.query(AuditEvent).count()
    dry = apply_retention(store, "officer", dry_run=True)  # anyone may look
    assert sorted(o.item.footage_id for o in dry) == sorted(
        ids[k] for k in ("expired_managed", "expired_unmanaged", "closed_case"))
    assert {o.action for o in dry} == {"would delete file", "would mark deleted"}
    assert all(p.exists() for p in files.values())
    with store.read() as session:
        assert session.query(AuditEvent).count() == events_before
    with pytest.raises(PermissionDeniedError, match="only a supervisor or an administrator"):
        apply_retention(store, "officer")

    done = apply_retention(store, "sup")
    assert {o.item.footage_id: o.action for o in done} == {
        ids["expired_managed"]: "deleted file", ids["expired_unmanaged"]: "marked deleted",
        ids["closed_case"]: "deleted file"}
    assert not files["expired_managed"].exists() and not files["closed_case"].exists()
    assert files["expired_unmanaged"].exists()  # not the store's to delete
    for key in ("evidential", "open_case", "on_hold", "recent"):
        assert files[key].exists(), key
    states = _report(store)
    assert [k for k, v in ids.items() if states[v] is RetentionState.DELETED] == [
        "expired_managed", "expired_unmanaged", "closed_case"]
    with store.read() as session:
        tomb = footage.show_footage(session, ids["expired_managed"])
        assert tomb.deleted_at is not None and tomb.sha256 and tomb.file_name == "a.mp4"
        assert "deleted from the managed store" in (tomb.deletion_note or "")
        assert session.scalars(select(DetectionRunRecord)).all() == []
        deletions = session.scalars(select(AuditEvent).where(
            AuditEvent.action == "retention.delete").order_by(AuditEvent.seq)).all()
    assert [e.actor for e in deletions] == ["sup"] * 3
    assert {json.loads(e.details)["sha256"] for e in deletions} == {
        tomb.sha256, *(footage_sha(store, ids[k]) for k in ("expired_unmanaged",
                                                            "closed_case"))}
    assert audit.verify(store).ok
    assert apply_retention(store, "sup") == []  # nothing left due
    # a tombstone is not worked on, linked, or taken in again
    with pytest.raises(ConflictError, match="deleted under the retention policy"):
        analyse(store, "sup", ids["expired_unmanaged"], "fast")
    (again,) = ingest_paths(store, "sup", [files["expired_unmanaged"]])
    assert again.status is IngestStatus.FAILED and "deleted under the retention" in again.message


def footage_sha(store: Store, fid: int) -> str:
    with store.read() as session:
        return footage.show_footage(session, fid).sha256


def test_lifting_a_hold_makes_it_due_and_holds_need_a_supervisor(mixed: tuple) -> None:
    store, ids, _files = mixed
    with pytest.raises(PermissionDeniedError, match="legal hold"), \
            store.transaction() as session:
        set_legal_hold(session, resolve_actor(session, "admin"), ids["on_hold"], False, "x")
    with store.transaction() as session:
        set_legal_hold(session, resolve_actor(session, "sup"), ids["on_hold"], False,
                       "claim settled")
    assert _report(store)[ids["on_hold"]] is RetentionState.DUE


def _one_due(store: Store, tmp_path: Path) -> tuple[Path, int]:
    managed = tmp_path / "managed"
    managed.mkdir()
    path = make_video(managed / "FILE0001.MP4", frames=6, metadata=OLD)
    (r,) = ingest_paths(store, "admin", [path])
    assert r.footage_id is not None
    with store.transaction() as session:
        admin = resolve_actor(session, "admin")
        add_user(session, admin, "sup", Role.SUPERVISOR)
        set_policy(session, admin, managed_folders=[str(managed)])
    return path, r.footage_id


def test_a_reused_path_is_never_deleted(store: Store, tmp_path: Path) -> None:
    """The dock reuses FILE0001.MP4: the old record's deletion must not take the new file."""
    path, old_id = _one_due(store, tmp_path)
    path.unlink()
    make_video(path, frames=9)
    (new,) = ingest_paths(store, "sup", [path])
    assert new.footage_id is not None and new.footage_id != old_id
    (outcome,) = apply_retention(store, "sup")
    assert outcome.item.footage_id == old_id and outcome.action == "marked deleted"
    assert "not the recorded original" in outcome.message or "same path" in outcome.message
    assert path.exists()


def test_the_tombstone_is_committed_before_the_file_goes(store: Store, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    path, fid = _one_due(store, tmp_path)
    real_unlink = Path.unlink

    def refuse(self: Path, missing_ok: bool = False) -> None:
        if self == path:
            raise PermissionError(13, "Permission denied")
        real_unlink(self, missing_ok)

    monkeypatch.setattr(Path, "unlink", refuse)
    (outcome,) = apply_retention(store, "sup")
    assert outcome.action == "marked deleted" and "Permission denied" in outcome.message
    assert path.exists() and _report(store)[fid] is RetentionState.DELETED
    with store.read() as session:
        actions = [e.action for e in session.scalars(select(AuditEvent)
                                                     .order_by(AuditEvent.seq))]
    assert actions[-2:] == ["retention.delete", "retention.file_not_deleted"]
    monkeypatch.setattr(Path, "unlink", real_unlink)
    (again,) = apply_retention(store, "sup")  # the next run deletes what was left
    assert again.action == "deleted file" and not path.exists()


def test_only_what_was_confirmed_is_deleted(store: Store, tmp_path: Path) -> None:
    path, fid = _one_due(store, tmp_path)
    other = make_video(path.parent / "FILE0002.MP4", frames=7, metadata=OLD)
    (second,) = ingest_paths(store, "admin", [other])
    outcomes = {o.item.footage_id: o.action
                for o in apply_retention(store, "sup", only={fid})}
    assert outcomes == {fid: "deleted file", second.footage_id: "not confirmed"}
    assert other.exists()


def test_a_hold_placed_while_apply_runs_is_never_lost(store: Store, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The hold's transaction waits for the deletion's row lock, then sees the tombstone and
    is refused: never both on hold and deleted."""
    import threading

    from app.core.library import retention_actions

    _path, fid = _one_due(store, tmp_path)
    real_lock = retention_actions._lock
    results: list[object] = []

    def hold() -> None:
        try:
            with store.transaction() as session:
                set_legal_hold(session, resolve_actor(session, "sup"), fid, True, "claim")
            results.append("held")
        except ConflictError as exc:
            results.append(exc)

    threads: list[threading.Thread] = []

    def lock_then_race(session: Session, footage_id: int) -> Footage:
        row = real_lock(session, footage_id)  # the deletion holds the row from here
        threads.append(threading.Thread(target=hold))
        threads[0].start()
        return row

    monkeypatch.setattr(retention_actions, "_lock", lock_then_race)
    apply_retention(store, "sup")
    for thread in threads:
        thread.join(30)
    with store.read() as session:
        row = session.get_one(Footage, fid)
        assert not (row.legal_hold and row.deleted_at is not None)
    assert threads and results and (results[0] == "held" or isinstance(results[0],
                                                                       ConflictError))


def test_cancel_stops_between_items_and_leaves_each_whole(store: Store, tmp_path: Path) -> None:
    from app.core.errors import Cancelled
    from app.core.progress import CancelToken

    path, fid = _one_due(store, tmp_path)
    other = make_video(path.parent / "FILE0002.MP4", frames=7, metadata=OLD)
    (second,) = ingest_paths(store, "admin", [other])
    token = CancelToken()
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        if done == 1:
            token.cancel()  # after the first item

    with pytest.raises(Cancelled):
        apply_retention(store, "sup", progress=progress, cancel=token)
    states = _report(store)
    assert seen[:2] == [(0, 2), (1, 2)]
    assert states[fid] is RetentionState.DELETED and not path.exists()
    assert states[second.footage_id] is RetentionState.DUE and other.exists()


def test_one_rule_for_retention_and_deadlines() -> None:
    """``retention_status`` and ``deadline_state`` are the rule every view shows."""
    from datetime import date

    from app.core.case_state.standing import deadline_state
    from app.core.retention.rules import RetentionState, retention_status
    from app.core.store.models import CaseStatus

    now = datetime(2026, 6, 1, tzinfo=UTC)
    past = now - timedelta(days=3)
    base = {"until": past, "evidential": False, "legal_hold": False,
            "legal_hold_reason": None, "now": now}
    assert retention_status(open_cases=[], **base).state is RetentionState.DUE
    kept = retention_status(open_cases=["SAR-1"], **base)
    assert kept.state is RetentionState.OPEN_CASE and kept.days_left == -3
    held = retention_status(**{**base, "legal_hold": True, "legal_hold_reason": "appeal"},
                            open_cases=["SAR-1"])
    assert held.state is RetentionState.LEGAL_HOLD and "SAR-1" in held.why
    late = date(2026, 5, 1)
    assert deadline_state(CaseStatus.IN_REVIEW, late, date(2026, 6, 1)).overdue
    closed = deadline_state(CaseStatus.CLOSED, late, date(2026, 6, 1))
    assert closed.finished and not closed.overdue
    assert deadline_state(CaseStatus.RECEIVED, None).days_left is None


def test_an_evidence_flag_keeps_footage_and_deletion_takes_flags_and_plans(
        store: Store, tmp_path: Path) -> None:
    """Footage flagged as evidence is kept (a review found it deleted: only the evidential
    switch counted); when footage is deleted, its flags (labels and notes) and redaction
    plans (boxes, labels, reasons) go with it, and the state replay expects that."""
    from app.core.checks import trail_replay
    from app.core.library.flags import add_flag, delete_flag
    from app.core.redaction.plan import Keyframe, ManualBox, RedactionPlan
    from app.core.redaction.plans import save_plan
    from app.core.store.models import ExportRecord, Flag, RedactionPlanRecord

    path, fid = _one_due(store, tmp_path)
    with store.transaction() as session:
        admin = resolve_actor(session, "admin")
        flag = add_flag(session, admin, fid, 0.0, "evidence", label="assault",
                        note="victim Jane Smith, 12 High St")
        add_flag(session, admin, fid, 0.1, "review", label="look again")
        save_plan(session, admin, fid, None, RedactionPlan(manual_boxes=[ManualBox(
            1, (Keyframe(0, 1, 1, 10, 10),), "tattoo")]))
    report = _report(store)
    assert report[fid] is RetentionState.EVIDENTIAL
    with store.transaction() as session:
        why = footage.show_footage(session, fid).retention().why
    assert "flagged as evidence (1 flag(s))" in why
    assert apply_retention(store, "sup") == [] and path.exists()  # nothing due
    exported = tmp_path / "exports" / "SAR-1.mp4"  # an export made from it stays: named
    exported.parent.mkdir()
    exported.write_bytes(b"redacted copy")
    with store.transaction() as session:
        delete_flag(session, resolve_actor(session, "admin"), flag.id)
        session.add(ExportRecord(footage_id=fid, case_id=None, path=str(exported),
                                 sha256="a" * 64, size_bytes=13, manifest_path="/x/m.json",
                                 manifest_sha256="b" * 64, plan_sha256="c" * 64))
    (outcome,) = apply_retention(store, "sup")
    assert outcome.action == "deleted file" and not path.exists()
    assert "1 export(s) made from it are still on disk" in outcome.message
    assert str(exported) in outcome.message and exported.exists()
    with store.read() as session:
        assert session.scalars(select(Flag)).all() == []
        assert session.scalars(select(RedactionPlanRecord)).all() == []
        (event,) = [json.loads(e.details) for e in session.scalars(
            select(AuditEvent).where(AuditEvent.action == "retention.delete"))]
        assert event["flags_removed"] == 1 and event["plans_removed"] == 1
        assert event["exports_left"] == 1
        found = trail_replay.replay(session).findings  # (the export row was put in by hand)
        assert [f for f in found if f.kind != "exports"] == [], found


def test_an_original_only_touched_since_is_still_deleted(store: Store, tmp_path: Path) -> None:
    """Its content decides: a managed original whose time changed (a backup restored, a copy
    that did not keep times) was never deleted, and the run said it was done."""
    import os

    path, _fid = _one_due(store, tmp_path)
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    (outcome,) = apply_retention(store, "sup")
    assert outcome.action == "deleted file" and not path.exists()


def test_a_camera_clock_years_ahead_does_not_keep_footage_for_years() -> None:
    from app.core.retention.rules import retention_until

    ingested = datetime(2026, 12, 1, tzinfo=UTC)
    ahead = datetime(2099, 1, 1, tzinfo=UTC)
    assert retention_until(ahead, ingested, 31, False) == ingested + timedelta(days=31)
    before = datetime(2026, 11, 20, tzinfo=UTC)
    assert retention_until(before, ingested, 31, False) == before + timedelta(days=31)
    assert retention_until(None, ingested, 31, False) == ingested + timedelta(days=31)
    assert retention_until(ahead, ingested, 31, True) is None


def test_a_deletion_recorded_by_an_older_version_keeps_its_plans_in_the_replay(
        store: Store, tmp_path: Path) -> None:
    """Deletions before 2026-12-04 left the plans: the replay still expects them then (a
    review found every such store reported as tampered after the upgrade)."""
    from app.core.checks import trail_replay
    from app.core.redaction.plan import RedactionPlan
    from app.core.redaction.plans import save_plan

    _path, fid = _one_due(store, tmp_path)
    with store.transaction() as session:
        admin = resolve_actor(session, "admin")
        save_plan(session, admin, fid, None, RedactionPlan(padding=2.0))
        audit.record(session, admin.name, "retention.delete", "footage", fid,
                     {"note": "an older version's deletion: no plans_removed"},
                     footage_id=fid)
    with store.read() as session:
        found = trail_replay.replay(session).findings
    assert [f for f in found if f.kind == "plans"] == [], found


def test_a_busy_store_refuses_one_item_and_the_run_goes_on(
        store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first deletion done, the store busy for the second: the run said only "The store
    is busy ... Nothing of this action was saved" (the first had been deleted), with no
    outcomes; now the refused item says so and the others are dealt with."""
    import sqlite3

    from sqlalchemy.engine import make_url

    from app.core.store import database

    path, fid = _one_due(store, tmp_path)
    other = make_video(path.parent / "FILE0002.MP4", frames=7, metadata=OLD)
    (second,) = ingest_paths(store, "admin", [other])
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 300)
    store.engine.dispose()
    holder = sqlite3.connect(str(make_url(store.url).database), isolation_level=None)
    held: list[bool] = []

    def progress(done: int, _total: int) -> None:
        if done == 1 and not held:  # another program takes the store after the first
            holder.execute("BEGIN IMMEDIATE")
            held.append(True)
        elif done == 2 and held:
            holder.execute("ROLLBACK")

    try:
        outcomes = apply_retention(store, "sup", progress=progress)
    finally:
        if holder.in_transaction:
            holder.execute("ROLLBACK")
        holder.close()
    said = {o.item.footage_id: (o.action, o.message) for o in outcomes}
    assert said[fid][0] == "deleted file" and not path.exists()
    action, message = said[second.footage_id]
    assert action == "failed" and "The store is busy" in message and other.exists()
    assert _report(store)[second.footage_id] is RetentionState.DUE  # next run's
