"""The fourth attacker review's findings (issue 15), each replayed on a copy of the signed
scenario of ``test_tampering``: keys slipped into keyless accounts, unvouched keys deciding,
a plan moved to another case, export rows and files moved, re-sealed extracts and packs by
an insider with her own key, approvals of one's own edit, and a truncated store checked on a
computer that never held a witness."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select, text

from app.core.chain import chain_format, signing
from app.core.checks import trail_replay
from app.core.errors import PermissionDeniedError
from app.core.export.verify import verify_exports
from app.core.integrity.anchors import check_folder
from app.core.integrity.trail_accounts import account_events
from app.core.library.footage import VerifyStatus
from app.core.people.users import add_user, resolve_actor, update_user
from app.core.policy.store_policy import set_policy
from app.core.redaction.approval import ApprovalState, approval_of
from app.core.sign_in import accounts, key_registry
from app.core.store import audit
from app.core.store.database import Store
from app.core.store.models import RedactionPlanRecord, Role
from app.verifier.bundle_check import check
from tests.core import test_tampering
from tests.core.test_tampering import PASSWORDS, Scenario, _append, _officer_key, _sql, problems

scenario, victim = test_tampering.scenario, test_tampering.victim  # the same fixtures


def _key(store: Store, name: str, password: str) -> signing.Ed25519PrivateKey:
    with store.read() as session:
        sealed = session.scalar(text("SELECT sealed_key FROM users WHERE name=:n"), {"n": name})
    return signing.unseal(str(sealed), password, name)


def _plan(store: Store) -> RedactionPlanRecord:
    with store.read() as session:
        record = session.scalars(select(RedactionPlanRecord)).one()
        session.expunge(record)
    return record


def _read_extract(path: Path) -> tuple[list[dict[str, object]], dict[str, object]]:
    rows = [json.loads(line) for line in path.read_text().split("\n") if line.strip()]
    return rows[:-1], rows[-1]["seal"]


def _reseal(path: Path, events: list[dict[str, object]], seal: dict[str, object],
            key: signing.Ed25519PrivateKey) -> None:
    """What an insider with her own key does: the seal recomputed over her lines, signed."""
    body = "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in events)
    seal = {**seal, "lines": len(events),
            "lines_sha256": hashlib.sha256(body.encode()).hexdigest(),
            "public_key": signing.public_hex(key), "signature": None}
    seal["signature"] = key.sign(chain_format.seal_message(seal)).hex()
    path.write_text(body + json.dumps({"seal": seal}, ensure_ascii=False) + "\n")


def _resum(folder: Path, key: signing.Ed25519PrivateKey, signer: str) -> None:
    names = sorted(p.name for p in folder.iterdir()
                   if p.name not in (chain_format.PACK_SUMS, chain_format.PACK_SUMS_SIGNATURE))
    data = "".join(f"{hashlib.sha256((folder / n).read_bytes()).hexdigest()}  {n}\n"
                   for n in names).encode()
    (folder / chain_format.PACK_SUMS).write_bytes(data)
    (folder / chain_format.PACK_SUMS_SIGNATURE).write_text(json.dumps({
        "signed_by": signer, "public_key": signing.public_hex(key),
        "signature": key.sign(chain_format.sums_message(data)).hex()}))


def _demoted_supervisor_approves(victim: Store, scenario: Scenario, tmp_path: Path) -> tuple[
        Path, Path, list[dict[str, object]], dict[str, object], list[dict[str, object]]]:
    """The administrator demotes the supervisor, who then appends an approval signed with her
    own key; a copy of the export folder, its extract's lines with that approval added, its
    seal, and the three accounts' events as the store would seal them."""
    accounts.sign_in(victim, "admin", PASSWORDS["admin"])
    with victim.transaction() as session:
        update_user(session, resolve_actor(session, "admin"), "sup", role="disclosure_officer")
    plan = _plan(victim)
    _append(victim, "sup", "plan.approve", {"plan_sha256": plan.plan_sha256, "note": "late"},
            _key(victim, "sup", PASSWORDS["sup"]), object_id=str(plan.id))
    folder = tmp_path / "bundle"
    shutil.copytree(scenario.video.parent, folder)
    path = next(folder.glob("*.audit.jsonl"))
    events, seal = _read_extract(path)
    with victim.read() as session:
        keys = account_events(session, ["officer", "sup", "admin"])
        forged = session.execute(text("SELECT * FROM audit_events ORDER BY seq DESC LIMIT 1")
                                 ).mappings().one()
    events.append({**{k: forged[k] for k in audit.EXPORT_FIELDS},
                   "details": json.loads(forged["details"])})
    return folder, path, events, seal, keys


