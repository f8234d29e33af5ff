"""Asks before a plan edit that would make a supervisor's approval (or a pending request for
one) lapse, and says so after an undo or redo that did; the rule is
``app.core.redaction.approval.standing_approval``."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app.core.media.timecode import format_utc
from app.core.redaction.approval import Approval, ApprovalState, standing_approval
from app.core.store.database import Store
from app.ui.error_text import said_text
from app.ui.workers import db_pool


def standing(store: Store, footage_id: int, case_id: int | None,
             plan_sha: str) -> Approval | None:
    """What an edit of this plan would withdraw (a short read of the store, after the
    database jobs already queued, e.g. a request for approval just made, have run)."""
    db_pool().waitForDone(10_000)
    with store.read() as session:
        return standing_approval(session, footage_id, case_id, plan_sha)


def lapse_text(found: Approval, edit: str) -> str:
    """What the edit ``edit`` (the core's description, or words of the UI's own) would do
    to ``found``, in words a user can act on."""
    edit = said_text(edit)
    if found.state is ApprovalState.APPROVED:
        return QCoreApplication.translate(
            "ApprovalGuard",
            "This plan was approved by {0} ({1}). Changing it ({2}) withdraws that approval: "
            "the changed plan needs a supervisor's approval again before it is exported or "
            "released.").format(found.by, format_utc(found.at), edit)
    return QCoreApplication.translate(
        "ApprovalGuard",
        "{0} asked a supervisor to approve this plan. Changing it ({1}) withdraws the "
        "request: ask again after your changes.").format(found.by, edit)


def confirm_edit(parent: QWidget, store: Store, footage_id: int, case_id: int | None,
                 plan_sha: str, edit: str) -> bool:
    """True when the edit may go ahead: nothing would lapse, or the user said so."""
    found = standing(store, footage_id, case_id, plan_sha)
    if found is None:
        return True
    question = QCoreApplication.translate("ApprovalGuard", "Make the change?")
    answer = QMessageBox.question(
        parent, QCoreApplication.translate("ApprovalGuard", "The approval will lapse"),
        lapse_text(found, edit) + "\n\n" + question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel)
    return answer == QMessageBox.StandardButton.Yes


def tell_lapsed(parent: QWidget, found: Approval, edit: str) -> None:
    """After an undo or redo (which cannot be asked about first) withdrew ``found``."""
    back = QCoreApplication.translate(
        "ApprovalGuard", "Undo or redo again to go back to the plan that was approved; its "
        "approval then holds again.")
    QMessageBox.information(
        parent, QCoreApplication.translate("ApprovalGuard", "The approval lapsed"),
        lapse_text(found, edit) + "\n\n" + back)
