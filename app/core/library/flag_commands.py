"""Reversible flag edits for undo/redo. Each apply and revert goes through the flag services,
so every step (undos included) is audited like any other change.

Commands point at flags through a shared :class:`FlagRef`: undoing a delete re-creates the
flag under a new id, and the ref follows it so later undos and redos still find it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy.orm import Session

from app.core.library import flags
from app.core.store.models import FlagCategory, User
from app.core.views.records import FlagRecord


@dataclass
class FlagRef:
    id: int


class FlagCommand(Protocol):
    description: str

    def apply(self, session: Session, actor: User) -> None: ...

    def revert(self, session: Session, actor: User) -> None: ...


def _values(record: FlagRecord) -> dict[str, Any]:
    return {"start_s": record.start_time_s, "start_frame": record.start_frame,
            "end_s": record.end_time_s, "end_frame": record.end_frame,
            "category": record.category, "label": record.label, "note": record.note}


def _create(session: Session, actor: User, footage_id: int, values: dict[str, Any]) -> int:
    record = flags.add_flag(session, actor, footage_id, values["start_s"], values["category"],
                            end_s=values["end_s"], start_frame=values["start_frame"],
                            end_frame=values["end_frame"], label=values["label"],
                            note=values["note"])
    return record.id


@dataclass
class AddFlag:
    footage_id: int
    values: dict[str, Any]
    ref: FlagRef = field(default_factory=lambda: FlagRef(0))
    description: str = "Add flag"

    @classmethod
    def at(cls, footage_id: int, start_s: float, start_frame: int,
           category: FlagCategory = FlagCategory.REVIEW, label: str = "",
           end_s: float | None = None, end_frame: int | None = None) -> AddFlag:
        return cls(footage_id, {"start_s": start_s, "start_frame": start_frame, "end_s": end_s,
                                "end_frame": end_frame, "category": category, "label": label,
                                "note": ""})

    def apply(self, session: Session, actor: User) -> None:
        self.ref.id = _create(session, actor, self.footage_id, self.values)

    def revert(self, session: Session, actor: User) -> None:
        flags.delete_flag(session, actor, self.ref.id)


@dataclass
class EditFlag:
    ref: FlagRef
    before: dict[str, Any]
    after: dict[str, Any]
    description: str = "Edit flag"

    @classmethod
    def of(cls, ref: FlagRef, record: FlagRecord, **changes: Any) -> EditFlag:
        before = _values(record)
        after = dict(before, **changes)
        return cls(ref, {k: before[k] for k in changes}, {k: after[k] for k in changes})

    def apply(self, session: Session, actor: User) -> None:
        flags.edit_flag(session, actor, self.ref.id, **self.after)

    def revert(self, session: Session, actor: User) -> None:
        flags.edit_flag(session, actor, self.ref.id, **self.before)


@dataclass
class DeleteFlag:
    ref: FlagRef
    footage_id: int
    values: dict[str, Any]
    description: str = "Delete flag"

    @classmethod
    def of(cls, ref: FlagRef, record: FlagRecord) -> DeleteFlag:
        return cls(ref, record.footage_id, _values(record))

    def apply(self, session: Session, actor: User) -> None:
        flags.delete_flag(session, actor, self.ref.id)

    def revert(self, session: Session, actor: User) -> None:
        self.ref.id = _create(session, actor, self.footage_id, self.values)
