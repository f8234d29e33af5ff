"""Paints the current frame, scaled to fit with its aspect ratio kept (pixels that are not
square shown as wide as they are meant to be)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget


class VideoView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._image = QImage()
        self._pixel_aspect = 1.0  # a pixel's shown width for its height
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 180)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def set_image(self, image: QImage) -> None:
        self._image = image
        self.update()

    def set_pixel_aspect(self, aspect: float) -> None:
        """Show each pixel ``aspect`` times as wide as it is high (1 for square pixels)."""
        self._pixel_aspect = aspect if aspect > 0 else 1.0
        self.update()

    def image(self) -> QImage:
        """The frame currently shown (for tests and screenshots)."""
        return self._image

    def target_rect(self) -> QRect:
        if self._image.isNull():
            return QRect()
        shown = QSize(max(1, round(self._image.width() * self._pixel_aspect)),
                      self._image.height())
        size = shown.scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        x = (self.width() - size.width()) // 2
        y = (self.height() - size.height()) // 2
        return QRect(x, y, size.width(), size.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.black)
        if not self._image.isNull():
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(self.target_rect(), self._image)
        painter.end()

    def sizeHint(self) -> QSize:
        return QSize(640, 360)
