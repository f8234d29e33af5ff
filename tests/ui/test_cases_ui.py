"""The Cases tab: deadlines and overdue rows, new cases, the status flow with reasons, the
requester (never audited), the disclosure pack with its PDF, and the window's wiring."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.core.casework import case_flow, cases
from app.core.casework.deadlines import statutory_deadline
from app.core.library.ingest import ingest_paths
from app.core.people.users import add_user, resolve_actor
from app.core.settings import load_settings
from app.core.store.database import Store
from app.core.store.models import AuditEvent, CaseStatus, CaseType, Role
from app.ui.cases_model import OVERDUE_BACKGROUND, OVERDUE_TEXT
from app.ui.cases_panel import CasesPanel, NewCaseDialog
from app.ui.locale_format import date_text
from app.ui.main_window import MainWindow
from app.ui.pdf import render_pdf
from tests.conftest import make_approved_export, make_video
from tests.ui.window import signed_in, signed_in_record

S = CaseStatus


def _panel(qtbot: QtBot, store: Store, user: str = "tester") -> CasesPanel:
    panel = CasesPanel(store, signed_in(store, user))
    qtbot.addWidget(panel)
    panel.show()
    with qtbot.waitSignal(panel.refreshed, timeout=10_000):
        panel.refresh()
    return panel


def _row(panel: CasesPanel, reference: str) -> int:
    for row in range(panel.model.rowCount()):
        if panel.model.index(row, 0).data() == reference:
            return row
    raise AssertionError(f"{reference} is not listed")


def _cell(panel: CasesPanel, reference: str, column: int) -> str:
    return str(panel.model.index(_row(panel, reference), column).data())


def _foreground(panel: CasesPanel, reference: str, column: int) -> object:
    brush = panel.model.index(_row(panel, reference), column).data(
        Qt.ItemDataRole.ForegroundRole)
    return brush.color() if brush is not None else None


def _select(qtbot: QtBot, panel: CasesPanel, reference: str) -> None:
    with qtbot.waitSignal(panel.exports_loaded, timeout=10_000):
        assert panel.select_case(reference)


def _last_event(store: Store, action: str) -> dict[str, object]:
    with store.read() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == action)
                                .order_by(AuditEvent.seq.desc())).first()
    assert event is not None, action
    details: dict[str, object] = json.loads(event.details)
    return details


def test_render_pdf_writes_an_a4_pdf(qapp: object, tmp_path: Path) -> None:
    html = ("<h1>Disclosure record</h1>"
            + "".join(f"<p>Paragraph {i}: what was redacted and why.</p>" for i in range(150))
            + "<table border='1'><tr><th>File</th><th>SHA-256</th></tr>"
              "<tr><td>a.mp4</td><td>" + "ab" * 32 + "</td></tr></table>")
    pdf = tmp_path / "record.pdf"
    render_pdf(html, pdf)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 1000
    assert b"/MediaBox [0 0 595" in data  # A4 is 595 x 842 points
    with pytest.raises(OSError, match="cannot write the PDF"):
        render_pdf(html, tmp_path / "no such folder" / "record.pdf")


def test_deadlines_show_days_left_and_overdue_rows_in_red(qtbot: QtBot, store: Store) -> None:
    today = date.today()
    with store.transaction() as session:
        actor = resolve_actor(session, "tester")
        late = cases.create_case(session, actor, "SAR-OLD", "subject_access",
                                 received_on=date(2020, 1, 6))
        cases.create_case(session, actor, "CT-1", "court_exhibit",
                          deadline=today + timedelta(days=10))
        cases.create_case(session, actor, "DONE-1", "complaint",
                          deadline=today - timedelta(days=3))
        case_flow.change_status(session, actor, "DONE-1", "closed", "withdrawn")
        cases.create_case(session, actor, "NONE-1", "internal_review")
    panel = _panel(qtbot, store)
    assert panel.model.rowCount() == 4
    assert late.deadline is not None
    overdue_by = (today - late.deadline).days
    assert _cell(panel, "SAR-OLD", 5) == f"Overdue by {overdue_by} day(s)"
    assert _cell(panel, "SAR-OLD", 4) == date_text(late.deadline)
    for column in range(panel.model.columnCount()):
        assert _foreground(panel, "SAR-OLD", column) == OVERDUE_TEXT
        index = panel.model.index(_row(panel, "SAR-OLD"), column)
        assert index.data(Qt.ItemDataRole.BackgroundRole).color() == OVERDUE_BACKGROUND
        assert index.data(Qt.ItemDataRole.ToolTipRole) == "The deadline has passed"
        assert index.data(Qt.ItemDataRole.UserRole) == "SAR-OLD"  # what a drop links to
    assert _cell(panel, "CT-1", 5) == "10 day(s) left"
    assert _cell(panel, "DONE-1", 5) == "Finished"  # past its deadline, but answered
    assert _cell(panel, "NONE-1", 5) == "–"
    for ref in ("CT-1", "DONE-1", "NONE-1"):
        assert _foreground(panel, ref, 0) != OVERDUE_TEXT
        index = panel.model.index(_row(panel, ref), 5)
        assert index.data(Qt.ItemDataRole.BackgroundRole) is None
        assert index.data(Qt.ItemDataRole.ToolTipRole) is None
    assert _cell(panel, "SAR-OLD", 2) == "Subject access request"
    assert _cell(panel, "DONE-1", 3) == "Closed"
    assert panel.summary.text() == "4 case(s), 1 overdue"


def test_new_case_dialog_and_create(qtbot: QtBot, store: Store) -> None:
    panel = _panel(qtbot, store)
    assert panel.model.rowCount() == 0 and not panel.requester_box.isEnabled()
    dialog = NewCaseDialog(panel)
    qtbot.addWidget(dialog)
    assert not dialog.try_accept()  # no reference
    assert dialog.message.text() == "A case needs a reference."
    dialog.reference.setText("  FOI-2026-7 ")
    dialog.case_type.setCurrentIndex(dialog.case_type.findData(CaseType.FOI))
    dialog.title.setText("Stop on the high street")
    assert dialog.try_accept()
    reference, kind, title, received, deadline = dialog.values()
    assert (reference, kind, title, received, deadline) == (
        "FOI-2026-7", CaseType.FOI, "Stop on the high street", date.today(), None)
    with qtbot.waitSignals([panel.changed, panel.refreshed], timeout=10_000):
        panel.create_case(reference, kind, title, date(2026, 1, 5))
    assert panel.current_reference() == "FOI-2026-7"  # the new case is selected
    assert panel.fields["title"].text() == "Stop on the high street"
    assert panel.fields["received"].text() == date_text(date(2026, 1, 5))
    statutory = statutory_deadline(CaseType.FOI, date(2026, 1, 5))  # 20 working days
    assert statutory is not None
    assert panel.fields["deadline"].text().startswith(date_text(statutory))
    assert panel.fields["status"].text() == "Received"
    with store.read() as session:
        assert cases.get_case(session, "FOI-2026-7").deadline == statutory
    with qtbot.waitSignal(panel.failed, timeout=10_000) as failed:
        panel.create_case("FOI-2026-7", CaseType.FOI)
    assert "already exists" in failed.args[0]


def test_status_moves_follow_the_flow_with_reasons(qtbot: QtBot, store: Store,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    with store.transaction() as session:
        admin = resolve_actor(session, "tester")
        add_user(session, admin, "sup", Role.SUPERVISOR)
        cases.create_case(session, admin, "FOI-1", "foi")
    panel = _panel(qtbot, store)
    _select(qtbot, panel, "FOI-1")
    assert list(panel.status_buttons) == case_flow.allowed_next(S.RECEIVED)
    assert [b.text() for b in panel.status_buttons.values()] == ["In review", "Refused",
                                                                 "Closed"]
    refuse = panel.status_buttons[S.REFUSED]  # an administrator may not refuse a request
    assert not refuse.isEnabled() and "only a supervisor can refuse" in refuse.toolTip()

    asked: list[str] = []

    def answer(_parent: object, _title: str, prompt: str, *args: object) -> tuple[str, bool]:
        asked.append(prompt)
        return "started work", True

    monkeypatch.setattr(QInputDialog, "getText", answer)
    with qtbot.waitSignal(panel.refreshed, timeout=10_000):
        panel.status_buttons[S.IN_REVIEW].click()
    assert "optional" in asked[0]
    assert panel.fields["status"].text() == "In review"
    assert _cell(panel, "FOI-1", 3) == "In review"
    assert panel.message.text() == "Case FOI-1 is now “In review”."
    assert list(panel.status_buttons) == case_flow.allowed_next(S.IN_REVIEW)
    assert _last_event(store, "case.status") == {"status": ["received", "in_review"],
                                                 "reason": "started work"}

    with qtbot.waitSignal(panel.failed, timeout=10_000) as failed:
        panel.change_status(S.RECEIVED, "  ")  # going back needs a reason
    assert "Say why case FOI-1 goes from in review to received" in failed.args[0]
    with qtbot.waitSignal(panel.failed, timeout=10_000) as failed:
        panel.change_status(S.REDACTED)
    assert "no redaction plan yet" in failed.args[0]
    with qtbot.waitSignal(panel.refreshed, timeout=10_000):
        panel.change_status(S.RECEIVED, "opened by mistake")
    assert panel.fields["status"].text() == "Received"

    sup = _panel(qtbot, store, "sup")  # a supervisor refuses, naming the exemption
    _select(qtbot, sup, "FOI-1")
    answers = iter([("personal data of third parties", True),
                    ("FOI s.40(2) personal information", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: next(answers))
    assert sup.status_buttons[S.REFUSED].isEnabled()
    with qtbot.waitSignal(sup.refreshed, timeout=10_000):
        sup.status_buttons[S.REFUSED].click()
    assert sup.fields["status"].text() == "Refused"
    assert sup.fields["exemption"].text() == "FOI s.40(2) personal information"
    with store.read() as session:
        case = cases.get_case(session, "FOI-1")
        assert case.status is S.REFUSED and case.exemption == "FOI s.40(2) personal information"


def test_requester_is_saved_but_never_audited(qtbot: QtBot, store: Store) -> None:
    with store.transaction() as session:
        cases.create_case(session, resolve_actor(session, "tester"), "SAR-5", "subject_access")
    panel = _panel(qtbot, store)
    _select(qtbot, panel, "SAR-5")
    assert panel.personal_note.isVisible()
    assert "never written to the audit trail" in panel.personal_note.text()
    panel.requester_name.setText("Jane Example")
    panel.requester_reference.setText("JE-77")
    panel.requester_contact.setText("jane@example.org")
    with qtbot.waitSignal(panel.refreshed, timeout=10_000):
        panel.save_requester()
    with store.read() as session:
        case = cases.get_case(session, "SAR-5")
        assert (case.requester_name, case.requester_reference, case.requester_contact) == (
            "Jane Example", "JE-77", "jane@example.org")
    details = _last_event(store, "case.requester")
    assert details == {"fields": ["requester_name", "requester_reference",
                                  "requester_contact"]}
    with store.read() as session:
        trail = " ".join(e.details for e in session.scalars(select(AuditEvent)))
    assert "Jane" not in trail and "jane@example.org" not in trail and "JE-77" not in trail
    assert panel.requester_name.text() == "Jane Example"  # shown again after the reload
    panel.table.clearSelection()
    assert panel.requester_name.text() == ""
    _select(qtbot, panel, "SAR-5")
    assert panel.requester_contact.text() == "jane@example.org"


def test_requester_details_saved_elsewhere_are_never_overwritten_unseen(
        qtbot: QtBot, store: Store) -> None:
    with store.transaction() as session:
        actor = resolve_actor(session, "tester")
        cases.create_case(session, actor, "SAR-6", "subject_access")
        cases.set_requester(session, actor, "SAR-6", name="Jane Example", contact="old@x.org")
    panel = _panel(qtbot, store)
    _select(qtbot, panel, "SAR-6")
    with store.transaction() as session:  # another workstation saves a new contact meanwhile
        cases.set_requester(session, resolve_actor(session, "tester"), "SAR-6",
                            contact="new@x.org")
    panel.requester_name.setText("Jane Q Example")  # this screen still shows old@x.org
    with qtbot.waitSignal(panel.refreshed, timeout=10_000):
        panel.save_requester()
    with store.read() as session:
        case = cases.get_case(session, "SAR-6")
        assert (case.requester_name, case.requester_contact) == ("Jane Q Example", "new@x.org")
    assert panel.requester_contact.text() == "new@x.org"  # shown after the reload
    with store.transaction() as session:  # changed elsewhere again, then edited here too
        cases.set_requester(session, resolve_actor(session, "tester"), "SAR-6",
                            contact="third@x.org")
    panel.requester_contact.setText("mine@x.org")
    with qtbot.waitSignal(panel.failed, timeout=10_000) as failed:
        panel.save_requester()
    assert "changed elsewhere" in failed.args[0]
    with store.read() as session:
        assert cases.get_case(session, "SAR-6").requester_contact == "third@x.org"
    assert panel.requester_contact.text() == "mine@x.org"  # what was typed is not lost


def test_exports_and_the_disclosure_pack_with_its_pdf(qtbot: QtBot, store: Store,
                                                     tmp_path: Path) -> None:
    from app.core.casework.disclosure_pack import PackResult

    export_id, _out = make_approved_export(store, tmp_path, "tester")
    panel = _panel(qtbot, store)
    with qtbot.waitSignal(panel.exports_loaded, timeout=10_000) as loaded:
        panel.select_case("SAR-9")
    assert loaded.args == [1]
    assert [panel.exports_table.item(0, c).text()  # type: ignore[union-attr]
            for c in (0, 2, 4)] == [str(export_id), "SAR-9.mp4", "Yes"]
    assert panel.pack_button.isEnabled()  # the only export is selected, and approved
    packs = tmp_path / "packs"
    packs.mkdir()
    with qtbot.waitSignal(panel.pack_made, timeout=30_000) as made:
        panel.make_pack(export_id, packs, as_zip=False)
    pack = made.args[0]
    assert isinstance(pack, PackResult) and pack.path.parent == packs
    pdf = (pack.path / "disclosure-record.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and len(pdf) > 1000
    assert "disclosure-record.pdf" in pack.files
    assert str(pack.path) in panel.pack_status.text()
    with qtbot.waitSignal(panel.failed, timeout=30_000) as failed:
        panel.make_pack(export_id, packs, as_zip=False)  # the same pack again
    assert "already exists" in failed.args[0]
    assert panel.pack_status.text() == "No pack was made."


def test_window_has_a_cases_tab_and_a_tools_menu(qtbot: QtBot, store: Store,
                                                tmp_path: Path) -> None:
    with store.transaction() as session:
        cases.create_case(session, resolve_actor(session, "tester"), "SAR-9", "subject_access")
    ingest_paths(store, "tester", [make_video(tmp_path / "in_case.mp4")], case_ref="SAR-9")
    ingest_paths(store, "tester", [make_video(tmp_path / "other.mp4", frames=8)])
    win = MainWindow(store, load_settings(), signed_in_record(store))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.library.model.rowCount() == 2
                    and win.cases.model.rowCount() == 1, timeout=10_000)
    assert [win.centre.tabText(i) for i in range(win.centre.count())] == [
        "Review", "Redact", "Cases"]
    menus = [a.text() for a in win.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&View", "&Tools", "&Help"]
    qtbot.waitUntil(lambda: "Signed in as tester (Administrator)"
                    in win.who.text(), timeout=10_000)
    win.statusBar().showMessage("something else", 1)  # a passing message leaves it shown
    assert win.who.isVisible() and "Signed in as tester" in win.who.text()
    win.centre.setCurrentWidget(win.cases)
    with qtbot.waitSignal(win.library.loaded, timeout=10_000) as loaded:
        win.cases.select_case("SAR-9")  # the library follows the case chosen
    assert loaded.args == [1] and win.library.current_case() == "SAR-9"
    with qtbot.waitSignal(win.library.loaded, timeout=10_000):  # a new case: library lists it
        win.cases.create_case("FOI-3", CaseType.FOI)
    qtbot.waitUntil(lambda: win.library.case_filter.findData("FOI-3") >= 0, timeout=10_000)
    win.retention_action.trigger()
    dialog = win.retention_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2, timeout=10_000)
    win.close()


def test_the_pack_folder_is_remembered(qtbot: QtBot, store: Store, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 14, item 11: the pack dialog opened in the program's folder. It opens where the
    last export went, then where the last pack went."""
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QFileDialog

    make_approved_export(store, tmp_path, "tester")
    panel = _panel(qtbot, store)
    with qtbot.waitSignal(panel.exports_loaded, timeout=10_000):
        panel.select_case("SAR-9")
    QSettings().setValue("export/folder", str(tmp_path / "exports"))
    opened: list[str] = []
    chosen = tmp_path / "packs"
    chosen.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        lambda _parent, _title, where="": opened.append(where) or str(chosen))
    with qtbot.waitSignal(panel.pack_made, timeout=30_000):
        qtbot.mouseClick(panel.pack_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.pack_button.isEnabled(), timeout=10_000)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        lambda _parent, _title, where="": opened.append(where) or "")
    qtbot.mouseClick(panel.pack_button, Qt.MouseButton.LeftButton)  # then cancelled
    assert opened == [str(tmp_path / "exports"), str(chosen)]


