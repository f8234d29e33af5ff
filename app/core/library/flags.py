"""Flags on footage: a point or a range with a category, label and note. Every change audited."""

from __future__ import annotations

import math
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.choices import parse_choice
from app.core.errors import QT_TRANSLATE_NOOP, InvalidInputError, NotFoundError
from app.core.library.footage import get_footage
from app.core.people.permissions import Permission, require
from app.core.store import audit
from app.core.store.models import Flag, FlagCategory, Footage, User, utcnow
from app.core.views.records import FlagRecord


def parse_category(value: str | FlagCategory) -> FlagCategory:
    return parse_choice(FlagCategory, value, QT_TRANSLATE_NOOP("CoreMessages", "flag category"))


def frame_at(footage: Footage, time_s: float) -> int:
    """Nearest frame index for a time, from the stored mean frame rate.

    Exact for constant-rate footage; the player passes exact frame numbers for VFR footage.
    """
    return max(0, min(footage.frame_count - 1, round(time_s * footage.fps)))


def _check_range(footage: Footage, start: float, end: float | None) -> None:
    if not math.isfinite(start) or (end is not None and not math.isfinite(end)):
        raise InvalidInputError(QT_TRANSLATE_NOOP(
            "CoreMessages", "Times must be finite numbers of seconds."))
    if start < 0 or start > footage.duration_s + 1e-6:
        raise InvalidInputError(QT_TRANSLATE_NOOP(
            "CoreMessages", "Start {start:.3f} s is outside the footage (0 to {duration_s:.3f} "
            "s)."),
            start=start, duration_s=footage.duration_s)
    if end is not None and (end < start or end > footage.duration_s + 1e-6):
        raise InvalidInputError(QT_TRANSLATE_NOOP(
            "CoreMessages", "End {end:.3f} s must lie between the start and {duration_s:.3f} s."),
            end=end, duration_s=footage.duration_s)


def _limited(text: str, limit: int, what: str) -> str:
    text = text.strip()
    if len(text) > limit:
        raise InvalidInputError(QT_TRANSLATE_NOOP(
            "CoreMessages", "The {what} is {count} characters long; at most {limit}."),
            what=what, count=len(text), limit=limit)
    return text


def _snapshot(flag: Flag) -> dict[str, Any]:
    return {"start_time_s": flag.start_time_s, "start_frame": flag.start_frame,
            "end_time_s": flag.end_time_s, "end_frame": flag.end_frame,
            "category": flag.category.value, "label": flag.label, "note": flag.note}


def add_flag(session: Session, actor: User, footage_key: str | int, start_s: float,
             category: str | FlagCategory, *, end_s: float | None = None,
             start_frame: int | None = None, end_frame: int | None = None,
             label: str = "", note: str = "") -> FlagRecord:
    require(actor, Permission.FLAG, QT_TRANSLATE_NOOP("CoreMessages", "flag footage"))
    footage = get_footage(session, footage_key)
    _check_range(footage, start_s, end_s)
    flag = Flag(
        footage_id=footage.id, start_time_s=start_s,
        start_frame=start_frame if start_frame is not None else frame_at(footage, start_s),
        end_time_s=end_s,
        end_frame=None if end_s is None else (
            end_frame if end_frame is not None else frame_at(footage, end_s)),
        category=parse_category(category), label=_limited(label, 256, "label"),
        note=note.strip(),
        author_id=actor.id,
    )
    session.add(flag)
    session.flush()
    audit.record(session, actor.name, "flag.add", "flag", flag.id, _snapshot(flag),
                 footage_id=footage.id)
    return FlagRecord.of(flag)


def get_flag(session: Session, flag_id: int) -> Flag:
    flag = session.get(Flag, flag_id)
    if flag is None:
        raise NotFoundError(QT_TRANSLATE_NOOP(
            "CoreMessages", "No flag #{flag_id}."),
            flag_id=flag_id)
    return flag


def edit_flag(session: Session, actor: User, flag_id: int, **changes: Any) -> FlagRecord:
    """Change any of start_s, end_s, start_frame, end_frame, category, label, note."""
    require(actor, Permission.FLAG, QT_TRANSLATE_NOOP("CoreMessages", "edit flags"))
    allowed = {"start_s", "end_s", "start_frame", "end_frame", "category", "label", "note"}
    unknown = set(changes) - allowed
    if unknown:
        raise InvalidInputError(QT_TRANSLATE_NOOP(
            "CoreMessages", "Cannot change {value} on a flag."),
            value=', '.join(sorted(unknown)))
    flag = get_flag(session, flag_id)
    footage = flag.footage
    before = _snapshot(flag)
    start = changes.get("start_s", flag.start_time_s)
    end = changes.get("end_s", flag.end_time_s)
    _check_range(footage, start, end)
    if "start_s" in changes:
        flag.start_time_s = start
        flag.start_frame = changes.get("start_frame", frame_at(footage, start))
    if "end_s" in changes:
        flag.end_time_s = end
        flag.end_frame = None if end is None else changes.get("end_frame", frame_at(footage, end))
    if "category" in changes:
        flag.category = parse_category(changes["category"])
    if "label" in changes:
        flag.label = _limited(str(changes["label"]), 256, "label")
    if "note" in changes:
        flag.note = str(changes["note"]).strip()
    after = _snapshot(flag)
    diff = {k: [before[k], after[k]] for k in after if before[k] != after[k]}
    if diff:
        flag.updated_at = utcnow()
        audit.record(session, actor.name, "flag.edit", "flag", flag.id, diff,
                     footage_id=footage.id)
    return FlagRecord.of(flag)


def delete_flag(session: Session, actor: User, flag_id: int) -> FlagRecord:
    require(actor, Permission.FLAG, QT_TRANSLATE_NOOP("CoreMessages", "delete flags"))
    flag = get_flag(session, flag_id)
    record = FlagRecord.of(flag)
    audit.record(session, actor.name, "flag.delete", "flag", flag.id, _snapshot(flag),
                 footage_id=flag.footage_id)
    session.delete(flag)
    session.flush()
    return record


def list_flags(session: Session, footage_key: str | int) -> list[FlagRecord]:
    footage = get_footage(session, footage_key)
    stmt = select(Flag).where(Flag.footage_id == footage.id).order_by(Flag.start_time_s, Flag.id)
    return [FlagRecord.of(f) for f in session.scalars(stmt)]
