"""The review queue beside the video: one row per review range of the plan (a risk: a face
lost or found in the open, "the same person?", a stretch with no face), with the person's
thumbnail, the time, why it is listed and whether it was checked, and the progress in the
tab's title. A row goes to its range; R marks it checked, S answers "the same person?"."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from app.core.media.timecode import format_time
from app.core.tracking.review import ReviewRange

if TYPE_CHECKING:
    from app.ui.workspace.workspace import RedactionWorkspace


class ReviewPanel(QListWidget):
    def __init__(self, ws: RedactionWorkspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.ranges: list[ReviewRange] = []
        self.setIconSize(QPixmap(82, 40).size())  # one picture, or a pair side by side
        self.setWordWrap(True)
        self.itemActivated.connect(self._go)
        self.itemClicked.connect(self._go)

    def show_items(self, items: list[ReviewRange], reviewed: set[tuple[int, int]],
                   time_of: Callable[[int], float],
                   thumbnails: dict[int, bytes]) -> tuple[str, str]:
        """Fill the list; the progress for the tab: its title ("Review 3/7") and in words
        ("Review: 3 of 7 checked")."""
        row_now = self.currentRow()
        current = self.ranges[row_now] if 0 <= row_now < len(self.ranges) else None
        self.clear()
        self.ranges = list(items)
        done = 0
        for item in items:
            checked = item.done(reviewed)
            done += checked
            start, end = (format_time(time_of(f))[:-4] for f in (item.start_frame,
                                                                   item.end_frame))
            row = QListWidgetItem(("✓ " if checked else "• ") + f"{start} – {end}: "
                                  + self.ws.commands.why(item))
            pictures = [_picture(thumbnails, t)
                        for t in (item.track_id, item.other_track, *item.also)]
            shown = [p for p in pictures if p is not None][:2]  # at most two fit
            icon = _side_by_side(shown)  # a pair: both people side by side, to compare
            if not icon.isNull():
                row.setIcon(QIcon(icon))
            if checked:
                row.setForeground(QBrush(QColor("#8b8d98")))
            row.setToolTip(self.tr("Frames {0}-{1}").format(item.start_frame, item.end_frame))
            self.addItem(row)
        if not items:
            empty = QListWidgetItem(self.tr("No review ranges."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addItem(empty)
        elif current in self.ranges:
            self.blockSignals(True)  # keep the place in the list, without going there
            self.setCurrentRow(self.ranges.index(current))
            self.blockSignals(False)
        return (self.tr("Review {0}/{1}").format(done, len(items)),
                self.tr("Review: {0} of {1} checked").format(done, len(items)))

    def keyboardSearch(self, search: str) -> None:
        """No type-to-search: the workspace's letter keys act on the queue."""

    def _go(self, row: QListWidgetItem) -> None:
        index = self.row(row)
        if 0 <= index < len(self.ranges):
            self.ws.commands.go_to_review(self.ranges[index])


def _picture(thumbnails: dict[int, bytes], track_id: int | None) -> QPixmap | None:
    pixmap = QPixmap()
    if track_id is None or track_id not in thumbnails or not pixmap.loadFromData(
            thumbnails[track_id]):
        return None
    return pixmap


def _side_by_side(pictures: list[QPixmap]) -> QPixmap:
    """The pictures scaled into 40 x 40 each, next to each other (null: none to show)."""
    height = 40
    scaled = [p.scaled(height, height, Qt.AspectRatioMode.KeepAspectRatio,
                       Qt.TransformationMode.SmoothTransformation) for p in pictures]
    scaled = [p for p in scaled if not p.isNull()]
    if not scaled:
        return QPixmap()
    out = QPixmap(sum(p.width() for p in scaled) + 2 * (len(scaled) - 1), height)
    out.fill(QColor("#00000000"))
    painter = QPainter(out)
    x = 0
    for p in scaled:
        painter.drawPixmap(x, 0, p)
        x += p.width() + 2
    painter.end()
    return out
