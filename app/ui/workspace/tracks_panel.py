"""One row per person-track (and per manual box): thumbnail, span, frames, what happens to it.

"Redact" is on by default; "Keep visible" is for the requester or an officer; a track with
neither is dismissed as not a face. The panel only reports choices; the workspace turns them
into undoable, audited plan edits.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app.core.media.timecode import format_time
from app.core.redaction.head_owners import people_first
from app.core.redaction.plan import RedactionPlan
from app.core.redaction.plan_edits import TrackAction, head_left_visible, track_action
from app.core.tracking.tracker import HEAD, TEXT, Track

COL_THUMB, COL_NAME, COL_REDACT, COL_KEEP, COL_TIME, COL_FRAMES, COL_REASON = range(7)
Key = tuple[str, int]


class TracksPanel(QTableWidget):
    action_changed = Signal(int, str)  # track id, TrackAction value
    selected = Signal(object)  # Key or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 7, parent)
        self.setHorizontalHeaderLabels([
            "", self.tr("Track"), self.tr("Redact"), self.tr("Keep visible"), self.tr("Time"),
            self.tr("Frames"), self.tr("Reason")])
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(52)
        self.setIconSize(QPixmap(48, 48).size())
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        # the two choices next to the face, before its name: at 1366 px the panel is narrow,
        # and what a person decides must not need a sideways scroll to reach
        header.moveSection(COL_REDACT, COL_NAME)
        header.moveSection(COL_KEEP, COL_NAME + 1)
        self.keys: list[Key] = []
        self._filling = False
        self.itemChanged.connect(self._item_changed)
        self.itemSelectionChanged.connect(self._selection_changed)

    def set_rows(self, tracks: list[Track], plan: RedactionPlan,
                 time_of: Callable[[int], float], thumbnails: dict[int, bytes],
                 owners: dict[int, int] | None = None) -> None:
        """Fill the table; the selection is kept where the same rows remain. ``owners``:
        head track -> the face track of the same person, whose row it follows."""
        before = set(self.selected_keys())
        self._filling = True
        self.setRowCount(0)
        self.keys = []
        owners = owners or {}
        for track in people_first(tracks, owners):
            action = track_action(plan, track.id)
            name = self.tr("Text {0}") if track.category == TEXT else \
                self.tr("Person {1} (head {0})") if track.id in owners else \
                self.tr("Person {0} (head)") if track.category == HEAD else \
                self.tr("Person {0}")
            row = self._add_row(("track", track.id), name.format(track.id, owners.get(track.id)))
            pixmap = QPixmap()
            if track.id in thumbnails and pixmap.loadFromData(thumbnails[track.id]):
                self._cell(row, COL_THUMB).setIcon(QIcon(pixmap))
            left = head_left_visible(plan, track)  # heads not hidden by the plan's options
            self._check(row, COL_REDACT, action is TrackAction.REDACT and not left, not left)
            self._check(row, COL_KEEP, action is TrackAction.KEEP, True)
            self._text(row, COL_TIME, f"{format_time(time_of(track.first_frame))[:-4]} – "
                       f"{format_time(time_of(track.last_frame))[:-4]}")
            self._text(row, COL_FRAMES, str(track.last_frame - track.first_frame + 1))
            reason = plan.reason_for(f"track:{track.id}")
            dismissed = self.tr("not identifying") if track.category == TEXT \
                else self.tr("not a person") if track.category == HEAD \
                else self.tr("not a face")
            self._text(row, COL_REASON, self.tr("left visible: heads are not hidden in this "
                                                "plan (export options)") if left else
                       dismissed if action is TrackAction.NOT_A_FACE and not reason else reason)
            if action is TrackAction.NOT_A_FACE or left:
                for col in range(self.columnCount()):
                    self._cell(row, col).setForeground(QBrush(QColor("#888888")))
        for box in plan.manual_boxes:
            row = self._add_row(("manual", box.id), self.tr("Manual {0}").format(box.id)
                                + (f" ({box.label})" if box.label else ""))
            self._cell(row, COL_THUMB).setIcon(QIcon(_swatch("#ff9f1a")))
            self._check(row, COL_REDACT, True, False)
            self._check(row, COL_KEEP, False, False)
            first, last = box.keyframes[0].frame, box.keyframes[-1].frame
            self._text(row, COL_TIME, f"{format_time(time_of(first))[:-4]} – "
                       f"{format_time(time_of(last))[:-4]}")
            self._text(row, COL_FRAMES, self.tr("{0} ({1} keyframes)").format(
                last - first + 1, len(box.keyframes)))
            self._text(row, COL_REASON, plan.reason_for(f"manual:{box.id}"))
        for row, key in enumerate(self.keys):
            if key in before:
                self.selectRow(row)
        self._filling = False
        if before and not before & set(self.keys):  # the selected row is gone (undo ...)
            self.selected.emit(None)

    def _add_row(self, key: Key, name: str) -> int:
        row = self.rowCount()
        self.insertRow(row)
        self.keys.append(key)
        self.setItem(row, COL_THUMB, QTableWidgetItem())
        self._text(row, COL_NAME, name)
        return row

    def _cell(self, row: int, col: int) -> QTableWidgetItem:
        item = self.item(row, col)
        assert item is not None
        return item

    def _text(self, row: int, col: int, text: str) -> None:
        self.setItem(row, col, QTableWidgetItem(text))

    def _check(self, row: int, col: int, on: bool, enabled: bool) -> None:
        item = QTableWidgetItem()
        flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
        item.setFlags(flags | Qt.ItemFlag.ItemIsEnabled if enabled else flags)
        item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.setItem(row, col, item)

    def row_of(self, key: Key) -> int:
        return self.keys.index(key) if key in self.keys else -1

    def selected_keys(self) -> list[Key]:
        rows = sorted({i.row() for i in self.selectedIndexes()})
        return [self.keys[r] for r in rows if r < len(self.keys)]

    def select_key(self, key: Key | None) -> None:
        row = self.row_of(key) if key is not None else -1
        if row >= 0:
            self.selectRow(row)
        else:
            self.clearSelection()

    def select_keys(self, keys: list[Key]) -> None:
        """Select exactly these rows (those shown)."""
        self.clearSelection()
        mode = self.selectionMode()
        self.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        for key in keys:
            row = self.row_of(key)
            if row >= 0:
                self.selectRow(row)
        self.setSelectionMode(mode)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() not in (COL_REDACT, COL_KEEP):
            return
        kind, track_id = self.keys[item.row()]
        if kind != "track":
            return
        on = item.checkState() == Qt.CheckState.Checked
        if item.column() == COL_KEEP:
            action = TrackAction.KEEP if on else TrackAction.REDACT
        else:
            action = TrackAction.REDACT if on else TrackAction.NOT_A_FACE
        self.action_changed.emit(track_id, action.value)

    def _selection_changed(self) -> None:
        if not self._filling:
            keys = self.selected_keys()
            self.selected.emit(keys[0] if len(keys) == 1 else None)


def _swatch(colour: str) -> QPixmap:
    image = QImage(48, 48, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    return QPixmap.fromImage(image)
