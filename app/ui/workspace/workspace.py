"""The redaction workspace: detection, the tracks, manual boxes, review, audio, export.

The state (footage, detection run, plan, tracks, undo history) is a Qt-free
``RedactionSession`` (app.core.redaction.session); every edit is a new plan made by
``app.core.redaction.plan_edits``, pushed through the session (and the Edit menu's undo
stack), and saved with an audit event naming the edit, the user and the reason chosen in the
toolbar. This widget lays out the views and forwards between them and the session.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QUndoStack
from PySide6.QtWidgets import QDialog, QSplitter, QTabWidget, QVBoxLayout, QWidget

from app.core.analysis import Analysis
from app.core.errors import ConflictError
from app.core.media.rotation import box_to_upright, to_stored, upright
from app.core.media.waveform import Waveform, audio_waveform
from app.core.redaction import plan_edits
from app.core.redaction.plan import RedactionPlan
from app.core.redaction.render import render_frame
from app.core.redaction.session import Look, PlanChange, RedactionSession
from app.core.redaction.shown_run import ShownRun
from app.core.settings import Settings
from app.core.store.database import Store
from app.core.tracking.review import ReviewRange
from app.core.tracking.tracker import HEAD, TEXT, Track
from app.core.views.records import FootageRecord
from app.ui.changes import Changed, announce
from app.ui.error_text import error_text
from app.ui.player.player_panel import PlayerPanel
from app.ui.signed_in import SignedIn
from app.ui.workers import Job, db_pool, job_pool
from app.ui.workspace import approval_guard, carry_dialog
from app.ui.workspace.controls import TrackButtons, WorkspaceControls
from app.ui.workspace.export_dialog import ExportDialog
from app.ui.workspace.lanes import COLOURS, LanesView
from app.ui.workspace.overlay_view import OverlayItem, OverlayView
from app.ui.workspace.plan_commands import PlanCommands
from app.ui.workspace.plan_step import PlanStep
from app.ui.workspace.review_panel import ReviewPanel
from app.ui.workspace.run_loader import RunLoader
from app.ui.workspace.speech_panel import SpeechPanel
from app.ui.workspace.tracks_panel import TracksPanel


class RedactionWorkspace(QWidget):
    failed = Signal(str)
    analysed = Signal(int)  # number of tracks
    plan_saved = Signal(str)  # SHA-256 of the plan now stored
    exported = Signal(object)  # RedactResult
    ready = Signal()  # a detection lookup or run has ended (analysis may still be None)

    def __init__(self, store: Store, settings: Settings, user: SignedIn,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.settings = settings
        self.user = user
        self.session: RedactionSession | None = None
        self.waveform: Waveform | None = None
        self.selected: tuple[str, int] | None = None
        self.carry_dialog: QDialog | None = None  # open while decisions are being carried
        self.carry_pending = False  # their match is being made
        self.undo_stack = QUndoStack(self)
        self.jobs = RunLoader(self)
        self.commands = PlanCommands(self)

        self.view = OverlayView(self)
        self.player = PlayerPanel(self, self.view)
        self.lanes = LanesView(self)
        self.tracks_panel = TracksPanel(self)
        self.player.attach_shortcuts(self)  # the player's keys work anywhere in the workspace
        self.player.leave_keys_to(self.tracks_panel)  # but for ticking its check boxes
        self.controls = WorkspaceControls(self, settings.reason_codes)
        self.track_buttons = TrackButtons(self)
        left = QWidget(self)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.controls)
        lv.addWidget(self.player, 1)
        lv.addWidget(self.lanes)
        right = QWidget(self)
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        self.side_tabs = QTabWidget(right)  # the people, and the review queue
        self.review_panel = ReviewPanel(self)
        self.side_tabs.addTab(self.tracks_panel, self.tr("People"))
        self.side_tabs.setTabToolTip(0, self.tr("People and boxes"))
        self.side_tabs.addTab(self.review_panel, self.tr("Review"))
        self.speech_panel = SpeechPanel(self)
        self.side_tabs.addTab(self.speech_panel, self.tr("Speech"))
        self.side_tabs.setTabToolTip(2, self.tr("What is said: find words and mute or bleep "
                                                "them"))
        rv.addWidget(self.side_tabs, 1)
        rv.addWidget(self.track_buttons)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.controls.preset.currentIndexChanged.connect(self._preset_changed)
        self.player.loaded.connect(lambda _frames: self.refresh_views())
        self.exported.connect(lambda result: self.session and self.session.exported(
            result.analysis.run_key, result.analysis.tracks_key))  # the plan as stored
        self.player.failed.connect(self.failed)
        self.player.position_changed.connect(self._on_position)
        self.lanes.seek_requested.connect(self.player.go_to_time)
        self.lanes.range_selected.connect(lambda r: self.update_buttons())
        self.lanes.mute_selected.connect(lambda r: self.update_buttons())
        self.tracks_panel.action_changed.connect(  # queued: the edit rebuilds the table
            self.commands.on_track_action, Qt.ConnectionType.QueuedConnection)
        self.tracks_panel.selected.connect(self._on_row_selected)
        self.view.item_clicked.connect(self._on_item_clicked)
        self.view.item_menu.connect(self.commands.person_menu)
        self.view.box_drawn.connect(self._on_box_drawn)
        self.view.box_changed.connect(self.commands.on_box_changed)
        self.update_buttons()

    # --- what is open (read by the export dialog and the tests) ---------------------------

    @property
    def footage(self) -> FootageRecord | None:
        return self.session.footage if self.session else None

    @property
    def case_ref(self) -> str | None:
        return self.session.case_ref if self.session else None

    @property
    def case_id(self) -> int | None:
        return self.session.case_id if self.session else None

    @property
    def plan(self) -> RedactionPlan:
        return self.session.plan if self.session else RedactionPlan()

    @property
    def shown_plan(self) -> RedactionPlan:
        return self.session.shown_plan if self.session else RedactionPlan()

    @property
    def analysis(self) -> Analysis | None:
        return self.session.analysis if self.session else None

    @property
    def tracks(self) -> list[Track]:
        return self.session.tracks if self.session else []

    @property
    def detect_job(self) -> Job | None:
        return self.jobs.detect_job

    def footage_id(self) -> int:
        assert self.footage is not None
        return self.footage.id

    def preset_name(self) -> str:
        return self.controls.preset_name()

    def unreviewed(self) -> list[ReviewRange]:
        return self.session.unreviewed() if self.session else []

    def run_mismatch(self) -> bool:
        """The plan was made on another detection run than the one shown."""
        return bool(self.session and self.session.run_mismatch())

    # --- opening -------------------------------------------------------------------------

    def open_footage(self, footage: FootageRecord, case_ref: str | None = None) -> None:
        """Show ``footage``; its saved plan and stored detection run (if any) load at once."""
        self.jobs.cancel_all()
        session = self.session = RedactionSession(footage, case_ref)
        self.waveform, self.selected = None, None
        self.commands.last_warning = None  # the other footage's review item
        self.undo_stack.clear()
        self.player.open_footage(footage)
        self.jobs.load_saved(session)
        wave = self.jobs.side_job(lambda _p, cancel: audio_waveform(
            Path(footage.original_path), cancel=cancel))
        wave.finished.connect(lambda found: self._on_waveform(session, found))
        wave.failed.connect(lambda message, _d: self.controls.status.setText(message))
        wave.start(job_pool())
        self.speech_panel.open_footage()

    def on_plan_loaded(self, session: RedactionSession, case_id: int | None,
                       plan: RedactionPlan, stored: str) -> None:
        """The saved plan, applied here on the UI thread; edits start from it."""
        if session is self.session:
            session.start(case_id, plan, stored)
            self.undo_stack.clear()
            self._recompute()
            if session.analysis is None:  # (read again after a refused save: run shown)
                self.detect(only_stored=True)

    def _on_waveform(self, session: RedactionSession, wave: Waveform | None) -> None:
        if session is self.session:
            self.waveform = wave
            self.lanes.set_waveform(wave)

    def close_footage(self) -> None:
        self.jobs.cancel_all()
        self.speech_panel.cancel()
        self.player.close_footage()

    # --- detection (run by self.jobs) ----------------------------------------------------

    def _preset_changed(self) -> None:
        from app.ui.settings_keys import WORKSPACE_PRESET

        WORKSPACE_PRESET.set(self.preset_name())
        if self.session is not None and self.detect_job is None:
            self.detect(only_stored=True)

    def detect(self, only_stored: bool = False) -> None:
        """Detect and track in a worker (``only_stored``: load a stored run, never detect)."""
        if self.session is not None:
            self.jobs.detect(self.session, self.preset_name(), only_stored)

    def cancel_detection(self) -> None:
        self.jobs.cancel_detection()

    def show_run(self, session: RedactionSession, analysis: Analysis | None,
                 worked_out: ShownRun | None = None, older: bool = False) -> None:
        """A detection lookup or run ended with ``analysis`` (None: none stored), and the
        run under the plan as the worker worked it out."""
        if session is not self.session:  # other footage was opened meanwhile: load its run
            self.detect(only_stored=True)
            return
        problem = session.show_run(analysis, worked_out)
        if problem:
            self.failed.emit(problem)
        self.jobs.load_thumbnails(session)  # first forget pictures of another run's tracks
        self.refresh_views()
        status = self.controls.status
        if analysis is None:  # (older: the plan's run is of older detection code)
            status.setText(self.tr(
                "Detected before by an earlier version of the detector, whose findings are "
                "not used: press Detect faces to detect again (the plan's decisions are then "
                "offered to carry over).") if older else self.tr(
                "Faces not detected yet with this preset: press Detect faces."))
        else:
            texts = sum(t.category == TEXT for t in self.tracks)
            heads = sum(t.category == HEAD for t in self.tracks)
            how = self.tr("stored run") if analysis.reused else self.tr("detected now")
            # a person may have a face track and a head track: counted apart, and said
            people = len(self.tracks) - texts - heads
            parts = [self.tr("%n person(s) found by face", "", people) if heads
                     else self.tr("%n person(s) tracked", "", people)]
            if owned := len(session.head_owners):
                parts.append(self.tr("%n by body (heads; {0} of them also found by face)",
                                     "", heads).format(owned))
            elif heads:
                parts.append(self.tr("%n by body (heads)", "", heads))
            if heads or texts:
                parts.append(self.tr("%n text region(s)", "", texts) if heads else self.tr(
                    "%n text region(s) (plates, screens, documents)", "", texts))
            parts.append(self.tr("%n range(s) to review", "", len(session.review)))
            status.setText(self.tr("{0} ({1}).").format(", ".join(parts), how))
            if self.run_mismatch():
                carry_dialog.offer(self)  # the decisions, matched to this run's people
            self.analysed.emit(len(self.tracks))
        self.update_buttons()
        self.ready.emit()

    def start_again(self) -> None:
        """Drop the person choices of another run (kept boxes, mutes and reasons stay)."""
        made = self.session.start_again() if self.session else None
        if made is not None:
            self.push_run_change(*made)

    def push_run_change(self, plan: RedactionPlan, text: str) -> None:
        """Move the plan to the run shown (start again, decisions carried): one edit."""
        if self._may_edit(plan, text):
            self.undo_stack.push(PlanStep(self, plan, text, ""))

    # --- plan state ----------------------------------------------------------------------

    def _recompute(self) -> None:
        if self.session is not None:
            problem = self.session.recompute()
            if problem:
                self.failed.emit(problem)
        self.refresh_views()

    def time_of(self, frame: int) -> float:
        reader = self.player.reader
        return reader.time_of(frame) - reader.times[0] if reader is not None else 0.0

    def _t0(self) -> float:
        reader = self.player.reader
        return reader.times[0] if reader is not None else 0.0

    def refresh_views(self) -> None:
        reader = self.player.reader
        review = self.session.review if self.session else []
        if reader is not None:
            self.lanes.offset = self._t0()
            self.lanes.set_content(reader.duration_s, self.time_of, self.tracks,
                                   self.shown_plan, review)
        self.tracks_panel.set_rows(self.tracks, self.shown_plan, self.time_of,
                                   self.jobs.thumbnails,
                                   self.session.head_owners if self.session else {})
        title, progress = self.review_panel.show_items(
            review, set(self.shown_plan.reviewed), self.time_of, self.jobs.thumbnails)
        self.side_tabs.setTabText(1, title)
        self.side_tabs.setTabToolTip(1, progress)
        self.speech_panel.mark()
        self._update_overlay()
        self.view.refresh_preview()
        self.update_buttons()

    def apply_edit(self, new_plan: RedactionPlan, text: str, reason: str | None = None) -> bool:
        """Push one undoable edit; it is saved and audited with ``reason``. An edit that
        would withdraw an approval is asked about first; False when it was not made."""
        if self.session is None or not self.session.started:  # its saved plan still loading
            QTimer.singleShot(0, self.refresh_views)
            return False
        try:
            new_plan = self.session.prepared(new_plan)  # refused on another run's tracks
        except ConflictError as exc:
            self.failed.emit(error_text(exc))
            return False
        if not self._may_edit(new_plan, text):
            QTimer.singleShot(0, self.refresh_views)  # e.g. a tick goes back
            return False
        if reason is None:
            reason = self.current_reason()
        self.undo_stack.push(PlanStep(self, new_plan, text, reason))
        self.controls.reason.setCurrentIndex(0)  # used: the next edit chooses its own
        return True

    def _may_edit(self, new_plan: RedactionPlan, text: str) -> bool:
        if self.session is None or not self.session.changes(new_plan):
            return True
        return approval_guard.confirm_edit(self, self.store, self.session.footage.id,
                                           self.case_id, self.plan.sha256(), text)

    def current_reason(self) -> str:
        """The reason chosen or typed in the toolbar ("" for the "(no reason)" entry)."""
        return self.controls.current_reason()

    def committed(self, change: PlanChange) -> None:
        """A change the session made (an edit, undo or redo): show it and save it."""
        self._recompute()
        self._save(change)
        if self.session is not None:
            self.jobs.load_thumbnails(self.session)  # tracks changed by a merge or split

    def _save(self, change: PlanChange) -> None:
        session = self.session
        if session is None:
            return
        store, user = self.store, self.user.name
        job = Job(lambda _p, _c: session.save(store, user, change))  # (database worker)
        job.finished.connect(self._saved)
        job.failed.connect(lambda message, _d: self._refused(session, message))
        job.start(db_pool())

    def _refused(self, session: RedactionSession, message: str) -> None:
        """A save refused (a finished case, another's edit): said, and the stored plan shown."""
        self.failed.emit(self.tr("The edit could not be saved: {0}").format(message))
        session.started = False  # no edit, undo or redo until the stored plan is shown
        self.undo_stack.clear()
        self.jobs.load_saved(session)

    def _saved(self, sha: str) -> None:
        self.plan_saved.emit(sha)
        announce(Changed.PLANS)

    def save_now(self) -> None:
        """Queue a save of the current plan (e.g. before asking for approval)."""
        self._save(PlanChange(self.plan, "", ""))

    # --- selection -----------------------------------------------------------------------

    def _on_row_selected(self, key: tuple[str, int] | None) -> None:
        self.selected = key
        self.lanes.highlight = key[1] if key and key[0] == "track" else None
        if key is not None and self.session is not None:
            first = self.session.first_frame(key)
            if first is not None and not self.session.present(key, self.player.current_index):
                self.player.show_frame(first)
        self._update_overlay()
        self.update_buttons()

    def _on_item_clicked(self, key: tuple[str, int] | None) -> None:
        self.selected = key
        self.tracks_panel.select_key(key)
        self._update_overlay()
        self.update_buttons()

    def set_draw_mode(self, on: bool) -> None:
        self.view.draw_mode = on
        self.view.setCursor(Qt.CursorShape.CrossCursor if on else Qt.CursorShape.ArrowCursor)

    def _on_box_drawn(self, rect: QRectF) -> None:
        self.commands.add_manual_box(rect)
        self.controls.draw_button.setChecked(False)

    # --- export --------------------------------------------------------------------------

    def set_export_choices(self, choices: plan_edits.OutputChoices) -> bool:
        """Make the dialog's choices part of the plan (an audited edit); False when the
        user would rather not withdraw an approval."""
        new, text = plan_edits.set_output_choices(self.plan, choices)
        return new.to_json() == self.plan.to_json() or self.apply_edit(new, text, "")

    def open_export(self) -> ExportDialog | None:
        if self.footage is None:
            return None
        dialog = ExportDialog(self)
        dialog.setModal(True)
        dialog.show()
        return dialog

    # --- overlay and preview -------------------------------------------------------------

    def set_preview(self, on: bool) -> None:
        self.view.set_preview(self._preview if on else None)

    def _preview(self, image: QImage) -> QImage:
        """The frame as the export will show it (the same core rendering; on interlaced
        footage the export hides a little more: each hidden box also spans its boxes of the
        frames either side, which the player's frame alone does not say)."""
        session, index = self.session, self.player.current_index
        if session is None or (not session.frame_boxes and not self.plan.manual_boxes):
            return image
        rotation = session.footage.rotation
        rgb = image.convertToFormat(QImage.Format.Format_RGB888)
        w, h = rgb.width(), rgb.height()
        buffer = np.frombuffer(rgb.constBits(), np.uint8, rgb.bytesPerLine() * h)
        shown = buffer.reshape(h, rgb.bytesPerLine())[:, :w * 3].reshape(h, w, 3)
        stored = to_stored(shown.copy(), rotation)
        boxes = session.frame_boxes[index] if index < len(session.frame_boxes) else []
        render_frame(stored, index, boxes, self.shown_plan, rotation=rotation)
        out = np.ascontiguousarray(upright(stored, rotation))
        return QImage(out.tobytes(), out.shape[1], out.shape[0], out.shape[1] * 3,
                      QImage.Format.Format_RGB888).copy()

    def _on_position(self, index: int, time_s: float) -> None:
        self.lanes.set_position(time_s - self._t0())
        self.speech_panel.follow(time_s)
        self._update_overlay()
        self.view.refresh_preview()

    def overlay_items(self, index: int) -> list[OverlayItem]:
        """The session's boxes on frame ``index``, coloured and labelled for the overlay."""
        if self.session is None:
            return []
        f = self.session.footage
        labels = {Look.KEEP: self.tr("{0} kept"), Look.NOT_A_FACE: self.tr("{0} not a face"),
                  Look.TEXT: self.tr("T{0}"), Look.HEAD: self.tr("H{0}"),
                  Look.HEAD_VISIBLE: self.tr("H{0} visible")}
        items = []
        for shown in self.session.shown_boxes(index, self.selected):
            kind, number = shown.key
            if kind == "manual":
                label = (self.tr("M{0}: drag to extend to this frame") if shown.ends_here
                         else self.tr("M{0}")).format(number)
            else:
                label = labels.get(shown.look, "{0}").format(number)
            items.append(OverlayItem(shown.key, QRectF(*box_to_upright(
                shown.box, f.rotation, f.width, f.height)), COLOURS[shown.look.value], label,
                shown.estimated, self.selected == shown.key))
        return items

    def _update_overlay(self) -> None:
        self.view.set_items(self.overlay_items(self.player.current_index))

    def update_buttons(self) -> None:
        c, b = self.controls, self.track_buttons
        has = self.session is not None
        busy = self.detect_job is not None
        tracks = self.commands.selected_tracks()
        c.detect_button.setEnabled(has and not busy)
        c.cancel_button.setEnabled(busy)
        c.preset.setEnabled(not busy)
        b.merge_button.setEnabled(len(tracks) >= 2)
        b.split_button.setEnabled(len(tracks) == 1)
        b.dismiss_button.setEnabled(len(tracks) == 1)
        b.delete_button.setEnabled(bool(self.tracks_panel.selected_keys()))
        c.follow_button.setEnabled(self.selected is not None and self.selected[0] == "manual")
        c.mute_button.setEnabled(has and self.lanes.range is not None)
        c.unmute_button.setEnabled(self.lanes.selected_mute is not None)
        c.clip_button.setEnabled(has and (self.lanes.range is not None
                                          or self.plan.clip is not None))
        c.next_button.setEnabled(bool(self.unreviewed()))
        mismatch = self.run_mismatch()
        c.export_button.setEnabled(has and not busy and not mismatch)
        c.start_again_button.setVisible(mismatch)
        c.carry_button.setVisible(mismatch)
