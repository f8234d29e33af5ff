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
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.chain.ledger import Ledger, details_of
from app.core.errors import QT_TRANSLATE_NOOP, ConflictError, InvalidInputError
from app.core.integrity.trail_accounts import LEGACY_ROW, account_events, starts_with_os_user
from app.core.people.permissions import Permission, require
from app.core.retention.rules import retention_until
from app.core.store import audit
from app.core.store.models import AuditEvent, Footage, StoreInfo, User

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
    # Speech model packs a force may use: the SHA-256 of each pack's SHA256SUMS file (the
    # hash list of its files), approved by an administrator (audio/model_pack.py).
    speech_model_packs: tuple[str, ...] = field(default_factory=tuple)
    # Docking-station folders whose new files are ingested unattended: "folder<TAB>case
    # reference<TAB>job kind" each (case and kind may be empty; jobs/watch.py).
    watch_folders: tuple[str, ...] = field(default_factory=tuple)

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


def parse_rules(value: str) -> StorePolicy:
    """A rule row's value as a policy (missing fields: the defaults)."""
    data = json.loads(value)
    return StorePolicy(
        sign_in=SignIn(data.get("sign_in", SignIn.PASSWORD.value)),
        require_approval=bool(data.get("require_approval", True)),
        retention_days=int(data.get("retention_days", DEFAULT_RETENTION_DAYS)),
        lockout_after=int(data.get("lockout_after", DEFAULT_LOCKOUT_AFTER)),
        managed_folders=tuple(data.get("managed_folders", ())),
        speech_model_packs=tuple(data.get("speech_model_packs", ())),
        watch_folders=tuple(data.get("watch_folders", ())))


def _changed(policy: StorePolicy, details: dict[str, Any]) -> StorePolicy:
    """``policy`` with the new values a ``policy.change`` event records."""
    def new(name: str) -> Any:
        change = details.get(name)
        return change[1] if isinstance(change, list) and len(change) == 2 else None

    if new("sign_in") is not None:
        policy = replace(policy, sign_in=SignIn(new("sign_in")))
    if new("require_approval") is not None:
        policy = replace(policy, require_approval=bool(new("require_approval")))
    if new("retention_days") is not None:
        policy = replace(policy, retention_days=int(new("retention_days")))
    if new("lockout_after") is not None:
        policy = replace(policy, lockout_after=int(new("lockout_after")))
    if new("managed_folders") is not None:
        policy = replace(policy, managed_folders=tuple(new("managed_folders")))
    if new("speech_model_packs") is not None:
        policy = replace(policy, speech_model_packs=tuple(new("speech_model_packs")))
    if new("watch_folders") is not None:
        policy = replace(policy, watch_folders=tuple(new("watch_folders")))
    return policy


_EXPECTED: dict[tuple[str, str], dict[str, StorePolicy]] = {}


def expected_rules(session: Session) -> dict[str, StorePolicy]:
    """What each rule row must hold: rebuilt from the legacy row (stores made before
    signing) and every ``policy.change`` whose author was then an active administrator
    with a valid signature (``chain/ledger.py``). A row that differs, or that no valid event set,
    is not obeyed (and ``bwv audit verify`` reports it)."""
    newest = session.scalars(select(AuditEvent.hash).where(
        AuditEvent.action == "policy.change").order_by(AuditEvent.seq.desc()).limit(1)).first()
    cache_key = (str(getattr(session.get_bind(), "url", "")), newest or "")
    if cache_key in _EXPECTED:  # an event's validity depends only on the events before it
        return _EXPECTED[cache_key]
    legacy = starts_with_os_user(session)
    ledger = Ledger(os_user_sign_in=legacy)
    current = parse_rules(LEGACY_ROW[1]) if legacy else StorePolicy()
    expected = {LEGACY_ROW[0]: current} if legacy else {}
    for event in account_events(session, []):
        before = len(ledger.problems)
        ledger.process(event)
        if event["action"] == "policy.change" and len(ledger.problems) == before:
            current = _changed(current, details_of(event))
            expected[str(event["object_id"])] = current
    if len(_EXPECTED) > 64:
        _EXPECTED.clear()
    _EXPECTED[cache_key] = expected
    return expected


def _newest(session: Session) -> StoreInfo | None:
    """The newest rule row that holds what an administrator's valid event set."""
    expected = expected_rules(session)
    for row in session.scalars(select(StoreInfo).where(StoreInfo.key.like(_PREFIX + "%"))
                               .order_by(StoreInfo.key.desc())):
        try:
            if row.key in expected and parse_rules(row.value) == expected[row.key]:
                return row
        except (ValueError, TypeError, OverflowError):  # overflow: e.g. 1e400 days, edited in
            continue
    return None


