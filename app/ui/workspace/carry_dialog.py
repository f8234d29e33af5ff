"""Carrying the plan's decisions about people to the detection run shown (another preset,
stride or model): the match is made by the core (``app.core.redaction.carry_over``) in a
worker, and a person confirms it here, decision by decision, in one dialog."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.media.timecode import format_time
from app.core.redaction.carry_over import CarriedDecision, CarryOver, carry_over
from app.core.redaction.plan_edits import TrackAction
from app.core.tracking.edits import EditOp
from app.ui.workers import run_op

if TYPE_CHECKING:
    from app.ui.workspace.workspace import RedactionWorkspace

WEAK = QColor("#fff1c2")  # a decision to look at: weak match, or no track found


class CarryOverDialog(QDialog):
    """One row per decision of the old plan and each new track it would go to, with how
    well that track matched. Sure matches are ticked; a weak or missing one is not, and is
    shaded."""

    def __init__(self, carry: CarryOver, time_of: Callable[[int], float],
                 thumbnails: dict[int, bytes], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Carry decisions to this detection run"))
        self.carry = carry
        intro = QLabel(self.tr(
            "This plan was made on another detection run (another preset, stride or model), "
            "where the same track number can be another person. Its decisions have been "
            "matched to the people of this run by where and when they appear. Ticked "
            "decisions are carried over; an unticked one leaves those people redacted. "
            "Review ranges checked before must be checked again."), self)
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        if carry.merges:
            merges = QLabel(self.tr("%n merge(s) of tracks that are one person are carried "
                                    "too.", "", carry.merges), self)
            layout.addWidget(merges)
        rows = [(d, t) for d in carry.decisions for t in (d.new_tracks or (None,))]
        self.table = QTableWidget(len(rows), 4, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Decision"), self.tr("Before"), self.tr("On this run"), self.tr("Match")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setIconSize(QPixmap(40, 40).size())
        for row, (decision, track_id) in enumerate(rows):
            self._fill(row, decision, track_id, time_of, thumbnails)
        layout.addWidget(self.table, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Carry over"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(720, 360)

    def _fill(self, row: int, d: CarriedDecision, track_id: int | None,
              time_of: Callable[[int], float], thumbnails: dict[int, bytes]) -> None:
        """One row: a decision and one new track it would go to (None: no track found)."""
        what = {TrackAction.KEEP: self.tr("Keep visible"),
                TrackAction.NOT_A_FACE: self.tr("Not a face")}.get(
            d.action, self.tr("Redact (the reason)"))  # a redacted person's reason carried
        first = QTableWidgetItem(what + (f" ({d.reason})" if d.reason else ""))
        first.setData(Qt.ItemDataRole.UserRole, (d.old_track, track_id))
        sure = track_id is not None and d.sure(track_id)
        flags = Qt.ItemFlag.ItemIsEnabled
        if track_id is not None:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
            first.setCheckState(Qt.CheckState.Checked if sure else Qt.CheckState.Unchecked)
        first.setFlags(flags)
        start, end = (format_time(time_of(f))[:-4] for f in d.old_frames)
        before = QTableWidgetItem(self.tr("person {0}, {1} – {2}").format(
            d.old_track, start, end))
        if track_id is not None:
            now = QTableWidgetItem(self.tr("person {0}").format(track_id))
            pixmap = QPixmap()
            if track_id in thumbnails and pixmap.loadFromData(thumbnails[track_id]):
                now.setIcon(QIcon(pixmap))
            share = d.shares[d.new_tracks.index(track_id)]
            match = QTableWidgetItem(self.tr("{0} % of its frames").format(round(100 * share))
                                     if d.shots <= 1 else self.tr(
                "{0} % of its frames; in {1} shots").format(round(100 * share), d.shots))
        else:
            now = QTableWidgetItem(self.tr("not found: stays redacted"))
            match = QTableWidgetItem("–")
        for col, cell in enumerate((first, before, now, match)):
            if col:
                cell.setFlags(Qt.ItemFlag.ItemIsEnabled)
            if not sure:
                cell.setBackground(QBrush(WEAK))
                cell.setToolTip(self.tr(
                    "Look at this person before carrying the decision: the match is weak "
                    "or missing.") if d.shots <= 1 else self.tr(
                    "Look at this person before carrying the decision: the person decided "
                    "about is matched in {0} shots of this edited clip, and on one side of "
                    "a cut it may be someone else.").format(d.shots))
            self.table.setItem(row, col, cell)

    def accepted_pairs(self) -> set[tuple[int, int]]:
        """The (old track, new track) pairs ticked."""
        out = set()
        for row in range(self.table.rowCount()):
            cell = self.table.item(row, 0)
            if cell is not None and cell.checkState() == Qt.CheckState.Checked:
                old, new = cell.data(Qt.ItemDataRole.UserRole)
                if new is not None:
                    out.add((int(old), int(new)))
        return out


def offer(ws: RedactionWorkspace) -> None:
    """Match the plan's decisions to the run shown (in a worker), then ask in the dialog
    (``ws.carry_dialog`` while it is open); nothing changes unless it is confirmed, and
    nothing is asked about a plan or run no longer shown."""
    session = ws.session
    if session is None or session.analysis is None or not session.run_mismatch() \
            or ws.carry_dialog is not None or ws.carry_pending:
        return
    store, plan, analysis = ws.store, session.plan, session.analysis

    def current() -> bool:
        return ws.session is session and session.analysis is analysis \
            and session.plan is plan and session.run_mismatch()

    def done(carry: CarryOver) -> None:
        ws.carry_pending = False
        if not current():
            offer(ws)  # for the plan and run shown now, if they still differ
            return
        split = {e.tracks[0] for e in carry.edits if e.op is EditOp.SPLIT}
        thumbnails = {i: jpeg for i, jpeg in ws.jobs.thumbnails.items() if i not in split}
        dialog = CarryOverDialog(carry, ws.time_of, thumbnails, ws)  # no picture of a
        ws.carry_dialog = dialog  # track the carry cuts: it may show the other person

        def finished(result: int) -> None:
            ws.carry_dialog = None
            dialog.deleteLater()
            if result == QDialog.DialogCode.Accepted and current():
                ws.push_run_change(*session.carried(carry, dialog.accepted_pairs()))

        dialog.finished.connect(finished)
        dialog.open()

    def failed(message: str) -> None:
        ws.carry_pending = False
        if current():
            ws.failed.emit(message)
        else:
            offer(ws)

    ws.carry_pending = True
    run_op(ws, lambda: carry_over(store, plan, analysis), done, failed)
