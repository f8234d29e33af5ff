"""What a copy outside the store (an export's folder, a disclosure pack) must match in the
store, beyond holding the same events (``anchors.check_extract``): an insider with their own
vouched key can re-seal an extract and re-sign a pack's list of files, which ``bwv-verify``
alone cannot tell from the real thing, but the store knows

* which video and manifest each export made (the files a seal vouches for),
* every event about the accounts a seal carries up to the events it shows (a demotion left
  out makes a supervisor's later approval look valid to ``bwv-verify``), and
* the list of files each pack was made with (``pack.create``).
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.core.chain.ledger import details_of
from app.core.integrity.trail_accounts import account_events
from app.core.store.models import AuditEvent, ExportRecord


def sealed_files_problem(session: Session, seal: dict[str, Any]) -> str | None:
    """Why the files a seal vouches for are not one export's video and manifest, or None."""
    hashes = {str(v) for v in (seal.get("files") or {}).values()}
    if not hashes:
        return None
    exports = session.scalars(select(ExportRecord).where(or_(
        ExportRecord.sha256.in_(hashes), ExportRecord.manifest_sha256.in_(hashes))))
    if any(hashes <= {e.sha256, e.manifest_sha256} for e in exports):
        return None
    return ("its seal vouches for files that no export recorded in the store made (a video "
            "or manifest replaced and re-sealed)")


def missing_account_events(session: Session, seal: dict[str, Any],
                           events: list[dict[str, Any]]) -> list[int]:
    """The account events (and rule changes) a seal should carry, as the store would seal
    it now for the same people (its maker, the actors of its lines and of its key events),
    up to the newest event it shows, that neither its keys nor its lines hold."""
    keys = [e for e in seal.get("keys") or [] if isinstance(e, dict)]
    lines = [e for e in events if isinstance(e, dict) and "seq" in e]
    shown = {int(e["seq"]) for e in [*keys, *lines] if "seq" in e}
    if not shown:
        return []
    names = {str(seal.get("signed_by"))} | {str(e.get("actor")) for e in keys} | {
        str(details_of(e).get("name")) for e in keys if details_of(e).get("name")}
    if not seal.get("withheld"):
        names |= {str(e.get("actor")) for e in lines}
    newest = max(shown)
    wanted = {int(e["seq"]) for e in account_events(session, sorted(names))
              if int(e["seq"]) <= newest}
    return sorted(wanted - shown)


def pack_list_problem(session: Session, sums: str) -> str | None:
    """Why a pack's list of files (``SHA256SUMS``) is not one the store made a pack with."""
    listed: dict[str, str] = {}
    for line in sums.splitlines():
        digest, _sep, name = line.partition("  ")
        if name:
            listed[name] = digest
    for details in session.scalars(select(AuditEvent.details).where(
            AuditEvent.action == "pack.create")):
        try:
            if json.loads(details).get("files") == listed:
                return None
        except ValueError:
            continue
    return "its list of files is not the one any pack recorded in the store was made with"
