"""Attacks on the store and the files beside an export, by someone who has read the code.

Each attack runs on a copy of one signed scenario (an administrator, an officer and a
supervisor with passwords and keys; a case whose approved export was written), opened on a
computer that never held a witness file. Each must be reported by the checks that need no
witness: the chain walk, the signature check and state replay, and the export re-hash.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from app.core.casework.disclosure_pack import build_pack
from app.core.chain import chain_format, signing
from app.core.checks import trail_replay
from app.core.export.verify import verify_exports
from app.core.integrity.anchors import check_folder, write_checkpoint
from app.core.library.footage import VerifyStatus
from app.core.people.users import resolve_actor
from app.core.policy.store_policy import set_policy
from app.core.sign_in import accounts
from app.core.store import audit
from app.core.store.database import Store
from app.core.store.models import AuditEvent, ExportRecord, RedactionPlanRecord
from tests.conftest import make_approved_export

PASSWORDS = {"admin": "admin's long password", "officer": "officer's long password",
             "sup": "supervisor's long password"}


@dataclass(frozen=True)
class Scenario:
    url: str
    export_id: int
    video: Path
    manifest: Path
    anchors: Path  # the disclosure share and the checkpoints kept outside the store
    old_url: str  # a copy of the store taken before the pack and the last checkpoint


def _build(url: str, folder: Path) -> Scenario:
    with Store(url, folder / "builder-data") as store:
        with store.transaction() as session:
            accounts.create_first_administrator(session, "admin", PASSWORDS["admin"])
        accounts.sign_in(store, "admin", PASSWORDS["admin"])
        export_id, _out = make_approved_export(
            store, folder, "admin", {k: v for k, v in PASSWORDS.items() if k != "admin"})
        with store.read() as session:
            row = session.get(ExportRecord, export_id)
            assert row is not None
            video, manifest = Path(row.path), Path(row.manifest_path)
        with store.transaction() as session:  # a store rule, set by the administrator
            set_policy(session, resolve_actor(session, "admin"), lockout_after=7)
        old_url = _copy_store(store, url, folder / "old.sqlite3")
        share, safe = folder / "share", folder / "safe"
        share.mkdir()
        safe.mkdir()
        build_pack(store, "officer", export_id, share)
        with store.transaction() as session:
            write_checkpoint(session, store.store_id, resolve_actor(session, "admin"),
                             safe / "head.bwv-anchor.json")
        if store.engine.dialect.name == "sqlite":  # the victims copy the file
            with store.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return Scenario(url, export_id, video, manifest, folder, old_url)


def _copy_store(store: Store, url: str, sqlite_copy: Path) -> str:
    """A copy of the store as it is now (SQLite: a file; PostgreSQL: a database)."""
    if store.engine.dialect.name == "sqlite":
        with store.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        shutil.copy(str(make_url(url).database), sqlite_copy)
        return f"sqlite:///{sqlite_copy}"
    store.engine.dispose()  # a template must have no connections
    parsed = make_url(url)
    name = f"{parsed.database}_old"
    admin = create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{parsed.database}"'))
    admin.dispose()
    return parsed.set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def scenario(request: pytest.FixtureRequest,
             tmp_path_factory: pytest.TempPathFactory) -> Iterator[Scenario]:
    folder = tmp_path_factory.mktemp("tamper")
    if request.param == "sqlite":
        yield _build(f"sqlite:///{folder / 'template.sqlite3'}", folder)
        return
    server: str = request.getfixturevalue("postgres_server")
    name = f"bwv_tpl_{uuid.uuid4().hex[:10]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield _build(make_url(server).set(database=name).render_as_string(
            hide_password=False), folder)
    finally:
        with admin.connect() as conn:
            for db in (name, f"{name}_old"):
                conn.execute(text(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def victim(scenario: Scenario, tmp_path: Path) -> Iterator[Store]:
    """A copy of the scenario's store, opened where no witness was ever written."""
    saved = {p: p.read_bytes() for p in (scenario.video, scenario.manifest)}
    url = make_url(scenario.url)
    if url.get_backend_name() == "sqlite":
        copy = tmp_path / "victim.sqlite3"
        shutil.copy(str(url.database), copy)
        victim_url = f"sqlite:///{copy}"
        drop = None
    else:
        name = f"bwv_victim_{uuid.uuid4().hex[:10]}"
        admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{url.database}"'))
        victim_url = url.set(database=name).render_as_string(hide_password=False)
        drop = name
    store = Store(victim_url, tmp_path / "elsewhere")
    try:
        yield store
    finally:
        store.close()
        for path, data in saved.items():
            path.write_bytes(data)
        if drop is not None:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{drop}" WITH (FORCE)'))
            admin.dispose()


