"""The timeline under the video: duration, playhead, zoom, and flags as markers or ranges.

It only draws and reports gestures (seek, activate, delete, move); the window turns them
into core operations.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QWheelEvent,
)
from PySide6.QtWidgets import QToolTip, QWidget

from app.core.media.timecode import format_time, ruler_ticks
from app.core.store.models import FlagCategory
from app.core.views.records import FlagRecord
from app.ui.flag_dialog import category_name

CATEGORY_COLOURS = {
    FlagCategory.EVIDENCE: "#d62728",
    FlagCategory.USE_OF_FORCE: "#ff7f0e",
    FlagCategory.DISCLOSURE_CANDIDATE: "#2ca02c",
    FlagCategory.SENSITIVE_MINOR: "#9467bd",
    FlagCategory.SENSITIVE_MEDICAL: "#8c564b",
    FlagCategory.SENSITIVE_HOME_INTERIOR: "#e377c2",
    FlagCategory.REVIEW: "#1f77b4",
    FlagCategory.CUSTOM: "#7f7f7f",
}
RULER_H = 18
THUMB_H = 40
FLAG_H = 16


class Timeline(QWidget):
    seek_requested = Signal(float)  # seconds from the start
    flag_activated = Signal(int)  # double-click: edit
    delete_requested = Signal(int)
    selection_changed = Signal(object)  # flag id or None
    flag_moved = Signal(int, float, object)  # id, new start, new end (None for a point)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.duration = 0.0
        self.position = 0.0
        self.view_start = 0.0
        self.view_end = 0.0
        self.flags: list[FlagRecord] = []
        self.selected: int | None = None
        self.range: tuple[float, float] | None = None  # Shift+drag selection
        self._dragging = False
        self._range_anchor: float | None = None
        self._moving: tuple[FlagRecord, str, float] | None = None  # flag, "move"/"end", grab
        self._preview: tuple[float, float | None] | None = None
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.thumbnails: list[tuple[float, QImage]] = []
        self.setMinimumHeight(RULER_H + THUMB_H + 3 * FLAG_H + 10)

    def sizeHint(self) -> QSize:
        return QSize(640, RULER_H + THUMB_H + 3 * FLAG_H + 10)

    def set_thumbnails(self, thumbnails: list[tuple[float, QImage]]) -> None:
        self.thumbnails = thumbnails
        self.update()

    # --- model ---------------------------------------------------------------------------

    def set_duration(self, seconds: float) -> None:
        self.duration = max(seconds, 0.001)
        self.view_start, self.view_end = 0.0, self.duration
        self.update()

    def set_position(self, seconds: float) -> None:
        self.position = seconds
        if not self.view_start <= seconds <= self.view_end:  # keep the playhead in view
            span = self.view_end - self.view_start
            self.view_start = max(0.0, min(self.duration - span, seconds - span / 2))
            self.view_end = self.view_start + span
        self.update()

    def set_flags(self, flags: list[FlagRecord]) -> None:
        self.flags = sorted(flags, key=lambda f: f.start_time_s)
        if self.selected not in {f.id for f in self.flags}:
            self.selected = None
        self.update()

    # --- geometry ------------------------------------------------------------------------

    def x_of(self, seconds: float) -> float:
        span = max(self.view_end - self.view_start, 1e-6)
        return (seconds - self.view_start) / span * self.width()

    def time_at(self, x: float) -> float:
        span = self.view_end - self.view_start
        return max(0.0, min(self.duration, self.view_start + x / max(self.width(), 1) * span))

    def flag_rect(self, flag: FlagRecord) -> QRectF:
        lane = list(FlagCategory).index(flag.category) % 3
        y = RULER_H + THUMB_H + 6 + lane * FLAG_H
        x1 = self.x_of(flag.start_time_s)
        if flag.end_time_s is None:
            return QRectF(x1 - 4, y, 8, FLAG_H - 2)
        return QRectF(x1, y, max(4.0, self.x_of(flag.end_time_s) - x1), FLAG_H - 2)

    def flag_at(self, point: QPointF) -> FlagRecord | None:
        for flag in reversed(self.flags):
            if self.flag_rect(flag).adjusted(-2, -2, 2, 2).contains(point):
                return flag
        return None

    # --- painting ------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), self.palette().base())
        p.fillRect(0, 0, self.width(), RULER_H, self.palette().alternateBase())
        if self.duration > 0:
            self._paint_ruler(p)
            self._paint_thumbnails(p)
            if self.range is not None:
                x1, x2 = self.x_of(self.range[0]), self.x_of(self.range[1])
                p.fillRect(QRectF(x1, RULER_H, x2 - x1, self.height() - RULER_H),
                           QColor(30, 120, 220, 60))
            for flag in self.flags:
                colour = QColor(CATEGORY_COLOURS.get(flag.category, "#7f7f7f"))
                shown = flag
                if self._moving is not None and self._preview is not None \
                        and self._moving[0].id == flag.id:
                    shown = replace(flag, start_time_s=self._preview[0],
                                    end_time_s=self._preview[1])
                rect = self.flag_rect(shown)
                p.setPen(QPen(self.palette().highlight().color(), 2) if flag.id == self.selected
                         else Qt.PenStyle.NoPen)
                p.setBrush(colour)
                p.drawRoundedRect(rect, 3, 3)
            x = self.x_of(self.position)
            p.setPen(QPen(QColor("#e00000"), 2))
            p.drawLine(QPointF(x, 0), QPointF(x, self.height()))
        p.end()

    def _paint_thumbnails(self, p: QPainter) -> None:
        """Each picture fills its slot of time, centred and cropped, at the strip's height."""
        if not self.thumbnails:
            return
        span = self.duration / len(self.thumbnails)
        for t, image in self.thumbnails:
            x1, x2 = self.x_of(t - span / 2), self.x_of(t + span / 2)
            if x2 < 0 or x1 > self.width() or image.isNull():
                continue
            width = image.width() * THUMB_H / max(image.height(), 1)
            centre = (x1 + x2) / 2
            p.save()
            p.setClipRect(QRectF(x1, RULER_H + 2, x2 - x1, THUMB_H))
            p.drawImage(QRectF(centre - width / 2, RULER_H + 2, width, THUMB_H), image)
            p.restore()

    def ruler_ticks(self) -> list[tuple[float, str]]:
        """(time, label) of each tick in view, spaced so labels neither overlap nor repeat."""
        metrics = self.fontMetrics()
        return ruler_ticks(self.view_start, self.view_end, self.width(),
                           lambda text: metrics.horizontalAdvance(text))

    def _paint_ruler(self, p: QPainter) -> None:
        p.setPen(self.palette().text().color())
        for t, label in self.ruler_ticks():
            x = self.x_of(t)
            p.drawLine(QPointF(x, RULER_H - 5), QPointF(x, RULER_H))
            p.drawText(QPointF(x + 2, RULER_H - 6), label)

    # --- gestures ------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        flag = self.flag_at(event.position())
        t = self.time_at(event.position().x())
        if flag is not None:
            self.selected = flag.id
            self.selection_changed.emit(flag.id)
            self.seek_requested.emit(flag.start_time_s)
            rect = self.flag_rect(flag)
            near_end = flag.end_time_s is not None and event.position().x() >= rect.right() - 5
            self._moving = (flag, "end" if near_end else "move", t)
        elif event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self._range_anchor = t
            self.range = (t, t)
        else:
            self.range = None
            self._dragging = True
            self.seek_requested.emit(t)
        self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        t = self.time_at(event.position().x())
        if self._dragging:
            self.seek_requested.emit(t)
            return
        if self._range_anchor is not None:
            self.range = (min(self._range_anchor, t), max(self._range_anchor, t))
            self.update()
            return
        if self._moving is not None:
            flag, mode, grabbed = self._moving
            if mode == "end" and flag.end_time_s is not None:
                self._preview = (flag.start_time_s, max(flag.start_time_s, t))
            else:
                shift = t - grabbed
                length = (flag.end_time_s - flag.start_time_s) if flag.end_time_s else 0.0
                start = max(0.0, min(self.duration - length, flag.start_time_s + shift))
                self._preview = (start, start + length if flag.end_time_s is not None else None)
            self.update()
            return
        hovered = self.flag_at(event.position())
        if hovered is not None:
            label = hovered.label or category_name(hovered.category)
            when = format_time(hovered.start_time_s) + (
                f" – {format_time(hovered.end_time_s)}" if hovered.end_time_s is not None
                else "")
            QToolTip.showText(event.globalPosition().toPoint(), f"{label}\n{when}", self)
        else:
            QToolTip.hideText()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._dragging = False
        self._range_anchor = None
        if self.range is not None and self.range[1] - self.range[0] < 0.05:
            self.range = None  # a click, not a selection
        if self._moving is not None and self._preview is not None:
            flag = self._moving[0]
            start, end = self._preview
            if (start, end) != (flag.start_time_s, flag.end_time_s):
                self.flag_moved.emit(flag.id, start, end)
        self._moving = None
        self._preview = None
        self.update()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        flag = self.flag_at(event.position())
        if flag is not None:
            self.flag_activated.emit(flag.id)

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Zoom around the pointer (shift + wheel scrolls)."""
        if self.duration <= 0:
            return
        steps = event.angleDelta().y() / 120
        span = self.view_end - self.view_start
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            shift = -steps * span * 0.1
            start = max(0.0, min(self.duration - span, self.view_start + shift))
        else:
            anchor = self.time_at(event.position().x())
            new_span = max(0.5, min(self.duration, span * (0.8 ** steps)))
            ratio = (anchor - self.view_start) / span if span else 0.5
            start = max(0.0, min(self.duration - new_span, anchor - ratio * new_span))
            span = new_span
        self.view_start, self.view_end = start, start + span
        self.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.selected:
            self.delete_requested.emit(self.selected)
            return
        super().keyPressEvent(event)
