"""The library a page at a time: filtering, sorting and counting done by the database.

A force's store holds hundreds of thousands of footage rows; the library never loads them all.
The view asks for the number of rows that match, then for the pages it shows.
"""

from __future__ import annotations

import enum
import os
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select
from sqlalchemy.orm import Session, selectinload

from app.core.case_state.status import get_case
from app.core.store.models import Case, Footage, User, case_footage
from app.core.views.records import FootageRecord

PAGE_SIZE = 200


class FootageSort(enum.IntEnum):
    """What the library sorts by: one value per column, in the columns' order."""

    NUMBER = 0
    FILE = 1
    DURATION = 2
    FRAMES = 3
    PICTURE_SIZE = 4
    RECORDED = 5
    RETENTION = 6
    CASES = 7
    DEVICE = 8


@dataclass(frozen=True)
class FootageQuery:
    """Which footage the library shows, and in what order.

    ``text`` matches file names, device and officer ids, case references and recording times
    written as ``YYYY-MM-DD HH:MM:SS`` in UTC (any part of them), ignoring case (on SQLite,
    the case of ASCII letters only). Empty values sort as if larger than every value: last
    going up, first going down, on both databases."""

    case_ref: str | None = None
    text: str = ""
    sort: FootageSort = FootageSort.NUMBER
    descending: bool = False


def count_footage(session: Session, query: FootageQuery) -> int:
    """How many footage items the query matches."""
    stmt = _matching(session, query).with_only_columns(func.count(Footage.id)).order_by(None)
    return int(session.scalar(stmt) or 0)


def footage_page(session: Session, query: FootageQuery, offset: int,
                 limit: int = PAGE_SIZE) -> list[FootageRecord]:
    """The matching footage from ``offset``, at most ``limit`` items, in the query's order."""
    return _page(session, query, offset, limit, counted=False)[1]


def first_page(session: Session, query: FootageQuery,
               limit: int = PAGE_SIZE) -> tuple[int, list[FootageRecord]]:
    """How many items match, and the first ``limit`` of them. Filtered by text, that is one
    pass over every row (a window count), not two; otherwise a count the indexes answer and
    a page read through the sort's index (a window count would sort every row)."""
    if query.text.strip():
        return _page(session, query, 0, limit, counted=True)
    return count_footage(session, query), footage_page(session, query, 0, limit)


def position(session: Session, query: FootageQuery, footage_id: int) -> int | None:
    """The row at which ``footage_id`` stands in the query's order (None: not a match), so a
    view can keep it selected after a reload, wherever it is."""
    order = _sort_key(query.sort)
    mine = session.execute(_matching(session, query).with_only_columns(order)
                           .where(Footage.id == footage_id)).first()
    if mine is None:
        return None
    value = mine[0]
    if query.descending:  # empty values first, then the largest; ties by number, high first
        tie = Footage.id > footage_id
        before = (and_(order.is_(None), tie) if value is None
                  else or_(order.is_(None), order > value, and_(order == value, tie)))
    else:  # the smallest first, empty values last; ties by number, low first
        tie = Footage.id < footage_id
        before = (or_(order.is_not(None), and_(order.is_(None), tie)) if value is None
                  else or_(order < value, and_(order == value, tie)))
    stmt = _matching(session, query).with_only_columns(func.count(Footage.id)).where(before)
    return int(session.scalar(stmt.order_by(None)) or 0)


def _page(session: Session, query: FootageQuery, offset: int, limit: int,
          counted: bool) -> tuple[int, list[FootageRecord]]:
    order = _sort_key(query.sort)
    # empty values (no recording time, no case) after every value, in both databases
    key = order.desc().nulls_first() if query.descending else order.asc().nulls_last()
    tie = Footage.id.desc() if query.descending else Footage.id.asc()
    stmt = _matching(session, query)
    if counted:
        stmt = stmt.add_columns(func.count().over().label("matched"))
    stmt = (stmt.options(selectinload(Footage.cases), selectinload(Footage.flags))
            .order_by(key, tie).offset(max(0, offset)).limit(max(0, limit)))
    found = session.execute(stmt).all()
    items = [row[0] for row in found]
    total = int(found[0]._mapping["matched"]) if counted and found else 0
    ids = {f.ingested_by_id for f in items if f.ingested_by_id is not None}
    names = {uid: name for uid, name in session.execute(
        select(User.id, User.name).where(User.id.in_(ids)))} if ids else {}
    return total, [FootageRecord.of(f, names.get(f.ingested_by_id or 0)) for f in items]