def problems(store: Store, anchors_dir: Path | None = None) -> list[str]:
    """Everything the witness-free checks report (with the anchors found in a folder)."""
    found: list[str] = []
    if anchors_dir is not None:
        with store.read() as session:
            found += [f"anchor: {c.message}" for c in check_folder(
                session, store.store_id, anchors_dir) if not c.ok]
    chain = audit.verify(store)
    if not chain.ok:
        found.append(f"chain {chain.kind}: {chain.problem}")
    with store.read() as session:
        found += [f"{f.kind}: {f.message}" for f in trail_replay.replay(session).findings]
    found += [c.message for c in verify_exports(store)
              if c.status in (VerifyStatus.CHANGED, VerifyStatus.UNREADABLE)]
    return found


def _sql(store: Store, sql: str, **params: object) -> None:
    with store.engine.begin() as conn:
        conn.execute(text(sql), params)


def _untriggered(store: Store, *statements: str, table: str = "audit_events",
                 **params: object) -> None:
    """Drop a table's append-only triggers (a determined insider can), then run
    ``statements``."""
    _drop_triggers(store, table)
    for sql in statements:
        _sql(store, sql, **params)


def _self_promote(store: Store) -> None:
    """The officer makes herself administrator, with an event she signs herself."""
    _append(store, "officer", "user.update", {"role": ["disclosure_officer", "administrator"]},
            _officer_key(store), "user", "2")
    _sql(store, "UPDATE users SET role='administrator' WHERE name='officer'")


def _drop_triggers(store: Store, table: str = "audit_events") -> None:
    with store.engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text(f"DROP TRIGGER {table}_append_only ON {table}"))
        else:
            conn.execute(text(f"DROP TRIGGER {table}_no_update"))
            conn.execute(text(f"DROP TRIGGER {table}_no_delete"))


def _ghost_promotion(store: Store) -> None:
    """An unsigned role change by a name that has no account, and the row changed to match
    (it passes PostgreSQL's users trigger: an event says so)."""
    _append(store, "it-support", "user.update",
            {"role": ["disclosure_officer", "supervisor"]}, None, "user", "2")
    _sql(store, "UPDATE users SET role='supervisor' WHERE name='officer'")


def _events(store: Store) -> list[AuditEvent]:
    with store.read() as session:
        return list(session.scalars(select(AuditEvent).order_by(AuditEvent.seq)))


def _seq_of(store: Store, action: str) -> int:
    return next(e.seq for e in _events(store) if e.action == action)


def _append(store: Store, actor: str, action: str, details: dict[str, object],
            key: signing.Ed25519PrivateKey | None = None, object_type: str = "redaction_plan",
            object_id: str = "1") -> None:
    """Append an event with a correct hash (the forger knows the algorithm)."""
    last = _events(store)[-1]
    forged = AuditEvent(seq=last.seq + 1, occurred_at=last.occurred_at, actor=actor,
                        action=action, object_type=object_type, object_id=object_id,
                        case_id=last.case_id, footage_id=last.footage_id,
                        details=audit.canonical_json(details), prev_hash=last.hash)
    forged.hash = audit.event_hash(forged)
    forged.signature = signing.sign_event(key, forged.hash) if key else None
    with store.transaction() as session:
        session.add(forged)


def _rehash_from(store: Store, seq: int, change: Callable[[AuditEvent], None]) -> None:
    """Change event ``seq`` and recompute every later hash (signatures cannot be redone)."""
    _drop_triggers(store)
    prev = audit.GENESIS_HASH
    with store.transaction() as session:
        for event in session.scalars(select(AuditEvent).order_by(AuditEvent.seq)):
            if event.seq == seq:
                change(event)
            if event.seq >= seq:
                event.prev_hash = prev
                event.hash = audit.event_hash(event)
            prev = event.hash


