"""In Welsh, Qt's standard buttons and the role in the status bar read in Welsh too (issue
14, item 12): Qt's own catalogue has no Welsh, so ours carries those strings."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QInputDialog,
    QMessageBox,
    QPushButton,
)
from pytestqt.qtbot import QtBot

from app.core.people.users import resolve_actor
from app.core.settings import load_settings
from app.core.store.database import Store
from app.core.store.models import Role
from app.ui.i18n import install_translators, remove_translators
from app.ui.main_window import MainWindow
from app.ui.users_dialog import role_name
from tests.conftest import REPO
from tests.ui.window import signed_in_record

Button = QDialogButtonBox.StandardButton
WELSH = {Button.Ok: "Iawn", Button.Cancel: "Canslo", Button.Yes: "Ie", Button.No: "Na",
         Button.Close: "Cau", Button.Save: "Cadw", Button.Apply: "Gweithredu"}


@pytest.fixture
def welsh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication) -> Iterator[None]:
    """The compiled catalogues (build outputs, made here from translations/*.ts), in Welsh."""
    out = tmp_path / "qm"
    subprocess.run([sys.executable, str(REPO / "tools" / "translations.py"), "build", str(out)],
                   check=True, capture_output=True)
    monkeypatch.setenv("BWV_TRANSLATIONS_DIR", str(out))
    assert install_translators("cy") == "cy"
    yield
    remove_translators()


def _plain(text: str) -> str:
    """A button's text without its keyboard accelerator."""
    return text.replace("&", "")


def test_message_box_buttons_are_welsh(qtbot: QtBot, welsh: None) -> None:
    box = QMessageBox(QMessageBox.Icon.Question, "Teitl", "Neges",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
                      | QMessageBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    for standard, english in ((QMessageBox.StandardButton.Yes, Button.Yes),
                              (QMessageBox.StandardButton.No, Button.No),
                              (QMessageBox.StandardButton.Cancel, Button.Cancel)):
        button = box.button(standard)
        assert button is not None and _plain(button.text()) == WELSH[english]
    box.setDetailedText("Traceback ...")  # the error dialog's details button
    box.show()
    texts = [_plain(b.text()) for b in box.findChildren(QPushButton)]
    assert not any("Details" in text for text in texts), texts


def test_dialog_button_boxes_are_welsh(qtbot: QtBot, welsh: None) -> None:
    for standard, welsh_text in WELSH.items():
        buttons = QDialogButtonBox(standard)
        qtbot.addWidget(buttons)
        button = buttons.button(standard)
        assert button is not None and _plain(button.text()) == welsh_text, standard
    both = QDialogButtonBox(Button.Ok | Button.Cancel)
    qtbot.addWidget(both)
    assert sorted(_plain(b.text()) for b in both.buttons()) == ["Canslo", "Iawn"]
    ask = QInputDialog()
    qtbot.addWidget(ask)
    ask.show()
    assert {_plain(b.text()) for b in ask.findChildren(QPushButton)} == {"Canslo", "Iawn"}


def test_role_names_and_the_status_bar_are_welsh(qtbot: QtBot, store: Store,
                                                  welsh: None) -> None:
    english = {"Disclosure officer", "Supervisor", "Case staff", "Administrator"}
    names = {role_name(role) for role in Role}
    assert len(names) == 4 and not names & english
    with store.transaction() as session:
        resolve_actor(session, "tester")  # the store's first user: its administrator
    win = MainWindow(store, load_settings(), signed_in_record(store))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: f"({role_name(Role.ADMINISTRATOR)})" in win.who.text(),
                    timeout=10_000)
    message = win.who.text()
    assert "Gweinyddwr" in message and "administrator" not in message.lower(), message
    win.close()