def select_footage(session: Session, *, case_ref: str | None = None,
                   folder: Path | None = None, recorded_from: date | None = None,
                   recorded_to: date | None = None) -> list[int]:
    """The numbers of the footage still held (not deleted by retention) that meets every
    condition given: linked to a case, ingested from under a folder, recorded between two
    days (UTC, both included). For queueing work on many items at once."""
    stmt = _matching(session, FootageQuery(case_ref)).where(Footage.deleted_at.is_(None))
    if folder is not None:
        stmt = stmt.where(_under(str(folder.expanduser().resolve()).rstrip(os.sep) + os.sep))
    if recorded_from is not None:
        stmt = stmt.where(Footage.recorded_at >= datetime.combine(recorded_from, time(),
                                                                  tzinfo=UTC))
    if recorded_to is not None:
        stmt = stmt.where(Footage.recorded_at < datetime.combine(
            recorded_to + timedelta(days=1), time(), tzinfo=UTC))
    return list(session.scalars(stmt.with_only_columns(Footage.id).order_by(Footage.id)))


def largest_number(session: Session) -> int:
    """The highest footage number in the store (0 when it has none)."""
    return int(session.scalar(select(func.max(Footage.id))) or 0)


def case_references(session: Session) -> list[str]:
    """Every case reference, sorted: the library's case chooser (no case is loaded whole)."""
    return list(session.scalars(select(Case.reference).order_by(Case.reference)))


def _matching(session: Session, query: FootageQuery) -> Select[Footage]:
    stmt = select(Footage)
    if query.case_ref is not None:
        case = get_case(session, query.case_ref)
        stmt = stmt.where(Footage.id.in_(
            select(case_footage.c.footage_id).where(case_footage.c.case_id == case.id)))
    text = query.text.strip()
    if text:
        like = f"%{_escaped(text)}%"
        if session.get_bind().dialect.name == "sqlite":  # its LIKE ignores ASCII case
            def matches(column: Any) -> ColumnElement[bool]:
                found: ColumnElement[bool] = column.like(like, escape="\\")
                return found
        else:  # lower() and LIKE: measured faster than ILIKE on PostgreSQL
            lowered = like.lower()

            def matches(column: Any) -> ColumnElement[bool]:
                found: ColumnElement[bool] = func.lower(column).like(lowered, escape="\\")
                return found
        in_case = select(case_footage.c.footage_id).join(
            Case, Case.id == case_footage.c.case_id).where(matches(Case.reference))
        stmt = stmt.where(or_(
            matches(Footage.file_name), matches(Footage.device_id),
            matches(Footage.officer_id), matches(_recorded_text(session)),
            Footage.id.in_(in_case)))
    return stmt


def _recorded_text(session: Session) -> ColumnElement[str]:
    """The recording time as ``YYYY-MM-DD HH:MM:SS`` (UTC) in either database, whatever its
    date style."""
    if session.get_bind().dialect.name == "sqlite":
        text: ColumnElement[str] = func.strftime("%Y-%m-%d %H:%M:%S", Footage.recorded_at)
    else:
        text = func.to_char(Footage.recorded_at, "YYYY-MM-DD HH24:MI:SS")
    return text


def _under(prefix: str) -> ColumnElement[bool]:
    """The footage whose original's path begins with ``prefix`` (a folder, ending in the
    separator), letter case and all: SQLite's LIKE ignores ASCII case, so the LIKE (which
    an index may serve) is narrowed by an exact comparison of the path's start. Only where
    paths ignore case (Windows) does case not count."""
    start = func.substr(Footage.original_path, 1, len(prefix))
    if os.path.normcase("A") != "A":  # a file system that ignores case
        return func.lower(start) == prefix.lower()
    return and_(Footage.original_path.like(_escaped(prefix) + "%", escape="\\"),
                start == prefix)


def _escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _sort_key(sort: FootageSort) -> ColumnElement[Any]:
    first_case = (select(func.min(Case.reference))
                  .join(case_footage, case_footage.c.case_id == Case.id)
                  .where(case_footage.c.footage_id == Footage.id)
                  .scalar_subquery())
    keys: dict[FootageSort, Any] = {
        FootageSort.NUMBER: Footage.id,
        FootageSort.FILE: func.lower(Footage.file_name),
        FootageSort.DURATION: Footage.duration_s,
        FootageSort.FRAMES: Footage.frame_count,
        FootageSort.PICTURE_SIZE: Footage.width * Footage.height,
        FootageSort.RECORDED: Footage.recorded_at,
        FootageSort.RETENTION: Footage.retention_until,
        FootageSort.CASES: first_case,
        FootageSort.DEVICE: func.coalesce(Footage.device_id, "") + " "
        + func.coalesce(Footage.officer_id, ""),
    }
    key: ColumnElement[Any] = keys[sort]
    return key