def _officer_key(store: Store) -> signing.Ed25519PrivateKey:
    """The attacker is the officer: she knows her own password."""
    with store.read() as session:
        sealed = session.scalar(text("SELECT sealed_key FROM users WHERE name='officer'"))
    return signing.unseal(str(sealed), PASSWORDS["officer"], "officer")


def _approval_details(store: Store) -> dict[str, object]:
    approve = next(e for e in _events(store) if e.action == "plan.approve")
    return dict(json.loads(approve.details))


def _flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0xFF
    path.write_bytes(bytes(data))


ATTACKS: dict[str, Callable[[Store, Scenario], None]] = {
    # caught by the chain on any computer already
    "edit an event": lambda s, _c: _untriggered(
        s, "UPDATE audit_events SET details='{\"note\":\"fine\"}' WHERE seq=:n",
        n=_seq_of(s, "plan.approve")),
    "delete an event": lambda s, _c: _untriggered(
        s, "DELETE FROM audit_events WHERE seq=:n", n=_seq_of(s, "plan.approve")),
    "reorder two events": lambda s, _c: _untriggered(
        s, "UPDATE audit_events SET seq=100000 WHERE seq=3",
        "UPDATE audit_events SET seq=3 WHERE seq=4",
        "UPDATE audit_events SET seq=4 WHERE seq=100000"),
    "one byte of the MP4": lambda _s, c: _flip(c.video, 2000),
    "one byte of the manifest": lambda _s, c: _flip(c.manifest, 40),
    # needed the witness before signatures
    "forged insert, chain recomputed": lambda s, _c: _rehash_from(
        s, _seq_of(s, "plan.approve"),
        lambda e: setattr(e, "details", audit.canonical_json({"note": "by sam"}))),
    "whole chain rewritten": lambda s, _c: _rehash_from(
        s, 2, lambda e: setattr(e, "occurred_at", "2020-01-01T00:00:00.000000Z")),
    # caught nowhere before
    "approval appended in the supervisor's name": lambda s, _c: _append(
        s, "sup", "plan.approve", _approval_details(s)),
    "approval appended, signed with the officer's key": lambda s, _c: _append(
        s, "sup", "plan.approve", _approval_details(s), _officer_key(s)),
    "signature removed from an event": lambda s, _c: _untriggered(
        s, "UPDATE audit_events SET signature=NULL WHERE seq=:n",
        n=_seq_of(s, "plan.approve")),
    "role changed by SQL": lambda s, _c: _sql(
        s, "UPDATE users SET role='administrator' WHERE name='officer'"),
    "self-promotion by a signed event": lambda s, _c: _self_promote(s),
    "account inserted by SQL": lambda s, _c: _sql(
        s, "INSERT INTO users (name, role, active, created_at) "
           "VALUES ('mallory', 'administrator', true, CURRENT_TIMESTAMP)"),
    "supervisor's key replaced": lambda s, _c: _replace_key(s, "sup"),
    "key registered for someone else": lambda s, _c: _append(
        s, "officer", "user.key", {"name": "sup", "public_key": signing.public_hex(
            _officer_key(s))}, _officer_key(s), "user", "3"),
    "footage row swapped to another file": lambda s, _c: _sql(
        s, "UPDATE footage SET sha256=:h, original_path='/tmp/other.mp4'",
        h=hashlib.sha256(b"other").hexdigest()),
    "case reference and type changed": lambda s, _c: _sql(
        s, "UPDATE cases SET reference='SAR-1234', case_type='court_exhibit'"),
    "export row edited": lambda s, c: _sql(
        s, "UPDATE exports SET sha256=:h WHERE id=:i", h=hashlib.sha256(b"x").hexdigest(),
        i=c.export_id),
    "plan row edited": lambda s, _c: _sql(
        s, "UPDATE redaction_plans SET plan='{}', plan_sha256=:h",
        h=hashlib.sha256(b"{}").hexdigest()),
    "store rule inserted": lambda s, _c: _sql(
        s, "INSERT INTO store_info (key, value) VALUES ('policy:000099', "
           "'{\"sign_in\": \"password\", \"require_approval\": false}')"),
    "role given by someone with no account": lambda s, _c: _ghost_promotion(s),
    "store id changed": lambda s, _c: _untriggered(
        s, "UPDATE store_info SET value = 'another' WHERE key = 'store_id'", table="store_info"),
    "store rule edited": lambda s, _c: _untriggered(
        s, "UPDATE store_info SET value = '{\"sign_in\": \"password\", "
           "\"require_approval\": false, \"lockout_after\": 0}' WHERE key = 'policy:000001'",
        table="store_info"),
    "store rule deleted": lambda s, _c: _untriggered(
        s, "DELETE FROM store_info WHERE key = 'policy:000001'", table="store_info"),
    "newest events cut off": lambda s, _c: _untriggered(
        s, "DELETE FROM audit_events WHERE seq > (SELECT max(seq) - 2 FROM audit_events)"),
    "export row inserted": lambda s, c: _sql(
        s, "INSERT INTO exports (footage_id, case_id, path, sha256, size_bytes, "
           "manifest_path, manifest_sha256, plan_sha256, created_at) SELECT footage_id, "
           "case_id, '/tmp/forged.mp4', sha256, size_bytes, manifest_path, manifest_sha256, "
           "plan_sha256, created_at FROM exports WHERE id=:i", i=c.export_id),
}


