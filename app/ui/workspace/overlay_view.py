"""The video with the workspace's boxes drawn over it, or the redacted preview.

Boxes arrive in upright image pixels; the view scales them with the picture. In draw mode a
drag draws a new box; otherwise a drag on a manual box moves it (or resizes it from its
bottom-right corner) and a click selects what is under the pointer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from app.ui.player.video_view import VideoView

HANDLE = 10  # px on screen: the resize corner of a manual box


@dataclass(frozen=True)
class OverlayItem:
    key: tuple[str, int]  # ("track", id) or ("manual", id)
    rect: QRectF  # upright image pixels
    colour: str
    label: str
    dashed: bool = False
    selected: bool = False


class OverlayView(VideoView):
    box_drawn = Signal(QRectF)  # a new box, image pixels
    box_changed = Signal(int, QRectF)  # manual box id, its new rect on this frame
    item_clicked = Signal(object)  # OverlayItem.key, or None
    item_menu = Signal(object, QPoint)  # OverlayItem.key right-clicked, where (global)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[OverlayItem] = []
        self.preview: Callable[[QImage], QImage] | None = None
        self.draw_mode = False
        self._cache: tuple[int, int, QImage] | None = None
        self.preview_version = 0
        self._drag: tuple[str, OverlayItem | None, QPointF] | None = None
        self._rubber: QRectF | None = None
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # workspace keys work after a click

    def set_items(self, items: list[OverlayItem]) -> None:
        self.items = items
        self.update()

    def set_preview(self, preview: Callable[[QImage], QImage] | None) -> None:
        """Show the picture as exported (None: the original with boxes)."""
        self.preview = preview
        self.preview_version += 1
        self.update()

    def refresh_preview(self) -> None:
        self.preview_version += 1
        self.update()

    def shown_image(self) -> QImage:
        """What is on screen: the preview when it is on, else the decoded frame."""
        image = self.image()
        if self.preview is None or image.isNull():
            return image
        key = (image.cacheKey(), self.preview_version)
        if self._cache is None or self._cache[:2] != key:
            self._cache = (*key, self.preview(image))
        return self._cache[2]

    # --- geometry ------------------------------------------------------------------------

    def _scales(self) -> tuple[float, float]:
        """Screen pixels per image pixel, across and down (they differ where the footage's
        pixels are not square)."""
        image, target = self.image(), self.target_rect()
        if image.isNull() or not image.width() or not image.height():
            return 1.0, 1.0
        return target.width() / image.width(), target.height() / image.height()

    def to_screen(self, rect: QRectF) -> QRectF:
        (sx, sy), t = self._scales(), self.target_rect()
        return QRectF(t.x() + rect.x() * sx, t.y() + rect.y() * sy, rect.width() * sx,
                      rect.height() * sy)

    def to_image(self, point: QPointF) -> QPointF:
        (sx, sy), t = self._scales(), self.target_rect()
        w, h = self.image().width(), self.image().height()
        return QPointF(min(max((point.x() - t.x()) / sx, 0.0), w),
                       min(max((point.y() - t.y()) / sy, 0.0), h))

    # --- painting ------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.black)
        image = self.shown_image()
        if not image.isNull():
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(self.target_rect(), image)
            for item in self.items:  # in preview only the selected box, to edit it
                if self.preview is None or item.selected:
                    self._paint_item(painter, item)
            if self._rubber is not None:
                painter.setPen(QPen(QColor("#ff9f1a"), 2, Qt.PenStyle.DashLine))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(self.to_screen(self._rubber))
        painter.end()

    def _paint_item(self, painter: QPainter, item: OverlayItem) -> None:
        rect = self.to_screen(item.rect)
        pen = QPen(QColor(item.colour), 4 if item.selected else 2,
                   Qt.PenStyle.DashLine if item.dashed else Qt.PenStyle.SolidLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect)
        if item.key[0] == "manual":
            painter.fillRect(QRectF(rect.right() - HANDLE / 2, rect.bottom() - HANDLE / 2,
                                    HANDLE, HANDLE), QColor(item.colour))
        width = painter.fontMetrics().horizontalAdvance(item.label) + 8
        label_rect = QRectF(rect.left() - 1, rect.top() - 17, width, 16)
        painter.fillRect(label_rect, QColor(item.colour))
        painter.setPen(QColor("#000000" if QColor(item.colour).lightness() > 140
                              else "#ffffff"))
        painter.drawText(label_rect.adjusted(4, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter,
                         item.label)

    # --- gestures ------------------------------------------------------------------------

    def item_at(self, point: QPointF) -> OverlayItem | None:
        """The box under ``point``: a manual box (the one being drawn and dragged) first,
        else the smallest (a face inside a person's head region is the face)."""
        under = [item for item in self.items
                 if self.to_screen(item.rect).adjusted(-3, -3, 3, 3).contains(point)]
        return min(under, key=lambda i: (i.key[0] != "manual", i.rect.width() * i.rect.height()),
                   default=None)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.RightButton and not self.image().isNull():
            item = self.item_at(event.position())
            if item is not None:  # what to do with this person, from the picture itself
                self.item_clicked.emit(item.key)
                self.item_menu.emit(item.key, event.globalPosition().toPoint())
            return
        if event.button() != Qt.MouseButton.LeftButton or self.image().isNull():
            return
        point = event.position()
        if self.draw_mode:
            self._drag = ("draw", None, self.to_image(point))
            self._rubber = QRectF(self._drag[2], self._drag[2])
            return
        item = self.item_at(point)
        self.item_clicked.emit(item.key if item else None)
        if item is not None and item.key[0] == "manual":
            corner = self.to_screen(item.rect).bottomRight()
            near = abs(point.x() - corner.x()) <= HANDLE and abs(point.y() - corner.y()) <= HANDLE
            self._drag = ("resize" if near else "move", item, self.to_image(point))
            self._rubber = QRectF(item.rect)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag is None:
            item = self.item_at(event.position())
            self.setToolTip(item.label if item else "")
            return
        mode, item, anchor = self._drag
        here = self.to_image(event.position())
        if mode == "draw":
            self._rubber = QRectF(anchor, here).normalized()
        elif item is not None and mode == "move":
            self._rubber = item.rect.translated(here - anchor)
        elif item is not None:
            self._rubber = QRectF(item.rect.topLeft(), here).normalized()
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        drag, rubber = self._drag, self._rubber
        self._drag, self._rubber = None, None
        self.update()
        if drag is None or rubber is None or rubber.width() < 4 or rubber.height() < 4:
            return
        mode, item, _anchor = drag
        if mode == "draw":
            self.box_drawn.emit(rubber)
        elif item is not None and rubber != item.rect:
            self.box_changed.emit(item.key[1], rubber)
