"""Filing footage in cases from the library: "Add to case…" and "Remove from case…" on a
row, and dragging rows onto a case in the Cases tab (``FOOTAGE_MIME`` carries their ids).
The rules (who may, what is audited, what stays) are in ``app.core.casework.cases``."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QMimeData, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QTableView, QWidget

from app.core.casework import cases
from app.core.library import footage_pages
from app.core.people.users import resolve_actor
from app.core.progress import CancelToken, ProgressFn
from app.core.store.database import Store
from app.core.views.records import FootageRecord
from app.ui.changes import Changed, announce
from app.ui.signed_in import SignedIn
from app.ui.workers import Job, db_pool, while_alive

FOOTAGE_MIME = "application/x-bwv-footage-ids"


def footage_mime(ids: list[int]) -> QMimeData:
    data = QMimeData()
    data.setData(FOOTAGE_MIME, ",".join(str(i) for i in ids).encode())
    return data


def footage_ids(data: QMimeData) -> list[int]:
    """The footage ids a drag carries ([] for anything else)."""
    if not data.hasFormat(FOOTAGE_MIME):
        return []
    text = bytes(data.data(FOOTAGE_MIME).data()).decode(errors="replace")
    return [int(part) for part in text.split(",") if part.strip().isdigit()]


def change_links(store: Store, user: str, reference: str, ids: list[int], add: bool,
                 done: Callable[[int], None], failed: Callable[[str], None]) -> Job:
    """Link (or unlink) ``ids`` to case ``reference`` in the database worker; ``done`` gets
    how many changed."""
    def work(_p: ProgressFn, _c: CancelToken) -> int:
        with store.transaction() as session:
            actor = resolve_actor(session, user)
            if add:
                return cases.link_many(session, actor, reference, ids)
            return cases.unlink_many(session, actor, reference, ids)

    def finished(count: int) -> None:
        done(count)
        announce(Changed.CASES | Changed.FOOTAGE)

    job = Job(work)
    job.finished.connect(finished)
    job.failed.connect(lambda message, _d: failed(message))
    job.start(db_pool())
    return job


class CaseLinks(QObject):
    """The two row actions of the library table."""

    changed = Signal(str)  # what was done, in words
    failed = Signal(str)

    def __init__(self, table: QTableView, store: Store, user: SignedIn,
                 selected: Callable[[], FootageRecord | None]) -> None:
        super().__init__(table)
        self.table, self.store, self.user, self.selected = table, store, user, selected
        self.job: Job | None = None
        self.add_action = QAction(self.tr("Add to case…"), table)
        self.add_action.triggered.connect(lambda: self.add_to_case())
        self.remove_action = QAction(self.tr("Remove from case…"), table)
        self.remove_action.triggered.connect(lambda: self.remove_from_case())
        table.addAction(self.add_action)
        table.addAction(self.remove_action)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        table.setDragEnabled(True)  # rows can be dropped on a case in the Cases tab

    def add_to_case(self, reference: str | None = None) -> None:
        record = self.selected()
        if record is None:
            return
        if reference is not None:
            self._run(reference, record, True)
            return
        store = self.store

        def load(_progress: ProgressFn, _cancel: CancelToken) -> list[str]:
            with store.read() as session:  # the references only: a force has thousands
                return footage_pages.case_references(session)

        def chosen(refs: list[str]) -> None:  # the cases are read off the UI thread
            others = [ref for ref in refs if ref not in record.case_refs]
            if not others:
                self.failed.emit(self.tr("There is no other case to add it to."))
                return
            choice = self._choose(self.tr("Add footage #{0} to case:").format(record.id),
                                  others)
            if choice:
                self._run(choice, record, True)

        def read(refs: list[str]) -> None:
            self.add_action.setEnabled(True)
            chosen(refs)

        def failed(message: str, _details: str) -> None:
            self.add_action.setEnabled(True)
            self.failed.emit(message)

        self.add_action.setEnabled(False)  # one chooser at a time
        job = self.job = Job(load)
        job.finished.connect(while_alive(self, read))
        job.failed.connect(while_alive(self, failed))
        job.start(db_pool())

    def remove_from_case(self, reference: str | None = None) -> None:
        record = self.selected()
        if record is None:
            return
        if reference is None:
            if not record.case_refs:
                self.failed.emit(self.tr("Footage #{0} is in no case.").format(record.id))
                return
            reference = self._choose(self.tr("Remove footage #{0} from case:").format(
                record.id), list(record.case_refs))
        if reference:
            self._run(reference, record, False)

    def _choose(self, label: str, refs: list[str]) -> str | None:
        parent: QWidget = self.table
        choice, ok = QInputDialog.getItem(parent, self.tr("Case"), label, refs, 0, False)
        return choice if ok and choice else None

    def _run(self, reference: str, record: FootageRecord, add: bool) -> None:
        text = (self.tr("Footage #{0} added to case {1}.") if add else
                self.tr("Footage #{0} removed from case {1}.")).format(record.id, reference)
        self.job = change_links(self.store, self.user.name, reference, [record.id], add,
                                lambda _n: self.changed.emit(text), self.failed.emit)
