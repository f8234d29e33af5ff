"""The accounts behind signatures, read from the audit trail alone: the events a verifier
needs (``account_events``), and a person's account as the trail gave it at one moment
(``ledger_before``), for checks that must not trust the ``users`` table."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.chain.ledger import USER_ACTIONS, Ledger
from app.core.store import audit
from app.core.store.models import AuditEvent, StoreInfo, User

_ROOT_EVENT = (AuditEvent.action.in_(("user.create", "user.key", "user.password"))
               & AuditEvent.details.like('%"public_key"%')
               & (AuditEvent.details.like('%"first_administrator":true%')
                  | AuditEvent.details.like('%"root":true%')))


def account_events(session: Session, names: Iterable[str]) -> list[dict[str, Any]]:
    """Every event about the accounts of ``names`` (creation, roles, keys), about the
    administrators who made those, back to the first administrator, and every change of the
    store's rules (chain order): what a verifier needs to rebuild their keys and roles and
    the sign-in rule in force (``chain/ledger.py``)."""
    wanted: set[str] = set()
    chosen: dict[int, AuditEvent] = {}
    rules = list(session.scalars(select(AuditEvent).where(
        AuditEvent.action == "policy.change")))
    todo = [*names, *(e.actor for e in rules), *_root_holders(session)]
    chosen.update((e.seq, e) for e in rules)
    while todo:
        name = todo.pop()
        if name in wanted:
            continue
        wanted.add(name)
        user_id = session.scalar(select(User.id).where(User.name == name))
        if user_id is None:
            continue
        for event in session.scalars(select(AuditEvent).where(
                AuditEvent.object_type == "user", AuditEvent.object_id == str(user_id),
                AuditEvent.action.in_(USER_ACTIONS))):
            chosen[event.seq] = event
            todo.append(event.actor)  # whoever did it must be checkable too
    return [audit.event_as_dict(chosen[seq]) for seq in sorted(chosen)]


def _root_holders(session: Session) -> list[str]:
    """Whoever registered a root key (one, unless the trail was tampered with): a ledger of
    a few accounts still knows whether the store had a root, and from when."""
    ids = session.scalars(select(AuditEvent.object_id).where(_ROOT_EVENT))
    return [str(n) for n in session.scalars(select(User.name).where(
        User.id.in_([int(i) for i in ids if i and i.isdigit()])))]


# The row migration 0004 added to stores made before passwords (no event made it).
LEGACY_ROW = ("policy:000001",
              '{"sign_in": "os_user", "retention_days": 31, "managed_folders": []}')


def legacy_store(session: Session) -> bool:
    """True for a store made before signing: its first account has no signing key (only
    such a store may carry the rule row migration 0004 added without an event)."""
    first = session.scalars(select(AuditEvent.details).where(
        AuditEvent.action == "user.create").order_by(AuditEvent.seq).limit(1)).first()
    return first is None or "public_key" not in json.loads(first)


def starts_with_os_user(session: Session) -> bool:
    """True when the store began with sign-in by OS name (an upgraded store's legacy row)."""
    row = session.get(StoreInfo, LEGACY_ROW[0])
    return row is not None and row.value == LEGACY_ROW[1] and legacy_store(session)


AFTER_EVERY_EVENT = 2**62  # a sequence number past any event (ledger_before: the whole trail)


def ledger_before(session: Session, names: Iterable[str], seq: int) -> Ledger:
    """The accounts of ``names`` (and the sign-in rule) as the trail gave them just before
    event ``seq``, every signature on the way checked."""
    ledger = Ledger(os_user_sign_in=starts_with_os_user(session))
    for event in account_events(session, names):
        if int(event["seq"]) >= seq:
            break
        ledger.process(event)
    return ledger


def root_claimed(session: Session) -> bool:
    """True once the store has a root key (its first administrator's, or claimed)."""
    return bool(session.scalar(select(func.count()).select_from(AuditEvent).where(
        _ROOT_EVENT)))


def keys_registered(session: Session) -> bool:
    """True once any signing key was registered in the store (signing began)."""
    return bool(session.scalar(select(func.count()).select_from(AuditEvent).where(
        AuditEvent.action.in_(("user.create", "user.password", "user.key")),
        AuditEvent.details.like('%"public_key"%'))))


def unvouched_signer(session: Session, name: str, decision: bool) -> bool:
    """True when ``name`` may not act for want of a key vouched for from the root, in a
    store where people sign in with passwords (``ledger.DECISIONS``): a ``decision``
    (approve, reject) once signing has begun, managing accounts or rules once the store has
    a root."""
    if not (keys_registered(session) if decision else root_claimed(session)):
        return False  # a store made before signing, not yet signed in to
    ledger = ledger_before(session, [name], AFTER_EVERY_EVENT)
    account = ledger.account(name)
    return account is not None and not ledger.os_user_sign_in and not account.vouched
