"""Issue 14, item 7: File > Switch user lets a supervisor sign in at the officer's desk
without quitting; the sign-out and the sign-in are audited and every view acts as the new
user."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.core.people.users import add_user, resolve_actor
from app.core.sign_in.accounts import new_credentials
from app.core.store.database import Store
from app.core.store.models import AuditEvent, Role
from app.ui.sign_in_dialog import SignInDialog
from tests.conftest import make_video
from tests.ui.window import show_window

PASSWORD = "sergeant's password"


def test_switch_user_hands_the_window_to_the_supervisor(qtbot: QtBot, store: Store,
                                                        tmp_path: Path) -> None:
    win = show_window(qtbot, store, make_video(tmp_path / "clip.mp4"))
    with store.transaction() as session:
        add_user(session, resolve_actor(session, "tester"), "sarge", Role.SUPERVISOR,
                 new_credentials(PASSWORD, "sarge"))
    assert win.switch_user_action in win.menuBar().actions()[0].menu().actions()

    def sign_in(password: str) -> None:
        dialog = win.switch_dialog
        if not isinstance(dialog, SignInDialog) or not dialog.isVisible():
            QTimer.singleShot(50, lambda: sign_in(password))
            return
        dialog.name.setText("sarge")
        dialog.password.setText(password)
        if not dialog.try_accept():  # a wrong password: the dialog stays, then cancel
            assert win.signed_in.name != "sarge"
            dialog.reject()

    QTimer.singleShot(50, lambda: sign_in("wrong password"))
    win.switch_user_action.trigger()
    assert win.signed_in.name == "tester"
    win.cases.message.setText("Case SAR-1 is now “Approved”.")  # said to tester
    QTimer.singleShot(50, lambda: sign_in(PASSWORD))
    win.switch_user_action.trigger()
    assert win.signed_in.name == "sarge"
    assert win.cases.message.text() == ""  # not said again to sarge (a first-use trial)
    assert {win.workspace.user.name, win.cases.user.name, win.details.user.name,
            win.footage_view.user.name, win.library.case_links.user.name,
            win.review_speech.user.name} == {"sarge"}  # one SignedIn: none left behind
    qtbot.waitUntil(lambda: "Signed in as sarge (Supervisor)"
                    in win.who.text(), timeout=10_000)
    with store.read() as session:
        events = [(e.actor, e.action) for e in session.scalars(select(AuditEvent))
                  if e.action.startswith("user.sign")]
    assert events[-3:] == [("sarge", "user.sign_in_failed"), ("sarge", "user.sign_in"),
                           ("tester", "user.sign_out")]  # checked first, then handed over
    assert win.isVisible()  # the window stayed open
    win.close()


def test_quitting_while_detection_runs_asks_first(qtbot: QtBot, store: Store,
                                                 tmp_path: Path) -> None:
    """File > Quit during detection closed the window without a word and dropped the
    detection (found by a read-only hunt); it asks first now."""
    from tests.ui.window import MessageBoxes

    win = show_window(qtbot, store, make_video(tmp_path / "long.mp4", frames=240,
                                               size=(640, 360)))
    win.library.table.selectRow(0)
    win.open_workspace()
    qtbot.waitUntil(lambda: win.workspace.footage is not None, timeout=10_000)
    qtbot.waitUntil(lambda: win.workspace.detect_job is None, timeout=10_000)
    win.workspace.detect()
    assert win.workspace.detect_job is not None
    boxes = MessageBoxes("No")
    win.quit_action.trigger()
    boxes.stop()
    assert len(boxes.seen) == 1 and "still running" in boxes.seen[0] and win.isVisible()
    boxes = MessageBoxes("Yes")
    win.quit_action.trigger()
    boxes.stop()
    assert not win.isVisible()
