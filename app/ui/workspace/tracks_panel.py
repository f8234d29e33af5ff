"""One row per person-track (and per manual box): thumbnail, what happens to it, its name with
its span and frames below it (at 1366 px the panel is narrow: no sideways scroll to see when
someone is in the footage), the reason.

"Redact" is on by default; "Keep visible" is for the requester or an officer; a track with
neither is dismissed as not a face. The panel only reports choices; the workspace turns them
into undoable, audited plan edits.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app.core.media.timecode import format_clock, format_time
from app.core.redaction.head_owners import people_first
from app.core.redaction.plan import RedactionPlan
from app.core.redaction.plan_edits import TrackAction, head_left_visible, track_action
from app.core.tracking.tracker import HEAD, TEXT, Track

COL_THUMB, COL_NAME, COL_REDACT, COL_KEEP, COL_REASON = range(5)
Key = tuple[str, int]
SPAN_ROLE = Qt.ItemDataRole.UserRole + 1  # the name cell's second line: when, how long
AnyIndex = QModelIndex | QPersistentModelIndex


def _smaller(font: QFont) -> QFont:
    """``font`` at 0.85 of its size, whether it is set in points or in pixels."""
    small = QFont(font)
    if small.pointSizeF() > 0:
        small.setPointSizeF(small.pointSizeF() * 0.85)
    elif small.pixelSize() > 0:
        small.setPixelSize(max(round(small.pixelSize() * 0.85), 8))
    return small


class NameDelegate(QStyledItemDelegate):
    """The name, and below it (smaller, dimmed) its span and frames (``SPAN_ROLE``)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        name, span = opt.text, str(index.data(SPAN_ROLE) or "")
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect = opt.rect.adjusted(4, 2, -4, -2)
        half = rect.height() // 2
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        brush = index.data(Qt.ItemDataRole.ForegroundRole)  # a dismissed row is greyed
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(opt.palette.highlightedText().color() if selected else
                       brush.color() if brush is not None else opt.palette.text().color())
        align = Qt.AlignmentFlag.AlignLeft
        painter.drawText(rect.adjusted(0, 0, 0, -half), align | Qt.AlignmentFlag.AlignBottom,
                         opt.fontMetrics.elidedText(name, Qt.TextElideMode.ElideRight,
                                                    rect.width()))
        painter.setFont(_smaller(opt.font))
        if not selected:
            painter.setPen(opt.palette.placeholderText().color())
        painter.drawText(rect.adjusted(0, half, 0, 0), align | Qt.AlignmentFlag.AlignTop, span)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        size = super().sizeHint(option, index)
        span = QFontMetrics(_smaller(option.font)).horizontalAdvance(
            str(index.data(SPAN_ROLE) or ""))
        return QSize(max(size.width(), span + 12), size.height())


class TracksPanel(QTableWidget):
    action_changed = Signal(int, str)  # track id, TrackAction value
    selected = Signal(object)  # Key or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.setHorizontalHeaderLabels([
            "", self.tr("Track"), self.tr("Redact"), self.tr("Keep\nvisible"), self.tr("Reason")])
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
        self.name_delegate = NameDelegate(self)
        self.setItemDelegateForColumn(COL_NAME, self.name_delegate)
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
            row = self._add_row(("track", track.id), name.format(track.id, owners.get(track.id)),
                                self._span(time_of, track.first_frame, track.last_frame))
            pixmap = QPixmap()
            if track.id in thumbnails and pixmap.loadFromData(thumbnails[track.id]):
                self._cell(row, COL_THUMB).setIcon(QIcon(pixmap))
            left = head_left_visible(plan, track)  # heads not hidden by the plan's options
            self._check(row, COL_REDACT, action is TrackAction.REDACT and not left, not left)
            self._check(row, COL_KEEP, action is TrackAction.KEEP, True)
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
            first, last = box.keyframes[0].frame, box.keyframes[-1].frame
            row = self._add_row(("manual", box.id), self.tr("Manual {0}").format(box.id)
                                + (f" ({box.label})" if box.label else ""),
                                self._span(time_of, first, last, len(box.keyframes)))
            self._cell(row, COL_THUMB).setIcon(QIcon(_swatch("#ff9f1a")))
            self._check(row, COL_REDACT, True, False)
            self._check(row, COL_KEEP, False, False)
            self._text(row, COL_REASON, plan.reason_for(f"manual:{box.id}"))
        for row, key in enumerate(self.keys):
            if key in before:
                self.selectRow(row)
        self._filling = False
        if before and not before & set(self.keys):  # the selected row is gone (undo ...)
            self.selected.emit(None)

    def _span(self, time_of: Callable[[int], float], first: int, last: int,
              keyframes: int = 0) -> tuple[str, str]:
        """When a row's track or box is in the footage (MM:SS, as short as the panel is
        narrow), and that with its frames in full (the tooltip)."""
        start, end = time_of(first), time_of(last)
        hours = end >= 3600
        frames = (self.tr("%n frame(s)", "", last - first + 1) if not keyframes else
                  self.tr("{0} frames, {1} keyframes").format(last - first + 1, keyframes))
        return (f"{format_clock(start, hours=hours)} – {format_clock(end, hours=hours)}",
                f"{format_time(start)} – {format_time(end)}, {frames}")

    def _add_row(self, key: Key, name: str, span: tuple[str, str]) -> int:
        """A row named ``name`` (the cell's text), ``span`` below it (short, and in full in
        the tooltip)."""
        row = self.rowCount()
        self.insertRow(row)
        self.keys.append(key)
        self.setItem(row, COL_THUMB, QTableWidgetItem())
        item = QTableWidgetItem(name)
        item.setData(SPAN_ROLE, span[0])
        item.setToolTip(f"{name}\n{span[1]}")
        self.setItem(row, COL_NAME, item)
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
