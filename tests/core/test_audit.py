"""The audit trail: every change is chained, and each kind of tampering is caught."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from app.core.casework import cases
from app.core.library import flags
from app.core.library.ingest import ingest_paths
from app.core.people.users import resolve_actor
from app.core.store import audit
from app.core.store.database import Store
from app.core.store.models import AuditEvent
from tests.conftest import make_video


def _seed(store: Store, n: int = 6) -> None:
    with store.transaction() as session:
        actor = resolve_actor(session, "tester")
        for i in range(n):
            audit.record(session, actor.name, "test.event", "thing", i, {"i": i, "note": "é"})


def _drop_triggers(store: Store) -> None:
    """A determined insider with direct database access can remove the triggers."""
    with store.engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("DROP TRIGGER audit_events_append_only ON audit_events"))
        else:
            conn.execute(text("DROP TRIGGER audit_events_no_update"))
            conn.execute(text("DROP TRIGGER audit_events_no_delete"))


def _exec(store: Store, sql: str, **params: object) -> None:
    with store.engine.begin() as conn:
        conn.execute(text(sql), params)


def test_intact_chain_verifies(store: Store) -> None:
    _seed(store)
    report = audit.verify(store)
    assert report.ok, report.problem
    assert report.count == 7  # the automatic user creation + six events
    with store.read() as session:
        last = session.get(AuditEvent, 7)
        assert last is not None and report.head_hash == last.hash


def test_database_refuses_update_and_delete(store: Store) -> None:
    _seed(store, 2)
    with pytest.raises(DatabaseError, match="append-only"):
        _exec(store, "UPDATE audit_events SET actor='x' WHERE seq=1")
    with pytest.raises(DatabaseError, match="append-only"):
        _exec(store, "DELETE FROM audit_events WHERE seq=1")
    assert audit.verify(store).ok


def test_edited_event_is_caught(store: Store) -> None:
    _seed(store)
    _drop_triggers(store)
    _exec(store, "UPDATE audit_events SET details=:d WHERE seq=4", d='{"i":99,"note":"é"}')
    report = audit.verify(store)
    assert (report.kind, report.seq) == ("edited", 4)


def test_deleted_event_is_caught(store: Store) -> None:
    _seed(store)
    _drop_triggers(store)
    _exec(store, "DELETE FROM audit_events WHERE seq=3")
    report = audit.verify(store)
    assert (report.kind, report.seq) == ("deleted", 4)


def test_reordered_events_are_caught(store: Store) -> None:
    _seed(store)
    _drop_triggers(store)
    _exec(store, "UPDATE audit_events SET seq=-1 WHERE seq=3")
    _exec(store, "UPDATE audit_events SET seq=3 WHERE seq=4")
    _exec(store, "UPDATE audit_events SET seq=4 WHERE seq=-1")
    report = audit.verify(store)
    assert (report.kind, report.seq) == ("reordered", 3)


def test_inserted_event_is_caught_even_with_a_valid_hash(store: Store) -> None:
    _seed(store)
    _drop_triggers(store)
    with store.read() as session:
        before = session.get(AuditEvent, 3)
        assert before is not None
        forged = AuditEvent(seq=4, occurred_at=before.occurred_at, actor="mallory",
                            action="footage.evidential", object_type="footage", object_id="1",
                            case_id=None, footage_id=1, details='{"evidential":false}',
                            prev_hash=before.hash)
        forged.hash = audit.event_hash(forged)  # the forger knows the algorithm
    for seq in range(7, 3, -1):  # make room after event 3
        _exec(store, "UPDATE audit_events SET seq=:new WHERE seq=:old", new=seq + 1, old=seq)
    _exec(store, "INSERT INTO audit_events VALUES (:seq,:occurred_at,:actor,:action,"
          ":object_type,:object_id,:case_id,:footage_id,:details,:prev_hash,:hash,:signature)",
          **{c: getattr(forged, c) for c in audit.EXPORT_FIELDS})
    report = audit.verify(store)
    assert (report.kind, report.seq) == ("inserted", 4)


def test_cut_off_newest_events_are_caught_by_the_witness(store: Store) -> None:
    _seed(store)
    _drop_triggers(store)
    _exec(store, "DELETE FROM audit_events WHERE seq >= 6")
    report = audit.verify(store)
    assert report.kind == "truncated"
    assert "#7" in (report.problem or "")


def test_rewritten_chain_is_caught_by_the_witness(store: Store) -> None:
    _seed(store, 2)
    _drop_triggers(store)
    with store.read() as session:
        events = list(session.query(AuditEvent).order_by(AuditEvent.seq))
    prev = audit.GENESIS_HASH
    for e in events:  # recompute every hash after editing the first event
        if e.seq == 1:
            e.actor = "mallory"
        e.prev_hash = prev
        e.hash = audit.event_hash(e)
        prev = e.hash
        _exec(store, "UPDATE audit_events SET actor=:a, prev_hash=:p, hash=:h WHERE seq=:s",
              a=e.actor, p=e.prev_hash, h=e.hash, s=e.seq)
    report = audit.verify(store)
    assert report.kind == "edited" and report.seq == 3


def test_case_export_holds_case_and_footage_events_only(store: Store, tmp_path: Path) -> None:
    video = make_video(tmp_path / "a.mp4")
    other = make_video(tmp_path / "b.mp4", frames=8)
    with store.transaction() as session:
        actor = resolve_actor(session, "tester")
        cases.create_case(session, actor, "SAR-1", "subject_access")
        cases.create_case(session, actor, "FOI-2", "foi")
    ingest_paths(store, "tester", [video], case_ref="SAR-1")
    ingest_paths(store, "tester", [other], case_ref="FOI-2")
    with store.transaction() as session:
        flags.add_flag(session, resolve_actor(session, "tester"), 1, 0.5, "evidence")
    with store.read() as session:
        case_id = cases.get_case(session, "SAR-1").id
        events = audit.case_events(session, case_id)
    actions = [e.action for e in events]
    assert actions == ["case.create", "footage.ingest", "case.link_footage", "flag.add"]
    buf = io.StringIO()
    assert audit.write_events(events, buf, "csv") == 4
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert [r["action"] for r in rows] == actions and rows[0]["hash"] == events[0].hash
    buf = io.StringIO()
    audit.write_events(events, buf, "jsonl")
    lines = [json.loads(line) for line in buf.getvalue().splitlines()]
    assert lines[1]["details"]["sha256"] and lines[3]["footage_id"] == 1


def _append_many(url: str, data_dir: str, n: int) -> None:
    s = Store(url, Path(data_dir))
    for i in range(n):
        with s.transaction() as session:
            audit.record(session, "worker", "test.event", "thing", i, {"i": i})
    s.close()


def test_concurrent_writers_lose_nothing(store: Store) -> None:
    import multiprocessing

    _seed(store, 1)
    ctx = multiprocessing.get_context("fork")
    workers = [ctx.Process(target=_append_many, args=(store.url, str(store.data_dir), 25))
               for _ in range(3)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(120)
    assert [w.exitcode for w in workers] == [0, 0, 0]
    report = audit.verify(store)
    assert report.ok, report.problem
    assert report.count == 2 + 75


def test_cut_tail_stays_detected_after_later_use(store: Store) -> None:
    _seed(store)
    _drop_triggers(store)
    _exec(store, "DELETE FROM audit_events WHERE seq >= 5")
    _seed(store, 3)  # ordinary use afterwards must not launder the cut
    report = audit.verify(store)
    assert not report.ok and report.kind in {"edited", "truncated"}


def test_store_identity_cannot_be_swapped(store: Store) -> None:
    with pytest.raises(DatabaseError, match="append-only"):
        _exec(store, "DELETE FROM store_info")
    with pytest.raises(DatabaseError, match="append-only"):
        _exec(store, "UPDATE store_info SET value='x'")


def test_postgresql_refuses_truncate(store: Store) -> None:
    if store.engine.dialect.name != "postgresql":
        pytest.skip("TRUNCATE is PostgreSQL's")
    _seed(store, 2)
    with pytest.raises(DatabaseError, match="append-only"):
        _exec(store, "TRUNCATE audit_events")
    assert audit.verify(store).count == 3


def test_a_deleted_witness_is_a_warning_and_never_silently_re_created(store: Store) -> None:
    from app.core.store.witness import reset_witness

    _seed(store, 2)
    audit.witness_path(store).unlink()
    report = audit.verify(store)
    assert report.ok and report.warning and "was deleted" in report.warning
    _seed(store, 1)  # more work: the witness stays gone
    assert not audit.witness_path(store).exists()
    assert reset_witness(store) is not None  # an administrator's reset (bwv audit witness)
    assert audit.verify(store).warning is None
    audit.witness_path(store).write_text("{not json")
    _seed(store, 1)  # a damaged witness is not overwritten either
    report = audit.verify(store)
    assert report.ok and report.warning and "damaged" in report.warning


def test_verify_says_when_this_computer_never_held_a_witness(
        store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _seed(store, 2)
    monkeypatch.setenv("BWV_CONFIG_DIR", str(tmp_path / "another-computer" / "config"))
    with Store(store.url, tmp_path / "another-computer" / "data") as elsewhere:
        report = audit.verify(elsewhere)
    assert report.ok and report.warning and "holds no witness" in report.warning


def test_case_export_does_not_leak_other_cases(store: Store, tmp_path: Path) -> None:
    video = make_video(tmp_path / "shared.mp4")
    with store.transaction() as session:
        actor = resolve_actor(session, "tester")
        cases.create_case(session, actor, "FOI-1", "foi")
        cases.create_case(session, actor, "COMPLAINT-SECRET", "complaint")
    ingest_paths(store, "tester", [video], case_ref="FOI-1")
    ingest_paths(store, "tester", [video], case_ref="COMPLAINT-SECRET")
    with store.read() as session:
        events = audit.case_events(session, cases.get_case(session, "FOI-1").id)
    text_dump = " ".join(e.details for e in events)
    assert "COMPLAINT-SECRET" not in text_dump
    assert [e.action for e in events] == ["case.create", "footage.ingest", "case.link_footage"]


def test_the_chain_walk_reports_progress_and_can_be_cancelled(store: Store) -> None:
    """12,000 events: progress every 5,000 and at the end; a cancel stops the walk."""
    from sqlalchemy import insert

    from app.core.chain.chain_format import GENESIS_HASH, HASHED_FIELDS, event_hash_of
    from app.core.errors import Cancelled
    from app.core.progress import CancelToken

    with store.read() as session:
        last = session.query(AuditEvent).order_by(AuditEvent.seq.desc()).first()
        seq, prev = (last.seq, last.hash) if last else (0, GENESIS_HASH)
    rows = []
    for i in range(12_000):
        seq += 1
        row = {"seq": seq, "occurred_at": f"2026-12-02T10:00:00.{i:06d}Z", "actor": "tester",
               "action": "flag.add", "object_type": "flag", "object_id": str(i),
               "case_id": None, "footage_id": None, "details": "{}", "prev_hash": prev}
        row["hash"] = prev = event_hash_of({k: row[k] for k in HASHED_FIELDS})
        rows.append(row)
    with store.transaction() as session:
        session.execute(insert(AuditEvent), rows)
    seen: list[tuple[int, int]] = []
    report = audit.verify(store, progress=lambda done, total: seen.append((done, total)))
    assert report.ok and report.count == seq
    assert [d for d, _t in seen] == [0, 5000, 10000, seq] and {t for _d, t in seen} == {seq}
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        audit.verify(store, cancel=token)
    from app.core.checks import trail_replay

    with store.read() as session:  # the state replay after the walk stops too
        with pytest.raises(Cancelled):
            trail_replay.replay(session, token)
        assert trail_replay.replay(session).events == seq  # and runs whole without one
