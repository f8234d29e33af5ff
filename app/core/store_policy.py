"""Rules that belong to the evidence store, not to one computer: how people sign in, whether
exports need a supervisor's approval, how long non-evidential footage is kept, and which
folders the store owns.

They live in the ``store_info`` table, so every workstation of a team sees the same rules and
only an administrator can change them (audited). Per-computer preferences stay in
``settings.py``.
"""

from __future__ import annotations

import enum
import hashlib
import json
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core import audit
from app.core.errors import ConflictError, InvalidInputError
from app.core.models import AuditEvent, Footage, StoreInfo, User
from app.core.permissions import Permission, require
from app.core.retention import retention_until

DEFAULT_RETENTION_DAYS = 31
DEFAULT_LOCKOUT_AFTER = 5


class SignIn(enum.StrEnum):
    PASSWORD = "password"  # local accounts with argon2id password hashes (default)
    OS_USER = "os_user"  # trust the operating-system login name (or BWV_USER)


@dataclass(frozen=True)
class StorePolicy:
    sign_in: SignIn = SignIn.PASSWORD
    # Every export needs a supervisor's approval of the exact plan (on unless an
    # administrator turned it off; it used to be a per-computer setting anyone could untick).
    require_approval: bool = True
    retention_days: int = DEFAULT_RETENTION_DAYS
    # Failed sign-ins in a row that lock an account until an administrator unlocks it (0: off)
    lockout_after: int = DEFAULT_LOCKOUT_AFTER
    # Originals under these folders belong to the store: retention deletes them. Anywhere
    # else, retention only marks them deleted (the owner of that folder deletes the file).
    managed_folders: tuple[str, ...] = field(default_factory=tuple)

    def owns(self, path: str | Path) -> bool:
        """True when ``path`` lies inside one of the managed folders."""
        resolved = Path(path).resolve()
        return any(resolved.is_relative_to(Path(folder).resolve())
                   for folder in self.managed_folders)


# store_info is append-only (database triggers), so each change adds a row "policy:000002",
# ...; the newest one holds.
_PREFIX = "policy:"


def policy_key(n: int) -> str:
    return f"{_PREFIX}{n:06d}"


LEGACY_ROW = ("policy:000001",
              '{"sign_in": "os_user", "retention_days": 31, "managed_folders": []}')


def _newest(session: Session) -> StoreInfo | None:
    """The newest rule row that an administrator's event set (a row inserted into
    store_info by other means is ignored; ``bwv audit verify`` reports it)."""
    set_by_events = {key: (details or "") for key, details in session.execute(
        select(AuditEvent.object_id, AuditEvent.details).where(
            AuditEvent.action == "policy.change"))}
    for row in session.scalars(select(StoreInfo).where(StoreInfo.key.like(_PREFIX + "%"))
                               .order_by(StoreInfo.key.desc())):
        details = set_by_events.get(row.key)
        if details is not None:
            digest = json.loads(details).get("row_sha256")
            if digest in (None, hashlib.sha256(row.value.encode("utf-8")).hexdigest()):
                return row
        elif (row.key, row.value) == LEGACY_ROW and legacy_store(session):
            return row
    return None


def legacy_store(session: Session) -> bool:
    """True for a store made before signing: its first account has no signing key (only
    such a store may carry the rule row migration 0004 added without an event)."""
    first = session.scalars(select(AuditEvent.details).where(
        AuditEvent.action == "user.create").order_by(AuditEvent.seq).limit(1)).first()
    return first is None or "public_key" not in json.loads(first)


def policy_was_set(session: Session) -> bool:
    """False on a store whose rules are still the defaults (nobody changed them)."""
    return _newest(session) is not None


def load_policy(session: Session) -> StorePolicy:
    row = _newest(session)
    if row is None:
        return StorePolicy()
    data = json.loads(row.value)
    return StorePolicy(
        sign_in=SignIn(data.get("sign_in", SignIn.PASSWORD.value)),
        require_approval=bool(data.get("require_approval", True)),
        retention_days=int(data.get("retention_days", DEFAULT_RETENTION_DAYS)),
        lockout_after=int(data.get("lockout_after", DEFAULT_LOCKOUT_AFTER)),
        managed_folders=tuple(data.get("managed_folders", ())))


