"""The redaction workspace: detection, the tracks, manual boxes, review, audio, export.

All decisions live in a ``RedactionPlan`` (app.core). Every edit replaces the plan with a new
one made by ``app.core.redaction.plan_edits``, is pushed on the undo stack, and is saved with
an audit event naming the edit, the user and the reason chosen in the toolbar.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import numpy as np
from PySide6.QtCore import QRectF, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QImage, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QProgressBar,
    QSizePolicy,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core.database import Store
from app.core.detection.presets import PRESETS
from app.core.errors import BwvError, NotFoundError
from app.core.export.pipeline import Analysis, analyse
from app.core.progress import CancelToken, ProgressFn
from app.core.records import FootageRecord
from app.core.redaction import plan_edits
from app.core.redaction.plan import Keyframe, RedactionPlan
from app.core.redaction.plans import load_plan, save_plan
from app.core.redaction.render import render_frame
from app.core.rotation import box_to_stored, box_to_upright, to_stored, upright
from app.core.settings import Settings
from app.core.timecode import format_time
from app.core.tracking.follow import follow_box
from app.core.tracking.review import ReviewRange
from app.core.tracking.thumbnails import track_thumbnails
from app.core.tracking.tracker import BoxKind, Track, TrackBox, boxes_by_frame
from app.core.users import resolve_actor
from app.core.waveform import Waveform, audio_waveform
from app.ui.player.player_panel import PlayerPanel
from app.ui.resources import icon
from app.ui.workers import Job, db_pool, job_pool
from app.ui.workspace import approval_guard
from app.ui.workspace.export_dialog import ExportChoices, ExportDialog
from app.ui.workspace.lanes import COLOURS, LanesView
from app.ui.workspace.overlay_view import OverlayItem, OverlayView
from app.ui.workspace.tracks_panel import TracksPanel

LOW_CONFIDENCE = 0.5
FOLLOW_SECONDS = 3.0
NEW_BOX_SECONDS = 1.0  # a drawn box stays this long; drag it on later frames to extend it


class RedactionWorkspace(QWidget):
    failed = Signal(str)
    analysed = Signal(int)  # number of tracks
    plan_saved = Signal(str)  # SHA-256 of the plan now stored
    exported = Signal(object)  # RedactResult
    ready = Signal()  # a detection lookup or run has ended (analysis may still be None)

    def __init__(self, store: Store, settings: Settings, user_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.settings = settings
        self.user_name = user_name
        self.footage: FootageRecord | None = None
        self.case_ref: str | None = None
        self.case_id: int | None = None
        self.analysis: Analysis | None = None
        self.plan = RedactionPlan()
        self.tracks: list[Track] = []
        self.frame_boxes: list[list[tuple[int, TrackBox]]] = []
        self.thumbnails: dict[int, bytes] = {}
        self._thumb_for: dict[int, tuple[str, int, int, int]] = {}  # what each one shows
        self.waveform: Waveform | None = None
        self.selected: tuple[str, int] | None = None
        self.detect_job: Job | None = None
        self.last_warning: ReviewRange | None = None
        self.undo_stack = QUndoStack(self)
        self._side_jobs: list[Job] = []  # waveform, thumbnails, follow: of this footage only

        self.view = OverlayView(self)
        self.player = PlayerPanel(self, self.view)
        self.lanes = LanesView(self)
        self.tracks_panel = TracksPanel(self)
        self.player.attach_shortcuts(self)  # the player's keys work anywhere in the workspace
        self.player.leave_keys_to(self.tracks_panel)  # but for ticking its check boxes
        self._build_toolbar()
        self._build_track_buttons()
        left = QWidget(self)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addLayout(self.toolbar)
        lv.addLayout(self.reason_row)
        lv.addLayout(self.status_row)
        lv.addWidget(self.player, 1)
        lv.addWidget(self.lanes)
        right = QWidget(self)
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(QLabel(self.tr("People and boxes"), right))
        rv.addWidget(self.tracks_panel, 1)
        rv.addLayout(self.track_buttons)
        self.legend = QLabel(self._legend_html(), right)
        self.legend.setWordWrap(True)
        rv.addWidget(self.legend)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.player.loaded.connect(self._on_player_loaded)
        self.player.failed.connect(self.failed)
        self.player.position_changed.connect(self._on_position)
        self.lanes.seek_requested.connect(self.player.go_to_time)
        self.lanes.range_selected.connect(lambda r: self._update_buttons())
        self.lanes.mute_selected.connect(lambda r: self._update_buttons())
        self.tracks_panel.action_changed.connect(  # queued: the edit rebuilds the table
            self._on_track_action, Qt.ConnectionType.QueuedConnection)
        self.tracks_panel.selected.connect(self._on_row_selected)
        self.view.item_clicked.connect(self._on_item_clicked)
        self.view.box_drawn.connect(self._on_box_drawn)
        self.view.box_changed.connect(self._on_box_changed)
        self._update_buttons()

    # --- building ------------------------------------------------------------------------

    def _button(self, text: str, tip: str, slot: object, key: str = "",
                checkable: bool = False, icon_name: str = "") -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        if icon_name:  # icon only (the text is the tooltip): the toolbar fits a laptop
            button.setIcon(icon(icon_name))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
            tip = f"{text.replace('&', '').rstrip('…')}: {tip}"
        button.setToolTip(tip + (f" ({key})" if key else ""))
        button.setCheckable(checkable)
        if checkable:
            button.toggled.connect(slot)
        else:
            button.clicked.connect(slot)
        if key:
            action = QAction(self)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(button.click)
            self.addAction(action)
        return button

    def _build_toolbar(self) -> None:
        self.preset = QComboBox(self)
        names = {"fast": self.tr("Fast"), "balanced": self.tr("Balanced"),
                 "thorough": self.tr("Thorough (dense crowds)")}
        for name in PRESETS:
            self.preset.addItem(names.get(name, name), name)
        saved = str(QSettings().value("workspace/preset", "balanced"))
        self.preset.setCurrentIndex(max(0, self.preset.findData(saved)))
        self.preset.currentIndexChanged.connect(self._preset_changed)
        self.detect_button = self._button(self.tr("Detect faces"), self.tr(
            "Detect and track faces in the background; results are stored"), self.detect,
            "Ctrl+D", icon_name="detect")
        self.cancel_button = self._button(self.tr("Cancel"), self.tr("Stop detection"),
                                          self.cancel_detection, icon_name="cancel")
        self.preview_button = self._button(self.tr("Preview"), self.tr(
            "Show the redacted picture as it will be exported, or the boxes"),
            self.set_preview, "P", checkable=True, icon_name="preview")
        self.draw_button = self._button(self.tr("Draw box"), self.tr(
            "Draw a box over a missed face, a tattoo, a screen, a number plate"),
            self.set_draw_mode, "B", checkable=True, icon_name="draw-box")
        self.follow_button = self._button(self.tr("Follow"), self.tr(
            "Follow the selected manual box through the next seconds"), self.follow, "F",
            icon_name="follow")
        self.next_button = self._button(self.tr("Next warning"), self.tr(
            "Jump to the next range to review"), self.next_warning, "N",
            icon_name="next-warning")
        self.reviewed_button = self._button(self.tr("Mark reviewed"), self.tr(
            "Mark the review range at the playhead as checked"), self.mark_reviewed, "R",
            icon_name="reviewed")
        self.mute_button = self._button(self.tr("Mute range"), self.tr(
            "Mute the sound in the range selected on the lanes (drag to select)"),
            self.mute_selection, "U", icon_name="mute")
        self.unmute_button = self._button(self.tr("Unmute"), self.tr(
            "Remove the selected muted range"), self.unmute_selected, icon_name="unmute")
        self.start_again_button = self._button(self.tr("Start again"), self.tr(
            "Forget the people chosen on another detection run and choose them on this one"),
            self.start_again, icon_name="start-again")
        self.clip_button = self._button(self.tr("Clip"), self.tr(
            "Export only the range selected on the lanes (again with nothing selected: "
            "the whole footage)"), self.clip_to_selection, icon_name="clip")
        self.reason = QComboBox(self)
        self.reason.setEditable(True)
        self.reason.addItem(self.tr("(no reason)"), "")
        for code in self.settings.reason_codes:
            self.reason.addItem(code, code)
        self.reason.setToolTip(self.tr("The reason recorded with your next edits"))
        for combo, chars in ((self.reason, 14), (self.preset, 8)):  # long texts elide
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(chars)
        self.export_button = self._button(self.tr("Export…"), self.tr(
            "Write the redacted MP4, its manifest and audit extract"), self.open_export,
            "Ctrl+E", icon_name="export")
        for main in (self.detect_button, self.export_button):  # the two steps, named
            main.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar = QHBoxLayout()
        for w in (self.detect_button, self.cancel_button, self.preview_button,
                  self.draw_button, self.follow_button, self.next_button, self.reviewed_button,
                  self.mute_button, self.unmute_button, self.clip_button,
                  self.start_again_button):
            self.toolbar.addWidget(w)
        self.toolbar.addStretch(1)
        self.toolbar.addWidget(self.export_button)
        # The preset and the reason on a row of their own: reason texts are long, and the
        # toolbar must fit a 1366 px screen in every language.
        self.reason_row = QHBoxLayout()
        self.reason_row.addWidget(QLabel(self.tr("Preset"), self))
        self.reason_row.addWidget(self.preset)
        self.reason_row.addWidget(QLabel(self.tr("Reason"), self))
        self.reason_row.addWidget(self.reason, 1)
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.progress.setMaximumWidth(260)
        self.status = QLabel(self.tr("Open footage from the library."), self)
        self.status.setWordWrap(True)  # long messages (and Welsh) wrap: never widen the window
        self.status_row = QHBoxLayout()
        self.status_row.addWidget(self.progress)
        self.status_row.addWidget(self.status, 1)

    def _build_track_buttons(self) -> None:
        self.merge_button = self._button(self.tr("Merge"), self.tr(
            "The selected tracks are one person"), self.merge_selected)
        self.split_button = self._button(self.tr("Split here"), self.tr(
            "Cut the selected track at the playhead"), self.split_selected)
        self.dismiss_button = self._button(self.tr("Not a face from here"), self.tr(
            "Dismiss the selected track from the playhead to its end"), self.dismiss_from_here)
        self.delete_button = self._button(self.tr("Delete"), self.tr(
            "Delete the selected manual box, or mark the selected track as not a face"),
            self.delete_selected, "Delete")
        self.track_buttons = QGridLayout()  # two rows: the panel stays narrow
        for i, b in enumerate((self.merge_button, self.split_button, self.dismiss_button,
                               self.delete_button)):
            b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            self.track_buttons.addWidget(b, i // 2, i % 2)

    def _legend_html(self) -> str:
        rows = [(COLOURS["redact"], self.tr("redacted")), (COLOURS["keep"], self.tr("kept")),
                (COLOURS["manual"], self.tr("manual")),
                (COLOURS["low"], self.tr("low confidence")),
                (COLOURS["not_a_face"], self.tr("not a face"))]
        items = " ".join(f"<span style='color:{c}'>■</span> {t}" for c, t in rows)
        return items + "<br>" + self.tr("dashed: carried by motion, interpolated or padded box")

    # --- opening -------------------------------------------------------------------------

    def footage_id(self) -> int:
        assert self.footage is not None
        return self.footage.id

    def preset_name(self) -> str:
        return str(self.preset.currentData())

    def _side_job(self, fn: Callable[[ProgressFn, CancelToken], object]) -> Job:
        """A background job about the open footage, cancelled when other footage opens."""
        job = Job(fn)
        self._side_jobs.append(job)
        job.finished.connect(lambda _r: self._side_jobs.remove(job))
        job.failed.connect(lambda _m, _d: self._side_jobs.remove(job))
        job.cancelled.connect(lambda: self._side_jobs.remove(job))
        return job

    def _cancel_jobs(self) -> None:
        self.cancel_detection()
        for job in self._side_jobs:
            job.cancel()

    def open_footage(self, footage: FootageRecord, case_ref: str | None = None) -> None:
        """Show ``footage``; its saved plan and stored detection run (if any) load at once."""
        self._cancel_jobs()
        self.footage, self.case_ref, self.case_id = footage, case_ref, None
        self.analysis, self.tracks, self.frame_boxes = None, [], []
        self.thumbnails, self.waveform, self.selected = {}, None, None
        self._thumb_for = {}
        self.plan = RedactionPlan()
        self.undo_stack.clear()
        self.player.open_footage(footage)
        self._load_plan()
        self._load_waveform()

    def _load_plan(self) -> None:
        footage, case_ref, store = self.footage, self.case_ref, self.store
        assert footage is not None

        def load(_p: ProgressFn, _c: CancelToken) -> tuple[int | None, RedactionPlan | None]:
            from app.core.cases import get_case

            with store.read() as session:
                case_id = get_case(session, case_ref).id if case_ref else None
                return case_id, load_plan(session, footage.id, case_id)

        job = Job(load)
        job.finished.connect(lambda result: self._on_plan_loaded(footage, *result))
        job.failed.connect(lambda message, _d: self.failed.emit(message))
        job.start(db_pool())

    def _on_plan_loaded(self, footage: FootageRecord, case_id: int | None,
                        plan: RedactionPlan | None) -> None:
        if footage is not self.footage:
            return
        self.case_id = case_id
        self.plan = plan or RedactionPlan()
        self._recompute()
        self.detect(only_stored=True)

    def _load_waveform(self) -> None:
        footage = self.footage
        assert footage is not None
        job = self._side_job(lambda _p, cancel: audio_waveform(Path(footage.original_path),
                                                               cancel=cancel))
        job.finished.connect(lambda wave: self._on_waveform(footage, wave))
        job.failed.connect(lambda message, _d: self.status.setText(message))
        job.start(job_pool())

    def _on_waveform(self, footage: FootageRecord, wave: Waveform | None) -> None:
        if footage is self.footage:
            self.waveform = wave
            self.lanes.set_waveform(wave)

    def _on_player_loaded(self, _frames: int) -> None:
        self._refresh_views()

    def close_footage(self) -> None:
        self._cancel_jobs()
        self.player.close_footage()

    # --- detection -----------------------------------------------------------------------

    def _preset_changed(self) -> None:
        QSettings().setValue("workspace/preset", self.preset_name())
        if self.footage is not None and self.detect_job is None:
            self.detect(only_stored=True)

    def detect(self, only_stored: bool = False) -> None:
        """Detect and track in a worker (``only_stored``: load a stored run, never detect)."""
        if self.footage is None or self.detect_job is not None:
            return
        store, user, footage, preset = self.store, self.user_name, self.footage, \
            self.preset_name()
        started = time.monotonic()

        def work(progress: ProgressFn, cancel: CancelToken) -> Analysis | None:
            def stage(_name: str, done: int, total: int) -> None:
                progress(done, total)

            try:
                return analyse(store, user, footage.id, preset, stage=stage, cancel=cancel,
                               only_stored=only_stored)
            except NotFoundError:
                if only_stored:
                    return None
                raise

        job = self.detect_job = Job(work)
        job.progress.connect(lambda done, total: self._on_detect_progress(done, total, started))
        job.finished.connect(lambda a: self._on_analysis(footage, a))
        job.failed.connect(lambda message, _d: self._detect_ended(footage, message, True))
        job.cancelled.connect(lambda: self._detect_ended(
            footage, self.tr("Detection cancelled; nothing was stored."), False))
        self.progress.setVisible(not only_stored)
        self.progress.setRange(0, 0)
        self.status.setText(self.tr("Loading stored detections…") if only_stored
                            else self.tr("Detecting faces ({0})…").format(preset))
        self._update_buttons()
        job.start(job_pool())

    def _on_detect_progress(self, done: int, total: int, started: float) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        elapsed = max(time.monotonic() - started, 1e-3)
        rate = done / elapsed
        eta = (total - done) / rate if rate > 0 else 0.0
        self.status.setText(self.tr("Detecting faces: frame {0} / {1}, {2:.1f} frames/s, "
                                    "about {3} left").format(done, total, rate,
                                                              format_time(eta)[:-4]))

    def _detect_ended(self, footage: FootageRecord, message: str, error: bool) -> None:
        self.detect_job = None
        self.progress.setVisible(False)
        if footage is not self.footage:  # other footage was opened meanwhile: load its run
            self.detect(only_stored=True)
            return
        self.status.setText(message)
        if error:
            self.failed.emit(message)
        self._update_buttons()
        self.ready.emit()

    def cancel_detection(self) -> None:
        if self.detect_job is not None:
            self.detect_job.cancel()

    def _on_analysis(self, footage: FootageRecord, analysis: Analysis | None) -> None:
        self.detect_job = None
        self.progress.setVisible(False)
        if footage is not self.footage:  # other footage was opened meanwhile: load its run
            self.detect(only_stored=True)
            return
        self.analysis = analysis
        self._recompute()
        if analysis is None:
            self.status.setText(self.tr("Faces not detected yet with this preset: press "
                                        "Detect faces."))
        else:
            self.status.setText(self.tr("{0} people tracked, {1} ranges to review ({2})."
                                        ).format(len(self.tracks), len(analysis.review),
                                                 self.tr("stored run") if analysis.reused
                                                 else self.tr("detected now")))
            if self.run_mismatch():
                self.failed.emit(self.mismatch_message())
            self._load_thumbnails()
            self.analysed.emit(len(self.tracks))
        self._update_buttons()
        self.ready.emit()

    def run_mismatch(self) -> bool:
        """The plan was made on another detection run than the one shown."""
        return bool(self.analysis is not None and self.plan.detection_run
                    and self.plan.detection_run != self.analysis.run_key)

    def mismatch_message(self) -> str:
        return self.tr(
            "This plan was made with another detection run (another preset, stride or model), "
            "where the same track number can be another person. Switch back to that preset, "
            "or use Start again to choose the people on this run.")

    def start_again(self) -> None:
        """Drop the person choices of another run (kept boxes, mutes and reasons stay)."""
        if self.analysis is None:
            return
        new = self.plan_copy()
        new.keep_tracks, new.false_positive_tracks, new.track_edits = [], [], []
        new.reasons = {k: v for k, v in new.reasons.items() if not k.startswith("track:")}
        new.reviewed = []
        new.detection_run = self.analysis.run_key
        text = "choose the people again on this detection run"
        if self._may_edit(new, text):
            self.undo_stack.push(_PlanStep(self, self.plan, new, text, ""))

    def _load_thumbnails(self) -> None:
        analysis, footage = self.analysis, self.footage
        if analysis is None or footage is None:
            return
        run = analysis.run_key
        tracks = [t for t in self.tracks if self._thumb_for.get(t.id) != _signature(run, t)]
        if not tracks:
            return
        wanted = {t.id: _signature(run, t) for t in tracks}
        for t in tracks:  # never show a picture of another person under this number
            self.thumbnails.pop(t.id, None)
            self._thumb_for[t.id] = wanted[t.id]
        job = self._side_job(lambda _p, cancel: track_thumbnails(analysis.source, tracks,
                                                      analysis.rotation, cancel=cancel))
        job.finished.connect(lambda thumbs: self._on_thumbnails(footage, thumbs, wanted))
        job.failed.connect(lambda message, _d: self.status.setText(message))
        job.start(job_pool())

    def _on_thumbnails(self, footage: FootageRecord, thumbs: dict[int, bytes],
                       wanted: dict[int, tuple[str, int, int, int]]) -> None:
        if footage is self.footage:  # only pictures of the tracks as they still are
            self.thumbnails.update({i: jpeg for i, jpeg in thumbs.items()
                                    if self._thumb_for.get(i) == wanted.get(i)})
            self._refresh_views()

    # --- plan state ----------------------------------------------------------------------

    def _recompute(self) -> None:
        """Tracks after the plan's merges and splits, and every frame's boxes."""
        if self.analysis is None:
            self.tracks, self.frame_boxes = [], []
        else:
            try:
                self.tracks = plan_edits.effective_tracks(self.analysis.tracks, self.plan)
            except BwvError as exc:
                self.failed.emit(str(exc))
                self.tracks = list(self.analysis.tracks)
            self.frame_boxes = boxes_by_frame(self.tracks, self.analysis.frame_count)
        self._refresh_views()

    def _time_of(self, frame: int) -> float:
        reader = self.player.reader
        return reader.time_of(frame) - reader.times[0] if reader is not None else 0.0

    def _t0(self) -> float:
        reader = self.player.reader
        return reader.times[0] if reader is not None else 0.0

    def _refresh_views(self) -> None:
        reader = self.player.reader
        review = self.analysis.review if self.analysis else []
        if reader is not None:
            self.lanes.offset = self._t0()
            self.lanes.set_content(reader.duration_s, self._time_of, self.tracks, self.plan,
                                   review)
        self.tracks_panel.set_rows(self.tracks, self.plan, self._time_of, self.thumbnails)
        self._update_overlay()
        self.view.refresh_preview()
        self._update_buttons()

    def plan_copy(self) -> RedactionPlan:
        return copy.deepcopy(self.plan)

    def unreviewed(self) -> list[ReviewRange]:
        if self.analysis is None:
            return []
        done = set(self.plan.reviewed)
        return [r for r in self.analysis.review if (r.start_frame, r.end_frame) not in done]

    def apply_edit(self, new_plan: RedactionPlan, text: str, reason: str | None = None) -> bool:
        """Push one undoable edit; it is saved and audited with ``reason``. An edit that
        would withdraw an approval is asked about first; False when it was not made."""
        if self.run_mismatch():
            self.failed.emit(self.mismatch_message())
            return False
        if self.analysis is not None:  # what the track numbers and reviews refer to
            new_plan.detection_run = self.analysis.run_key
        if not self._may_edit(new_plan, text):
            QTimer.singleShot(0, self._refresh_views)  # e.g. a tick goes back
            return False
        if reason is None:
            reason = self.current_reason()
        self.undo_stack.push(_PlanStep(self, self.plan, new_plan, text, reason))
        self.reason.setCurrentIndex(0)  # used: the next edit chooses its own
        return True

    def _may_edit(self, new_plan: RedactionPlan, text: str) -> bool:
        if self.footage is None or new_plan.sha256() == self.plan.sha256():
            return True
        return approval_guard.confirm_edit(self, self.store, self.footage.id, self.case_id,
                                           self.plan.sha256(), text)

    def current_reason(self) -> str:
        """The reason chosen or typed in the toolbar ("" for the "(no reason)" entry)."""
        text = self.reason.currentText().strip()
        return "" if text == self.reason.itemText(0) else text

    def take_reason(self, needed: bool = False, why: str = "") -> str | None:
        """The toolbar's reason for the edit about to be made (the box is cleared once the
        edit is made: a reason belongs to the one edit it was chosen for). When ``needed``
        and none was chosen, the user is asked (``why`` says what for); None when they
        cancel."""
        reason = self.current_reason()
        if reason or not needed:
            return reason
        codes = [self.reason.itemText(i) for i in range(1, self.reason.count())]
        text, ok = QInputDialog.getItem(
            self, self.tr("Reason"), why + "\n" + self.tr(
                "The reason is recorded with this edit, in the manifest and in the "
                "disclosure record."), codes, 0, True)
        return text.strip() if ok and text.strip() else None

    def _commit(self, plan: RedactionPlan, text: str, reason: str) -> None:
        self.plan = plan
        self._recompute()
        self._save(plan, text, reason)
        if self.analysis is not None and any(
                self._thumb_for.get(t.id) != _signature(self.analysis.run_key, t)
                for t in self.tracks):
            self._load_thumbnails()  # tracks changed by a merge or split

    def _save(self, plan: RedactionPlan, text: str, reason: str) -> None:
        footage = self.footage
        if footage is None:
            return
        store, user, case_id, saved = self.store, self.user_name, self.case_id, \
            copy.deepcopy(plan)

        def work(_p: ProgressFn, _c: CancelToken) -> str:
            with store.transaction() as session:
                return save_plan(session, resolve_actor(session, user), footage.id, case_id,
                                 saved, edit=text, reason=reason)

        job = Job(work)
        job.finished.connect(self._on_saved)
        job.failed.connect(lambda message, _d: self.failed.emit(
            self.tr("The edit could not be saved: {0}").format(message)))
        job.start(db_pool())

    def _on_saved(self, sha: str) -> None:
        self.plan_saved.emit(sha)

    def save_now(self) -> None:
        """Queue a save of the current plan (e.g. before asking for approval)."""
        self._save(self.plan, "", "")

    def _try(self, make: Callable[[], tuple[RedactionPlan, str]],
             reason: str | None = None) -> None:
        """Run an edit-making callable; a refused edit is shown, never raised."""
        try:
            result = make()
        except BwvError as exc:
            self.failed.emit(str(exc))
            return
        self.apply_edit(result[0], result[1], reason)

    # --- tracks --------------------------------------------------------------------------

    def _on_track_action(self, track_id: int, action: str) -> None:
        self.set_track_action(track_id, plan_edits.TrackAction(action))

    def set_track_action(self, track_id: int, action: plan_edits.TrackAction) -> None:
        reason = self.take_reason(plan_edits.needs_reason(action), self.tr(
            "Why is person {0} kept visible?").format(track_id))
        if reason is None:  # cancelled: the tick goes back (after the table's own signal)
            QTimer.singleShot(0, self._refresh_views)
            return
        self._try(lambda: plan_edits.set_track_action(self.plan, track_id, action, reason),
                  reason)

    def _selected_tracks(self) -> list[int]:
        return [i for kind, i in self.tracks_panel.selected_keys() if kind == "track"]

    def merge_selected(self) -> None:
        ids = self._selected_tracks()
        if self.analysis is not None and len(ids) >= 2:
            analysis = self.analysis
            self._try(lambda: plan_edits.merge(self.plan, analysis.tracks, ids))

    def split_selected(self) -> None:
        ids = self._selected_tracks()
        if self.analysis is not None and len(ids) == 1:
            analysis, frame = self.analysis, self.player.current_index
            self._try(lambda: plan_edits.split(self.plan, analysis.tracks, ids[0], frame)[:2])

    def dismiss_from_here(self) -> None:
        ids = self._selected_tracks()
        if self.analysis is not None and len(ids) == 1:
            analysis, frame = self.analysis, self.player.current_index
            self._try(lambda: plan_edits.dismiss_from(self.plan, analysis.tracks, ids[0],
                                                      frame))

    def delete_selected(self) -> None:
        for kind, i in self.tracks_panel.selected_keys():
            if kind == "manual":
                self._try(partial(plan_edits.delete_manual_box, self.plan, i))
            else:
                self.set_track_action(i, plan_edits.TrackAction.NOT_A_FACE)

    def _on_row_selected(self, key: tuple[str, int] | None) -> None:
        self.selected = key
        self.lanes.highlight = key[1] if key and key[0] == "track" else None
        if key is not None:
            first = self._first_frame(key)
            if first is not None and not self._present(key, self.player.current_index):
                self.player.show_frame(first)
        self._update_overlay()
        self._update_buttons()

    def _first_frame(self, key: tuple[str, int]) -> int | None:
        if key[0] == "track":
            return next((t.first_frame for t in self.tracks if t.id == key[1]), None)
        return next((m.keyframes[0].frame for m in self.plan.manual_boxes if m.id == key[1]),
                    None)

    def _present(self, key: tuple[str, int], frame: int) -> bool:
        if key[0] == "track":
            return any(t.id == key[1] and t.first_frame <= frame <= t.last_frame
                       for t in self.tracks)
        return any(m.id == key[1] and m.box_at(frame) is not None
                   for m in self.plan.manual_boxes)

    def _on_item_clicked(self, key: tuple[str, int] | None) -> None:
        self.selected = key
        self.tracks_panel.select_key(key)
        self._update_overlay()
        self._update_buttons()

    # --- manual boxes --------------------------------------------------------------------

    def set_draw_mode(self, on: bool) -> None:
        self.view.draw_mode = on
        self.view.setCursor(Qt.CursorShape.CrossCursor if on else Qt.CursorShape.ArrowCursor)

    def _stored_box(self, rect: QRectF) -> tuple[float, float, float, float]:
        f = self.footage
        assert f is not None
        return box_to_stored((rect.x(), rect.y(), rect.width(), rect.height()), f.rotation,
                             f.width, f.height)

    def add_manual_box(self, rect: QRectF, label: str = "") -> None:
        """A box drawn in upright picture pixels on the current frame."""
        x, y, w, h = self._stored_box(rect)
        key = Keyframe(self.player.current_index, round(x, 1), round(y, 1), round(w, 1),
                       round(h, 1))
        last = self.player.reader.frame_count - 1 if self.player.reader else key.frame
        fps = self.footage.fps if self.footage and self.footage.fps else 25.0
        until = min(last, key.frame + round(NEW_BOX_SECONDS * fps))
        reason = self.take_reason() or ""
        try:
            plan, text, box_id = plan_edits.add_manual_box(self.plan, key, label, reason,
                                                           until)
        except BwvError as exc:
            self.failed.emit(str(exc))
            return
        if not self.apply_edit(plan, text, reason):
            return
        self.selected = ("manual", box_id)
        self.tracks_panel.select_key(self.selected)
        self._update_overlay()

    def _on_box_drawn(self, rect: QRectF) -> None:
        self.add_manual_box(rect)
        self.draw_button.setChecked(False)

    def _on_box_changed(self, box_id: int, rect: QRectF) -> None:
        x, y, w, h = self._stored_box(rect)
        key = Keyframe(self.player.current_index, round(x, 1), round(y, 1), round(w, 1),
                       round(h, 1))
        self._try(lambda: plan_edits.set_keyframes(self.plan, box_id, [key]))

    def follow(self) -> None:
        """Propagate the selected manual box from the playhead (appearance tracker)."""
        if self.selected is None or self.selected[0] != "manual" or self.footage is None:
            self.failed.emit(self.tr("Select a manual box to follow."))
            return
        box_id, frame = self.selected[1], self.player.current_index
        manual = next((m for m in self.plan.manual_boxes if m.id == box_id), None)
        box = manual.box_at(frame) if manual is not None else None
        if box is None:
            self.failed.emit(self.tr("The selected box is not on this frame."))
            return
        path = Path(self.footage.original_path)
        fps = self.footage.fps or 25.0
        frames = round(FOLLOW_SECONDS * fps)
        job = self._side_job(lambda progress, cancel: follow_box(path, frame, box, frames,
                                                      progress=progress, cancel=cancel))
        footage = self.footage
        job.finished.connect(lambda keys: self._on_followed(footage, box_id, keys))
        job.failed.connect(lambda message, _d: self.failed.emit(message))
        self.status.setText(self.tr("Following box {0}…").format(box_id))
        job.start(job_pool())

    def _on_followed(self, footage: FootageRecord, box_id: int, keys: list[Keyframe]) -> None:
        if footage is not self.footage:  # other footage is open now: never apply it there
            return
        self.status.setText(self.tr("Box {0} followed to frame {1}; check it.").format(
            box_id, keys[-1].frame))
        self._try(lambda: plan_edits.set_keyframes(self.plan, box_id, keys))

    # --- review --------------------------------------------------------------------------

    def next_warning(self) -> None:
        """Jump to the next review range not yet marked reviewed (wraps around)."""
        pending = self.unreviewed()
        if not pending:
            self.status.setText(self.tr("No review ranges left to check."))
            return
        here = self.player.current_index
        after = [r for r in pending if r.start_frame > here] or pending
        self.last_warning = after[0]
        self.player.show_frame(after[0].start_frame)
        reasons = {"faces_lost": self.tr("faces lost right after frames with faces"),
                   "track_ended": self.tr("a face vanished away from the picture edge"),
                   "track_started": self.tr("a face appeared away from the picture edge"),
                   "no_faces": self.tr("no face found in this stretch")}
        r = after[0]
        self.status.setText(self.tr("Review frames {0}-{1}: {2}. {3} left.").format(
            r.start_frame, r.end_frame, reasons.get(r.reason.value, r.reason.value),
            len(pending)))

    def mark_reviewed(self) -> None:
        here = self.player.current_index
        target = self.last_warning if self.last_warning is not None and \
            self.last_warning.start_frame <= here <= self.last_warning.end_frame else next(
                (r for r in self.unreviewed() if r.start_frame <= here <= r.end_frame), None)
        if target is None:
            self.status.setText(self.tr("No review range at the playhead."))
            return
        self.last_warning = None
        plan, text = plan_edits.mark_reviewed(self.plan, target.start_frame, target.end_frame)
        self.apply_edit(plan, text)

    # --- audio ---------------------------------------------------------------------------

    def mute_selection(self) -> None:
        selected = self.lanes.range
        if selected is None:
            self.failed.emit(self.tr("Drag on the lanes under the video to select the time "
                                     "range to mute."))
            return
        t0 = self._t0()
        reason = self.take_reason() or ""
        self._try(lambda: plan_edits.add_mute(self.plan, selected[0] + t0, selected[1] + t0,
                                              reason), reason)
        self.lanes.range = None

    def unmute_selected(self) -> None:
        selected = self.lanes.selected_mute
        if selected is not None:
            self._try(lambda: plan_edits.remove_mute(self.plan, selected))

    def clip_to_selection(self) -> None:
        """Export only the selected range; with no selection, the whole footage again."""
        selected, t0 = self.lanes.range, self._t0()
        if selected is None:
            if self.plan.clip is not None:
                self._try(lambda: plan_edits.set_clip(self.plan, None))
            return
        self._try(lambda: plan_edits.set_clip(self.plan, selected[0] + t0, selected[1] + t0))
        self.lanes.range = None

    # --- export --------------------------------------------------------------------------

    def plan_with(self, choices: ExportChoices) -> RedactionPlan:
        """The plan as it would be with the export dialog's choices."""
        new = self.plan_copy()
        new.style, new.strength, new.shape = choices.style, choices.strength, choices.shape
        new.caption, new.audio = choices.caption, choices.audio
        new.keep_metadata = choices.keep_metadata
        return new

    def set_export_choices(self, choices: ExportChoices) -> bool:
        """Make the dialog's choices part of the plan (an audited edit); False when the
        user would rather not withdraw an approval."""
        new = self.plan_with(choices)
        if new.to_json() == self.plan.to_json():
            return True
        return self.apply_edit(new, f"set export style {choices.style.value} "
                                    f"{choices.strength}, {choices.shape.value}, sound "
                                    f"{choices.audio.value}, caption {choices.caption!r}, "
                                    f"metadata {'kept' if choices.keep_metadata else 'removed'}",
                               "")

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
        """The frame as the export will show it (the same core rendering)."""
        f, index = self.footage, self.player.current_index
        if f is None or (not self.frame_boxes and not self.plan.manual_boxes):
            return image
        rgb = image.convertToFormat(QImage.Format.Format_RGB888)
        w, h = rgb.width(), rgb.height()
        buffer = np.frombuffer(rgb.constBits(), np.uint8, rgb.bytesPerLine() * h)
        shown = buffer.reshape(h, rgb.bytesPerLine())[:, :w * 3].reshape(h, w, 3)
        stored = to_stored(shown.copy(), f.rotation)
        boxes = self.frame_boxes[index] if index < len(self.frame_boxes) else []
        render_frame(stored, index, boxes, self.plan, rotation=f.rotation)
        out = np.ascontiguousarray(upright(stored, f.rotation))
        return QImage(out.tobytes(), out.shape[1], out.shape[0], out.shape[1] * 3,
                      QImage.Format.Format_RGB888).copy()

    def _on_position(self, index: int, time_s: float) -> None:
        self.lanes.set_position(time_s - self._t0())
        self._update_overlay()
        self.view.refresh_preview()

    def overlay_items(self, index: int) -> list[OverlayItem]:
        f = self.footage
        if f is None:
            return []
        items = []
        boxes = self.frame_boxes[index] if index < len(self.frame_boxes) else []
        for track_id, box in boxes:
            action = plan_edits.track_action(self.plan, track_id)
            colour = {plan_edits.TrackAction.KEEP: COLOURS["keep"],
                      plan_edits.TrackAction.NOT_A_FACE: COLOURS["not_a_face"]}.get(
                action, COLOURS["low"] if box.score < LOW_CONFIDENCE else COLOURS["redact"])
            rect = QRectF(*box_to_upright((box.x, box.y, box.w, box.h), f.rotation, f.width,
                                          f.height))
            label = {plan_edits.TrackAction.KEEP: self.tr("{0} kept"),
                     plan_edits.TrackAction.NOT_A_FACE: self.tr("{0} not a face")}.get(
                action, "{0}").format(track_id)
            items.append(OverlayItem(("track", track_id), rect, colour, label,
                                     box.kind is not BoxKind.DETECTED,
                                     self.selected == ("track", track_id)))
        for manual in self.plan.manual_boxes:
            mbox = manual.box_at(index)
            selected = self.selected == ("manual", manual.id)
            label = self.tr("M{0}").format(manual.id)
            if mbox is None and selected:  # shown where it ends, to be dragged: extends it
                near = min(manual.keyframes, key=lambda k: abs(k.frame - index))
                mbox = (near.x, near.y, near.w, near.h)
                label = self.tr("M{0}: drag to extend to this frame").format(manual.id)
            if mbox is None:
                continue
            rect = QRectF(*box_to_upright(mbox, f.rotation, f.width, f.height))
            exact = any(k.frame == index for k in manual.keyframes)
            items.append(OverlayItem(("manual", manual.id), rect, COLOURS["manual"], label,
                                     not exact, selected))
        return items

    def _update_overlay(self) -> None:
        self.view.set_items(self.overlay_items(self.player.current_index))

    def _update_buttons(self) -> None:
        has = self.footage is not None
        busy = self.detect_job is not None
        tracks = self._selected_tracks()
        manual = self.selected is not None and self.selected[0] == "manual"
        self.detect_button.setEnabled(has and not busy)
        self.cancel_button.setEnabled(busy)
        self.preset.setEnabled(not busy)
        self.merge_button.setEnabled(len(tracks) >= 2)
        self.split_button.setEnabled(len(tracks) == 1)
        self.dismiss_button.setEnabled(len(tracks) == 1)
        self.delete_button.setEnabled(bool(self.tracks_panel.selected_keys()))
        self.follow_button.setEnabled(manual)
        self.mute_button.setEnabled(has and self.lanes.range is not None)
        self.unmute_button.setEnabled(self.lanes.selected_mute is not None)
        self.clip_button.setEnabled(has and (self.lanes.range is not None
                                             or self.plan.clip is not None))
        self.next_button.setEnabled(bool(self.unreviewed()))
        mismatch = self.run_mismatch()
        self.export_button.setEnabled(has and not busy and not mismatch)
        self.start_again_button.setVisible(mismatch)


