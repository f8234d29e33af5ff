"""The Retention dialog's report as a model: a row's texts are made when the view first asks
for them (to draw the row, or to size the columns from a sample of rows), so a force's
100,000 footage items are listed without 600,000 table items made on the UI thread (that
took 15-21 s there, with the window frozen)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.core.library.retention_actions import RetentionItem
from app.core.retention.rules import RetentionState

DUE_TEXT = QColor("#a40000")
DUE_BACKGROUND = QColor("#fde2e2")
WHY = 4  # the column of the reasons the footage is kept (or due)

RowTexts = Callable[[RetentionItem], list[str]]  # the dialog's, translated where they were
Index = QModelIndex | QPersistentModelIndex


class RetentionModel(QAbstractTableModel):
    def __init__(self, headers: list[str], texts: RowTexts, header_tips: dict[int, str],
                 parent: Any = None) -> None:
        super().__init__(parent)
        self._headers, self._texts, self._tips = headers, texts, header_tips
        self._items: list[RetentionItem] = []
        self._rows: dict[int, list[str]] = {}  # made as they are drawn

    def set_items(self, items: list[RetentionItem]) -> None:
        self.beginResetModel()
        self._items, self._rows = items, {}
        self.endResetModel()

    def item(self, row: int) -> RetentionItem:
        return self._items[row]

    def text(self, row: int, column: int) -> str:
        """What a cell shows."""
        texts = self._rows.get(row)
        if texts is None:
            texts = self._rows[row] = self._texts(self._items[row])
        return texts[column]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's default)
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tips.get(section)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._items):
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(index.row(), index.column())
        if role == Qt.ItemDataRole.UserRole:
            return item.footage_id
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            return f"#{item.footage_id} {item.path}\nSHA-256 {item.sha256}"
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == WHY:
            return self.text(index.row(), WHY)  # whole, where the column is too narrow
        if item.state is RetentionState.DUE:
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(DUE_TEXT)
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(DUE_BACKGROUND)
        return None
