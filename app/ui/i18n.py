"""The user's language: the ``ui_language`` setting, else the system locale. Loads the app's
compiled catalogue (``bwv_studio_XX.qm``) and Qt's own, and makes QLocale format dates,
times and numbers the same way."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

# code -> name in that language (offered in File > Settings)
LANGUAGES = {"en": "English", "cy": "Cymraeg"}
_installed: list[QTranslator] = []


def translations_dir() -> Path:
    """Compiled catalogues: in the bundle, or build/translations of a source checkout (made by
    ``tools/dev setup``); BWV_TRANSLATIONS_DIR overrides (tests)."""
    if os.environ.get("BWV_TRANSLATIONS_DIR"):
        return Path(os.environ["BWV_TRANSLATIONS_DIR"])
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "translations"
    return Path(__file__).resolve().parents[2] / "build" / "translations"


def choose_language(setting: str, system: QLocale | None = None) -> str:
    """The language code to use: the setting when it names one we ship, else the system's
    (cy_GB -> cy), else English."""
    for code in (setting, (system or QLocale.system()).name().split("_")[0]):
        if code in LANGUAGES:
            return code
    return "en"


def remove_translators() -> None:
    """Back to the source text (English without plural forms)."""
    app = QCoreApplication.instance()
    for old in _installed:
        if app is not None:
            app.removeTranslator(old)
    _installed.clear()


def install_translators(setting: str = "") -> str:
    """Load the catalogues for the chosen language into the running application; returns its
    code. A missing catalogue leaves the English source text (never an error)."""
    app = QCoreApplication.instance()
    assert app is not None
    remove_translators()
    code = choose_language(setting)
    system = QLocale.system()
    locale = system if system.name().split("_")[0] == code else QLocale(
        {"cy": "cy_GB", "en": "en_GB"}[code])
    QLocale.setDefault(locale)
    catalogues = [(translations_dir(), f"bwv_studio_{code}"),
                  (Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
                   f"qtbase_{code}")]
    for folder, name in catalogues:
        translator = QTranslator(app)
        if translator.load(name, str(folder)):
            app.installTranslator(translator)
            _installed.append(translator)
    return code
