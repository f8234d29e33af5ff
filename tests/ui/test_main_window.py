"""The desktop window, driven headless with pytest-qt on a real store."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.core.errors import InvalidInputError
from app.core.library.ingest import ingest_paths
from app.core.progress import CancelToken
from app.core.settings import load_settings
from app.core.store.database import Store
from app.ui.details_panel import DetailsPanel
from app.ui.main_window import MainWindow
from app.ui.workers import Job
from tests.conftest import make_video
from tests.ui.window import signed_in, signed_in_record


def test_library_lists_ingested_footage(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    ingest_paths(store, "tester", [make_video(tmp_path / "short.mp4", frames=9),
                                   make_video(tmp_path / "long.mp4", frames=30)])
    win = MainWindow(store, load_settings(), signed_in_record(store))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.library.model.rowCount() == 2, timeout=10_000)
    model = win.library.model
    names = {model.index(r, 1).data() for r in range(2)}
    assert names == {"short.mp4", "long.mp4"}
    assert "2 footage item" in win.library.status.text()
    # the store sorts: numeric on frames, 9 before 30 (a text sort would put "30" first)
    with qtbot.waitSignal(win.library.loaded, timeout=10_000):
        win.library.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    assert [model.index(r, 3).data() for r in range(2)] == ["30", "9"]
    with qtbot.waitSignal(win.library.loaded, timeout=10_000):
        win.library.table.sortByColumn(3, Qt.SortOrder.AscendingOrder)
    assert [model.index(r, 3).data() for r in range(2)] == ["9", "30"]
    qtbot.keyClicks(win.library.filter_edit, "long")
    qtbot.waitUntil(lambda: model.rowCount() == 1 and model.index(0, 1).data() == "long.mp4",
                    timeout=10_000)


def test_library_refresh_picks_up_new_footage(qtbot: QtBot, store: Store,
                                              tmp_path: Path) -> None:
    win = MainWindow(store, load_settings(), signed_in_record(store))
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.library.loaded, timeout=10_000) as blocker:
        pass
    assert blocker.args == [0]
    ingest_paths(store, "tester", [make_video(tmp_path / "new.mp4")])
    with qtbot.waitSignal(win.library.loaded, timeout=10_000) as blocker:
        win.refresh_action.trigger()
    assert blocker.args == [1]


def test_job_runs_off_the_ui_thread_and_reports_each_outcome(qtbot: QtBot) -> None:
    main_thread = threading.get_ident()
    seen: dict[str, int] = {}

    def work(progress: object, cancel: CancelToken) -> int:
        seen["thread"] = threading.get_ident()
        return 42

    job = Job(work)
    with qtbot.waitSignal(job.finished, timeout=5000) as blocker:
        job.start()
    assert blocker.args == [42] and seen["thread"] != main_thread

    def fails(progress: object, cancel: CancelToken) -> None:
        raise InvalidInputError("That will not do.")

    job = Job(fails)
    with qtbot.waitSignal(job.failed, timeout=5000) as blocker:
        job.start()
    assert blocker.args == ["That will not do.", ""]

    def waits(progress: object, cancel: CancelToken) -> None:
        while True:
            cancel.check()

    job = Job(waits)
    with qtbot.waitSignal(job.cancelled, timeout=5000):
        job.start()
        job.cancel()


def test_uncaught_error_shows_a_dialog_not_a_crash(qtbot: QtBot,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from app.ui import error_dialog

    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "exec",
                        lambda self: shown.append((self.text(), self.detailedText())) or 0)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    error_dialog.install_excepthooks()
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert "RuntimeError: boom" in shown[0][0] and "Traceback" in shown[0][1]
    from app.core.store.checked_types import DATE_AND_TIME, UnreadableValueError

    try:  # a core error reaching the hook: its sentence, not its class name
        raise UnreadableValueError("soon", DATE_AND_TIME)
    except UnreadableValueError:
        sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=5000)
    assert shown[1][0].startswith("The evidence store holds 'soon' where a date and time "
                                  "belongs"), shown[1][0]


def test_app_without_display_says_so(monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    from app.ui import application

    for var in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr(application.sys, "platform", "linux")
    assert application.main(["bwv-studio"]) == 2
    assert "no display found" in capsys.readouterr().err


def test_quitting_during_a_load_waits_for_the_worker(qtbot: QtBot, store: Store) -> None:
    from app.ui.workers import shutdown

    win = MainWindow(store, load_settings(), signed_in_record(store))
    qtbot.addWidget(win)
    win.library.refresh()
    win.close()
    win.deleteLater()
    assert shutdown(5000)
    store.close()


def test_adding_footage_shows_progress_and_each_failure(qtbot: QtBot, store: Store,
                                                        tmp_path: Path) -> None:
    good = make_video(tmp_path / "good.mp4", frames=20)
    bad = tmp_path / "notes.mp4"
    bad.write_text("this is not a video\n" * 40)
    win = MainWindow(store, load_settings(), signed_in_record(store))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.library.status.text() != "Loading…", timeout=10_000)
    dialog = win.library.add_paths([good, bad])
    assert dialog is not None
    with qtbot.waitSignal(win.library.loaded, timeout=20_000) as loaded:
        pass
    assert loaded.args == [1]
    assert dialog.isVisible()  # shown because a file failed
    texts = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert any("notes.mp4: not a video file" in t for t in texts)
    assert "1 added, 0 already present, 1 failed." in dialog.current.text()
    win.close()


def test_ingest_results_are_read_whole(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    """A long path and its reason ran past the dialog's edge (a sideways scroll to read why
    a file failed); each result now wraps."""
    from app.ui.ingest_dialog import IngestDialog

    deep = tmp_path / ("a folder with a long name for the docking station share " * 2).strip()
    deep.mkdir()
    bad = deep / "truncated recording from the docking station.mp4"
    bad.write_bytes(b"\x00" * 64)
    dialog = IngestDialog(store, signed_in(store), [bad])
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.ingest_done, timeout=10_000):
        dialog.start()
    item = dialog.list.item(0)
    assert str(bad) in item.text()
    shown = dialog.list.visualItemRect(item)
    assert shown.right() <= dialog.list.viewport().width()  # not cut off on the right
    assert shown.height() >= 2 * dialog.list.fontMetrics().height(), shown  # but wrapped
    assert dialog.width() < 1000, dialog.width()


def test_ingest_can_be_cancelled(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    from app.ui.ingest_dialog import IngestDialog

    files = [make_video(tmp_path / f"c{i}.mp4", frames=6) for i in range(3)]
    dialog = IngestDialog(store, signed_in(store), files)
    qtbot.addWidget(dialog)
    dialog.job.token.cancel()  # cancelled before the first file
    with qtbot.waitSignal(dialog.ingest_done, timeout=10_000):
        dialog.start()
    assert "Cancelled" in dialog.current.text()


def _details_of_the_one_item(qtbot: QtBot, store: Store) -> tuple[MainWindow, DetailsPanel]:
    """The main window shown, the library's one item selected, and its details panel."""
    win = MainWindow(store, load_settings(), signed_in_record(store))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.library.model.rowCount() == 1, timeout=10_000)
    win.library.table.selectRow(0)
    details = win.details
    qtbot.waitUntil(lambda: details.record is not None, timeout=5000)
    return win, details


