"""Retention: the store's policy, what is due for deletion and why the rest is kept; applying
the policy and legal holds, each for the roles allowed to (the core checks again)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.library.retention_actions import (
    RetentionItem,
    RetentionOutcome,
    apply_retention,
    retention_report,
    set_legal_hold,
)
from app.core.people.permissions import Permission, can
from app.core.people.users import resolve_actor
from app.core.policy.store_policy import StorePolicy, load_policy
from app.core.retention.rules import RetentionState
from app.core.store.database import Store
from app.ui.changes import Changed, announce, subscribe
from app.ui.locale_format import datetime_text
from app.ui.resources import icon
from app.ui.retention_model import WHY, RetentionModel
from app.ui.signed_in import SignedIn
from app.ui.workers import Job, db_pool, job_pool, run_op, while_alive


def state_name(state: RetentionState) -> str:
    names = {
        RetentionState.DUE: QCoreApplication.translate("RetentionState", "Due for deletion"),
        RetentionState.NOT_DUE: QCoreApplication.translate("RetentionState", "Not due"),
        RetentionState.LEGAL_HOLD: QCoreApplication.translate("RetentionState", "Legal hold"),
        RetentionState.EVIDENTIAL: QCoreApplication.translate("RetentionState", "Evidential"),
        RetentionState.OPEN_CASE: QCoreApplication.translate("RetentionState", "Open case"),
        RetentionState.DELETED: QCoreApplication.translate("RetentionState", "Deleted"),
    }
    return names[state]


@dataclass(frozen=True)
class _Report:
    items: list[RetentionItem]
    policy: StorePolicy
    can_apply: bool
    can_hold: bool


class RetentionDialog(QDialog):
    loaded = Signal(int)  # items listed
    applied = Signal(list)  # RetentionOutcome of each item applying dealt with
    changed = Signal()  # footage was deleted or a hold placed or lifted
    failed = Signal(str)

    def __init__(self, store: Store, user: SignedIn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Retention"))
        self.store = store
        self.user = user
        self.items: list[RetentionItem] = []
        self.can_apply = self.can_hold = False
        self.busy = False
        self.policy_label = QLabel(self)
        self.policy_label.setWordWrap(True)
        self.policy_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model = RetentionModel(
            [self.tr("File"), self.tr("Recorded"), self.tr("Retention until"),
             self.tr("State"), self.tr("Why"), self.tr("File owned")], self._texts,
            {5: self.tr("Yes: the original lies in a managed folder and applying deletes it. "
                        "No: it is only marked deleted; the owner of its folder deletes the "
                        "file.")}, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(  # the reasons give way (whole in
            WHY, QHeaderView.ResizeMode.Stretch)  # the tooltip): every column in view
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.outcome = QLabel(self)  # what the last apply did
        self.outcome.setWordWrap(True)
        self.apply_button = QPushButton(icon("retention"), self.tr("Apply…"), self)
        self.apply_button.clicked.connect(lambda: self.apply())
        self.hold_button = QPushButton(self.tr("Legal hold…"), self)
        self.hold_button.clicked.connect(lambda: self._hold_clicked(True))
        self.lift_button = QPushButton(self.tr("Lift hold…"), self)
        self.lift_button.clicked.connect(lambda: self._hold_clicked(False))
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.clicked.connect(self.refresh)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)  # while applying
        self.cancel_button.setToolTip(self.tr("Stop after the item being deleted; every item "
                                              "is either untouched or fully deleted"))
        self.cancel_button.clicked.connect(self.cancel_apply)
        self.apply_job: Job | None = None
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (self.apply_button, self.cancel_button, self.hold_button,
                       self.lift_button, self.refresh_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.policy_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.outcome)
        layout.addLayout(buttons)
        self.resize(900, 480)
        self._update_buttons()
        subscribe(self, Changed.FOOTAGE | Changed.CASES, self.refresh)
        self.refresh()

    def _run(self, work: Callable[[], Any], done: Callable[[Any], None],
             pool: QThreadPool, changes: Changed = Changed.NOTHING) -> None:
        run_op(self, work, done, self._failed, pool, changes)

    def _failed(self, message: str, _details: str = "") -> None:
        self.apply_job = None
        if self.busy:
            self.outcome.setText(self.tr("The retention policy was not applied."))
        self.busy = False
        self._update_buttons()
        self.failed.emit(message)

    def refresh(self) -> None:
        """Reload the policy and the report off the UI thread."""
        store, name = self.store, self.user.name

        def load() -> _Report:
            with store.transaction() as session:
                actor = resolve_actor(session, name)
                return _Report(retention_report(session, actor), load_policy(session),
                               can(actor, Permission.APPLY_RETENTION),
                               can(actor, Permission.CHANGE_RETENTION))

        self._run(load, self._on_loaded, db_pool())

    def _on_loaded(self, report: _Report) -> None:
        selected = self.selected_item()
        self.items = report.items
        self.can_apply, self.can_hold = report.can_apply, report.can_hold
        policy = report.policy
        folders = "; ".join(policy.managed_folders) or self.tr("none")
        self.policy_label.setText(self.tr(
            "Footage that is not evidential is kept {0} days after it was recorded. Managed "
            "folders (applying deletes originals there; elsewhere it only marks them "
            "deleted): {1}.").format(policy.retention_days, folders))
        self.model.set_items(self.items)  # rows are drawn as they are shown
        self.table.clearSelection()
        if selected is not None:
            row = next((r for r, item in enumerate(self.items)
                        if item.footage_id == selected.footage_id), None)
            if row is not None:
                self.table.selectRow(row)
        count = self.due_count()
        self.summary.setText(self.tr("%n item(s) due for deletion.", "", count) if count
                             else self.tr("Nothing is due for deletion."))
        self._update_buttons()
        self.loaded.emit(len(self.items))

    def _texts(self, item: RetentionItem) -> list[str]:
        """A row's texts (made when the view first draws or measures the row)."""
        return [item.file_name, datetime_text(item.recorded_at),
                datetime_text(item.retention_until), state_name(item.state), item.why,
                self.tr("Yes") if item.owned else self.tr("No")]

    def due_count(self) -> int:
        return sum(1 for i in self.items if i.state is RetentionState.DUE)

    def selected_item(self) -> RetentionItem | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.items):
            return None
        return self.items[rows[0].row()]

    def _update_buttons(self) -> None:
        self.apply_button.setEnabled(self.can_apply and not self.busy)
        self.cancel_button.setVisible(self.busy)
        self.apply_button.setToolTip(
            self.tr("Delete every item due, leaving its record (hash and metadata)")
            if self.can_apply else
            self.tr("Only a supervisor or an administrator can apply the retention policy."))
        item = self.selected_item()
        present = item is not None and item.state is not RetentionState.DELETED
        held = item is not None and item.state is RetentionState.LEGAL_HOLD
        self.hold_button.setEnabled(self.can_hold and present and not held)
        self.lift_button.setEnabled(self.can_hold and held)
        why = ("" if self.can_hold else
               self.tr("Only a supervisor can place or lift a legal hold."))
        self.hold_button.setToolTip(why or self.tr("Keep the selected footage whatever its "
                                                   "retention date (asks for the reason)"))
        self.lift_button.setToolTip(why or self.tr("Lift the legal hold of the selected "
                                                   "footage (asks for the reason)"))

    def ask_to_apply(self, due: int) -> bool:
        """The default confirmation of :meth:`apply`."""
        answer = QMessageBox.question(
            self, self.tr("Apply the retention policy"),
            self.tr("Delete %n footage item(s) whose retention period has ended? Originals in "
                    "managed folders are deleted; the others are marked deleted. Their "
                    "records stay. This cannot be undone.", "", due),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def apply(self, confirm: Callable[[int], bool] | None = None) -> bool:
        """Delete every item due, after ``confirm(number due)``; False if nothing started."""
        due = self.due_count()
        if self.busy:
            return False
        if not due:
            self.summary.setText(self.tr("Nothing is due for deletion."))
            return False
        if not (confirm or self.ask_to_apply)(due):
            return False
        self.busy = True
        self._update_buttons()
        self.outcome.setText(self.tr("Applying the retention policy…"))
        store, name = self.store, self.user.name
        shown = {i.footage_id for i in self.items if i.state is RetentionState.DUE}
        # only what the user saw and confirmed; anything due since waits for the next run
        job = self.apply_job = Job(lambda progress, cancel: apply_retention(
            store, name, only=shown, progress=progress, cancel=cancel))
        job.progress.connect(while_alive(self, self._apply_progress))
        job.finished.connect(while_alive(self, self._on_applied))
        job.failed.connect(while_alive(self, self._failed))
        job.cancelled.connect(while_alive(self, self._apply_cancelled))
        job.start(job_pool())
        return True

    def _apply_progress(self, done: int, total: int) -> None:
        self.outcome.setText(self.tr("Applying the retention policy… item {0} of {1}")
                             .format(min(done + 1, total), total))

    def cancel_apply(self) -> None:
        if self.apply_job is not None and self.busy:
            self.apply_job.cancel()

    def _apply_cancelled(self) -> None:
        self.busy = False
        self.apply_job = None
        self.outcome.setText(self.tr("Stopped. Items already deleted stay deleted (their "
                                     "records are kept); the rest are untouched."))
        self.changed.emit()
        announce(Changed.FOOTAGE)

    def _on_applied(self, outcomes: list[RetentionOutcome]) -> None:
        self.busy = False
        self.apply_job = None
        deleted = sum(1 for o in outcomes if o.action in ("deleted file", "marked deleted"))
        problems = [o.message for o in outcomes if o.action in ("failed", "not confirmed")]
        self.outcome.setText("\n".join([self.tr("%n item(s) deleted; their records are kept.",
                                                 "", deleted), *problems]))
        self.changed.emit()
        self.applied.emit(outcomes)
        announce(Changed.FOOTAGE)

    def _hold_clicked(self, hold: bool) -> None:
        item = self.selected_item()
        if item is None:
            return
        prompt = (self.tr("Why must {0} be kept (e.g. a civil claim)? It is recorded.")
                  if hold else self.tr("Why is the legal hold on {0} lifted? It is recorded."))
        reason, ok = QInputDialog.getText(
            self, self.tr("Legal hold") if hold else self.tr("Lift hold"),
            prompt.format(item.file_name))
        if ok:
            self.set_hold(item.footage_id, hold, reason)

    def set_hold(self, footage_id: int, hold: bool, reason: str) -> None:
        """Place or lift a legal hold (the core refuses an empty reason), then reload."""
        store, name = self.store, self.user.name

        def change() -> None:
            with store.transaction() as session:
                set_legal_hold(session, resolve_actor(session, name), footage_id, hold, reason)

        def done(_result: object) -> None:
            self.changed.emit()

        self._run(change, done, db_pool(), Changed.FOOTAGE)
