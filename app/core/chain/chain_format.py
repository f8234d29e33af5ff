"""The evidence formats' cryptography, with no database: how an audit event is hashed and
signed, and how a chain head (an anchor) is signed.

Kept free of SQLAlchemy and Qt so that the standalone verifier (``bwv-verify``) checks
extracts, anchors and packs with exactly the code that made them.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

GENESIS_HASH = "0" * 64
# The files of a disclosure pack that the verifier reads by name.
PACK_EXTRACT = "case-audit.jsonl"
PACK_ANCHOR = "chain-anchor.json"
PACK_SUMS = "SHA256SUMS"
PACK_SUMS_SIGNATURE = "SHA256SUMS.sig"
PACK_RECORD_HTML = "disclosure-record.html"
PACK_RECORD_PDF = "disclosure-record.pdf"
EVENT_CONTEXT = b"BWV Studio audit event v1\n"
CHECKPOINT_CONTEXT = b"BWV Studio chain head v1\n"
EXTRACT_CONTEXT = b"BWV Studio audit extract v1\n"
SUMS_CONTEXT = b"BWV Studio pack checksums v1\n"
HASHED_FIELDS = ("occurred_at", "actor", "action", "object_type", "object_id", "case_id",
                 "footage_id", "details", "prev_hash")


def canonical_json(value: Any) -> str:
    """The one serialisation used for hashing: sorted keys, no spaces, UTF-8."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def event_hash_of(fields: Mapping[str, Any]) -> str:
    """An event's hash from its stored fields (``details`` as the exact stored text)."""
    payload = {"v": 1, **{name: fields[name] for name in HASHED_FIELDS}}
    return hashlib.sha256(canonical_json(payload).encode("utf-8")).hexdigest()


def fingerprint(public_key: str) -> str:
    """A short, readable name of a public key (first 16 hex digits of its SHA-256)."""
    digest = hashlib.sha256(bytes.fromhex(public_key)).hexdigest()[:16]
    return " ".join(digest[i:i + 4] for i in range(0, 16, 4))


def signature_ok(public_key: str, message: bytes, signature: str) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_key)).verify(
            bytes.fromhex(signature), message)
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True


def event_message(event_hash: str) -> bytes:
    return EVENT_CONTEXT + event_hash.encode("ascii")


def checkpoint_message(store_id: str, seq: int, head_hash: str) -> bytes:
    return CHECKPOINT_CONTEXT + f"{store_id}:{seq}:{head_hash}".encode("ascii")


SEAL_FORMAT = "bwv-studio-audit-extract-seal"


def seal_message(seal: Mapping[str, Any]) -> bytes:
    """What an extract seal's signature signs: every field of the seal but the signature."""
    body = {k: v for k, v in seal.items() if k != "signature"}
    digest = hashlib.sha256(canonical_json(body).encode("utf-8")).hexdigest()
    return EXTRACT_CONTEXT + digest.encode("ascii")


def sums_message(sums: bytes) -> bytes:
    """What a pack's SHA256SUMS.sig signs: the SHA-256 of the SHA256SUMS file's bytes."""
    return SUMS_CONTEXT + hashlib.sha256(sums).hexdigest().encode("ascii")
