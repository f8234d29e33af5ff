"""Readable times for records and a ruler's ticks whose labels never repeat or overlap."""

from __future__ import annotations

from datetime import UTC, datetime
from itertools import pairwise

import pytest

from app.core.media.timecode import (
    format_clock,
    format_offset,
    format_range,
    format_utc,
    ruler_ticks,
)


def test_clock_offset_and_utc_formats() -> None:
    assert format_clock(0.5, 1) == "00:00.5"
    assert format_clock(59.96, 1) == "01:00.0"  # rounded once: never "00:60.0"
    assert format_clock(3725, 0) == "01:02:05"
    assert format_clock(5, 0, hours=True) == "00:00:05"
    assert format_offset(1) == "00:01.0" and format_offset(1.25) == "00:01.25"
    assert format_offset(1.9166666) == "00:01.917"
    assert format_range(1.0, 1.5) == "00:01.0–00:01.5"
    assert format_utc("2026-12-01T18:50:27.425958Z") == "2026-12-01 18:50 UTC"
    assert format_utc(datetime(2026, 12, 1, 9, 5, 59, tzinfo=UTC)) == "2026-12-01 09:05 UTC"
    assert format_utc(datetime(2026, 12, 1, 9, 5)) == "2026-12-01 09:05 UTC"  # naive: UTC
    assert format_utc(None) == "-" and format_utc("not a time") == "not a time"


def _char_width(text: str) -> float:
    return 7.0 * len(text)


DURATIONS = [0.5, 0.9, 1.3, 2.0, 3.7, 7.5, 12, 45, 61, 150, 599, 1234, 3599, 3600, 5400,
             10800]
WIDTHS = [200, 320, 450, 640, 900, 1280, 1920, 3000]


@pytest.mark.parametrize("duration", DURATIONS)
def test_ruler_labels_are_distinct_and_do_not_overlap(duration: float) -> None:
    for width in WIDTHS:
        for start, end in ((0.0, duration), (duration / 3, duration / 3 + 0.5),
                           (duration * 0.6, duration * 0.6 + duration / 7)):
            ticks = ruler_ticks(start, end, width, _char_width)
            assert len(ticks) >= 1, (duration, width, start, end)
            labels = [label for _t, label in ticks]
            assert len(set(labels)) == len(labels), (duration, width, start, labels)
            per_second = width / (end - start)
            for (t1, a), (t2, _b) in pairwise(ticks):
                assert (t2 - t1) * per_second >= _char_width(a), (duration, width, a)
            assert ticks[0][0] <= start + 1e-9 or ticks[0][0] == 0
            assert ticks[-1][0] <= end + 1e-9


def test_ruler_steps_and_precision() -> None:
    assert [label for _t, label in ruler_ticks(0, 2, 1000)] == [
        "00:00.0", "00:00.2", "00:00.4", "00:00.6", "00:00.8", "00:01.0", "00:01.2",
        "00:01.4", "00:01.6", "00:01.8", "00:02.0"]
    assert [label for _t, label in ruler_ticks(0, 0.5, 3000)][:3] == [
        "00:00.00", "00:00.04", "00:00.08"]  # frame-level steps show hundredths
    assert [label for _t, label in ruler_ticks(0, 60, 640)][:3] == ["00:00", "00:05", "00:10"]
    hours = ruler_ticks(0, 3 * 3600, 640)
    assert [label for _t, label in hours][:3] == ["00:00:00", "00:30:00", "01:00:00"]
    assert ruler_ticks(5, 5, 640) == [] and ruler_ticks(0, 10, 0) == []