def test_a_key_slipped_into_an_account_without_a_password_is_forged(victim: Store) -> None:
    """An outsider registers a key of her own for a supervisor added without a password
    (so without a key), gives the row that key and a password, and approves with it."""
    accounts.sign_in(victim, "admin", PASSWORDS["admin"])
    with victim.transaction() as session:
        add_user(session, resolve_actor(session, "admin"), "sup2", Role.SUPERVISOR)
        uid = session.scalar(text("SELECT id FROM users WHERE name='sup2'"))
    plan = _plan(victim)
    key = signing.new_key()
    _append(victim, "sup2", "user.key", {"name": "sup2", "public_key": signing.public_hex(key),
                                         "registered_by": "self"}, key, "user", str(uid))
    _append(victim, "sup2", "plan.approve", {"plan_sha256": "cd" * 32, "note": "hijacked"},
            key, object_id=str(plan.id))
    found = problems(victim)
    assert any(p.startswith("role: Event") and "no password" in p for p in found), found
    with victim.read() as session:
        assert approval_of(session, plan.footage_id, plan.case_id,
                           "cd" * 32).state is ApprovalState.NOT_REQUESTED


def test_only_a_vouched_key_decides(victim: Store) -> None:
    """An administrator whose key nobody vouched for (she registered it herself, while the
    store let people sign in by system name) may not change the rules until vouched for; a
    rule change she writes into the store anyway is reported."""
    accounts.sign_in(victim, "admin", PASSWORDS["admin"])
    with victim.transaction() as session:
        admin = resolve_actor(session, "admin")
        add_user(session, admin, "admin2", Role.ADMINISTRATOR)
        set_policy(session, admin, sign_in="os_user")
    with victim.transaction() as session:
        accounts.set_password(session, resolve_actor(session, "admin2"), "admin2",
                              "admin2's long password")
    with victim.transaction() as session:
        set_policy(session, resolve_actor(session, "admin"), sign_in="password")
    with victim.transaction() as session, pytest.raises(PermissionDeniedError, match="vouched"):
        set_policy(session, resolve_actor(session, "admin2"), lockout_after=0)
    own = _key(victim, "admin2", "admin2's long password")
    _append(victim, "admin2", "policy.change", {"lockout_after": [7, 0]}, own, "policy", "x")
    found = problems(victim)
    assert any("vouched for" in p and "admin2" in p for p in found), found

    with victim.read() as session:
        fingerprint = key_registry.own_key(session, "admin2",
                                           "admin2's long password").fingerprint
    with victim.transaction() as session:
        key_registry.vouch_key(session, resolve_actor(session, "admin"), "admin2", fingerprint)
    with victim.transaction() as session:
        set_policy(session, resolve_actor(session, "admin2"), lockout_after=3)


def test_a_plan_moved_to_another_case_loses_its_approval(victim: Store) -> None:
    plan = _plan(victim)
    with victim.read() as session:
        assert approval_of(session, plan.footage_id, plan.case_id,
                           plan.plan_sha256).state is ApprovalState.APPROVED
    _sql(victim, "UPDATE redaction_plans SET case_id=NULL")
    with victim.read() as session:
        assert approval_of(session, plan.footage_id, None,
                           plan.plan_sha256).state is ApprovalState.NOT_REQUESTED
    found = problems(victim)
    assert any(p.startswith("plans: The redaction plan #1") and "saved for" in p
               for p in found), found


