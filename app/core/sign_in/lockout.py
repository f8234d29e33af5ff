"""Sign-in lock-out: after ``StorePolicy.lockout_after`` failed sign-ins in a row an account
is locked, even against the right password, until an administrator unlocks it (audited).

The count is read from the audit trail (``user.sign_in_failed`` events since the account's
last ``user.sign_in`` or ``user.unlock``), so there is no counter to reset by hand; it stops
password guessing through the app and the command line.

An administrator whom no other administrator can unlock is never locked for good: anyone
who can run bwv could otherwise type five wrong passwords for the store's only administrator
and leave the store with nobody to unlock anyone, add accounts or change its rules. Such an
account is *held* instead: ``ADMIN_HOLD`` after the failure that reached the limit it opens
again by itself, and the count starts afresh (failures while it was held do not count, so
they do not make the hold longer). Guessing is still slowed to ``lockout_after`` guesses per
``ADMIN_HOLD``, every attempt stays in the audit trail (``user.sign_in_failed``, and
``user.locked`` with the time it opens), and the administrator signs in afterwards with their
password as usual. "Another administrator who can unlock it" is an active administrator with
a password (or any active administrator when people sign in by their operating-system name)
whose role and key allow it (``permissions.require``) and who is not locked themself; while
there is one, the lock lasts until they unlock it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import (
    QT_TRANSLATE_NOOP,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
)
from app.core.people.permissions import Permission, require
from app.core.people.users import find_user
from app.core.policy.store_policy import SignIn, load_policy
from app.core.store import audit
from app.core.store.models import AuditEvent, Role, User

RESETS = ("user.sign_in", "user.unlock")
FAILED = "user.sign_in_failed"
ADMIN_HOLD = timedelta(minutes=15)
_TRAIL_TIME = "%Y-%m-%dT%H:%M:%S.%fZ"  # audit.timestamp()


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Lock:
    """A locked account: ``opens_at`` None until an administrator unlocks it, else the time
    (UTC) it opens by itself (an administrator nobody else can unlock)."""

    failures: int
    opens_at: datetime | None = None


def _failure_times(session: Session, user: User) -> list[datetime]:
    """When each failed sign-in since the last success or unlock happened, oldest first."""
    events = session.execute(
        select(AuditEvent.action, AuditEvent.occurred_at)
        .where(AuditEvent.object_type == "user", AuditEvent.object_id == str(user.id),
               AuditEvent.action.in_([*RESETS, FAILED]))
        .order_by(AuditEvent.seq.desc()))
    times = []
    for action, at in events:
        if action in RESETS:
            break
        times.append(_parse(at))
    return times[::-1]


def _parse(at: str) -> datetime:
    try:
        return datetime.strptime(at, _TRAIL_TIME).replace(tzinfo=UTC)
    except ValueError:  # not as audit.timestamp() writes it: count it as long ago
        return datetime.min.replace(tzinfo=UTC)


def failures_in_a_row(session: Session, user: User) -> int:
    """Failed sign-ins since the last success or unlock."""
    return len(_failure_times(session, user))


def _held_until(times: list[datetime], limit: int) -> tuple[int, datetime | None]:
    """For an account that opens by itself: the failures counted now, and when the hold
    that the latest of them started ends (None: no hold)."""
    count, ends = 0, None
    for at in times:
        if ends is not None and at < ends:
            continue  # tried while held: refused, and not counted again
        if ends is not None:
            count, ends = 0, None
        count += 1
        if count >= limit:
            ends = at + ADMIN_HOLD
    return count, ends


def _may_unlock(user: User) -> bool:
    try:
        require(user, Permission.MANAGE_USERS, "")  # active, and a vouched key if one is needed
    except PermissionDeniedError:
        return False
    return True


def _someone_else_can_unlock(session: Session, user: User, limit: int) -> bool:
    os_user = load_policy(session).sign_in is SignIn.OS_USER
    others = session.scalars(select(User).where(User.role == Role.ADMINISTRATOR,
                                                User.active.is_(True), User.id != user.id))
    return any((other.password_hash is not None or os_user) and _may_unlock(other)
               and failures_in_a_row(session, other) < limit for other in others)


def lock_of(session: Session, user: User) -> Lock | None:
    """The account's lock now, or None when it may sign in (see the module docstring)."""
    limit = load_policy(session).lockout_after
    if limit <= 0:
        return None
    times = _failure_times(session, user)
    if len(times) < limit:
        return None
    if user.role is not Role.ADMINISTRATOR or not user.active \
            or _someone_else_can_unlock(session, user, limit):
        return Lock(len(times))
    count, ends = _held_until(times, limit)
    return Lock(count, ends) if ends is not None and _now() < ends else None


def is_locked(session: Session, user: User) -> bool:
    return lock_of(session, user) is not None


def unlock(session: Session, actor: User, name: str, reason: str) -> bool:
    """Unlock an account (administrators, with a reason); False if it was not locked."""
    require(actor, Permission.MANAGE_USERS, QT_TRANSLATE_NOOP("CoreMessages", "unlock accounts"))
    if not reason.strip():
        raise InvalidInputError(QT_TRANSLATE_NOOP(
            "CoreMessages", "Say why the account is unlocked (it is recorded)."))
    user = find_user(session, name)
    if user is None:
        raise NotFoundError(QT_TRANSLATE_NOOP(
            "CoreMessages", "No user {name!r}."),
            name=name)
    was = is_locked(session, user)
    audit.record(session, actor.name, "user.unlock", "user", user.id,
                 {"name": user.name, "reason": reason.strip(), "was_locked": was})
    return was
