"""Signing in to the app: the first administrator, passwords right and wrong, the store's
sign-in rule (passwords or the login name), and the app exiting when nobody signs in."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.core.people.users import add_user, resolve_actor, update_user
from app.core.policy.store_policy import set_policy
from app.core.settings import load_settings
from app.core.sign_in.accounts import has_accounts
from app.core.store.database import Store
from app.core.store.models import AuditEvent, Role
from app.ui.application import sign_in_user
from app.ui.collector import UiThreadCollector
from app.ui.sign_in_dialog import FirstAdministratorDialog, SignInDialog

PASSWORD = "correct horse battery"


def _actions(store: Store) -> list[str]:
    with store.read() as session:
        return list(session.scalars(select(AuditEvent.action).order_by(AuditEvent.seq)))


def test_first_administrator_then_sign_in(qtbot: QtBot, store: Store) -> None:
    first = FirstAdministratorDialog(store, "tester")
    qtbot.addWidget(first)
    assert first.intro.text() == ("This store has no accounts yet. Create its administrator, "
                                  "who then adds everyone else.")
    assert first.password.echoMode() is QLineEdit.EchoMode.Password
    assert first.repeat.echoMode() is QLineEdit.EchoMode.Password
    first.password.setText(PASSWORD)
    first.repeat.setText(PASSWORD + "!")
    assert not first.try_accept()
    assert first.message.text() == "The two passwords differ." and first.repeat.text() == ""
    first.password.setText("short")
    first.repeat.setText("short")
    assert not first.try_accept()
    assert "at least 10 characters" in first.message.text()
    with store.read() as session:
        assert not has_accounts(session)
    first.password.setText(PASSWORD)
    first.repeat.setText(PASSWORD)
    assert first.try_accept() and first.result() == QDialog.DialogCode.Accepted
    assert first.signed_in_as is not None
    assert (first.signed_in_as.name, first.signed_in_as.role) == ("tester",
                                                                  Role.ADMINISTRATOR)
    assert first.signed_in_as.has_password

    again = FirstAdministratorDialog(store, "mallory")  # only on an empty store
    qtbot.addWidget(again)
    again.password.setText(PASSWORD)
    again.repeat.setText(PASSWORD)
    assert not again.try_accept() and "already has users" in again.message.text()

    dialog = SignInDialog(store, "tester")
    qtbot.addWidget(dialog)
    assert dialog.name.text() == "tester"
    assert dialog.password.echoMode() is QLineEdit.EchoMode.Password
    dialog.password.setText("not the password")
    assert not dialog.try_accept()
    assert dialog.message.text() == "Wrong user name or password."
    assert dialog.password.text() == "" and dialog.signed_in_as is None
    assert dialog.result() != QDialog.DialogCode.Accepted
    dialog.name.setText("nobody")  # an unknown name gets the same answer
    dialog.password.setText(PASSWORD)
    assert not dialog.try_accept()
    assert dialog.message.text() == "Wrong user name or password."
    dialog.name.setText("tester")
    dialog.password.setText(PASSWORD)
    assert dialog.try_accept() and dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.signed_in_as is not None and dialog.signed_in_as.name == "tester"
    assert dialog.message.text() == ""
    actions = _actions(store)
    assert actions.count("user.sign_in_failed") == 2 and actions[-1] == "user.sign_in"


def _exec_with(password: str | None) -> object:
    """Replaces a dialog's exec(): fill in the password and press OK (None: Cancel)."""
    def fake_exec(self: FirstAdministratorDialog | SignInDialog) -> int:
        if password is None:
            self.reject()
            return self.result()
        self.password.setText(password)
        if isinstance(self, FirstAdministratorDialog):
            self.repeat.setText(password)
        self.try_accept()
        return self.result()

    return fake_exec