def test_export_rows_and_files_cannot_be_moved_out_of_sight(victim: Store,
                                                            scenario: Scenario) -> None:
    """A manifest path moved in the row (then the real manifest edited); an empty partial
    file beside an edited export; a manifest deleted beside its video."""
    _sql(victim, "UPDATE exports SET manifest_path='/nonexistent/x.manifest.json'")
    found = problems(victim)
    assert any(p.startswith("exports: The export row #1") and "manifest_path" in p
               for p in found), found
    _sql(victim, "UPDATE exports SET manifest_path=:p", p=str(scenario.manifest))
    assert problems(victim) == []

    marker = scenario.video.with_name(f".{scenario.video.name}.partial")
    marker.write_bytes(b"")
    try:
        scenario.video.write_bytes(scenario.video.read_bytes()[:-100])
        checks = verify_exports(victim)
        assert [c.status for c in checks] == [VerifyStatus.CHANGED], checks
    finally:
        marker.unlink()
    scenario.manifest.unlink()
    checks = verify_exports(victim)
    assert checks[0].status is VerifyStatus.CHANGED and "MISSING" in checks[0].message


def test_an_insider_cannot_repack_or_reseal_what_the_store_did_not_make(
        victim: Store, scenario: Scenario, tmp_path: Path) -> None:
    """The officer, with her own key: (1) puts another video into the pack, fixes the
    manifest, re-seals the extract and re-signs the list; bwv-verify cannot tell (it holds
    no store), the store can. (2) re-seals an export's extract saying the store began with
    sign-in by system name, so an unsigned approval would pass as merely unproven."""
    pack = tmp_path / "share" / "pack"
    shutil.copytree(next(p for p in (scenario.anchors / "share").iterdir() if p.is_dir()),
                    pack)
    officer = _officer_key(victim)
    video = next(pack.glob("*.mp4"))
    video.write_bytes(video.read_bytes()[:-200])  # "another" video
    manifest = next(pack.glob("*.manifest.json"))
    data = json.loads(manifest.read_text())
    data["output"]["sha256"] = hashlib.sha256(video.read_bytes()).hexdigest()
    manifest.write_text(json.dumps(data, indent=2))
    extract = pack / chain_format.PACK_EXTRACT
    events, seal = _read_extract(extract)
    seal["files"] = {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
                     for p in (video, manifest)}
    _reseal(extract, events, seal, officer)
    _resum(pack, officer, "officer")
    with victim.read() as session:
        checks = check_folder(session, victim.store_id, tmp_path / "share")
    bad = [c.message for c in checks if not c.ok]
    assert any("no export recorded in the store made" in m for m in bad), bad
    assert any("not the one any pack recorded" in m for m in bad), bad

    folder = tmp_path / "export"
    shutil.copytree(scenario.video.parent, folder)
    path = next(folder.glob("*.audit.jsonl"))
    events, seal = _read_extract(path)
    for event in events:
        if event["action"] == "plan.approve":
            details = dict(event["details"])  # type: ignore[call-overload]
            details["plan_sha256"] = "ab" * 32
            event.update(details=details, signature=None)
            event["hash"] = chain_format.event_hash_of(
                {**event, "details": chain_format.canonical_json(details)})
    _reseal(path, events, {**seal, "os_user_at_start": True}, officer)
    report = check(folder)
    assert not report.ok and any("not signed" in f.message for f in report.findings
                                 if f.outcome == "fail"), report.findings


def test_a_demotion_left_out_of_a_seal_is_caught_by_the_store(victim: Store,
                                                              scenario: Scenario,
                                                              tmp_path: Path) -> None:
    """The supervisor is demoted, then signs an approval with her own key; the officer seals
    an extract carrying it without the demotion. bwv-verify sees only what the seal carries;
    the store, given the folder, names the events left out. A deactivated sealer fails
    bwv-verify on its own."""
    folder, path, events, seal, keys = _demoted_supervisor_approves(victim, scenario, tmp_path)
    assert any(p.startswith("role: Event") for p in problems(victim))
    demotion = [e["seq"] for e in keys if e["action"] == "user.update"]
    _reseal(path, events, {**seal, "keys": [e for e in keys if e["seq"] not in demotion]},
            _officer_key(victim))
    with victim.read() as session:
        checks = check_folder(session, victim.store_id, folder)
    assert any(not c.ok and "leaves out account events" in c.message for c in checks), checks

    with victim.transaction() as session:
        update_user(session, resolve_actor(session, "admin"), "officer", active=False)
    with victim.read() as session:
        keys = account_events(session, ["officer", "sup", "admin"])
    _reseal(path, events, {**seal, "keys": keys}, _officer_key(victim))
    report = check(folder)
    assert any(f.outcome == "fail" and "deactivated" in f.message
               for f in report.findings), report.findings


