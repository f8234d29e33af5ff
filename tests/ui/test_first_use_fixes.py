"""First use at 1366x768 (hunt 21): what a disclosure officer meets in the first minutes, in
the real window on a real store.

1. "Add to case…" said what it did on the library's count line, which then widened the window
   past the screen; the count and the note are now on lines of their own that wrap.
2. "Keep visible" asked why with a redaction exemption preselected (Return recorded it).
3. The track "Delete" button asks for its own message (its Welsh was the key's name).
4. The Details retention line went stale when the footage was added to a case.
5. The New case dialog showed today + 28 days whatever the case type and the date received.
6. The workspace's status line said "1 people found by face".
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QDate, Qt, QTranslator
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QInputDialog
from pytestqt.qtbot import QtBot

from app.core.analysis import Analysis
from app.core.casework import cases
from app.core.casework.deadlines import statutory_deadline
from app.core.library.retention_actions import retention_report
from app.core.people.users import resolve_actor
from app.core.redaction.keep_reasons import suggested_keep_reason
from app.core.redaction.plan_edits import TrackAction
from app.core.settings import DEFAULT_REASON_CODES
from app.core.store.database import Store
from app.core.store.models import CaseType
from app.core.tracking.review import review_ranges
from app.core.tracking.tracker import HEAD, build_tracks
from app.ui.locale_format import datetime_text
from app.ui.main_window import MainWindow
from app.ui.new_case_dialog import NewCaseDialog
from app.ui.workspace.workspace import RedactionWorkspace
from tests.conftest import make_video
from tests.core.test_tracking import _run
from tests.ui.window import MessageBoxes, open_workspace, show_window

WIDTH = 1366
LONG_REF = "SAR-2026-000123-NORTH-WALES-BWV-REQUEST-FROM-A-SOLICITOR-ON-BEHALF"[:64]


def _case(store: Store, reference: str, kind: str = "subject_access") -> None:
    with store.transaction() as session:
        cases.create_case(session, resolve_actor(session, "tester"), reference, kind)


def _add_selected_to_case(qtbot: QtBot, win: object, reference: str) -> None:
    library = win.library  # type: ignore[attr-defined]
    library.table.selectRow(0)
    boxes = MessageBoxes("Ok", reference)  # the case is chosen in the dialog
    library.case_links.add_to_case()
    qtbot.waitUntil(lambda: "added to case" in library.status.text(), timeout=30_000)
    boxes.stop()


def test_the_note_after_add_to_case_never_widens_the_window(qtbot: QtBot, store: Store,
                                                            tmp_path: Path) -> None:
    win = show_window(qtbot, store, make_video(tmp_path / "clip.mp4"), (WIDTH, 740))
    _case(store, LONG_REF)
    qtbot.wait(200)
    assert win.width() <= WIDTH
    _add_selected_to_case(qtbot, win, LONG_REF)
    qtbot.wait(200)
    assert win.minimumSizeHint().width() <= WIDTH, win.minimumSizeHint()
    assert win.width() <= WIDTH, win.width()
    status = win.library.status
    count, note = status.text().split("\n")  # the count and the note, each on its own line
    assert count == "1 footage item(s)" and note.startswith("Footage #1 added to case")
    assert LONG_REF in status.toolTip()
    win.close()


def test_details_retention_follows_the_footage_into_a_case(qtbot: QtBot, store: Store,
                                                          tmp_path: Path) -> None:
    """The Details line is the core's status (``FootageRecord.retention``, the rule the
    Retention dialog reports) and is read again when the footage's cases change. Its days
    are the core's whole days left until the retention date, which it now names: footage
    kept 31 days after recording has 30 whole days (and some hours) left once recorded."""
    win = show_window(qtbot, store, make_video(tmp_path / "clip.mp4"), (WIDTH, 740))
    _case(store, "SAR-7")
    details = win.details
    win.library.table.selectRow(0)
    qtbot.waitUntil(lambda: details.record is not None, timeout=10_000)
    record = details.record
    assert record is not None and record.retention_until is not None
    status = record.retention()
    assert status.days_left is not None
    shown = details.fields["retention"].text()
    assert f"in {status.days_left} day" in shown and "unless marked evidential" in shown
    assert datetime_text(record.retention_until) in shown  # the Retention dialog's date
    with store.read() as session:
        (item,) = retention_report(session, resolve_actor(session, "tester"))
    assert item.retention_until == record.retention_until
    _add_selected_to_case(qtbot, win, "SAR-7")
    qtbot.waitUntil(lambda: "SAR-7" in details.fields["retention"].text(), timeout=10_000)
    assert details.fields["retention"].text() == "Kept while case SAR-7 is open"
    assert details.record is not None and details.record.open_case_refs == ("SAR-7",)
    win.close()


def test_new_case_dialog_shows_the_statutory_deadline_of_the_type_and_date(
        qtbot: QtBot) -> None:
    dialog = NewCaseDialog()
    qtbot.addWidget(dialog)

    def shown() -> date:
        day = dialog.deadline.date()
        return date(day.year(), day.month(), day.day())

    today = date.today()
    assert CaseType(dialog.case_type.currentData()) is CaseType.FOI  # the first type
    assert shown() == statutory_deadline(CaseType.FOI, today)  # 20 working days
    received = date(2026, 1, 30)
    dialog.received.setDate(QDate(received.year, received.month, received.day))
    assert shown() == statutory_deadline(CaseType.FOI, received) == date(2026, 2, 27)
    dialog.case_type.setCurrentIndex(dialog.case_type.findData(CaseType.SUBJECT_ACCESS))
    assert shown() == statutory_deadline(CaseType.SUBJECT_ACCESS, received)  # a month
    dialog.case_type.setCurrentIndex(dialog.case_type.findData(CaseType.COURT_EXHIBIT))
    assert dialog.deadline.text() == "None set by law: set it by hand"
    dialog.reference.setText("EX-1")
    assert dialog.values()[4] is None
    dialog.has_deadline.setChecked(True)  # by hand: the date received to start from
    assert dialog.deadline.isEnabled() and shown() == received
    dialog.deadline.setDate(QDate(2026, 3, 2))
    dialog.received.setDate(QDate(2026, 1, 5))  # a hand-set deadline stays
    assert dialog.values()[4] == date(2026, 3, 2)
    dialog.has_deadline.setChecked(False)
    assert dialog.values()[4] is None and dialog.deadline.text().startswith("None set")


def _workspace_with_run(qtbot: QtBot, store: Store, tmp_path: Path,
                        head: bool = False) -> tuple[MainWindow, RedactionWorkspace]:
    """The Redact tab on a real clip with a made-up detection run shown: one face (track 1)
    and, with ``head``, one person's head seen from behind (track 2)."""
    win, problems = open_workspace(qtbot, store, make_video(tmp_path / "clip.mp4", frames=24,
                                                            size=(320, 240)), (WIDTH, 740))
    ws = win.workspace
    footage, session = ws.footage, ws.session
    assert footage is not None and session is not None and problems == []
    count = footage.frame_count
    boxes = {i: [(40.0, 40.0, 40.0, 40.0)] + ([(200.0, 60.0, 40.0, 40.0)] if head else [])
             for i in range(count)}
    run = _run(boxes, count)
    run.width, run.height = footage.width, footage.height
    tracks = build_tracks(run, count, 12.0)
    if head:
        tracks[1].category = HEAD
    ws.show_run(session, Analysis(footage.id, Path(footage.original_path), count, 12.0,
                                  footage.width, footage.height, 0, run, 0, True, 1,
                                  "made-up-run", tracks, review_ranges(run, tracks, count, 12.0)))
    return win, ws


