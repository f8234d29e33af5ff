"""Every value in the store that its column cannot hold, and where it is.

A value edited into the database file (text where a date belongs, a word no enum knows,
broken JSON, text in a number column, bytes that are not UTF-8 text) stops whatever loads
its row (``checked_types``). The integrity check looks for all of them first, without
loading any row through the ORM, in one pass over each table: the database picks the values
that could be wrong (on SQLite, by their storage class and, for dates, their exact form; on
PostgreSQL, which checks most types itself, enum values it does not know and dates Python
cannot hold: infinity, before year 1, after 9999); where that pick is not exact, the
column type's own reading of the raw value decides. A date and time with a time zone of its
own (the app never writes one) counts too: it would be read as UTC, silently wrong.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Connection,
    Date,
    DateTime,
    Dialect,
    Enum,
    Float,
    Integer,
    LargeBinary,
    String,
    Table,
)

from app.core.progress import CancelToken
from app.core.store.checked_types import shown
from app.core.store.database import Store
from app.core.store.models import Base

# SQLAlchemy's form of a date and time on SQLite, to the second and to the microsecond.
_SECONDS = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]:[0-9][0-9]"
_MICROSECONDS = _SECONDS + ".[0-9][0-9][0-9][0-9][0-9][0-9]"
# The most values kept (the rest are counted).
KEPT = 100


@dataclass(frozen=True)
class UnreadableValue:
    """One stored value its column cannot hold: its table, row (primary key) and column."""

    table: str
    row: str
    column: str
    value: str  # as ``checked_types.shown`` quotes it

    def __str__(self) -> str:
        return f"{self.where()}: {self.value}"

    def where(self) -> str:
        """Its table, row and column, without the value."""
        return f"{self.table} #{self.row}, {self.column}"


@dataclass
class StoredValuesReport:
    found: list[UnreadableValue]  # the first ``KEPT``
    count: int  # all of them

    @property
    def ok(self) -> bool:
        return self.count == 0


def unreadable_values(store: Store, cancel: CancelToken | None = None) -> StoredValuesReport:
    """Every stored value of the store's tables that its column cannot hold."""
    report = StoredValuesReport([], 0)
    with store.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            if cancel is not None:
                cancel.check()
            _scan(conn, table, report)
    return report


@dataclass(frozen=True)
class _Look:
    """How one column is looked at: an SQL condition true for each value that could be
    wrong, whether it is true only for those, the SQL that fetches the value, and the
    column type's reading."""

    column: Column[Any]
    where: str
    exact: bool
    fetch: str
    read: Callable[[Any], Any] | None
    moment: bool  # a date and time: a time zone of its own counts


def _scan(conn: Connection, table: Table, report: StoredValuesReport) -> None:
    dialect = conn.dialect
    quote = dialect.identifier_preparer.quote
    looks = [look for column in table.columns
             if (look := _look(dialect, column, quote)) is not None]
    if not looks:
        return
    keys = list(table.primary_key.columns)
    fields = [quote(k.name) for k in keys]
    for look in looks:  # per column: could it be wrong, its storage class, the value
        fields += [f"CASE WHEN {look.where} THEN 1 ELSE 0 END", look.fetch]
    sql = (f"SELECT {', '.join(fields)} FROM {quote(table.name)} WHERE "
           + " OR ".join(f"({look.where})" for look in looks))
    for row in conn.exec_driver_sql(sql):
        for n, look in enumerate(looks):
            suspect, raw = row[len(keys) + 2 * n], row[len(keys) + 2 * n + 1]
            if not suspect or (not look.exact and _readable(raw, look)):
                continue
            report.count += 1
            if len(report.found) < KEPT:
                where = (str(row[0]) if len(keys) == 1 else
                         ", ".join(f"{k.name} {v}" for k, v in zip(keys, row, strict=False)))
                report.found.append(UnreadableValue(table.name, where, look.column.name,
                                                    shown(_text(raw))))