def test_nobody_approves_their_own_edit(victim: Store) -> None:
    """The supervisor edits the plan (the app then refuses her approval) and writes her
    approval into the store anyway, signed with her own key."""
    from app.core.redaction import plan_edits
    from app.core.redaction.plan import RedactionPlan
    from app.core.redaction.plans import save_plan

    accounts.sign_in(victim, "sup", PASSWORDS["sup"])
    record = _plan(victim)
    with victim.transaction() as session:
        edited, _text = plan_edits.add_mute(RedactionPlan.from_json(record.plan), 0.3, 0.4,
                                            "Third party - s.40(2) FOIA / DPA 2018")
        sha = save_plan(session, resolve_actor(session, "sup"), record.footage_id,
                        record.case_id, edited)
    _append(victim, "sup", "plan.approve", {"plan_sha256": sha, "note": "mine"},
            _key(victim, "sup", PASSWORDS["sup"]), object_id=str(record.id))
    with victim.read() as session:
        assert approval_of(session, record.footage_id, record.case_id,
                           sha).state is ApprovalState.NOT_REQUESTED
        findings = trail_replay.replay(session).findings
    assert any("its own maker saved last" in f.message for f in findings), findings


# --- the fifth review --------------------------------------------------------------------

def test_an_administrator_cannot_swap_a_supervisors_key_through_a_vouch(victim: Store) -> None:
    """The administrator 'vouches' for a key of his own making as the supervisor's, signs
    an approval with it, then 'vouches' her real key back: a vouch never changes a key."""
    admin = _key(victim, "admin", PASSWORDS["admin"])
    with victim.read() as session:
        sup_id, sup_key = session.execute(text(
            "SELECT id, public_key FROM users WHERE name='sup'")).one()
    plan, fake = _plan(victim), signing.new_key()
    for key in (signing.public_hex(fake), None):
        if key is None:
            _append(victim, "sup", "plan.approve", {"plan_sha256": "ef" * 32, "note": "x"},
                    fake, object_id=str(plan.id))
            key = sup_key
        _append(victim, "admin", "user.key", {"name": "sup", "public_key": key,
                                              "by_administrator": True, "vouched": True},
                admin, "user", str(sup_id))
    found = problems(victim)
    assert any("vouches for a key that is not 'sup'" in p for p in found), found
    with victim.read() as session:
        assert approval_of(session, plan.footage_id, plan.case_id,
                           "ef" * 32).state is ApprovalState.NOT_REQUESTED


def test_a_store_with_keys_but_no_root_accepts_no_forged_decision(store: Store) -> None:
    """A store made before signing, on password sign-in, whose first account has no key
    yet: once anyone has a key, an unsigned event by a keyless account is forged, an account
    cannot make itself, and nobody approves until the store has a root."""
    from app.core.redaction.approval import decide

    with store.transaction() as session:
        boss = resolve_actor(session, "boss")  # keyless first account: no root
        add_user(session, boss, "sup2", Role.SUPERVISOR)  # no password
        add_user(session, boss, "sup3", Role.SUPERVISOR,
                 accounts.new_credentials("sup3's long password", "sup3"))
    accounts.sign_in(store, "sup3", "sup3's long password")
    with store.transaction() as session, pytest.raises(PermissionDeniedError, match="vouched"):
        decide(session, resolve_actor(session, "sup3"), 1, None, "ab" * 32, True)
    _append(store, "sup2", "plan.approve", {"plan_sha256": "ab" * 32, "note": ""})
    _append(store, "mallory", "user.create", {"name": "mallory", "role": "supervisor"},
            object_type="user", object_id="99")
    with store.read() as session:
        findings = [f"{f.kind}: {f.message}" for f in trail_replay.replay(session).findings]
    assert any(f.startswith("unsigned") and "sup2" in f for f in findings), findings
    assert any(f.startswith("role") and "mallory" in f for f in findings), findings


