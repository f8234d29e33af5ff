"""Edit one flag: category, label, note, start and end time."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from app.core.store.models import FlagCategory
from app.core.views.records import FlagRecord


def category_name(category: FlagCategory) -> str:
    names = {
        FlagCategory.EVIDENCE: QCoreApplication.translate("FlagCategory", "Evidence"),
        FlagCategory.USE_OF_FORCE: QCoreApplication.translate("FlagCategory", "Use of force"),
        FlagCategory.DISCLOSURE_CANDIDATE: QCoreApplication.translate(
            "FlagCategory", "Disclosure candidate"),
        FlagCategory.SENSITIVE_MINOR: QCoreApplication.translate(
            "FlagCategory", "Sensitive: minor"),
        FlagCategory.SENSITIVE_MEDICAL: QCoreApplication.translate(
            "FlagCategory", "Sensitive: medical"),
        FlagCategory.SENSITIVE_HOME_INTERIOR: QCoreApplication.translate(
            "FlagCategory", "Sensitive: home interior"),
        FlagCategory.REVIEW: QCoreApplication.translate("FlagCategory", "Review"),
        FlagCategory.CUSTOM: QCoreApplication.translate("FlagCategory", "Custom"),
    }
    return names[category]


class FlagDialog(QDialog):
    def __init__(self, flag: FlagRecord, duration_s: float,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit flag"))
        self.flag = flag
        self.category = QComboBox(self)
        for c in FlagCategory:
            self.category.addItem(category_name(c), c)
        self.category.setCurrentIndex(list(FlagCategory).index(flag.category))
        self.label = QLineEdit(flag.label, self)
        self.label.setMaxLength(256)
        self.note = QPlainTextEdit(flag.note, self)
        self.start = QDoubleSpinBox(self)
        self.start.setRange(0, duration_s)
        self.start.setDecimals(3)
        self.start.setSuffix(" s")
        self.start.setValue(flag.start_time_s)
        self.is_range = QCheckBox(self.tr("Range"), self)
        self.is_range.setChecked(flag.end_time_s is not None)
        self.end = QDoubleSpinBox(self)
        self.end.setRange(0, duration_s)
        self.end.setDecimals(3)
        self.end.setSuffix(" s")
        self.end.setValue(flag.end_time_s if flag.end_time_s is not None else flag.start_time_s)
        self.end.setEnabled(self.is_range.isChecked())
        self.is_range.toggled.connect(self.end.setEnabled)
        form = QFormLayout(self)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Label"), self.label)
        form.addRow(self.tr("Note"), self.note)
        form.addRow(self.tr("Start"), self.start)
        form.addRow(self.is_range, self.end)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def changes(self) -> dict[str, Any]:
        """The fields that differ from the flag, in the names the flag service takes."""
        new: dict[str, Any] = {
            "category": self.category.currentData(), "label": self.label.text().strip(),
            "note": self.note.toPlainText().strip(), "start_s": round(self.start.value(), 3),
            "end_s": round(max(self.end.value(), self.start.value()), 3)
            if self.is_range.isChecked() else None,
        }
        old = {"category": self.flag.category, "label": self.flag.label, "note": self.flag.note,
               "start_s": round(self.flag.start_time_s, 3),
               "end_s": None if self.flag.end_time_s is None else round(self.flag.end_time_s, 3)}
        return {k: v for k, v in new.items() if v != old[k]}
