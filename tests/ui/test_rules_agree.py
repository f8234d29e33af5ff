"""Every surface shows the core's one rule (issue 16): for a table of footage, the CLI, the
library panel and the details panel name the same retention state (an open case keeps the
footage in all three); for a table of cases, the CLI and the Cases tab agree on overdue (a
finished case never is)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from pytestqt.qtbot import QtBot

from app.cli.formatting import due_text, retention_text
from app.core.retention.rules import RetentionState
from app.core.store.database import Store
from app.core.store.models import CaseStatus, CaseType
from app.core.views.records import CaseRecord, FootageRecord
from app.ui.cases_panel import CasesPanel
from app.ui.details_panel import DetailsPanel
from app.ui.footage_model import FootageTableModel
from tests.ui.window import signed_in

NOW = datetime.now(UTC)
BASE = FootageRecord(1, "/x.mp4", "x.mp4", "00" * 32, 1, "mp4", "h264", "", 640, 360, 0, 25.0,
                     False, 25, 1.0, None, None, None, NOW, "tester",
                     NOW + timedelta(days=9, hours=12), False)
FOOTAGE = {
    RetentionState.NOT_DUE: BASE,
    RetentionState.DUE: replace(BASE, retention_until=NOW - timedelta(days=2)),
    RetentionState.OPEN_CASE: replace(BASE, retention_until=NOW - timedelta(days=2),
                                      case_refs=("SAR-1",), open_case_refs=("SAR-1",)),
    RetentionState.EVIDENTIAL: replace(BASE, retention_until=NOW - timedelta(days=2),
                                       evidential=True),
    RetentionState.LEGAL_HOLD: replace(BASE, legal_hold=True, legal_hold_reason="inquest"),
    RetentionState.DELETED: replace(BASE, deleted_at=NOW, deletion_note="retention"),
}
# The words each surface uses for each state (English).
CLI = {RetentionState.NOT_DUE: "(9 days)", RetentionState.DUE: "overdue",
       RetentionState.OPEN_CASE: "open case SAR-1", RetentionState.EVIDENTIAL: "(evidential)",
       RetentionState.LEGAL_HOLD: "legal hold", RetentionState.DELETED: "DELETED"}
LIBRARY = {RetentionState.NOT_DUE: "9 day", RetentionState.DUE: "Overdue",
           RetentionState.OPEN_CASE: "open case SAR-1",
           RetentionState.EVIDENTIAL: "Kept (evidential)",
           RetentionState.LEGAL_HOLD: "legal hold", RetentionState.DELETED: "Deleted"}
DETAILS = {RetentionState.NOT_DUE: "in 9 day", RetentionState.DUE: "Overdue",
           RetentionState.OPEN_CASE: "case SAR-1 is open",
           RetentionState.EVIDENTIAL: "Kept: marked evidential",
           RetentionState.LEGAL_HOLD: "legal hold",
           RetentionState.DELETED: "Deleted under the retention policy"}


def test_retention_reads_the_same_everywhere(qtbot: QtBot, store: Store) -> None:
    details = DetailsPanel(store, signed_in(store, "tester"))
    qtbot.addWidget(details)
    model = FootageTableModel()
    for state, record in FOOTAGE.items():
        assert record.retention(NOW).state is state  # the core decides
        shown = {"cli": retention_text(record), "library": model._retention(record),
                 "details": details.retention_text(record)}
        expected = {"cli": CLI[state], "library": LIBRARY[state], "details": DETAILS[state]}
        for surface, text in shown.items():
            assert expected[surface] in text, (state, surface, text)
            others = {s for s in RetentionState if s is not state}
            table = {"cli": CLI, "library": LIBRARY, "details": DETAILS}[surface]
            assert not any(table[o] in text for o in others), (state, surface, text)


def test_overdue_reads_the_same_in_the_cli_and_the_cases_tab(qtbot: QtBot,
                                                             store: Store) -> None:
    panel = CasesPanel(store, signed_in(store, "tester"))
    qtbot.addWidget(panel)
    today = date.today()
    for status in CaseStatus:
        for days in (-3, 0, 4):
            case = CaseRecord(1, "SAR-1", "", CaseType.SUBJECT_ACCESS, status, NOW,
                              today + timedelta(days=days))
            state = case.deadline_state(today)
            shown, late = panel.deadline_text(case, today)
            cli = due_text(case)
            assert late == state.overdue == ("OVERDUE" in cli), (status, days, cli, shown)
            assert ("Overdue" in shown) == late
            assert ("finished" in cli) == ("Finished" in shown) == state.finished
            if status is CaseStatus.CLOSED:
                assert not late  # a closed case is never overdue
