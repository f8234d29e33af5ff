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

from sqlalchemy.orm import Session

from app.core.chain import chain_format, signing
from app.core.integrity.trail_accounts import account_events, starts_with_os_user


def sealed(session: Session, store_id: str, sealer: str, lines: str,
           files: dict[str, str], withheld: bool = False,
           also: Iterable[str] = ()) -> str:
    """``lines`` (JSON Lines of events) followed by their seal, signed by ``sealer`` if
    their key is open. ``files``: name -> SHA-256 of each file the seal vouches for;
    ``also``: more people whose accounts the seal carries (who signed the files)."""
    rows = [json.loads(line) for line in lines.split("\n") if line.strip()]
    actors = {sealer, *also} | ({str(r["actor"]) for r in rows} if not withheld else set())
    seal: dict[str, Any] = {
        "format": chain_format.SEAL_FORMAT, "store_id": store_id,
        "lines": len(rows),
        "lines_sha256": hashlib.sha256(lines.encode("utf-8")).hexdigest(),
        "withheld": withheld,
        "files": dict(sorted(files.items())),
        # the accounts behind the signatures, with the administrators who made them, and
        # the sign-in rule over time (withheld: those of the sealer and the exporter only)
        "keys": account_events(session, actors),
        "os_user_at_start": starts_with_os_user(session),
        "signed_by": sealer, "public_key": None, "signature": None,
    }
    key = signing.signers(session).get(sealer)
    if key is not None:
        seal["public_key"] = signing.public_hex(key)
        seal["signature"] = key.sign(chain_format.seal_message(seal)).hex()
    return lines + json.dumps({"seal": seal}, ensure_ascii=False) + "\n"