def _signature(run_key: str, track: Track) -> tuple[str, int, int, int]:
    """What a thumbnail was made of: the run and the track's extent."""
    return (run_key, track.first_frame, track.last_frame, len(track.keyframes))


class _PlanStep(QUndoCommand):
    """One plan edit: redo stores ``after``, undo stores ``before``; both are audited."""

    def __init__(self, workspace: RedactionWorkspace, before: RedactionPlan,
                 after: RedactionPlan, text: str, reason: str) -> None:
        super().__init__(text)
        self.workspace = workspace
        self.before, self.after = before, after
        self.reason = reason
        self.pushed = False  # the first redo is the push itself

    def redo(self) -> None:
        self._move(self.before, self.after, self.text(), self.reason)

    def undo(self) -> None:
        self._move(self.after, self.before, "undo: " + self.text(), "")

    def _move(self, old: RedactionPlan, new: RedactionPlan, text: str, reason: str) -> None:
        ws = self.workspace
        lost = None
        if self.pushed and ws.footage is not None:  # a push was asked about before
            lost = approval_guard.standing(ws.store, ws.footage.id, ws.case_id, old.sha256())
        self.pushed = True
        ws._commit(new, text, reason)
        if lost is not None:
            approval_guard.tell_lapsed(ws, lost, text)

