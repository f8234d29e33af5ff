"""Accounts, roles and signing keys as the audit trail gives them, rebuilt event by event,
with every signature checked on the way. One set of rules for ``bwv audit verify`` (the
whole trail, ``checks/trail_replay.py``) and ``bwv-verify`` (the events an extract's seal carries).

Whose key signs what:

* the first administrator's ``user.create`` is signed by the key it registers: the store's
  *root*; in a store made before signing, its first account registers the root once, by
  its own signature (its first password or password sign-in, marked ``root``);
* an administrator registers everyone else's key (``user.create``, a password reset), signed
  with the administrator's own key: the new key is *vouched* if the administrator's was;
* an account with no key yet may register its own (a first password, an account made before
  signing): allowed, never vouched;
* a store made before signing whose first account cannot claim the root (deactivated, or
  not an administrator) has it handed over: an active administrator claims it with their
  own key (``sign_in.key_registry.claim_root``), the reason in the event;
* an event must carry its actor's valid signature, except while the store lets people sign
  in by operating-system name (no password, so no key can be opened), or before the store
  had a root key at all: then it is counted as unproven. With passwords required, an
  account without a key cannot sign in, so an unsigned event in its name is forged.

Pure: no database, so the standalone verifier runs it unchanged.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from app.core.chain import chain_format
from app.core.chain.chain_format import fingerprint

ADMINISTRATOR = "administrator"
KEY_ACTIONS = ("user.create", "user.password", "user.key")
USER_ACTIONS = (*KEY_ACTIONS, "user.update")
# Recorded under the name someone typed, by nobody signed in: never signed.
UNAUTHENTICATED = frozenset({"user.sign_in_failed", "user.locked"})
ADMIN_ONLY = frozenset({"user.create", "user.update", "user.unlock", "policy.change"})
# With password sign-in, only a key vouched for from the root may decide approvals once
# signing has begun (so a store with keys but no root approves nothing until it has one), or
# manage accounts and change rules once the store has a root (before it, administrators must
# be able to reach one): a key someone registered for a keyless account is never enough
# (``permissions.require`` refuses the same).
DECISIONS = frozenset({"plan.approve", "plan.reject"})
# Who else may do what (the roles of permissions.ROLE_PERMISSIONS; a test keeps them equal).
# The standalone verifier judges these only; the store's own check judges every action by the
# core's permissions too (``Ledger.judge``: ``checks/action_permissions.py``).
_STAFF = frozenset({"disclosure_officer", "supervisor", ADMINISTRATOR})
ROLE_ACTIONS: dict[str, frozenset[str]] = {
    "plan.approve": frozenset({"supervisor"}), "plan.reject": frozenset({"supervisor"}),
    "plan.save": _STAFF, "footage.ingest": _STAFF, "footage.describe": _STAFF,
    "export.create": _STAFF | {"case_staff"},
}


@dataclass
class Account:
    name: str
    role: str
    first_administrator: bool = False
    active: bool = True
    key: str | None = None
    vouched: bool = False  # registered by the root or an administrator whose key is vouched
    how: str = ""  # root | admin | self | keyless-admin (how the current key was registered)
    password: bool | None = None  # given one, per the trail (None: an event too old to say)


@dataclass(frozen=True)
class Problem:
    kind: str  # signature | unsigned | role
    message: str
    seq: int


# (actor's name, their role per the trail then, event, details) -> why not, or None
Judge = Callable[[str, str, Mapping[str, Any], dict[str, Any]], str | None]


def details_of(event: Mapping[str, Any]) -> dict[str, Any]:
    """An event's details as a dict, whether stored as text or already parsed."""
    raw = event.get("details")
    try:
        value = json.loads(raw) if isinstance(raw, str) else raw
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


