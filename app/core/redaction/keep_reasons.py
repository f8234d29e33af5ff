"""Which of the configured reasons (``Settings.reason_codes``) may be offered, unasked, when a
face is kept visible. Most reasons are redaction exemptions (third party, child, medical):
offering one of those for keeping a face visible would record the opposite of what was done.
"""

from __future__ import annotations

from collections.abc import Sequence


def is_keep_reason(reason: str) -> bool:
    """Whether ``reason`` says why a person is shown: it names the requester, or says
    "kept visible" (the defaults' "Requester - kept visible", "Officer - kept visible")."""
    words = reason.strip().lower()
    return words.startswith("requester") or "kept visible" in words


def suggested_keep_reason(reasons: Sequence[str]) -> str:
    """The reason to offer first when a person is kept visible: the first keep reason among
    ``reasons``; "" when there is none (nothing may then be preselected: the user chooses)."""
    return next((r for r in reasons if is_keep_reason(r)), "")
