"""The library: every ingested footage item in a table the store sorts, filters and pages."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.library import footage_pages
from app.core.library.footage_pages import FootageQuery, FootageSort
from app.core.library.ingest import VIDEO_SUFFIXES
from app.core.progress import CancelToken
from app.core.store.database import Store
from app.core.views.records import FootageRecord
from app.ui.changes import Changed, announce, subscribe
from app.ui.footage_model import FootageTableModel
from app.ui.ingest_dialog import IngestDialog
from app.ui.library_cases import CaseLinks
from app.ui.settings_keys import LIBRARY_CASE
from app.ui.signed_in import SignedIn
from app.ui.workers import Job, db_pool, while_alive


@dataclass(frozen=True)
class Listing:
    """One load of the library: the query shown, its count, the pages read (the first, and
    the selected item's), the case references, and the selected item's row (None: gone)."""

    query: FootageQuery
    total: int
    pages: dict[int, list[FootageRecord]]
    refs: list[str]
    selected_row: int | None
    largest_number: int = 0  # the highest footage number in the store (the column's width)


class LibraryPanel(QWidget):
    """Table of footage with a filter box; loads rows in the database worker."""

    loaded = Signal(int)
    load_failed = Signal(str)
    footage_selected = Signal(object)  # FootageRecord
    case_changed = Signal(object)  # the case filter was changed (its reference, or None)

    def __init__(self, store: Store, parent: QWidget | None,
                 user: SignedIn) -> None:
        super().__init__(parent)
        self._store = store
        self._user = user
        self.ingest_dialog: IngestDialog | None = None
        self._filling = False
        self._reloading = False  # rows replaced by a refresh: the selection is put back quietly
        self._note = ""  # said after the next load (e.g. "added to case X")
        self.setAcceptDrops(True)
        self._job: Job | None = None
        self._again = False  # refresh asked for while loading (e.g. another case chosen)
        self.model = FootageTableModel(self)
        self._sized = False
        self._case_refs: list[str] | None = None

        self.case_filter = QComboBox(self)
        self.case_filter.setToolTip(self.tr("Show the footage of one case"))
        self.case_filter.addItem(self.tr("All footage"), None)
        self.case_filter.currentIndexChanged.connect(self._case_changed)
        self.status = QLabel(self)  # the count, and what was just done on a line of its own
        self.status.setWordWrap(True)  # a long note (a case reference) never widens the window
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._sort_by = (FootageSort.NUMBER, False)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter by file, case, date (UTC), device…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(lambda _text: self.refresh())
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.model.page_wanted.connect(self._read_page)
        self.model.sort_wanted.connect(self._sort)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        # Sized to the header and the rows on screen, never by reading every row.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setResizeContentsPrecision(0)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.case_links = CaseLinks(self.table, store, user, self.selected_record)
        self.case_links.changed.connect(self._links_changed)
        self.case_links.failed.connect(self.load_failed)

        layout = QVBoxLayout(self)
        layout.addWidget(self.case_filter)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.table)
        layout.addWidget(self.status)
        # (hidden in full screen, it is still read: the footage selected and its cases)
        subscribe(self, Changed.FOOTAGE | Changed.CASES, self.refresh, while_hidden=True)

    def wanted_query(self) -> FootageQuery:
        """The rows the controls ask for: the chosen case, the filter text and the sort."""
        sort, descending = self._sort_by
        return FootageQuery(self.current_case(), self.filter_edit.text(), sort, descending)

    def refresh(self) -> None:
        """Count and read the first page of the rows asked for, off the UI thread (a refresh
        asked for while one runs is run once it ends)."""
        if self._job is not None and self._job.running:
            self._again = True
            return
        self.status.setText(self.tr("Loading…"))
        store = self._store
        query = self.wanted_query()
        selected = self.selected_footage_id()
        size = footage_pages.PAGE_SIZE

        def load(_progress: object, _cancel: CancelToken) -> Listing:
            with store.read() as session:
                if session.get_bind().dialect.name == "postgresql":  # count, pages and place
                    session.connection(  # from one snapshot (SQLite reads are one already)
                        execution_options={"isolation_level": "REPEATABLE READ"})
                refs = footage_pages.case_references(session)
                shown = query
                if query.case_ref is not None and query.case_ref not in refs:
                    shown = FootageQuery(None, query.text, query.sort, query.descending)
                total, rows = footage_pages.first_page(session, shown)
                pages = {0: rows}
                row = None if selected is None else footage_pages.position(
                    session, shown, selected)
                if row is not None and row >= size:  # the selected item's page too
                    pages[row // size] = footage_pages.footage_page(
                        session, shown, row // size * size)
                return Listing(shown, total, pages, refs, row,
                               footage_pages.largest_number(session))

        job = Job(load)
        job.finished.connect(self._on_loaded)
        job.failed.connect(self._on_failed)
        self._job = job
        job.start(db_pool())

    def _read_page(self, query: FootageQuery, generation: int, page: int) -> None:
        store = self._store

        def load(_progress: object, _cancel: CancelToken) -> list[FootageRecord]:
            with store.read() as session:
                return footage_pages.footage_page(session, query, page * footage_pages.PAGE_SIZE)

        def read(rows: list[FootageRecord]) -> None:
            if not self.model.put_page(query, generation, page, rows):
                self.refresh()  # rows came or went since the count: count again

        job = Job(load)
        job.finished.connect(while_alive(self, read))
        job.failed.connect(while_alive(self, lambda message, _details: self._page_failed(
            query, generation, page, message)))
        job.start(db_pool())

    def _page_failed(self, query: FootageQuery, generation: int, page: int,
                     message: str) -> None:
        """A page could not be read: say so; its rows are asked for again when shown."""
        self.model.forget_page(query, generation, page)
        self.status.setText(self.tr("Could not load the library: {0}").format(message))
        self.load_failed.emit(message)

    def _sort(self, sort: FootageSort, descending: bool) -> None:
        if (sort, descending) != self._sort_by:
            self._sort_by = (sort, descending)
            self.refresh()

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
            record = self.model.record(current.row())
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
            self._case_refs = None  # the next load lists the cases again
        self.case_filter.setCurrentIndex(max(index, 0))

    def _case_changed(self) -> None:
        if self._filling:
            return
        LIBRARY_CASE.set(str(self.case_filter.currentData() or ""))
        self.refresh()
        self.case_changed.emit(self.current_case())

    def _fill_cases(self, refs: list[str]) -> None:
        if refs == self._case_refs:  # unchanged: a force has thousands, keep the list
            return
        self._case_refs = refs
        current = self.case_filter.currentData()
        self._filling = True
        self.case_filter.clear()
        self.case_filter.addItem(self.tr("All footage"), None)
        label = self.tr("Case {0}")
        for ref in refs:
            self.case_filter.addItem(label.format(ref), ref)
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

    def _on_loaded(self, listing: Listing) -> None:
        if self._load_again():
            return
        self._fill_cases(listing.refs)
        self._show_keeping_selection(listing)
        text = "\n".join(filter(None, [self.tr("%n footage item(s)", "", listing.total),
                                       self._note]))
        self.status.setText(text)
        self.status.setToolTip(text)
        self._note = ""
        self.loaded.emit(listing.total)

    def selected_record(self) -> FootageRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def _links_changed(self, text: str) -> None:
        self._note = text  # said with the reloaded count (the broadcast reloads)

    def selected_footage_id(self) -> int | None:
        record = self.selected_record()
        return record.id if record is not None else None

    def _show_keeping_selection(self, listing: Listing) -> None:
        """Show the reloaded rows with the same footage selected, wherever it now stands, and
        the list scrolled where it was: a refresh must not lose the user's place or reopen
        the footage."""
        selected = self.selected_footage_id()
        scroll = self.table.verticalScrollBar().value()
        self._reloading = True
        try:
            self.model.show(listing.query, listing.total, listing.pages)
            row = listing.selected_row
            record = self.model.record(row) if row is not None else None
            if row is not None and record is not None and record.id == selected:
                self.table.selectionModel().setCurrentIndex(
                    self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows)
            self.table.doItemsLayout()  # the scroll range of the new rows, now
            self.table.verticalScrollBar().setValue(scroll)
            if listing.total and not self._sized:
                self.table.resizeColumnsToContents()  # once, from the first page
                self._sized = True
            self._fit_numbers(listing.largest_number)
        finally:
            self._reloading = False

    def _fit_numbers(self, largest: int) -> None:
        """Widen the number column for the longest footage number in the store (the columns
        are sized from the first page only: later pages can hold longer numbers)."""
        digits = "0" * (len(str(max(largest, 1))) + 1)
        needed = self.table.fontMetrics().horizontalAdvance(digits) + 16
        if self.table.columnWidth(0) < needed:
            self.table.setColumnWidth(0, needed)

    def _on_failed(self, message: str, _details: str) -> None:
        if self._load_again():
            return
        self.status.setText(self.tr("Could not load the library: {0}").format(message))
        self.load_failed.emit(message)
