"""Local accounts: argon2id password hashes, sign-in, and the first administrator.

Authentication happens at the edge (the app's sign-in dialog, the CLI's password prompt);
authorisation happens in every core service through :mod:`app.core.people.permissions`.
Sign-ins and failed attempts are audited; a password never is, nor its hash.

A password also seals the account's signing key (:mod:`app.core.chain.signing`):
sign-in opens it for this process, so the user's events are signed; a password reset by an
administrator gives the account a new key (registered by the administrator's signed event).
"""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.chain import signing
from app.core.chain.signing import Credentials
from app.core.errors import (
    QT_TRANSLATE_NOOP,
    ConflictError,
    InvalidInputError,
    NotFoundError,
    SignInError,
)
from app.core.people.permissions import Permission, require
from app.core.people.users import check_user_name, find_user, store_id_of
from app.core.sign_in.key_registry import first_account, root_claimed
from app.core.sign_in.lockout import Lock, lock_of
from app.core.store import audit
from app.core.store.database import Store
from app.core.store.models import Role, User
from app.core.views.records import UserRecord

MIN_PASSWORD_LENGTH = 10
_HASHER = PasswordHasher()  # argon2id, RFC 9106 low-memory profile
_DUMMY_HASH = _HASHER.hash("not a password of anyone")  # equal work for unknown names

# Sign-in refusals the CLI completes with its own command (app.cli.main).
LOCKED = QT_TRANSLATE_NOOP("CoreMessages", "User {name!r} is locked after too many failed "
                           "sign-ins; an administrator unlocks it.")
NO_PASSWORD = QT_TRANSLATE_NOOP("CoreMessages", "User {name!r} has no password yet; an "
                                "administrator sets one.")
HELD = QT_TRANSLATE_NOOP("CoreMessages", "User {name!r} is locked after too many failed "
                         "sign-ins; as no other administrator can unlock it, it opens again "
                         "by itself at {time}.")
# The actor of a failed sign-in under a name with no account: what was typed is never kept
# (it is often the password, typed into the wrong field), only its length.
UNKNOWN_NAME = "(unknown name)"


