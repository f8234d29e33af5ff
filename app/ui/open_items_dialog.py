"""Before an approval: what approving lets out (who is kept visible and why, what else is
hidden: ``app.core.redaction.plan_outline``) is shown, and every open item (an unreviewed
range, faces the export's check still saw) needs an answer: a reason each, or "all reviewed"
once the whole list has been gone through. The rule and the record are in
``app.core.redaction.open_items``."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.redaction.open_items import OpenItem
from app.core.redaction.plan_outline import FOOTAGE
from app.core.wording import Said
from app.ui.error_text import said_text


class OpenItemsDialog(QDialog):
    def __init__(self, items: list[OpenItem], outline: list[Said],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Approve the redaction"))
        self.items = items
        heading = QLabel(self.tr("What you approve (read it first):"), self)
        self.outline = QPlainTextEdit(self)
        self.outline.setReadOnly(True)
        self.outline.setPlainText("\n".join(
            said_text(line) if line.template == FOOTAGE else "    " + said_text(line)
            for line in outline))
        intro = QLabel(self.tr(
            "%n item(s) nobody has dealt with. Approving means you answer for each: give a "
            "reason in its row, or go through the whole list and tick \"All reviewed\". The "
            "answers are recorded with the approval and in the disclosure record.", "",
            len(items)) if items else self.tr("No open items to answer."), self)
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
        approve = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        approve.setText(self.tr("Approve"))
        approve.setAutoDefault(False)  # a click, never the Enter key, approves
        approve.setDefault(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.table.itemChanged.connect(lambda _i: self._update())
        self.all_reviewed.toggled.connect(lambda _on: self._update())
        self.note = QLineEdit(self)  # asked here, once the plan has been read
        self.note.setPlaceholderText(self.tr("Note on the approval (optional, recorded)"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.outline, 1)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.all_reviewed)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.table.setVisible(bool(items))
        self.all_reviewed.setVisible(bool(items))
        self.resize(760, 520)
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
