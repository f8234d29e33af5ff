"""Welsh and English catalogues, language choice, locale formats, themed icons, About."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.core.detection.model_files import SHIPPED
from app.core.settings import load_settings
from app.core.store.database import Store
from app.ui.i18n import choose_language, install_translators, remove_translators
from app.ui.locale_format import date_text
from app.ui.main_window import MainWindow
from app.ui.resources import icon, theme_palette
from tests.conftest import REPO
from tests.ui.window import signed_in_record


@pytest.fixture
def catalogues(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
               qapp: QApplication) -> Iterator[Path]:
    out = tmp_path / "qm"
    subprocess.run([sys.executable, str(REPO / "tools" / "translations.py"), "build", str(out)],
                   check=True, capture_output=True)
    monkeypatch.setenv("BWV_TRANSLATIONS_DIR", str(out))
    yield out
    remove_translators()  # the other tests read the source text


def test_catalogues_are_current_and_welsh_is_complete() -> None:
    check = subprocess.run([sys.executable, str(REPO / "tools" / "translations.py"), "check"],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
    text = (REPO / "translations" / "bwv_studio_cy.ts").read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text


def test_the_window_speaks_welsh_then_english(qtbot: QtBot, store: Store,
                                              catalogues: Path) -> None:
    assert install_translators("cy") == "cy"
    win = MainWindow(store, load_settings(), signed_in_record(store))
    qtbot.addWidget(win)
    menus = [a.text() for a in win.menuBar().actions()]
    assert menus[0] == "&Ffeil" and "&Cymorth" in menus
    assert win.centre.tabText(2) != "Cases"
    assert QLocale().language() is QLocale.Language.Welsh
    win.close()
    assert install_translators("en") == "en"
    again = MainWindow(store, load_settings(), signed_in_record(store))
    qtbot.addWidget(again)
    assert again.menuBar().actions()[0].text() == "&File"
    assert again.centre.tabText(2) == "Cases"
    days = QCoreApplication.translate  # English plurals come from bwv_studio_en.ts
    assert days("CasesPanel", "%n day(s) left", None, 1) == "1 day left"
    assert days("CasesPanel", "%n day(s) left", None, 3) == "3 days left"
    again.close()


def test_language_comes_from_the_setting_then_the_system() -> None:
    assert choose_language("cy", QLocale("en_GB")) == "cy"
    assert choose_language("", QLocale("cy_GB")) == "cy"
    assert choose_language("", QLocale("fr_FR")) == "en"
    assert choose_language("xx", QLocale("en_US")) == "en"


def test_dates_follow_the_locale(qapp: QApplication) -> None:
    QLocale.setDefault(QLocale("en_US"))
    try:
        us = date_text(date(2026, 11, 24))
        QLocale.setDefault(QLocale("en_GB"))
        gb = date_text(date(2026, 11, 24))
    finally:
        QLocale.setDefault(QLocale("en_GB"))
    assert us.startswith("11/24") and gb.startswith("24/11")


def test_action_icons_follow_light_and_dark_palettes(qapp: QApplication) -> None:
    dark, light = theme_palette("dark"), theme_palette("light")
    assert dark is not None and light is not None and theme_palette("system") is None
    assert dark.color(QPalette.ColorRole.Window).lightness() < 80
    assert light.color(QPalette.ColorRole.Window).lightness() > 200
    for name in ("detect", "preview", "draw-box", "export", "retention", "pack"):
        on_dark = icon(name, dark).pixmap(24, 24).toImage()
        on_light = icon(name, light).pixmap(24, 24).toImage()
        inked = [(x, y) for x in range(24) for y in range(24)
                 if on_dark.pixelColor(x, y).alpha() > 200]
        assert inked, name  # something was drawn
        x, y = inked[0]
        assert on_dark.pixelColor(x, y).lightness() > 150, name  # light ink on dark
        assert on_light.pixelColor(x, y).lightness() < 100, name  # dark ink on light


def test_about_lists_versions_and_model_hashes(qtbot: QtBot, store: Store) -> None:
    from app.core.detection.model_files import CENTERFACE

    win = MainWindow(store, load_settings(), signed_in_record(store))
    qtbot.addWidget(win)
    text = win.about_html()
    assert CENTERFACE.sha256 in text and "verified" in text
    assert "onnxruntime" in text and "qt" in text and "libvlc" in text
    win.close()


def test_about_on_the_command_line_checks_libvlc_and_models(
        capsys: pytest.CaptureFixture[str]) -> None:
    from app.ui.application import main

    assert main(["bwv-studio", "--about"]) == 0
    out = capsys.readouterr().out
    assert "plugins loaded" in out and out.count(" verified") == len(SHIPPED)  # every model


def test_core_errors_are_shown_in_welsh(catalogues: Path) -> None:
    """Issue 16: a refusal from the core (its template and every declared phrase in it) is
    shown in the user's language; the CLI keeps the English sentence and adds its flag."""
    from app.cli.error_hints import error_line
    from app.core.case_state.status import refuse_finished
    from app.core.errors import QT_TRANSLATE_NOOP, ConflictError, PermissionDeniedError, SignInError
    from app.core.export.video_export import EXISTS
    from app.core.people.permissions import Permission, require
    from app.core.sign_in.accounts import LOCKED
    from app.core.store.models import Case, CaseStatus, Role, User
    from app.ui.error_text import error_text

    staff = User(name="casey", role=Role.CASE_STAFF, active=True)
    with pytest.raises(PermissionDeniedError) as refused:
        require(staff, Permission.APPROVE,
                QT_TRANSLATE_NOOP("CoreMessages", "approve or reject a redaction plan"))
    english = str(refused.value)
    assert english == ("casey is case staff; only a supervisor can approve or reject a "
                       "redaction plan.")
    locked = SignInError(LOCKED, name="olive")
    assert error_line(locked).endswith("'bwv user unlock olive'.")
    try:
        assert install_translators("cy") == "cy"
        assert error_text(refused.value) == ("Rôl casey: staff achosion; dim ond goruchwyliwr "
                                             "all gymeradwyo neu wrthod cynllun golygu.")
        assert error_text(locked).startswith("Mae'r defnyddiwr 'olive' wedi'i gloi")
        assert "bodoli eisoes" in error_text(PermissionDeniedError(EXISTS, path="/x.mp4"))
        assert error_text(PermissionDeniedError("Not declared {x}")) == "Not declared {x}"
        user_words = PermissionDeniedError(QT_TRANSLATE_NOOP("CoreMessages",
                                                             "{name} is {role}; only {who} "
                                                             "can {what}."),
                                           name="case staff", role="x", who="y", what="z")
        assert "staff achosion" not in error_text(user_words)  # a name is never translated
        released = Case(reference="SAR-7", status=CaseStatus.RELEASED)  # (a trial: the
        with pytest.raises(ConflictError) as finished:  # status was English in Welsh)
            refuse_finished(released)
        assert error_text(finished.value) == ("Mae gan achos SAR-7 y statws “wedi'i "
                                              "ryddhau”; ailagorwch ef cyn newid ei olygiad.")
    finally:
        install_translators("en")
    assert error_text(refused.value) == english


