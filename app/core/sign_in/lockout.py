"""Sign-in lock-out: after ``StorePolicy.lockout_after`` failed sign-ins in a row an account
is locked, even against the right password, until an administrator unlocks it (audited).

The count is read from the audit trail (``user.sign_in_failed`` events since the account's
last ``user.sign_in`` or ``user.unlock``), so there is no counter to reset by hand; it stops
password guessing through the app and the command line.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import QT_TRANSLATE_NOOP, InvalidInputError, NotFoundError
from app.core.people.permissions import Permission, require
from app.core.people.users import find_user
from app.core.policy.store_policy import load_policy
from app.core.store import audit
from app.core.store.models import AuditEvent, User

RESETS = ("user.sign_in", "user.unlock")


def failures_in_a_row(session: Session, user: User) -> int:
    """Failed sign-ins since the last success or unlock."""
    events = session.scalars(
        select(AuditEvent.action).where(AuditEvent.object_type == "user",
                                        AuditEvent.object_id == str(user.id),
                                        AuditEvent.action.in_([*RESETS,
                                                               "user.sign_in_failed"]))
        .order_by(AuditEvent.seq.desc()))
    count = 0
    for action in events:
        if action in RESETS:
            break
        count += 1
    return count


def is_locked(session: Session, user: User) -> bool:
    limit = load_policy(session).lockout_after
    return limit > 0 and failures_in_a_row(session, user) >= limit


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
