"""Entry point of ``bwv-studio``: set up Qt, logging and the error hook, open the store."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from PySide6.QtWidgets import QApplication

from app import __version__
from app.core.database import Store
from app.core.errors import BwvError
from app.core.logs import setup_logging
from app.core.settings import load_settings


def _no_display() -> bool:
    return (sys.platform.startswith("linux") and not os.environ.get("DISPLAY")
            and not os.environ.get("WAYLAND_DISPLAY")
            and not os.environ.get("QT_QPA_PLATFORM"))


def create_application(argv: Sequence[str]) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(list(argv))
    app.setOrganizationName("BWV Studio")
    app.setApplicationName("bwv-studio")
    app.setApplicationDisplayName("BWV Studio")
    app.setApplicationVersion(__version__)
    return app


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    if _no_display():
        print("bwv-studio: no display found (DISPLAY is not set). Start it from a desktop "
              "session, or under a virtual screen with: xvfb-run bwv-studio", file=sys.stderr)
        return 2
    setup_logging()
    app = create_application(argv)
    from app.ui.error_dialog import install_excepthooks, show_error
    from app.ui.main_window import MainWindow

    install_excepthooks()
    try:
        settings = load_settings()
        store = Store(settings.effective_database_url, settings.data_path)
    except BwvError as exc:
        show_error(None, str(exc))
        return 1
    window = MainWindow(store, settings)
    window.show()
    try:
        return app.exec()
    finally:
        from app.ui.workers import shutdown

        shutdown()  # let database work finish before the store closes
        store.close()


if __name__ == "__main__":
    sys.exit(main())
