"""An export counted as approved never saves its plan over a newer one of the case: exporting
an older, approved plan (or finishing the export of one after someone edited the plan) would
drop the edit and bring the older approval back without anyone being asked (found by a
read-only review)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from app.core.analysis import analyse
from app.core.casework import cases
from app.core.errors import ConflictError
from app.core.export.pipeline import redact_footage
from app.core.library.ingest import ingest_paths
from app.core.people.users import add_user, resolve_actor
from app.core.redaction.approval import ApprovalState, approval_of, decide
from app.core.redaction.plan import RedactionPlan
from app.core.redaction.plans import load_plan, save_plan
from app.core.store.database import Store
from app.core.store.models import ExportRecord, Role
from tests.conftest import make_video


def _approved_then_edited(store: Store, tmp_path: Path) -> tuple[int, int, RedactionPlan,
                                                                  RedactionPlan]:
    """A case's footage with plan X approved by a supervisor; the plans X and Y (X with
    more padding, as a second officer's later edit would be)."""
    (item,) = ingest_paths(store, "admin", [make_video(tmp_path / "clip.mp4", frames=12)])
    fid = item.footage_id
    assert fid is not None
    with store.transaction() as session:
        admin = resolve_actor(session, "admin")
        for name, role in (("officer", Role.DISCLOSURE_OFFICER),
                           ("officer2", Role.DISCLOSURE_OFFICER), ("sup", Role.SUPERVISOR)):
            add_user(session, admin, name, role)
        case_id = cases.create_case(session, admin, "SAR-9", "subject_access").id
        cases.link_footage(session, admin, "SAR-9", fid)
    analysis = analyse(store, "officer", fid, "fast")
    x = RedactionPlan(detection_run=analysis.run_key,  # every review range looked at
                      reviewed=[(r.start_frame, r.end_frame) for r in analysis.review])
    with store.transaction() as session:
        save_plan(session, resolve_actor(session, "officer"), fid, case_id, x)
        decide(session, resolve_actor(session, "sup"), fid, case_id, x.sha256(), True)
    return fid, case_id, x, replace(x, padding=2.0)


def test_exporting_an_older_approved_plan_is_refused_and_the_newer_plan_kept(
        store: Store, tmp_path: Path) -> None:
    fid, case_id, x, y = _approved_then_edited(store, tmp_path)
    with store.transaction() as session:  # a box over a missed face, say: approval lapses
        save_plan(session, resolve_actor(session, "officer2"), fid, case_id, y, edit="pad")
    out = tmp_path / "old.mp4"
    with pytest.raises(ConflictError, match="changed since"):
        redact_footage(store, "officer", fid, out, x, case_ref="SAR-9", preset="fast",
                       verify=False)
    assert not out.exists()
    with store.read() as session:
        assert load_plan(session, fid, case_id) == y  # the edit is kept
        assert session.query(ExportRecord).count() == 0
        assert approval_of(session, fid, case_id, y.sha256()).state \
            is not ApprovalState.APPROVED


def test_an_edit_made_while_an_approved_plan_is_exported_stops_the_export(
        store: Store, tmp_path: Path) -> None:
    fid, case_id, x, y = _approved_then_edited(store, tmp_path)
    edited: list[str] = []

    def stage(name: str, _done: int, _total: int) -> None:
        if name == "export" and not edited:  # another officer saves an edit meanwhile
            with store.transaction() as session:
                save_plan(session, resolve_actor(session, "officer2"), fid, case_id, y)
            edited.append(name)

    out = tmp_path / "raced.mp4"
    with pytest.raises(ConflictError, match="changed by officer2"):
        redact_footage(store, "officer", fid, out, x, case_ref="SAR-9", preset="fast",
                       verify=False, stage=stage)
    assert edited and not out.exists()
    assert not list(tmp_path.glob(".raced*"))  # no partial file left looking complete
    with store.read() as session:
        assert load_plan(session, fid, case_id) == y
        assert session.query(ExportRecord).count() == 0
    # the approved plan, while it is the case's plan, exports as approved as before
    with store.transaction() as session:
        save_plan(session, resolve_actor(session, "officer"), fid, case_id, x)
    result = redact_footage(store, "officer", fid, tmp_path / "ok.mp4", x, case_ref="SAR-9",
                            preset="fast", verify=False)
    assert result.output.exists()
    with store.read() as session:
        assert session.query(ExportRecord).one().plan_sha256 == x.sha256()


def test_even_ones_own_later_edit_is_not_overwritten_by_an_approved_export(
        store: Store, tmp_path: Path) -> None:
    """Whoever saved the newer plan, an export of the older approved one is refused (a
    review found a rule on the last saver let another officer's edit in between be lost);
    putting the approved plan back first (the workspace's undo asks) exports it."""
    fid, case_id, x, y = _approved_then_edited(store, tmp_path)
    with store.transaction() as session:
        save_plan(session, resolve_actor(session, "officer2"), fid, case_id, y, edit="pad")
        save_plan(session, resolve_actor(session, "officer"), fid, case_id,
                  replace(y, margin=0.01), edit="margin")
    with pytest.raises(ConflictError, match="changed since"):
        redact_footage(store, "officer", fid, tmp_path / "back.mp4", x, case_ref="SAR-9",
                       preset="fast", verify=False)
    with store.read() as session:
        assert load_plan(session, fid, case_id) == replace(y, margin=0.01)
    with store.transaction() as session:
        save_plan(session, resolve_actor(session, "officer"), fid, case_id, x, edit="undo")
    result = redact_footage(store, "officer", fid, tmp_path / "ok.mp4", x, case_ref="SAR-9",
                            preset="fast", verify=False)
    assert result.output.exists()
    with store.read() as session:
        assert approval_of(session, fid, case_id, x.sha256()).state is ApprovalState.APPROVED


