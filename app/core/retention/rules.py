"""Retention dates and the one rule for what happens to footage: non-evidential footage is
kept N days (default 31) after recording, then deleted unless something keeps it.

``retention_status`` is the only place that decides; the library, the details panel, the
CLI and ``retention_actions`` all show or act on its answer.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from app.core.store.models import Case, CaseStatus, FlagCategory, Footage


class RetentionState(enum.StrEnum):
    DUE = "due"
    NOT_DUE = "not_due"
    LEGAL_HOLD = "legal_hold"
    EVIDENTIAL = "evidential"
    OPEN_CASE = "open_case"
    DELETED = "deleted"


@dataclass(frozen=True)
class RetentionStatus:
    """The first reason that applies (``state``) and, in ``reasons``, every one of them."""

    state: RetentionState
    until: datetime | None
    days_left: int | None  # whole days until deletion is due, negative when overdue
    reasons: tuple[tuple[RetentionState, str], ...]

    @property
    def why(self) -> str:
        return "; ".join(text for _state, text in self.reasons)


def open_case_refs(cases: Iterable[Case]) -> tuple[str, ...]:
    """The linked cases that keep footage: every one not yet closed."""
    return tuple(c.reference for c in cases if c.status is not CaseStatus.CLOSED)


def evidence_flag_count(footage: Footage) -> int:
    """How many of the footage's flags are of the evidence category (each keeps it)."""
    return sum(1 for flag in footage.flags if flag.category is FlagCategory.EVIDENCE)


def retention_until(recorded_at: datetime | None, ingested_at: datetime, days: int,
                    evidential: bool) -> datetime | None:
    """When the footage becomes due for deletion; ``None`` when it is evidential. Counted
    from the recording, or from ingest when the camera's clock put the recording later (a
    clock set years ahead must not keep footage for years)."""
    if evidential:
        return None
    start = ingested_at if recorded_at is None else min(recorded_at, ingested_at)
    return start + timedelta(days=days)


def days_left(until: datetime | None, now: datetime | None = None) -> int | None:
    """Whole days until deletion is due (negative when overdue); None when kept."""
    if until is None:
        return None
    return (until - (now or datetime.now(UTC))).days


def retention_status(*, until: datetime | None, evidential: bool, legal_hold: bool,
                     legal_hold_reason: str | None, open_cases: Sequence[str],
                     deleted_at: datetime | None = None, deletion_note: str | None = None,
                     now: datetime | None = None, evidence_flags: int = 0) -> RetentionStatus:
    """Due when the retention date has passed and the footage is not evidential (marked so,
    or with a flag of the evidence category: ``evidence_flags``), not on legal hold and not
    linked to a case that is still open (any status but closed)."""
    now = now or datetime.now(UTC)
    reasons: list[tuple[RetentionState, str]] = []
    if deleted_at is not None:
        reasons.append((RetentionState.DELETED,
                        f"deleted {deleted_at:%Y-%m-%d}: {deletion_note or ''}".rstrip(": ")))
    if legal_hold:
        reasons.append((RetentionState.LEGAL_HOLD,
                        f"on legal hold ({legal_hold_reason or 'no reason given'})"))
    if evidential:
        reasons.append((RetentionState.EVIDENTIAL, "marked evidential"))
    if evidence_flags:
        reasons.append((RetentionState.EVIDENTIAL,
                        f"flagged as evidence ({evidence_flags} flag(s))"))
    if open_cases:
        reasons.append((RetentionState.OPEN_CASE, "linked to open case " + ", ".join(open_cases)))
    if not reasons:
        if until is not None and until <= now:
            reasons.append((RetentionState.DUE, f"retention ended {until:%Y-%m-%d}"))
        else:
            reasons.append((RetentionState.NOT_DUE,
                            f"kept until {until:%Y-%m-%d}" if until else "kept"))
    return RetentionStatus(reasons[0][0], until, days_left(until, now), tuple(reasons))
