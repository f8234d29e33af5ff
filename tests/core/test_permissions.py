"""Each core service called as each role: the core refuses what a role may not do, whatever
the UI shows. The expected matrix is written out here, independently of permissions.py."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from app.core.analysis import analyse
from app.core.casework import case_flow, cases
from app.core.casework.disclosure_pack import build_pack
from app.core.errors import BwvError, PermissionDeniedError
from app.core.export.pipeline import redact_footage
from app.core.library import flags, footage
from app.core.library.ingest import ingest_paths
from app.core.library.retention_actions import apply_retention, set_legal_hold
from app.core.people import users
from app.core.people.users import resolve_actor
from app.core.policy.store_policy import set_policy
from app.core.redaction.approval import decide, request_approval
from app.core.redaction.plan import RedactionPlan
from app.core.redaction.plans import save_plan
from app.core.store.database import Store
from app.core.store.models import Role
from tests.conftest import make_video

DO, SUP, CS, ADMIN = (Role.DISCLOSURE_OFFICER, Role.SUPERVISOR, Role.CASE_STAFF,
                      Role.ADMINISTRATOR)
NAMES = {DO: "officer", SUP: "sup", CS: "clerk", ADMIN: "admin"}

Call = Callable[[Store, str, Path], object]


def _in_tx(fn: Callable[..., object]) -> Call:
    """A service taking (session, actor, ...) run in its own transaction."""
    def call(store: Store, who: str, tmp: Path) -> object:
        with store.transaction() as session:
            return fn(session, resolve_actor(session, who), who)
    return call


def _plan_sha(session: object, who: str) -> str:
    from app.core.redaction.plans import find_plan_record

    record = find_plan_record(session, 1, None)  # type: ignore[arg-type]
    assert record is not None
    return record.plan_sha256


SERVICES: dict[str, tuple[set[Role], Call]] = {
    "create a case": ({DO, SUP, ADMIN}, _in_tx(
        lambda s, a, who: cases.create_case(s, a, f"C-{who}", "foi"))),
    "record the requester": ({DO, SUP, ADMIN}, _in_tx(
        lambda s, a, who: cases.set_requester(s, a, f"CASE-{who}", name="Jane"))),
    "move a case on": ({DO, SUP, ADMIN}, _in_tx(
        lambda s, a, who: case_flow.change_status(s, a, f"CASE-{who}", "in_review"))),
    "refuse a request": ({SUP}, _in_tx(
        lambda s, a, who: case_flow.change_status(s, a, f"CASE-{who}", "refused", "s.40",
                                                  "FOI s.40(2)"))),
    "flag footage": ({DO, SUP, CS, ADMIN}, _in_tx(
        lambda s, a, who: flags.add_flag(s, a, 1, 0.1, "evidence"))),
    "ingest": ({DO, SUP, ADMIN}, lambda store, who, tmp: ingest_paths(
        store, who, [make_video(tmp / f"{who}.mp4", frames=4 + len(who))])),
    "mark evidential": ({DO, SUP, ADMIN}, _in_tx(
        lambda s, a, who: footage.set_evidential(s, a, 1, True, "charged"))),
    "remove the evidential mark": ({SUP}, _in_tx(
        lambda s, a, who: footage.set_evidential(s, a, 2, False, "NFA"))),
    "legal hold": ({SUP}, _in_tx(
        lambda s, a, who: set_legal_hold(s, a, 1, True, "civil claim"))),
    "save a redaction plan": ({DO, SUP, ADMIN}, _in_tx(
        lambda s, a, who: save_plan(s, a, 1, None, RedactionPlan(strength=len(who) % 5 + 1)))),
    "ask for approval": ({DO, SUP, ADMIN}, _in_tx(
        lambda s, a, who: request_approval(s, a, 1, None, _plan_sha(s, who)))),
    "approve": ({SUP}, _in_tx(
        lambda s, a, who: decide(s, a, 1, None, _plan_sha(s, who), True))),
    "detect faces": ({DO, SUP, ADMIN}, lambda store, who, tmp: analyse(
        store, who, 3, "fast", reuse=False)),
    "add a user": ({ADMIN}, _in_tx(
        lambda s, a, who: users.add_user(s, a, f"new-{who}", Role.CASE_STAFF))),
    "change the retention policy": ({ADMIN}, _in_tx(
        lambda s, a, who: set_policy(s, a, retention_days=40))),
    "change how people sign in": ({ADMIN}, _in_tx(
        lambda s, a, who: set_policy(s, a, sign_in="os_user"))),
    "apply retention": ({SUP, ADMIN}, lambda store, who, tmp: apply_retention(store, who)),
    "make a disclosure pack": ({DO, SUP, CS, ADMIN}, lambda store, who, tmp: build_pack(
        store, who, 999, tmp)),  # allowed roles get "No export #999"
    "export": ({DO, SUP, CS, ADMIN}, lambda store, who, tmp: redact_footage(
        store, who, 999, tmp / f"{who}.mp4", RedactionPlan())),  # "No footage 999"
}


@pytest.fixture
def staffed(store: Store, tmp_path: Path) -> Store:
    for i in range(3):
        ingest_paths(store, "admin", [make_video(tmp_path / f"f{i}.mp4", frames=6 + i)])
    with store.transaction() as session:
        admin = resolve_actor(session, "admin")
        for role, name in NAMES.items():
            if role is not ADMIN:
                users.add_user(session, admin, name, role)
        for name in NAMES.values():
            cases.create_case(session, admin, f"CASE-{name}", "foi")
        footage.set_evidential(session, admin, 2, True, "charged")
        save_plan(session, admin, 1, None, RedactionPlan())
    return store


@pytest.mark.parametrize("service", list(SERVICES))
def test_each_service_as_each_role(staffed: Store, tmp_path: Path, service: str) -> None:
    allowed, call = SERVICES[service]
    for role, name in NAMES.items():
        try:
            call(staffed, name, tmp_path)
        except PermissionDeniedError as exc:
            assert role not in allowed, f"{service}: {name} ({role}) was refused: {exc}"
            assert name in str(exc) and "only" in str(exc)  # says who and who may
        except BwvError as exc:  # got past the permission check, then hit the setup's data
            assert role in allowed, f"{service}: {name} ({role}) was let through: {exc}"
        else:
            assert role in allowed, f"{service}: {name} ({role}) was let through"


def test_a_deactivated_user_can_do_nothing(staffed: Store) -> None:
    with staffed.transaction() as session:
        users.update_user(session, resolve_actor(session, "admin"), "sup", active=False)
    with pytest.raises(BwvError, match="deactivated"), staffed.transaction() as session:
        flags.add_flag(session, resolve_actor(session, "sup"), 1, 0.1, "evidence")


def test_case_staff_export_only_approved_plans(staffed: Store, tmp_path: Path) -> None:
    analyse(staffed, "officer", 1, "fast")  # the officer detects; case staff reuse the run
    with pytest.raises(PermissionDeniedError, match="approval"):
        redact_footage(staffed, "clerk", 1, tmp_path / "out.mp4", RedactionPlan(),
                       preset="fast")
    assert not (tmp_path / "out.mp4").exists()
