"""The real timeline's ruler: the labels it paints never repeat and never overlap."""

from __future__ import annotations

from itertools import pairwise
from typing import Any, ClassVar

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainter
from pytestqt.qtbot import QtBot

from app.ui import timeline as timeline_module
from app.ui.timeline import RULER_H, Timeline


class _RecordingPainter(QPainter):
    """Notes each label the ruler draws at a point (the ruler's only drawText calls)."""

    drawn: ClassVar[list[tuple[float, str]]] = []

    def drawText(self, *args: Any) -> None:
        if len(args) == 2 and isinstance(args[0], QPointF) and args[0].y() == RULER_H - 6:
            _RecordingPainter.drawn.append((args[0].x(), args[1]))
        super().drawText(*args)


@pytest.mark.parametrize("duration", [0.5, 1.0, 2.0, 4.0, 9.0, 30.0, 95.0, 600.0, 3600.0,
                                      3 * 3600.0])
def test_ruler_labels_never_repeat_at_any_zoom(qtbot: QtBot, duration: float,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(timeline_module, "QPainter", _RecordingPainter)
    timeline = Timeline()
    qtbot.addWidget(timeline)
    metrics = timeline.fontMetrics()
    for width in (200, 300, 500, 800, 1200, 2000, 3000):
        timeline.resize(width, timeline.sizeHint().height())
        timeline.set_duration(duration)
        views = [(0.0, duration)]
        span = duration
        while span > 0.5:  # zoom in as the wheel does, down to its half-second limit
            span = max(0.5, span * 0.8 ** 3)
            start = min(duration - span, duration * 0.37)
            views.append((start, start + span))
        for start, end in views:
            timeline.view_start, timeline.view_end = start, end
            _RecordingPainter.drawn = []
            timeline.grab()  # paints through the recording painter
            drawn = _RecordingPainter.drawn
            labels = [label for _x, label in drawn]
            assert len(drawn) >= 1, (duration, width, start, end)
            assert all(a != b for a, b in pairwise(labels)), (
                duration, width, start, end, labels)
            for (x1, a), (x2, _b) in pairwise(drawn):
                assert x2 - x1 >= metrics.horizontalAdvance(a), (duration, width, labels)
            assert [label for _t, label in timeline.ruler_ticks()] == labels
