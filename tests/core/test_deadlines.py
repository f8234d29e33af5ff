"""Statutory deadlines on known dates, with bank holidays and month ends."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.core.deadlines import (
    add_months,
    bank_holidays,
    foi_deadline,
    sar_deadline,
    statutory_deadline,
)
from app.core.errors import InvalidInputError
from app.core.models import CaseType


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
    from app.core import deadlines

    deadlines._load.cache_clear()
    with pytest.raises(InvalidInputError, match="cannot be read"):
        bank_holidays()
    deadlines._load.cache_clear()
