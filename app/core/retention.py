"""Retention dates: non-evidential footage is kept N days (default 31) after recording."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


def retention_until(recorded_at: datetime | None, ingested_at: datetime, days: int,
                    evidential: bool) -> datetime | None:
    """When the footage becomes due for deletion; ``None`` when it is evidential."""
    if evidential:
        return None
    return (recorded_at or ingested_at) + timedelta(days=days)


def days_left(until: datetime | None, now: datetime | None = None) -> int | None:
    """Whole days until deletion is due (negative when overdue); None when kept."""
    if until is None:
        return None
    return (until - (now or datetime.now(UTC))).days
