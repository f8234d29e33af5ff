"""A person's choice among an enumeration's values (a case type, a status, a flag category,
a role), read from what they typed or picked: the value, or a clear message naming what was
asked for and every value allowed."""

from __future__ import annotations

import enum
from typing import TypeVar

from app.core.errors import QT_TRANSLATE_NOOP, InvalidInputError, Phrase

E = TypeVar("E", bound=enum.Enum)


def parse_choice(cls: type[E], value: object, what: Phrase) -> E:
    """``value`` as a member of ``cls``; ``what`` names the choice in the message (a phrase
    declared for translation, e.g. ``QT_TRANSLATE_NOOP("CoreMessages", "role")``)."""
    try:
        return cls(value)
    except ValueError:
        names = ", ".join(str(m.value) for m in cls)
        raise InvalidInputError(QT_TRANSLATE_NOOP(
            "CoreMessages", "Unknown {what} {value!r}: use one of {names}."),
            what=what, value=value, names=names) from None
