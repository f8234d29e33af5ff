"""Domain errors. Their messages are complete sentences meant for the user.

A message the desktop app translates is a template declared with ``QT_TRANSLATE_NOOP``
(context ``CoreMessages``; ``tools/translations.py`` collects them from the core) and raised
with its arguments, e.g. ``raise ConflictError(EXISTS, path=out)``: ``str(error)`` is the
English sentence (the CLI prints it, and may add its own flags by ``error.template``); the UI
translates ``error.template`` and fills in ``error.arguments`` (``app.ui.error_text``).
Messages name no command-line flag: the CLI and the UI each say how to do it their way.
"""

from __future__ import annotations

from typing import Any

CONTEXT = "CoreMessages"


class Phrase(str):
    """Text declared for translation: a message template, or a phrase put into one (a role,
    what a permission allows). The UI translates these, never a user's own words."""

    __slots__ = ()


def QT_TRANSLATE_NOOP(context: str, text: str) -> Phrase:
    """Marks ``text`` for translation in ``context`` (as Qt's macro does); returns it as a
    ``Phrase``."""
    return Phrase(text)


class BwvError(Exception):
    """Base of every error BWV Studio reports to the user without a traceback.

    ``template`` is the message before its ``{named}`` fields are filled in from
    ``arguments``; a message built another way (an f-string) is its own template."""

    def __init__(self, template: str = "", **arguments: Any) -> None:
        self.template = template
        self.arguments = arguments
        super().__init__(template.format(**arguments) if arguments else template)


class NotFoundError(BwvError):
    """A case, footage item, flag or user that was asked for does not exist."""


class InvalidInputError(BwvError):
    """A value given by the user cannot be used (bad time, unknown category ...)."""


class ConflictError(BwvError):
    """The change would clash with existing data (duplicate reference ...)."""


class PermissionDeniedError(BwvError):
    """The acting user's role does not allow this (checked in the core, not only the UI)."""


class SignInError(BwvError):
    """A user name and password did not match, or the account cannot sign in."""


class StoreBusyError(BwvError):
    """Another program held the store longer than a write may wait: what was refused
    changed nothing, and asking again a moment later works (``bwv`` exits with 75)."""


class MediaError(BwvError):
    """A file is missing, unreadable, not a video, or damaged."""


class Cancelled(BwvError):
    """A long job was cancelled by the user."""

    def __init__(self, template: str = "Cancelled.", **arguments: Any) -> None:
        super().__init__(template, **arguments)