def test_sign_in_user_with_passwords(store: Store, qtbot: QtBot,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    settings = load_settings()  # BWV_USER=tester
    monkeypatch.setattr(SignInDialog, "exec", lambda self: pytest.fail("no account yet"))
    monkeypatch.setattr(FirstAdministratorDialog, "exec", _exec_with(None))
    assert sign_in_user(store, settings) is None  # cancelled: the app exits
    monkeypatch.setattr(FirstAdministratorDialog, "exec", _exec_with(PASSWORD))
    assert sign_in_user(store, settings).name == "tester"  # the new administrator is signed in

    monkeypatch.setattr(FirstAdministratorDialog, "exec", lambda self: pytest.fail("has one"))
    monkeypatch.setattr(SignInDialog, "exec", _exec_with("wrong password"))
    assert sign_in_user(store, settings) is None  # stays open until cancelled, here: no
    monkeypatch.setattr(SignInDialog, "exec", _exec_with(PASSWORD))
    assert sign_in_user(store, settings).name == "tester"
    assert _actions(store)[-1] == "user.sign_in"


def test_sign_in_user_with_the_login_name(store: Store, monkeypatch: pytest.MonkeyPatch,
                                          qtbot: QtBot) -> None:
    with store.transaction() as session:
        admin = resolve_actor(session, "admin")  # the first user: administrator
        set_policy(session, admin, sign_in="os_user")
    for dialog in (SignInDialog, FirstAdministratorDialog):
        monkeypatch.setattr(dialog, "exec", lambda self: pytest.fail("no dialog in os_user"))
    settings = load_settings()
    told: list[str] = []
    assert sign_in_user(store, settings, report=told.append) is None
    assert told == ["'tester' has no account in this store; ask an administrator to add one "
                    "(bwv user add)."]
    with store.transaction() as session:
        add_user(session, resolve_actor(session, "admin"), "tester", Role.DISCLOSURE_OFFICER)
    assert sign_in_user(store, settings, report=told.append).name == "tester"
    with store.transaction() as session:
        update_user(session, resolve_actor(session, "admin"), "tester", active=False)
    assert sign_in_user(store, settings, report=told.append) is None
    assert told[-1] == "User 'tester' is deactivated; ask an administrator."


def test_login_name_on_an_empty_store_becomes_its_administrator(
        store: Store, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot) -> None:
    from app.core.policy.store_policy import SignIn, StorePolicy
    from app.ui import application

    monkeypatch.setattr(application, "load_policy",
                        lambda session: StorePolicy(sign_in=SignIn.OS_USER))
    assert sign_in_user(store, load_settings(), report=pytest.fail).name == "tester"
    with store.read() as session:
        from app.core.people.users import find_user

        user = find_user(session, "tester")
        assert user is not None and user.role is Role.ADMINISTRATOR


def test_app_exits_with_1_when_nobody_signs_in(monkeypatch: pytest.MonkeyPatch,
                                               isolated_env: Path, qtbot: QtBot) -> None:
    from app.ui import application

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    monkeypatch.setattr(application, "setup_logging", lambda: None)
    seen: list[str] = []

    def cancelled(store: Store, settings: object, parent: object = None) -> None:
        seen.append(store.url)

    monkeypatch.setattr(application, "sign_in_user", cancelled)
    assert application.main(["bwv-studio"]) == 1
    assert len(seen) == 1 and seen[0].startswith("sqlite:///")


def test_login_name_sign_in_reads_only(store: Store, monkeypatch: pytest.MonkeyPatch,
                                       qtbot: QtBot) -> None:
    """The app's start under os_user sign-in took the store's write lock: another program
    writing for 10 s refused it (the window never opened, without a word)."""
    import sqlite3

    from sqlalchemy.engine import make_url

    from app.core.store import database

    with store.transaction() as session:
        admin = resolve_actor(session, "admin")
        set_policy(session, admin, sign_in="os_user")
        add_user(session, admin, "tester", Role.DISCLOSURE_OFFICER)
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 300)
    store.engine.dispose()
    holder = sqlite3.connect(str(make_url(store.url).database), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    told: list[str] = []
    try:
        user = sign_in_user(store, load_settings(), report=told.append)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert user is not None and user.name == "tester" and told == []


def test_the_password_is_checked_while_the_dialog_keeps_responding(qtbot: QtBot,
                                                                   store: Store) -> None:
    """Checking a password takes 0.25-0.6 s here (argon2id, the signing key, the audit
    event); it ran on the UI thread and the window froze. Now the event loop keeps turning
    meanwhile, the fields are held, and a Cancel (or Esc) that arrives during the check is
    not taken."""
    with store.transaction() as session:
        from app.core.sign_in.accounts import create_first_administrator
        create_first_administrator(session, "tester", PASSWORD)
    wrong = _checked(qtbot, store, "not the password")
    assert wrong.isVisible() and wrong.result() != QDialog.DialogCode.Accepted
    assert wrong.message.text() == "Wrong user name or password."
    right = _checked(qtbot, store, PASSWORD)
    assert not right.isVisible() and right.result() == QDialog.DialogCode.Accepted


def _checked(qtbot: QtBot, store: Store, password: str) -> SignInDialog:
    """A sign-in dialog after OK with ``password``, Cancel pressed during the check; the
    event loop turned while it ran, with the fields held."""
    from PySide6.QtCore import QTimer

    dialog = SignInDialog(store, "tester")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.password.setText(password)
    held: list[bool] = []
    timer = QTimer()
    timer.setInterval(10)
    said: set[str] = set()

    def look() -> None:
        held.append(not dialog.password.isEnabled())
        said.add(dialog.message.text())

    timer.timeout.connect(look)
    timer.start()
    QTimer.singleShot(0, dialog.reject)  # arrives while the password is checked
    assert dialog.try_accept() is (password == PASSWORD)
    timer.stop()
    assert len(held) >= 3 and all(held), held  # the loop turned; the fields were held
    assert said == {"Checking…"}
    assert dialog.password.isEnabled()
    return dialog


def test_a_failed_check_leaves_nothing_for_the_garbage_collector(
        qtbot: QtBot, store: Store, ui_collector: UiThreadCollector) -> None:
    """A wrong password's error, raised again on the UI thread, was kept in the waiting
    frame, which its traceback holds: a reference cycle holding the caller's frames and so
    the dialog (the one the app starts with has no parent: Python's). Python's garbage
    collector then freed the dialog on whichever thread it ran on, often a worker's during
    the next check, and Switch user crashed the app (a segmentation fault, found by the
    suite). Now nothing is left to it: the dialog goes as soon as nobody holds it."""
    import weakref

    from app.core.sign_in.accounts import create_first_administrator
    from app.ui.workers import waited

    with store.transaction() as session:
        create_first_administrator(session, "tester", PASSWORD)
    with ui_collector.paused():  # (only reference counting frees anything now)
        dialog = SignInDialog(store, "tester")  # no parent, as at the app's start
        dialog.password.setText("not the password")
        assert not dialog.try_accept()
        assert dialog.message.text() == "Wrong user name or password."
        gone = weakref.ref(dialog)
        del dialog
        assert gone() is None, "the dialog is kept alive by a reference cycle"
        assert waited(lambda: 42) == 42


def test_a_long_reason_is_shown_whole(qtbot: QtBot, store: Store) -> None:
    """The only administrator, held after too many failed sign-ins, is told when the account
    opens again; the dialog kept its size and cut that reason off after two lines, the time
    with it. Now the dialog grows to show all of it, and shrinks back for a short one."""
    from app.core.sign_in.accounts import create_first_administrator

    with store.transaction() as session:
        create_first_administrator(session, "tester", PASSWORD)
    dialog = SignInDialog(store, "tester")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    short_height = dialog.height()
    for _ in range(20):
        dialog.password.setText("not the password")
        assert not dialog.try_accept()
        if "opens again" in dialog.message.text():
            break
    message = dialog.message
    assert "opens again by itself at" in message.text()
    qtbot.waitUntil(lambda: message.height() >= message.heightForWidth(message.width()))
    assert message.heightForWidth(message.width()) > 2 * message.fontMetrics().height()
    assert dialog.height() > short_height
    dialog.tell("Wrong user name or password.")
    qtbot.waitUntil(lambda: dialog.height() == short_height)
