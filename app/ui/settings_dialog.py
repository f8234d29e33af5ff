"""Edit the user settings (settings.json through app.core.settings) and, for administrators,
the store's approval rule (``store_policy``: it applies to every workstation, audited)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from app.core.errors import BwvError
from app.core.people.permissions import Permission, can
from app.core.people.users import find_user, resolve_actor
from app.core.policy.store_policy import load_policy, set_policy
from app.core.settings import Settings, save_settings, settings_file
from app.core.store.database import Store
from app.ui.error_dialog import show_error
from app.ui.i18n import LANGUAGES, choose_language
from app.ui.signed_in import SignedIn


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None,
                 store: Store | None = None, user: SignedIn | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.settings = settings
        self.store, self.user = store, user
        self.rule_now: bool | None = None
        admin = False
        if store is not None:  # a short read: the rule and whether this user may change it
            with store.read() as session:
                self.rule_now = load_policy(session).require_approval
                me = find_user(session, user.name) if user is not None else None
                admin = me is not None and me.active and can(me, Permission.SETTINGS)
        self.data_dir = QLineEdit(settings.data_dir, self)
        self.data_dir.setPlaceholderText(str(settings.data_path))
        self.database_url = QLineEdit(settings.database_url, self)
        self.database_url.setPlaceholderText(self.tr("empty: SQLite in the data folder; "
                                                     "e.g. postgresql+psycopg://user@host/bwv"))
        self.language = QComboBox(self)
        self.language.addItem(self.tr("As the system (%1)").replace(
            "%1", LANGUAGES[choose_language("")]), "")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.ui_language)))
        self.theme = QComboBox(self)
        for code, name in (("system", self.tr("As the system")), ("light", self.tr("Light")),
                           ("dark", self.tr("Dark"))):
            self.theme.addItem(name, code)
        self.theme.setCurrentIndex(max(0, self.theme.findData(settings.ui_theme)))
        self.default_user = QLineEdit(settings.default_user, self)
        self.default_user.setPlaceholderText(self.tr("empty: your login name"))
        self.require_approval = QCheckBox(
            self.tr("Exports need a supervisor's approval of the exact plan"), self)
        self.require_approval.setChecked(self.rule_now is not False)
        self.require_approval.setEnabled(admin)
        self.require_approval.setToolTip(
            self.tr("A rule of the evidence store, for every workstation; only an "
                    "administrator changes it, and the change is audited.") if admin else
            self.tr("A rule of the evidence store, for every workstation: ask an "
                    "administrator to change it."))
        self.reason_codes = QPlainTextEdit("\n".join(settings.reason_codes), self)
        self.reason_codes.setToolTip(self.tr("One reason per line; offered when a person is "
                                             "redacted or kept, a box drawn or audio muted."))
        self.reason_codes.setMaximumHeight(120)
        form = QFormLayout(self)
        form.addRow(self.tr("Data folder"), self.data_dir)
        form.addRow(self.tr("Database URL"), self.database_url)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Look"), self.theme)
        form.addRow(self.tr("User name"), self.default_user)
        form.addRow(self.tr("Approval"), self.require_approval)
        form.addRow(self.tr("Reason codes"), self.reason_codes)
        note = QLabel(self.tr("Saved to {0}. A new data folder, database, language or look is "
                              "used from the next start.").format(settings_file()), self)
        note.setWordWrap(True)
        form.addRow(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _save(self) -> None:
        s = self.settings
        s.data_dir = self.data_dir.text().strip()
        s.database_url = self.database_url.text().strip()
        s.default_user = self.default_user.text().strip()
        s.ui_language = str(self.language.currentData() or "")
        s.ui_theme = str(self.theme.currentData() or "system")
        codes = [c.strip() for c in self.reason_codes.toPlainText().splitlines() if c.strip()]
        s.reason_codes = codes or s.reason_codes
        try:
            save_settings(s)
            wanted = self.require_approval.isChecked()
            if self.store is not None and self.user is not None \
                    and self.rule_now is not None and wanted != self.rule_now:
                with self.store.transaction() as session:
                    set_policy(session, resolve_actor(session, self.user.name),
                               require_approval=wanted)
        except (BwvError, OSError) as exc:
            show_error(self, self.tr("The settings could not be saved: {0}").format(exc))
            return
        self.accept()
