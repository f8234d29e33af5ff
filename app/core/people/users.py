"""Users and roles: the acting user, and accounts managed by an administrator."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.chain.signing import Credentials
from app.core.choices import parse_choice
from app.core.errors import (
    QT_TRANSLATE_NOOP,
    ConflictError,
    InvalidInputError,
    NotFoundError,
    SignInError,
)
from app.core.people.permissions import Permission, require
from app.core.store import audit
from app.core.store.models import Role, StoreInfo, User
from app.core.views.records import UserRecord

if TYPE_CHECKING:
    from app.core.store.database import Store


def _parse_role(role: str | Role) -> Role:
    return parse_choice(Role, role, QT_TRANSLATE_NOOP("CoreMessages", "role"))


def check_user_name(name: str) -> str:
    """A new account's name, without surrounding spaces: 1 to 128 characters, none of them
    a line break, tab or other character that does not print (it would hide or forge lines
    of the audit trail and of every list that names the user)."""
    name = name.strip()
    if not name or len(name) > 128:
        raise InvalidInputError(QT_TRANSLATE_NOOP(
            "CoreMessages", "A user needs a name of 1 to 128 characters."))
    _refuse_unprintable(name)
    return name


def _refuse_unprintable(name: str) -> None:
    if not name.isprintable():
        raise InvalidInputError(QT_TRANSLATE_NOOP(
            "CoreMessages", "A user name must not contain line breaks, tabs or other "
            "characters that do not print."))


def find_user(session: Session, name: str) -> User | None:
    return session.scalars(select(User).where(User.name == name)).first()


def store_id_of(session: Session) -> str | None:
    """The store's id, recorded in its root account's event (anchors and witnesses name the
    store by it)."""
    row = session.get(StoreInfo, "store_id")
    return row.value if row is not None else None


def resolve_actor(session: Session, name: str) -> User:
    """The user acting now, who must have an active account.

    On an empty store the first user is registered as its administrator (the first run);
    after that, only an administrator adds accounts (``bwv user add``).
    """
    name = name.strip()
    if not name:
        raise InvalidInputError(QT_TRANSLATE_NOOP(
            "CoreMessages", "No user name: set BWV_USER or the default_user setting."))
    if len(name) > 128:
        raise InvalidInputError(QT_TRANSLATE_NOOP(
            "CoreMessages", "A user name is at most 128 characters."))
    user = find_user(session, name)
    if user is None:
        if session.scalar(select(func.count()).select_from(User)):
            raise SignInError(QT_TRANSLATE_NOOP(
                "CoreMessages", "{name!r} has no account in this store; ask an administrator to "
                "add one (bwv user add)."),
                name=name)
        _refuse_unprintable(name)
        user = User(name=name, role=Role.ADMINISTRATOR)
        session.add(user)
        session.flush()
        audit.record(session, name, "user.create", "user", user.id,
                     {"name": name, "role": user.role.value, "first_administrator": True,
                      "store_id": store_id_of(session)})
    if not user.active:
        raise SignInError(QT_TRANSLATE_NOOP(
            "CoreMessages", "User {name!r} is deactivated; ask an administrator."),
            name=name)
    return user


def check_actor(store: Store, name: str, permission: Permission, what: str) -> UserRecord:
    """Before long work: the acting user, refused unless their role allows ``what``. On a
    store with accounts this only reads (every command checks its user: a write here would
    wait for, or be refused by, any other program writing to the store), and brings this
    computer's witness of the audit trail up to its head as a commit would."""
    with store.read() as session:
        if session.scalar(select(func.count()).select_from(User)):
            user = resolve_actor(session, name)  # no account: refused, nothing written
            require(user, permission, what)
            record = UserRecord.of(user)
        else:
            record = None
    if record is not None:
        store.note_witness()
        return record
    with store.transaction() as session:  # the first run: the first user is registered
        user = resolve_actor(session, name)
        require(user, permission, what)
        return UserRecord.of(user)


def add_user(session: Session, actor: User, name: str, role: str | Role,
             credentials: Credentials | None = None) -> UserRecord:
    """A new account (administrators only); ``credentials`` from accounts.new_credentials
    (its signing key is registered by the administrator's signed event)."""
    require(actor, Permission.MANAGE_USERS, QT_TRANSLATE_NOOP("CoreMessages", "add users"))
    name = check_user_name(name)
    if find_user(session, name) is not None:
        raise ConflictError(QT_TRANSLATE_NOOP(
            "CoreMessages", "User {name!r} already exists."),
            name=name)
    user = User(name=name, role=_parse_role(role))
    details: dict[str, object] = {"name": name, "role": user.role.value,
                                  "password": credentials is not None}
    if credentials is not None:
        user.password_hash = credentials.password_hash
        user.public_key, user.sealed_key = credentials.public_key, credentials.sealed_key
        details["public_key"] = credentials.public_key
    session.add(user)
    session.flush()
    audit.record(session, actor.name, "user.create", "user", user.id, details)
    return UserRecord.of(user)


def _active_administrators(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(User).where(
        User.role == Role.ADMINISTRATOR, User.active.is_(True))) or 0


def update_user(session: Session, actor: User, name: str, *, role: str | Role | None = None,
                active: bool | None = None) -> UserRecord:
    """Change a role or (de)activate an account (administrators only). Accounts are never
    deleted: the audit trail names them."""
    require(actor, Permission.MANAGE_USERS, QT_TRANSLATE_NOOP("CoreMessages", "change users"))
    user = find_user(session, name)
    if user is None:
        raise NotFoundError(QT_TRANSLATE_NOOP(
            "CoreMessages", "No user named {name!r}."),
            name=name)
    changes: dict[str, object] = {}
    new_role = _parse_role(role) if role is not None else user.role
    new_active = user.active if active is None else active
    was_admin = user.role is Role.ADMINISTRATOR and user.active
    if was_admin and not (new_role is Role.ADMINISTRATOR and new_active) \
            and _active_administrators(session) <= 1:
        raise ConflictError(QT_TRANSLATE_NOOP(
            "CoreMessages", "{name} is the only active administrator; make someone else "
            "administrator first."),
            name=user.name)
    if new_role != user.role:
        changes["role"] = [user.role.value, new_role.value]
        user.role = new_role
    if new_active != user.active:
        changes["active"] = [user.active, new_active]
        user.active = new_active
    if changes:
        audit.record(session, actor.name, "user.update", "user", user.id, changes)
    return UserRecord.of(user)


def list_users(session: Session) -> list[UserRecord]:
    return [UserRecord.of(u) for u in session.scalars(select(User).order_by(User.name))]
