"""This computer's witness of a store's audit chain: the head it last saw, in a file.

After every commit the chain's head (sequence number and hash) is written to
``DATA/audit-witness/STORE_ID.json``; ``audit.verify`` compares the chain with it, so newest
events cut off are caught on this computer. A witness is never adopted silently: if the
event it names is gone or different it is left as it is (verify keeps reporting), and if
the file was deleted it is not re-created (a marker in the settings folder remembers that
this computer kept one) until an administrator resets it after checking the anchors.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from app.core.store.models import AuditEvent

if TYPE_CHECKING:
    from app.core.store.database import Store


def witness_path(store: Store) -> Path:
    return store.data_dir / "audit-witness" / f"{store.store_id}.json"


def _marker(store: Store) -> Path:
    """Kept apart from the witness: this computer has kept a witness of this store."""
    from app.core.settings import config_dir

    return config_dir() / "audit-witnessed" / store.store_id


def witness_deleted(store: Store) -> bool:
    """True when this computer kept a witness of this store and the file is gone."""
    return _marker(store).exists() and not witness_path(store).exists()


def read_witness(store: Store) -> tuple[tuple[int, str] | None, str | None]:
    """``((seq, hash), None)``, or ``(None, why)`` when there is none or it is damaged."""
    path = witness_path(store)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        seq, digest = int(data["seq"]), str(data["hash"])
    except FileNotFoundError:
        return None, None
    except (OSError, ValueError, KeyError, TypeError):
        return None, f"The witness file {path} is damaged; the newest events are unchecked."
    return (seq, digest), None


def update_witness(store: Store) -> None:
    """Record the chain head outside the database, if the chain grew from what was seen.

    If the event this computer last saw is gone or different, or the witness is damaged or
    was deleted, nothing is written, so that ``verify`` goes on reporting it instead of
    adopting the new chain.
    """
    if not getattr(store, "store_id", None):
        return
    old, problem = read_witness(store)
    if problem is not None or (old is None and witness_deleted(store)):
        return
    with store.read() as session:
        head = session.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1)).first()
        if head is None or (old is not None and old[0] >= head.seq):
            return
        if old is not None:
            seen = session.get(AuditEvent, old[0])
            if seen is None or seen.hash != old[1]:
                return
        head_seq, head_hash = head.seq, head.hash
    _write(store, head_seq, head_hash)


def reset_witness(store: Store) -> tuple[int, str] | None:
    """Write the witness at the chain's head now, whatever was there (an administrator's
    decision, audited by the caller). The head written, or None for an empty chain."""
    with store.read() as session:
        head = session.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1)).first()
        if head is None:
            return None
        head_seq, head_hash = head.seq, head.hash
    _write(store, head_seq, head_hash)
    return head_seq, head_hash


def _write(store: Store, seq: int, digest: str) -> None:
    path = witness_path(store)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        tmp.write_text(json.dumps({"seq": seq, "hash": digest}), encoding="utf-8")
        os.replace(tmp, path)
        marker = _marker(store)
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.touch()
    except OSError:
        pass  # the witness is a second line of defence; never fail a saved change over it
