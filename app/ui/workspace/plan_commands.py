"""The user's edits of the plan in the workspace: people (keep, dismiss, merge, split),
manual boxes (draw, move, follow), review ranges, muted sound and the clip. Each makes a new
plan with ``app.core.redaction.plan_edits`` and hands it to the workspace
(``RedactionWorkspace.apply_edit``), which asks about a lapsing approval, pushes it on the undo
stack and saves it."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, QRectF, QTimer
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QInputDialog, QMenu

from app.core.errors import BwvError
from app.core.media.rotation import box_to_stored
from app.core.redaction import plan_edits
from app.core.redaction.keep_reasons import suggested_keep_reason
from app.core.redaction.plan import Keyframe, RedactionPlan
from app.core.redaction.session import RedactionSession
from app.core.tracking.follow import follow_box
from app.core.tracking.review import ReviewRange
from app.core.tracking.tracker import HEAD, TEXT, Track
from app.ui.error_text import error_text
from app.ui.workers import job_pool

if TYPE_CHECKING:
    from app.ui.workspace.workspace import RedactionWorkspace

FOLLOW_SECONDS = 3.0
NEW_BOX_SECONDS = 1.0  # a drawn box stays this long; drag it on later frames to extend it


class PlanCommands(QObject):
    def __init__(self, workspace: RedactionWorkspace) -> None:
        super().__init__(workspace)
        self.ws = workspace
        self.last_warning: ReviewRange | None = None
        self.menu: QMenu | None = None  # the person menu last shown on the picture

    def take_reason(self, needed: bool = False, why: str = "",
                    person: bool = True) -> str | None:
        """The toolbar's reason for the edit about to be made (the box is cleared once the
        edit is made: a reason belongs to the one edit it was chosen for). When ``needed``
        and none was chosen, the user is asked (``why`` says what for) with a keep reason
        offered for a ``person`` (never an exemption: ``keep_reasons``), else none: OK waits
        for a reason chosen or typed. None when they cancel."""
        reason = self.ws.current_reason()
        if reason or not needed:
            return reason
        codes = self.ws.controls.reason_codes()
        dialog = QInputDialog(self.ws)
        dialog.setWindowTitle(self.tr("Reason"))
        dialog.setLabelText(why + "\n" + self.tr(
            "The reason is recorded with this edit, in the manifest and in the "
            "disclosure record."))
        dialog.setComboBoxItems(codes)
        dialog.setComboBoxEditable(True)
        dialog.setTextValue(suggested_keep_reason(codes) if person else "")
        dialog.okButtonText()  # lays the dialog out: its buttons exist from here on
        buttons = dialog.findChild(QDialogButtonBox)  # OK (and Return) need a reason
        if buttons is not None and (ok_button := buttons.button(
                QDialogButtonBox.StandardButton.Ok)) is not None:
            ok_button.setEnabled(bool(dialog.textValue().strip()))
            dialog.textValueChanged.connect(
                lambda text: ok_button.setEnabled(bool(text.strip())))
        ok = dialog.exec() == QDialog.DialogCode.Accepted
        text = dialog.textValue().strip()
        dialog.deleteLater()
        return text if ok and text else None

    def _try(self, make: Callable[[], tuple[RedactionPlan, str]],
             reason: str | None = None) -> None:
        """Run an edit-making callable; a refused edit is shown, never raised."""
        try:
            result = make()
        except BwvError as exc:
            self.ws.failed.emit(error_text(exc))
            return
        self.ws.apply_edit(result[0], result[1], reason)

    def on_track_action(self, track_id: int, action: str) -> None:
        self.set_track_action(track_id, plan_edits.TrackAction(action))

    def is_text(self, track_id: int) -> bool:
        """Whether the track is a text region (plate, screen, document), not a person."""
        return self._category(track_id) == TEXT

    def _category(self, track_id: int) -> str | None:
        session = self.ws.session
        return next((t.category for t in session.tracks if t.id == track_id), None) \
            if session is not None else None

    def set_track_action(self, track_id: int, action: plan_edits.TrackAction) -> None:
        question = self.tr("Why is text {0} kept visible?") if self.is_text(track_id) \
            else self.tr("Why is person {0} kept visible?")
        reason = self.take_reason(plan_edits.needs_reason(action), question.format(track_id),
                                  not self.is_text(track_id))
        if reason is None:  # cancelled: the tick goes back (after the table's own signal)
            QTimer.singleShot(0, self.ws.refresh_views)
            return
        self._try(lambda: plan_edits.set_track_action(self.ws.plan, track_id, action, reason),
                  reason)

    def keep_only(self, track_id: int) -> None:
        """Keep this person visible and hide everything else in the picture."""
        reason = self.take_reason(True, self.tr("Why is person {0} the only one kept "
                                                "visible?").format(track_id))
        if reason is not None:
            self._try(lambda: plan_edits.keep_only(self.ws.plan, track_id, reason), reason)

    def person_menu(self, key: tuple[str, int], where: QPoint) -> QMenu:
        """What can be done with the person or box right-clicked in the picture (shown at
        ``where``, not modal: kept as ``self.menu``)."""
        menu = self.menu = QMenu(self.ws.view)
        kind, number = key
        if kind == "track" and self.is_text(number):
            actions = plan_edits.TrackAction
            for text, action in ((self.tr("Keep text {0} visible…"), actions.KEEP),
                                 (self.tr("Redact text {0}"), actions.REDACT),
                                 (self.tr("Not identifying: leave it visible"),
                                  actions.NOT_A_FACE)):
                menu.addAction(text.format(number)).triggered.connect(
                    lambda _checked=False, a=action: self.set_track_action(number, a))
        elif kind == "track":
            actions = plan_edits.TrackAction
            head = self._category(number) == HEAD
            dismiss = self.tr("Not a person: leave it visible") if head else self.tr("Not a face")
            session = self.ws.session  # heads the plan's options leave visible: no redact
            heads_shown = head and session is not None and not session.plan.hides_heads \
                and not session.plan.inverse
            redact = self.tr("Redact person {0} (heads are not hidden in this plan: export "
                             "options)") if heads_shown else self.tr("Redact person {0}")
            for text, action in ((self.tr("Keep person {0} visible…"), actions.KEEP),
                                 (redact, actions.REDACT), (dismiss, actions.NOT_A_FACE)):
                item = menu.addAction(text.format(number))
                item.triggered.connect(
                    lambda _checked=False, a=action: self.set_track_action(number, a))
                item.setEnabled(not (heads_shown and action is actions.REDACT))
            menu.addSeparator()
            menu.addAction(self.tr("Keep only person {0}, hide everything else…").format(
                number)).triggered.connect(lambda _checked=False: self.keep_only(number))
        else:
            menu.addAction(self.tr("Delete box M{0}").format(number)).triggered.connect(
                lambda _checked=False: self._try(partial(plan_edits.delete_manual_box,
                                                         self.ws.plan, number)))
        menu.popup(where)
        return menu

    def selected_tracks(self) -> list[int]:
        return [i for kind, i in self.ws.tracks_panel.selected_keys() if kind == "track"]

    def _track_edit(self, count_ok: Callable[[int], bool],
                    make: Callable[[list[Track], list[int], int],
                                   tuple[RedactionPlan, str]]) -> None:
        """An edit of the selected tracks (on the run's own tracks, at the playhead)."""
        ids, analysis = self.selected_tracks(), self.ws.analysis
        if analysis is not None and count_ok(len(ids)):
            frame = self.ws.player.current_index
            self._try(lambda: make(analysis.tracks, ids, frame))

    def merge_selected(self) -> None:
        """Merge the selected tracks; from a "same person?" warning with its two people
        selected, that answers it (the frames between are marked as checked too)."""
        item, session = self.last_warning, self.ws.session
        pair = (item.track_id, item.other_track) if item is not None else (None, None)
        if item is not None and session is not None and None not in pair and \
                set(self.selected_tracks()) == set(pair) and item in session.unreviewed():
            self.last_warning = None
            try:
                plan, text = session.same_person(item)
            except BwvError as exc:
                self.ws.failed.emit(error_text(exc))
                return
            was_kept = any(plan_edits.track_action(self.ws.plan, t)
                           is plan_edits.TrackAction.KEEP for t in pair if t is not None)
            merged = min(t for t in pair if t is not None)
            if self.ws.apply_edit(plan, text) and was_kept and merged not in plan.keep_tracks:
                self.ws.controls.status.setText(self.tr(
                    "Person {0} is one person now and redacted again: only one part was kept "
                    "visible. Keep them visible again if they should be seen.").format(merged))
            return
        self._track_edit(lambda n: n >= 2,
                         lambda tracks, ids, _f: plan_edits.merge(self.ws.plan, tracks, ids))

    def split_selected(self) -> None:
        """Cut the selected track at the playhead; from a "kept visible, found again"
        warning still open on that track (the playhead on or after its first frame), the
        answer "not the same person": cut where they were found again, and redacted from
        there to the track's end."""
        item, here, session = self.last_warning, self.ws.player.current_index, self.ws.session
        if item is not None and item.reason.value == "found_again" and \
                session is not None and item in session.unreviewed() and \
                self.selected_tracks() == [item.track_id] and item.start_frame <= here:
            self.last_warning = None
            self._track_edit(lambda n: n == 1, lambda tracks, ids, _f: plan_edits.someone_else(
                self.ws.plan, tracks, ids[0], item.end_frame))
            return
        self._track_edit(lambda n: n == 1, lambda tracks, ids, frame: plan_edits.split(
            self.ws.plan, tracks, ids[0], frame)[:2])

    def dismiss_from_here(self) -> None:
        self._track_edit(lambda n: n == 1, lambda tracks, ids, frame: plan_edits.dismiss_from(
            self.ws.plan, tracks, ids[0], frame))

    def delete_selected(self) -> None:
        for kind, i in self.ws.tracks_panel.selected_keys():
            if kind == "manual":
                self._try(partial(plan_edits.delete_manual_box, self.ws.plan, i))
            else:
                self.set_track_action(i, plan_edits.TrackAction.NOT_A_FACE)

    def _keyframe(self, rect: QRectF) -> Keyframe:
        """A box drawn in upright picture pixels, on the current frame, as stored."""
        f = self.ws.footage
        assert f is not None
        x, y, w, h = box_to_stored((rect.x(), rect.y(), rect.width(), rect.height()),
                                   f.rotation, f.width, f.height)
        return Keyframe(self.ws.player.current_index, round(x, 1), round(y, 1), round(w, 1),
                        round(h, 1))

    def add_manual_box(self, rect: QRectF, label: str = "") -> None:
        """A box drawn in upright picture pixels on the current frame."""
        key = self._keyframe(rect)
        last = self.ws.player.reader.frame_count - 1 if self.ws.player.reader else key.frame
        fps = self.ws.footage.fps if self.ws.footage and self.ws.footage.fps else 25.0
        until = min(last, key.frame + round(NEW_BOX_SECONDS * fps))
        reason = self.take_reason() or ""
        try:
            plan, text, box_id = plan_edits.add_manual_box(self.ws.plan, key, label, reason,
                                                           until)
        except BwvError as exc:
            self.ws.failed.emit(error_text(exc))
            return
        if not self.ws.apply_edit(plan, text, reason):
            return
        self.ws.selected = ("manual", box_id)
        self.ws.tracks_panel.select_key(self.ws.selected)
        self.ws._update_overlay()

    def on_box_changed(self, box_id: int, rect: QRectF) -> None:
        key = self._keyframe(rect)
        self._try(lambda: plan_edits.set_keyframes(self.ws.plan, box_id, [key]))

    def follow(self) -> None:
        """Propagate the selected manual box from the playhead (appearance tracker)."""
        session = self.ws.session
        if self.ws.selected is None or self.ws.selected[0] != "manual" or session is None:
            self.ws.failed.emit(self.tr("Select a manual box to follow."))
            return
        box_id, frame = self.ws.selected[1], self.ws.player.current_index
        manual = next((m for m in self.ws.plan.manual_boxes if m.id == box_id), None)
        box = manual.box_at(frame) if manual is not None else None
        if box is None:
            self.ws.failed.emit(self.tr("The selected box is not on this frame."))
            return
        path = Path(session.footage.original_path)
        frames = round(FOLLOW_SECONDS * (session.footage.fps or 25.0))
        job = self.ws.jobs.side_job(lambda progress, cancel: follow_box(
            path, frame, box, frames, progress=progress, cancel=cancel))
        job.finished.connect(lambda keys: self._on_followed(session, box_id, keys))
        job.failed.connect(lambda message, _d: self.ws.failed.emit(message))
        self.ws.controls.status.setText(self.tr("Following box {0}…").format(box_id))
        job.start(job_pool())

    def _on_followed(self, session: RedactionSession, box_id: int,
                     keys: list[Keyframe]) -> None:
        if session is not self.ws.session:  # other footage is open now: never apply it there
            return
        self.ws.controls.status.setText(self.tr("Box {0} followed to frame {1}; check it."
                                             ).format(box_id, keys[-1].frame))
        self._try(lambda: plan_edits.set_keyframes(self.ws.plan, box_id, keys))

    def next_warning(self) -> None:
        """Jump to the next review range not yet marked reviewed (wraps around)."""
        session = self.ws.session
        found = session.next_review(self.ws.player.current_index) if session else None
        if found is None:
            self.ws.controls.status.setText(self.tr("No review ranges left to check."))
            return
        self.go_to_review(found)

    def why(self, item: ReviewRange) -> str:
        """Why a range is listed, in words; a grouped item names its people."""
        if not item.also:
            return self._why_one(item)
        people = item.people
        listed = ", ".join(str(t) for t in people)
        if item.reason.value == "track_started":
            return self.tr("{0} faces appeared away from the picture edge (people {1})"
                           ).format(len(people), listed)
        if item.reason.value == "track_ended":
            return self.tr("{0} faces vanished away from the picture edge (people {1})"
                           ).format(len(people), listed)
        if item.reason.value == "camera_fast":
            return self.tr("{0}; people lost or found while it swings: {1}").format(
                self._why_one(item), listed)
        return self.tr("{0}; people lost or found at its ends: {1}").format(
            self._why_one(item), listed)

    def _why_one(self, item: ReviewRange) -> str:
        return {"faces_lost": self.tr("faces lost right after frames with faces"),
                "track_ended": self.tr("a face vanished away from the picture edge"),
                "track_started": self.tr("a face appeared away from the picture edge"),
                "no_faces": self.tr("no face found in this stretch"),
                "camera_fast": self.tr("the camera swings fast here: faces may be blurred "
                                       "or their boxes behind"),
                "found_again": self.tr(
                    "person {0}, kept visible, was lost here and found again near where "
                    "they were last seen (the last frame): is it the same person? R if it "
                    "is; if not, Split here: cut where they were found again, the rest "
                    "redacted").format(item.track_id),
                "same_person": self.tr(
                    "person {0} was lost and person {1} found beside them: the same "
                    "person? S merges them and covers the frames between; R if they are "
                    "not").format(item.track_id, item.other_track)}.get(
            item.reason.value, item.reason.value)

    def go_to_review(self, item: ReviewRange) -> None:
        """Show a review range's first frame and say why it is there; for a "same person?"
        range both tracks are selected, so S (Merge) answers it (never a grouped item's
        people: they are different faces, and S would merge them)."""
        self.last_warning = item
        self.ws.player.show_frame(item.start_frame)
        if item.reason.value == "found_again" and item.track_id is not None:
            self.ws.tracks_panel.select_keys([("track", item.track_id)])  # for Split here
        if item.other_track is not None and item.track_id is not None:
            self.ws.tracks_panel.select_keys([("track", item.track_id),
                                              ("track", item.other_track)])
        self.ws.controls.status.setText(self.tr("Review frames {0}-{1}: {2}. {3} left.").format(
            item.start_frame, item.end_frame, self.why(item), len(self.ws.unreviewed())))

    def mark_reviewed(self) -> None:
        here, last = self.ws.player.current_index, self.last_warning
        target = last if last is not None and last.start_frame <= here <= last.end_frame \
            else self.ws.session.review_at(here) if self.ws.session else None
        if target is None:
            self.ws.controls.status.setText(self.tr("No review range at the playhead."))
            return
        self.last_warning = None
        plan, text = plan_edits.mark_reviewed(self.ws.plan, target.start_frame, target.end_frame,
                                              parts=target.parts, risks=target.risks())
        self.ws.apply_edit(plan, text)

    def mute_selection(self) -> None:
        selected = self.ws.lanes.range
        if selected is None:
            self.ws.failed.emit(self.tr("Drag on the lanes under the video to select the time "
                                     "range to mute."))
            return
        t0 = self.ws._t0()
        reason = self.take_reason() or ""
        self._try(lambda: plan_edits.add_mute(self.ws.plan, selected[0] + t0, selected[1] + t0,
                                              reason), reason)
        self.ws.lanes.range = None

    def unmute_selected(self) -> None:
        selected = self.ws.lanes.selected_mute
        if selected is not None:
            self._try(lambda: plan_edits.remove_mute(self.ws.plan, selected))

    def clip_to_selection(self) -> None:
        """Export only the selected range; with no selection, the whole footage again."""
        selected, t0 = self.ws.lanes.range, self.ws._t0()
        if selected is None:
            if self.ws.plan.clip is not None:
                self._try(lambda: plan_edits.set_clip(self.ws.plan, None))
            return
        self._try(lambda: plan_edits.set_clip(self.ws.plan, selected[0] + t0, selected[1] + t0))
        self.ws.lanes.range = None