# Refused outright by PostgreSQL (the users trigger of pg_roles), even for its superuser.
STOPPED_BY_POSTGRESQL = {"role changed by SQL", "account inserted by SQL",
                         "supervisor's key replaced"}
# What each attack must be reported as (the first words of the finding).
EXPECTED = {
    "edit an event": "chain edited", "delete an event": "chain deleted",
    "reorder two events": "chain reordered", "one byte of the MP4": "export #1: the video",
    "one byte of the manifest": "export #1: the manifest",
    "forged insert, chain recomputed": "signature: The signature of event",
    "whole chain rewritten": "signature: The signature of event #2",
    "approval appended in the supervisor's name": "unsigned: The event",
    "approval appended, signed with the officer's key": "signature: The signature of event",
    "signature removed from an event": "unsigned: The event",
    "role changed by SQL": "users: The users row #2 (officer) has role",
    "self-promotion by a signed event": "role: Event",
    "account inserted by SQL": "users: The users row #4 (mallory) was not made",
    "supervisor's key replaced": "users: The users row #3 (sup) has signing key",
    "key registered for someone else": "role: Event",
    "footage row swapped to another file": "footage: The footage row #1",
    "export row edited": "exports: The export row #1",
    "case reference and type changed": "cases: The case row #1 is SAR-1234 (court_exhibit)",
    "plan row edited": "plans: The redaction plan #1",
    "store rule inserted": "rules: The store rule policy:000099",
    "export row inserted": "exports: The export row #2",
    "newest events cut off": "anchor: ",
    "role given by someone with no account": "role: Event",
    "store id changed": "store: The store's id was changed",
    "store rule edited": "rules: The store rule policy:000001 differs",
    "store rule deleted": "rules: The store rule policy:000001 that an event set is missing",
}


def _replace_key(store: Store, name: str) -> None:
    """Give an account a key pair (and password) the attacker made, to sign as them."""
    key = signing.new_key()
    _sql(store, "UPDATE users SET public_key=:p, sealed_key=:s, password_hash=:h "
                "WHERE name=:n", p=signing.public_hex(key),
         s=signing.seal(key, "attacker's password", name),
         h=accounts.hash_password("attacker's password"), n=name)
    _append(store, name, "plan.approve", _approval_details(store), key)


def test_the_untouched_scenario_verifies_without_a_witness(victim: Store,
                                                           scenario: Scenario) -> None:
    assert problems(victim, scenario.anchors) == []
    with victim.read() as session:
        checks = check_folder(session, victim.store_id, scenario.anchors)
    # the export's manifest (also inside the pack), the pack's anchor, the checkpoint; and
    # the two audit extracts (beside the export, in the pack); the pack's list of files
    assert len(checks) == 7 and all(c.ok for c in checks), checks
    with victim.read() as session:
        report = trail_replay.replay(session)
    assert report.signed > 10 and report.self_registered == []
    assert report.unsigned == 0  # every account here has a key