def test_an_export_of_the_original_or_of_an_unapproved_plan_is_reported(
        victim: Store, scenario: Scenario, tmp_path: Path) -> None:
    """An officer with her own key (a modified program) records the original as an export
    of the approved plan, and an export of a plan nobody approved."""
    plan = _plan(victim)
    with victim.read() as session:
        original = session.scalar(text("SELECT sha256 FROM footage"))
    for sha, plan_sha in ((original, plan.plan_sha256), ("12" * 32, "ab" * 32)):
        _append(victim, "officer", "export.create", {
            "path": "/tmp/x.mp4", "sha256": sha, "manifest_sha256": "34" * 32,
            "plan_sha256": plan_sha}, _officer_key(victim), "export", "77")
    found = problems(victim)
    assert any("as ingested: the original" in p for p in found), found
    assert any("no supervisor had approved" in p for p in found), found

    folder = tmp_path / "export"
    shutil.copytree(scenario.video.parent, folder)
    manifest = next(folder.glob("*.manifest.json"))
    data = json.loads(manifest.read_text())
    data["source"]["sha256"] = data["output"]["sha256"]
    manifest.write_text(json.dumps(data))
    report = check(folder)
    assert any(f.outcome == "fail" and "original recording itself" in f.message
               for f in report.findings), report.findings


def test_account_events_moved_out_of_a_seals_keys_are_still_missed_by_nobody(
        victim: Store, scenario: Scenario, tmp_path: Path) -> None:
    """The a3 extract again, but the account events (less the demotion) sit in the lines
    and the seal's keys are empty."""
    folder, path, events, seal, keys = _demoted_supervisor_approves(victim, scenario, tmp_path)
    kept = [e for e in keys if e["action"] != "user.update"]
    body = sorted([*events, *[{**e, "details": json.loads(e["details"])} for e in kept
                              if e["seq"] not in {x["seq"] for x in events}]],
                  key=lambda e: int(e["seq"]))  # type: ignore[arg-type]
    _reseal(path, body, {**seal, "keys": []}, _key(victim, "admin", PASSWORDS["admin"]))
    with victim.read() as session:
        checks = check_folder(session, victim.store_id, folder)
    assert any(not c.ok and "leaves out account events" in c.message for c in checks), checks


def test_a_role_the_app_does_not_know_is_a_finding_not_a_crash(victim: Store) -> None:
    if victim.engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL's users trigger refuses the change outright")
    _sql(victim, "UPDATE users SET role='SUPERVISOR' WHERE name='sup'")
    found = problems(victim)
    assert any(p.startswith("users: The users row") and "SUPERVISOR" in p for p in found), found


# --- the sixth review --------------------------------------------------------------------

def test_a_first_account_that_set_its_own_password_claims_the_root_once(store: Store) -> None:
    """Upgraded store: the first account sets its own password while people still sign in
    by system name (its key becomes the root), then signs in with it: no second claim."""
    with store.transaction() as session:
        boss = resolve_actor(session, "boss")
        set_policy(session, boss, sign_in="os_user")
    with store.transaction() as session:
        accounts.set_password(session, resolve_actor(session, "boss"), "boss",
                              "boss's long password")
    with store.transaction() as session:
        set_policy(session, resolve_actor(session, "boss"), sign_in="password")
    store.signers.clear()
    accounts.sign_in(store, "boss", "boss's long password")
    with store.read() as session:
        report = trail_replay.replay(session)
        assert key_registry.root_claimed(session)
    assert report.ok, report.findings
    assert report.root is not None and report.root[1] == "boss"


def test_a_pack_of_an_export_whose_plan_was_rejected_is_reported(victim: Store) -> None:
    from app.core.redaction.approval import decide

    plan = _plan(victim)
    accounts.sign_in(victim, "sup", PASSWORDS["sup"])
    with victim.transaction() as session:
        decide(session, resolve_actor(session, "sup"), plan.footage_id, plan.case_id,
               plan.plan_sha256, False, "the plate is still readable")
    with victim.read() as session:
        video, manifest = session.execute(text(
            "SELECT sha256, manifest_sha256 FROM exports WHERE id=1")).one()
    _append(victim, "officer", "pack.create", {"path": "/tmp/pack", "zip": False,
                                               "files": {"v.mp4": video, "m.json": manifest}},
            _officer_key(victim), "export", "1")
    # a pack of some other video credited to the approved export (review 7)
    _append(victim, "officer", "pack.create", {"path": "/tmp/pack2", "zip": False,
                                               "files": {"v.mp4": "56" * 32}},
            _officer_key(victim), "export", "1")
    found = problems(victim)
    assert any("disclosure pack of export #1, whose plan no supervisor had approved" in p
               for p in found), found
    assert any("does not hold that export's video and manifest" in p for p in found), found


