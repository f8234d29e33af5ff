"""The names of case types and statuses as shown, and the dialog for a new case."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from app.core.store.models import CaseStatus, CaseType
from app.ui.resources import error_color


def case_type_name(kind: CaseType) -> str:
    names = {
        CaseType.FOI: QCoreApplication.translate("CaseType", "FOI request"),
        CaseType.SUBJECT_ACCESS: QCoreApplication.translate("CaseType", "Subject access request"),
        CaseType.COURT_EXHIBIT: QCoreApplication.translate("CaseType", "Court exhibit"),
        CaseType.COMPLAINT: QCoreApplication.translate("CaseType", "Complaint"),
        CaseType.INTERNAL_REVIEW: QCoreApplication.translate("CaseType", "Internal review"),
    }
    return names[kind]


def case_status_name(status: CaseStatus) -> str:
    names = {
        CaseStatus.RECEIVED: QCoreApplication.translate("CaseStatus", "Received"),
        CaseStatus.IN_REVIEW: QCoreApplication.translate("CaseStatus", "In review"),
        CaseStatus.REDACTED: QCoreApplication.translate("CaseStatus", "Redacted"),
        CaseStatus.AWAITING_APPROVAL: QCoreApplication.translate("CaseStatus", "Awaiting approval"),
        CaseStatus.APPROVED: QCoreApplication.translate("CaseStatus", "Approved"),
        CaseStatus.RELEASED: QCoreApplication.translate("CaseStatus", "Released"),
        CaseStatus.REFUSED: QCoreApplication.translate("CaseStatus", "Refused"),
        CaseStatus.CLOSED: QCoreApplication.translate("CaseStatus", "Closed"),
    }
    return names[status]


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class NewCaseDialog(QDialog):
    """Reference, type, title, the date the request was received and an optional deadline."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New case"))
        self.setMinimumWidth(440)
        self.reference = QLineEdit(self)
        self.reference.setMaxLength(64)
        self.reference.setPlaceholderText(self.tr("e.g. SAR-2026-001"))
        self.case_type = QComboBox(self)
        for kind in CaseType:
            self.case_type.addItem(case_type_name(kind), kind)
        self.title = QLineEdit(self)
        self.title.setMaxLength(256)
        self.title.setPlaceholderText(self.tr("No personal data: the title is audited"))
        today = QDate.currentDate()
        self.received = QDateEdit(today, self)
        self.received.setCalendarPopup(True)
        self.received.setMaximumDate(today)
        self.received.setDisplayFormat("yyyy-MM-dd")
        self.has_deadline = QCheckBox(self.tr("Set by hand"), self)
        self.deadline = QDateEdit(today.addDays(28), self)
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("yyyy-MM-dd")
        self.deadline.setEnabled(False)
        self.has_deadline.toggled.connect(self.deadline.setEnabled)
        deadline_row = QHBoxLayout()
        deadline_row.addWidget(self.has_deadline)
        deadline_row.addWidget(self.deadline, 1)
        hint = QLabel(self.tr("Subject access and FOI requests get their statutory deadline "
                              "from the date received unless one is set by hand."), self)
        hint.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setStyleSheet(f"color: {error_color()}")
        form = QFormLayout(self)
        form.addRow(self.tr("Reference"), self.reference)
        form.addRow(self.tr("Type"), self.case_type)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Received"), self.received)
        form.addRow(self.tr("Deadline"), deadline_row)
        form.addRow(hint)
        form.addRow(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def try_accept(self) -> bool:
        if not self.reference.text().strip():
            self.message.setText(self.tr("A case needs a reference."))
            return False
        self.accept()
        return True

    def values(self) -> tuple[str, CaseType, str, date, date | None]:
        kind = CaseType(self.case_type.currentData())  # Qt hands the value back as str
        deadline = _pydate(self.deadline.date()) if self.has_deadline.isChecked() else None
        return (self.reference.text().strip(), kind, self.title.text().strip(),
                _pydate(self.received.date()), deadline)
