"""The main window: assembles panels and actions, nothing more."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QWidget,
)

from app import __version__
from app.core.errors import BwvError
from app.core.library.footage_links import case_to_work_in
from app.core.media.timecode import parse_time
from app.core.settings import Settings
from app.core.store.database import Store
from app.core.views.records import FootageRecord, UserRecord
from app.ui.cases_panel import CasesPanel
from app.ui.changes import reload_when_shown
from app.ui.details_panel import DetailsPanel
from app.ui.error_dialog import show_error
from app.ui.error_text import error_text
from app.ui.flags_panel import FlagsPanel
from app.ui.footage_view import FootageView
from app.ui.integrity_dialog import IntegrityDialog
from app.ui.jobs_dialog import JobsDialog
from app.ui.library_panel import LibraryPanel
from app.ui.resources import app_icon, icon
from app.ui.retention_dialog import RetentionDialog
from app.ui.review_speech import ReviewSpeech
from app.ui.settings_dialog import SettingsDialog
from app.ui.settings_keys import LIBRARY_CASE, remember_window_geometry, window_geometry
from app.ui.signed_in import SignedIn
from app.ui.switch_user import switch_user, work_running
from app.ui.users_dialog import UsersDialog, role_name
from app.ui.workspace.workspace import RedactionWorkspace


class MainWindow(QMainWindow):
    def __init__(self, store: Store, settings: Settings, user: UserRecord,
                 parent: QWidget | None = None) -> None:
        """``user``: who signed in (``application.sign_in_user``); every view acts as them."""
        super().__init__(parent)
        self.store = store
        self.settings = settings
        self.signed_in = signed = SignedIn(user)
        self.setWindowTitle(self.tr("BWV Studio"))
        self.setWindowIcon(app_icon())
        self.library = LibraryPanel(store, self, signed)
        self.footage_view = FootageView(store, signed, self)
        self.player = self.footage_view.player
        self.footage_view.failed.connect(lambda message: show_error(self, message))
        self.library.footage_selected.connect(self.footage_view.open_footage)
        self.details = DetailsPanel(store, signed, self)
        self.details.failed.connect(lambda message: show_error(self, message))
        self.library.footage_selected.connect(self.details.show_footage)
        self.flags_panel = FlagsPanel(self)
        self.footage_view.flags_changed.connect(self.flags_panel.set_flags)
        self.flags_panel.jump_requested.connect(self.player.go_to_time)
        self.flags_panel.edit_requested.connect(self.footage_view.edit_flag)
        self.workspace = RedactionWorkspace(store, settings, signed, self)
        self.workspace.failed.connect(lambda message: show_error(self, message, wait=False))
        self.library.footage_selected.connect(self._footage_selected)
        self.library.case_changed.connect(  # the workspace follows it
            lambda _ref: self._centre_changed())
        self.current_footage: FootageRecord | None = None
        tabs = QTabWidget(self)
        tabs.setUsesScrollButtons(True)  # three tabs in a narrow column (Welsh names are long)
        tabs.addTab(self.details, self.tr("Details"))
        tabs.addTab(self.flags_panel, self.tr("Flags"))
        self.review_speech = ReviewSpeech(store, settings, signed, self)  # what was said
        self.library.footage_selected.connect(self.review_speech.show_footage)
        self.player.position_changed.connect(lambda _i, t: self.review_speech.follow(t))
        self.review_speech.seek_requested.connect(
            lambda t: self.player.go_to_time(t - self.footage_view._t0()))
        tabs.addTab(self.review_speech, self.tr("Speech"))
        left = self.side_panels = QSplitter(Qt.Orientation.Vertical, self)
        left.addWidget(self.library)
        left.addWidget(tabs)
        self.centre = QTabWidget(self)
        self.centre.addTab(self.footage_view, self.tr("Review"))
        self.centre.addTab(self.workspace, self.tr("Redact"))
        self.cases = CasesPanel(store, signed, self)
        self.cases.failed.connect(lambda message: show_error(self, message, wait=False))
        self.cases.case_selected.connect(self.library.select_case)
        # Views reload from the broadcast of what each operation changed (app.ui.changes):
        # e.g. a saved plan edit may send its case back to "in review", an export is listed
        # in its case, a status change or a legal hold shows in the library.
        self.centre.addTab(self.cases, self.tr("Cases"))
        self.retention_dialog: RetentionDialog | None = None
        self.centre.currentChanged.connect(self._centre_changed)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(self.centre)
        splitter.setStretchFactor(1, 2)
        self.setCentralWidget(splitter)
        self._build_actions()
        self.statusBar().showMessage(self.tr("Database: {0}").format(store.display_url))
        self.who = QLabel(self)  # who is signed in, always shown (a message would go)
        self.statusBar().addPermanentWidget(self.who)
        self.switch_dialog: QDialog | None = None  # File > Switch user's sign-in dialog
        self.show_signed_in()
        self._restore_geometry()
        last_case = LIBRARY_CASE.get()
        if last_case:
            self.library.select_case(last_case)  # refreshes
        else:
            self.library.refresh()
        self.cases.refresh()
        self._refreshed_at = time.monotonic()

    # Another workstation or the command line may change the store at any time: the views
    # reload on F5 and when the window is active again (at most once per interval).
    REFRESH_INTERVAL_S = 2.0
    _refreshed_at = float("inf")  # no reload on activation before the first load

    def refresh_views(self) -> None:
        """Reload the library, the footage details and the cases (with the selected case's
        details) in the database worker; selections and text being typed are kept."""
        self._refreshed_at = time.monotonic()
        self.library.refresh()
        self.details.reload()  # (an evidential mark or a hold set elsewhere)
        if self.cases.isVisible():
            self.cases.refresh()
        else:  # out of sight: when it is next shown (a force's store: seconds of the one
            reload_when_shown(self.cases)  # database worker, that plan edits wait for)

    def event(self, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.WindowActivate
                and time.monotonic() - self._refreshed_at >= self.REFRESH_INTERVAL_S):
            self.refresh_views()
        return super().event(event)

    def _build_actions(self) -> None:
        self.refresh_action = QAction(self.tr("&Refresh"), self)
        self.refresh_action.setShortcut(QKeySequence("F5"))
        self.refresh_action.triggered.connect(self.refresh_views)
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.request_quit)
        self.about_action = QAction(self.tr("&About BWV Studio"), self)
        self.about_action.triggered.connect(self._about)
        self.add_files_action = QAction(self.tr("&Add footage…"), self)
        self.add_files_action.setShortcut(QKeySequence.StandardKey.Open)
        self.add_files_action.triggered.connect(self.library.choose_files)
        self.add_folder_action = QAction(self.tr("Add &folder…"), self)
        self.add_folder_action.triggered.connect(self.library.choose_folder)
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(self.add_files_action)
        file_menu.addAction(self.add_folder_action)
        self.settings_action = QAction(self.tr("&Settings…"), self)
        self.settings_action.setShortcut(QKeySequence.StandardKey.Preferences)
        self.settings_action.triggered.connect(
            lambda: SettingsDialog(self.settings, self, self.store, self.signed_in).exec())
        file_menu.addAction(self.settings_action)
        self.switch_user_action = QAction(self.tr("S&witch user…"), self)
        self.switch_user_action.setToolTip(self.tr("Let someone else sign in without closing "
                                                   "the window (audited)"))
        self.switch_user_action.triggered.connect(lambda: switch_user(self))
        file_menu.addAction(self.switch_user_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        self.undo_group = QUndoGroup(self)
        self.undo_group.addStack(self.footage_view.undo_stack)
        self.undo_group.addStack(self.workspace.undo_stack)
        self.undo_group.setActiveStack(self.footage_view.undo_stack)
        stack = self.undo_group
        self.undo_action = stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.footage_view.add_flag_action)
        self.redact_action = QAction(self.tr("&Redact this footage"), self)
        self.redact_action.setShortcut(QKeySequence("Ctrl+R"))
        self.redact_action.triggered.connect(self.open_workspace)
        edit_menu.addAction(self.redact_action)
        self.goto_action = QAction(self.tr("&Go to time or frame…"), self)
        self.goto_action.setShortcut(QKeySequence("Ctrl+G"))
        self.goto_action.triggered.connect(self._go_to)
        self.fullscreen_action = QAction(self.tr("&Full screen"), self)
        self.fullscreen_action.setShortcut(QKeySequence("F11"))
        self.fullscreen_action.setCheckable(True)
        self.fullscreen_action.toggled.connect(self._full_screen)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        view_menu.addAction(self.refresh_action)
        view_menu.addAction(self.goto_action)
        view_menu.addAction(self.fullscreen_action)
        self.retention_action = QAction(icon("retention"), self.tr("&Retention…"), self)
        self.retention_action.triggered.connect(self.show_retention)
        tools_menu = self.menuBar().addMenu(self.tr("&Tools"))
        tools_menu.addAction(self.retention_action)
        self.users_action = QAction(self.tr("&Users…"), self)
        self.users_action.triggered.connect(self.show_users)
        tools_menu.addAction(self.users_action)
        self.jobs_action = QAction(self.tr("&Jobs…"), self)
        self.jobs_action.triggered.connect(self.show_jobs)
        tools_menu.addAction(self.jobs_action)
        self.integrity_action = QAction(self.tr("&Verify integrity…"), self)
        self.integrity_action.triggered.connect(self.show_integrity)
        tools_menu.addAction(self.integrity_action)
        self.shortcuts_action = QAction(self.tr("&Keyboard shortcuts"), self)
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.shortcuts_action)
        help_menu.addAction(self.about_action)

    def show_signed_in(self) -> None:
        """Add who is signed in, with the role they signed in with, to the status bar."""
        self.who.setText(self.tr("Signed in as {0} ({1})").format(
            self.signed_in.name, role_name(self.signed_in.role)))
        self.statusBar().showMessage(self.tr("Database: {0}").format(self.store.display_url))

    def show_users(self) -> UsersDialog:
        """Tools > Users: accounts and roles (administrators change them; others see them)."""
        dialog = UsersDialog(self.store, self.signed_in, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # never reloads hidden
        dialog.failed.connect(lambda message: self.statusBar().showMessage(message, 8000))
        dialog.show()
        return dialog

    def show_jobs(self) -> JobsDialog:
        """Tools > Jobs: the queue of unattended work (non-modal, kept up to date)."""
        dialog = JobsDialog(self.store, self.signed_in, self.library.current_case(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.library.case_changed.connect(dialog.set_case)  # it queues for the case shown
        dialog.failed.connect(lambda message: self.statusBar().showMessage(message, 8000))
        dialog.show()
        return dialog

    def show_integrity(self) -> IntegrityDialog:
        """Tools > Verify integrity: the store check of ``bwv audit verify`` (non-modal)."""
        dialog = IntegrityDialog(self.store, self)
        dialog.show()
        dialog.start()
        return dialog

    def show_retention(self) -> RetentionDialog:
        """Tools > Retention: the report, applying the policy and legal holds (non-modal)."""
        dialog = self.retention_dialog
        if dialog is None:  # loads itself
            dialog = self.retention_dialog = RetentionDialog(self.store, self.signed_in, self)
            dialog.failed.connect(lambda message: show_error(self, message, wait=False))
        elif not dialog.isVisible():
            reload_when_shown(dialog)  # once, as it is shown (changes meanwhile are held)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def _footage_selected(self, footage: FootageRecord) -> None:
        self.current_footage = footage
        if self.centre.currentWidget() is self.workspace:
            self.workspace.open_footage(footage, self._case_for(footage))

    def _case_for(self, footage: FootageRecord) -> str | None:
        """The case the workspace works on ``footage`` in (the core's rule): the library's
        case, else the one open case the footage is in (as the library last read it: "Add
        to case" reloads the rows, not the selection)."""
        fresh = self.library.selected_record()
        if fresh is not None and fresh.id == footage.id:
            footage = fresh
        return case_to_work_in(footage, self.library.current_case())

    def _centre_changed(self) -> None:
        """The workspace opens the selected footage when it is shown (not before)."""
        on_workspace = self.centre.currentWidget() is self.workspace
        self.undo_group.setActiveStack(self.workspace.undo_stack if on_workspace
                                       else self.footage_view.undo_stack)
        footage = self.current_footage
        if on_workspace and footage is not None and (
                self.workspace.footage is None or self.workspace.footage.id != footage.id
                or self.workspace.case_ref != self._case_for(footage)):
            self.workspace.open_footage(footage, self._case_for(footage))
        if self.centre.currentWidget() is self.footage_view and footage is not None:
            self.review_speech.show_footage(footage)  # a transcript made meanwhile shows

    def open_workspace(self) -> None:
        """Show the redaction workspace for the selected footage (Ctrl+R)."""
        self.centre.setCurrentWidget(self.workspace)

    def shortcut_list(self) -> list[tuple[str, str]]:
        """(keys, what they do) for Help > Keyboard shortcuts."""
        return [
            ("Space / K", self.tr("Play or pause")),
            ("L / J", self.tr("Play faster / slower (paused: J steps back 1 s)")),
            (self.tr("Right / Left"), self.tr("Next / previous frame")),
            (self.tr("Shift+Right / Shift+Left"), self.tr("Forward / back 5 seconds")),
            ("Home / End", self.tr("First / last frame")),
            ("M", self.tr("Add a flag at the playhead")),
            (self.tr("Delete"), self.tr("Delete the selected flag (timeline)")),
            (self.tr("Double-click a flag"), self.tr("Edit it")),
            ("Ctrl+Z / Ctrl+Shift+Z", self.tr("Undo / redo flag edits")),
            ("Ctrl+G", self.tr("Go to a time or frame")),
            ("F11", self.tr("Full screen")),
            ("Ctrl+O", self.tr("Add footage")),
            ("F5", self.tr("Reload the library and the cases")),
            ("Ctrl+R", self.tr("Open the redaction workspace")),
            ("Ctrl+D", self.tr("Workspace: detect faces")),
            ("P", self.tr("Workspace: redacted preview / boxes")),
            ("B", self.tr("Workspace: draw a box (drag on the video)")),
            ("F", self.tr("Workspace: follow the selected box")),
            ("N / R", self.tr("Workspace: next review warning / mark it reviewed")),
            ("S", self.tr("Workspace: merge the selected tracks (the same person)")),
            ("U", self.tr("Workspace: mute the range selected on the lanes")),
            ("Ctrl+E", self.tr("Workspace: export")),
        ]

    def show_shortcuts(self) -> None:
        rows = "".join(f"<tr><td><b>{k}</b></td><td>{v}</td></tr>"
                       for k, v in self.shortcut_list())
        QMessageBox.information(self, self.tr("Keyboard shortcuts"),
                                f"<table cellspacing='6'>{rows}</table>")

    def _go_to(self) -> None:
        """Ctrl+G: moves the player of the tab on show (Review or Redact), no other."""
        tab = self.centre.currentWidget()
        player = (self.workspace.player if tab is self.workspace
                  else self.player if tab is self.footage_view else None)
        if player is None or player.reader is None:
            return
        text, ok = QInputDialog.getText(
            self, self.tr("Go to"), self.tr("Time (HH:MM:SS.mmm) or frame number (#123):"))
        if not ok or not text.strip():
            return
        text = text.strip()
        try:
            if text.startswith("#"):
                player.show_frame(int(text[1:]))
            else:
                player.go_to_time(parse_time(text))
        except BwvError as exc:
            show_error(self, error_text(exc))
        except ValueError as exc:
            show_error(self, str(exc))

    def _full_screen(self, on: bool) -> None:
        """Video and timeline only, on the whole screen (F11 or Escape to leave)."""
        self.side_panels.setVisible(not on)
        self.statusBar().setVisible(not on)
        if on:
            self.showFullScreen()
        else:
            self.showNormal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.fullscreen_action.isChecked():
            self.fullscreen_action.setChecked(False)
            return
        super().keyPressEvent(event)

    def about_html(self) -> str:
        """Help > About: version, libraries (with Qt and libvlc), models and their hashes."""
        import html

        from PySide6 import __version__ as pyside_version
        from PySide6.QtCore import qVersion

        from app.core.about import library_versions, model_facts

        versions = library_versions()
        versions["qt"] = qVersion()
        versions["pyside6"] = pyside_version
        try:
            import vlc

            versions["libvlc"] = vlc.libvlc_get_version().decode()
        except (ImportError, OSError, AttributeError, NameError):
            versions["libvlc"] = self.tr("not found")
        rows = "".join(f"<tr><td>{html.escape(k)}</td><td>{html.escape(v)}</td></tr>"
                       for k, v in versions.items() if k != "bwv-studio")
        verified, damaged = self.tr("verified"), self.tr("MISSING OR CHANGED")
        models = "".join(
            f"<tr><td>{html.escape(m.file)}</td><td><code>{m.sha256}</code></td>"
            f"<td>{verified if m.ok else damaged}</td></tr>" for m in model_facts())
        return (f"<h3>BWV Studio {html.escape(__version__)}</h3>"
                + self.tr("<p>Offline redaction and disclosure of body-worn video.</p>")
                + "<p>" + self.tr("Database: {0}").format(html.escape(self.store.display_url))
                + "</p><table cellspacing='4'>" + rows + "</table><h4>"
                + self.tr("Detector models") + "</h4><table cellspacing='4'>" + models
                + "</table>")

    def _about(self) -> None:
        QMessageBox.about(self, self.tr("About BWV Studio"), self.about_html())

    def _restore_geometry(self) -> None:
        geometry = window_geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1100, 700)

    def request_quit(self) -> None:
        """File > Quit: asked first while work a person started still runs (quitting said
        nothing and dropped the detection)."""
        if self._may_quit():
            self.close()

    def _may_quit(self) -> bool:
        return not work_running(self, side_jobs=False) or QMessageBox.question(
            self, self.tr("Quit"), self.tr(
                "Work is still running (detection, a pack, an import). Quit anyway? It is "
                "stopped, and nothing half-finished is kept.")) == QMessageBox.StandardButton.Yes

    def closeEvent(self, event: QCloseEvent) -> None:
        if event.spontaneous() and not self._may_quit():  # the window's own close button
            event.ignore()
            return
        remember_window_geometry(self.saveGeometry())
        self.footage_view.close_footage()  # stops libvlc's threads before the widgets go
        self.workspace.close_footage()
        super().closeEvent(event)