class _ReasonAsked(MessageBoxes):
    """Answers the reason dialog with Return, as a user who accepts what is offered: keeps
    what was offered and whether Return closed it (else it is cancelled). Stopped after the
    test like every MessageBoxes."""

    def __init__(self) -> None:
        self.offered: list[str] = []
        self.closed_by_return: list[bool] = []
        super().__init__("Ok")

    def _answer(self) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QInputDialog):
            return
        self.offered.append(box.textValue())
        QTest.keyClick(box, Qt.Key.Key_Return)
        self.closed_by_return.append(not box.isVisible())
        if box.isVisible():
            box.reject()


def test_keeping_a_person_visible_never_offers_an_exemption(qtbot: QtBot, store: Store,
                                                            tmp_path: Path) -> None:
    assert suggested_keep_reason(DEFAULT_REASON_CODES) == "Requester - kept visible"
    assert suggested_keep_reason(["Third party - s.40(2) FOIA / DPA 2018", "Child"]) == ""
    win, ws = _workspace_with_run(qtbot, store, tmp_path)
    person = ws.tracks[0].id
    asked = _ReasonAsked()
    try:
        with qtbot.waitSignal(ws.plan_saved, timeout=10_000):
            ws.commands.set_track_action(person, TrackAction.KEEP)  # "Keep visible" ticked
    finally:
        asked.timer.stop()
    assert asked.offered == ["Requester - kept visible"]
    assert ws.plan.keep_tracks == (person,)
    assert ws.plan.reasons == {f"track:{person}": "Requester - kept visible"}
    with qtbot.waitSignal(ws.plan_saved, timeout=10_000):
        ws.undo_stack.undo()
    # A force whose reasons are all exemptions: nothing is offered, Return records nothing.
    combo = ws.controls.reason
    while combo.count() > 1:
        combo.removeItem(1)
    for code in ("Third party - s.40(2) FOIA / DPA 2018", "Child"):
        combo.addItem(code, code)
    asked = _ReasonAsked()
    try:
        ws.commands.set_track_action(person, TrackAction.KEEP)
    finally:
        asked.timer.stop()
    assert asked.offered == [""] and asked.closed_by_return == [False]
    assert not ws.plan.keep_tracks and not ws.plan.reasons
    win.close()


