"""Statutory response deadlines (England and Wales).

* Subject access request (UK GDPR art. 12(3)): one calendar month from receipt; when that
  date does not exist (e.g. 31 -> 30 Sept) the last day of the month; extendable by two
  further months with a recorded reason. A deadline on a weekend or bank holiday moves to the
  next working day (ICO guidance).
* FOI request (FOIA s.10): the 20th working day following the day of receipt, excluding
  weekends and England and Wales bank holidays.
* Court exhibit, complaint, internal review: set by hand.
* A case is overdue when its deadline has passed and it is not finished: that rule is
  ``case_state.standing.deadline_state``.

Bank holidays ship as data (``data/bank_holidays_england_wales.json``); a file
``bank_holidays.json`` with the same shape in the config folder replaces it.
"""

from __future__ import annotations

import calendar
import json
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from app.core.errors import QT_TRANSLATE_NOOP, InvalidInputError
from app.core.settings import config_dir
from app.core.store.models import CaseType

SHIPPED = Path(__file__).with_name("data") / "bank_holidays_england_wales.json"


@cache
def _load(path: Path) -> frozenset[date]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return frozenset(date.fromisoformat(d) for d in data["dates"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InvalidInputError(QT_TRANSLATE_NOOP(
            "CoreMessages", "Bank holiday file {path} cannot be read: {exc}"),
            path=path, exc=exc) from None


def bank_holidays() -> frozenset[date]:
    """The editable override in the config folder if present, else the shipped list."""
    override = config_dir() / "bank_holidays.json"
    return _load(override if override.exists() else SHIPPED)


def is_working_day(day: date, holidays: frozenset[date]) -> bool:
    return day.weekday() < 5 and day not in holidays


def next_working_day(day: date, holidays: frozenset[date]) -> date:
    """``day`` itself if it is a working day, else the next one."""
    while not is_working_day(day, holidays):
        day += timedelta(days=1)
    return day


def add_months(day: date, months: int) -> date:
    """The same day of the month ``months`` later, or that month's last day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def sar_deadline(received: date, extended: bool = False,
                 holidays: frozenset[date] | None = None) -> date:
    holidays = bank_holidays() if holidays is None else holidays
    return next_working_day(add_months(received, 3 if extended else 1), holidays)


def foi_deadline(received: date, holidays: frozenset[date] | None = None,
                 working_days: int = 20) -> date:
    holidays = bank_holidays() if holidays is None else holidays
    day, counted = received, 0
    while counted < working_days:
        day += timedelta(days=1)
        if is_working_day(day, holidays):
            counted += 1
    return day


def statutory_deadline(case_type: CaseType, received: date, extended: bool = False,
                       holidays: frozenset[date] | None = None) -> date | None:
    """The deadline the law sets for this kind of case, or None when it is set by hand."""
    if case_type is CaseType.SUBJECT_ACCESS:
        return sar_deadline(received, extended, holidays)
    if case_type is CaseType.FOI:
        return foi_deadline(received, holidays)
    return None
