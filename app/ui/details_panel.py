"""Details of the selected footage: metadata, hash with "verify now", retention, evidential."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.library import footage as footage_service
from app.core.library.describe_again import Described, describe_again
from app.core.library.footage import OriginalCheck, VerifyStatus
from app.core.media.timecode import format_time
from app.core.people.users import resolve_actor
from app.core.retention.rules import RetentionState
from app.core.store.database import Store
from app.core.views.records import FootageRecord
from app.ui.changes import Changed, announce, subscribe
from app.ui.elided_label import ElidedLabel
from app.ui.locale_format import date_text, datetime_text, number_text
from app.ui.signed_in import SignedIn
from app.ui.workers import Job, db_pool, job_pool, run_op, while_alive


class DetailsPanel(QWidget):
    changed = Signal()  # the footage record changed (evidential, ...)
    failed = Signal(str)

    def __init__(self, store: Store, user: SignedIn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.user = user
        self.record: FootageRecord | None = None
        self.fields: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, title in (("file", self.tr("File")), ("recorded", self.tr("Recorded")),
                           ("video", self.tr("Video")), ("frames", self.tr("Frames")),
                           ("audio", self.tr("Audio")), ("device", self.tr("Device / officer")),
                           ("ingested", self.tr("Ingested")), ("sha256", self.tr("SHA-256")),
                           ("retention", self.tr("Retention"))):
            label: QLabel
            if key in ("file", "sha256"):  # one long word: shortened, never widening
                elided = ElidedLabel(self)
                label = elided
            else:
                label = QLabel(self)
                label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                label.setWordWrap(True)
            self.fields[key] = label
            if key == "sha256":
                copy = QPushButton(self.tr("Copy"), self)
                copy.setToolTip(self.tr("Copy the whole SHA-256"))
                copy.clicked.connect(elided.copy)
                self.copy_hash_button = copy
                line = QHBoxLayout()
                line.addWidget(label, 1)
                line.addWidget(copy)
                form.addRow(title, line)
            else:
                form.addRow(title, label)
        self.verify_button = QPushButton(self.tr("Verify now"), self)
        self.verify_button.setToolTip(self.tr("Re-hash the original and compare with the "
                                              "SHA-256 recorded at ingest"))
        self.verify_button.clicked.connect(self.verify_now)
        self.describe_button = QPushButton(self.tr("Describe again"), self)
        self.describe_button.setToolTip(self.tr(
            "Probe the original again (after checking its SHA-256) and record what this "
            "version finds otherwise: for footage an older version described, whose "
            "detection stops over its frame count"))
        self.describe_button.clicked.connect(self.describe_again)
        self.verify_result = QLabel(self)
        self.verify_result.setWordWrap(True)
        # hashing an original takes a while (gigabytes on a network share): how far it has
        # got, and a way to stop it; one such job at a time (``hashing``)
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setToolTip(self.tr("Stop hashing the original: nothing is checked "
                                              "or changed"))
        self.cancel_button.hide()
        self.hashing: Job | None = None
        self.evidential = QCheckBox(self.tr("Evidential (kept beyond retention)"), self)
        self.evidential.clicked.connect(self._evidential_clicked)
        row = QHBoxLayout()
        row.addWidget(self.verify_button)
        row.addWidget(self.describe_button)
        row.addWidget(self.verify_result, 1)
        working = QHBoxLayout()
        working.addWidget(self.progress, 1)
        working.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addLayout(working)
        layout.addWidget(self.evidential)
        layout.addStretch(1)
        self.show_footage(None)
        subscribe(self, Changed.FOOTAGE | Changed.CASES, self.reload)

    def show_footage(self, record: FootageRecord | None) -> None:
        self.record = record
        self._enable_hashing()
        self.evidential.setEnabled(record is not None)
        if self.hashing is None:  # (while hashing, the label says whose original)
            self.verify_result.clear()
        self._fill(record)

    def reload(self) -> None:
        """Read the footage shown again: a case linked, unlinked or closed, a hold or the
        evidential mark change what retention does with it (the core's status says)."""
        if self.record is None:
            return
        store, key = self.store, self.record.id

        def read() -> FootageRecord:
            with store.read() as session:
                return footage_service.show_footage(session, key)

        def done(record: FootageRecord) -> None:
            if self.record is not None and self.record.id == record.id:  # still shown
                self.record = record
                self._fill(record)

        # a store that cannot be read is reported by the library, which reloads too
        run_op(self, read, done, lambda _message: None)

    def _fill(self, record: FootageRecord | None) -> None:
        if record is None:
            for label in self.fields.values():
                self._set(label, "–")
            self.evidential.setChecked(False)
            return
        f = record
        audio = "; ".join(f"{a['codec']} {a['channels']} ch" for a in f.audio_streams) or "–"
        values = {
            "file": f.original_path, "recorded": datetime_text(f.recorded_at),
            "video": self.tr("{0} {1}×{2}, {3} frames/s").format(
                f.video_codec, f.width, f.height, number_text(f.fps, 2))
                     + (self.tr(" (variable)") if f.variable_frame_rate else "")
                     + (self.tr(", rotated {0}°").format(f.rotation) if f.rotation else ""),
            "frames": f"{f.frame_count} ({format_time(f.duration_s)})", "audio": audio,
            "device": f"{f.device_id or '–'} / {f.officer_id or '–'}",
            "ingested": self.tr("{0} by {1}").format(datetime_text(f.ingested_at),
                                                     f.ingested_by or "–"),
            "sha256": f.sha256, "retention": self.retention_text(f),
        }
        for key, text in values.items():
            self._set(self.fields[key], text)
        self.evidential.setChecked(f.evidential)

    @staticmethod
    def _set(label: QLabel, text: str) -> None:
        if isinstance(label, ElidedLabel):
            label.set_full_text(text)
        else:
            label.setText(text)

    def retention_text(self, f: FootageRecord) -> str:
        status = f.retention()
        state = status.state
        if state is RetentionState.DELETED:
            return self.tr("Deleted under the retention policy on {0}; only its record "
                           "remains").format(date_text(f.deleted_at))
        if state is RetentionState.LEGAL_HOLD:
            return self.tr("Kept: legal hold ({0})").format(f.legal_hold_reason or "")
        if state is RetentionState.EVIDENTIAL:
            return self.tr("Kept: marked evidential")
        if state is RetentionState.OPEN_CASE:
            return self.tr("Kept while case {0} is open").format(", ".join(f.open_case_refs))
        if status.days_left is None or f.retention_until is None:
            return "–"
        if state is RetentionState.DUE:
            return self.tr("Overdue for deletion since {0}").format(
                date_text(f.retention_until))
        return self.tr("Due for deletion on {0} (in %n day(s)) unless marked evidential", "",
                       status.days_left).format(datetime_text(f.retention_until))

    def _run(self, work: Callable[[], Any], done: Callable[[Any], None], db: bool,
             changes: Changed = Changed.NOTHING) -> None:
        run_op(self, work, done, self.failed.emit, db_pool() if db else job_pool(), changes)

    def verify_now(self) -> None:
        if self.record is None:
            return
        store, user, footage_id = self.store, self.user.name, self.record.id

        def verify(progress: Callable[[int, int], None], cancel: Any) -> OriginalCheck | None:
            checks = footage_service.verify_originals(
                store, user, footage_id=footage_id, progress=progress, cancel=cancel)
            return checks[0] if checks else None  # none: deleted under retention

        def done(check: OriginalCheck | None) -> None:
            if check is None:
                self._said(footage_id, self.tr("Nothing to verify: the original was deleted "
                                               "under the retention policy"))
            elif check.status is VerifyStatus.OK:
                self._said(footage_id, self.tr("✔ Unchanged since ingest"))
            else:
                self._said(footage_id, "✘ " + check.message)

        self._hash(footage_id, self.tr("Hashing the original of #{0}…").format(footage_id),
                   verify, done,
                   self.tr("Verification cancelled: nothing was checked"))

    def describe_again(self) -> None:
        if self.record is None:
            return
        store, user, footage_id = self.store, self.user.name, self.record.id

        def describe(progress: Callable[[int, int], None], cancel: Any) -> Described:
            return describe_again(store, user, footage_id, progress, cancel)

        def done(result: Described) -> None:
            if not result.changes:
                self._said(footage_id, self.tr("✔ The description stands"))
            else:
                names = self._fact_names()
                said = dict.fromkeys(names.get(name, name) for name in result.changes)
                self._said(footage_id, self.tr("✔ Described again: {0}").format(
                    ", ".join(said)))
            self.changed.emit()

        self._hash(footage_id, self.tr("Hashing and probing the original of #{0}…").format(
            footage_id), describe, done,
                   self.tr("Describing again cancelled: nothing was changed"),
                   Changed.FOOTAGE)

    def _hash(self, footage_id: int, working: str,
              work: Callable[[Callable[[int, int], None], Any], Any],
              done: Callable[[Any], None], cancelled: str,
              changes: Changed = Changed.NOTHING) -> None:
        """Run ``work`` (hashing footage ``footage_id``'s original first) on the job pool with
        the progress bar and Cancel shown; ``done(result)`` after, or the message said."""
        job = Job(work)
        self.hashing = job
        self._enable_hashing()
        self.verify_result.setText(working)
        self.progress.setRange(0, 0)  # busy until the first report
        self.progress.show()
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        self.cancel_button.clicked.connect(job.cancel)
        self.cancel_button.clicked.connect(self._cancelling)
        job.progress.connect(self._hashed_so_far)

        def finished(result: Any) -> None:
            self._hashing_ended(job)
            done(result)

        def failed(message: str) -> None:
            self._hashing_ended(job)
            if self.record is not None and self.record.id == footage_id:
                self.verify_result.setText("✘ " + message)
            else:  # the panel has moved on: a failure is still seen
                self.verify_result.clear()
                self.failed.emit(message)

        def was_cancelled() -> None:
            self._hashing_ended(job)
            self._said(footage_id, cancelled)

        job.finished.connect(while_alive(self, finished))
        job.finished.connect(lambda _result: announce(changes))  # saved: said even if the
        # panel is gone
        job.failed.connect(while_alive(self, lambda message, _details: failed(message)))
        job.cancelled.connect(while_alive(self, was_cancelled))
        job.start(job_pool())

    def _cancelling(self) -> None:
        self.cancel_button.setEnabled(False)
        self.verify_result.setText(self.tr("Cancelling…"))

    def _hashed_so_far(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, 1000)
            self.progress.setValue(round(1000 * min(done, total) / total))

    def _hashing_ended(self, job: Job) -> None:
        self.cancel_button.clicked.disconnect(job.cancel)
        self.cancel_button.clicked.disconnect(self._cancelling)
        self.hashing = None
        self.progress.hide()
        self.cancel_button.hide()
        self._enable_hashing()

    def _enable_hashing(self) -> None:
        """Verify now and Describe again: for footage shown, one hashing job at a time."""
        enabled = self.record is not None and self.hashing is None
        self.verify_button.setEnabled(enabled)
        self.describe_button.setEnabled(enabled)

    def _said(self, footage_id: int, text: str) -> None:
        """An outcome for footage ``footage_id``: shown while it is the footage shown (the
        panel may have moved on to other footage while its original was hashed)."""
        if self.record is not None and self.record.id == footage_id:
            self.verify_result.setText(text)
        else:
            self.verify_result.clear()

    def _fact_names(self) -> dict[str, str]:
        """The footage facts describing again may change, as the panel names them."""
        size, rate, sound = self.tr("picture size"), self.tr("frame rate"), self.tr("sound")
        return {"frame_count": self.tr("frame count"), "duration_s": self.tr("duration"),
                "fps": rate, "variable_frame_rate": rate, "width": size, "height": size,
                "rotation": self.tr("rotation"), "container": self.tr("container"),
                "video_codec": self.tr("video codec"), "audio_codecs": sound,
                "audio_streams": sound, "media_metadata": self.tr("notes")}

    def _evidential_clicked(self, checked: bool) -> None:
        if self.record is None:
            return
        prompt = (self.tr("Why is this footage evidence?") if checked
                  else self.tr("Why is this footage no longer evidence?"))
        reason, ok = QInputDialog.getText(self, self.tr("Evidential status"), prompt)
        if not ok or not reason.strip():
            self.evidential.setChecked(not checked)  # nothing changes without a reason
            return
        store, user, key = self.store, self.user.name, self.record.id

        def change() -> FootageRecord:
            with store.transaction() as session:
                actor = resolve_actor(session, user)
                return footage_service.set_evidential(session, actor, key, checked, reason)

        def done(record: FootageRecord) -> None:
            self.show_footage(record)
            self.changed.emit()

        self._run(change, done, db=True, changes=Changed.FOOTAGE)
