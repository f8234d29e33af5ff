"""Column types that say so, in a sentence, when a stored value cannot be read.

Anyone who can write the database file can put text where a date belongs, a word no enum
knows, or broken JSON (SQLite checks none of these; PostgreSQL checks dates and JSON but
not our enums, which are plain text there). SQLAlchemy then fails deep inside loading a row,
with a bare ``ValueError`` or ``LookupError`` that the app and the CLI could only call an
internal error. These types raise :class:`UnreadableValueError` instead: a ``BwvError``
whose sentence names the value and what the column holds, so every screen and command that
meets such a row says the store was changed outside the app. ``stored_values`` finds every
such value for the integrity check.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from sqlalchemy import JSON, Date, Dialect, Enum, TypeDecorator

from app.core.errors import QT_TRANSLATE_NOOP, BwvError, Phrase

UNREADABLE = QT_TRANSLATE_NOOP(
    "CoreMessages", "The evidence store holds {value} where {holds} belongs: it was changed "
    "outside BWV Studio. The integrity check lists every value it cannot read.")
# What each kind of column holds, as the sentence above puts it.
DATE_AND_TIME = QT_TRANSLATE_NOOP("CoreMessages", "a date and time")
DATE = QT_TRANSLATE_NOOP("CoreMessages", "a date")
LISTED_WORD = QT_TRANSLATE_NOOP("CoreMessages", "one of a list of words")
JSON_DATA = QT_TRANSLATE_NOOP("CoreMessages", "JSON data")
# The most of a stored value a message shows.
SHOWN_CHARACTERS = 60


class UnreadableValueError(BwvError):
    """A value in the store that its column's type cannot read (edited outside the app)."""

    def __init__(self, value: object, holds: Phrase) -> None:
        super().__init__(UNREADABLE, value=shown(value), holds=holds)
        self.value, self.holds = value, holds


def shown(value: object) -> str:
    """A stored value as a message quotes it: its repr, cut to ``SHOWN_CHARACTERS``."""
    text = repr(value)
    return text if len(text) <= SHOWN_CHARACTERS else text[:SHOWN_CHARACTERS - 1] + "…"


class CheckedType(TypeDecorator[Any]):
    """A type whose reading of a stored value raises :class:`UnreadableValueError` where the
    wrapped type's own reading fails."""

    holds: ClassVar[Phrase]
    cache_ok = True

    def result_processor(self, dialect: Dialect,
                         coltype: object) -> Callable[[Any], Any] | None:
        inner = super().result_processor(dialect, coltype)
        if inner is None:
            return None
        holds = self.holds

        def read(value: Any) -> Any:
            try:
                return inner(value)
            except (ValueError, TypeError, LookupError, OverflowError) as exc:
                raise UnreadableValueError(value, holds) from exc

        return read


class CheckedDate(CheckedType):
    impl = Date
    holds = DATE
    cache_ok = True  # (SQLAlchemy reads it from each class's own namespace)


class CheckedEnum(CheckedType):
    """An enum stored as its values' text (no database enum type, no constraint)."""

    impl = Enum
    holds = LISTED_WORD
    cache_ok = True


class CheckedJSON(CheckedType):
    impl = JSON
    holds = JSON_DATA
    cache_ok = True
    # As JSON itself: a Python None is stored as JSON null, not as SQL NULL.
    should_evaluate_none = True