@dataclass
class Ledger:
    accounts: dict[str, Account] = field(default_factory=dict)  # by user id (text)
    by_name: dict[str, str] = field(default_factory=dict)
    root: str | None = None
    root_holder: str | None = None  # whose key the root is, and the event that made it so
    root_seq: int | None = None
    first_account: str | None = None  # the name of the first account made
    os_user_sign_in: bool = False  # the store's rule at this point of the trail
    signing_began: bool = False  # some key was registered (then keyless accounts are idle)
    signed: int = 0
    unproven: int = 0  # unsigned, by accounts that could not sign
    problems: list[Problem] = field(default_factory=list)
    keys_over_time: dict[str, list[tuple[int, str, bool]]] = field(default_factory=dict)
    # a further rule for what an account holder's role allows (the store's check passes the
    # core's permissions: every action, not only those of ROLE_ACTIONS)
    judge: Judge | None = None

    def account(self, name: str) -> Account | None:
        uid = self.by_name.get(name)
        return self.accounts.get(uid) if uid is not None else None

    def _problem(self, kind: str, seq: int, message: str) -> None:
        self.problems.append(Problem(kind, message, seq))

    # --- the three checks -----------------------------------------------------------------

    def registration(self, event: Mapping[str, Any], details: dict[str, Any]) -> str | None:
        """How ``event`` registers a key (root, self, admin), or None if it does not."""
        action = event.get("action")
        if action not in KEY_ACTIONS or not details.get("public_key"):
            return None
        if action == "user.create":
            return "root" if details.get("first_administrator") else "admin"
        if details.get("by_administrator"):
            return "admin"
        return "root" if details.get("root") else "self"

    def _signature(self, event: Mapping[str, Any], how: str | None,
                   details: dict[str, Any]) -> str | None:
        """"signed", "unproven" (nobody could sign it), or None (a problem was noted)."""
        seq, actor_name = int(event["seq"]), str(event.get("actor"))
        actor = self.account(actor_name)
        key = str(details["public_key"]) if how in ("root", "self") else (
            actor.key if actor else None)
        signature = event.get("signature")
        who = f"event #{seq} ({event.get('action')} by {actor_name})"
        if key is None:
            if signature:
                self._problem("signature", seq, f"The {who} is signed, but {actor_name!r} has "
                              "no registered signing key at that point.")
                return None
            if (self.root is not None or self.signing_began) and not self.os_user_sign_in \
                    and event.get("action") not in UNAUTHENTICATED:
                # with passwords required, someone without a key cannot have signed in
                self._problem("unsigned", seq, f"The {who} is not signed, and {actor_name!r} "
                              "has no key, so could not have signed in: it was added by "
                              "someone else.")
                return None
            self.unproven += 1
            return "unproven"
        if not signature:
            if event.get("action") in UNAUTHENTICATED or (
                    self.os_user_sign_in and how in (None, "admin")):
                self.unproven += 1  # no password, so no key could be opened
                return "unproven"
            self._problem("unsigned", seq, f"The {who} is not signed, but {actor_name!r} signs "
                          "every event: it was added by someone else.")
            return None
        if not chain_format.signature_ok(key, chain_format.event_message(str(event["hash"])),
                                         str(signature)):
            self._problem("signature", seq, f"The signature of {who} does not verify with the "
                          f"key of {actor_name!r} ({fingerprint(key)}).")
            return None
        self.signed += 1
        return "signed"

    def _allowed(self, event: Mapping[str, Any], how: str | None,
                 details: dict[str, Any]) -> bool:
        """Who may do this: an account holder (administrators for accounts and rules, the
        roles of ``ROLE_ACTIONS`` and of ``judge`` for the rest); a first administrator only
        first; the root only by the first account, once; one's own first key only."""
        seq, action, actor_name = int(event["seq"]), event.get("action"), str(event.get("actor"))
        actor = self.account(actor_name)
        problem = None
        legacy_account = (action == "user.create" and details.get("name") == actor_name
                          and not details.get("public_key") and self.root is None
                          and (not self.accounts or self.os_user_sign_in))
        if action == "user.create" and details.get("first_administrator"):
            if self.accounts:
                problem = "makes a second first administrator"
        elif legacy_account or action in UNAUTHENTICATED:
            pass  # an account its user made on first use, before signing; a typed name
        elif how == "root":
            problem = self._root_claim_problem(event, actor, actor_name, details)
        elif how == "self":
            if actor is None or self.by_name.get(actor_name) != str(event.get("object_id")):
                problem = "registers a key for someone else by that key's own signature"
            elif actor.key is not None:
                problem = f"replaces the key of {actor_name!r} without an administrator"
            elif actor.password is False and not self.os_user_sign_in:
                problem = (f"registers a key for {actor_name!r}, an account with no "
                           "password, which cannot sign in")
        elif actor is None:
            if self.accounts:  # (a trail older than accounts names people without one)
                problem = f"is by {actor_name!r}, who has no account"
        else:
            allowed = {ADMINISTRATOR} if (action in ADMIN_ONLY or how == "admin") \
                else ROLE_ACTIONS.get(str(action))
            if not actor.active or (allowed is not None and actor.role not in allowed):
                problem = (f"is by {actor_name!r}, whose role then "
                           f"({actor.role.replace('_', ' ')}"
                           f"{'' if actor.active else ', deactivated'}) does not allow it")
            elif not actor.vouched and not self.os_user_sign_in and (
                    (action in DECISIONS and (self.root is not None or self.signing_began))
                    or ((action in ADMIN_ONLY or how == "admin") and self.root is not None)):
                problem = (f"is by {actor_name!r}, whose signing key no administrator had "
                           "vouched for")
            elif self.judge is not None:  # the role the trail gives, never the users row
                problem = self.judge(actor_name, actor.role, event, details)
        if problem is None and how is not None:
            problem = self._key_problem(event, how, details)
        if problem:
            self._problem("role", seq, f"Event #{seq} ({action} by {actor_name}) {problem}.")
        return problem is None

    def _key_problem(self, event: Mapping[str, Any], how: str,
                     details: dict[str, Any]) -> str | None:
        """A registration may not bring back a key its account held before, and a vouch (an
        administrator's ``user.key``) only vouches for the key the account has: it never
        changes it (a reset, ``user.password``, does)."""
        target = self.accounts.get(str(event.get("object_id")))
        key = details.get("public_key")
        if target is None:
            return None
        if event.get("action") == "user.key" and how == "admin":
            return None if target.key == key else (
                f"vouches for a key that is not {target.name!r}'s own")
        held = [k for _seq, k, _v in self.keys_over_time.get(target.name, [])]
        if key in held and not (how == "root" and key == target.key):
            return f"registers again a key {target.name!r} held before"
        return None

    def _root_claim_problem(self, event: Mapping[str, Any], actor: Account | None,
                            actor_name: str, details: dict[str, Any]) -> str | None:
        """Why ``actor`` may not make their key the root of a store that has none (one made
        before signing), or None. The first account may; so may an active administrator
        once the first account is deactivated or no longer an administrator (a hand-over,
        its reason in the event). Either claims with a new key or the one it already has."""
        if self.root is not None:
            return "claims a second root key"
        if actor is None or self.by_name.get(actor_name) != str(event.get("object_id")):
            return "claims the root key for someone else"
        if actor.key is not None and actor.key != details.get("public_key"):
            return f"replaces the key of {actor_name!r} without an administrator"
        if actor_name == self.first_account:
            return None
        first = self.account(self.first_account or "")
        if actor.active and actor.role == ADMINISTRATOR and first is not None \
                and (not first.active or first.role != ADMINISTRATOR):
            return None
        return ("claims the root key, which only the first account may, or an active "
                "administrator once the first account is deactivated or not an administrator")

    def _apply(self, event: Mapping[str, Any], how: str | None, details: dict[str, Any],
               signed: bool) -> None:
        action, oid = event.get("action"), str(event.get("object_id"))
        actor = self.account(str(event.get("actor")))
        if action == "user.create":
            name = str(details.get("name", ""))
            self.accounts[oid] = Account(name, str(details.get("role", "")),
                                         bool(details.get("first_administrator")))
            if isinstance(details.get("password"), bool):
                self.accounts[oid].password = details["password"]
            self.by_name[name] = oid
            self.first_account = self.first_account or name
            if details.get("first_administrator") and details.get("public_key"):
                self.os_user_sign_in = False  # a store made with signing starts with passwords
        elif action == "user.update" and oid in self.accounts:
            if isinstance(details.get("role"), list):
                self.accounts[oid].role = str(details["role"][1])
            if isinstance(details.get("active"), list):
                self.accounts[oid].active = bool(details["active"][1])
        elif action == "user.password" and oid in self.accounts:
            self.accounts[oid].password = True
        elif action == "policy.change" and isinstance(details.get("sign_in"), list):
            self.os_user_sign_in = details["sign_in"][1] == "os_user"
        if how is not None and oid in self.accounts:
            self.signing_began = True
            target = self.accounts[oid]
            target.key = str(details["public_key"])
            if how == "admin" and not signed:
                how = "keyless-admin"
            target.how = how
            target.vouched = how == "root" or (how == "admin" and actor is not None
                                               and actor.vouched)
            if how == "root":
                self.root, self.root_holder = target.key, target.name
                self.root_seq = int(event["seq"])
            self.keys_over_time.setdefault(target.name, []).append(
                (int(event["seq"]), target.key, target.vouched))

    def key_at(self, name: str, seq: int) -> tuple[str, bool] | None:
        """The key ``name`` had at event ``seq`` (registered before it), and whether it was
        vouched for; None if they had none."""
        found = None
        for since, key, vouched in self.keys_over_time.get(name, []):
            if since < seq:
                found = (key, vouched)
        return found

    def process(self, event: Mapping[str, Any]) -> None:
        """Check one event (in chain order) and bring the accounts up to date with it."""
        details = details_of(event)
        how = self.registration(event, details)
        status = self._signature(event, how, details)
        allowed = self._allowed(event, how, details)
        if status is not None and allowed:  # a bad event changes nothing (its row differs)
            self._apply(event, how, details, status == "signed")
