"""A case's standing against its deadline: ``deadline_state``, the one rule every view uses.
A case is overdue when its deadline has passed and it is not finished (released, refused or
closed). The deadlines themselves are worked out in ``casework.deadlines``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.core.store.models import CaseStatus

FINISHED = frozenset({CaseStatus.RELEASED, CaseStatus.REFUSED, CaseStatus.CLOSED})


@dataclass(frozen=True)
class DeadlineState:
    deadline: date | None
    finished: bool
    days_left: int | None  # None: no deadline; negative: days past it

    @property
    def overdue(self) -> bool:
        return not self.finished and self.days_left is not None and self.days_left < 0


def deadline_state(status: CaseStatus, deadline: date | None,
                   today: date | None = None) -> DeadlineState:
    """Where a case stands against its deadline; a finished case is never overdue."""
    days = (deadline - (today or date.today())).days if deadline is not None else None
    return DeadlineState(deadline, status in FINISHED, days)
