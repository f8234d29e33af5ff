"""What to type next, after a core error the CLI can help with: the core's messages name no
command-line flag, so the CLI adds its own (keyed by the error's template)."""

from __future__ import annotations

from app.core.errors import BwvError
from app.core.export.pipeline import (
    FINISHED_NOW,
    NEEDS_APPROVAL,
    NOT_CURRENT,
    NOT_DETECTED,
    ORIGINAL_CHANGED,
    REJECTED,
)
from app.core.export.plan_for_export import (
    OTHER_RUN,
    REPLACES_APPROVED,
    REPLACES_REQUESTED,
    REPLACES_SAVED,
)
from app.core.export.video_export import EXISTS
from app.core.library.footage import NOT_A_FOOTAGE_KEY
from app.core.sign_in.accounts import LOCKED, NO_PASSWORD
from app.core.store.checked_types import UNREADABLE

# The store was busy (database.STORE_BUSY): sysexits' EX_TEMPFAIL, so a script can tell
# "try again" from a refusal (2).
BUSY_EXIT = 75

ASK_APPROVAL = ("Not yet put before a supervisor? The same command with --ask-approval "
                "instead of -o detects, saves this plan and asks for approval, exporting "
                "nothing; a supervisor approves it in the app, or approves its case ('bwv case "
                "status REF' to redacted, awaiting_approval, then approved); then the same "
                "command with -o exports it.")

REPLACE = "Add --replace {plan} to replace it."

HINTS: dict[str, str] = {
    EXISTS: "Use --force to replace it.",
    FINISHED_NOW: "Use --force to replace it.",
    ORIGINAL_CHANGED: "Run 'bwv footage verify' to see which originals changed.",
    OTHER_RUN: "Choose the tracks again with 'bwv tracks --preset {preset}'.",
    NEEDS_APPROVAL: ASK_APPROVAL,
    NOT_DETECTED: ASK_APPROVAL,
    REJECTED: "Change the options the supervisor asked about (--keep-track, --not-a-face, "
              "--padding, a --plan file...), then run the command with --ask-approval "
              "instead of -o to put the changed plan before a supervisor.",
    REPLACES_APPROVED: REPLACE,
    REPLACES_REQUESTED: REPLACE,
    REPLACES_SAVED: REPLACE,
    NOT_CURRENT: "To put this plan before a supervisor, run the same command with "
                 "--ask-approval instead of -o.",
    LOCKED: "An administrator runs 'bwv user unlock {name}'.",
    NOT_A_FOOTAGE_KEY: "'bwv footage list' gives the numbers; a file is taken in first with "
                       "'bwv ingest FILE'.",
    NO_PASSWORD: "An administrator runs 'bwv user passwd {name}'.",
    UNREADABLE: "Run 'bwv audit verify' to list them.",
}


def error_line(error: BwvError) -> str:
    """The error as the CLI prints it: the sentence, then the command that helps, if any."""
    hint = HINTS.get(error.template)
    if hint is None:
        return str(error)
    try:
        return f"{error} {hint.format(**error.arguments)}"
    except (KeyError, IndexError):
        return str(error)
