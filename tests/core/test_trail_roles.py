"""Every audited action judged against the role the audit trail itself gives its actor at
that moment, by the core's one permission matrix (``checks/action_permissions.py``): an
officer who raises his own role in the ``users`` table, does a supervisor's work and puts the
role back is reported by ``bwv audit verify``, event by event; the same work done while an
administrator had really made him supervisor verifies. And the map leaves out no action the
program records."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from app.core.casework import case_flow, cases
from app.core.chain.ledger import ADMIN_ONLY, ROLE_ACTIONS
from app.core.checks.action_permissions import ACTION_PERMISSIONS, needed
from app.core.jobs.queue import JobState
from app.core.library import footage
from app.core.library.ingest import ingest_paths
from app.core.library.retention_actions import apply_retention, set_legal_hold
from app.core.people.permissions import ROLE_PERMISSIONS
from app.core.people.users import resolve_actor, update_user
from app.core.sign_in import accounts
from app.core.store.database import Store
from app.core.store.models import Footage, Role
from tests.conftest import make_video
from tests.core import test_tampering
from tests.core.test_tampering import PASSWORDS, _sql, problems

scenario, victim = test_tampering.scenario, test_tampering.victim  # the same fixtures

APP = Path(__file__).resolve().parents[2] / "app"
# Calls that record an action held in a variable: (file, variable) -> the actions it holds
# (each must appear in that file). A new such call fails the test until it is listed here.
VARIABLE_ACTIONS = {
    ("core/redaction/approval.py", "action"): {"plan.approve", "plan.reject"},
    ("core/library/footage_links.py", "action"): {"case.link_footage", "case.unlink_footage"},
    ("core/jobs/queue.py", "action"): {"job.start"},  # and f"job.{outcome.value}"
}
JOB_STATES = {f"job.{state.value}" for state in JobState}


def _recorded_actions() -> set[str]:
    """Every action name the program records (``audit.record`` and the job queue's
    ``_audit``), read from its source."""
    found: set[str] = set()
    for path in sorted([*APP.joinpath("core").rglob("*.py"), *APP.joinpath("cli").rglob("*.py")]):
        source = path.read_text(encoding="utf-8")
        where = path.relative_to(APP).as_posix()
        for node in ast.walk(ast.parse(source)):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            if isinstance(func, ast.Attribute) and func.attr == "record" \
                    and isinstance(func.value, ast.Name) and func.value.id == "audit":
                index = 2
            elif isinstance(func, ast.Name) and func.id == "_audit" and where.startswith(
                    "core/jobs/"):
                index = 3
            else:
                continue
            action = node.args[index] if len(node.args) > index else None
            if isinstance(action, ast.Constant) and isinstance(action.value, str):
                found.add(action.value)
            elif isinstance(action, ast.JoinedStr) and isinstance(action.values[0], ast.Constant) \
                    and action.values[0].value == "job.":
                found |= JOB_STATES
            elif isinstance(action, ast.Name) and (where, action.id) in VARIABLE_ACTIONS:
                names = VARIABLE_ACTIONS[(where, action.id)]
                assert all(f'"{n}"' in source for n in names), (where, names)
                found |= names
            else:
                pytest.fail(f"{where}:{node.lineno} records an action this test cannot read "
                            f"({ast.unparse(action) if action else None}): list it in "
                            "VARIABLE_ACTIONS, and give it an entry in ACTION_PERMISSIONS")
    return found


def test_every_recorded_action_says_which_permission_it_needs() -> None:
    recorded = _recorded_actions()
    assert {"footage.legal_hold", "retention.delete", "case.status", "plan.approve",
            "job.done", "audit.witness_reset"} <= recorded  # (the scan sees them all)
    missing = sorted(recorded - set(ACTION_PERMISSIONS))
    assert not missing, f"recorded, with no entry in ACTION_PERMISSIONS: {missing}"
    stale = sorted(set(ACTION_PERMISSIONS) - recorded)
    assert not stale, f"in ACTION_PERMISSIONS, but never recorded: {stale}"


def _roles_allowed(action: str, details: dict[str, object]) -> set[str]:
    return {role.value for role, perms in ROLE_PERMISSIONS.items()
            if set(needed(action, details)) <= perms}


def test_the_ledgers_own_role_rules_agree_with_the_permissions() -> None:
    """The standalone verifier judges a few actions by ``ROLE_ACTIONS``, and accounts and
    rules by ``ADMIN_ONLY``: the same roles the permission matrix gives."""
    for action, roles in ROLE_ACTIONS.items():
        assert _roles_allowed(action, {}) == set(roles), action
    assert _roles_allowed("export.create", {"working_copy": True}) == \
        set(ROLE_ACTIONS["export.create"]) - {"case_staff"}
    for action in ADMIN_ONLY:
        assert _roles_allowed(action, {"sign_in": ["password", "os_user"]}) == \
            {"administrator"}, action


def test_a_case_status_needs_what_its_step_of_the_flow_needs() -> None:
    assert _roles_allowed("case.status", {"status": ["received", "refused"]}) == {"supervisor"}
    assert _roles_allowed("case.status", {"status": ["received", "in_review"]}) == \
        {"disclosure_officer", "supervisor", "administrator"}
    assert _roles_allowed("case.status", {"status": ["approved", "in_review"],
                                          "automatic": True}) == \
        {"disclosure_officer", "supervisor", "administrator"}
    assert needed("footage.evidential", {"evidential": True}) != \
        needed("footage.evidential", {"evidential": False})
    assert needed("user.sign_in", {}) == ()


# --- on a real store ----------------------------------------------------------------------

def _set_role(store: Store, name: str, role: str) -> None:
    """What the insider does with sqlite3 (PostgreSQL: as the tables' owner, who can drop
    the trigger that keeps users in step with the trail)."""
    if store.engine.dialect.name == "postgresql":
        _sql(store, "DROP TRIGGER IF EXISTS users_match_trail ON users")
    _sql(store, "UPDATE users SET role=:r WHERE name=:n", r=role, n=name)


@pytest.fixture
def signed_in(victim: Store, tmp_path: Path) -> Iterator[tuple[Store, int]]:
    """The victim with everyone signed in (their events signed), footage #1 evidential and
    on legal hold (by the supervisor), a new case and a new clip the officer ingested (its
    number) that retention may delete."""
    for name, password in PASSWORDS.items():
        accounts.sign_in(victim, name, password)
    with victim.transaction() as session:
        officer = resolve_actor(session, "officer")
        footage.set_evidential(session, officer, 1, True, "charged")
        cases.create_case(session, officer, "FOI-7", "foi")
        set_legal_hold(session, resolve_actor(session, "sup"), 1, True, "court order")
    (result,) = ingest_paths(victim, "officer", [make_video(tmp_path / "old.mp4", frames=5)])
    assert result.footage_id is not None
    assert problems(victim) == []
    yield victim, result.footage_id


def _supervisor_work(store: Store, clip: int) -> None:
    """The officer lifts the hold, removes the evidential mark, refuses a case and applies
    retention (the clip is due a century from now)."""
    with store.transaction() as session:
        officer = resolve_actor(session, "officer")
        set_legal_hold(session, officer, 1, False, "lift")
        footage.set_evidential(session, officer, 1, False, "not needed")
        case_flow.change_status(session, officer, "FOI-7", "refused", "refuse",
                                exemption="FOI s.40(2)")
    (outcome,) = apply_retention(store, "officer", only={clip},
                                 now=datetime(2126, 1, 1, tzinfo=UTC))
    assert outcome.action == "marked deleted", outcome.message


def test_a_role_raised_in_the_users_table_and_put_back_is_reported(
        signed_in: tuple[Store, int]) -> None:
    store, clip = signed_in
    _set_role(store, "officer", "supervisor")
    _supervisor_work(store, clip)
    _set_role(store, "officer", "disclosure_officer")
    with store.read() as session:
        gone = session.get_one(Footage, clip)
        assert gone.deleted_at is not None  # the app obeyed the row
    found = problems(store)
    role = [p for p in found if p.startswith("role: ")]
    for action, permission in (("footage.legal_hold", "change_retention"),
                               ("footage.evidential", "change_retention"),
                               ("case.status", "approve"),
                               ("retention.delete", "apply_retention")):
        assert any(f"({action} by officer) needs the {permission!r} permission, which "
                   "officer's role then (disclosure officer) does not have" in p
                   for p in role), (action, found)
    assert len(role) == 4, found
    assert not any(p.startswith("users: ") for p in found), found  # the row was put back


def test_the_same_work_while_an_administrator_made_him_supervisor_verifies(
        signed_in: tuple[Store, int]) -> None:
    store, clip = signed_in
    with store.transaction() as session:
        update_user(session, resolve_actor(session, "admin"), "officer",
                    role=Role.SUPERVISOR)
    _supervisor_work(store, clip)
    with store.transaction() as session:
        update_user(session, resolve_actor(session, "admin"), "officer",
                    role=Role.DISCLOSURE_OFFICER)
    assert problems(store) == []


def test_what_a_demoted_supervisor_does_is_judged_by_his_role_then(
        signed_in: tuple[Store, int]) -> None:
    """The trail demotes the supervisor; the row still says supervisor (edited back), and
    his later refusal is reported, though the row and his earlier hold agree."""
    store, _clip = signed_in
    with store.transaction() as session:
        update_user(session, resolve_actor(session, "admin"), "sup",
                    role=Role.DISCLOSURE_OFFICER)
    _set_role(store, "sup", "supervisor")
    with store.transaction() as session:
        case_flow.change_status(session, resolve_actor(session, "sup"), "FOI-7", "refused",
                                "refuse", exemption="FOI s.40(2)")
    found = problems(store)
    assert any(p.startswith("role: ") and "(case.status by sup) needs the 'approve'"
               in p and "(disclosure officer)" in p for p in found), found
    assert any(p.startswith("users: ") and "sup" in p for p in found), found
    assert not any("footage.legal_hold" in p for p in found), found
    with store.read() as session:
        assert session.scalar(select(Footage.legal_hold).where(Footage.id == 1))
