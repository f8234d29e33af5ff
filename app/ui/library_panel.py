"""The library: every ingested footage item in a sortable, filterable table."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.casework import cases
from app.core.library import footage
from app.core.library.ingest import VIDEO_SUFFIXES
from app.core.media.timecode import format_time
from app.core.progress import CancelToken
from app.core.retention.rules import RetentionState
from app.core.store.database import Store
from app.core.store.records import FootageRecord
from app.ui.changes import Changed, announce, subscribe
from app.ui.filtered_table import filtered_table
from app.ui.ingest_dialog import IngestDialog
from app.ui.library_cases import FOOTAGE_MIME, CaseLinks, footage_mime
from app.ui.locale_format import datetime_text
from app.ui.settings_keys import LIBRARY_CASE
from app.ui.workers import Job, db_pool

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


class FootageTableModel(QAbstractTableModel):
    """Rows of :class:`FootageRecord`; ``Qt.UserRole`` returns the record itself."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[FootageRecord] = []
        self._headers = [self.tr("#"), self.tr("File"), self.tr("Duration"), self.tr("Frames"),
                         self.tr("Size"), self.tr("Recorded"), self.tr("Retention"),
                         self.tr("Cases"), self.tr("Device / officer")]

    def set_rows(self, rows: list[FootageRecord]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsDragEnabled

    def mimeTypes(self) -> list[str]:
        return [FOOTAGE_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        ids = sorted({self._rows[i.row()].id for i in indexes if i.isValid()})
        return footage_mime(ids)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        rec = self._rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return rec
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(rec, index.column())
        if role == SORT_ROLE:
            return self._sort_key(rec, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 1:
            return f"{rec.original_path}\nSHA-256 {rec.sha256}"
        return None

    def _display(self, rec: FootageRecord, column: int) -> str:
        match column:
            case 0:
                return str(rec.id)
            case 1:
                return rec.file_name
            case 2:
                return format_time(rec.duration_s)
            case 3:
                return str(rec.frame_count)
            case 4:
                return f"{rec.width}×{rec.height}"
            case 5:
                return datetime_text(rec.recorded_at)
            case 6:
                return self._retention(rec)
            case 7:
                return ", ".join(rec.case_refs)
            case _:
                return " / ".join(x for x in (rec.device_id, rec.officer_id) if x) or "–"

    @staticmethod
    def _sort_key(rec: FootageRecord, column: int) -> Any:
        keys: list[Any] = [rec.id, rec.file_name.lower(), rec.duration_s, rec.frame_count,
                           rec.width * rec.height,
                           rec.recorded_at.timestamp() if rec.recorded_at else 0.0,
                           rec.retention_until.timestamp() if rec.retention_until else 1e18,
                           ", ".join(rec.case_refs),
                           f"{rec.device_id or ''} {rec.officer_id or ''}"]
        return keys[column]

    def _retention(self, rec: FootageRecord) -> str:
        status = rec.retention()
        state = status.state
        if state is RetentionState.DELETED:
            return self.tr("Deleted")
        if state is RetentionState.LEGAL_HOLD:
            return self.tr("Kept (legal hold)")
        if state is RetentionState.EVIDENTIAL:
            return self.tr("Kept (evidential)")
        if state is RetentionState.OPEN_CASE:
            return self.tr("Kept (open case {0})").format(", ".join(rec.open_case_refs))
        if status.days_left is None:
            return "–"
        if state is RetentionState.DUE:
            return self.tr("Overdue")
        return self.tr("%n day(s) left", "", status.days_left)


class LibraryPanel(QWidget):
    """Table of footage with a filter box; loads rows in the database worker."""

    loaded = Signal(int)
    load_failed = Signal(str)
    footage_selected = Signal(object)  # FootageRecord

    def __init__(self, store: Store, parent: QWidget | None = None,
                 user_name: str = "") -> None:
        super().__init__(parent)
        self._store = store
        self._user = user_name
        self.ingest_dialog: IngestDialog | None = None
        self._filling = False
        self._reloading = False  # rows replaced by a refresh: the selection is put back quietly
        self._note = ""  # said after the next load (e.g. "added to case X")
        self.setAcceptDrops(True)
        self._job: Job | None = None
        self._again = False  # refresh asked for while loading (e.g. another case chosen)
        self.model = FootageTableModel(self)

        self.case_filter = QComboBox(self)
        self.case_filter.setToolTip(self.tr("Show the footage of one case"))
        self.case_filter.addItem(self.tr("All footage"), None)
        self.case_filter.currentIndexChanged.connect(self._case_changed)
        self.proxy, self.filter_edit, self.table = filtered_table(
            self, self.model, SORT_ROLE, self.tr("Filter by file, case, date, device…"))
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.status = QLabel(self)
        self.case_links = CaseLinks(self.table, store, user_name, self.selected_record)
        self.case_links.changed.connect(self._links_changed)
        self.case_links.failed.connect(self.load_failed)

        layout = QVBoxLayout(self)
        layout.addWidget(self.case_filter)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.table)
        layout.addWidget(self.status)
        subscribe(self, Changed.FOOTAGE | Changed.CASES, self.refresh)

    def refresh(self) -> None:
        """Reload the footage list off the UI thread."""
        if self._job is not None and self._job.running:
            self._again = True
            return
        self.status.setText(self.tr("Loading…"))
        store = self._store

        case_ref = self.case_filter.currentData()

        def load(_progress: object, _cancel: CancelToken) -> tuple[list[FootageRecord],
                                                                   list[str]]:
            with store.read() as session:
                refs = [c.reference for c in cases.list_cases(session)]
                if case_ref not in refs:
                    return footage.list_footage(session), refs
                return footage.list_footage(session, case_ref), refs

        job = Job(load)
        job.finished.connect(self._on_loaded)
        job.failed.connect(self._on_failed)
        self._job = job
        job.start(db_pool())

    def add_paths(self, paths: list[Path]) -> IngestDialog | None:
        """Ingest files and folders in the background, then refresh the list."""
        if not paths:
            return None
        dialog = IngestDialog(self._store, self._user, paths, self, self.current_case())
        dialog.ingest_done.connect(lambda _results: announce(Changed.FOOTAGE | Changed.CASES))
        self.ingest_dialog = dialog
        dialog.start()
        return dialog

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add footage"), "",
            self.tr("Video files ({0});;All files (*)").format(
                " ".join(f"*{s}" for s in sorted(VIDEO_SUFFIXES))))
        self.add_paths([Path(n) for n in names])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Add a folder of footage"))
        if folder:
            self.add_paths([Path(folder)])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_paths(paths)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._reloading:  # the same footage, listed again: nothing to open
            return
        if current.isValid():
            record = self.proxy.index(current.row(), 0).data(Qt.ItemDataRole.UserRole)
            if record is not None:
                self.footage_selected.emit(record)

    def current_case(self) -> str | None:
        """The case whose footage is shown (None: all footage)."""
        data = self.case_filter.currentData()
        return str(data) if data else None

    def select_case(self, reference: str | None) -> None:
        """Show one case's footage (None: all); remembered for the next start."""
        index = self.case_filter.findData(reference)
        if index < 0 and reference is not None:
            self.case_filter.addItem(reference, reference)
            index = self.case_filter.count() - 1
        self.case_filter.setCurrentIndex(max(index, 0))

    def _case_changed(self) -> None:
        if self._filling:
            return
        LIBRARY_CASE.set(str(self.case_filter.currentData() or ""))
        self.refresh()

    def _fill_cases(self, refs: list[str]) -> None:
        current = self.case_filter.currentData()
        self._filling = True
        self.case_filter.clear()
        self.case_filter.addItem(self.tr("All footage"), None)
        for ref in refs:
            self.case_filter.addItem(self.tr("Case {0}").format(ref), ref)
        self.case_filter.setCurrentIndex(max(0, self.case_filter.findData(current)))
        self._filling = False

    def _load_again(self) -> bool:
        """Start the refresh asked for while the last load ran; True if it was stale."""
        self._job = None
        if not self._again:
            return False
        self._again = False
        self.refresh()
        return True

    def _on_loaded(self, result: tuple[list[FootageRecord], list[str]]) -> None:
        if self._load_again():
            return
        rows, refs = result
        self._fill_cases(refs)
        self._set_rows_keeping_selection(rows)
        self.status.setText(" ".join(filter(None, [
            self.tr("%n footage item(s)", "", len(rows)), self._note])))
        self._note = ""
        self.loaded.emit(len(rows))

    def set_user(self, name: str) -> None:
        """Act as ``name`` from now on (File > Switch user)."""
        self._user = name
        self.case_links.user = name

    def selected_record(self) -> FootageRecord | None:
        rows = self.table.selectionModel().selectedRows()
        record = rows[0].data(Qt.ItemDataRole.UserRole) if rows else None
        return record if isinstance(record, FootageRecord) else None

    def _links_changed(self, text: str) -> None:
        self._note = text  # said with the reloaded count (the broadcast reloads)

    def selected_footage_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        record = rows[0].data(Qt.ItemDataRole.UserRole) if rows else None
        return record.id if isinstance(record, FootageRecord) else None

    def _set_rows_keeping_selection(self, rows: list[FootageRecord]) -> None:
        """Show the reloaded rows with the same footage selected and the list scrolled where
        it was (a refresh must not lose the user's place or reopen the footage)."""
        selected = self.selected_footage_id()
        scroll = self.table.verticalScrollBar().value()
        self._reloading = True
        try:
            self.model.set_rows(rows)
            for row in range(self.proxy.rowCount()):
                index = self.proxy.index(row, 0)
                record = index.data(Qt.ItemDataRole.UserRole)
                if selected is not None and record is not None and record.id == selected:
                    self.table.selectionModel().setCurrentIndex(
                        index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                        | QItemSelectionModel.SelectionFlag.Rows)
                    break
            self.table.doItemsLayout()  # the scroll range of the new rows, now
            self.table.verticalScrollBar().setValue(scroll)
        finally:
            self._reloading = False

    def _on_failed(self, message: str, _details: str) -> None:
        if self._load_again():
            return
        self.status.setText(self.tr("Could not load the library: {0}").format(message))
        self.load_failed.emit(message)