def test_an_edit_saved_while_an_unapproved_export_runs_is_kept(store: Store,
                                                               tmp_path: Path) -> None:
    """With the approval rule off too, an export never saves its plan over an edit saved
    while it ran (a review found a clip range reverted by an export's save); nothing of the
    export is recorded and it says why."""
    from tests.conftest import allow_unapproved_exports

    fid, case_id, x, y = _approved_then_edited(store, tmp_path)
    allow_unapproved_exports(store, "admin")
    z = replace(x, strength=5)  # not approved: exported as a working copy of the case

    def stage(name: str, _done: int, _total: int) -> None:
        if name == "export":
            with store.transaction() as session:
                save_plan(session, resolve_actor(session, "officer2"), fid, case_id, y)

    out = tmp_path / "working.mp4"
    with pytest.raises(ConflictError, match="changed by officer2"):
        redact_footage(store, "officer", fid, out, z, case_ref="SAR-9", preset="fast",
                       verify=False, stage=stage)
    assert not out.exists()
    with store.read() as session:
        assert load_plan(session, fid, case_id) == y
        assert session.query(ExportRecord).count() == 0


def test_a_window_that_knew_an_older_plan_does_not_export_over_a_newer_one(
        store: Store, tmp_path: Path) -> None:
    """The export dialog passes the stored plan as its window last knew it: another
    officer's edit since is refused at once, not saved over (a review found the export read
    the stored plan afresh, and so saved over the other edit)."""
    from tests.conftest import allow_unapproved_exports

    fid, case_id, x, y = _approved_then_edited(store, tmp_path)
    allow_unapproved_exports(store, "admin")
    with store.transaction() as session:
        save_plan(session, resolve_actor(session, "officer2"), fid, case_id, y)
    z = replace(x, strength=5)
    out = tmp_path / "stale.mp4"
    with pytest.raises(ConflictError, match="changed by officer2"):
        redact_footage(store, "officer", fid, out, z, case_ref="SAR-9", preset="fast",
                       verify=False, expected_plan=x.sha256())
    assert not out.exists()
    with store.read() as session:
        assert load_plan(session, fid, case_id) == y
    result = redact_footage(store, "officer", fid, out, z, case_ref="SAR-9", preset="fast",
                            verify=False, expected_plan=y.sha256())  # knowing Y: saves
    assert result.output.exists()


def test_a_plan_never_detected_is_refused_at_once_when_approval_is_needed(
        store: Store, tmp_path: Path) -> None:
    """A plan approved before faces were detected can never be exported (the export binds it
    to its detection: a new plan nobody approved). It was refused only after the whole
    detection, while the dialog still said "Approved" (found by a read-only hunt); now at
    once, saying what to do."""
    from app.core.errors import PermissionDeniedError
    from app.core.policy.store_policy import set_policy
    from app.core.store.models import DetectionRunRecord

    (item,) = ingest_paths(store, "admin", [make_video(tmp_path / "clip.mp4", frames=12)])
    fid = item.footage_id
    assert fid is not None
    with store.transaction() as session:
        admin = resolve_actor(session, "admin")
        set_policy(session, admin, require_approval=True)
        add_user(session, admin, "officer", Role.DISCLOSURE_OFFICER)
        add_user(session, admin, "sup", Role.SUPERVISOR)
    plan = RedactionPlan(padding=2.0)  # no detection run
    with store.transaction() as session:
        save_plan(session, resolve_actor(session, "officer"), fid, None, plan)
        decide(session, resolve_actor(session, "sup"), fid, None, plan.sha256(), True)
    with pytest.raises(PermissionDeniedError, match="faces have not been detected"):
        redact_footage(store, "officer", fid, tmp_path / "out.mp4", plan, preset="fast",
                       verify=False)
    with store.read() as session:
        assert session.query(DetectionRunRecord).count() == 0  # refused before detecting
    assert not (tmp_path / "out.mp4").exists()


def test_an_approved_plan_given_without_its_run_is_exported(store: Store,
                                                            tmp_path: Path) -> None:
    """The command line gives a plan without its run (``bwv redact F``, --keep-track ...):
    the export binds it to the stored run and finds the approval of that plan, as before
    (a review found the refusal above first refused it)."""
    from app.core.policy.store_policy import set_policy

    fid, _case_id, x, _y = _approved_then_edited(store, tmp_path)
    with store.transaction() as session:
        set_policy(session, resolve_actor(session, "admin"), require_approval=True)
    result = redact_footage(store, "officer", fid, tmp_path / "cli.mp4",
                            replace(x, detection_run=""), case_ref="SAR-9", preset="fast",
                            verify=False)
    assert result.output.exists()
