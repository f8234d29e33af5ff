"""The main window: assembles panels and actions, nothing more."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox, QSplitter, QWidget

from app import __version__
from app.core.database import Store
from app.core.settings import Settings
from app.ui.details_panel import DetailsPanel
from app.ui.error_dialog import show_error
from app.ui.footage_view import FootageView
from app.ui.library_panel import LibraryPanel
from app.ui.resources import app_icon


class MainWindow(QMainWindow):
    def __init__(self, store: Store, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.settings = settings
        self.setWindowTitle(self.tr("BWV Studio"))
        self.setWindowIcon(app_icon())
        self.library = LibraryPanel(store, self, settings.effective_user, settings.retention_days)
        self.footage_view = FootageView(store, settings.effective_user, self)
        self.player = self.footage_view.player
        self.footage_view.failed.connect(lambda message: show_error(self, message))
        self.library.footage_selected.connect(self.footage_view.open_footage)
        self.details = DetailsPanel(store, settings.effective_user, settings.retention_days,
                                    self)
        self.details.failed.connect(lambda message: show_error(self, message))
        self.details.changed.connect(self.library.refresh)
        self.library.footage_selected.connect(self.details.show_footage)
        left = QSplitter(Qt.Orientation.Vertical, self)
        left.addWidget(self.library)
        left.addWidget(self.details)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(self.footage_view)
        splitter.setStretchFactor(1, 2)
        self.setCentralWidget(splitter)
        self._build_actions()
        self.statusBar().showMessage(self.tr("Database: {0}").format(store.display_url))
        self._restore_geometry()
        self.library.refresh()

    def _build_actions(self) -> None:
        self.refresh_action = QAction(self.tr("&Refresh library"), self)
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.refresh_action.triggered.connect(self.library.refresh)
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
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
        file_menu.addAction(self.refresh_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        stack = self.footage_view.undo_stack
        self.undo_action = stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.footage_view.add_flag_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)

    def _about(self) -> None:
        QMessageBox.about(self, self.tr("About BWV Studio"), self.tr(
            "BWV Studio {0}\nOffline redaction and disclosure of body-worn video.\n"
            "Database: {1}").format(__version__, self.store.display_url))

    def _restore_geometry(self) -> None:
        geometry = QSettings().value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1100, 700)

    def closeEvent(self, event: QCloseEvent) -> None:
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        self.footage_view.close_footage()  # stops libvlc's threads before the widgets go
        super().closeEvent(event)
