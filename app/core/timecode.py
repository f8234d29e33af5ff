"""Parsing and formatting the times users type: ``SS``, ``MM:SS``, ``HH:MM:SS.mmm``."""

from __future__ import annotations

import math

from app.core.errors import InvalidInputError


def parse_time(text: str) -> float:
    """Seconds from ``90``, ``1:30``, ``00:01:30.5``. Rejects negatives and junk clearly."""
    parts = text.strip().split(":")
    if not 1 <= len(parts) <= 3 or any(p.strip() == "" for p in parts):
        raise InvalidInputError(f"{text!r} is not a time: use SS, MM:SS or HH:MM:SS.mmm.")
    try:
        values = [float(p) for p in parts]
    except ValueError:
        raise InvalidInputError(f"{text!r} is not a time: use SS, MM:SS or HH:MM:SS.mmm.") from None
    if not all(math.isfinite(v) for v in values) or any(v < 0 for v in values) or any(
            v >= 60 for v in values[1:]):
        raise InvalidInputError(f"{text!r} is not a valid time.")
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