def test_every_welsh_message_keeps_the_fields_of_its_english() -> None:
    """A translation that lost or renamed a {field} would show the English (error_text
    falls back) or nothing useful: every Welsh core message keeps exactly its fields."""
    import re
    import xml.etree.ElementTree as ET

    root = ET.parse(REPO / "translations" / "bwv_studio_cy.ts").getroot()
    checked = 0
    for context in root.iter("context"):
        if context.findtext("name") != "CoreMessages":
            continue
        for message in context.iter("message"):
            source, welsh = message.findtext("source") or "", message.findtext("translation")
            fields = sorted(re.findall(r"(?<!\{)\{[^{}]*\}(?!\})", source))
            assert welsh and sorted(re.findall(r"(?<!\{)\{[^{}]*\}(?!\})", welsh)) == fields, \
                source
            checked += 1
    assert checked > 200


def test_plan_edits_are_described_in_welsh_and_audited_in_english(
        catalogues: Path, qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    """The Edit menu, the status line and the approval warnings show what an edit did in the
    user's language (the core declares each description for translation, its parts too);
    the audit log keeps the English sentence, whatever the language."""
    import json

    from sqlalchemy import select

    from app.core.redaction import plan_edits
    from app.core.redaction.plan import AudioMode, Shape, Style
    from app.core.redaction.plan_edits import OutputChoices, TrackAction
    from app.core.store.models import AuditEvent
    from app.ui.error_text import said_text
    from tests.ui.test_first_use_fixes import _workspace_with_run

    assert install_translators("cy") == "cy"
    win, ws = _workspace_with_run(qtbot, store, tmp_path)
    person = ws.tracks[0].id
    with qtbot.waitSignal(ws.plan_saved, timeout=10_000):
        ws.commands.set_track_action(person, TrackAction.NOT_A_FACE)
    assert ws.undo_stack.undoText() == f"marcio trac {person} fel nid wyneb"
    with store.read() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "plan.save")
                                .order_by(AuditEvent.seq.desc())).first()
    assert event is not None
    assert json.loads(event.details)["edit"] == f"mark as not a face track {person}"
    with qtbot.waitSignal(ws.plan_saved, timeout=10_000):
        ws.undo_stack.undo()
    assert ws.controls.status.text().endswith(f"marcio trac {person} fel nid wyneb")
    win.close()
    # a description made of parts: each declared part is translated, values stay as they are
    _plan, said = plan_edits.set_output_choices(ws.plan, OutputChoices(
        Style.SOLID, 5, Shape.RECTANGLE, "Case 7", AudioMode.DROP, True, False, False))
    assert str(said) == ("set export style solid 5, rectangle, sound drop, caption 'Case 7', "
                         "metadata kept, heads of people seen from behind left visible")
    assert said_text(said) == ("gosod arddull allforio solet 5, petryal, sain hepgor, capsiwn "
                               "'Case 7', metadata wedi'i gadw, pennau pobl a welir o'r tu ôl "
                               "yn weladwy")
    assert said_text("words of the UI's own") == "words of the UI's own"
