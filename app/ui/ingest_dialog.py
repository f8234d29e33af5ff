"""Adding footage from the desktop: ingest in a worker with progress, cancel and a per-file
list of what failed and why."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import DBAPIError

from app.core.casework import cases
from app.core.errors import BwvError
from app.core.library.ingest import IngestResult, IngestStatus, ingest_paths
from app.core.people.users import resolve_actor
from app.core.progress import CancelToken, ProgressFn
from app.core.store.database import Store, database_problem, store_busy
from app.ui.error_text import error_text
from app.ui.resources import error_color
from app.ui.signed_in import SignedIn
from app.ui.workers import Job

log = logging.getLogger(__name__)

SHOW_AFTER_MS = 600


class _Relay(QObject):
    """Carries per-file events from the worker to the dialog (queued across threads)."""

    file_started = Signal(str, int, int)
    result = Signal(object)


class IngestDialog(QDialog):
    """Runs ``ingest_paths`` in the background; ``ingest_done`` carries the results."""

    ingest_done = Signal(list)

    def __init__(self, store: Store, user: SignedIn, paths: list[Path],
                 parent: QWidget | None = None, case_ref: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Adding footage"))
        self.resize(620, 360)
        self.results: list[IngestResult] = []
        self.current = QLabel(self.tr("Starting…"), self)
        self.current.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.current.setWordWrap(True)  # the file being added: a long path never widens it
        self.bar = QProgressBar(self)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)  # a long path and its reason: read whole, no sideways
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)  # scrolling
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.rejected.connect(self._cancel_or_close)
        layout = QVBoxLayout(self)
        for widget in (self.current, self.bar, self.list, self.buttons):
            layout.addWidget(widget)
        self._relay = _Relay(self)  # (the dialog's: freed with it, on this thread)
        self._relay.file_started.connect(self._on_file)
        self._relay.result.connect(self._on_result)
        relay = self._relay

        self.case_ref = case_ref
        name = user.name  # the files are added as who started it
        self.linked = 0  # footage newly linked to ``case_ref``
        self.link_error = ""

        def work(progress: ProgressFn, cancel: CancelToken) -> list[IngestResult]:
            results = ingest_paths(store, name, paths,
                                   progress=progress, cancel=cancel,
                                   on_file=lambda p, i, n: relay.file_started.emit(str(p), i, n),
                                   on_result=relay.result.emit)
            ids = [r.footage_id for r in results if r.footage_id is not None]
            if case_ref is not None and ids:  # the library shows this case: file them there
                try:
                    with store.transaction() as session:
                        self.linked = cases.link_many(
                            session, resolve_actor(session, name), case_ref, ids)
                except BwvError as exc:  # ingested all the same: say why they are not filed
                    self.linked, self.link_error = 0, error_text(exc)
                except DBAPIError as exc:
                    if not store_busy(exc):  # a fault of ours: the error dialog, with details
                        raise
                    log.warning("filing ingested footage in %s: the store was busy", case_ref)
                    self.linked = 0  # (set before a commit that may have been the refused part)
                    self.link_error = error_text(database_problem(exc))
            return results

        self.job = Job(work)
        self.job.progress.connect(self._on_progress)
        self.job.finished.connect(self._on_finished)
        self.job.failed.connect(self._on_failed)
        self.job.cancelled.connect(self._on_cancelled)
        self._show_timer = QTimer(self)
        self._show_timer.setSingleShot(True)
        self._show_timer.timeout.connect(self.show)

    def start(self) -> None:
        """Start ingesting; the window appears only if it takes more than a moment."""
        self.job.start()
        self._show_timer.start(SHOW_AFTER_MS)

    def _on_file(self, path: str, index: int, total: int) -> None:
        self.current.setText(self.tr("File {0} of {1}: {2}").format(index + 1, total, path))
        self.bar.setValue(0)

    def _on_progress(self, done: int, total: int) -> None:
        self.bar.setMaximum(max(total, 1))
        self.bar.setValue(done)

    def _on_result(self, result: IngestResult) -> None:
        self.results.append(result)
        item = QListWidgetItem(result.message)
        if result.status is IngestStatus.FAILED:
            item.setForeground(QColor(error_color()))
        self.list.addItem(item)

    def _finish(self, summary: str) -> None:
        self._show_timer.stop()
        self.current.setText(summary)
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
        failed = [r for r in self.results if r.status is IngestStatus.FAILED]
        if failed and not self.isVisible():
            self.show()  # errors are always shown, however fast it was
        elif not failed and not self.isVisible():
            self.accept()
        self.ingest_done.emit(self.results)

    def _on_finished(self, results: list[IngestResult]) -> None:
        counts = {s: sum(1 for r in results if r.status is s) for s in IngestStatus}
        summary = self.tr("{0} added, {1} already present, {2} failed.").format(
            counts[IngestStatus.INGESTED], counts[IngestStatus.DUPLICATE],
            counts[IngestStatus.FAILED])
        if self.case_ref is not None:
            summary += " " + (self.tr("Not linked to case {0}: {1}").format(
                self.case_ref, self.link_error) if self.link_error else self.tr(
                "%n item(s) linked to case {0}.", "", self.linked).format(self.case_ref))
            if (self.linked or self.link_error) and not self.isVisible():
                self.show()  # say so: the footage went into the case shown
        self._finish(summary)

    def _on_failed(self, message: str, _details: str) -> None:
        self._finish(self.tr("Adding footage failed: {0}").format(message))

    def _on_cancelled(self) -> None:
        self._finish(self.tr("Cancelled. Files already added stay in the library."))

    def _cancel_or_close(self) -> None:
        if self.job.running:
            self.job.cancel()
            self.current.setText(self.tr("Cancelling…"))
        else:
            self.reject()
