"""An error from the core, or what it said a change did, in the user's language: its declared
template translated (context ``CoreMessages``, see ``app.core.errors`` and
``app.core.wording``), its arguments filled in. A message the core did not declare for
translation is shown as it is."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.core.errors import CONTEXT, BwvError, Phrase
from app.core.wording import Said


def error_text(error: BwvError) -> str:
    return _filled(error.template, error.arguments, str(error))


def phrase_text(phrase: Phrase) -> str:
    """A phrase the core declared for translation, in the user's language."""
    return QCoreApplication.translate(CONTEXT, phrase)


def said_text(text: str) -> str:
    """What the core said a change did (``wording.Said``), in the user's language; any other
    text as it is."""
    if not isinstance(text, Said):
        return text
    return _filled(text.template, text.arguments, str(text))


def _filled(template: str, arguments: dict[str, object], english: str) -> str:
    """``template`` translated and filled in; ``english`` where there is no template, or
    where a translation lost a field."""
    if not arguments:
        return QCoreApplication.translate(CONTEXT, template) if template else english
    translated = {k: _argument(v) for k, v in arguments.items()}
    try:
        return QCoreApplication.translate(CONTEXT, template).format(**translated)
    except (KeyError, IndexError, ValueError):  # a translation that lost a field
        return english


def _argument(value: object) -> object:
    """An argument of a message, translated where the core declared it (a phrase, or a
    description itself); anything else (a number, a name, a user's words) as it is."""
    if isinstance(value, Said):
        return said_text(value)
    return QCoreApplication.translate(CONTEXT, value) if isinstance(value, Phrase) else value
