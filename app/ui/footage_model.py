"""The library's table model: footage rows a page at a time, sorted and filtered by the store.

The model holds the number of matching rows and the pages already read. A row whose page is
not loaded yet shows "…" and asks for its page (``page_wanted``); the panel reads it in the
database worker and hands it back with :meth:`FootageTableModel.put_page`. A page read for an
older query (another sort, filter or case) is dropped.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QWidget

from app.core.library.footage_pages import PAGE_SIZE, FootageQuery, FootageSort
from app.core.media.timecode import format_time
from app.core.retention.rules import RetentionState
from app.core.views.records import FootageRecord
from app.ui.library_cases import FOOTAGE_MIME, footage_mime
from app.ui.locale_format import datetime_text

Index = QModelIndex | QPersistentModelIndex


class FootageTableModel(QAbstractTableModel):
    """Rows of :class:`FootageRecord` read page by page; ``Qt.UserRole`` returns the record
    (None while its page is being read)."""

    page_wanted = Signal(object, int, int)  # query, generation, page number
    sort_wanted = Signal(object, bool)  # FootageSort, descending

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._total = 0
        self._pages: dict[int, list[FootageRecord]] = {}
        self._asked: set[int] = set()
        self._query = FootageQuery()
        self._generation = 0
        self._headers = [self.tr("#"), self.tr("File"), self.tr("Duration"), self.tr("Frames"),
                         self.tr("Size"), self.tr("Recorded"), self.tr("Retention"),
                         self.tr("Cases"), self.tr("Device / officer")]

    @property
    def query(self) -> FootageQuery:
        return self._query

    def show(self, query: FootageQuery, total: int,
             pages: dict[int, list[FootageRecord]]) -> None:
        """Show a new query's rows: its count and the pages already read (the rest are read
        on demand)."""
        self.beginResetModel()
        self._query = query
        self._total = total
        self._generation += 1
        self._pages = dict(pages)
        self._asked = set(pages)
        self.endResetModel()

    def put_page(self, query: FootageQuery, generation: int, page: int,
                 rows: list[FootageRecord]) -> bool:
        """A page read in the worker; dropped if the rows shown changed since it was asked.
        False when it is shorter than the count said (rows went since): count again."""
        if generation != self._generation or query != self._query:
            return True
        self._pages[page] = rows
        first = page * PAGE_SIZE
        last = min(self._total, first + PAGE_SIZE) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0),
                                  self.index(last, self.columnCount() - 1))
        return len(rows) >= last - first + 1

    def forget_page(self, query: FootageQuery, generation: int, page: int) -> None:
        """A page that could not be read is asked for again the next time it is shown."""
        if generation == self._generation and query == self._query:
            self._asked.discard(page)

    def record(self, row: int) -> FootageRecord | None:
        """The record on ``row``; None (and its page asked for) while it is not read yet."""
        if not 0 <= row < self._total:
            return None
        page, at = divmod(row, PAGE_SIZE)
        rows = self._pages.get(page)
        if rows is None:
            if page not in self._asked:
                self._asked.add(page)
                self.page_wanted.emit(self._query, self._generation, page)
            return None
        return rows[at] if at < len(rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is the store's: ask for the rows again in the new order."""
        if 0 <= column < len(FootageSort):
            self.sort_wanted.emit(FootageSort(column),
                                  order == Qt.SortOrder.DescendingOrder)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsDragEnabled

    def mimeTypes(self) -> list[str]:
        return [FOOTAGE_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        records = (self.record(i.row()) for i in indexes if i.isValid())
        return footage_mime(sorted({r.id for r in records if r is not None}))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        rec = self.record(index.row())
        if role == Qt.ItemDataRole.UserRole:
            return rec
        if role == Qt.ItemDataRole.DisplayRole:
            return "…" if rec is None else self._display(rec, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 1 and rec is not None:
            return f"{rec.original_path}\nSHA-256 {rec.sha256}"
        return None

    def _display(self, rec: FootageRecord, column: int) -> str:
        match column:
            case 0:
                return str(rec.id)
            case 1:
                return rec.file_name
            case 2:
                return format_time(rec.duration_s)
            case 3:
                return str(rec.frame_count)
            case 4:
                return f"{rec.width}×{rec.height}"
            case 5:
                return datetime_text(rec.recorded_at)
            case 6:
                return self._retention(rec)
            case 7:
                return ", ".join(rec.case_refs)
            case _:
                return " / ".join(x for x in (rec.device_id, rec.officer_id) if x) or "–"

    def _retention(self, rec: FootageRecord) -> str:
        status = rec.retention()
        state = status.state
        if state is RetentionState.DELETED:
            return self.tr("Deleted")
        if state is RetentionState.LEGAL_HOLD:
            return self.tr("Kept (legal hold)")
        if state is RetentionState.EVIDENTIAL:
            return self.tr("Kept (evidential)")
        if state is RetentionState.OPEN_CASE:
            return self.tr("Kept (open case {0})").format(", ".join(rec.open_case_refs))
        if status.days_left is None:
            return "–"
        if state is RetentionState.DUE:
            return self.tr("Overdue")
        return self.tr("%n day(s) left", "", status.days_left)
