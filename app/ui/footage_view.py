"""One footage item on screen: the player, the timeline and its flags.

Flag changes are core operations (audited there) run in the database worker; the timeline
is refreshed from the store afterwards.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QImage, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from app.core.library import flags as flag_service
from app.core.library.flag_commands import AddFlag, DeleteFlag, EditFlag, FlagCommand, FlagRef
from app.core.media.strip_thumbnails import strip_thumbnails
from app.core.people.users import resolve_actor
from app.core.progress import CancelToken, ProgressFn
from app.core.store.database import Store
from app.core.store.models import FlagCategory, User
from app.core.views.records import FlagRecord, FootageRecord
from app.ui.flag_dialog import FlagDialog
from app.ui.player.player_panel import PlayerPanel
from app.ui.signed_in import SignedIn
from app.ui.timeline import Timeline
from app.ui.workers import Job, job_pool, run_op


class FootageView(QWidget):
    flags_changed = Signal(list)  # list[FlagRecord]
    thumbnails_ready = Signal(int)
    failed = Signal(str)

    def __init__(self, store: Store, user: SignedIn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.user = user
        self.footage: FootageRecord | None = None
        self.flags: list[FlagRecord] = []
        self.player = PlayerPanel(self)
        self.timeline = Timeline(self)
        self.player.attach_shortcuts(self)  # the keys work from the timeline too
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.player, 1)
        layout.addWidget(self.timeline)
        self.player.position_changed.connect(
            lambda _i, t: self.timeline.set_position(t - self._t0()))
        self.player.loaded.connect(self._on_loaded)
        self.player.failed.connect(self.failed)
        self.timeline.seek_requested.connect(self.player.go_to_time)
        self.timeline.delete_requested.connect(self.delete_flag)
        self.timeline.flag_activated.connect(self.edit_flag)
        self.timeline.flag_moved.connect(self.move_flag)
        self.undo_stack = QUndoStack(self)
        self._refs: list[FlagRef] = []
        self.add_flag_action = QAction(self.tr("Add flag at playhead"), self)
        self.add_flag_action.setShortcut(QKeySequence("M"))
        self.add_flag_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.add_flag_action.triggered.connect(lambda: self.add_flag())
        self.addAction(self.add_flag_action)

    def _t0(self) -> float:
        return self.player.reader.times[0] if self.player.reader is not None else 0.0

    def open_footage(self, footage: FootageRecord) -> None:
        self.footage = footage
        self.undo_stack.clear()  # edits of another footage item cannot be undone here
        self._refs = []
        self.player.open_footage(footage)

    def _on_loaded(self, _frames: int) -> None:
        if self.player.reader is not None:
            self.timeline.set_duration(self.player.reader.duration_s)
        self.refresh_flags()
        self.load_thumbnails()

    def load_thumbnails(self, count: int = 24) -> None:
        """Fill the timeline's thumbnail strip in the background."""
        footage = self.footage
        if footage is None:
            return
        self.timeline.set_thumbnails([])
        path, rotation = Path(footage.original_path), footage.rotation

        def extract(progress: ProgressFn, cancel: CancelToken) -> list[tuple[float, QImage]]:
            pictures = strip_thumbnails(path, rotation, count, progress=progress, cancel=cancel)
            return [(t, QImage(rgb.tobytes(), rgb.shape[1], rgb.shape[0], rgb.shape[1] * 3,
                               QImage.Format.Format_RGB888).copy()) for t, rgb in pictures]

        def done(thumbs: list[tuple[float, QImage]]) -> None:
            if self.footage is footage:  # still the same footage
                self.timeline.set_thumbnails(thumbs)
                self.thumbnails_ready.emit(len(thumbs))

        job = Job(extract)
        job.finished.connect(done)
        job.failed.connect(lambda message, _details: self.failed.emit(message))
        job.start(job_pool())

    def _run(self, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        run_op(self, work, done, self.failed.emit)

    def refresh_flags(self) -> None:
        footage = self.footage
        if footage is None:
            return
        store = self.store

        def load() -> list[FlagRecord]:
            with store.read() as session:
                return flag_service.list_flags(session, footage.id)

        self._run(load, self._on_flags)

    def _on_flags(self, flags: list[FlagRecord]) -> None:
        self.flags = flags
        self.timeline.set_flags(flags)
        self.flags_changed.emit(flags)

    def close_footage(self) -> None:
        self.player.close_footage()

    # --- undoable flag edits ---------------------------------------------------------------

    def _ref(self, flag_id: int) -> FlagRef:
        """One shared reference per flag, so undo/redo follow a flag that was re-created."""
        for ref in self._refs:
            if ref.id == flag_id:
                return ref
        ref = FlagRef(flag_id)
        self._refs.append(ref)
        return ref

    def submit(self, step: Callable[[Session, User], None]) -> None:
        """Run one command step in the database worker, then reload the flags."""
        store, user = self.store, self.user.name

        def work() -> None:
            with store.transaction() as session:
                step(session, resolve_actor(session, user))

        self._run(work, lambda _result: self.refresh_flags())

    def add_flag(self, category: FlagCategory = FlagCategory.REVIEW, label: str = "") -> None:
        """Flag the frame under the playhead, or the range selected on the timeline."""
        reader, footage = self.player.reader, self.footage
        if reader is None or footage is None:
            return
        selected = self.timeline.range
        if selected is not None:  # a range selected on the timeline (Shift+drag)
            start, end = selected
            command = AddFlag.at(footage.id, round(start, 3), self._frame_of(start), category,
                                 label, end_s=round(end, 3), end_frame=self._frame_of(end))
            self.timeline.range = None
        else:
            index = self.player.current_index
            command = AddFlag.at(footage.id, reader.time_of(index) - reader.times[0], index,
                                 category, label)
        self._refs.append(command.ref)
        self.undo_stack.push(_UndoStep(self, command, self.tr("Add flag")))

    def move_flag(self, flag_id: int, start_s: float, end_s: float | None) -> None:
        record = next((f for f in self.flags if f.id == flag_id), None)
        if record is None:
            return
        changes: dict[str, object] = {"start_s": round(start_s, 3),
                                      "start_frame": self._frame_of(start_s)}
        if end_s is not None:
            changes.update(end_s=round(end_s, 3), end_frame=self._frame_of(end_s))
        self.undo_stack.push(_UndoStep(self, EditFlag.of(self._ref(flag_id), record, **changes),
                                       self.tr("Move flag")))

    def delete_flag(self, flag_id: int) -> None:
        record = next((f for f in self.flags if f.id == flag_id), None)
        if record is not None:
            self.undo_stack.push(_UndoStep(self, DeleteFlag.of(self._ref(flag_id), record),
                                           self.tr("Delete flag")))

    def edit_flag(self, flag_id: int) -> None:
        record = next((f for f in self.flags if f.id == flag_id), None)
        if record is None or self.player.reader is None:
            return
        dialog = FlagDialog(record, self.player.reader.duration_s, self)
        if dialog.exec() != FlagDialog.DialogCode.Accepted:
            return
        changes = dialog.changes()
        if "start_s" in changes:
            changes["start_frame"] = self._frame_of(changes["start_s"])
        if "end_s" in changes and changes["end_s"] is not None:
            changes["end_frame"] = self._frame_of(changes["end_s"])
        if changes:
            self.undo_stack.push(_UndoStep(self, EditFlag.of(self._ref(flag_id), record,
                                                             **changes), self.tr("Edit flag")))

    def _frame_of(self, time_s: float) -> int:
        reader = self.player.reader
        return reader.index_at(reader.times[0] + time_s) if reader is not None else 0


class _UndoStep(QUndoCommand):
    """A core flag command on Qt's undo stack; each step runs in the database worker."""

    def __init__(self, view: FootageView, command: FlagCommand, text: str) -> None:
        super().__init__(text)
        self.view = view
        self.command = command

    def redo(self) -> None:
        self.view.submit(self.command.apply)

    def undo(self) -> None:
        self.view.submit(self.command.revert)

