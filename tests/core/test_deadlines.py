"""Statutory deadlines on known dates, with bank holidays and month ends."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.core.casework.deadlines import (
    add_months,
    bank_holidays,
    foi_deadline,
    sar_deadline,
    statutory_deadline,
)
from app.core.errors import InvalidInputError
from app.core.store.models import CaseType


def test_shipped_holidays_include_known_dates() -> None:
    holidays = bank_holidays()
    for known in ("2026-04-03", "2026-04-06", "2026-12-28", "2027-12-27", "2027-12-28",
                  "2028-01-03", "2022-09-19", "2023-05-08"):
        assert date.fromisoformat(known) in holidays
    assert date(2026, 12, 26) not in holidays  # a Saturday: the substitute is the 28th


@pytest.mark.parametrize("start,months,expected", [
    (date(2026, 1, 31), 1, date(2026, 2, 28)),
    (date(2028, 1, 31), 1, date(2028, 2, 29)),
    (date(2026, 8, 31), 1, date(2026, 9, 30)),
    (date(2026, 11, 30), 3, date(2027, 2, 28)),
    (date(2026, 12, 15), 1, date(2027, 1, 15)),
])
def test_add_months_clamps_to_the_month_end(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


def test_subject_access_one_month_rolled_past_weekends_and_holidays() -> None:
    assert sar_deadline(date(2026, 9, 3)) == date(2026, 10, 5)  # 3 Oct is a Saturday
    assert sar_deadline(date(2026, 3, 6)) == date(2026, 4, 7)  # 6 Apr Easter Monday
    assert sar_deadline(date(2026, 1, 31)) == date(2026, 3, 2)  # 28 Feb is a Saturday
    assert sar_deadline(date(2026, 11, 24)) == date(2026, 12, 24)
    assert sar_deadline(date(2026, 11, 24), extended=True) == date(2027, 2, 24)


def test_foi_twenty_working_days_after_receipt() -> None:
    # received Mon 2 Nov 2026: day 1 is Tue 3 Nov; 20 working days -> Mon 30 Nov
    assert foi_deadline(date(2026, 11, 2)) == date(2026, 11, 30)
    # over Christmas 2026: 25 and 28 Dec are bank holidays
    assert foi_deadline(date(2026, 12, 14)) == date(2027, 1, 14)
    # over Easter 2026 (3 and 6 April)
    assert foi_deadline(date(2026, 3, 27)) == date(2026, 4, 28)


def test_other_case_types_are_set_by_hand() -> None:
    assert statutory_deadline(CaseType.COURT_EXHIBIT, date(2026, 1, 1)) is None
    assert statutory_deadline(CaseType.FOI, date(2026, 11, 2)) == date(2026, 11, 30)


def test_holiday_file_can_be_overridden(isolated_env: Path) -> None:
    (isolated_env / "config").mkdir(parents=True)
    (isolated_env / "config" / "bank_holidays.json").write_text(
        '{"dates": ["2026-11-30"]}')
    assert foi_deadline(date(2026, 11, 2)) == date(2026, 12, 1)
    (isolated_env / "config" / "bank_holidays.json").write_text("{broken")
    from app.core.casework import deadlines

    deadlines._load.cache_clear()
    with pytest.raises(InvalidInputError, match="cannot be read"):
        bank_holidays()
    deadlines._load.cache_clear()


def test_cases_get_statutory_deadlines_and_extensions(store: object) -> None:
    import json

    from sqlalchemy import select

    from app.core.casework import cases
    from app.core.errors import ConflictError
    from app.core.people.users import resolve_actor
    from app.core.store.models import AuditEvent

    with store.transaction() as session:  # type: ignore[attr-defined]
        actor = resolve_actor(session, "tester")
        sar = cases.create_case(session, actor, "SAR-1", "subject_access",
                                received_on=date(2026, 9, 3))
        foi = cases.create_case(session, actor, "FOI-1", "foi", received_on=date(2026, 11, 2))
        court = cases.create_case(session, actor, "EX-1", "court_exhibit",
                                  received_on=date(2026, 11, 2))
        assert (sar.deadline, foi.deadline, court.deadline) == (
            date(2026, 10, 5), date(2026, 11, 30), None)
        with pytest.raises(InvalidInputError, match="reason"):
            cases.extend_deadline(session, actor, "SAR-1", " ")
        with pytest.raises(InvalidInputError, match="Only a subject access"):
            cases.extend_deadline(session, actor, "FOI-1", "complex")
        extended = cases.extend_deadline(session, actor, "SAR-1", "complex: 40 clips")
        assert extended.deadline == date(2026, 12, 3)
        with pytest.raises(ConflictError, match="already extended"):
            cases.extend_deadline(session, actor, "SAR-1", "again")
    with store.read() as session:  # type: ignore[attr-defined]
        last = session.scalars(select(AuditEvent).where(AuditEvent.action == "case.extend")
                               ).one()
    assert json.loads(last.details)["deadline"] == ["2026-10-05", "2026-12-03"]


def test_migration_0003_keeps_existing_cases_and_links(tmp_path: Path) -> None:
    from alembic import command
    from sqlalchemy import text

    from app.core.store.database import _alembic_config, make_engine, migrate

    engine = make_engine(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    cfg = _alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0002")
        conn.execute(text("INSERT INTO cases (id, reference, title, case_type, status, "
                          "created_at) VALUES (1, 'OLD-1', '', 'foi', 'received', "
                          "'2026-01-01 00:00:00')"))
        conn.execute(text("INSERT INTO footage (id, original_path, file_name, sha256, "
                          "size_bytes, file_mtime_ns, container, video_codec, audio_codecs, "
                          "width, height, rotation, fps, variable_frame_rate, frame_count, "
                          "duration_s, audio_streams, media_metadata, ingested_at, evidential)"
                          " VALUES (1, '/x.mp4', 'x.mp4', 'ab', 1, 1, 'mp4', 'h264', '', 2, 2,"
                          " 0, 25, 0, 1, 0.04, '[]', '{}', '2026-01-01 00:00:00', 0)"))
        conn.execute(text("INSERT INTO case_footage VALUES (1, 1, '2026-01-01 00:00:00')"))
    migrate(engine)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM case_footage")).scalar() == 1
        assert conn.execute(text("SELECT reference, received_on FROM cases")).one() == (
            "OLD-1", None)
    engine.dispose()
