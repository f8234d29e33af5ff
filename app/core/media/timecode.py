"""Parsing and formatting times: the ones users type (``SS``, ``MM:SS``, ``HH:MM:SS.mmm``),
the ones records show (``00:01.5``, ``2026-12-01 09:30 UTC``) and a ruler's tick labels."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from datetime import UTC, datetime

from app.core.errors import QT_TRANSLATE_NOOP, InvalidInputError


def parse_time(text: str) -> float:
    """Seconds from ``90``, ``1:30``, ``00:01:30.5``. Rejects negatives and junk clearly."""
    parts = text.strip().split(":")
    if not 1 <= len(parts) <= 3 or any(p.strip() == "" for p in parts):
        raise InvalidInputError(QT_TRANSLATE_NOOP(
            "CoreMessages", "{text!r} is not a time: use SS, MM:SS or HH:MM:SS.mmm."),
            text=text)
    try:
        values = [float(p) for p in parts]
    except ValueError:
        raise InvalidInputError(QT_TRANSLATE_NOOP(
            "CoreMessages", "{text!r} is not a time: use SS, MM:SS or HH:MM:SS.mmm."),
            text=text) from None
    if not all(math.isfinite(v) for v in values) or any(v < 0 for v in values) or any(
            v >= 60 for v in values[1:]):
        raise InvalidInputError(QT_TRANSLATE_NOOP(
            "CoreMessages", "{text!r} is not a valid time."),
            text=text)
    seconds = 0.0
    for v in values:
        seconds = seconds * 60 + v
    return seconds


def format_time(seconds: float) -> str:
    """``HH:MM:SS.mmm``."""
    ms = round(seconds * 1000)
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, ms = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}.{ms:03d}"


def format_clock(seconds: float, decimals: int = 0, hours: bool = False) -> str:
    """``MM:SS`` with ``decimals`` places (``00:01.5``); ``HH:MM:SS`` when ``hours`` or
    needed. Rounded once, so the seconds never read 60."""
    scale = 10 ** decimals
    whole, fraction = divmod(round(max(seconds, 0.0) * scale), scale)
    h, rest = divmod(whole, 3600)
    m, s = divmod(rest, 60)
    text = f"{h:02d}:{m:02d}:{s:02d}" if h or hours else f"{m:02d}:{s:02d}"
    return text + (f".{fraction:0{decimals}d}" if decimals else "")


def format_offset(seconds: float) -> str:
    """A time in a record, exact to the millisecond but no longer than needed:
    ``00:01.0``, ``00:01.25``, ``01:02:03.125``."""
    ms = round(seconds * 1000)
    decimals = 3 if ms % 10 else 2 if ms % 100 else 1
    return format_clock(ms / 1000, decimals)


def format_range(start_s: float, end_s: float) -> str:
    """``00:01.0–00:01.5``."""
    return f"{format_offset(start_s)}–{format_offset(end_s)}"


def format_utc(value: datetime | str | None) -> str:
    """``YYYY-MM-DD HH:MM UTC`` of a datetime (naive: already UTC) or ISO 8601 text, as
    the audit log stores it; ``-`` for none. Text that is not a time is returned as is."""
    if value is None or value == "":
        return "-"
    if isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            return value
    else:
        moment = value
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


# Ruler steps in seconds: a frame (at 25 fps), tenths, seconds, minutes, hours.
TICK_STEPS = (0.04, 0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800,
              3600, 7200, 10800, 21600, 43200, 86400)


def _decimals(step: float) -> int:
    """Places a label needs so that ticks ``step`` apart never read the same."""
    return next((d for d in range(3) if abs(step * 10 ** d - round(step * 10 ** d)) < 1e-9), 3)


def _steps() -> Iterator[float]:
    yield from TICK_STEPS
    step = float(TICK_STEPS[-1])
    while True:
        step *= 2
        yield step


def ruler_ticks(start: float, end: float, width: float,
                label_width: Callable[[str], float] = lambda text: 7.0 * len(text),
                gap: float = 12.0) -> list[tuple[float, str]]:
    """Tick times and labels for a ruler showing ``start``..``end`` seconds across
    ``width`` pixels: the smallest step of ``TICK_STEPS`` (then whole days) whose labels,
    ``label_width`` wide (the caller's font), leave ``gap`` pixels between them.
    Consecutive labels always differ: sub-second steps show tenths (or hundredths).
    The first tick is at or before ``start`` (its label may be partly in view)."""
    span = end - start
    if not (span > 0 and width > 0 and math.isfinite(span)):
        return []
    per_second = width / span
    hours = end >= 3600 - 0.5
    for step in _steps():
        decimals = _decimals(step)
        sample = "".join("0" if c.isdigit() else c for c in format_clock(end, decimals, hours))
        if step * per_second >= label_width(sample) + gap:
            break
    first = max(0, math.floor(start / step + 1e-9))
    last = math.floor(end / step + 1e-9)
    return [(k * step, format_clock(k * step, decimals, hours)) for k in range(first, last + 1)]
