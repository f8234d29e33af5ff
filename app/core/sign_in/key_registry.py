"""Keys registered by an administrator's word: vouching for a key its owner registered
themself, and the root hand-over of a store made before signing.

In a store made before signing, the root key comes from the first account (its first
password sign-in). When that account cannot give it (deactivated, demoted, or its password
was reset by another administrator) the store would never have a root, so no key could be
vouched for. :func:`claim_root` hands the root over to an active administrator, with a
reason, in a signed event that ``bwv audit verify`` and ``bwv-verify`` check (``chain/ledger.py``).

A key its owner registered (an account made before signing) is vouched for by
:func:`vouch_key`: the administrator types the fingerprint the owner reads from their own
signed-in session (``own_key``), so a key somebody else slipped into the store is never
vouched for by mistake.
"""

from __future__ import annotations

from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.chain import signing
from app.core.chain.chain_format import fingerprint
from app.core.errors import (
    QT_TRANSLATE_NOOP,
    ConflictError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    SignInError,
)
from app.core.integrity.trail_accounts import AFTER_EVERY_EVENT, ledger_before
from app.core.integrity.trail_accounts import root_claimed as root_claimed
from app.core.people.permissions import Permission, require
from app.core.people.users import find_user, store_id_of
from app.core.store import audit
from app.core.store.models import AuditEvent, Role, User


@dataclass(frozen=True)
class KeyStatus:
    """A person's signing key as the audit trail gives it."""

    name: str
    fingerprint: str  # empty: no key
    vouched: bool
    root: bool


def first_account(session: Session) -> User | None:
    """The account made first (the store's first administrator)."""
    first = session.scalar(select(AuditEvent.object_id).where(
        AuditEvent.action == "user.create").order_by(AuditEvent.seq).limit(1))
    return session.get(User, int(first)) if first and first.isdigit() else None


def key_statuses(session: Session, names: list[str]) -> dict[str, KeyStatus]:
    """Each person's key, whether an administrator vouched for it and whether it is the
    root, rebuilt from the audit trail (not from the users table)."""
    ledger = ledger_before(session, names, AFTER_EVERY_EVENT)
    found = {}
    for name in names:
        account = ledger.account(name)
        if account is None or account.key is None:
            found[name] = KeyStatus(name, "", False, False)
        else:
            found[name] = KeyStatus(name, fingerprint(account.key), account.vouched,
                                    account.key == ledger.root)
    return found


def key_status(session: Session, name: str) -> KeyStatus:
    """One person's key as the audit trail gives it (:func:`key_statuses`)."""
    return key_statuses(session, [name])[name]


def _opened(session: Session, user: User, password: str | None) -> Ed25519PrivateKey | None:
    """``user``'s key as their password opens it (already at sign-in, or with ``password``)."""
    key = signing.signers(session).get(user.name)
    if key is None and password is not None and user.sealed_key:
        key = signing.signers(session)[user.name] = signing.unseal(
            user.sealed_key, password, user.name)
    return key


def own_key(session: Session, name: str, password: str | None = None) -> KeyStatus:
    """The key ``name``'s password opens (what they read out to an administrator who vouches
    for it): opened at sign-in, or with ``password``."""
    user = find_user(session, name)
    key = _opened(session, user, password) if user is not None else None
    if key is None:
        raise SignInError(QT_TRANSLATE_NOOP(
            "CoreMessages", "You have no signing key yet: set your password first ('bwv user "
            "passwd')."))
    status = key_status(session, name)
    if status.fingerprint != fingerprint(signing.public_hex(key)):
        return KeyStatus(name, fingerprint(signing.public_hex(key)), False, False)
    return status


def claim_root(session: Session, actor: User, reason: str,
               password: str | None = None) -> KeyStatus:
    """Make ``actor``'s key the root of a store made before signing, whose first account
    cannot give it. The event is signed by the key it registers: ``actor`` signed in with
    their password, or gives it here (a store where people sign in by system name)."""
    if actor.role is not Role.ADMINISTRATOR or not actor.active:  # (no key vouched yet)
        raise PermissionDeniedError(QT_TRANSLATE_NOOP(
            "CoreMessages", "Only an active administrator can take over the store's root key."))
    reason = reason.strip()
    if not reason:
        raise InvalidInputError(QT_TRANSLATE_NOOP(
            "CoreMessages", "Say why the root key is handed over (it is recorded)."))
    if root_claimed(session):
        raise ConflictError(QT_TRANSLATE_NOOP(
            "CoreMessages", "This store already has a root key; it cannot be handed over."))
    first = first_account(session)
    if first is not None and first.id != actor.id and first.active \
            and first.role is Role.ADMINISTRATOR:
        raise ConflictError(QT_TRANSLATE_NOOP(
            "CoreMessages", "The first account, {name!r}, is an active administrator: its next "
            "password sign-in gives the store its root key. Deactivate it first if it is no "
            "longer used."),
            name=first.name)
    key = _opened(session, actor, password)
    if key is None or actor.public_key != signing.public_hex(key):
        raise SignInError(QT_TRANSLATE_NOOP(
            "CoreMessages", "The hand-over is signed with your own key: set your password first "
            "('bwv user passwd')."))
    audit.record(session, actor.name, "user.key", "user", actor.id,
                 {"name": actor.name, "public_key": actor.public_key, "root": True,
                  "store_id": store_id_of(session), "registered_by": "self",
                  "handed_over_from": first.name if first is not None else None,
                  "reason": reason})
    return key_status(session, actor.name)


def vouch_key(session: Session, actor: User, name: str, typed: str) -> KeyStatus:
    """As an administrator whose own key is vouched for, vouch for ``name``'s key, checked
    against the fingerprint ``typed`` that its owner read out."""
    require(actor, Permission.MANAGE_USERS,
            QT_TRANSLATE_NOOP("CoreMessages", "vouch for a signing key"))
    user = find_user(session, name.strip())
    if user is None:
        raise NotFoundError(QT_TRANSLATE_NOOP(
            "CoreMessages", "No user named {name!r}."),
            name=name)
    mine = key_status(session, actor.name)
    if not mine.vouched:
        raise ConflictError(QT_TRANSLATE_NOOP(
            "CoreMessages", "Only an administrator whose own key is vouched for (the root, or "
            "registered from it) can vouch for another key."))
    if user.id == actor.id:
        raise ConflictError(QT_TRANSLATE_NOOP(
            "CoreMessages", "Nobody vouches for their own key."))
    theirs = key_status(session, user.name)
    if not theirs.fingerprint or user.public_key is None \
            or fingerprint(user.public_key) != theirs.fingerprint:
        raise ConflictError(QT_TRANSLATE_NOOP(
            "CoreMessages", "{name!r} has no signing key the audit trail registered; they sign "
            "in with a password first."),
            name=user.name)
    if theirs.vouched:
        raise ConflictError(QT_TRANSLATE_NOOP(
            "CoreMessages", "The key of {name!r} is already vouched for."),
            name=user.name)
    if typed.replace(" ", "").lower() != theirs.fingerprint.replace(" ", ""):
        raise InvalidInputError(QT_TRANSLATE_NOOP(
            "CoreMessages", "That is not the fingerprint of {name!r}'s key: nothing was vouched "
            "for. Ask them to read it from their own session ('bwv user key')."),
            name=user.name)
    audit.record(session, actor.name, "user.key", "user", user.id,
                 {"name": user.name, "public_key": user.public_key,
                  "by_administrator": True, "vouched": True})
    return key_status(session, user.name)
