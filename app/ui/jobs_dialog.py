"""Tools > Jobs: the store's queue of unattended work (detection, transcription) with each
job's state, progress, tries, worker and error, kept up to date while open; cancel, retry, and queue
jobs for the footage of the case chosen in the library. ``bwv worker`` runs them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.detection.presets import DEFAULT_PRESET
from app.core.jobs.bulk_queue import queue_in_parts
from app.core.jobs.queue import JobKind, JobRow, cancel, job_rows, retry
from app.core.library.footage import list_footage
from app.core.people.users import resolve_actor
from app.core.store.database import Store
from app.ui.locale_format import datetime_text
from app.ui.signed_in import SignedIn
from app.ui.workers import run_op

REFRESH_MS = 3000
PROGRESS_COLUMN = 4


def state_name(state: str) -> str:
    return {"queued": QCoreApplication.translate("JobState", "queued"),
            "running": QCoreApplication.translate("JobState", "running"),
            "done": QCoreApplication.translate("JobState", "done"),
            "failed": QCoreApplication.translate("JobState", "failed"),
            "cancelled": QCoreApplication.translate("JobState", "cancelled")}.get(state, state)


class JobsDialog(QDialog):
    failed = Signal(str)

    def __init__(self, store: Store, user: SignedIn, case_ref: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Jobs"))
        self.store, self.user, self.case_ref = store, user, case_ref
        self.rows: list[JobRow] = []
        self.table = QTableWidget(0, 8, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Job"), self.tr("Work"), self.tr("Footage"), self.tr("State"),
            self.tr("Progress"), self.tr("Tries"), self.tr("When"), self.tr("Error")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(7, QHeaderView.ResizeMode.Stretch)
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("Detect faces"), JobKind.DETECT.value)
        self.kind.addItem(self.tr("Transcribe speech"), JobKind.TRANSCRIBE.value)
        self.kind.addItem(self.tr("Working copy (every face redacted; never released)"),
                          JobKind.REDACT.value)
        self.queue_button = QPushButton(self)
        self.set_case(case_ref)
        self.cancel_button = QPushButton(self.tr("Cancel job"), self)
        self.retry_button = QPushButton(self.tr("Retry job"), self)
        self.note = QLabel(self.tr("Jobs run on a computer running 'bwv worker'. They store "
                                   "detection runs and transcripts, or write working copies "
                                   "marked on every frame; they never release anything."),
                           self)
        self.note.setWordWrap(True)
        buttons = QHBoxLayout()
        for w in (self.kind, self.queue_button, self.cancel_button, self.retry_button):
            buttons.addWidget(w)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.queue_button.clicked.connect(self.queue_case)
        self.cancel_button.clicked.connect(lambda: self._change(cancel))
        self.retry_button.clicked.connect(lambda: self._change(retry))
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.refresh)
        self.timer.start(REFRESH_MS)
        self.resize(860, 420)
        self.refresh()
        self._update_buttons()

    def refresh(self) -> None:
        store = self.store

        def load() -> list[JobRow]:
            with store.read() as session:
                return job_rows(session)

        run_op(self, load, self._show, self.failed.emit)

    def _show(self, rows: list[JobRow]) -> None:
        chosen = self._selected()
        self.rows = rows
        self.table.setRowCount(len(rows))
        for r, job in enumerate(rows):
            work = {"detect": self.tr("detect ({0})").format(job.preset),
                    "redact": self.tr("working copy ({0})").format(job.preset)}.get(
                job.kind, self.tr("transcribe"))
            cells = [str(job.id), work, f"#{job.footage_id} {job.file_name}",
                     state_name(job.state), "", str(job.attempts),
                     datetime_text(job.when) if job.when else "", job.error]
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
            self._show_progress(r, job)
            if chosen is not None and job.id == chosen.id:
                self.table.selectRow(r)
        self._update_buttons()

    def _show_progress(self, row: int, job: JobRow) -> None:
        """A bar for a running job (how far its worker says it has got), nothing otherwise."""
        bar = self.table.cellWidget(row, PROGRESS_COLUMN)
        if job.state != "running":
            if bar is not None:
                self.table.removeCellWidget(row, PROGRESS_COLUMN)
            return
        if not isinstance(bar, QProgressBar):
            bar = QProgressBar(self.table)
            bar.setRange(0, 100)
            self.table.setCellWidget(row, PROGRESS_COLUMN, bar)
        bar.setValue(round(job.progress * 100))

    def _selected(self) -> JobRow | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) and \
            self.table.selectionModel().hasSelection() else None

    def _update_buttons(self) -> None:
        job = self._selected()
        self.cancel_button.setEnabled(job is not None and job.state in ("queued", "running"))
        self.retry_button.setEnabled(job is not None and job.state in ("failed", "cancelled"))

    def _change(self, change: object) -> None:
        job = self._selected()
        if job is None:
            return
        store, name, number = self.store, self.user.name, job.id

        def work() -> None:
            with store.transaction() as session:
                change(session, resolve_actor(session, name), number)  # type: ignore[operator]

        run_op(self, work, lambda _r: self.refresh(), self.failed.emit)

    def set_case(self, case_ref: str | None) -> None:
        """The case whose footage is queued: the one the library shows, followed while this
        window is open (it queued for the case chosen when it opened), and named."""
        self.case_ref = case_ref
        self.queue_button.setEnabled(bool(case_ref))
        self.queue_button.setText(self.tr("Queue for the footage of case {0}").format(case_ref)
                                  if case_ref else self.tr("Queue for the case's footage"))
        self.queue_button.setToolTip(self.tr(
            "One job per footage item of the case chosen in the library; 'bwv worker' runs "
            "them") if case_ref else self.tr("Choose a case in the library first"))

    def queue_case(self) -> None:
        store, name, case_ref = self.store, self.user.name, self.case_ref
        kind = JobKind(self.kind.currentData())
        options = None
        if kind is JobKind.REDACT:
            folder = self.choose_folder()
            if not folder:
                return
            options = {"out_dir": folder, "case": case_ref}

        def work() -> int:
            with store.read() as session:
                keys: list[str | int] = [f.id for f in list_footage(session, case_ref)]
            preset = "" if kind is JobKind.TRANSCRIBE else DEFAULT_PRESET
            return len(queue_in_parts(store, name, keys, kind, preset, options=options))

        run_op(self, work, lambda _n: self.refresh(), self.failed.emit)

    def choose_folder(self) -> str:
        """The (shared) folder the working copies are written to ("" when none is chosen)."""
        return QFileDialog.getExistingDirectory(
            self, self.tr("Folder for the working copies (a share the workers can write)"))

    def done(self, result: int) -> None:  # closing stops the refreshing
        self.timer.stop()
        super().done(result)
