"""What an operation changed, broadcast to every view (the model is Anki's ``OpChanges``).

An operation (``workers.run_op``) names what it changed; each view subscribes to the kinds
it shows and reloads itself from the store when one of them changes. No view wires itself to
another view's signals, and a view never reloads itself by hand after its own change: the
broadcast does it, once. A view out of sight (a tab not shown, a dialog closed) reloads when
it is next shown, not at every change meanwhile: its reload is database work that others
queue behind (a force's store: seconds for every case), and nobody would see it."""

from __future__ import annotations

import enum
from collections.abc import Callable
from contextlib import suppress

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QWidget
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


class _WhenShown(QObject):
    """Holds a view's reload back while it is out of sight, and runs it once when the view
    is next shown."""

    def __init__(self, view: QWidget, reload: Callable[[], object]) -> None:
        super().__init__(view)
        self.view, self.reload = view, reload
        self.stale = False
        self.seen = view.isVisible()
        view.installEventFilter(self)

    def out_of_sight(self) -> bool:
        """Hidden from a user who could see it: a page of a window on screen that is not
        shown, or a view shown before and hidden since (a widget never shown, e.g. in a
        test, or the panels of a window not yet open, reload as they always did)."""
        view = self.view
        return not view.isVisible() and (self.seen or view.window().isVisible())

    def changed(self) -> None:
        if self.out_of_sight():
            self.stale = True
        else:
            self.reload()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.Show:
            self.seen = True
            if self.stale:
                self.stale = False
                self.reload()
        return False


def reload_when_shown(view: QWidget) -> None:
    """Have ``view``'s subscriptions reload it when it is next shown (e.g. a dialog opened
    again, whose figures move with the date too)."""
    for waiting in view.findChildren(_WhenShown):
        waiting.stale = True


def subscribe(view: QObject, kinds: Changed, reload: Callable[[], object],
              while_hidden: bool = False) -> None:
    """Call ``reload()`` whenever one of ``kinds`` changes, while ``view`` exists; a widget
    out of sight is reloaded when it is next shown instead, unless ``while_hidden`` (a view
    whose state others read while it is hidden)."""
    held = _WhenShown(view, reload) if isinstance(view, QWidget) and not while_hidden \
        else None

    def maybe(what: Changed) -> None:
        if what & kinds and isValid(view):
            if held is not None and isValid(held):
                held.changed()
            else:
                reload()

    hub = broadcast()
    hub.changed.connect(maybe)

    def forget(*_args: object) -> None:
        with suppress(RuntimeError, TypeError):  # at shutdown the broadcaster may go first
            hub.changed.disconnect(maybe)

    view.destroyed.connect(forget)
