"""The Cases tab's list as a model: a row's texts are made when the view first asks for them
(to draw the row, or to size the columns from a sample of up to 1,000 rows), so a force's
20,000 cases are listed without 120,000 table items made on the UI thread."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.core.views.records import CaseRecord

OVERDUE_TEXT = QColor("#a40000")
OVERDUE_BACKGROUND = QColor("#fde2e2")

# (record, today) -> (the row's texts, overdue); the panel's, so its strings are translated
# where they always were
RowTexts = Callable[[CaseRecord, date], tuple[list[str], bool]]
Index = QModelIndex | QPersistentModelIndex


class CasesModel(QAbstractTableModel):
    def __init__(self, headers: list[str], texts: RowTexts, overdue_tip: str,
                 parent: Any = None) -> None:
        super().__init__(parent)
        self._headers, self._texts, self._tip = headers, texts, overdue_tip
        self._records: list[CaseRecord] = []
        self._rows: dict[int, tuple[list[str], bool]] = {}  # made as they are drawn
        self._row_of: dict[str, int] = {}
        self._today = date.today()

    def set_records(self, records: list[CaseRecord], today: date) -> None:
        self.beginResetModel()
        self._records, self._today, self._rows = records, today, {}
        self._row_of = {r.reference: i for i, r in enumerate(records)}
        self.endResetModel()

    def record(self, row: int) -> CaseRecord:
        return self._records[row]

    def row_of(self, reference: str | None) -> int | None:
        return self._row_of.get(reference) if reference is not None else None

    def overdue(self) -> int:
        """How many listed cases are overdue (by the core's rule, without drawing them)."""
        return sum(r.deadline_state(self._today).overdue for r in self._records)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's default)
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        row = index.row()
        if role == Qt.ItemDataRole.UserRole:
            return self._records[row].reference
        if row not in self._rows:
            self._rows[row] = self._texts(self._records[row], self._today)
        texts, late = self._rows[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return texts[index.column()]
        if late and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(OVERDUE_TEXT)
        if late and role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(OVERDUE_BACKGROUND)
        if late and role == Qt.ItemDataRole.ToolTipRole:
            return self._tip
        return None
