"""Values edited into the store that their columns cannot hold (text where a date belongs, a
word no enum knows, broken JSON, text in a number column): loading such a row says so in a
sentence, and the integrity check lists every one and still runs its other checks, instead
of stopping with an internal error."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.core.checks.integrity_check import CHAIN, REPLAY, check_store
from app.core.store.checked_types import UnreadableValueError
from app.core.store.database import Store
from app.core.store.models import Case, ExportRecord, Footage
from app.core.store.stored_values import unreadable_values
from tests.core import test_tampering
from tests.core.test_tampering import _sql, _untriggered

scenario, victim = test_tampering.scenario, test_tampering.victim  # the same fixtures

SQLITE, POSTGRESQL, BOTH = {"sqlite"}, {"postgresql"}, {"sqlite", "postgresql"}
# (SQL, the table and column it damages, a record it stops from loading or None, the
# databases that let it be written at all)
EDITS = [
    ("UPDATE cases SET status='bogus'", "cases", "status", Case, BOTH),
    ("UPDATE exports SET created_at='not a date'", "exports", "created_at", ExportRecord,
     SQLITE),
    ("UPDATE exports SET created_at='2026-02-30 10:00:00'", "exports", "created_at",
     ExportRecord, SQLITE),  # the right form, but no such day
    ("UPDATE exports SET created_at=42", "exports", "created_at", ExportRecord, SQLITE),
    ("UPDATE exports SET created_at='0000-01-01 00:00:00.000000'", "exports", "created_at",
     ExportRecord, SQLITE),  # SQLite's dates know a year 0, Python's do not
    ("UPDATE exports SET created_at='2026-01-01 10:00:00+05:00'", "exports", "created_at",
     None, SQLITE),  # a zone of its own: it would be read as UTC, five hours out
    ("UPDATE cases SET deadline='0000-06-01'", "cases", "deadline", Case, SQLITE),
    ("UPDATE footage SET media_metadata='{broken'", "footage", "media_metadata", Footage,
     SQLITE),
    ("UPDATE footage SET fps='fast'", "footage", "fps", None, SQLITE),
    ("UPDATE footage SET size_bytes=1.5", "footage", "size_bytes", None, SQLITE),
    ("UPDATE users SET active=7 WHERE name='officer'", "users", "active", None, SQLITE),
    ("UPDATE users SET role=CAST(x'ff61' AS TEXT) WHERE name='officer'", "users", "role",
     None, SQLITE),  # not UTF-8: SQLite hands it to no one
    ("UPDATE exports SET path=x'00'", "exports", "path", None, SQLITE),  # bytes for a path
    ("UPDATE cases SET deadline='infinity'", "cases", "deadline", None, POSTGRESQL),
    ("UPDATE cases SET deadline='0044-03-15 BC'", "cases", "deadline", None, POSTGRESQL),
    ("UPDATE exports SET created_at='infinity'", "exports", "created_at", None, POSTGRESQL),
    ("UPDATE exports SET created_at='20000-01-01'", "exports", "created_at", None,
     POSTGRESQL),
]


def test_a_real_store_holds_no_value_its_columns_cannot(victim: Store) -> None:
    """Every value a real store wrote (dates with and without microseconds, enums, JSON,
    numbers, keys) passes: the quick SQL look and the types' own reading agree on it."""
    report = unreadable_values(victim)
    assert report.ok and report.found == [], report.found
    assert check_store(victim).values.ok


@pytest.mark.parametrize("sql, table, column, record, databases", EDITS,
                         ids=[e[0].split(" SET ")[1] for e in EDITS])
def test_an_edited_value_is_named_where_it_is_and_every_check_still_runs(
        victim: Store, sql: str, table: str, column: str, record: type | None,
        databases: set[str]) -> None:
    if victim.engine.dialect.name not in databases:
        pytest.skip(f"{victim.engine.dialect.name} cannot hold this value, or holds it well")
    _sql(victim, sql)
    report = unreadable_values(victim)
    assert {(v.table, v.column) for v in report.found} == {(table, column)}, report.found
    assert report.count == len(report.found) >= 1
    if record is not None:
        with pytest.raises(UnreadableValueError, match="changed outside BWV Studio") as err, \
                victim.read() as session:
            session.scalars(select(record)).all()
        assert "belongs" in str(err.value)
    result = check_store(victim)  # no internal error, whatever the checks meet
    assert not result.ok
    assert [(v.table, v.column) for v in result.values.found] == [(table, column)]
    assert result.chain.count > 0 or CHAIN in result.stopped  # walked, or said so
    if record is not None:  # the replay loads those rows: that table is not compared,
        assert REPLAY not in result.stopped  # the rest is
        assert any(f.kind == table and "could not be compared" in f.message
                   for f in result.replay.findings), result.replay.findings
        assert result.replay.signed > 0


def test_an_unreadable_status_does_not_hide_a_forged_signature(victim: Store) -> None:
    """One row made unreadable on purpose: the signature check still runs and names the
    forgery beside it."""
    if victim.engine.dialect.name != "sqlite":
        pytest.skip("one database is enough: the trail's own columns are text on both")
    _untriggered(victim, "UPDATE audit_events SET signature='" + "0" * 128 + "' WHERE seq=5")
    _sql(victim, "UPDATE cases SET status='bogus'")
    result = check_store(victim)
    kinds = {f.kind for f in result.replay.findings}
    assert "cases" in kinds and any(f.seq == 5 for f in result.replay.findings), \
        result.replay.findings
    assert not result.ok and not result.stopped


def test_every_checked_type_can_be_cached() -> None:
    """SQLAlchemy reads ``cache_ok`` from each class's own namespace: a checked type without
    it turns statement caching off for every query that binds it, with a warning."""
    from app.core.store.checked_types import CheckedType
    from app.core.store.models import UTCDateTime

    kinds = {UTCDateTime, *CheckedType.__subclasses__()}
    assert len(kinds) >= 4
    assert all(k.__dict__.get("cache_ok") is True for k in kinds), kinds


def test_a_checked_value_is_quoted_short() -> None:
    error = UnreadableValueError("x" * 500, "a date")
    assert len(str(error)) < 250 and "…" in str(error)


def test_an_audit_events_edited_number_is_named_and_the_check_ends(victim: Store) -> None:
    """Its triggers dropped (a determined insider can), one event's case number made text:
    the value is named, the chain breaks there, and nothing raises."""
    if victim.engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL refuses text in a number column")
    _untriggered(victim, "UPDATE audit_events SET case_id='seven' WHERE seq=2")
    result = check_store(victim)
    assert not result.ok
    assert [str(v) for v in result.values.found] == ["audit_events #2, case_id: 'seven'"]
    assert CHAIN in result.stopped or (result.chain.kind, result.chain.seq) == ("edited", 2), \
        result.chain
