"""The user's language: the ``ui_language`` setting, else the system locale. Loads the app's
compiled catalogue (``bwv_studio_XX.qm``) and Qt's own, and makes QLocale format dates,
times and numbers the same way.

Qt names its standard buttons (OK, Cancel, Yes, No, Close, Save... in every QMessageBox,
QDialogButtonBox and QInputDialog) from its own qtbase catalogue, which has no Welsh; the
app's catalogue carries those strings too (:data:`QT_STRINGS`), in Qt's own contexts, so
Qt finds them there."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QTranslator,
)

# code -> name in that language (offered in File > Settings)
LANGUAGES = {"en": "English", "cy": "Cymraeg"}
_installed: list[QTranslator] = []

# Qt's own texts that the app shows, exactly as Qt asks for them (context, source); listed
# here so that pyside6-lupdate keeps them in translations/*.ts. Qt looks them up itself.
QT_STRINGS = (
    # standard buttons (QPlatformTheme::defaultStandardButtonText)
    QT_TRANSLATE_NOOP("QPlatformTheme", "OK"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Open"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&Yes"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Yes to &All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&No"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "N&o to All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Abort"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Retry"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Ignore"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Close"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Discard"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Help"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Apply"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Reset"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Restore Defaults"),
    # the same buttons on a GNOME desktop (and with the gtk3 platform theme)
    QT_TRANSLATE_NOOP("QGnomeTheme", "&OK"),
    QT_TRANSLATE_NOOP("QGnomeTheme", "&Save"),
    QT_TRANSLATE_NOOP("QGnomeTheme", "&Cancel"),
    QT_TRANSLATE_NOOP("QGnomeTheme", "&Close"),
    QT_TRANSLATE_NOOP("QGnomeTheme", "Close without Saving"),
    # the error dialog's details button
    QT_TRANSLATE_NOOP("QMessageBox", "Show Details..."),
    QT_TRANSLATE_NOOP("QMessageBox", "Hide Details..."),
    # the accept button of Qt's own file dialog (where there is no native one)
    QT_TRANSLATE_NOOP("QFileDialog", "&Open"),
    QT_TRANSLATE_NOOP("QFileDialog", "&Choose"),
)


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