def test_the_track_delete_button_has_its_own_message(qtbot: QtBot, store: Store,
                                                     tmp_path: Path) -> None:
    """The Welsh catalogue had "Delete" for it, the name of the key in the shortcut list:
    the button asks for a message of its own (context TrackButtons, with a comment)."""

    class Welsh(QTranslator):
        def isEmpty(self) -> bool:
            return False

        def translate(self, context: str, source: str, disambiguation: str | None = None,
                      n: int = -1) -> str | None:
            if (context, source) == ("TrackButtons", "Delete"):
                return "Dileu" if disambiguation else "Delete"  # as the catalogue had it
            return None  # not translated: the English source

    welsh = Welsh()
    QCoreApplication.installTranslator(welsh)
    try:
        win, _problems = open_workspace(qtbot, store, make_video(tmp_path / "clip.mp4"))
        assert win.workspace.track_buttons.delete_button.text() == "Dileu"
        win.close()
    finally:
        QCoreApplication.removeTranslator(welsh)


def test_the_status_line_counts_in_plural_forms(qtbot: QtBot, store: Store,
                                                tmp_path: Path) -> None:
    """One %n message per count (read here as the source text, no catalogue installed)."""
    win, ws = _workspace_with_run(qtbot, store, tmp_path, head=True)
    status = ws.controls.status.text()
    assert status.startswith("1 person(s) found by face, 1 by body (heads), 0 text region(s)")
    assert "range(s) to review (stored run)." in status and "1 people" not in status
    win.close()


def test_a_long_message_in_the_new_case_dialog_wraps(qtbot: QtBot,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """An unreadable bank holiday file is named in the dialog; the message did not wrap,
    so a long path was cut off at the dialog's edge, with the reason after it."""
    from app.core.errors import InvalidInputError
    from app.ui import new_case_dialog

    path = "/srv/bwv/" + "shared-configuration-folder/" * 8 + "bank-holidays.json"

    def unreadable(*_args: object) -> date:
        raise InvalidInputError(f"{path}: the bank holidays cannot be read (not JSON).")

    monkeypatch.setattr(new_case_dialog, "statutory_deadline", unreadable)
    dialog = NewCaseDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    message = dialog.message
    assert path in message.text()
    assert dialog.width() < 800, dialog.width()
    assert message.sizeHint().width() <= message.width()  # not cut off on the right
    assert message.heightForWidth(message.width()) <= message.height()  # nor below

