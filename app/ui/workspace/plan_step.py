"""One plan edit on the Edit menu's undo stack (the workspace pushes it)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from app.core.redaction.plan import RedactionPlan
from app.core.redaction.session import PlanChange, RedactionSession
from app.ui.error_text import said_text
from app.ui.workspace import approval_guard

if TYPE_CHECKING:
    from app.ui.workspace.workspace import RedactionWorkspace


class PlanStep(QUndoCommand):
    """One plan edit on the Edit menu's undo stack; the session keeps the plans (its first
    redo is the push itself). Each move is saved and audited."""

    def __init__(self, workspace: RedactionWorkspace, after: RedactionPlan, text: str,
                 reason: str) -> None:
        super().__init__(said_text(text))  # the menu's words, in the user's language
        self.said = text  # the core's (English for the audit log)
        self.workspace = workspace
        self.after, self.reason = after, reason
        self.pushed = False

    def redo(self) -> None:
        session = self.workspace.session
        if session is None:
            return
        if not self.pushed:
            self.pushed = True
            self.workspace.committed(session.push(self.after, self.said, self.reason))
        else:
            self._move(session, session.redo, QCoreApplication.translate(
                "PlanStep", "Redone: {0}").format(self.text()))

    def undo(self) -> None:
        session = self.workspace.session
        if session is not None:
            self._move(session, session.undo, QCoreApplication.translate(
                "PlanStep", "Undone: {0}").format(self.text()))

    def _move(self, session: RedactionSession,
              move: Callable[[], PlanChange | None], said: str) -> None:
        """An undo or redo cannot be asked about first: say so when it withdrew an
        approval. The status line says what moved (``said``), in place of what it said
        about the edit (e.g. that a merge redacted a kept person again)."""
        ws = self.workspace
        lost = approval_guard.standing(ws.store, session.footage.id, session.case_id,
                                       session.plan.sha256())
        change = move()
        if change is None:
            return
        ws.committed(change)
        ws.controls.status.setText(said)
        if lost is not None and change.plan.sha256() != lost.plan_sha256:
            approval_guard.tell_lapsed(ws, lost, said)  # "Undone: …" or "Redone: …"
