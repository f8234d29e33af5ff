"""Lanes under the workspace's video: one per track, review warnings, and the sound.

The whole footage is shown at once, in seconds from its first frame (``offset`` is that
frame's timestamp: plan mute ranges and the waveform are in stream seconds). Click to
seek; drag to select a time range (to mute); click a mute range to select it. Colours match
the overlay.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QToolTip, QWidget

from app.core.media.timecode import format_time
from app.core.media.waveform import Waveform
from app.core.redaction.plan import RedactionPlan, TimeRange
from app.core.redaction.plan_edits import TrackAction, head_left_visible, track_action
from app.core.tracking.review import ReviewRange
from app.core.tracking.tracker import HEAD, TEXT, Track

COLOURS = {"redact": "#e5484d", "keep": "#30a46c", "not_a_face": "#8b8d98",
           "manual": "#ff9f1a", "review": "#f5d90a", "reviewed": "#8b8d98",
           "mute": "#e5484d", "interpolated": "#e5484d", "low": "#f5d90a",
           "text": "#8e4ec6", "head": "#d6409f", "head_visible": "#8b8d98"}
LANE_H = 9
MAX_LANES = 12
REVIEW_H = 12
AUDIO_H = 36


class LanesView(QWidget):
    seek_requested = Signal(float)
    range_selected = Signal(object)  # (start, end) seconds, or None
    mute_selected = Signal(object)  # TimeRange or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.duration = 0.0
        self.offset = 0.0
        self.position = 0.0
        self.time_of: Callable[[int], float] = lambda f: 0.0
        self.tracks: list[Track] = []
        self.plan = RedactionPlan()
        self.review: list[ReviewRange] = []
        self.waveform: Waveform | None = None
        self.range: tuple[float, float] | None = None
        self.selected_mute: TimeRange | None = None
        self.highlight: int | None = None
        self._anchor: float | None = None
        # everything but the playhead and a dragged range, drawn once for what it shows
        # (on a long run a full paint took 23 ms, 25 times a second as the video played)
        self._drawn: QPixmap | None = None
        self._drawn_for: tuple[tuple[object, ...], tuple[object, ...]] = ((), ())
        self.setMouseTracking(True)
        self.setMinimumHeight(self._height())

    def _lanes(self) -> int:
        return max(1, min(MAX_LANES, len(self.tracks) + len(self.plan.manual_boxes)))

    def _height(self) -> int:
        return self._lanes() * LANE_H + REVIEW_H + AUDIO_H + 12

    def sizeHint(self) -> QSize:
        return QSize(640, self._height())

    def set_content(self, duration: float, time_of: Callable[[int], float], tracks: list[Track],
                    plan: RedactionPlan, review: list[ReviewRange]) -> None:
        self.duration, self.time_of = max(duration, 1e-3), time_of
        self.tracks, self.plan, self.review = tracks, plan, review
        if self.selected_mute not in plan.mute:
            self.selected_mute = None
        self.setMinimumHeight(self._height())
        self.updateGeometry()
        self.update()

    def set_waveform(self, waveform: Waveform | None) -> None:
        self.waveform = waveform
        self.update()

    def set_position(self, seconds: float) -> None:
        self.position = seconds
        self.update()

    # --- geometry ------------------------------------------------------------------------

    def x_of(self, seconds: float) -> float:
        return seconds / self.duration * self.width() if self.duration else 0.0

    def time_at(self, x: float) -> float:
        return max(0.0, min(self.duration, x / max(self.width(), 1) * self.duration))

    def _review_top(self) -> int:
        return self._lanes() * LANE_H + 4

    def _audio_rect(self) -> QRectF:
        top = self._review_top() + REVIEW_H + 4
        return QRectF(0, top, self.width(), AUDIO_H)

    def _lane_rect(self, lane: int, first: int, last: int) -> QRectF:
        x1, x2 = self.x_of(self.time_of(first)), self.x_of(self.time_of(last))
        return QRectF(x1, 2 + (lane % MAX_LANES) * LANE_H, max(2.0, x2 - x1), LANE_H - 2)

    # --- painting ------------------------------------------------------------------------

    def _content(self) -> tuple[tuple[object, ...], tuple[object, ...]]:
        """What the lanes below the playhead show: values, then the objects shown (a new
        plan, run or waveform is a new object: compared by identity, never field by field)."""
        return (self.width(), self.height(), self.devicePixelRatioF(),
                self.palette().cacheKey(), self.duration, self.offset, self.highlight,
                self.selected_mute), (self.time_of, self.tracks, self.plan, self.review,
                                      self.waveform)

    def paintEvent(self, event: QPaintEvent) -> None:
        values, shown = content = self._content()
        if self._drawn is None or values != self._drawn_for[0] or any(
                a is not b for a, b in zip(shown, self._drawn_for[1], strict=True)):
            ratio = self.devicePixelRatioF()
            self._drawn = QPixmap(max(1, round(self.width() * ratio)),
                                  max(1, round(self.height() * ratio)))
            self._drawn.setDevicePixelRatio(ratio)
            painter = QPainter(self._drawn)
            self._paint_content(painter)
            painter.end()
            self._drawn_for = content
        p = QPainter(self)
        p.drawPixmap(0, 0, self._drawn)
        if self.duration > 0:
            if self.range is not None:
                x1, x2 = self.x_of(self.range[0]), self.x_of(self.range[1])
                p.fillRect(QRectF(x1, 0, x2 - x1, self.height()), QColor(30, 120, 220, 70))
            x = self.x_of(self.position)
            p.setPen(QPen(QColor("#e00000"), 2))
            p.drawLine(QPointF(x, 0), QPointF(x, self.height()))
        p.end()

    def _paint_content(self, p: QPainter) -> None:
        p.fillRect(self.rect(), self.palette().base())
        if self.duration <= 0:
            return
        lane = 0
        for track in self.tracks:
            action = track_action(self.plan, track.id)
            redact = track.category if track.category in (TEXT, HEAD) else "redact"
            colour = QColor(COLOURS["head_visible" if head_left_visible(self.plan, track) else
                                    {TrackAction.REDACT: redact, TrackAction.KEEP: "keep",
                                     TrackAction.NOT_A_FACE: "not_a_face"}[action]])
            if track.id == self.highlight:
                colour = colour.lighter(140)
            p.fillRect(self._lane_rect(lane, track.first_frame, track.last_frame), colour)
            lane += 1
        for box in self.plan.manual_boxes:
            p.fillRect(self._lane_rect(lane, box.keyframes[0].frame, box.keyframes[-1].frame),
                       QColor(COLOURS["manual"]))
            lane += 1
        reviewed = set(self.plan.reviewed)
        top = self._review_top()
        for r in self.review:
            done = r.done(reviewed)
            x1 = self.x_of(self.time_of(r.start_frame))
            x2 = self.x_of(self.time_of(r.end_frame))
            p.fillRect(QRectF(x1, top, max(3.0, x2 - x1), REVIEW_H),
                       QColor(COLOURS["reviewed" if done else "review"]))
        self._paint_audio(p)
        clip = self.plan.clip
        if clip is not None:  # outside the clip: not exported
            shade = QColor(0, 0, 0, 90)
            x1 = self.x_of(clip.start_s - self.offset)
            x2 = self.x_of(clip.end_s - self.offset)
            p.fillRect(QRectF(0, 0, max(0.0, x1), self.height()), shade)
            p.fillRect(QRectF(x2, 0, max(0.0, self.width() - x2), self.height()), shade)

    def _paint_audio(self, p: QPainter) -> None:
        area = self._audio_rect()
        p.fillRect(area, self.palette().alternateBase())
        for r in self.plan.mute:
            x1, x2 = self.x_of(r.start_s - self.offset), self.x_of(r.end_s - self.offset)
            colour = QColor(COLOURS["mute"])
            colour.setAlpha(200 if r == self.selected_mute else 110)
            p.fillRect(QRectF(x1, area.top(), max(2.0, x2 - x1), area.height()), colour)
        for a in self.plan.audio_ranges:  # the Speech tab's: mute red, bleep orange, disguise
            x1, x2 = self.x_of(a.start_s - self.offset), self.x_of(a.end_s - self.offset)
            colour = QColor({"mute": COLOURS["mute"], "bleep": "#f76b15"}.get(a.action.value,
                                                                               "#8e4ec6"))
            colour.setAlpha(140)
            p.fillRect(QRectF(x1, area.top(), max(2.0, x2 - x1), area.height()), colour)
        wave = self.waveform
        if wave is None:
            p.setPen(self.palette().placeholderText().color())
            p.drawText(area, Qt.AlignmentFlag.AlignCenter, self.tr("No sound"))
            return
        p.setPen(QPen(self.palette().text().color(), 1))
        mid, half = area.center().y(), area.height() / 2 - 2
        n = len(wave.peaks)
        for px in range(self.width()):
            t = self.time_at(px) + self.offset - wave.start_s
            i = int(t / wave.duration_s * n) if wave.duration_s else 0
            level = wave.peaks[min(n - 1, max(0, i))] * half
            p.drawLine(QPointF(px, mid - level), QPointF(px, mid + level))

    # --- gestures ------------------------------------------------------------------------

    def mute_at(self, point: QPointF) -> TimeRange | None:
        if not self._audio_rect().contains(point):
            return None
        t = self.time_at(point.x()) + self.offset
        return next((r for r in self.plan.mute if r.start_s <= t <= r.end_s), None)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        t = self.time_at(event.position().x())
        self.selected_mute = self.mute_at(event.position())
        self.mute_selected.emit(self.selected_mute)
        self._anchor = t
        self.range = None
        self.range_selected.emit(None)
        self.seek_requested.emit(t)
        self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        t = self.time_at(event.position().x())
        if self._anchor is not None:
            self.range = (min(self._anchor, t), max(self._anchor, t))
            self.update()
            return
        QToolTip.showText(event.globalPosition().toPoint(), format_time(t)[:-1], self)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._anchor = None
        if self.range is not None and self.range[1] - self.range[0] < 0.05:
            self.range = None
        self.range_selected.emit(self.range)
        self.update()
