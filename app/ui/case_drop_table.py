"""The Cases tab's list of cases, which also takes footage dragged from the library: dropped
on a case's row, it is linked to that case (``library_cases``)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QWidget

from app.ui.library_cases import footage_ids


class CaseDropTable(QTableWidget):
    footage_dropped = Signal(str, list)  # case reference, footage ids

    def __init__(self, rows: int, columns: int, parent: QWidget | None = None) -> None:
        super().__init__(rows, columns, parent)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)

    def _reference_at(self, event: QDropEvent | QDragMoveEvent) -> str | None:
        item = self.itemAt(event.position().toPoint())
        if item is None:
            return None
        ref = self.item(item.row(), 0)
        return str(ref.data(Qt.ItemDataRole.UserRole)) if ref is not None else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if footage_ids(event.mimeData()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if footage_ids(event.mimeData()) and self._reference_at(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        ids, ref = footage_ids(event.mimeData()), self._reference_at(event)
        if ids and ref:
            event.acceptProposedAction()
            self.footage_dropped.emit(ref, ids)
        else:
            event.ignore()
