"""Before an approval: every open item (an unreviewed range, faces the export's check still
saw) is shown and needs an answer: a reason each, or "all reviewed" once the whole list has
been gone through. The rule and the record are in ``app.core.redaction.open_items``."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.redaction.open_items import OpenItem


class OpenItemsDialog(QDialog):
    def __init__(self, items: list[OpenItem], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open items before approval"))
        self.items = items
        intro = QLabel(self.tr(
            "%n item(s) nobody has dealt with. Approving means you answer for each: give a "
            "reason in its row, or go through the whole list and tick \"All reviewed\". The "
            "answers are recorded with the approval and in the disclosure record.", "",
            len(items)), self)
        intro.setWordWrap(True)
        self.table = QTableWidget(len(items), 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Item"), self.tr("Answer")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(1, 220)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        for row, item in enumerate(items):
            cell = QTableWidgetItem(item.text)
            cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
            cell.setToolTip(item.text)
            self.table.setItem(row, 0, cell)
            self.table.setItem(row, 1, QTableWidgetItem(""))
        self.all_reviewed = QCheckBox(self.tr("All reviewed: I have gone through every item "
                                              "above"), self)
        self.all_reviewed.setEnabled(False)  # until the end of the list has been seen
        bar = self.table.verticalScrollBar()
        bar.valueChanged.connect(self._seen_to)
        bar.rangeChanged.connect(lambda _lo, _hi: self._seen_to(bar.value()))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Approve"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.table.itemChanged.connect(lambda _i: self._update())
        self.all_reviewed.toggled.connect(lambda _on: self._update())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.all_reviewed)
        layout.addWidget(self.buttons)
        self.resize(760, 420)
        self._seen_to(bar.value())
        self._update()

    def _seen_to(self, value: int) -> None:
        if value >= self.table.verticalScrollBar().maximum():
            self.all_reviewed.setEnabled(True)

    def answers(self) -> dict[str, str]:
        """Item key -> answer; empty rows get "all reviewed" when that is ticked."""
        out = {}
        for row, item in enumerate(self.items):
            cell = self.table.item(row, 1)
            text = cell.text().strip() if cell is not None else ""
            if not text and self.all_reviewed.isChecked():
                text = "all reviewed"
            if text:
                out[item.key] = text
        return out

    def _update(self) -> None:
        done = len(self.answers()) == len(self.items)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(done)