def test_details_verify_and_evidential_with_reason(qtbot: QtBot, store: Store, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    from PySide6.QtWidgets import QInputDialog
    from sqlalchemy import select

    from app.core.store.models import AuditEvent

    ingest_paths(store, "tester", [make_video(tmp_path / "a.mp4", frames=12)])
    win, details = _details_of_the_one_item(qtbot, store)
    assert details.fields["sha256"].toolTip() == details.record.sha256  # type: ignore[union-attr]
    assert "unless marked evidential" in details.fields["retention"].text()

    details.verify_button.click()
    qtbot.waitUntil(lambda: "Unchanged" in details.verify_result.text(), timeout=10_000)

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", False))
    details.evidential.click()  # asked for a reason, cancelled: nothing changes
    assert not details.evidential.isChecked()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("charged: assault", True))
    with qtbot.waitSignal(win.library.loaded, timeout=10_000):
        details.evidential.click()
    assert details.evidential.isChecked()
    assert details.fields["retention"].text() == "Kept: marked evidential"
    qtbot.waitUntil(lambda: win.library.model.index(0, 6).data() == "Kept (evidential)",
                    timeout=10_000)
    with store.read() as session:
        last = session.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc())).first()
    assert last is not None and last.action == "footage.evidential"
    assert json.loads(last.details)["reason"] == "charged: assault"
    win.close()


