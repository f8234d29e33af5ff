"""A case's exports and the disclosure pack made from one (a long job with progress and
cancel), for the Cases tab."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QCheckBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.casework import case_flow
from app.core.casework.case_flow import CaseExport
from app.core.casework.disclosure_pack import PackResult, build_pack
from app.core.store.database import Store
from app.ui.changes import Changed, announce
from app.ui.locale_format import datetime_text
from app.ui.pdf import render_pdf
from app.ui.resources import icon
from app.ui.settings_keys import EXPORT_FOLDER, PACK_FOLDER
from app.ui.signed_in import SignedIn
from app.ui.workers import Job, job_pool, run_op


def pack_folder() -> str:
    """Where the pack dialog opens: the last pack folder, else the last export folder, else
    the home folder (never the program's own folder)."""
    return PACK_FOLDER.get() or EXPORT_FOLDER.get() or str(Path.home())


def setup_table(table: QTableView, stretch: tuple[int, ...] = ()) -> None:
    """Row selection, one row at a time, read-only, columns sized to their contents; the
    last column takes the room left, or the ``stretch`` columns share it and give way when
    there is too little (at 1366 px the other columns stay in view)."""
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(not stretch)
    for column in stretch:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)


class CaseExportsBox(QGroupBox):
    loaded = Signal(int)  # exports shown
    pack_made = Signal(object)  # PackResult
    failed = Signal(str)

    def __init__(self, store: Store, user: SignedIn, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Exports"), parent)
        self.store, self.user = store, user
        self.exports: list[CaseExport] = []
        self.pack_job: Job | None = None
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("#"), self.tr("Footage"), self.tr("File"), self.tr("Made"),
            self.tr("Approved")])
        setup_table(self.table, stretch=(2,))  # the file name gives way: "Approved" shows
        self.table.setMinimumHeight(120)  # as tall as its rows need from there, so that at
        self.table.setSizeAdjustPolicy(  # 768 px the pack button is in view with few exports
            QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.table.itemSelectionChanged.connect(self._update_pack_button)
        self.zip_check = QCheckBox(self.tr("Zip"), self)
        self.zip_check.setToolTip(self.tr("One .zip file instead of a folder"))
        self.pack_button = QPushButton(icon("pack"), self.tr("Make disclosure pack…"), self)
        self.pack_button.clicked.connect(self._pack_clicked)
        self.pack_cancel_button = QPushButton(self.tr("Cancel"), self)
        self.pack_cancel_button.setToolTip(self.tr("Stop making the pack (nothing is left "
                                                   "behind)"))
        self.pack_cancel_button.clicked.connect(self.cancel_pack)
        self.pack_cancel_button.hide()
        self.pack_status = QLabel(self)
        self.pack_status.setWordWrap(True)
        self.pack_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(self.zip_check)
        row.addStretch(1)
        row.addWidget(self.pack_button)
        row.addWidget(self.pack_cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(self.pack_status)

    def load(self, reference: str, still_current: Callable[[], bool]) -> None:
        """Load the case's exports; shown only if ``still_current()`` when they arrive."""
        store = self.store

        def load() -> list[CaseExport]:
            with store.read() as session:
                return case_flow.case_exports(session, reference)

        def done(exports: list[CaseExport]) -> None:
            if still_current():
                self.fill(exports)
                self.loaded.emit(len(exports))

        run_op(self, load, done, self.failed.emit)

    def fill(self, exports: list[CaseExport]) -> None:
        chosen = self.selected_export()  # kept across a reload
        self.exports = exports
        self.table.setRowCount(len(exports))
        for row, export in enumerate(exports):
            cells = [str(export.id), f"#{export.footage_id}", Path(export.path).name,
                     datetime_text(export.created_at),
                     self.tr("Working copy: never released") if export.working_copy
                     else self.tr("Yes") if export.approved else self.tr("No")]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, export.id)
                if column == 2:
                    item.setToolTip(f"{export.path}\nSHA-256 {export.sha256}")
                self.table.setItem(row, column, item)
        ids = [e.id for e in exports]
        if chosen is not None and chosen.id in ids:
            self.table.selectRow(ids.index(chosen.id))
        elif len(exports) == 1:
            self.table.selectRow(0)
        self._update_pack_button()

    def selected_export(self) -> CaseExport | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.exports):
            return None
        return self.exports[rows[0].row()]

    def _update_pack_button(self) -> None:
        export = self.selected_export()
        self.pack_button.setEnabled(export is not None and export.approved
                                    and self.pack_job is None)
        self.pack_button.setToolTip(
            self.tr("Make the pack for the requester or the court: the redacted video, its "
                    "manifest, the disclosure record (HTML and PDF), the case's audit "
                    "extract and SHA256SUMS")
            if export is not None and export.approved else
            self.tr("Select an approved export: only exports of a plan a supervisor "
                    "approved are packed"))

    def _pack_clicked(self) -> None:
        export = self.selected_export()
        if export is None:
            return
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for the disclosure pack"), pack_folder())
        if folder:
            PACK_FOLDER.set(folder)
            self.make_pack(export.id, Path(folder), self.zip_check.isChecked())

    def make_pack(self, export_id: int, folder: Path, as_zip: bool = False) -> Job:
        """Build the disclosure pack of ``export_id`` in ``folder`` (a long job)."""
        store, name = self.store, self.user.name
        self.pack_button.setEnabled(False)
        self.pack_status.setText(self.tr("Making the disclosure pack…"))
        job = Job(lambda progress, cancel: build_pack(
            store, name, export_id, folder, as_zip=as_zip, render_pdf=render_pdf,
            progress=progress, cancel=cancel))
        job.progress.connect(self._pack_progress)
        job.finished.connect(self._pack_done)
        job.failed.connect(self._pack_failed)
        job.cancelled.connect(self._pack_cancelled)
        self.pack_job = job
        self.pack_cancel_button.show()
        job.start(job_pool())
        return job

    def cancel_pack(self) -> None:
        if self.pack_job is not None:
            self.pack_job.cancel()

    def _pack_ended(self) -> None:
        self.pack_job = None
        self.pack_cancel_button.hide()
        self._update_pack_button()

    def _pack_progress(self, done: int, total: int) -> None:
        if total:
            self.pack_status.setText(self.tr("Making the disclosure pack… {0}%").format(
                done * 100 // total))

    def _pack_done(self, result: PackResult) -> None:
        self.pack_status.setText(self.tr("Disclosure pack made: {0}").format(result.path))
        self._pack_ended()
        self.pack_made.emit(result)
        announce(Changed.EXPORTS)

    def _pack_cancelled(self) -> None:
        self._pack_failed(self.tr("Cancelled."), "")

    def _pack_failed(self, message: str, _details: str) -> None:
        self.pack_status.setText(self.tr("No pack was made."))
        self._pack_ended()
        self.failed.emit(message)