def _look(dialect: Dialect, column: Column[Any],
          quote: Callable[[str], str]) -> _Look | None:
    kind = column.type.dialect_impl(dialect)
    base = getattr(kind, "impl_instance", kind)  # a checked type's wrapped type
    col = quote(column.name)
    moment = isinstance(base, DateTime)

    def read() -> Callable[[Any], Any] | None:  # asked only where it decides
        return kind.result_processor(dialect, None)

    if dialect.name != "sqlite":  # PostgreSQL: its own types hold the rest
        if isinstance(base, Enum):
            return _Look(column, f"{col} IS NOT NULL AND {col} NOT IN ({_listed(base)})",
                         False, col, read(), False)
        if isinstance(base, (DateTime, Date)):  # fetched as text: the driver cannot
            return _Look(column, f"{col} IS NOT NULL AND ({col} IN ('infinity', "
                         f"'-infinity') OR {col} < '0001-01-01' OR {col} >= '10000-01-01')",
                         True, f"CAST({col} AS TEXT)", None, moment)
        return None
    # SQLite: any text is fetched as bytes (it may not be UTF-8) and decoded here
    fetch = f"CASE WHEN typeof({col}) = 'text' THEN CAST({col} AS BLOB) ELSE {col} END"
    if isinstance(base, Enum):
        where, exact = f"typeof({col}) != 'text' OR {col} NOT IN ({_listed(base)})", False
    elif isinstance(base, DateTime):  # SQLAlchemy's own form, and a real day and time
        where, exact = (f"NOT (typeof({col}) = 'text' AND ({col} GLOB '{_SECONDS}' OR {col} "
                        f"GLOB '{_MICROSECONDS}') AND substr({col}, 1, 4) != '0000' AND "
                        f"datetime(julianday(substr({col}, 1, 19))) = substr({col}, 1, 19))"),\
            False
    elif isinstance(base, Date):
        where, exact = (f"NOT (typeof({col}) = 'text' AND substr({col}, 1, 4) != '0000' AND "
                        f"date(julianday({col})) IS {col})"), False
    elif isinstance(base, Boolean):
        where, exact = f"typeof({col}) != 'integer' OR {col} NOT IN (0, 1)", True
    elif isinstance(base, Integer):
        where, exact = f"typeof({col}) != 'integer'", True
    elif isinstance(base, Float):
        where, exact = f"typeof({col}) NOT IN ('integer', 'real')", True
    elif isinstance(base, LargeBinary):
        where, exact = f"typeof({col}) != 'blob'", True
    elif isinstance(base, String) and not isinstance(base, JSON):
        where, exact = f"typeof({col}) != 'text'", True
    else:  # JSON, and any other type: its reading decides
        where, exact = "1 = 1", False
    return _Look(column, f"{col} IS NOT NULL AND ({where})", exact, fetch,
                 None if exact else read(), moment)


def _listed(base: Enum) -> str:
    return ", ".join("'" + v.replace("'", "''") + "'" for v in base.enums) or "NULL"


def _text(raw: Any) -> Any:
    """Fetched bytes as the text they hold (or, when they are not UTF-8, the bytes)."""
    if isinstance(raw, bytes):
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            return raw
    return raw


def _readable(raw: Any, look: _Look) -> bool:
    """Whether the column type reads this fetched value as what the column holds."""
    value = _text(raw)
    if isinstance(value, bytes) and isinstance(raw, bytes):  # not UTF-8 text
        return False
    if look.moment and isinstance(value, str):
        try:  # a zone of its own would be read as UTC: silently wrong
            if dt.datetime.fromisoformat(value).tzinfo is not None:
                return False
        except ValueError:
            return False
    try:
        read = look.read(value) if look.read is not None else value
    except Exception:  # any failure to read it is what is looked for
        return False
    return read is None or not look.moment or isinstance(read, dt.datetime)
