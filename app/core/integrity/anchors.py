"""Anchors: the audit chain's head, signed, kept outside the store.

Every export manifest (``audit_chain_head_before``) and every disclosure pack
(``chain-anchor.json``) carries the head of the chain when it was made (store id, sequence
number and hash) and its maker's signature over it; ``bwv audit anchor`` writes the same as a
checkpoint file for safe keeping elsewhere. ``bwv audit verify --anchors DIR`` reads every
anchor found in a folder (the disclosure share, a court bundle, the checkpoints) and proves
that the store still holds each anchored event unchanged (and every event the audit
extracts there show, so a pack made up by an insider is caught too): a store cut back,
restored from an older copy or rewritten from the start cannot match anchors made before.
The witness file (``witness.py``) is one more anchor, kept by this computer.
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.chain import chain_format, signing
from app.core.errors import QT_TRANSLATE_NOOP, ConflictError
from app.core.fileio import atomic_write_text
from app.core.integrity.outside_copies import (
    missing_account_events,
    pack_list_problem,
    sealed_files_problem,
)
from app.core.integrity.trail_accounts import ledger_before
from app.core.store import audit
from app.core.store.models import AuditEvent, User

CHECKPOINT_SUFFIX = ".bwv-anchor.json"
PACK_ANCHOR = chain_format.PACK_ANCHOR
_FORMAT = "bwv-studio-chain-anchor"


def chain_anchor(session: Session, store_id: str, actor: str) -> dict[str, Any] | None:
    """The chain's head now, signed by ``actor`` if their key is open (None: empty chain)."""
    head = session.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1)).first()
    if head is None:
        return None
    anchor: dict[str, Any] = {"format": _FORMAT, "store_id": store_id, "seq": head.seq,
                              "hash": head.hash, "signed_by": None}
    key = signing.signers(session).get(actor)
    if key is not None:
        anchor.update(signed_by=actor, public_key=signing.public_hex(key),
                      signature=signing.sign_checkpoint(key, store_id, head.seq, head.hash))
    return anchor


@dataclass(frozen=True)
class AnchorCheck:
    source: str  # file (or zip member) the anchor came from
    ok: bool
    message: str
    other_store: bool = False  # an anchor of another store: not checked


def _anchor_in(data: Any) -> dict[str, Any] | None:
    if not isinstance(data, dict):
        return None
    if data.get("format") == _FORMAT:
        return data
    head = data.get("audit_chain_head_before")  # an export manifest
    return head if isinstance(head, dict) and "seq" in head and "hash" in head else None


