"""The seal of an audit extract: its last line, signed, so it can be checked with no store.

An extract (``NAME.audit.jsonl`` beside an export, ``case-audit.jsonl`` in a pack) is a
selection of the chain, so its lines do not link to each other and a line taken out would
not show. The seal closes it: the SHA-256 of every line before it, the SHA-256 of the files
it vouches for (the redacted video and its manifest), the key registrations needed to check
each event's signature back to the store's root key, and the signature of the person who
made it. ``bwv-verify`` (``app/verifier``) checks all of it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core import audit, chain_format, signing
from app.core.ledger import USER_ACTIONS
from app.core.models import AuditEvent, User


def account_events(session: Session, names: Iterable[str]) -> list[dict[str, Any]]:
    """Every event about the accounts of ``names`` (creation, roles, keys), and about the
    administrators who made those, back to the first administrator (chain order): what a
    verifier needs to rebuild their keys and roles (``ledger.py``)."""
    wanted: set[str] = set()
    chosen: dict[int, AuditEvent] = {}
    todo = list(names)
    while todo:
        name = todo.pop()
        if name in wanted:
            continue
        wanted.add(name)
        user_id = session.scalar(select(User.id).where(User.name == name))
        if user_id is None:
            continue
        for event in session.scalars(select(AuditEvent).where(
                AuditEvent.object_type == "user", AuditEvent.object_id == str(user_id),
                AuditEvent.action.in_(USER_ACTIONS))):
            chosen[event.seq] = event
            todo.append(event.actor)  # whoever did it must be checkable too
    return [audit.event_as_dict(chosen[seq]) for seq in sorted(chosen)]


def sealed(session: Session, store_id: str, sealer: str, lines: str,
           files: dict[str, str], withheld: bool = False) -> str:
    """``lines`` (JSON Lines of events) followed by their seal, signed by ``sealer`` if
    their key is open. ``files``: name -> SHA-256 of each file the seal vouches for."""
    rows = [json.loads(line) for line in lines.split("\n") if line.strip()]
    actors = {sealer} | ({str(r["actor"]) for r in rows} if not withheld else set())
    seal: dict[str, Any] = {
        "format": chain_format.SEAL_FORMAT, "store_id": store_id,
        "lines": len(rows),
        "lines_sha256": hashlib.sha256(lines.encode("utf-8")).hexdigest(),
        "withheld": withheld,
        "files": dict(sorted(files.items())),
        # the accounts behind the signatures (withheld: only the sealer's, whom the
        # disclosure record names anyway)
        "keys": account_events(session, actors),
        "signed_by": sealer, "public_key": None, "signature": None,
    }
    key = signing.signers(session).get(sealer)
    if key is not None:
        seal["public_key"] = signing.public_hex(key)
        seal["signature"] = key.sign(chain_format.seal_message(seal)).hex()
    return lines + json.dumps({"seal": seal}, ensure_ascii=False) + "\n"