def test_bwv_verify_binds_the_manifest_to_its_plan(scenario: Scenario, tmp_path: Path) -> None:
    folder = tmp_path / "export"
    shutil.copytree(scenario.video.parent, folder)
    assert check(folder).ok
    manifest = next(folder.glob("*.manifest.json"))
    data = json.loads(manifest.read_text())
    data["plan"]["mute"] = []  # another plan, under the approved plan's hash
    manifest.write_text(json.dumps(data))
    report = check(folder)
    assert any(f.outcome == "fail" and "not the plan its SHA-256 names" in f.message
               for f in report.findings), report.findings


def test_bwv_verify_refuses_an_approval_rejected_afterwards(victim: Store, scenario: Scenario,
                                                            tmp_path: Path) -> None:
    """Review 7: a supervisor rejects the approved plan; an extract that carries the
    rejection (here resealed by the officer, as a later pack's would be) no longer vouches
    for the manifest's approval. The same plan approved for other footage vouches for
    nothing either."""
    from app.core.redaction.approval import decide

    plan = _plan(victim)
    accounts.sign_in(victim, "sup", PASSWORDS["sup"])
    with victim.transaction() as session:
        decide(session, resolve_actor(session, "sup"), plan.footage_id, plan.case_id,
               plan.plan_sha256, False, "a face is still visible at 0:03")
    folder = tmp_path / "export"
    shutil.copytree(scenario.video.parent, folder)
    path = next(folder.glob("*.audit.jsonl"))
    events, seal = _read_extract(path)
    with victim.read() as session:
        last = session.execute(text("SELECT * FROM audit_events WHERE action = 'plan.reject' "
                                    "ORDER BY seq DESC LIMIT 1")  # (the case moved after it)
                               ).mappings().one()
    rejection = {**{k: last[k] for k in audit.EXPORT_FIELDS},
                 "details": json.loads(last["details"])}
    assert rejection["action"] == "plan.reject"
    _reseal(path, [*events, rejection], seal, _officer_key(victim))
    report = check(folder)
    assert any(f.outcome == "fail" and "rejected that plan afterwards" in f.message
               for f in report.findings), report.findings

    _reseal(path, events, seal, _officer_key(victim))  # as made: it passes again
    assert check(folder).ok
    manifest = next(folder.glob("*.manifest.json"))
    data = json.loads(manifest.read_text())
    data["source"]["footage_id"] = int(data["source"]["footage_id"]) + 1
    manifest.write_text(json.dumps(data))
    report = check(folder)
    assert any(f.outcome == "fail" and "for this footage" in f.message
               for f in report.findings), report.findings


# --- the twenty-first hunt ---------------------------------------------------------------

@pytest.mark.parametrize("edit, columns", [
    ("residual_findings=3", "residual_findings"),  # its check saw faces: release needs an answer
    ("created_by_id=3", "created_by_id"),  # made by the supervisor, not the officer
    ("created_at='2020-01-01'", "created_at"),  # the pack's "Exported" date
    ("created_at=created_at + INTERVAL '2 hours'", "created_at"),
    ("residual_findings=3, created_by_id=3, created_at='2020-01-01'",
     "residual_findings, created_by_id, created_at"),
])
def test_an_export_rows_findings_maker_and_time_are_those_its_event_recorded(
        victim: Store, edit: str, columns: str) -> None:
    if "INTERVAL" in edit and victim.engine.dialect.name == "sqlite":
        edit = "created_at=datetime(created_at, '+2 hours')"
    with victim.read() as session:
        assert session.scalar(text("SELECT residual_findings FROM exports WHERE id=1")) != 3
    _sql(victim, f"UPDATE exports SET {edit} WHERE id=1")
    found = problems(victim)
    assert any(p.startswith("exports: The export row #1") and
               p.endswith(f"differs from its export event: {columns}.") for p in found), found
