"""Tools > Verify integrity: the store check of ``bwv audit verify`` in a window.

The chain, every signature, the state rebuilt from the events, the anchors in the recorded
exports' manifests (and in a folder of packs or checkpoints the user chooses), and every
recorded export re-hashed, in a worker with progress and cancel (``core.checks.integrity_check``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.checks.integrity_check import (
    CHAIN,
    LOST,
    REPLAY,
    IntegrityReport,
    check_store,
    lost_connection,
)
from app.core.checks.trail_replay import ReplayReport
from app.core.errors import BwvError
from app.core.library.footage import VerifyStatus
from app.core.progress import CancelToken, ProgressFn
from app.core.store.audit import ChainReport
from app.core.store.database import Store
from app.ui.error_text import error_text, phrase_text
from app.ui.resources import error_color
from app.ui.workers import Job, job_pool, while_alive


class IntegrityDialog(QDialog):
    finished_check = Signal(bool)  # True when everything checked is intact

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Verify integrity"))
        self.resize(760, 480)
        self.store = store
        self.job: Job | None = None
        self.report: IntegrityReport | None = None
        self.summary = QLabel(self.tr("Checks the audit trail's chain and signatures, rebuilds "
                                      "users, footage, plans, exports and rules from it, "
                                      "checks the anchors and re-hashes every export."), self)
        self.summary.setWordWrap(True)
        self.results = QListWidget(self)
        self.results.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.check_button = QPushButton(self.tr("Check now"), self)
        self.check_button.clicked.connect(lambda: self.start())
        self.folder_button = QPushButton(self.tr("Check with a folder of packs…"), self)
        self.folder_button.setToolTip(self.tr("Also check every anchor, audit extract and "
                                              "pack in a folder (the disclosure share, a "
                                              "court bundle, saved checkpoints)"))
        self.folder_button.clicked.connect(self._choose_folder)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        buttons = QHBoxLayout()
        for b in (self.check_button, self.folder_button, self.cancel_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.results, 1)
        layout.addWidget(close)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder of packs and "
                                                                "checkpoints"))
        if folder:
            self.start([Path(folder)])

    def start(self, folders: list[Path] | None = None) -> None:
        """Run every check (and those of ``folders``) in a worker."""
        if self.job is not None:
            return
        store, chosen = self.store, list(folders or [])

        def work(progress: ProgressFn, cancel: CancelToken) -> IntegrityReport:
            return check_store(store, chosen, progress=progress, cancel=cancel, walk=progress)

        self.results.clear()
        self.summary.setStyleSheet("")
        self.summary.setText(self.tr("Checking…"))
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        for b in (self.check_button, self.folder_button):
            b.setEnabled(False)
        self.cancel_button.setEnabled(True)
        job = self.job = Job(work)
        job.progress.connect(while_alive(self, self._progress))
        job.finished.connect(while_alive(self, self._show))
        job.failed.connect(while_alive(self, lambda message, _d: self._stopped(message)))
        job.cancelled.connect(while_alive(self, lambda: self._stopped(
            self.tr("Cancelled: nothing was checked to the end."))))
        job.start(job_pool())

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(1000 * done / total))

    def _idle(self) -> None:
        self.job = None
        self.progress.setVisible(False)
        for b in (self.check_button, self.folder_button):
            b.setEnabled(True)
        self.cancel_button.setEnabled(False)

    def _stopped(self, message: str) -> None:
        self._idle()
        self.summary.setStyleSheet(f"color: {error_color()}")
        self.summary.setText(message)

    def _add(self, text: str, bad: bool = False) -> None:
        item = QListWidgetItem(text)
        if bad:
            item.setForeground(QColor(error_color()))
        self.results.addItem(item)

    def _show_replay(self, replay: ReplayReport) -> None:
        self._add(self.tr("Signatures: {0} events signed and verified; {1} unsigned, by "
                          "accounts without a signing key.").format(replay.signed,
                                                                    replay.unsigned))
        if replay.root:
            self._add(self.tr("Root key: {0} ({1}'s, registered by event #{2}).").format(
                *replay.root))
        else:
            self._add(self.tr("Root key: none yet (a store made before signing)."))
        if replay.self_registered:
            self._add(self.tr("No administrator has vouched for the keys of: {0}.").format(
                ", ".join(replay.self_registered)))

    def _show_chain(self, chain: ChainReport) -> None:
        if chain.ok:
            self._add(self.tr("Chain intact: {0} events, head {1}.").format(
                chain.count, chain.head_hash))
            if chain.warning:
                self._add(self.tr("Note: {0}").format(chain.warning))
        else:
            self._add(self.tr("Chain BROKEN ({0}) at event #{1}: {2}").format(
                chain.kind, chain.seq, chain.problem), True)

    def _show(self, report: IntegrityReport) -> None:
        self._idle()
        self.report = report
        chain, replay = report.chain, report.replay
        for value in report.values.found:
            self._add(self.tr("UNREADABLE: {0} (changed outside BWV Studio)").format(value),
                      True)
        if report.values.count > len(report.values.found):
            self._add(self.tr("UNREADABLE: and {0} more values like these.").format(
                report.values.count - len(report.values.found)), True)
        for name, why in report.stopped.items():
            if lost_connection(why):
                first = (str(getattr(why, "orig", why)).splitlines() or [""])[0]
                self._add(self.tr("NOT CHECKED: {0} stopped: {1} ({2})").format(
                    phrase_text(name), phrase_text(LOST), first), True)
                continue
            self._add(self.tr("NOT CHECKED: {0} stopped: {1}").format(
                phrase_text(name), error_text(why) if isinstance(why, BwvError) else why),
                True)
        if CHAIN not in report.stopped:  # (a stopped chain is said above)
            self._show_chain(chain)
        for finding in replay.findings:
            self._add(self.tr("TAMPERED ({0}): {1}").format(finding.kind, finding.message),
                      True)
        if REPLAY not in report.stopped:  # (a stopped replay is said above)
            self._show_replay(replay)
        for check in report.anchors:
            if not check.ok:
                self._add(self.tr("ANCHOR BROKEN: {0}").format(check.message), True)
        if report.anchors:
            held = sum(1 for c in report.anchors if c.ok and not c.other_store)
            self._add(self.tr("Anchors: {0} of {1} held by the store.").format(
                held, len(report.anchors)))
        for export in report.broken_exports:
            self._add(self.tr("EXPORT {0}: {1}").format(export.status.value.upper(),
                                                        export.message), True)
        matched = sum(1 for c in report.exports if c.status is VerifyStatus.OK)
        if report.exports:
            self._add(self.tr("Exports: {0} of {1} match their recorded SHA-256.").format(
                matched, len(report.exports)))
        if report.ok:
            self.summary.setText(self.tr("Intact: nothing checked was changed, and every "
                                         "signature verifies."))
        elif report.interrupted:
            self.summary.setStyleSheet(f"color: {error_color()}")
            self.summary.setText(self.tr(
                "NOT FINISHED: the store could not be reached part-way, so some checks did "
                "not run (below); the checks that finished found nothing changed. Check "
                "again once the store can be reached."))
        else:
            self.summary.setStyleSheet(f"color: {error_color()}")
            self.summary.setText(self.tr("TAMPERED or damaged: see the red lines below."))
        self.finished_check.emit(report.ok)
