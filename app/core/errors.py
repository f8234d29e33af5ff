"""Domain errors. Their messages are complete sentences meant for the user."""


class BwvError(Exception):
    """Base of every error BWV Studio reports to the user without a traceback."""


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


class MediaError(BwvError):
    """A file is missing, unreadable, not a video, or damaged."""


class Cancelled(BwvError):
    """A long job was cancelled by the user."""

    def __init__(self, message: str = "Cancelled.") -> None:
        super().__init__(message)
