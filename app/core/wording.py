"""What the core says a change did, in words the UI can show in the user's language.

A plan edit is described once, by the core (``redaction.plan_edits``): the audit log keeps
the English sentence, the Edit menu, the status line and the approval warnings show it
translated. ``Said`` is that sentence: ``str(said)`` (and every use as a string) is the
English, and it carries its template, declared with ``QT_TRANSLATE_NOOP`` (context
``CoreMessages``), and the arguments that fill it in, as a ``BwvError`` does. An argument may
itself be a ``Said`` or a declared ``Phrase`` (translated too) or a value (shown as it is: a
track number, a time, a user's own words).
"""

from __future__ import annotations

from typing import Any

from app.core.errors import Phrase


class Said(str):
    """A description: the English text, with ``template`` and ``arguments``."""

    template: Phrase
    arguments: dict[str, Any]

    def __new__(cls, template: Phrase, **arguments: Any) -> Said:
        said = super().__new__(cls, template.format(**arguments) if arguments else template)
        said.template, said.arguments = template, arguments
        return said

    def __reduce__(self) -> tuple[Any, ...]:
        return _rebuilt, (str(self.template), self.arguments)


def _rebuilt(template: str, arguments: dict[str, Any]) -> Said:
    return Said(Phrase(template), **arguments)
