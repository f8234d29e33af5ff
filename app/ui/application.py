"""Entry point of ``bwv-studio``: set up Qt, logging and the error hook, open the store."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QApplication, QDialog, QWidget
from sqlalchemy.exc import DBAPIError

from app import __version__
from app.core.errors import BwvError
from app.core.logs import setup_logging
from app.core.people.permissions import Permission
from app.core.people.users import check_actor
from app.core.policy.store_policy import SignIn, legacy_retention_warning, load_policy
from app.core.settings import Settings, load_settings
from app.core.sign_in.accounts import has_accounts
from app.core.store.database import Store, database_problem
from app.core.views.records import UserRecord
from app.ui.error_text import error_text


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
    app.setDesktopFileName("bwv-studio")  # matches bwv-studio.desktop (icon on Wayland)
    return app


def sign_in_user(store: Store, settings: Settings, parent: QWidget | None = None,
                 report: Callable[[str], None] | None = None) -> UserRecord | None:
    """Who uses the app, by the store's sign-in rule; None if they cancelled or may not.

    ``os_user``: the login name (or BWV_USER) must have an active account (on an empty store
    it becomes the administrator). ``password``: the sign-in dialog, or on a store without
    accounts the dialog that creates its administrator. ``report`` tells the user why
    they cannot sign in (default: an error dialog).
    """
    from app.ui.error_dialog import show_error
    from app.ui.sign_in_dialog import FirstAdministratorDialog, SignInDialog

    tell = report or (lambda message: show_error(parent, message))
    user = settings.effective_user
    try:
        with store.read() as session:
            mode, accounts = load_policy(session).sign_in, has_accounts(session)
        if mode is SignIn.OS_USER:  # reads only, once the store has accounts
            return check_actor(store, user, Permission.VIEW, "use BWV Studio")
    except BwvError as exc:  # SignInError: no account, or deactivated
        tell(error_text(exc))
        return None
    except DBAPIError as exc:  # the store busy: another program writing to it
        tell(error_text(database_problem(exc)))
        return None
    dialog: SignInDialog | FirstAdministratorDialog = (
        SignInDialog(store, user, parent) if accounts
        else FirstAdministratorDialog(store, user, parent))
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    user_record = dialog.signed_in_as
    dialog.deleteLater()  # (on this thread, when the event loop next turns)
    return user_record if accepted else None


def print_about() -> int:
    """``bwv-studio --about``: version, libraries, libvlc with its plugins, models (no window;
    installers use it to prove a bundle is complete). Status 1 if something is missing."""
    from PySide6.QtCore import qVersion

    from app.core.about import library_versions, model_facts

    print(f"BWV Studio {__version__}")
    for name, value in library_versions().items():
        print(f"{name}: {value}")
    print(f"qt: {qVersion()}")
    ok = True
    try:
        import vlc

        instance = vlc.Instance(["--quiet", "--aout=dummy", "--vout=dummy"])
        plugins = "plugins loaded" if instance is not None else "PLUGINS NOT FOUND"
        ok = instance is not None
        print(f"libvlc: {vlc.libvlc_get_version().decode()} ({plugins})")
    except (ImportError, OSError, AttributeError, NameError) as exc:
        ok = False
        print(f"libvlc: NOT FOUND ({exc})")
    for model in model_facts():
        ok = ok and model.ok
        print(f"model {model.file}: {model.sha256} "
              f"{'verified' if model.ok else 'MISSING OR CHANGED'}")
    return 0 if ok else 1


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    if "--about" in argv[1:]:
        return print_about()
    if _no_display():
        print("bwv-studio: no display found (DISPLAY is not set). Start it from a desktop "
              "session, or under a virtual screen with: xvfb-run bwv-studio", file=sys.stderr)
        return 2
    setup_logging()
    app = create_application(argv)
    from app.ui.collector import UiThreadCollector
    from app.ui.error_dialog import install_excepthooks

    install_excepthooks()
    # cycles collected on this thread only (a Qt object among them); the objects the app
    # starts with frozen out of full collections
    collector = UiThreadCollector(app, freeze=True)
    try:
        return _run(app)
    finally:
        collector.stop(collect=False)  # (Python collects as it exits, on this thread)
        collector.deleteLater()


def _run(app: QApplication) -> int:
    """The store, sign-in and the main window, until the user quits; the exit status."""
    from app.ui.error_dialog import show_error
    from app.ui.i18n import install_translators
    from app.ui.main_window import MainWindow
    from app.ui.resources import apply_theme

    try:
        settings = load_settings()
        install_translators(settings.ui_language)
        apply_theme(app, settings.ui_theme)
        store = Store(settings.effective_database_url, settings.data_path)
    except BwvError as exc:
        show_error(None, error_text(exc))
        return 1
    except DBAPIError as exc:  # a new store being written by another program: busy
        show_error(None, error_text(database_problem(exc)))
        return 1
    user = sign_in_user(store, settings)
    if user is None:  # cancelled, or told why not
        store.close()
        return 1
    window = MainWindow(store, settings, user)
    window.show()
    with store.read() as session:
        warning = legacy_retention_warning(settings.extra, session)
    if warning:
        show_error(window, warning, wait=False)
    try:
        return app.exec()
    finally:
        from app.ui.workers import shutdown

        shutdown()  # let database work finish before the store closes
        store.close()


if __name__ == "__main__":
    sys.exit(main())
