"""Which permission each audited action needed: the one map from the trail's action names to
the core's permissions (``people.permissions``), kept beside the check that judges the
trail with it. The services call ``permissions.require`` with these same permissions before
they record these actions; ``bwv audit verify`` (``trail_replay``) then judges every event
against the role the trail itself gave its actor at that moment (the ``users`` table is never
trusted: someone who edits their own role there, acts, and puts it back is reported).

Each action maps to the permissions it needed (all of them), or to a function of the event's
details giving them (one action, several rules: a case's status change needs what its step
in the case flow needs). ``()``: nothing beyond an account (signing in, writing a checkpoint).
A test fails when the core records an action with no entry here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from app.core.casework.case_flow import TRANSITIONS
from app.core.people.permissions import ROLE_PERMISSIONS, Permission
from app.core.store.models import CaseStatus, Role

P = Permission
Needs = tuple[Permission, ...]
Rule = Needs | Callable[[Mapping[str, Any]], Needs]


def _case_status(details: Mapping[str, Any]) -> Needs:
    """What the step of the case flow needs; a move made by itself (a plan saved sends its
    case back to review) needed what saving the plan did."""
    if details.get("automatic"):
        return (P.REDACT,)
    moved = details.get("status")
    if not isinstance(moved, list) or len(moved) != 2:
        return ()
    try:
        step = TRANSITIONS[CaseStatus(moved[0])].get(CaseStatus(moved[1]))
    except (ValueError, KeyError):
        step = None
    return (step.permission,) if step is not None else ()  # (the flow is not judged here)


def _by_administrator(details: Mapping[str, Any]) -> Needs:
    """A password reset or a vouch by an administrator; one's own password or key: nothing."""
    return (P.MANAGE_USERS,) if details.get("by_administrator") else ()


_RETENTION_RULES = ("retention_days", "managed_folders")


def _policy(details: Mapping[str, Any]) -> Needs:
    retention = any(key in details for key in _RETENTION_RULES)
    others = any(key not in (*_RETENTION_RULES, "row_sha256") for key in details)
    return (*((P.RETENTION_POLICY,) if retention else ()), *((P.SETTINGS,) if others else ()))


_JOBS = (P.REDACT,)  # queueing, running (claimed, finished), cancelling and retrying jobs

ACTION_PERMISSIONS: dict[str, Rule] = {
    # accounts (the ledger also judges these: administrators only, vouched keys)
    "user.create": lambda d: () if d.get("first_administrator") else (P.MANAGE_USERS,),
    "user.update": (P.MANAGE_USERS,),
    "user.unlock": (P.MANAGE_USERS,),
    "user.password": _by_administrator,
    "user.key": _by_administrator,
    "user.sign_in": (), "user.sign_out": (), "user.sign_in_failed": (), "user.locked": (),
    "policy.change": _policy,
    "audit.anchor": (),
    "audit.witness_reset": (P.MANAGE_USERS,),
    # footage and retention
    "footage.ingest": (P.INGEST,),
    "footage.describe": (P.INGEST,),
    "footage.verify": (P.VIEW,),
    "footage.evidential": lambda d: (
        (P.SET_EVIDENTIAL,) if d.get("evidential") else (P.CHANGE_RETENTION,)),
    "footage.legal_hold": (P.CHANGE_RETENTION,),
    "retention.delete": (P.APPLY_RETENTION,),
    "retention.file_not_deleted": (P.APPLY_RETENTION,),
    "retention.delete_file": (P.APPLY_RETENTION,),
    "flag.add": (P.FLAG,), "flag.edit": (P.FLAG,), "flag.delete": (P.FLAG,),
    # cases
    "case.create": (P.EDIT_CASE,), "case.edit": (P.EDIT_CASE,), "case.extend": (P.EDIT_CASE,),
    "case.requester": (P.EDIT_CASE,), "case.link_footage": (P.EDIT_CASE,),
    "case.unlink_footage": (P.EDIT_CASE,),
    "case.names_to_find": (P.REDACT,),
    "case.status": _case_status,
    # redaction, approval, exports
    "detection.run": (P.REDACT,),
    "transcript.create": (P.REDACT,),
    "plan.save": (P.REDACT,),
    "plan.approval_request": (P.REQUEST_APPROVAL,),
    "plan.approve": (P.APPROVE,), "plan.reject": (P.APPROVE,),
    "export.create": lambda d: (P.EXPORT,) if d.get("working_copy") is True
    else (P.EXPORT_APPROVED,),
    "pack.create": (P.EXPORT_APPROVED,),
    # batch jobs (``job.<state>``: the states of ``jobs.queue.JobState``)
    "job.queue": lambda d: (P.REDACT, P.EXPORT) if d.get("kind") == "redact" else _JOBS,
    "job.start": _JOBS, "job.cancel": _JOBS, "job.retry": _JOBS,
    "job.queued": _JOBS, "job.running": _JOBS, "job.done": _JOBS, "job.failed": _JOBS,
    "job.cancelled": _JOBS,
}


def needed(action: str, details: Mapping[str, Any]) -> Needs:
    """The permissions ``action`` needed (none for an action not in the map)."""
    rule = ACTION_PERMISSIONS.get(action, ())
    return rule(details) if callable(rule) else rule


def role_permissions(role: str) -> frozenset[Permission]:
    """What ``role`` (as the trail writes it) may do; nothing for a role the app does not
    know."""
    try:
        return ROLE_PERMISSIONS[Role(role)]
    except ValueError:
        return frozenset()


def refusal(name: str, role: str, event: Mapping[str, Any],
            details: Mapping[str, Any]) -> str | None:
    """Why ``name``, whose role (per the trail) was ``role`` when ``event`` was recorded, may
    not have done it; None if that role allowed it. (For ``chain.ledger.Ledger.judge``.)"""
    missing = [p for p in needed(str(event.get("action")), details)
               if p not in role_permissions(role)]
    if not missing:
        return None
    return (f"needs the {' and '.join(repr(p.value) for p in missing)} permission"
            f"{'s' if len(missing) > 1 else ''}, which {name}'s role then "
            f"({role.replace('_', ' ')}) does not have")
