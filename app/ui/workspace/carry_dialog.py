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
from app.core.redaction.carry_over import CarriedDecision, CarryOver
from app.core.redaction.plan_edits import TrackAction
from app.ui.workers import run_op

if TYPE_CHECKING:
    from app.ui.workspace.workspace import RedactionWorkspace

WEAK = QColor("#fff1c2")  # a decision to look at: weak match, or no track found


class CarryOverDialog(QDialog):
    """One row per decision of the old plan: where it would go and how well it matched.
    Sure matches are ticked; a weak or missing one is not, and is shaded."""

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
        self.table = QTableWidget(len(carry.decisions), 4, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Decision"), self.tr("Before"), self.tr("On this run"), self.tr("Match")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setIconSize(QPixmap(40, 40).size())
        for row, decision in enumerate(carry.decisions):
            self._fill(row, decision, time_of, thumbnails)
        layout.addWidget(self.table, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Carry over"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(720, 360)

    def _fill(self, row: int, d: CarriedDecision, time_of: Callable[[int], float],
              thumbnails: dict[int, bytes]) -> None:
        what = self.tr("Keep visible") if d.action is TrackAction.KEEP else \
            self.tr("Not a face")
        first = QTableWidgetItem(what + (f" ({d.reason})" if d.reason else ""))
        first.setData(Qt.ItemDataRole.UserRole, d.old_track)
        flags = Qt.ItemFlag.ItemIsEnabled
        if d.new_tracks:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        first.setFlags(flags)
        first.setCheckState(Qt.CheckState.Checked if d.sure else Qt.CheckState.Unchecked)
        start, end = (format_time(time_of(f))[:-4] for f in d.old_frames)
        before = QTableWidgetItem(self.tr("person {0}, {1} – {2}").format(
            d.old_track, start, end))
        if d.new_tracks:
            now = QTableWidgetItem(self.tr("%n person(s): {0}", "", len(d.new_tracks)).format(
                ", ".join(str(t) for t in d.new_tracks)))
            pixmap = QPixmap()
            if d.new_tracks[0] in thumbnails and pixmap.loadFromData(
                    thumbnails[d.new_tracks[0]]):
                now.setIcon(QIcon(pixmap))
            match = QTableWidgetItem(self.tr("{0} % of its frames").format(
                round(100 * d.share)))
        else:
            now = QTableWidgetItem(self.tr("not found: stays redacted"))
            match = QTableWidgetItem("–")
        cells = (first, before, now, match)
        for col, cell in enumerate(cells):
            if col:
                cell.setFlags(Qt.ItemFlag.ItemIsEnabled)
            if not d.sure:
                cell.setBackground(QBrush(WEAK))
                cell.setToolTip(self.tr("Look at this person before carrying the decision: "
                                        "the match is weak or missing."))
            self.table.setItem(row, col, cell)

    def accepted_tracks(self) -> set[int]:
        """The old tracks whose decisions are ticked."""
        out = set()
        for row in range(self.table.rowCount()):
            cell = self.table.item(row, 0)
            if cell is not None and cell.checkState() == Qt.CheckState.Checked:
                out.add(int(cell.data(Qt.ItemDataRole.UserRole)))
        return out


def offer(ws: RedactionWorkspace) -> None:
    """Match the plan's decisions to the run shown (in a worker), then ask in the dialog
    (``ws.carry_dialog`` while it is open); nothing changes unless it is confirmed."""
    session = ws.session
    if session is None or not session.run_mismatch() or ws.carry_dialog is not None:
        return
    store = ws.store

    def done(carry: CarryOver) -> None:
        if ws.session is not session or not session.run_mismatch():
            return
        dialog = CarryOverDialog(carry, ws.time_of, dict(ws.jobs.thumbnails), ws)
        ws.carry_dialog = dialog

        def finished(result: int) -> None:
            ws.carry_dialog = None
            dialog.deleteLater()
            if result == QDialog.DialogCode.Accepted and ws.session is session \
                    and session.run_mismatch():
                ws.push_run_change(*session.carried(carry, dialog.accepted_tracks()))

        dialog.finished.connect(finished)
        dialog.open()

    run_op(ws, lambda: session.carry_over(store), done,
           lambda message: ws.failed.emit(message))
