"""Argument types the commands share: each turns a bad value into argparse's one-line usage
error naming the value, never a traceback."""

from __future__ import annotations

import argparse
from datetime import date


def day(text: str) -> date:
    """A day written YYYY-MM-DD."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (use YYYY-MM-DD)") from None


def at_least_one(text: str) -> int:
    """A whole number of 1 or more."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r}: give 1 or more")
    return value


def positive_seconds(text: str) -> float:
    """A number of seconds above 0."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not 0 < value < 1e9:  # (nan and infinity too)
        raise argparse.ArgumentTypeError(f"{text!r}: give more than 0 seconds")
    return value
