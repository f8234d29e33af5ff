"""Tools > Retention: the report with due rows highlighted, who may apply the policy or place
a legal hold, applying it after a confirmation, and holds with a reason."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from app.core.library.ingest import ingest_paths
from app.core.library.retention_actions import RetentionOutcome
from app.core.people.users import add_user, resolve_actor
from app.core.policy.store_policy import set_policy
from app.core.store.database import Store
from app.core.store.models import Footage, Role
from app.ui.locale_format import datetime_text
from app.ui.retention_dialog import RetentionDialog
from app.ui.retention_model import DUE_BACKGROUND, WHY
from tests.conftest import make_video
from tests.ui.window import signed_in

OLD = {"creation_time": "2020-01-01T00:00:00Z"}  # its 31 days ended long ago


@pytest.fixture
def footage(store: Store, tmp_path: Path) -> dict[str, int]:
    """Two overdue items (one in a managed folder) and a recent one; officer and sup."""
    managed, elsewhere = tmp_path / "managed", tmp_path / "elsewhere"
    managed.mkdir()
    elsewhere.mkdir()
    files = {"old_managed": make_video(managed / "old_managed.mp4", frames=6, metadata=OLD),
             "old_elsewhere": make_video(elsewhere / "old_elsewhere.mp4", frames=7,
                                         metadata=OLD),
             "recent": make_video(managed / "recent.mp4", frames=8)}
    ids: dict[str, int] = {}
    for name, path in files.items():
        (result,) = ingest_paths(store, "tester", [path])
        assert result.footage_id is not None
        ids[name] = result.footage_id
    with store.transaction() as session:
        admin = resolve_actor(session, "tester")  # the first user: administrator
        add_user(session, admin, "officer", Role.DISCLOSURE_OFFICER)
        add_user(session, admin, "sup", Role.SUPERVISOR)
        set_policy(session, admin, managed_folders=[str(managed)])
    return ids


def _dialog(qtbot: QtBot, store: Store, user: str) -> RetentionDialog:
    dialog = RetentionDialog(store, signed_in(store, user))  # loads itself
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.loaded, timeout=10_000) as loaded:
        pass
    assert loaded.args == [3]
    return dialog


def _row(dialog: RetentionDialog, footage_id: int) -> int:
    return next(r for r, i in enumerate(dialog.items) if i.footage_id == footage_id)


def _text(dialog: RetentionDialog, footage_id: int, column: int) -> str:
    index = dialog.model.index(_row(dialog, footage_id), column)
    return str(index.data())


def _background(dialog: RetentionDialog, footage_id: int, column: int) -> object:
    brush = dialog.model.index(_row(dialog, footage_id), column).data(
        Qt.ItemDataRole.BackgroundRole)
    return None if brush is None else brush.color()


def _deleted(store: Store) -> set[int]:
    with store.read() as session:
        return {f.id for f in session.query(Footage).filter(Footage.deleted_at.is_not(None))}


def test_report_and_an_officer_may_not_apply(qtbot: QtBot, store: Store,
                                             footage: dict[str, int]) -> None:
    dialog = _dialog(qtbot, store, "officer")
    assert "kept 31 days" in dialog.policy_label.text()
    assert "managed" in dialog.policy_label.text() and "/managed" in dialog.policy_label.text()
    assert [i.file_name for i in dialog.items[:2]] == ["old_managed.mp4", "old_elsewhere.mp4"]
    for name in ("old_managed", "old_elsewhere"):
        assert _text(dialog, footage[name], 3) == "Due for deletion"
        assert _background(dialog, footage[name], 4) == DUE_BACKGROUND
    assert _text(dialog, footage["old_managed"], 5) == "Yes"
    assert _text(dialog, footage["old_elsewhere"], 5) == "No"
    assert _text(dialog, footage["recent"], 3) == "Not due"
    assert _background(dialog, footage["recent"], 0) != DUE_BACKGROUND
    why = dialog.model.index(_row(dialog, footage["recent"]), WHY)  # whole, in its tooltip
    assert why.data(Qt.ItemDataRole.ToolTipRole) == why.data() != ""
    dialog.resize(700, 400)  # every column in view: the reasons give way
    qtbot.wait(50)
    header = dialog.table.horizontalHeader()
    assert header.sectionViewportPosition(5) + header.sectionSize(5) <= \
        dialog.table.viewport().width()
    until = datetime(2020, 2, 1, tzinfo=UTC).astimezone()  # shown in local time
    assert _text(dialog, footage["old_managed"], 2) == datetime_text(until)
    assert dialog.summary.text() == "2 item(s) due for deletion."
    assert not dialog.apply_button.isEnabled()
    assert "supervisor or an administrator" in dialog.apply_button.toolTip()
    dialog.table.selectRow(0)
    assert not dialog.hold_button.isEnabled() and not dialog.lift_button.isEnabled()
    assert "Only a supervisor" in dialog.hold_button.toolTip()
    with qtbot.waitSignal(dialog.failed, timeout=10_000) as failed:  # the core refuses too
        dialog.apply(confirm=lambda n: True)
    assert "only a supervisor or an administrator can apply" in failed.args[0]
    assert _deleted(store) == set()


def test_administrator_applies_after_confirming(qtbot: QtBot, store: Store,
                                                footage: dict[str, int],
                                                tmp_path: Path) -> None:
    dialog = _dialog(qtbot, store, "tester")
    assert dialog.apply_button.isEnabled()
    dialog.table.selectRow(0)
    assert not dialog.hold_button.isEnabled()  # holds are a supervisor's
    asked: list[int] = []

    def refuse(due: int) -> bool:
        asked.append(due)
        return False

    assert not dialog.apply(confirm=refuse)
    assert asked == [2] and _deleted(store) == set()
    assert (tmp_path / "managed" / "old_managed.mp4").exists()

    with qtbot.waitSignal(dialog.applied, timeout=20_000) as applied:
        assert dialog.apply(confirm=lambda n: True)
    outcomes: list[RetentionOutcome] = applied.args[0]
    assert {o.item.footage_id: o.action for o in outcomes} == {
        footage["old_managed"]: "deleted file", footage["old_elsewhere"]: "marked deleted"}
    assert _deleted(store) == {footage["old_managed"], footage["old_elsewhere"]}
    assert not (tmp_path / "managed" / "old_managed.mp4").exists()
    assert (tmp_path / "elsewhere" / "old_elsewhere.mp4").exists()  # its owner deletes it
    assert (tmp_path / "managed" / "recent.mp4").exists()
    qtbot.waitUntil(lambda: _text(dialog, footage["old_managed"], 3) == "Deleted",
                    timeout=10_000)
    assert dialog.summary.text() == "Nothing is due for deletion."
    assert dialog.outcome.text() == "2 item(s) deleted; their records are kept."
    asked.clear()
    assert not dialog.apply(confirm=refuse)  # nothing due: not even asked
    assert asked == []


def test_supervisor_places_and_lifts_a_legal_hold(qtbot: QtBot, store: Store,
                                                  footage: dict[str, int],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = _dialog(qtbot, store, "sup")
    old = footage["old_elsewhere"]
    assert dialog.apply_button.isEnabled()
    dialog.table.selectRow(_row(dialog, old))
    assert dialog.hold_button.isEnabled() and not dialog.lift_button.isEnabled()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("civil claim 2026/77", True))
    with qtbot.waitSignals([dialog.changed, dialog.loaded], timeout=10_000):
        dialog.hold_button.click()
    assert _text(dialog, old, 3) == "Legal hold"
    assert "civil claim 2026/77" in _text(dialog, old, 4)
    assert dialog.summary.text() == "1 item(s) due for deletion."
    selected = dialog.selected_item()  # still selected after the reload
    assert selected is not None and selected.footage_id == old
    assert dialog.lift_button.isEnabled() and not dialog.hold_button.isEnabled()
    with qtbot.waitSignal(dialog.failed, timeout=10_000) as failed:
        dialog.set_hold(old, False, " ")
    assert "Give the reason" in failed.args[0]
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.set_hold(old, False, "claim settled")
    assert _text(dialog, old, 3) == "Due for deletion"
