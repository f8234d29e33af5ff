"""Dates, times and numbers as the user's language writes them (QLocale's default, which
``i18n.install_translators`` sets from the chosen language)."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime, QTimeZone

NONE = "–"


def _four_digit_years(pattern: str) -> str:
    """Records need the whole year: "dd/MM/yy" becomes "dd/MM/yyyy"."""
    return pattern if "yyyy" in pattern else pattern.replace("yy", "yyyy")


def date_text(value: date | datetime | None) -> str:
    """A calendar date, e.g. 24/11/2026 (en_GB) or 24/11/2026 (cy_GB); local for datetimes."""
    if value is None:
        return NONE
    if isinstance(value, datetime):
        value = value.astimezone().date()
    locale = QLocale()
    pattern = _four_digit_years(locale.dateFormat(QLocale.FormatType.ShortFormat))
    return locale.toString(QDate(value.year, value.month, value.day), pattern)


def datetime_text(value: datetime | None) -> str:
    """A moment in local time, e.g. 24/11/2026 21:03."""
    if value is None:
        return NONE
    local = value.astimezone()
    moment = QDateTime(QDate(local.year, local.month, local.day),
                       QTime(local.hour, local.minute, local.second),
                       QTimeZone.systemTimeZone())
    locale = QLocale()
    pattern = _four_digit_years(locale.dateTimeFormat(QLocale.FormatType.ShortFormat))
    return locale.toString(moment, pattern)


def number_text(value: float, decimals: int = 0) -> str:
    """A number with the locale's separators, e.g. 1,234.5."""
    return QLocale().toString(float(value), "f", decimals)
