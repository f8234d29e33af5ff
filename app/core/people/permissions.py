"""What each role may do. Core services call :func:`require` before they change anything,
so a hidden button is never the only protection.

Roles (README, "Users and roles"):

* disclosure officer: view, flag, ingest, manage cases, redact, export working copies,
  request approval, release approved items;
* supervisor: everything a disclosure officer does, plus approve or reject, refuse a request,
  reopen a closed case, legal holds and applying retention;
* case staff: view, flag, and export (or pack) items a supervisor approved;
* administrator: users, settings and the retention policy, applying retention, plus the
  disclosure officer's work so that a one-person installation works; never approval.
"""

from __future__ import annotations

import enum

from sqlalchemy.orm import Session

from app.core.errors import QT_TRANSLATE_NOOP, PermissionDeniedError
from app.core.integrity.trail_accounts import unvouched_signer
from app.core.store.models import Role, User


class Permission(enum.StrEnum):
    VIEW = "view"
    FLAG = "flag"
    INGEST = "ingest"
    EDIT_CASE = "edit_case"
    REDACT = "redact"
    EXPORT = "export"  # any export, including working copies of unapproved plans
    EXPORT_APPROVED = "export_approved"  # exports and packs of approved plans only
    REQUEST_APPROVAL = "request_approval"
    APPROVE = "approve"
    RELEASE = "release"
    SET_EVIDENTIAL = "set_evidential"
    CHANGE_RETENTION = "change_retention"  # legal holds, removing the evidential mark
    APPLY_RETENTION = "apply_retention"
    RETENTION_POLICY = "retention_policy"
    MANAGE_USERS = "manage_users"
    SETTINGS = "settings"


P = Permission
# What only a key vouched for from the root may do (with password sign-in): approve once
# signing has begun, manage accounts and rules once the store has a root (chain/ledger.py judges
# the trail by the same rule).
NEEDS_VOUCHED_KEY = frozenset({P.APPROVE, P.MANAGE_USERS, P.SETTINGS, P.RETENTION_POLICY})
_OFFICER = frozenset({P.VIEW, P.FLAG, P.INGEST, P.EDIT_CASE, P.REDACT, P.EXPORT,
                      P.EXPORT_APPROVED, P.REQUEST_APPROVAL, P.RELEASE, P.SET_EVIDENTIAL})

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.DISCLOSURE_OFFICER: _OFFICER,
    Role.SUPERVISOR: _OFFICER | {P.APPROVE, P.CHANGE_RETENTION, P.APPLY_RETENTION},
    Role.CASE_STAFF: frozenset({P.VIEW, P.FLAG, P.EXPORT_APPROVED}),
    Role.ADMINISTRATOR: _OFFICER | {P.APPLY_RETENTION, P.RETENTION_POLICY, P.MANAGE_USERS,
                                    P.SETTINGS},
}

# Said to the user: "... only <who> can <what>." (each phrase translated in the app)
_SUPERVISOR = QT_TRANSLATE_NOOP("CoreMessages", "a supervisor")
_ADMINISTRATOR = QT_TRANSLATE_NOOP("CoreMessages", "an administrator")
_WHO = {
    P.APPROVE: _SUPERVISOR,
    P.CHANGE_RETENTION: _SUPERVISOR,
    P.APPLY_RETENTION: QT_TRANSLATE_NOOP("CoreMessages", "a supervisor or an administrator"),
    P.RETENTION_POLICY: _ADMINISTRATOR,
    P.MANAGE_USERS: _ADMINISTRATOR,
    P.SETTINGS: _ADMINISTRATOR,
    P.EXPORT: QT_TRANSLATE_NOOP("CoreMessages", "a disclosure officer or a supervisor"),
}
_OFFICERS = QT_TRANSLATE_NOOP("CoreMessages",
                              "a disclosure officer, a supervisor or an administrator")
# Who a user is, by role.
_A_ROLE = {
    Role.DISCLOSURE_OFFICER: QT_TRANSLATE_NOOP("CoreMessages", "a disclosure officer"),
    Role.SUPERVISOR: _SUPERVISOR,
    Role.CASE_STAFF: QT_TRANSLATE_NOOP("CoreMessages", "case staff"),
    Role.ADMINISTRATOR: _ADMINISTRATOR,
}


def role_label(role: Role) -> str:
    return role.value.replace("_", " ")


def can(user: User, permission: Permission) -> bool:
    """True when the user is active and their role grants ``permission``."""
    return bool(user.active) and permission in ROLE_PERMISSIONS[user.role]


def require(user: User, permission: Permission, what: str) -> None:
    """Raise :class:`PermissionDeniedError` unless ``user`` may do ``what`` (a verb phrase)."""
    if not user.active:
        raise PermissionDeniedError(QT_TRANSLATE_NOOP("CoreMessages",
                                                      "User {name!r} is deactivated."),
                                    name=user.name)
    if permission in ROLE_PERMISSIONS[user.role]:
        session = Session.object_session(user)
        if permission in NEEDS_VOUCHED_KEY and session is not None \
                and unvouched_signer(session, user.name, permission is P.APPROVE):
            raise PermissionDeniedError(QT_TRANSLATE_NOOP(
                "CoreMessages", "No administrator has vouched for {name}'s signing key yet, "
                "so it cannot {what}: read its fingerprint (Tools > Users, or 'bwv user "
                "key') to an administrator, who vouches for it."), name=user.name, what=what)
        return
    who = _WHO.get(permission) or _who(permission)
    raise PermissionDeniedError(QT_TRANSLATE_NOOP("CoreMessages",
                                                  "{name} is {role}; only {who} can {what}."),
                                name=user.name, role=_A_ROLE[user.role], who=who, what=what)


def _who(permission: Permission) -> str:
    """Who may do what ``permission`` allows, as "only <who> can": the roles' own phrases
    ("a supervisor", "an administrator", "case staff"), listed as English lists them."""
    roles = [r for r, perms in ROLE_PERMISSIONS.items() if permission in perms]
    if set(roles) == {Role.DISCLOSURE_OFFICER, Role.SUPERVISOR, Role.ADMINISTRATOR}:
        return _OFFICERS  # a phrase of its own: translated whole
    names = [_A_ROLE[r] for r in roles]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
