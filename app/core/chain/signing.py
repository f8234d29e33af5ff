"""Users' signing keys: Ed25519 key pairs whose private half is sealed under the password.

Every audit event is signed by its actor (``audit.record``), so nobody can add an event in
another person's name without their password. The private key is never stored in clear: it
is encrypted (ChaCha20-Poly1305) under a key derived from the user's password with argon2id,
bound to the user name. It is opened at sign-in and kept in memory only, in the store's
``signers`` (one per signed-in user of this process), which each session carries in
``session.info``.

Accounts without a password (the ``os_user`` sign-in rule) have no key: their events are
unsigned and their authorship is not proven; ``bwv audit verify`` says so.
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from sqlalchemy.orm import Session

from app.core.chain import chain_format
from app.core.errors import QT_TRANSLATE_NOOP, SignInError

# argon2id, RFC 9106 low-memory profile (as the password hashes)
_KDF = {"t": 3, "m": 65536, "p": 4}


@dataclass(frozen=True)
class Credentials:
    """What a password gives an account: its hash, and a signing key sealed under it."""

    password_hash: str
    public_key: str  # hex of the 32-byte Ed25519 public key
    sealed_key: str  # JSON: KDF parameters, salt, nonce, ciphertext of the private key


def new_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def public_hex(key: Ed25519PrivateKey) -> str:
    raw = key.public_key().public_bytes(serialization.Encoding.Raw,
                                        serialization.PublicFormat.Raw)
    return raw.hex()


def _derive(password: str, salt: bytes, t: int, m: int, p: int) -> bytes:
    return hash_secret_raw(password.encode("utf-8"), salt, time_cost=t, memory_cost=m,
                           parallelism=p, hash_len=32, type=Type.ID)


def seal(key: Ed25519PrivateKey, password: str, name: str) -> str:
    """The private key encrypted under ``password`` (and bound to the user ``name``)."""
    salt, nonce = os.urandom(16), os.urandom(12)
    raw = key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                            serialization.NoEncryption())
    box = ChaCha20Poly1305(_derive(password, salt, **_KDF))
    sealed = box.encrypt(nonce, raw, name.encode("utf-8"))
    return json.dumps({"v": 1, "kdf": "argon2id", **_KDF,
                       "salt": base64.b64encode(salt).decode(),
                       "nonce": base64.b64encode(nonce).decode(),
                       "ct": base64.b64encode(sealed).decode()}, sort_keys=True)


def unseal(sealed: str, password: str, name: str) -> Ed25519PrivateKey:
    """Open a sealed key; a wrong password or a damaged record is a :class:`SignInError`."""
    try:
        data = json.loads(sealed)
        key = _derive(password, base64.b64decode(data["salt"]), int(data["t"]),
                      int(data["m"]), int(data["p"]))
        raw = ChaCha20Poly1305(key).decrypt(base64.b64decode(data["nonce"]),
                                            base64.b64decode(data["ct"]),
                                            name.encode("utf-8"))
        return Ed25519PrivateKey.from_private_bytes(raw)
    except (InvalidTag, ValueError, KeyError, TypeError) as exc:
        raise SignInError(QT_TRANSLATE_NOOP(
            "CoreMessages", "The signing key of {name!r} cannot be opened with this password; "
            "ask an administrator to reset the password."),
            name=name) from exc


def new_credentials(password_hash: str, password: str, name: str) -> Credentials:
    key = new_key()
    return Credentials(password_hash, public_hex(key), seal(key, password, name))


def sign_event(key: Ed25519PrivateKey, event_hash: str) -> str:
    """A signature over one audit event's hash (which covers its content and its link)."""
    return key.sign(chain_format.event_message(event_hash)).hex()


def event_signature_ok(public_key: str, event_hash: str, signature: str) -> bool:
    return chain_format.signature_ok(public_key, chain_format.event_message(event_hash),
                                     signature)


def sign_checkpoint(key: Ed25519PrivateKey, store_id: str, seq: int, head_hash: str) -> str:
    """A signature over a chain head, for anchors kept outside the store."""
    return key.sign(chain_format.checkpoint_message(store_id, seq, head_hash)).hex()


def checkpoint_signature_ok(public_key: str, store_id: str, seq: int, head_hash: str,
                            signature: str) -> bool:
    return chain_format.signature_ok(
        public_key, chain_format.checkpoint_message(store_id, seq, head_hash), signature)


def signers(session: Session) -> dict[str, Ed25519PrivateKey]:
    """The keys opened in this process (user name -> key); shared by the store's sessions."""
    found = session.info.get("signers")
    if found is None:
        found = session.info["signers"] = {}
    return found
