"""Export dialog: where, how hidden, caption, sound, metadata, approval; runs the export in a
worker.

Style, strength, shape, caption, sound and metadata are part of the plan: changing them here
is an audited plan edit, so it withdraws an approval. The dialog shows the approval state at
the top, says while the choices differ from the plan that they would withdraw it, and asks
before exporting such a change (see ``approval_guard``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core.export.c2pa_signing import configured_credentials
from app.core.export.pipeline import RedactResult, redact_footage
from app.core.export.video_export import EncodeOptions
from app.core.people.users import resolve_actor
from app.core.policy.store_policy import load_policy
from app.core.progress import CancelToken, ProgressFn
from app.core.redaction.approval import Approval, ApprovalState, approval_of, decide, may_decide
from app.core.redaction.approval import request_approval as request
from app.core.redaction.open_items import OpenItem, open_items
from app.core.redaction.plan import AudioMode, RedactionPlan, Shape, Style
from app.core.redaction.plan_edits import OutputChoices, set_output_choices
from app.core.redaction.plan_outline import footage_outline
from app.core.settings import load_settings
from app.core.tracking.tracker import HEAD
from app.core.wording import Said
from app.ui.changes import Changed, announce
from app.ui.open_items_dialog import OpenItemsDialog
from app.ui.resources import error_color, ok_color, warning_color
from app.ui.settings_keys import EXPORT_FOLDER
from app.ui.workers import Job, db_pool, job_pool
from app.ui.workspace.approval_guard import lapse_text

if TYPE_CHECKING:
    from app.ui.workspace.workspace import RedactionWorkspace


class ExportDialog(QDialog):
    def __init__(self, workspace: RedactionWorkspace, parent: QWidget | None = None) -> None:
        super().__init__(parent or workspace)
        self.setWindowTitle(self.tr("Export redacted copy"))
        self.workspace = workspace
        self.outcome: RedactResult | None = None
        self.job: Job | None = None
        self.approval: Approval | None = None
        self.may_decide = False  # the user may approve or reject plans
        self.required = True  # the store's rule (read with the approval state)
        self.open_items_dialog: OpenItemsDialog | None = None
        self._note = ""  # the note of the approval being answered
        self._stage = ""
        footage = workspace.footage
        assert footage is not None
        plan = workspace.plan
        folder = EXPORT_FOLDER.get() or str(Path.home())
        self.folder = QLineEdit(folder, self)
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        self.name = QLineEdit(Path(footage.original_path).stem + "-redacted.mp4", self)
        self.style_box = QComboBox(self)
        for style, text in ((Style.PIXELATE, self.tr("Pixelate")), (Style.BLUR, self.tr("Blur")),
                            (Style.SOLID, self.tr("Solid"))):
            self.style_box.addItem(text, style)
        self.style_box.setCurrentIndex(self.style_box.findData(plan.style))
        self.strength = QSpinBox(self)
        self.strength.setRange(1, 5)
        self.strength.setValue(plan.strength)
        self.strength.setToolTip(self.tr("1 light … 5 solid. Blur at 1-2 is only for small "
                                         "background faces."))
        self.shape_box = QComboBox(self)
        self.shape_box.addItem(self.tr("Ellipse"), Shape.ELLIPSE)
        self.shape_box.addItem(self.tr("Rectangle"), Shape.RECTANGLE)
        self.shape_box.setCurrentIndex(self.shape_box.findData(plan.shape))
        self.caption = QLineEdit(plan.caption, self)
        self.caption.setPlaceholderText(self.tr("e.g. {case} REDACTED COPY {date} {time}"))
        self.audio = QComboBox(self)
        self.audio.addItem(self.tr("Keep sound (ranges hidden: {0})").format(
            len(plan.mute) + len(plan.audio_ranges)), AudioMode.KEEP)  # muted, bleeped ...
        self.audio.addItem(self.tr("Remove all sound"), AudioMode.DROP)
        self.audio.setCurrentIndex(self.audio.findData(plan.audio))
        self.keep_metadata = QCheckBox(self.tr("Keep the original's metadata (GPS position, "
                                               "device serial …)"), self)
        self.keep_metadata.setChecked(plan.keep_metadata)
        heads = sum(t.category == HEAD for t in workspace.tracks)
        self.hide_heads = QCheckBox(self.tr(
            "Hide the heads of people found by body, so those seen from behind are hidden too "
            "({0} found)").format(heads), self)
        self.hide_heads.setToolTip(self.tr(
            "Off: only faces and text are hidden. A person seen from behind can still be "
            "recognised by their hair, head and build."))
        self.hide_heads.setChecked(plan.hide_heads)
        self.hide_heads.setVisible(bool(heads) or not plan.hide_heads)
        self.whole_people = QCheckBox(self.tr("Hide whole people, not only faces and heads "
                                              "(children, victims, home interiors)"), self)
        self.whole_people.setToolTip(self.tr(
            "Everyone the people detector found is hidden from head to foot, except people "
            "kept visible."))
        self.whole_people.setChecked(plan.hide_whole_people)
        self.whole_people.setVisible(bool(heads) or plan.hide_whole_people)
        self.verify = QCheckBox(self.tr("Check the export for faces still visible"), self)
        self.verify.setChecked(True)
        self.force = QCheckBox(self.tr("Replace files of the same name"), self)
        self.approval_label = QLabel(self)
        self.approval_label.setWordWrap(True)
        self.approval_label.setObjectName("approvalState")
        self.lapse_label = QLabel(self)  # says when the choices below would withdraw it
        self.lapse_label.setWordWrap(True)
        self.lapse_label.setVisible(False)
        self.request_button = QPushButton(self.tr("Request approval"), self)
        self.request_button.clicked.connect(self.request_approval)
        self.approve_button = QPushButton(self.tr("Approve"), self)
        self.approve_button.clicked.connect(lambda: self.decide(True))
        self.reject_button = QPushButton(self.tr("Reject…"), self)
        self.reject_button.clicked.connect(lambda: self.decide(False))
        self.warnings = QLabel(self)
        self.warnings.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.stage_label = QLabel(self)
        self.report = QPlainTextEdit(self)
        self.report.setReadOnly(True)
        self.report.setVisible(False)
        self.export_button = QPushButton(self.tr("Export"), self)
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self._cancel_or_close)
        self.open_button = QPushButton(self.tr("Open folder"), self)
        self.open_button.setVisible(False)
        self.open_button.clicked.connect(self.open_folder)

        where = QHBoxLayout()
        where.addWidget(self.folder, 1)
        where.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Folder"), where)
        form.addRow(self.tr("File name"), self.name)
        form.addRow(self.tr("Style"), self.style_box)
        form.addRow(self.tr("Strength"), self.strength)
        form.addRow(self.tr("Shape"), self.shape_box)
        form.addRow(self.tr("Caption"), self.caption)
        form.addRow(self.tr("Sound"), self.audio)
        form.addRow("", self.keep_metadata)
        form.addRow("", self.hide_heads)
        form.addRow("", self.whole_people)
        form.addRow("", self.verify)
        form.addRow("", self.force)
        approval = QHBoxLayout()
        approval.addWidget(self.approval_label, 1)
        for b in (self.request_button, self.approve_button, self.reject_button):
            approval.addWidget(b)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.open_button, self.export_button, self.cancel_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(approval)  # first: what a release depends on
        layout.addWidget(self.lapse_label)
        layout.addLayout(form)
        layout.addWidget(self.warnings)
        layout.addWidget(self.stage_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.report, 1)
        layout.addLayout(buttons)
        self.resize(620, 560)
        self._show_warnings()
        self.refresh_approval()
        for signal in (self.style_box.currentIndexChanged, self.strength.valueChanged,
                       self.shape_box.currentIndexChanged, self.caption.textChanged,
                       self.audio.currentIndexChanged, self.keep_metadata.toggled,
                       self.hide_heads.toggled, self.whole_people.toggled):
            signal.connect(self._show_lapse)

    def choices(self) -> OutputChoices:
        return OutputChoices(Style(self.style_box.currentData()), self.strength.value(),
                             Shape(self.shape_box.currentData()), self.caption.text().strip(),
                             AudioMode(self.audio.currentData()),
                             self.keep_metadata.isChecked(), self.hide_heads.isChecked(),
                             self.whole_people.isChecked())

    def changes_plan(self) -> bool:
        """True when the choices here differ from the plan (exporting would edit it)."""
        plan = self.workspace.plan
        return set_output_choices(plan, self.choices())[0].sha256() != plan.sha256()

    def _show_lapse(self) -> None:
        found = self.approval
        standing = found is not None and found.state in (ApprovalState.APPROVED,
                                                         ApprovalState.REQUESTED)
        show = standing and self.changes_plan()
        if show and found is not None:
            self.lapse_label.setText(lapse_text(found, self.tr("the export settings")))
            self.lapse_label.setStyleSheet(f"color: {error_color()}; font-weight: bold;")
        self.lapse_label.setVisible(show)
        self._enable_request()

    def _enable_request(self) -> None:
        """Asking is open when nothing stands, or when settings changed here would need a
        new request (they go with it, as the plan's own edit)."""
        state = self.approval.state if self.approval is not None else None
        self.request_button.setEnabled(self.job is None and state is not None and (
            state in (ApprovalState.NOT_REQUESTED, ApprovalState.REJECTED)
            or self.changes_plan()))

    def output(self) -> Path:
        return Path(self.folder.text().strip()).expanduser() / self.name.text().strip()

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Export folder"),
                                                  self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def _show_warnings(self) -> None:
        lines = []
        open_ranges = self.workspace.unreviewed()
        if open_ranges:
            lines.append(self.tr("{0} review range(s) not marked as reviewed: a missed face "
                                 "is most likely there (N jumps to the next).").format(
                len(open_ranges)))
        if self.workspace.analysis is None:
            lines.append(self.tr("Faces have not been detected yet; the export will detect "
                                 "them first."))
        self.warnings.setText("\n".join(lines))
        self.warnings.setStyleSheet(f"color: {warning_color()};" if lines else "")

    # --- approval ------------------------------------------------------------------------

    def _approval_work(self, act: str, note: str = "",
                       answers: dict[str, str] | None = None) -> None:
        ws = self.workspace
        footage_id, case_id, user = ws.footage_id(), ws.case_id, ws.user.name
        sha = ws.plan.sha256()
        store = ws.store

        def work(_p: ProgressFn, _c: CancelToken) -> tuple[Approval, bool, bool]:
            with store.transaction() as session:
                actor = resolve_actor(session, user)
                if act == "request":
                    found = request(session, actor, footage_id, case_id, sha, note)
                elif act in ("approve", "reject"):
                    found = decide(session, actor, footage_id, case_id, sha, act == "approve",
                                   note, answers)
                else:
                    found = approval_of(session, footage_id, case_id, sha)
                return found, may_decide(session, actor, footage_id, case_id), \
                    load_policy(session).require_approval

        job = Job(work)
        job.finished.connect(self._on_approval)
        if act != "read":  # a request or a decision: the case's view shows it
            job.finished.connect(lambda _result: announce(Changed.PLANS))
        job.failed.connect(lambda message, _d: self._error(message))
        job.start(db_pool())

    def refresh_approval(self) -> None:
        self._approval_work("read")

    def request_approval(self) -> None:
        """Ask for approval of the plan with the export settings chosen here (an audited
        edit first when they changed, asked about when it withdraws a standing request or
        approval: the settings are part of what is approved)."""
        if not self.workspace.set_export_choices(self.choices()):
            return
        self.workspace.save_now()
        self._approval_work("request")

    def decide(self, approve: bool, note: str | None = None) -> None:
        """Reject (with a reason) or approve; an approval first shows the plan's open items,
        each of which needs an answer."""
        if not approve:
            if note is None:
                note, ok = QInputDialog.getText(self, self.tr("Reject"),
                                                self.tr("Why is the plan rejected?"))
                if not ok:
                    return
            self._approval_work("reject", note or "")
            return
        ws = self.workspace
        store, footage_id, case_id, plan = ws.store, ws.footage_id(), ws.case_id, \
            ws.plan

        def work(_p: ProgressFn, _c: CancelToken) -> tuple[list[OpenItem], list[Said]]:
            with store.read() as session:
                return (open_items(session, footage_id, case_id, plan),
                        footage_outline(session, footage_id, plan))

        self._note = note or ""
        job = Job(work)
        job.finished.connect(self._answer_then_approve)
        job.failed.connect(lambda message, _d: self._error(message))
        job.start(db_pool())

    def _answer_then_approve(self, found: tuple[list[OpenItem], list[Said]]) -> None:
        """What approving lets out and the open items, in a window of their own (not a
        nested event loop in the job's signal): approved there, every item answered."""
        dialog = self.open_items_dialog = OpenItemsDialog(*found, self)
        dialog.setModal(True)
        dialog.accepted.connect(lambda: self._approval_work(
            "approve", dialog.note.text().strip() or self._note, dialog.answers()))
        dialog.open()

    def _on_approval(self, result: tuple[Approval, bool, bool]) -> None:
        self.approval, self.may_decide, self.required = result
        state = self.approval.state
        texts = {ApprovalState.NOT_REQUESTED: self.tr("Not requested"),
                 ApprovalState.REQUESTED: self.tr("Awaiting a supervisor"),
                 ApprovalState.APPROVED: self.tr("Approved by {0}").format(self.approval.by),
                 ApprovalState.REJECTED: self.tr("Rejected by {0}: {1}").format(
                     self.approval.by, self.approval.note)}
        required = self.required
        self.approval_label.setText(texts[state] + (
            self.tr(" (required before export)") if required else self.tr(" (optional)")))
        colour = {ApprovalState.APPROVED: ok_color()}.get(state, warning_color())
        self.approval_label.setStyleSheet(f"color: {colour}; font-weight: bold; "
                                          "font-size: 115%;")
        self._show_lapse()
        supervisor, idle = self.may_decide, self.job is None  # (not while exporting)
        self.approve_button.setEnabled(idle and supervisor and state is not ApprovalState.APPROVED)
        self.reject_button.setEnabled(idle and supervisor)
        self._enable_request()
        self.export_button.setEnabled(self.job is None and (
            not required or state is ApprovalState.APPROVED))

    # --- export --------------------------------------------------------------------------

    def start(self) -> None:
        out = self.output()
        if not self.name.text().strip().lower().endswith(".mp4"):
            self._error(self.tr("The file name must end in .mp4."))
            return
        EXPORT_FOLDER.set(str(out.parent))
        ws = self.workspace
        required = self.required
        before = ws.plan.sha256()
        # An audited plan edit when anything changed, asked about first when it would
        # withdraw an approval; nothing is exported when the user says no.
        if not ws.set_export_choices(self.choices()):
            return
        if required and ws.plan.sha256() != before:
            self.refresh_approval()
            self._error(self.tr("The plan has changed, so it needs a supervisor's approval "
                                "again before it can be exported."))
            return
        plan, session = ws.plan, ws.session
        store, user, footage_id, case_ref = ws.store, ws.user.name, ws.footage_id(), ws.case_ref
        expected: dict[str, str | None] = {}  # the stored plan as this window knows it
        preset, verify = ws.preset_name(), self.verify.isChecked()
        options = EncodeOptions(force=self.force.isChecked())

        def work(progress: ProgressFn, cancel: CancelToken) -> RedactResult:
            def stage(name: str, done: int, total: int) -> None:
                self._stage = name
                progress(done, total)

            cancel.check()
            out.parent.mkdir(parents=True, exist_ok=True)
            return redact_footage(store, user, footage_id, out, plan, case_ref=case_ref,
                                  preset=preset, options=options, verify=verify, stage=stage,
                                  cancel=cancel, signing=configured_credentials(load_settings()),
                                  expected_plan=expected.get("sha"))

        self.job = Job(work)
        self.job.progress.connect(self._on_progress)
        self.job.finished.connect(self._on_done)
        self.job.failed.connect(lambda message, _d: self._failed(message, plan))
        self.job.cancelled.connect(lambda: self._finish(
            self.tr("Export cancelled; nothing was written."), error=True))
        self.export_button.setEnabled(False)
        for button in (self.approve_button, self.reject_button, self.request_button):
            button.setEnabled(False)  # (refresh_approval keeps them so until it ends)
        self.progress.setVisible(True)
        self.report.setVisible(False)
        self.stage_label.setText(self.tr("Starting…"))
        # started once this window's queued plan saves are stored (its one database worker
        # runs them in order), expecting the stored plan as this window last read or wrote
        # it: never saved over another person's edit
        job = self.job
        self._after_saves = Job(lambda _p, _c: expected.update(
            sha=session.stored if session is not None else None))
        self._after_saves.finished.connect(lambda _none: job.start(job_pool()))
        self._after_saves.failed.connect(lambda message, _d: self._finish(message, error=True))
        self._after_saves.start(db_pool())

    def _failed(self, message: str, plan: RedactionPlan) -> None:
        """Say why; and when the export had already stored its plan bound to its detection
        run before it failed, the window takes that plan up, as after an export that ended
        well (else its next edit would be refused as made from an older plan)."""
        self._finish(message, error=True)
        session, store = self.workspace.session, self.workspace.store
        if session is None:
            return
        def adopt_run(run: tuple[str, str] | None) -> None:
            if run and session.plan is plan:  # (no edit since)
                session.exported(*run)

        self._adopt = Job(lambda _p, _c: session.run_of_stored(store, plan))
        self._adopt.finished.connect(adopt_run)
        self._adopt.start(db_pool())

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        stages = {"hash": self.tr("Checking the original's SHA-256"),
                  "detect": self.tr("Detecting faces"),
                  "export": self.tr("Writing the redacted video"),
                  "export_check": self.tr("Checking the export for faces")}
        self.stage_label.setText(stages.get(self._stage, self._stage))

    def _on_done(self, result: RedactResult) -> None:
        self.outcome = result
        lines = [self.tr("Written: {0}").format(result.output),
                 self.tr("SHA-256: {0}").format(result.output_sha256),
                 self.tr("Manifest: {0}").format(result.manifest),
                 self.tr("Audit extract: {0}").format(result.audit_extract),
                 self.tr("Frames: {0}, with redactions: {1}").format(
                     result.stats.frames_out, result.stats.redacted_frames)]
        if result.residual is None:
            lines.append(self.tr("The export was not checked for visible faces."))
        elif result.residual.findings:
            texts = result.residual.text_findings
            faces = len(result.residual.findings) - texts
            if faces:
                lines.append(self.tr("WARNING: {0} possible face(s) still visible; check these "
                                     "frames before release:").format(faces))
            if texts:
                lines.append(self.tr("{0} text region(s) (plates, screens, documents) nobody "
                                     "decided about; check these frames before release:")
                             .format(texts))
            kinds = {"not_covered": self.tr("face not covered"),
                     "partly_covered": self.tr("face partly covered"),
                     "weak_redaction": self.tr("redaction too weak"),
                     "text_not_covered": self.tr("text nobody decided about (plate, "
                                                 "screen, document)")}
            lines += [self.tr("  {0}: frame {1} ({2:.2f} s)").format(
                kinds.get(f.kind.value, f.kind.value), f.source_frame, f.time_s)
                for f in result.residual.findings[:50]]
        elif self.workspace.plan.keep_tracks:  # the kept are not what the check looks for
            lines.append(self.tr("Check passed: no visible face found in the export other "
                                 "than those kept visible."))
        else:
            lines.append(self.tr("Check passed: no visible face found in the export."))
        self._finish("\n".join(lines), error=bool(
            result.residual and len(result.residual.findings) > result.residual.text_findings))
        self.open_button.setVisible(True)
        self.workspace.exported.emit(result)
        announce(Changed.EXPORTS)

    def _finish(self, text: str, error: bool) -> None:
        self.job = None
        self.progress.setVisible(False)
        self.stage_label.setText("")
        self.report.setVisible(True)
        self.report.setPlainText(text)
        self.report.setStyleSheet(f"color: {error_color()};" if error else "")
        self.cancel_button.setText(self.tr("Close"))
        self.refresh_approval()

    def _error(self, message: str) -> None:
        self.report.setVisible(True)
        self.report.setPlainText(message)
        self.report.setStyleSheet(f"color: {error_color()};")

    def _cancel_or_close(self) -> None:
        if self.job is not None:
            self.job.cancel()
        else:
            self.reject()

    def open_folder(self) -> None:
        if self.outcome is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.outcome.output.parent)))

    def reject(self) -> None:
        if self.job is not None:  # closing never abandons a running export
            self.job.cancel()
            return
        super().reject()
