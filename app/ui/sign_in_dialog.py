"""Signing in with a local account, and creating a new store's first administrator.

Checking a password (argon2id, the signing key's unsealing and the audit event: 0.25 s for a
wrong password to 0.6 s for the right one on the 2-core development machine with other work
beside it, 2026-12-07) and creating an account run off the UI thread (``workers.waited``):
the dialog keeps painting, says it is checking, and takes no second click or Cancel
meanwhile (on its own thread: never queued behind the store's other work).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from app.core.errors import BwvError
from app.core.sign_in import accounts
from app.core.store.database import Store
from app.core.views.records import UserRecord
from app.ui.error_text import error_text
from app.ui.resources import error_color
from app.ui.workers import waited

T = TypeVar("T")


def error_style() -> str:
    return f"color: {error_color()}"


def _password_edit(parent: QWidget) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class _Waits(QDialog):
    """A dialog whose answer waits for the store: its fields and buttons are disabled, and
    it cannot be closed, while the check runs."""

    busy = False
    message: QLabel  # what went wrong, under the fields

    def tell(self, text: str) -> None:
        """Say ``text`` under the fields, the dialog grown to show all of it (a long reason,
        such as when a held administrator's account opens again, was cut off)."""
        self.message.setText(text)
        self.adjustSize()

    def checked(self, fn: Callable[[], T]) -> T:
        """``fn()`` off the UI thread, the dialog held meanwhile."""
        self.busy = True
        focused = QApplication.focusWidget()  # (disabling it drops the focus)
        held = [w for w in self.findChildren(QWidget) if w.isEnabled()]
        for widget in held:
            widget.setEnabled(False)
        self.message.setStyleSheet("")  # (a state, not an error: not in the error colour)
        self.message.setText(QCoreApplication.translate("SignInDialog", "Checking…"))
        try:
            return waited(fn)
        finally:
            for widget in held:
                widget.setEnabled(True)
            if focused is not None and focused in held:
                focused.setFocus()
            self.message.clear()
            self.message.setStyleSheet(error_style())
            self.busy = False

    def reject(self) -> None:
        if not self.busy:  # (Esc or the window's close while checking: the answer decides)
            super().reject()


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel, dialog)
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    if ok is not None:
        ok.setText(ok_text)
    buttons.rejected.connect(dialog.reject)
    return buttons


class SignInDialog(_Waits):
    """User name and password; stays open with the reason when they do not match."""

    def __init__(self, store: Store, user_name: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign in to BWV Studio"))
        self.setMinimumWidth(340)
        self.store = store
        self.signed_in_as: UserRecord | None = None
        self.name = QLineEdit(user_name, self)
        self.name.setMaxLength(128)
        self.password = _password_edit(self)
        self.message = QLabel(self)
        self.message.setStyleSheet(error_style())
        self.message.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("User name"), self.name)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.message)
        buttons = _buttons(self, self.tr("Sign in"))
        buttons.accepted.connect(self.try_accept)
        form.addRow(buttons)
        (self.password if user_name else self.name).setFocus()

    def try_accept(self) -> bool:
        """Check the name and password; accept the dialog if they match."""
        if self.busy:
            return False
        name, password = self.name.text(), self.password.text()
        try:
            self.signed_in_as = self.checked(lambda: accounts.sign_in(self.store, name,
                                                                      password))
        except BwvError as exc:  # SignInError, or the store cannot be reached
            self.tell(error_text(exc))
            self.password.clear()
            self.password.setFocus()
            return False
        self.message.clear()
        self.accept()
        return True


class FirstAdministratorDialog(_Waits):
    """A store without accounts: create the administrator, who is then signed in."""

    def __init__(self, store: Store, user_name: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Create the administrator"))
        self.setMinimumWidth(420)
        self.store = store
        self.signed_in_as: UserRecord | None = None
        intro = self.intro = QLabel(self.tr("This store has no accounts yet. Create its "
                                            "administrator, who then adds everyone else."),
                                    self)
        intro.setWordWrap(True)
        self.name = QLineEdit(user_name, self)
        self.name.setMaxLength(128)
        self.password = _password_edit(self)
        self.password.setPlaceholderText(self.tr("at least {0} characters").format(
            accounts.MIN_PASSWORD_LENGTH))
        self.repeat = _password_edit(self)
        self.message = QLabel(self)
        self.message.setStyleSheet(error_style())
        self.message.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(intro)
        form.addRow(self.tr("User name"), self.name)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Repeat the password"), self.repeat)
        form.addRow(self.message)
        buttons = _buttons(self, self.tr("Create and sign in"))
        buttons.accepted.connect(self.try_accept)
        form.addRow(buttons)
        (self.password if user_name else self.name).setFocus()

    def try_accept(self) -> bool:
        """Create the administrator if the passwords match and the store has no accounts."""
        if self.busy:
            return False
        if self.password.text() != self.repeat.text():
            self.tell(self.tr("The two passwords differ."))
            self.repeat.clear()
            self.repeat.setFocus()
            return False
        name, password = self.name.text(), self.password.text()

        def create() -> UserRecord:
            with self.store.transaction() as session:
                return accounts.create_first_administrator(session, name, password)

        try:
            created = self.checked(create)
        except BwvError as exc:
            self.tell(error_text(exc))
            return False
        self.signed_in_as = created
        self.message.clear()
        self.accept()
        return True