@pytest.mark.parametrize("attack", list(ATTACKS))
def test_each_attack_is_detected_without_a_witness(victim: Store, scenario: Scenario,
                                                   attack: str) -> None:
    assert problems(victim, scenario.anchors) == []
    try:
        ATTACKS[attack](victim, scenario)
    except DBAPIError as exc:  # the users table moves only with its audit events
        assert victim.engine.dialect.name == "postgresql", exc
        assert attack in STOPPED_BY_POSTGRESQL and "audit event" in str(exc.orig), exc
        assert problems(victim, scenario.anchors) == []
        return
    assert attack not in STOPPED_BY_POSTGRESQL or victim.engine.dialect.name == "sqlite"
    found = problems(victim, scenario.anchors)
    assert any(p.startswith(EXPECTED[attack]) for p in found), (attack, found)


def test_a_forged_approval_is_not_obeyed(victim: Store) -> None:
    """The officer edits the plan, then forges the supervisor's approval of it: exports and
    packs must not treat the plan as approved; the supervisor's own signature does."""
    from app.core.redaction import plan_edits
    from app.core.redaction.approval import ApprovalState, approval_of
    from app.core.redaction.plan import RedactionPlan
    from app.core.redaction.plans import save_plan

    with victim.transaction() as session:
        record = session.scalars(select(RedactionPlanRecord)).one()
        fid, cid, plan_id = record.footage_id, record.case_id, record.id
        edited, _text = plan_edits.add_mute(RedactionPlan.from_json(record.plan), 0.1, 0.2,
                                            "Third party - s.40(2) FOIA / DPA 2018")
        sha = save_plan(session, resolve_actor(session, "officer"), fid, cid, edited)
    details = {"plan_sha256": sha, "note": "looks fine"}
    _append(victim, "sup", "plan.approve", details, _officer_key(victim),
            object_id=str(plan_id))
    _append(victim, "sup", "plan.approve", details, None, object_id=str(plan_id))
    with victim.read() as session:
        assert approval_of(session, fid, cid, sha).state is ApprovalState.NOT_REQUESTED
    with victim.read() as session:
        sealed = str(session.scalar(text("SELECT sealed_key FROM users WHERE name='sup'")))
    _append(victim, "sup", "plan.approve", details,
            signing.unseal(sealed, PASSWORDS["sup"], "sup"), object_id=str(plan_id))
    with victim.read() as session:
        assert approval_of(session, fid, cid, sha).state is ApprovalState.APPROVED


def test_an_older_copy_of_the_store_is_caught_by_the_anchors(scenario: Scenario,
                                                             tmp_path: Path) -> None:
    """The store restored from a copy taken before the pack: everything in it is consistent,
    but the pack's and the checkpoint's anchors name events it does not hold."""
    with Store(scenario.old_url, tmp_path / "elsewhere") as old:
        assert problems(old) == []
        found = problems(old, scenario.anchors)
    assert any("no longer holds event" in p and "head.bwv-anchor.json" in p for p in found), found


def test_a_password_reset_changes_nothing_already_signed(victim: Store,
                                                         scenario: Scenario) -> None:
    """An administrator resets the officer's and the supervisor's passwords (new keys): the
    anchors they signed before, the approval and the whole trail still verify."""
    from app.core.redaction.approval import ApprovalState, approval_of

    accounts.sign_in(victim, "admin", PASSWORDS["admin"])
    with victim.transaction() as session:
        admin = resolve_actor(session, "admin")
        for name in ("officer", "sup"):
            accounts.set_password(session, admin, name, f"{name}'s new long password")
    assert problems(victim, scenario.anchors) == []
    with victim.read() as session:
        record = session.scalars(select(RedactionPlanRecord)).one()
        found = approval_of(session, record.footage_id, record.case_id, record.plan_sha256)
    assert found.state is ApprovalState.APPROVED


