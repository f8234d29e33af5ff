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

from app.core.casework.deadlines import statutory_deadline
from app.core.errors import BwvError
from app.core.store.models import CaseStatus, CaseType
from app.ui.error_text import error_text
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


NO_DEADLINE = QDate(2000, 1, 1)  # the deadline box's lowest date: "none set by law"


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
        self.deadline = QDateEdit(self)
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("yyyy-MM-dd")
        self.deadline.setMinimumDate(NO_DEADLINE)  # shown as the words: nothing set by law
        self.deadline.setSpecialValueText(self.tr("None set by law: set it by hand"))
        self.deadline.setEnabled(False)
        self.has_deadline.toggled.connect(self._hand_set)
        self.case_type.currentIndexChanged.connect(self.show_statutory)
        self.received.dateChanged.connect(self.show_statutory)
        deadline_row = QHBoxLayout()
        deadline_row.addWidget(self.has_deadline)
        deadline_row.addWidget(self.deadline, 1)
        hint = QLabel(self.tr("Subject access and FOI requests get their statutory deadline "
                              "from the date received unless one is set by hand."), self)
        hint.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setStyleSheet(f"color: {error_color()}")
        self.message.setWordWrap(True)  # a path in it: shown whole, the dialog its width
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
        self.show_statutory()

    def kind(self) -> CaseType:
        return CaseType(self.case_type.currentData())  # Qt hands the value back as str

    def show_statutory(self) -> None:
        """Unless set by hand, the deadline shown is the core's for the type and the date
        received (``statutory_deadline``): the one the case is given."""
        if self.has_deadline.isChecked():
            return
        try:
            due = statutory_deadline(self.kind(), _pydate(self.received.date()))
        except BwvError as exc:  # the bank holiday file cannot be read: said, not raised
            self.message.setText(error_text(exc))
            due = None
        self.deadline.setDate(QDate(due.year, due.month, due.day) if due else NO_DEADLINE)

    def _hand_set(self, by_hand: bool) -> None:
        self.deadline.setEnabled(by_hand)
        if by_hand and self.deadline.date() == NO_DEADLINE:
            self.deadline.setDate(self.received.date())  # a date to start from
        elif not by_hand:
            self.show_statutory()

    def try_accept(self) -> bool:
        if not self.reference.text().strip():
            self.message.setText(self.tr("A case needs a reference."))
            return False
        self.accept()
        return True

    def values(self) -> tuple[str, CaseType, str, date, date | None]:
        by_hand = self.has_deadline.isChecked() and self.deadline.date() != NO_DEADLINE
        deadline = _pydate(self.deadline.date()) if by_hand else None
        return (self.reference.text().strip(), self.kind(), self.title.text().strip(),
                _pydate(self.received.date()), deadline)
