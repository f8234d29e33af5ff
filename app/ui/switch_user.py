"""File > Switch user: another person signs in without closing the window (a supervisor
approving at the officer's desk). The old user's sign-out and the new sign-in are audited
(``accounts``); nothing either of them has saved is lost, and the undo history is cleared
(an undo is an edit, and it must be the signed-in person's own)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog

from app.core.policy.store_policy import SignIn, load_policy
from app.core.sign_in import accounts
from app.core.views.records import UserRecord
from app.ui.error_dialog import show_error
from app.ui.sign_in_dialog import SignInDialog

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


def work_running(win: MainWindow, side_jobs: bool = True) -> bool:
    """Whether work a person started runs in the window: detection, a pack, links, an
    import, hashing an original from the footage details; with ``side_jobs``, the
    workspace's own (a waveform, thumbnails) too. (An export runs in its own modal
    dialog.)"""
    ingest = win.library.ingest_dialog
    busy = (win.workspace.detect_job, win.cases.exports_box.pack_job, win.cases.link_job,
            ingest.job if ingest is not None and ingest.job.running else None,
            win.details.hashing,
            *[job for job in win.workspace.jobs.side_jobs if side_jobs and job.running])
    return any(job is not None for job in busy)


def switch_user(win: MainWindow) -> str | None:
    """Ask who signs in now and hand the window to them; their name, or None."""
    if work_running(win):
        show_error(win, QCoreApplication.translate(
            "SwitchUser", "Work is still running in this window; let it finish or cancel it "
            "before someone else signs in."))
        return None
    with win.store.read() as session:
        mode = load_policy(session).sign_in
    if mode is SignIn.OS_USER:
        show_error(win, QCoreApplication.translate(
            "SwitchUser", "This store trusts the computer's own sign-in: to work as someone "
            "else, sign in to the computer as them."))
        return None
    dialog = SignInDialog(win.store, "", win)
    dialog.setWindowTitle(QCoreApplication.translate("SwitchUser", "Switch user"))
    win.switch_dialog = dialog  # tests fill it in
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    new = dialog.signed_in_as
    win.switch_dialog = None
    dialog.deleteLater()  # (one each time: they piled up in the window)
    if not accepted or new is None:
        return None
    if new.name != win.signed_in.name:
        accounts.sign_out(win.store, win.signed_in.name, f"switch user to {new.name}")
    hand_over(win, new)
    return new.name


def hand_over(win: MainWindow, user: UserRecord) -> None:
    """Every view acts as ``user`` from now on (they share the window's ``SignedIn``);
    dialogs the previous user left open (Users, Retention ...) are closed, since their
    lists and choices were theirs."""
    for dialog in win.findChildren(QDialog):
        if dialog.isVisible() and dialog is not win.switch_dialog:
            dialog.close()
    if win.retention_dialog is not None:  # gone, not hidden: it would act as the last user
        win.retention_dialog.deleteLater()
    win.retention_dialog = None
    win.signed_in.become(user)
    win.cases.message.clear()  # what the last user did is not said to the next
    win.cases.pack_status.clear()
    win.footage_view.undo_stack.clear()
    win.workspace.undo_stack.clear()
    win.show_signed_in()
    win.refresh_views()