def test_details_describe_again(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    """Footage an older version counted otherwise is described again from its details: the
    frame count shown changes, and a description that stands says so."""
    from sqlalchemy import update

    from app.core.store.models import Footage
    from tests.media_broken import cut_part_way, packet_pts

    src = cut_part_way(tmp_path, drop=4)
    ingest_paths(store, "tester", [src])
    with store.transaction() as session:  # as ingest counted such a file before 2026-12-06
        decodable = session.get(Footage, 1).frame_count
        session.execute(update(Footage).where(Footage.id == 1).values(
            frame_count=len(packet_pts(src))))
    win, details = _details_of_the_one_item(qtbot, store)
    assert details.fields["frames"].text().startswith(str(len(packet_pts(src))))
    details.describe_button.click()
    qtbot.waitUntil(lambda: "Described again: frame count" in details.verify_result.text(),
                    timeout=10_000)
    qtbot.waitUntil(lambda: details.fields["frames"].text().startswith(str(decodable)),
                    timeout=10_000)
    details.describe_button.click()
    qtbot.waitUntil(lambda: "description stands" in details.verify_result.text(),
                    timeout=10_000)
    win.close()


def test_details_hashing_shows_progress_and_can_be_cancelled(
        qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    """Verify now and Describe again hash the whole original (gigabytes, on a network share
    a minute or more): a progress bar and a Cancel button show while they run, Cancel stops
    the hashing with nothing checked or changed, and the buttons come back."""
    from sqlalchemy import func, select

    from app.core.store.models import AuditEvent
    from app.ui.switch_user import work_running

    src = make_video(tmp_path / "a.mp4", frames=12)
    ingest_paths(store, "tester", [src])
    with src.open("r+b") as original:  # a large original (sparse: no time to write)
        original.truncate(32 * 1024 ** 3)
    win, details = _details_of_the_one_item(qtbot, store)
    with store.read() as session:
        events = session.scalar(select(func.count(AuditEvent.seq)))
    for button, said in ((details.verify_button, "Verification cancelled"),
                         (details.describe_button, "Describing again cancelled")):
        button.click()
        assert details.progress.isVisible() and details.cancel_button.isVisible()
        assert not details.verify_button.isEnabled() and not details.describe_button.isEnabled()
        assert "Hashing" in details.verify_result.text() and "#1" in details.verify_result.text()
        assert work_running(win)  # nobody else signs in meanwhile
        qtbot.waitUntil(lambda: details.progress.maximum() == 1000 and
                        0 < details.progress.value() < 1000, timeout=10_000)  # how far
        details.cancel_button.click()
        assert not details.cancel_button.isEnabled()  # (said once)
        qtbot.waitUntil(lambda said=said: said in details.verify_result.text(), timeout=10_000)
        assert not details.progress.isVisible() and not details.cancel_button.isVisible()
        assert details.verify_button.isEnabled() and details.describe_button.isEnabled()
        assert not work_running(win)
    with store.read() as session:  # nothing was recorded (not even a failed check)
        assert session.scalar(select(func.count(AuditEvent.seq))) == events
    win.close()


def test_case_filter_is_remembered_and_settings_dialog_saves(
        qtbot: QtBot, store: Store, tmp_path: Path, isolated_env: Path) -> None:
    import json

    from app.core.casework import cases
    from app.core.people.users import resolve_actor
    from app.ui.settings_dialog import SettingsDialog

    with store.transaction() as session:
        cases.create_case(session, resolve_actor(session, "tester"), "SAR-9", "subject_access")
    ingest_paths(store, "tester", [make_video(tmp_path / "in_case.mp4")], case_ref="SAR-9")
    ingest_paths(store, "tester", [make_video(tmp_path / "other.mp4", frames=8)])
    win = MainWindow(store, load_settings(), signed_in_record(store))
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: win.library.model.rowCount() == 2, timeout=10_000)
    with qtbot.waitSignal(win.library.loaded, timeout=10_000) as loaded:
        win.library.select_case("SAR-9")
    assert loaded.args == [1]
    win.close()
    again = MainWindow(store, load_settings(), signed_in_record(store))  # remembers the case
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: again.library.case_filter.currentData() == "SAR-9"
                    and again.library.model.rowCount() == 1, timeout=10_000)
    again.close()

    from app.core.people.users import add_user, resolve_actor
    from app.core.policy.store_policy import load_policy
    from app.core.store.models import Role

    dialog = SettingsDialog(load_settings(), None, store,
                            signed_in(store, "tester"))  # the administrator
    qtbot.addWidget(dialog)
    assert dialog.require_approval.isEnabled() and dialog.require_approval.isChecked()  # new
    dialog.require_approval.setChecked(False)
    dialog._save()
    saved = json.loads((isolated_env / "config" / "settings.json").read_text())
    assert "require_approval" not in saved  # a rule of the store, not of this computer
    with store.read() as session:
        assert not load_policy(session).require_approval
    with store.transaction() as session:
        add_user(session, resolve_actor(session, "tester"), "olive", Role.DISCLOSURE_OFFICER)
    dialog = SettingsDialog(load_settings(), None, store, signed_in(store, "olive"))
    qtbot.addWidget(dialog)
    assert not dialog.require_approval.isEnabled()  # only an administrator changes it


