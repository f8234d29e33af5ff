"""The flags of the open footage as a sortable, filterable list; activating one jumps to it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.core.media.timecode import format_time
from app.core.views.records import FlagRecord
from app.ui.filtered_table import filtered_table
from app.ui.flag_dialog import category_name

SORT_ROLE = Qt.ItemDataRole.UserRole + 1


class FlagsPanel(QWidget):
    jump_requested = Signal(float)  # seconds from the start
    edit_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = QStandardItemModel(0, 5, self)
        self.model.setHorizontalHeaderLabels([self.tr("Start"), self.tr("End"),
                                              self.tr("Category"), self.tr("Label"),
                                              self.tr("Author")])
        self.proxy, self.filter_edit, self.table = filtered_table(
            self, self.model, SORT_ROLE, self.tr("Filter flags…"))
        self.table.clicked.connect(self._jump)
        self.table.doubleClicked.connect(self._edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.table)

    def set_flags(self, flags: list[FlagRecord]) -> None:
        self.model.removeRows(0, self.model.rowCount())
        for f in flags:
            cells = [
                (format_time(f.start_time_s), f.start_time_s),
                (format_time(f.end_time_s) if f.end_time_s is not None else "",
                 f.end_time_s if f.end_time_s is not None else -1.0),
                (category_name(f.category), category_name(f.category)),
                (f.label, f.label.lower()),
                (f.author or "", f.author or ""),
            ]
            row = []
            for text, key in cells:
                item = QStandardItem(text)
                item.setData(key, SORT_ROLE)
                item.setData(f.id, Qt.ItemDataRole.UserRole)
                item.setToolTip(f.note)
                row.append(item)
            row[0].setData(f.start_time_s, Qt.ItemDataRole.UserRole + 2)
            self.model.appendRow(row)

    def _jump(self, index: QModelIndex) -> None:
        start = self.proxy.index(index.row(), 0).data(Qt.ItemDataRole.UserRole + 2)
        if start is not None:
            self.jump_requested.emit(float(start))

    def _edit(self, index: QModelIndex) -> None:
        flag_id = self.proxy.index(index.row(), 0).data(Qt.ItemDataRole.UserRole)
        if flag_id is not None:
            self.edit_requested.emit(int(flag_id))
