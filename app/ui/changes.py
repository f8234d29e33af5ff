"""What an operation changed, broadcast to every view (the model is Anki's ``OpChanges``).

An operation (``workers.run_op``) names what it changed; each view subscribes to the kinds
it shows and reloads itself from the store when one of them changes. No view wires itself to
another view's signals, and a view never reloads itself by hand after its own change: the
broadcast does it, once."""

from __future__ import annotations

import enum
from collections.abc import Callable
from contextlib import suppress

from PySide6.QtCore import QObject, Signal
from shiboken6 import isValid


class Changed(enum.Flag):
    NOTHING = 0
    FOOTAGE = enum.auto()  # ingest, evidential, legal hold, retention deletions
    CASES = enum.auto()  # a case made, moved on, edited, footage linked or unlinked
    PLANS = enum.auto()  # a redaction plan saved, approved or rejected
    EXPORTS = enum.auto()  # an export or a disclosure pack made
    USERS = enum.auto()  # accounts, roles, keys


class _Broadcast(QObject):
    changed = Signal(object)  # Changed


_hub: _Broadcast | None = None


def broadcast() -> _Broadcast:
    """The one broadcaster of this process (connect a view's reload to ``changed``)."""
    global _hub
    if _hub is None:
        _hub = _Broadcast()
    return _hub


def announce(what: Changed) -> None:
    """Tell every view that ``what`` changed (on the UI thread)."""
    if what:
        broadcast().changed.emit(what)


def subscribe(view: QObject, kinds: Changed, reload: Callable[[], object]) -> None:
    """Call ``reload()`` whenever one of ``kinds`` changes, while ``view`` exists."""
    def maybe(what: Changed) -> None:
        if what & kinds and isValid(view):
            reload()

    hub = broadcast()
    hub.changed.connect(maybe)

    def forget(*_args: object) -> None:
        with suppress(RuntimeError, TypeError):  # at shutdown the broadcaster may go first
            hub.changed.disconnect(maybe)

    view.destroyed.connect(forget)