def policy_was_set(session: Session) -> bool:
    """False on a store whose rules are still the defaults (nobody changed them)."""
    return _newest(session) is not None


def load_policy(session: Session) -> StorePolicy:
    row = _newest(session)
    return StorePolicy() if row is None else parse_rules(row.value)


def policy_json(policy: StorePolicy) -> str:
    return json.dumps({"sign_in": policy.sign_in.value,
                       "require_approval": policy.require_approval,
                       "retention_days": policy.retention_days,
                       "managed_folders": list(policy.managed_folders),
                       "lockout_after": policy.lockout_after,
                       **({"speech_model_packs": list(policy.speech_model_packs)}
                          if policy.speech_model_packs else {}),
                       **({"watch_folders": list(policy.watch_folders)}
                          if policy.watch_folders else {})})


def set_policy(session: Session, actor: User, *, sign_in: str | SignIn | None = None,
               require_approval: bool | None = None, retention_days: int | None = None,
               managed_folders: list[str] | None = None,
               lockout_after: int | None = None,
               speech_model_packs: list[str] | None = None,
               watch_folders: list[str] | None = None) -> StorePolicy:
    """Change the store's rules (administrator only); each change is audited.

    A new retention period is applied at once to every non-evidential item still held.
    """
    old = load_policy(session)
    new = old
    if sign_in is not None:
        require(actor, Permission.SETTINGS,
                QT_TRANSLATE_NOOP("CoreMessages", "change how people sign in"))
        try:
            new = replace(new, sign_in=SignIn(sign_in))
        except ValueError:
            raise InvalidInputError(QT_TRANSLATE_NOOP(
                "CoreMessages", "Unknown sign-in mode {sign_in!r}: use password or os_user."),
                sign_in=sign_in) from None
        if new.sign_in is SignIn.PASSWORD and old.sign_in is not SignIn.PASSWORD \
                and actor.password_hash is None:
            raise ConflictError(QT_TRANSLATE_NOOP(
                "CoreMessages", "Set your own password first (bwv user passwd), or nobody could "
                "sign in as the administrator after the change."))
    if require_approval is not None:
        require(actor, Permission.SETTINGS,
                QT_TRANSLATE_NOOP("CoreMessages", "change whether exports need approval"))
        new = replace(new, require_approval=bool(require_approval))
    if lockout_after is not None:
        require(actor, Permission.SETTINGS,
                QT_TRANSLATE_NOOP("CoreMessages", "change the sign-in lock-out"))
        if not 0 <= lockout_after <= 100:
            raise InvalidInputError(QT_TRANSLATE_NOOP(
                "CoreMessages", "The lock-out is 0 (off) to 100 failed sign-ins."))
        new = replace(new, lockout_after=lockout_after)
    if retention_days is not None:
        require(actor, Permission.RETENTION_POLICY,
                QT_TRANSLATE_NOOP("CoreMessages", "change the retention policy"))
        if not 1 <= retention_days <= 36500:
            raise InvalidInputError(QT_TRANSLATE_NOOP(
                "CoreMessages", "The retention period is 1 to 36500 days."))
        new = replace(new, retention_days=retention_days)
    if managed_folders is not None:
        require(actor, Permission.RETENTION_POLICY,
                QT_TRANSLATE_NOOP("CoreMessages", "change the managed folders"))
        folders = tuple(str(Path(f).expanduser().resolve()) for f in managed_folders if f)
        new = replace(new, managed_folders=folders)
    if speech_model_packs is not None:
        require(actor, Permission.SETTINGS,
                QT_TRANSLATE_NOOP("CoreMessages", "approve speech models"))
        new = replace(new, speech_model_packs=tuple(dict.fromkeys(speech_model_packs)))
    if watch_folders is not None:
        require(actor, Permission.SETTINGS,
                QT_TRANSLATE_NOOP("CoreMessages", "change the watch folders"))
        new = replace(new, watch_folders=tuple(dict.fromkeys(watch_folders)))
    if new == old:
        return old
    last_key = session.scalar(select(StoreInfo.key).where(StoreInfo.key.like(_PREFIX + "%"))
                              .order_by(StoreInfo.key.desc()).limit(1))
    number = int(last_key[len(_PREFIX):]) + 1 if last_key is not None else 1
    value = policy_json(new)
    session.add(StoreInfo(key=policy_key(number), value=value))
    changed: dict[str, object] = {name: [getattr(old, name), getattr(new, name)]
                                  for name in ("sign_in", "require_approval", "retention_days",
                                               "managed_folders", "lockout_after",
                                               "speech_model_packs", "watch_folders")
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
