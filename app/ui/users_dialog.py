"""Tools > Users: accounts and roles for administrators (the core refuses everyone else).

Adding a user, changing a role, (de)activating, setting a password, vouching for a signing
key and taking over the root key of a store made before signing go through the same core
services as ``bwv user``; each is audited there. Everyone sees their own key's fingerprint
(to read out to the administrator who vouches for it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.people import users
from app.core.people.permissions import Permission, can
from app.core.sign_in import accounts, key_registry, lockout
from app.core.sign_in.key_registry import KeyStatus
from app.core.store.database import Store
from app.core.store.models import Role
from app.core.views.records import UserRecord
from app.ui.changes import Changed, subscribe
from app.ui.resources import error_color
from app.ui.signed_in import SignedIn
from app.ui.workers import run_op


def role_name(role: Role) -> str:
    names = {
        Role.DISCLOSURE_OFFICER: QCoreApplication.translate("Role", "Disclosure officer"),
        Role.SUPERVISOR: QCoreApplication.translate("Role", "Supervisor"),
        Role.CASE_STAFF: QCoreApplication.translate("Role", "Case staff"),
        Role.ADMINISTRATOR: QCoreApplication.translate("Role", "Administrator"),
    }
    return names[role]


class UsersDialog(QDialog):
    loaded = Signal(int)  # rows shown
    changed = Signal()
    failed = Signal(str)

    def __init__(self, store: Store, user: SignedIn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Users"))
        self.resize(640, 420)
        self.store, self.user = store, user
        self.records: list[UserRecord] = []
        self.keys: dict[str, KeyStatus] = {}
        self.may_manage = self.has_root = False
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Role"),
                                              self.tr("Active"), self.tr("Password"),
                                              self.tr("Signing key")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        # the form for a new user, or for the selected one
        self.name = QLineEdit(self)
        self.role = QComboBox(self)
        for role in Role:
            self.role.addItem(role_name(role), role.value)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("at least {0} characters").format(
            accounts.MIN_PASSWORD_LENGTH))
        self.repeat = QLineEdit(self)
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Repeat the password"), self.repeat)
        self.add_button = QPushButton(self.tr("Add user"), self)
        self.add_button.clicked.connect(self.add_user)
        self.role_button = QPushButton(self.tr("Change role"), self)
        self.role_button.clicked.connect(self.change_role)
        self.active_button = QPushButton(self.tr("Deactivate"), self)
        self.active_button.clicked.connect(self.toggle_active)
        self.password_button = QPushButton(self.tr("Set password"), self)
        self.password_button.clicked.connect(self.set_password)
        self.unlock_button = QPushButton(self.tr("Unlock…"), self)
        self.unlock_button.setToolTip(self.tr("Let a user locked by failed sign-ins sign in "
                                              "again (asks why; audited)"))
        self.unlock_button.clicked.connect(lambda: self.unlock())
        self.vouch_button = QPushButton(self.tr("Vouch for key…"), self)
        self.vouch_button.setToolTip(self.tr("Vouch for a key its owner registered themself: "
                                             "type the fingerprint they read out to you "
                                             "(audited)"))
        self.vouch_button.clicked.connect(lambda: self.vouch())
        self.root_button = QPushButton(self.tr("Take over root key…"), self)
        self.root_button.setToolTip(self.tr("This store has no root key and its first account "
                                            "cannot give it: make your key the root (asks "
                                            "why; audited)"))
        self.root_button.clicked.connect(lambda: self.claim_root())
        buttons = QHBoxLayout()
        for b in (self.add_button, self.role_button, self.active_button, self.password_button,
                  self.unlock_button, self.vouch_button, self.root_button):
            buttons.addWidget(b)
        self.own_key = QLabel(self)
        self.own_key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.own_key)
        layout.addWidget(self.message)
        layout.addWidget(close)
        subscribe(self, Changed.USERS, self.refresh)
        self.refresh()

    # --- loading -----------------------------------------------------------------------

    def _run(self, work: Callable[[], Any], done: Callable[[Any], None],
             changes: Changed = Changed.NOTHING) -> None:
        run_op(self, work, done, self._fail, changes=changes)

    def _fail(self, message: str) -> None:
        self.message.setStyleSheet(f"color: {error_color()}")
        self.message.setText(message)
        self.failed.emit(message)

    def _say(self, text: str) -> None:
        self.message.setStyleSheet("")
        self.message.setText(text)

    def refresh(self) -> None:
        store, name = self.store, self.user.name

        def load() -> _Loaded:
            with store.transaction() as session:
                actor = users.resolve_actor(session, name)
                records = users.list_users(session)
                keys = key_registry.key_statuses(session, [r.name for r in records])
                mine = None
                if name in store.signers:
                    mine = key_registry.own_key(session, name)
                return (records, can(actor, Permission.MANAGE_USERS), keys,
                        key_registry.root_claimed(session), mine)

        self._run(load, self._loaded)

    def key_text(self, status: KeyStatus | None) -> str:
        if status is None or not status.fingerprint:
            return self.tr("none")
        word = (self.tr("root") if status.root else self.tr("vouched") if status.vouched
                else self.tr("not vouched"))
        return f"{status.fingerprint} ({word})"

    def _loaded(self, result: _Loaded) -> None:
        selected = self.selected()
        self.records, self.may_manage, self.keys, self.has_root, mine = result
        self.table.setRowCount(len(self.records))
        yes, no = self.tr("Yes"), self.tr("No")
        for row, rec in enumerate(self.records):
            for col, text in enumerate((rec.name, role_name(rec.role),
                                        yes if rec.active else no,
                                        yes if rec.has_password else no,
                                        self.key_text(self.keys.get(rec.name)))):
                self.table.setItem(row, col, QTableWidgetItem(text))
            if selected is not None and rec.name == selected.name:
                self.table.selectRow(row)
        self.own_key.setText(self.tr("Your signing key: {0}").format(self.key_text(mine))
                             if mine is not None else "")
        if not self.may_manage:
            self._say(self.tr("Only an administrator can add or change users."))
        self._update_buttons()
        self.loaded.emit(len(self.records))

    def selected(self) -> UserRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self.records[rows[0].row()] if rows and rows[0].row() < len(self.records) \
            else None

    def _update_buttons(self) -> None:
        chosen = self.selected()
        self.add_button.setEnabled(self.may_manage)
        for b in (self.role_button, self.active_button, self.password_button,
                  self.unlock_button):
            b.setEnabled(self.may_manage and chosen is not None)
        status = self.keys.get(chosen.name) if chosen is not None else None
        self.vouch_button.setEnabled(self.may_manage and status is not None
                                     and bool(status.fingerprint) and not status.vouched)
        self.root_button.setVisible(self.may_manage and not self.has_root)
        self.active_button.setText(self.tr("Deactivate") if chosen is None or chosen.active
                                   else self.tr("Activate"))
        if chosen is not None:
            self.role.setCurrentIndex(max(0, self.role.findData(chosen.role.value)))

    # --- changes (each through the core, audited there) ----------------------------------

    def _new_password(self) -> str | None:
        """The typed password, '' for none; None (with a message) when the two differ."""
        if self.password.text() != self.repeat.text():
            self._fail(self.tr("The two passwords differ."))
            return None
        return self.password.text()

    def _change(self, work: Callable[[Any, Any], object], done_text: str) -> None:
        store, name = self.store, self.user.name

        def change() -> None:
            with store.transaction() as session:
                work(session, users.resolve_actor(session, name))

        def done(_result: object) -> None:
            self.password.clear()
            self.repeat.clear()
            self._say(done_text)
            self.changed.emit()

        self._run(change, done, Changed.USERS)

    def add_user(self) -> None:
        password = self._new_password()
        if password is None:
            return
        new_name, role = self.name.text().strip(), str(self.role.currentData())
        if not password:
            self._fail(self.tr("Give the new user a password (they can change it)."))
            return

        def add(session: Any, actor: Any) -> None:
            credentials = accounts.new_credentials(password, new_name)
            users.add_user(session, actor, new_name, role, credentials)

        self._change(add, self.tr("Added {0}.").format(new_name))

    def change_role(self) -> None:
        chosen, role = self.selected(), str(self.role.currentData())
        if chosen is None:
            return
        self._change(lambda s, a: users.update_user(s, a, chosen.name, role=role),
                     self.tr("{0} is now: {1}.").format(chosen.name, self.role.currentText()))

    def toggle_active(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        active = not chosen.active
        self._change(lambda s, a: users.update_user(s, a, chosen.name, active=active),
                     (self.tr("{0} can sign in again.") if active
                      else self.tr("{0} can no longer sign in.")).format(chosen.name))

    def set_password(self) -> None:
        chosen, password = self.selected(), self._new_password()
        if chosen is None or password is None:
            return
        if not password:
            self._fail(self.tr("Type the new password twice."))
            return
        if chosen.name == self.user.name and chosen.has_password:
            self._fail(self.tr("Change your own password with 'bwv user passwd' (it asks for "
                               "the current one)."))
            return
        self._change(lambda s, a: accounts.set_password(s, a, chosen.name, password),
                     self.tr("Password of {0} set.").format(chosen.name))

    def unlock(self, reason: str | None = None) -> None:
        """Unlock the selected account after failed sign-ins, with a reason."""
        chosen = self.selected()
        if chosen is None:
            return
        if reason is None:
            reason, ok = QInputDialog.getText(self, self.tr("Unlock"), self.tr(
                "Why may {0} sign in again? (recorded)").format(chosen.name))
            if not ok:
                return
        why = reason
        self._change(lambda s, a: lockout.unlock(s, a, chosen.name, why),
                     self.tr("{0} can sign in again.").format(chosen.name))

    def vouch(self, typed: str | None = None) -> None:
        """Vouch for the selected account's key, with the fingerprint its owner read out."""
        chosen = self.selected()
        if chosen is None:
            return
        if typed is None:
            typed, ok = QInputDialog.getText(self, self.tr("Vouch for key"), self.tr(
                "The fingerprint {0} reads out from their own Users window:").format(
                chosen.name))
            if not ok:
                return
        fingerprint = typed
        self._change(lambda s, a: key_registry.vouch_key(s, a, chosen.name, fingerprint),
                     self.tr("You vouched for the key of {0}.").format(chosen.name))

    def claim_root(self, reason: str | None = None, password: str | None = None) -> None:
        """Make one's own key the root of a store made before signing (asks why)."""
        if reason is None:
            reason, ok = QInputDialog.getText(self, self.tr("Take over root key"), self.tr(
                "Why does the root key pass to you? (recorded)"))
            if not ok:
                return
        if password is None and self.user.name not in self.store.signers:
            password, ok = QInputDialog.getText(self, self.tr("Take over root key"), self.tr(
                "Your password (it opens your signing key):"), QLineEdit.EchoMode.Password)
            if not ok:
                return
        why, given = reason, password
        self._change(lambda s, a: key_registry.claim_root(s, a, why, given),
                     self.tr("Your key is now this store's root key. Publish its fingerprint "
                             "and vouch for the other keys."))


_Loaded = tuple[list[UserRecord], bool, dict[str, KeyStatus], bool, KeyStatus | None]