def test_the_store_id_cannot_be_taken_away(victim: Store, tmp_path: Path) -> None:
    """Without its id a store would disown every anchor and witness: it no longer opens."""
    from app.core.errors import BwvError

    _untriggered(victim, "DELETE FROM store_info WHERE key = 'store_id'", table="store_info")
    with pytest.raises(BwvError, match="id is gone"):
        Store(victim.url, tmp_path / "again")


def test_an_inserted_rule_row_is_not_obeyed(victim: Store) -> None:
    """A store_info row no administrator's event set (e.g. 'sign in by OS name') is ignored
    by the application and reported by verify."""
    from app.core.policy.store_policy import SignIn, load_policy

    _sql(victim, "INSERT INTO store_info (key, value) VALUES ('policy:000050', "
                 "'{\"sign_in\": \"os_user\", \"require_approval\": false}')")
    with victim.read() as session:
        policy = load_policy(session)
        assert policy.sign_in is SignIn.PASSWORD and policy.require_approval
        assert policy.lockout_after == 7  # the administrator's rule
        assert any("policy:000050" in f.message for f in trail_replay.replay(session).findings)


def test_normal_work_in_os_user_mode_and_after_a_deactivation_verifies(victim: Store) -> None:
    """The administrator switches to sign-in by OS name (no keys can be opened then) and
    adds an account with a password; the supervisor is deactivated: nothing is reported as
    tampering, and the approval the supervisor gave still stands."""
    from app.core.people.users import add_user, update_user
    from app.core.redaction.approval import ApprovalState, approval_of

    accounts.sign_in(victim, "admin", PASSWORDS["admin"])
    with victim.transaction() as session:
        set_policy(session, resolve_actor(session, "admin"), sign_in="os_user")
    victim.signers.clear()  # nobody gives a password now
    with victim.transaction() as session:
        admin = resolve_actor(session, "admin")
        add_user(session, admin, "newbie", "case_staff",
                 accounts.new_credentials("newbie's long password", "newbie"))
        update_user(session, admin, "sup", active=False)
    with victim.read() as session:
        report = trail_replay.replay(session)
        assert report.ok, report.findings
        assert "newbie" in report.self_registered  # registered without the admin's signature
        record = session.scalars(select(RedactionPlanRecord)).one()
        found = approval_of(session, record.footage_id, record.case_id, record.plan_sha256)
    assert found.state is ApprovalState.APPROVED


def test_an_account_without_a_key_cannot_be_impersonated(victim: Store) -> None:
    """A supervisor account with no password (so no key) cannot sign in while passwords are
    required: an unsigned approval in its name is forged, reported and not obeyed."""
    from app.core.people.users import add_user
    from app.core.redaction.approval import ApprovalState, approval_of

    accounts.sign_in(victim, "admin", PASSWORDS["admin"])
    with victim.transaction() as session:
        add_user(session, resolve_actor(session, "admin"), "sup2", "supervisor")
        record = session.scalars(select(RedactionPlanRecord)).one()
        fid, cid, plan_id = record.footage_id, record.case_id, record.id
    _append(victim, "sup2", "plan.approve", {"plan_sha256": "ab" * 32, "note": ""},
            object_id=str(plan_id))
    with victim.read() as session:
        assert approval_of(session, fid, cid, "ab" * 32).state is ApprovalState.NOT_REQUESTED
        findings = trail_replay.replay(session).findings
    assert any(f.kind == "unsigned" and "sup2" in f.message for f in findings), findings


def test_a_made_up_extract_is_caught_by_the_store(victim: Store, scenario: Scenario,
                                                  tmp_path: Path) -> None:
    """An insider rewrites an event in an export's audit extract (hash recomputed, even
    re-sealed): the store does not hold that event, and says so."""
    folder = tmp_path / "court-bundle"
    shutil.copytree(scenario.video.parent, folder)
    path = folder / "SAR-9.audit.jsonl"
    rows = [json.loads(line) for line in path.read_text().splitlines()]
    rows[0]["details"] = {"note": "nothing to see"}
    rows[0]["hash"] = chain_format.event_hash_of({**rows[0], "details": audit.canonical_json(
        rows[0]["details"])})
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    with victim.read() as session:
        checks = check_folder(session, victim.store_id, folder)
    assert any(not c.ok and f"does not hold events [{rows[0]['seq']}]" in c.message
               for c in checks), checks
