"""The Cases tab's list of cases, which also takes footage dragged from the library: dropped
on a case's row, it is linked to that case (``library_cases``)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from app.ui.library_cases import footage_ids


class CaseDropTable(QTableView):
    footage_dropped = Signal(str, list)  # case reference, footage ids

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)

    def _reference_at(self, event: QDropEvent | QDragMoveEvent) -> str | None:
        index = self.indexAt(event.position().toPoint())
        if not index.isValid():
            return None
        ref = index.siblingAtColumn(0).data(Qt.ItemDataRole.UserRole)
        return str(ref) if ref is not None else None

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