def policy_json(policy: StorePolicy) -> str:
    return json.dumps({"sign_in": policy.sign_in.value,
                       "require_approval": policy.require_approval,
                       "retention_days": policy.retention_days,
                       "managed_folders": list(policy.managed_folders),
                       "lockout_after": policy.lockout_after})


def set_policy(session: Session, actor: User, *, sign_in: str | SignIn | None = None,
               require_approval: bool | None = None, retention_days: int | None = None,
               managed_folders: list[str] | None = None,
               lockout_after: int | None = None) -> StorePolicy:
    """Change the store's rules (administrator only); each change is audited.

    A new retention period is applied at once to every non-evidential item still held.
    """
    old = load_policy(session)
    new = old
    if sign_in is not None:
        require(actor, Permission.SETTINGS, "change how people sign in")
        try:
            new = replace(new, sign_in=SignIn(sign_in))
        except ValueError:
            raise InvalidInputError(
                f"Unknown sign-in mode {sign_in!r}: use password or os_user.") from None
        if new.sign_in is SignIn.PASSWORD and old.sign_in is not SignIn.PASSWORD \
                and actor.password_hash is None:
            raise ConflictError("Set your own password first (bwv user passwd), or nobody "
                                "could sign in as the administrator after the change.")
    if require_approval is not None:
        require(actor, Permission.SETTINGS, "change whether exports need approval")
        new = replace(new, require_approval=bool(require_approval))
    if lockout_after is not None:
        require(actor, Permission.SETTINGS, "change the sign-in lock-out")
        if not 0 <= lockout_after <= 100:
            raise InvalidInputError("The lock-out is 0 (off) to 100 failed sign-ins.")
        new = replace(new, lockout_after=lockout_after)
    if retention_days is not None:
        require(actor, Permission.RETENTION_POLICY, "change the retention policy")
        if not 1 <= retention_days <= 36500:
            raise InvalidInputError("The retention period is 1 to 36500 days.")
        new = replace(new, retention_days=retention_days)
    if managed_folders is not None:
        require(actor, Permission.RETENTION_POLICY, "change the managed folders")
        folders = tuple(str(Path(f).expanduser().resolve()) for f in managed_folders if f)
        new = replace(new, managed_folders=folders)
    if new == old:
        return old
    last_key = session.scalar(select(StoreInfo.key).where(StoreInfo.key.like(_PREFIX + "%"))
                              .order_by(StoreInfo.key.desc()).limit(1))
    number = int(last_key[len(_PREFIX):]) + 1 if last_key is not None else 1
    value = policy_json(new)
    session.add(StoreInfo(key=policy_key(number), value=value))
    changed: dict[str, object] = {name: [getattr(old, name), getattr(new, name)]
                                  for name in ("sign_in", "require_approval", "retention_days",
                                               "managed_folders", "lockout_after")
                                  if getattr(old, name) != getattr(new, name)}
    changed["row_sha256"] = hashlib.sha256(value.encode("utf-8")).hexdigest()  # verify checks
    audit.record(session, actor.name, "policy.change", "store", policy_key(number),
                 json.loads(json.dumps(changed, default=list)))
    if new.retention_days != old.retention_days:
        items = session.scalars(select(Footage).where(Footage.evidential.is_(False),
                                                      Footage.deleted_at.is_(None)))
        for footage in items:
            footage.retention_until = retention_until(
                footage.recorded_at, footage.ingested_at, new.retention_days, False)
    return new


def legacy_retention_warning(settings_extra: dict[str, object], session: Session) -> str | None:
    """An older version kept ``retention_days`` in settings.json; say so until an
    administrator sets the store's rule, so a longer local period is not silently lost."""
    value = settings_extra.get("retention_days")
    if not isinstance(value, int) or policy_was_set(session):
        return None
    current = load_policy(session).retention_days
    if value == current:
        return None
    return (f"settings.json still says retention_days = {value} (from an older version), but "
            f"the retention period is now a rule of the store: {current} days. An "
            f"administrator sets it with 'bwv retention policy --days {value}'.")