def hash_password(password: str, name: str = "") -> str:
    """The argon2id hash of a password that meets the length rule."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInputError(QT_TRANSLATE_NOOP(
            "CoreMessages", "A password needs at least {count} characters."),
            count=MIN_PASSWORD_LENGTH)
    if not password.strip():
        raise InvalidInputError(QT_TRANSLATE_NOOP(
            "CoreMessages", "A password must not be only spaces."))
    if name and password.strip().lower() == name.strip().lower():
        raise InvalidInputError(QT_TRANSLATE_NOOP("CoreMessages",
                                                  "A password must not be the user name."))
    return _HASHER.hash(password)


def new_credentials(password: str, name: str) -> Credentials:
    """The password hash and a new signing key sealed under the password (for add_user)."""
    return signing.new_credentials(hash_password(password, name), password, name)


def _give_key(user: User, password: str) -> Ed25519PrivateKey:
    """A new signing key for ``user``, sealed under ``password``."""
    key = signing.new_key()
    user.public_key, user.sealed_key = signing.public_hex(key), signing.seal(key, password,
                                                                            user.name)
    return key


def _open_key(session: Session, user: User, password: str) -> None:
    """At sign-in: open the user's key for this process; an account made before keys
    existed gets one now (registered by its own signature, which verify reports)."""
    if user.sealed_key:
        key = signing.signers(session)[user.name] = signing.unseal(user.sealed_key, password,
                                                                   user.name)
        if _may_become_root(session, user) and user.public_key == signing.public_hex(key):
            # an upgraded store's first account, given its key by another administrator
            audit.record(session, user.name, "user.key", "user", user.id,
                         {"name": user.name, "public_key": user.public_key, "root": True,
                          "registered_by": "self", "store_id": store_id_of(session)})
        return
    signing.signers(session)[user.name] = _give_key(user, password)
    details: dict[str, object] = {"name": user.name, "public_key": user.public_key,
                                  "registered_by": "self"}
    if _may_become_root(session, user):
        details.update(root=True, store_id=store_id_of(session))  # the upgraded store's root
    audit.record(session, user.name, "user.key", "user", user.id, details)


def _may_become_root(session: Session, user: User) -> bool:
    """True for a store made before signing: no root key yet, and ``user``'s account was
    the first one made (otherwise an administrator takes it over: ``key_registry``)."""
    first = first_account(session)
    return not root_claimed(session) and first is not None and first.id == user.id


def _matches(stored: str | None, password: str) -> bool:
    try:
        return _HASHER.verify(stored or _DUMMY_HASH, password) and stored is not None
    except (VerificationError, InvalidHashError):
        return False


def has_accounts(session: Session) -> bool:
    return bool(session.scalar(select(func.count()).select_from(User)))


def create_first_administrator(session: Session, name: str, password: str) -> UserRecord:
    """On an empty store only: the administrator who then adds everyone else."""
    if has_accounts(session):
        raise ConflictError(QT_TRANSLATE_NOOP(
            "CoreMessages", "This store already has users; sign in as its administrator to add "
            "accounts."))
    name = check_user_name(name)
    user = User(name=name, role=Role.ADMINISTRATOR, password_hash=hash_password(password, name))
    key = _give_key(user, password)
    session.add(user)
    session.flush()
    # the store's root key: this event is signed by the key it registers
    signing.signers(session)[name] = key
    audit.record(session, name, "user.create", "user", user.id,
                 {"name": name, "role": user.role.value, "first_administrator": True,
                  "password": True, "public_key": user.public_key,
                  "store_id": store_id_of(session)})
    return UserRecord.of(user)


def sign_out(store: Store, name: str, reason: str = "switch user") -> None:
    """Record that ``name`` stopped using this window (e.g. to let a colleague sign in)."""
    with store.transaction() as session:
        user = find_user(session, name)
        audit.record(session, name, "user.sign_out", "user", user.id if user else "",
                     {"reason": reason})
    store.signers.pop(name, None)


def sign_in(store: Store, name: str, password: str) -> UserRecord:
    """Check a user name and password; the attempt is audited either way.

    The same message is given for an unknown name and a wrong password. A name with no
    account is recorded as ``UNKNOWN_NAME`` and its length, never as typed.
    """
    name = name.strip()
    lock: Lock | None = None
    with store.transaction() as session:
        user = find_user(session, name)
        ok = _matches(user.password_hash if user else None, password)
        lock = lock_of(session, user) if user is not None else None
        if ok and user is not None and user.active and lock is None:
            if user.password_hash and _HASHER.check_needs_rehash(user.password_hash):
                user.password_hash = _HASHER.hash(password)
            _open_key(session, user, password)
            audit.record(session, user.name, "user.sign_in", "user", user.id, {})
            return UserRecord.of(user)
        no_password = user is not None and user.password_hash is None
        if user is None:
            audit.record(session, UNKNOWN_NAME, "user.sign_in_failed", "user", "",
                         {"reason": "unknown_name", "name_length": len(name)})
        else:
            reason = ("locked" if lock else "inactive" if ok else
                      "no_password" if no_password else "password")
            audit.record(session, user.name, "user.sign_in_failed", "user", user.id,
                         {"reason": reason})
            now_locked = lock_of(session, user) if lock is None else None
            if now_locked is not None:
                details: dict[str, object] = {"failures": now_locked.failures}
                if now_locked.opens_at is not None:
                    details["opens_at"] = now_locked.opens_at.isoformat()
                audit.record(session, user.name, "user.locked", "user", user.id, details)
    if lock is not None and lock.opens_at is not None:
        raise SignInError(HELD, name=name,
                          time=lock.opens_at.astimezone().strftime("%H:%M"))
    if lock is not None:
        raise SignInError(LOCKED, name=name)
    if ok:
        raise SignInError(QT_TRANSLATE_NOOP(
            "CoreMessages", "User {name!r} is deactivated; ask an administrator."), name=name)
    if no_password:
        raise SignInError(NO_PASSWORD, name=name)
    raise SignInError(QT_TRANSLATE_NOOP("CoreMessages", "Wrong user name or password."))


def set_password(session: Session, actor: User, name: str, new_password: str,
                 current_password: str | None = None) -> None:
    """Change one's own password (the current one is needed if set), or, as an
    administrator, set anyone's."""
    user = find_user(session, name.strip())
    if user is None:
        raise NotFoundError(QT_TRANSLATE_NOOP(
            "CoreMessages", "No user named {name!r}."),
            name=name)
    if user.id == actor.id and user.password_hash:
        if current_password is None or not _matches(user.password_hash, current_password):
            raise SignInError(QT_TRANSLATE_NOOP("CoreMessages",
                                                "The current password is wrong."))
    elif user.id != actor.id:
        require(actor, Permission.MANAGE_USERS,
                QT_TRANSLATE_NOOP("CoreMessages", "set another user's password"))
    user.password_hash = hash_password(new_password, user.name)
    details: dict[str, object] = {"name": user.name, "by_administrator": user.id != actor.id}
    if user.id == actor.id and user.sealed_key and current_password is not None:
        # the same key, sealed under the new password
        key = signing.unseal(user.sealed_key, current_password, user.name)
        user.sealed_key = signing.seal(key, new_password, user.name)
    else:  # a reset (the old key cannot be opened) or a first password: a new key
        key = _give_key(user, new_password)
        details["public_key"] = user.public_key
        if user.id == actor.id:  # registered by its own signature
            signing.signers(session)[user.name] = key
            if _may_become_root(session, user):  # an upgraded store's first account
                details.update(root=True, store_id=store_id_of(session))
        else:
            signing.signers(session).pop(user.name, None)
    audit.record(session, actor.name, "user.password", "user", user.id, details)
