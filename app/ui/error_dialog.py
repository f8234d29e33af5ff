"""The one error path of the app: log the details, show a non-fatal dialog with "Copy details"."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QMetaObject, QObject, Qt, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from sqlalchemy.exc import DBAPIError

from app.core.errors import BwvError
from app.core.store.database import database_problem
from app.ui.error_text import error_text

log = logging.getLogger(__name__)


def show_error(parent: QWidget | None, message: str, details: str = "",
               wait: bool = True) -> None:
    """Tell the user what went wrong; details (a traceback) go behind a button and a copy.

    ``wait=False`` shows the message without blocking (for messages from background work).
    """
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("ErrorDialog", "BWV Studio"))
    box.setText(message)
    if details:
        box.setDetailedText(details)
        copy = box.addButton(QCoreApplication.translate(
            "ErrorDialog", "Copy details"), QMessageBox.ButtonRole.ActionRole)
        copy.clicked.disconnect()
        copy.clicked.connect(
            lambda: QApplication.clipboard().setText(f"{message}\n\n{details}"))
    box.addButton(QMessageBox.StandardButton.Ok)
    if wait:
        box.exec()
    else:
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()


class _Relay(QObject):
    """Carries errors raised in other threads to the UI thread."""

    def __init__(self) -> None:
        super().__init__()
        self.pending: list[tuple[str, str]] = []

    @Slot()
    def flush(self) -> None:
        while self.pending:
            message, details = self.pending.pop(0)
            show_error(QApplication.activeWindow(), message, details)


_relay: _Relay | None = None


def install_excepthooks() -> None:
    """Route uncaught exceptions (any thread) to the log and a dialog instead of a crash."""
    global _relay
    _relay = _Relay()

    def handle(exc_type: type[BaseException], exc: BaseException,
               tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        log.error("uncaught exception\n%s", details)
        assert _relay is not None
        if isinstance(exc, BwvError):  # a sentence for the user, in their language (e.g. a
            message = error_text(exc)  # value edited into the store), not a class name
        elif isinstance(exc, DBAPIError):  # the store busy (another program writing) or
            message = error_text(database_problem(exc))  # refusing: in words, no statement
        else:
            message = QCoreApplication.translate(
                "ErrorDialog", "Something went wrong: {0}").format(f"{exc_type.__name__}: {exc}")
        _relay.pending.append((message, details))
        QMetaObject.invokeMethod(_relay, "flush", Qt.ConnectionType.QueuedConnection)

    sys.excepthook = handle
    threading.excepthook = lambda a: handle(a.exc_type, a.exc_value or Exception(),
                                            a.exc_traceback)
