"""Root hand-over and vouching (issue 15): a store made before signing whose first account
cannot give the root key still gets one, audited, and keys people registered themselves are
vouched for only with the fingerprint their owner reads out."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.core.chain import signing
from app.core.chain.ledger import Ledger, details_of
from app.core.checks import trail_replay
from app.core.errors import ConflictError, InvalidInputError, PermissionDeniedError, SignInError
from app.core.integrity.trail_accounts import account_events, starts_with_os_user
from app.core.people import users
from app.core.people.users import resolve_actor
from app.core.policy.store_policy import set_policy
from app.core.sign_in import accounts, key_registry
from app.core.store import audit
from app.core.store.database import Store
from app.core.store.models import AuditEvent, Role


def _upgraded_store_without_its_first_account(store: Store) -> None:
    """boss made the store before passwords (people signed in by system name; no keys),
    added alice (administrator) and olive (officer), then left: alice deactivates him. alice
    and olive set their own passwords (keys they register themselves, unvouched), and alice
    turns password sign-in on."""
    with store.transaction() as session:
        boss = resolve_actor(session, "boss")  # the first account, keyless
        set_policy(session, boss, sign_in="os_user")
        users.add_user(session, boss, "alice", Role.ADMINISTRATOR)
        users.add_user(session, boss, "olive", Role.DISCLOSURE_OFFICER)
    with store.transaction() as session:
        users.update_user(session, resolve_actor(session, "alice"), "boss", active=False)
    for name in ("alice", "olive"):
        with store.transaction() as session:
            accounts.set_password(session, resolve_actor(session, name), name,
                                  f"{name}'s long password")
    with store.transaction() as session:
        set_policy(session, resolve_actor(session, "alice"), sign_in="password")
    store.signers.clear()  # a new process: nobody's key is open


def test_an_administrator_takes_over_the_root_and_vouches_for_others(store: Store) -> None:
    _upgraded_store_without_its_first_account(store)
    with store.read() as session:
        assert not key_registry.root_claimed(session)
        assert trail_replay.replay(session).self_registered == ["alice", "olive"]
    with store.transaction() as session:
        alice = resolve_actor(session, "alice")
        with pytest.raises(InvalidInputError, match="why"):
            key_registry.claim_root(session, alice, "  ", "alice's long password")
        with pytest.raises(SignInError, match="cannot be opened"):
            key_registry.claim_root(session, alice, "boss retired", "a wrong password")
        status = key_registry.claim_root(session, alice, "boss retired in 2025",
                                         "alice's long password")
    assert status.root and status.vouched
    with store.transaction() as session, pytest.raises(ConflictError, match="already has"):
        key_registry.claim_root(session, resolve_actor(session, "alice"), "again")

    # olive reads her fingerprint from her own session; alice types it
    with store.read() as session:
        olive_key = key_registry.own_key(session, "olive", "olive's long password")
    assert not olive_key.vouched and olive_key.fingerprint
    with store.transaction() as session:
        alice = resolve_actor(session, "alice")
        with pytest.raises(InvalidInputError, match="not the fingerprint"):
            key_registry.vouch_key(session, alice, "olive", "0000 1111 2222 3333")
        with pytest.raises(ConflictError, match="their own"):
            key_registry.vouch_key(session, alice, "alice", status.fingerprint)
        vouched = key_registry.vouch_key(session, alice, "olive",
                                         olive_key.fingerprint.upper().replace(" ", ""))
    assert vouched.vouched and not vouched.root
    with store.transaction() as session, pytest.raises(PermissionDeniedError):
        key_registry.vouch_key(session, resolve_actor(session, "olive"), "alice",
                               status.fingerprint)

    with store.read() as session:
        report = trail_replay.replay(session)
        events = session.scalars(select(AuditEvent).where(
            AuditEvent.action == "user.key").order_by(AuditEvent.seq)).all()
        # what bwv-verify rebuilds from a seal that carries olive's accounts events
        ledger = Ledger(os_user_sign_in=starts_with_os_user(session))
        for event in account_events(session, ["olive"]):
            ledger.process(event)
    assert report.ok, report.findings
    assert report.self_registered == []
    handover = details_of({"details": events[-2].details})
    assert (handover["handed_over_from"], handover["reason"]) == ("boss", "boss retired in 2025")
    assert not ledger.problems and ledger.root_holder == "alice"
    assert ledger.account("olive") is not None and ledger.account("olive").vouched


def test_the_root_stays_with_an_active_first_account(store: Store) -> None:
    _upgraded_store_without_its_first_account(store)
    with store.transaction() as session:
        users.update_user(session, resolve_actor(session, "alice"), "boss", active=True)
    with store.transaction() as session, pytest.raises(ConflictError, match="first account"):
        key_registry.claim_root(session, resolve_actor(session, "alice"), "boss is away",
                                "alice's long password")
    with store.transaction() as session, pytest.raises(PermissionDeniedError):
        key_registry.claim_root(session, resolve_actor(session, "olive"), "me",
                                "olive's long password")


def test_a_root_claim_the_rules_do_not_allow_is_reported(store: Store) -> None:
    """An officer who writes her own hand-over into the store (signed with her own key, the
    chain recomputed by the app itself) is caught by the replay."""
    _upgraded_store_without_its_first_account(store)
    with store.transaction() as session:
        olive = resolve_actor(session, "olive")
        signing.signers(session)["olive"] = signing.unseal(olive.sealed_key or "",
                                                           "olive's long password", "olive")
        audit.record(session, "olive", "user.key", "user", olive.id,
                     {"name": "olive", "public_key": olive.public_key, "root": True,
                      "registered_by": "self", "reason": "nobody else will"})
    with store.read() as session:
        report = trail_replay.replay(session)
        assert key_registry.key_status(session, "olive").vouched is False
    assert any(f.kind == "role" and "claims the root key" in f.message
               for f in report.findings), report.findings