def find_anchors_in_file(path: Path) -> list[tuple[str, dict[str, Any]]]:
    """The anchor a manifest, pack anchor or checkpoint file holds (none if unreadable)."""
    try:
        anchor = _anchor_in(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return []
    return [(str(path), anchor)] if anchor is not None else []


def write_checkpoint(session: Session, store_id: str, actor: User,
                     out: Path) -> dict[str, Any]:
    """``bwv audit anchor``: the signed head in ``out`` (written whole or not at all)."""
    anchor = chain_anchor(session, store_id, actor.name)
    if anchor is None:
        raise ConflictError(QT_TRANSLATE_NOOP(
            "CoreMessages", "The audit trail is empty: there is nothing to anchor yet."))
    anchor["written_at"] = audit.timestamp()
    atomic_write_text(out, json.dumps(anchor, indent=2, sort_keys=True) + "\n")
    audit.record(session, actor.name, "audit.anchor", "store", store_id,
                 {"seq": anchor["seq"], "hash": anchor["hash"], "file": str(out.resolve())})
    return anchor


def find_anchors(folder: Path) -> list[tuple[str, dict[str, Any]]]:
    """Every anchor in ``folder`` and below: manifests, pack anchors, checkpoints, and the
    same inside zipped packs. Unreadable files are skipped (they carry no anchor)."""
    found: list[tuple[str, dict[str, Any]]] = []
    wanted = (".manifest.json", CHECKPOINT_SUFFIX, PACK_ANCHOR)
    for path in sorted(folder.rglob("*")):
        try:
            if path.name.endswith(wanted) and path.is_file():
                found += find_anchors_in_file(path)
            elif path.suffix == ".zip" and path.is_file():
                with zipfile.ZipFile(path) as zf:
                    for member in zf.namelist():
                        if member.endswith(wanted):
                            anchor = _anchor_in(json.loads(zf.read(member)))
                            if anchor is not None:
                                found.append((f"{path}:{member}", anchor))
        except (OSError, ValueError, zipfile.BadZipFile):
            continue
    return found


def check_anchor(session: Session, store_id: str, source: str,
                 anchor: dict[str, Any]) -> AnchorCheck:
    """Does the store still hold the anchored event, with the anchored hash?"""
    try:
        seq, digest = int(anchor["seq"]), str(anchor["hash"])
    except (KeyError, TypeError, ValueError, OverflowError):  # overflow: a seq of 1e400
        return AnchorCheck(source, False, f"{source}: the anchor is damaged.")
    anchored_store = anchor.get("store_id")
    if anchored_store and anchored_store != store_id:
        return AnchorCheck(source, True, f"{source}: an anchor of another store "
                           f"({anchored_store}); not checked.", other_store=True)
    if anchor.get("signature"):
        public = anchor.get("public_key")
        # the key its maker had when the head was event #seq (a later reset changes nothing)
        signer = str(anchor.get("signed_by"))
        account = ledger_before(session, [signer], seq + 1).account(signer)
        registered = account.key if account is not None else None
        if registered is None or registered != public or not signing.checkpoint_signature_ok(
                str(public), str(anchored_store or store_id), seq, digest,
                str(anchor["signature"])):
            return AnchorCheck(source, False, f"{source}: the anchor's signature does not "
                               f"verify with the key of {anchor.get('signed_by')!r}.")
    event = session.get(AuditEvent, seq)
    if event is None:
        return AnchorCheck(source, False, f"{source}: the store no longer holds event #{seq}: "
                           "its newest events were cut off or an older copy was restored.")
    if event.hash != digest:
        return AnchorCheck(source, False, f"{source}: event #{seq} differs from the one "
                           "anchored: the trail was rewritten.")
    return AnchorCheck(source, True, f"{source}: event #{seq} is in the store, unchanged.")


def _extracts(folder: Path) -> list[tuple[str, bytes]]:
    """Every audit extract in ``folder`` and below (zipped packs included)."""
    found: list[tuple[str, bytes]] = []
    wanted = (".audit.jsonl", chain_format.PACK_EXTRACT)
    for path in sorted(folder.rglob("*")):
        try:
            if path.name.endswith(wanted) and path.is_file():
                found.append((str(path), path.read_bytes()))
            elif path.suffix == ".zip" and path.is_file():
                with zipfile.ZipFile(path) as zf:
                    found += [(f"{path}:{m}", zf.read(m)) for m in zf.namelist()
                              if m.endswith(wanted)]
        except (OSError, zipfile.BadZipFile):
            continue
    return found


def check_extract(session: Session, store_id: str, source: str, data: bytes) -> AnchorCheck:
    """Does the store hold every event an extract shows (and its seal carries), with the
    same hash? A pack an insider made up, or one of another store, does not."""
    try:
        rows = [json.loads(line) for line in data.decode("utf-8").split("\n") if line.strip()]
        seal = rows[-1].get("seal") if rows and isinstance(rows[-1], dict) else None
        events = [r for r in rows if isinstance(r, dict) and "seq" in r]
        if isinstance(seal, dict):
            if seal.get("store_id") not in (None, store_id):
                return AnchorCheck(source, True, f"{source}: an extract of another store; not "
                                   "checked.", other_store=True)
            events += [e for e in seal.get("keys") or [] if isinstance(e, dict)]
        hashes = {int(e["seq"]): str(e["hash"]) for e in events}
    except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
        return AnchorCheck(source, False, f"{source}: the extract is damaged ({exc}).")
    held = dict(session.execute(select(AuditEvent.seq, AuditEvent.hash).where(
        AuditEvent.seq.in_(list(hashes)))).all()) if hashes else {}
    wrong = sorted(seq for seq, digest in hashes.items() if held.get(seq) != digest)
    if wrong:
        return AnchorCheck(source, False, f"{source}: the store does not hold events "
                           f"{wrong[:10]} as this extract shows them: it was made up, or the "
                           "store was changed.")
    if isinstance(seal, dict):
        problem = sealed_files_problem(session, seal)
        if problem:
            return AnchorCheck(source, False, f"{source}: {problem}.")
        left_out = missing_account_events(session, seal, events)
        if left_out:
            return AnchorCheck(source, False, f"{source}: its seal leaves out account events "
                               f"{left_out[:10]} the store holds (a role change or "
                               "deactivation hidden from bwv-verify).")
    return AnchorCheck(source, True, f"{source}: all {len(hashes)} events are in the store.")


def _pack_lists(folder: Path) -> list[tuple[str, str]]:
    """Every pack's list of files (SHA256SUMS) in ``folder`` and below, zips included."""
    found: list[tuple[str, str]] = []
    for path in sorted(folder.rglob("*")):
        try:
            if path.name == chain_format.PACK_SUMS and path.is_file():
                found.append((str(path), path.read_text(encoding="utf-8")))
            elif path.suffix == ".zip" and path.is_file():
                with zipfile.ZipFile(path) as zf:
                    found += [(f"{path}:{m}", zf.read(m).decode("utf-8"))
                              for m in zf.namelist()
                              if m.endswith("/" + chain_format.PACK_SUMS)]
        except (OSError, UnicodeDecodeError, zipfile.BadZipFile):
            continue
    return found


def check_pack_list(session: Session, source: str, sums: str) -> AnchorCheck:
    """Is this pack's list of files one the store recorded a pack with?"""
    problem = pack_list_problem(session, sums)
    said = problem or "the list of files a pack recorded in the store was made with"
    return AnchorCheck(source, problem is None, f"{source}: {said}.")


def check_folder(session: Session, store_id: str, folder: Path) -> list[AnchorCheck]:
    """The anchors, and the audit extracts, found in ``folder`` against this store."""
    return [check_anchor(session, store_id, source, anchor)
            for source, anchor in find_anchors(folder)] + [
        check_extract(session, store_id, source, data) for source, data in _extracts(folder)
    ] + [check_pack_list(session, source, sums) for source, sums in _pack_lists(folder)]
