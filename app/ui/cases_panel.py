"""Cases: the list with deadlines, and for the selected case its details, requester, status
moves along the case flow, and its exports with the disclosure pack."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.core.casework import case_flow, cases
from app.core.casework.case_flow import TRANSITIONS, CaseExport, allowed_next, denied_moves
from app.core.errors import PermissionDeniedError
from app.core.people.permissions import Permission, can
from app.core.people.users import find_user, resolve_actor
from app.core.redaction.open_items import OpenItem
from app.core.store.database import Store
from app.core.store.models import CaseStatus, CaseType
from app.core.views.records import CaseRecord
from app.ui.case_drop_table import CaseDropTable
from app.ui.case_exports import CaseExportsBox, setup_table
from app.ui.cases_model import CasesModel
from app.ui.changes import Changed, subscribe
from app.ui.error_text import error_text
from app.ui.library_cases import change_links
from app.ui.locale_format import date_text
from app.ui.new_case_dialog import NewCaseDialog, case_status_name, case_type_name
from app.ui.open_items_dialog import OpenItemsDialog
from app.ui.resources import icon
from app.ui.signed_in import SignedIn
from app.ui.workers import Job, run_op


@dataclass(frozen=True)
class _Loaded:
    cases: list[CaseRecord]
    # (from, to) -> why the signed-in user may not make that move; empty when unknown
    denied: dict[tuple[CaseStatus, CaseStatus], PermissionDeniedError]
    can_edit: bool


@dataclass(frozen=True)
class _Stale:
    """A status change not made: the case had moved on since the list was loaded."""
    reference: str
    status: CaseStatus  # its status now



class CasesPanel(QWidget):
    refreshed = Signal(int)  # rows shown after a reload
    case_selected = Signal(str)  # reference of the case now selected
    changed = Signal()  # a case was created or changed status (the library's list of cases)
    exports_loaded = Signal(int)
    pack_made = Signal(object)  # PackResult
    failed = Signal(str)

    def __init__(self, store: Store, user: SignedIn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.user = user
        self.records: list[CaseRecord] = []
        self.link_job: Job | None = None
        self.open_items_dialog: OpenItemsDialog | None = None
        self._denied: dict[tuple[CaseStatus, CaseStatus], PermissionDeniedError] = {}
        self._can_edit = True
        self._filling = False
        self._announced: str | None = None
        self._select_after: str | None = None
        self._shown: str | None = None
        self._requester_shown: dict[str, str] = {}  # each requester field as last shown
        self.status_buttons: dict[CaseStatus, QPushButton] = {}

        self.new_button = QPushButton(icon("case"), self.tr("New case…"), self)
        self.new_button.clicked.connect(self.new_case)
        self.model = CasesModel([
            self.tr("Reference"), self.tr("Title"), self.tr("Type"), self.tr("Status"),
            self.tr("Deadline"), self.tr("Time left")], self._row_texts,
            self.tr("The deadline has passed"), self)
        self.table = CaseDropTable(self)  # footage can be dropped on a case
        self.table.setModel(self.model)
        self.table.footage_dropped.connect(self.link_dropped)
        setup_table(self.table, stretch=(1, 2))  # title, type give way: deadlines stay in view
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.summary = QLabel(self)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.new_button)
        top.addStretch(1)
        left_layout.addLayout(top)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.summary)

        details = QWidget(self)
        details_layout = QVBoxLayout(details)
        details_layout.addWidget(self._build_details())
        details_layout.addWidget(self._build_requester())
        details_layout.addWidget(self._build_status())
        details_layout.addWidget(self._build_exports())
        details_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(details)

        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._show_case(None)
        subscribe(self, Changed.CASES | Changed.PLANS | Changed.EXPORTS, self.refresh)

    def _build_details(self) -> QGroupBox:
        box = QGroupBox(self.tr("Case"), self)
        form = QFormLayout(box)
        self.fields: dict[str, QLabel] = {}
        for key, title in (("reference", self.tr("Reference")), ("title", self.tr("Title")),
                           ("type", self.tr("Type")), ("received", self.tr("Received")),
                           ("deadline", self.tr("Deadline")), ("status", self.tr("Status")),
                           ("exemption", self.tr("Exemption"))):
            label = QLabel(box)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = label
            form.addRow(title, label)
        return box

    def _build_requester(self) -> QGroupBox:
        box = self.requester_box = QGroupBox(self.tr("Requester"), self)
        self.requester_name = QLineEdit(box)
        self.requester_name.setMaxLength(256)
        self.requester_reference = QLineEdit(box)
        self.requester_reference.setMaxLength(128)
        self.requester_contact = QLineEdit(box)
        self.requester_contact.setMaxLength(256)
        for edit, field in ((self.requester_name, "requester_name"),
                            (self.requester_reference, "requester_reference"),
                            (self.requester_contact, "requester_contact")):
            edit.setObjectName(field)  # the core's field name (set_requester's ``expected``)
        self.personal_note = QLabel(self.tr("Personal data: keep it minimal; it is never "
                                            "written to the audit trail."), box)
        self.personal_note.setWordWrap(True)
        self.save_requester_button = QPushButton(self.tr("Save requester"), box)
        self.save_requester_button.clicked.connect(self.save_requester)
        form = QFormLayout(box)
        form.addRow(self.tr("Name"), self.requester_name)
        form.addRow(self.tr("Their reference"), self.requester_reference)
        form.addRow(self.tr("Contact"), self.requester_contact)
        form.addRow(self.personal_note)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_requester_button)
        form.addRow(row)
        return box

    def _build_status(self) -> QGroupBox:
        box = self.status_box = QGroupBox(self.tr("Move the case to"), self)
        layout = QVBoxLayout(box)
        self.status_row = QHBoxLayout()
        layout.addLayout(self.status_row)
        self.message = QLabel(box)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        return box

    def _build_exports(self) -> CaseExportsBox:
        box = self.exports_box = CaseExportsBox(self.store, self.user, self)
        box.loaded.connect(self.exports_loaded)
        box.pack_made.connect(self.pack_made)
        box.failed.connect(self.failed)
        # the box's parts, as the tests and the window reach them
        self.exports_table, self.pack_button = box.table, box.pack_button
        self.pack_status, self.zip_check = box.pack_status, box.zip_check
        self.make_pack = box.make_pack
        return box

    # --- loading -------------------------------------------------------------------------

    def _run(self, work: Callable[[], Any], done: Callable[[Any], None],
             pool: QThreadPool | None = None, changes: Changed = Changed.NOTHING) -> Job:
        return run_op(self, work, done, self.failed.emit, pool, changes)

    def refresh(self) -> None:
        """Reload the cases (and what the signed-in user may do) off the UI thread."""
        store, name = self.store, self.user.name

        def load() -> _Loaded:
            with store.read() as session:
                records = cases.list_cases(session)
                user = find_user(session, name)
                if user is None:  # not signed in yet (os_user store): the core decides
                    return _Loaded(records, {}, True)
                return _Loaded(records, denied_moves(user), can(user, Permission.EDIT_CASE))

        self._run(load, self._on_loaded)

    def _on_loaded(self, loaded: _Loaded) -> None:
        keep = self._select_after or self.current_reference()
        self._select_after = None
        self.records, self._denied, self._can_edit = loaded.cases, loaded.denied, loaded.can_edit
        self.new_button.setEnabled(loaded.can_edit)
        today = date.today()
        self._filling = True
        self.model.set_records(self.records, today)  # rows are drawn as they are shown
        self.table.clearSelection()
        self._filling = False
        overdue = self.model.overdue()
        self.summary.setText(self.tr("%n case(s)", "", len(self.records))
                             + (self.tr(", %n overdue", "", overdue) if overdue else ""))
        if keep is None or not self.select_case(keep):
            self._show_case(None)
        self.refreshed.emit(len(self.records))

    def _row_texts(self, record: CaseRecord, today: date) -> tuple[list[str], bool]:
        """A row of the list as shown, and whether the case is overdue."""
        left, late = self.deadline_text(record, today)
        return [record.reference, record.title, case_type_name(record.case_type),
                case_status_name(record.status), date_text(record.deadline), left], late

    def deadline_text(self, record: CaseRecord, today: date) -> tuple[str, bool]:
        """(time left as shown, overdue), by the core's rule: a finished case is never
        overdue."""
        state = record.deadline_state(today)
        if state.days_left is None:
            return "–", False
        if state.finished:
            return self.tr("Finished"), False
        if state.overdue:
            return self.tr("Overdue by %n day(s)", "", -state.days_left), True
        if state.days_left == 0:
            return self.tr("Due today"), False
        return self.tr("%n day(s) left", "", state.days_left), False

    # --- selection -----------------------------------------------------------------------

    def current_reference(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        ref = rows[0].data(Qt.ItemDataRole.UserRole)
        return str(ref) if ref is not None else None

    def current_case(self) -> CaseRecord | None:
        row = self.model.row_of(self.current_reference())
        return self.model.record(row) if row is not None else None

    def select_case(self, reference: str) -> bool:
        """Select the row of ``reference``; False if it is not listed."""
        row = self.model.row_of(reference)
        if row is None:
            return False
        if self.current_reference() == reference:
            self._selection_changed()  # shown again (a reload may change it)
        else:
            self.table.selectRow(row)
        return True

    def _selection_changed(self, *_changes: object) -> None:
        if self._filling:
            return
        record = self.current_case()
        self._show_case(record)
        if record is not None and record.reference != self._announced:
            self._announced = record.reference
            self.case_selected.emit(record.reference)

    def _show_case(self, record: CaseRecord | None) -> None:
        same = record is not None and self._shown == record.reference
        self._shown = record.reference if record else None
        for box in (self.requester_box, self.status_box, self.exports_box):
            box.setEnabled(record is not None)
        self._fill_status_buttons(record)
        if record is None:
            for label in self.fields.values():
                label.setText("–")
            for edit in (self.requester_name, self.requester_reference,
                         self.requester_contact):
                edit.clear()
            self.exports_box.fill([])
            return
        if not same:
            self.message.clear()
            self.pack_status.clear()
        left, _late = self.deadline_text(record, date.today())
        deadline = (f"{date_text(record.deadline)} ({left})" if record.deadline
                    else self.tr("None set"))
        if record.extension_reason:
            deadline += "\n" + self.tr("Extended: {0}").format(record.extension_reason)
        values = {
            "reference": record.reference, "title": record.title or "–",
            "type": case_type_name(record.case_type),
            "received": date_text(record.received_on),
            "deadline": deadline, "status": case_status_name(record.status),
            "exemption": record.exemption or "–",
        }
        for key, text in values.items():
            self.fields[key].setText(text)
        for edit, value in ((self.requester_name, record.requester_name),
                            (self.requester_reference, record.requester_reference),
                            (self.requester_contact, record.requester_contact)):
            if not (same and edit.isModified()):  # keep what is being typed
                edit.setText(value)
                self._requester_shown[edit.objectName()] = value
        self.requester_box.setEnabled(self._can_edit)
        self._load_exports(record.reference)

    def _fill_status_buttons(self, record: CaseRecord | None) -> None:
        for button in self.status_buttons.values():
            self.status_row.removeWidget(button)
            button.deleteLater()
        self.status_buttons = {}
        if record is None:
            return
        for target in allowed_next(record.status):
            button = QPushButton(case_status_name(target), self.status_box)
            denied = self._denied.get((record.status, target))
            button.setEnabled(denied is None)
            step = TRANSITIONS[record.status][target]
            button.setToolTip(
                error_text(denied) if denied is not None
                else self.tr("Asks for the reason (recorded)") if step.needs_reason
                else self.tr("Asks for an optional note (recorded)"))
            button.clicked.connect(lambda _checked=False, t=target: self._status_clicked(t))
            self.status_row.addWidget(button)
            self.status_buttons[target] = button

    # --- changes -------------------------------------------------------------------------

    def new_case(self) -> None:
        dialog = NewCaseDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.create_case(*dialog.values())

    def create_case(self, reference: str, case_type: CaseType | str, title: str = "",
                    received: date | None = None, deadline: date | None = None) -> None:
        """Create a case in the database worker, then reload with it selected."""
        store, name = self.store, self.user.name

        def create() -> CaseRecord:
            with store.transaction() as session:
                actor = resolve_actor(session, name)
                return cases.create_case(session, actor, reference, case_type, title,
                                         deadline=deadline, received_on=received)

        def done(record: CaseRecord) -> None:
            self._select_after = record.reference
            self.changed.emit()  # the broadcast (Changed.CASES) reloads every view

        self._run(create, done, changes=Changed.CASES)

    def _status_clicked(self, target: CaseStatus) -> None:
        record = self.current_case()
        if record is None:
            return
        if target is CaseStatus.APPROVED:  # read first; the note is given in its window
            ref, store = record.reference, self.store

            def items() -> tuple[list[OpenItem], case_flow.CaseOutline]:
                with store.read() as session:
                    return (case_flow.case_open_items(session, ref),
                            case_flow.case_outline(session, ref))

            self._run(items, lambda found: self._answer_then_change(found, ref, target))
            return
        step = TRANSITIONS[record.status][target]
        name = case_status_name(target)
        prompt = (self.tr("Why does case {0} go to “{1}”? (recorded in the audit trail)")
                  if step.needs_reason else
                  self.tr("Note on moving case {0} to “{1}” (optional, recorded):"))
        reason, ok = QInputDialog.getText(self, self.tr("Case status"),
                                          prompt.format(record.reference, name))
        if not ok:
            return
        exemption = None
        if target is CaseStatus.REFUSED:
            exemption, ok = QInputDialog.getText(
                self, self.tr("Refuse the request"),
                self.tr("Exemption relied on (e.g. FOI s.40(2) personal information):"))
            if not ok:
                return
        self.change_status(target, reason, exemption)

    def _answer_then_change(self, found: tuple[list[OpenItem], case_flow.CaseOutline],
                            ref: str, target: CaseStatus) -> None:
        """What approving lets out and the open items, in a window of their own (no nested
        event loop in a job's signal): approved there (the plans read), if still selected."""
        def go(answers: dict[str, str]) -> None:
            record = self.current_case()
            if record is None or record.reference != ref:
                self.message.setText(self.tr("Another case was selected; case {0} was not "
                                             "changed.").format(ref))
                return
            self.change_status(target, dialog.note.text().strip(), None,
                               (answers, found[1].plans))

        dialog = self.open_items_dialog = OpenItemsDialog(found[0], found[1].lines, self)
        dialog.setModal(True)
        dialog.accepted.connect(lambda: go(dialog.answers()))
        dialog.open()

    def link_dropped(self, reference: str, ids: list[int]) -> None:
        """Footage dragged from the library onto case ``reference``."""
        def done(count: int) -> None:
            self.message.setText(self.tr("%n footage item(s) linked to case {0}.", "",
                                         count).format(reference))
            self.changed.emit()

        self.link_job = change_links(self.store, self.user.name, reference, ids, True, done,
                                     self.failed.emit)

    def change_status(self, status: CaseStatus | str, reason: str = "",
                      exemption: str | None = None,
                      approval: tuple[dict[str, str], dict[int, str]] | None = None) -> None:
        """Move the selected case on (the core checks the rules and the role); ``approval``:
        the approver's answers and the plans they read (``CaseOutline``)."""
        record = self.current_case()
        if record is None:
            return
        store, name, ref, shown = self.store, self.user.name, record.reference, record.status

        def change() -> CaseRecord | _Stale:
            with store.transaction() as session:
                now = cases.get_case(session, ref).status
                if now is not shown:  # changed elsewhere (CLI, another workstation, a plan edit)
                    return _Stale(ref, now)
                actor = resolve_actor(session, name)
                answers, seen = approval or (None, None)
                return case_flow.change_status(session, actor, ref, status, reason, exemption,
                                               answers, seen)

        def done(changed: CaseRecord | _Stale) -> None:
            if isinstance(changed, _Stale):
                self.message.setText(self.tr(
                    "Case {0} had already moved to “{1}” since the list was shown, so your "
                    "change was not made. The list has been reloaded: check it and choose "
                    "again.").format(changed.reference, case_status_name(changed.status)))
            else:
                self.message.setText(self.tr("Case {0} is now “{1}”.").format(
                    changed.reference, case_status_name(changed.status)))
            self._select_after = changed.reference
            self.changed.emit()

        self._run(change, done, changes=Changed.CASES)

    def save_requester(self) -> None:
        """Save the requester's name, reference and contact of the selected case."""
        record = self.current_case()
        if record is None:
            return
        store, user, ref = self.store, self.user.name, record.reference
        edits = (self.requester_name, self.requester_reference, self.requester_contact)
        shown = dict(self._requester_shown)
        typed = {e.objectName(): e.text() for e in edits  # only what was changed here: a
                 if e.text() != shown.get(e.objectName(), "")}  # field saved elsewhere stays

        def save() -> CaseRecord:
            with store.transaction() as session:
                actor = resolve_actor(session, user)
                return cases.set_requester(
                    session, actor, ref, name=typed.get("requester_name"),
                    requester_reference=typed.get("requester_reference"),
                    contact=typed.get("requester_contact"), expected=shown)

        def done(saved: CaseRecord) -> None:
            for edit in edits:
                edit.setModified(False)
                self._requester_shown[edit.objectName()] = getattr(saved, edit.objectName())
            self.message.setText(self.tr("Requester details of case {0} saved.").format(
                saved.reference))
            self._select_after = saved.reference

        self._run(save, done, changes=Changed.CASES)

    # --- exports and the disclosure pack (case_exports.py) ------------------------------

    def _load_exports(self, reference: str) -> None:
        self.exports_box.load(reference, lambda: self.current_reference() == reference)

    def selected_export(self) -> CaseExport | None:
        return self.exports_box.selected_export()