def test_full_screen_shows_only_the_video(qtbot: QtBot, store: Store) -> None:
    win = MainWindow(store, load_settings(), signed_in_record(store))
    qtbot.addWidget(win)
    win.show()
    win.fullscreen_action.setChecked(True)
    assert not win.side_panels.isVisible() and win.footage_view.isVisible()
    qtbot.keyClick(win, Qt.Key.Key_Escape)
    assert win.side_panels.isVisible() and not win.fullscreen_action.isChecked()
    win.close()


def test_library_and_details_show_the_core_retention_rule(qtbot: QtBot, store: Store,
                                                          tmp_path: Path) -> None:
    """Issue 14, item 13: footage past its retention date but linked to an open case is
    kept (as retention itself decides), not shown as overdue."""
    from app.core.casework.cases import create_case, link_footage
    from app.core.people.users import resolve_actor
    from tests.ui.window import show_window

    old = make_video(tmp_path / "old.mp4", frames=6,
                     metadata={"creation_time": "2020-01-01T08:00:00Z"})
    win = show_window(qtbot, store, old)
    model = win.library.model
    assert model.index(0, 6).data() == "Overdue"
    with store.transaction() as session:
        actor = resolve_actor(session, "tester")
        create_case(session, actor, "SAR-9", "subject_access")
        link_footage(session, actor, "SAR-9", 1)
    win.library.refresh()
    qtbot.waitUntil(lambda: model.index(0, 6).data() == "Kept (open case SAR-9)",
                    timeout=10_000)
    win.library.table.selectRow(0)
    qtbot.waitUntil(lambda: "SAR-9" in win.details.fields["retention"].text(), timeout=10_000)
    assert "open" in win.details.fields["retention"].text()
    win.close()


def test_ingest_into_a_case_with_the_store_busy_at_filing_keeps_its_results(
        qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file ingested, then the store busy when they are filed in the case: the dialog
    said only that adding footage failed (the results gone); now it gives them and says
    why they are not filed."""
    import sqlite3

    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import DBAPIError

    from app.core.casework import cases
    from app.core.people.users import resolve_actor
    from app.core.store import database
    from app.core.store.database import Store as StoreType
    from app.ui.ingest_dialog import IngestDialog

    with store.transaction() as session:
        cases.create_case(session, resolve_actor(session, "tester"), "SAR-3", "subject_access")
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 300)
    other = StoreType(store.url, store.data_dir)  # a real refusal of the driver
    holder = sqlite3.connect(str(make_url(store.url).database), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(DBAPIError) as refused, other.transaction():
            pass
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        other.close()
    busy = refused.value

    def link_when_busy(*_args: object, **_kwargs: object) -> int:
        raise busy

    monkeypatch.setattr(cases, "link_many", link_when_busy)
    files = [make_video(tmp_path / f"c{i}.mp4", frames=6 + i) for i in range(2)]
    dialog = IngestDialog(store, signed_in(store), files, case_ref="SAR-3")
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.ingest_done, timeout=20_000):
        dialog.start()
    text = dialog.current.text()
    assert "2 added, 0 already present, 0 failed." in text
    assert "Not linked to case SAR-3: The store is busy" in text, text
    assert dialog.linked == 0
