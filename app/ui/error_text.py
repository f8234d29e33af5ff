"""An error from the core, in the user's language: its declared template translated (context
``CoreMessages``, see ``app.core.errors``), its arguments filled in. A message the core did
not declare for translation is shown as it is."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.core.errors import CONTEXT, BwvError, Phrase


def error_text(error: BwvError) -> str:
    if not error.arguments:
        return QCoreApplication.translate(CONTEXT, error.template) if error.template \
            else str(error)
    arguments = {k: QCoreApplication.translate(CONTEXT, v) if isinstance(v, Phrase) else v
                 for k, v in error.arguments.items()}  # a declared phrase, never user text
    try:
        return QCoreApplication.translate(CONTEXT, error.template).format(**arguments)
    except (KeyError, IndexError, ValueError):  # a translation that lost a field
        return str(error)


def phrase_text(phrase: Phrase) -> str:
    """A phrase the core declared for translation, in the user's language."""
    return QCoreApplication.translate(CONTEXT, phrase)