def test_approving_a_case_shows_what_it_lets_out_first(
        qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Approval was one click with no summary when nothing was open (found by a first-use
    trial): the supervisor now reads each plan (who is kept visible and why, what else is
    hidden) in the approval window, and the case moves on only from its Approve."""
    from app.core.analysis import analyse
    from app.core.redaction.plan import RedactionPlan
    from app.core.redaction.plans import save_plan

    with store.transaction() as session:
        admin = resolve_actor(session, "tester")
        add_user(session, admin, "sup", Role.SUPERVISOR)
        cases.create_case(session, admin, "SAR-5", "subject_access")
    video = make_video(tmp_path / "bwv 5.mp4", frames=12)
    (result,) = ingest_paths(store, "tester", [video], case_ref="SAR-5")
    assert result.footage_id is not None
    plan = RedactionPlan(detection_run=analyse(store, "tester", result.footage_id,
                                               "fast").run_key,
                         keep_tracks=(1,), reasons={"track:1": "Requester - kept visible"})
    with store.transaction() as session:
        actor = resolve_actor(session, "tester")
        save_plan(session, actor, result.footage_id, cases.get_case(session, "SAR-5").id,
                  plan)
        for status in ("redacted", "awaiting_approval"):
            case_flow.change_status(session, actor, "SAR-5", status)
    panel = _panel(qtbot, store, "sup")
    _select(qtbot, panel, "SAR-5")
    def no_note_first(*_a: object, **_k: object) -> tuple[str, bool]:
        raise AssertionError("a note asked before the plan was shown")

    monkeypatch.setattr(QInputDialog, "getText", no_note_first)  # (asked in the window)
    for approve in (False, True):
        panel.status_buttons[S.APPROVED].click()
        qtbot.waitUntil(lambda: panel.open_items_dialog is not None
                        and panel.open_items_dialog.isVisible(), timeout=10_000)
        shown = panel.open_items_dialog
        assert shown is not None
        text = shown.outline.toPlainText()
        assert "Footage #1: bwv 5.mp4" in text and \
            "Kept visible: track 1 (Requester - kept visible)" in text, text
        if not approve:  # Enter never approves (the focus is in the outline): it cancels
            shown.table.item(0, 1).setText("looked at")  # (all answered: Approve enabled)
            qtbot.keyClick(shown.outline, Qt.Key.Key_Return)
            qtbot.waitUntil(lambda dialog=shown: not dialog.isVisible(), timeout=5_000)
            qtbot.wait(300)
            assert _cell(panel, "SAR-5", 3) == "Awaiting approval"
            continue
        assert [i.text for i in shown.items] == [
            "bwv 5.mp4: frames 0-11 not marked as reviewed (a stretch with no face found at "
            "all)"]  # and the open items below, each needing an answer
        shown.table.item(0, 1).setText("looked at: nobody there")
        shown.note.setText("read: the requester only")
        with qtbot.waitSignal(panel.changed, timeout=10_000):
            shown.buttons.button(shown.buttons.StandardButton.Ok).click()
    assert panel.message.text() == "Case SAR-5 is now “Approved”."
    assert _last_event(store, "plan.approve")["note"] == "read: the requester only"
