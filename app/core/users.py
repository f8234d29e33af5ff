"""Users and roles. Until sign-in exists, the acting user is named by settings or the OS."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core import audit
from app.core.errors import ConflictError, InvalidInputError, NotFoundError
from app.core.models import Role, User
from app.core.records import UserRecord


def _parse_role(role: str | Role) -> Role:
    try:
        return Role(role)
    except ValueError:
        names = ", ".join(r.value for r in Role)
        raise InvalidInputError(f"Unknown role {role!r}: use one of {names}.") from None


def find_user(session: Session, name: str) -> User | None:
    return session.scalars(select(User).where(User.name == name)).first()


def resolve_actor(session: Session, name: str) -> User:
    """The user acting now. Registers them on first use; the very first user is administrator."""
    name = name.strip()
    if not name:
        raise InvalidInputError("No user name: set BWV_USER or the default_user setting.")
    if len(name) > 128:
        raise InvalidInputError("A user name is at most 128 characters.")
    user = find_user(session, name)
    if user is None:
        first = session.scalar(select(func.count()).select_from(User)) == 0
        user = User(name=name, role=Role.ADMINISTRATOR if first else Role.DISCLOSURE_OFFICER)
        session.add(user)
        session.flush()
        audit.record(session, name, "user.create", "user", user.id,
                     {"name": name, "role": user.role.value, "automatic": True})
    if not user.active:
        raise InvalidInputError(f"User {name!r} is deactivated.")
    return user


def add_user(session: Session, actor: User, name: str, role: str | Role) -> UserRecord:
    name = name.strip()
    if not name or len(name) > 128:
        raise InvalidInputError("A user needs a name of 1 to 128 characters.")
    if find_user(session, name) is not None:
        raise ConflictError(f"User {name!r} already exists.")
    user = User(name=name, role=_parse_role(role))
    session.add(user)
    session.flush()
    audit.record(session, actor.name, "user.create", "user", user.id,
                 {"name": name, "role": user.role.value})
    return UserRecord.of(user)


def update_user(session: Session, actor: User, name: str, *, role: str | Role | None = None,
                active: bool | None = None) -> UserRecord:
    user = find_user(session, name)
    if user is None:
        raise NotFoundError(f"No user named {name!r}.")
    changes: dict[str, object] = {}
    if role is not None and _parse_role(role) != user.role:
        changes["role"] = [user.role.value, _parse_role(role).value]
        user.role = _parse_role(role)
    if active is not None and active != user.active:
        changes["active"] = [user.active, active]
        user.active = active
    if changes:
        audit.record(session, actor.name, "user.update", "user", user.id, changes)
    return UserRecord.of(user)


def list_users(session: Session) -> list[UserRecord]:
    return [UserRecord.of(u) for u in session.scalars(select(User).order_by(User.name))]
