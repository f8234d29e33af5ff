"""The disclosure pack of an approved export, and re-hashing recorded exports."""

from __future__ import annotations

import hashlib
import json
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from app.core.casework import case_flow, cases
from app.core.casework.disclosure_pack import AUDIT_EXTRACT, RECORD_HTML, SUMS, build_pack
from app.core.errors import ConflictError, MediaError
from app.core.export.pipeline import redact_footage
from app.core.export.verify import verify_exports
from app.core.integrity.anchors import PACK_ANCHOR
from app.core.library.footage import VerifyStatus
from app.core.people.users import add_user, resolve_actor
from app.core.redaction.plans import save_plan
from app.core.store.database import Store
from app.core.store.models import AuditEvent, Role
from tests.conftest import allow_unapproved_exports, make_approved_export


@pytest.fixture
def approved_export(store: Store, tmp_path: Path) -> tuple[Store, int, Path]:
    return store, *make_approved_export(store, tmp_path, "admin")


def test_pack_holds_the_export_record_and_audit_with_matching_hashes(
        approved_export: tuple[Store, int, Path], tmp_path: Path) -> None:
    store, export_id, out = approved_export
    packs = tmp_path / "packs"
    packs.mkdir()
    pack = build_pack(store, "officer", export_id, packs)
    assert pack.path == packs / f"SAR-9-export-{export_id}" and pack.path.is_dir()
    names = sorted(p.name for p in pack.path.iterdir())
    assert names == sorted(["SAR-9.mp4", "SAR-9.manifest.json", AUDIT_EXTRACT, RECORD_HTML,
                            SUMS, PACK_ANCHOR])
    sums = dict(reversed(line.split("  ")) for line in
                (pack.path / SUMS).read_text().splitlines())
    for name, digest in sums.items():
        assert hashlib.sha256((pack.path / name).read_bytes()).hexdigest() == digest, name
    assert (pack.path / "SAR-9.mp4").read_bytes() == (out / "SAR-9.mp4").read_bytes()
    record = (pack.path / RECORD_HTML).read_text()
    manifest = json.loads((pack.path / "SAR-9.manifest.json").read_text())
    for text in (manifest["output"]["sha256"], manifest["source"]["sha256"],
                 sums["SAR-9.manifest.json"], "Vehicle registration",
                 "Third party - s.40(2) FOIA / DPA 2018", "JE-77", "sup", "plate",
                 manifest["plan_sha256"], "Open items the approver answered",
                 "looked at: no face there"):
        assert text in record, text
    assert "Jane" not in record and "jane@example.org" not in record  # reference only
    *extract, seal = [json.loads(line) for line in (pack.path / AUDIT_EXTRACT).read_text()
                      .splitlines()]
    assert seal["seal"]["signed_by"] == "officer"
    actions = [e["action"] for e in extract]
    assert "plan.approve" in actions and actions[-1] == "export.create"
    with store.read() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "pack.create")
                                ).one()
    assert json.loads(event.details)["files"] == pack.files
    with pytest.raises(ConflictError, match="already exists"):
        build_pack(store, "officer", export_id, packs)


def test_the_record_says_the_check_does_not_count_the_faces_kept_visible(
        approved_export: tuple[Store, int, Path]) -> None:
    """A subject access export keeps the requester visible; the record said "0 possible
    faces found", which reads as untrue beside the requester's face."""
    from app.core.casework.disclosure_pack import disclosure_record
    from app.core.store.models import Case, ExportRecord, Footage

    store, export_id, out = approved_export
    manifest = json.loads((out / "SAR-9.manifest.json").read_text())
    with store.read() as session:
        export = session.get(ExportRecord, export_id)
        assert export is not None
        case, footage = session.get(Case, export.case_id), session.get(Footage,
                                                                        export.footage_id)
        assert case is not None and footage is not None

        def record(keep: list[int]) -> str:
            manifest["plan"]["keep_tracks"] = keep
            return disclosure_record(case, footage, export, manifest, manifest["approval"],
                                     {}, "officer", "2026-12-07T21:00:00Z")

        assert "faces kept visible are not counted" not in record([])
        assert "frames checked (the faces kept visible are not counted)" in record([1])


def test_zip_pack_and_pdf_hook(approved_export: tuple[Store, int, Path],
                               tmp_path: Path) -> None:
    store, export_id, _out = approved_export

    def fake_pdf(html: str, path: Path) -> None:  # the app passes Qt's renderer here
        path.write_bytes(b"%PDF-1.4 " + html[:20].encode())

    with store.transaction() as session:
        add_user(session, resolve_actor(session, "admin"), "clerk", Role.CASE_STAFF)
    pack = build_pack(store, "clerk", export_id, tmp_path, as_zip=True, render_pdf=fake_pdf)
    assert pack.path.suffix == ".zip" and not list(tmp_path.glob(".*partial*"))
    with zipfile.ZipFile(pack.path) as zf:
        names = {Path(n).name for n in zf.namelist()}
        assert "disclosure-record.pdf" in names and SUMS in names
        sums = zf.read(f"{pack.path.stem}/{SUMS}").decode()
    assert pack.files["disclosure-record.pdf"] in sums


def test_changed_or_unapproved_exports_are_not_packed(approved_export: tuple[Store, int, Path],
                                                      tmp_path: Path) -> None:
    store, export_id, out = approved_export
    assert [c.status for c in verify_exports(store)] == [VerifyStatus.OK]
    video = out / "SAR-9.mp4"
    data = bytearray(video.read_bytes())
    data[-100] ^= 0xFF
    video.write_bytes(bytes(data))
    (check,) = verify_exports(store)
    assert check.status is VerifyStatus.CHANGED and "CHANGED" in check.message
    packs = tmp_path / "packs"
    packs.mkdir()
    with pytest.raises(MediaError, match="no longer matches"):
        build_pack(store, "officer", export_id, packs)
    assert list(packs.iterdir()) == []  # nothing half-made left behind
    video.unlink()
    assert verify_exports(store)[0].status is VerifyStatus.MISSING
    # an edit after approval: a new export of the new plan is not releasable
    with store.transaction() as session:
        case = cases.get_case(session, "SAR-9")
        from app.core.redaction.plans import load_plan

        plan = load_plan(session, case.footage[0].id, case.id)
        assert plan is not None
        plan = replace(plan, strength=5)
        save_plan(session, resolve_actor(session, "officer"), case.footage[0].id, case.id,
                  plan)
        fid = case.footage[0].id
    allow_unapproved_exports(store, "admin")  # a working copy of the edited plan
    second = redact_footage(store, "officer", fid, out / "again.mp4", plan, case_ref="SAR-9",
                            preset="fast", verify=False)
    assert second.export_id is not None
    with pytest.raises(ConflictError, match="no supervisor approved"):
        build_pack(store, "officer", second.export_id, packs)


def test_requesters_get_an_extract_without_names_or_details(
        approved_export: tuple[Store, int, Path], tmp_path: Path) -> None:
    from app.core.library import flags

    store, export_id, _out = approved_export
    with store.transaction() as session:
        fid = cases.get_case(session, "SAR-9").footage[0].id
        flags.add_flag(session, resolve_actor(session, "officer"), fid, 0.2, "evidence",
                       label="witness Mary Bloggs", note="lives at 12 High St")
    pack = build_pack(store, "officer", export_id, tmp_path)
    *lines, seal_line = (pack.path / AUDIT_EXTRACT).read_text().splitlines()
    extract = "\n".join(lines)  # the events; the seal names only the accounts that sign
    for secret in ("Mary Bloggs", "12 High St", str(tmp_path), "officer"):
        assert secret not in extract, secret
    assert "Mary Bloggs" not in seal_line and "12 High St" not in seal_line
    rows, seal = [json.loads(line) for line in lines], json.loads(seal_line)
    assert seal["seal"]["withheld"] and seal["seal"]["signed_by"] == "officer"
    assert rows and all(r["details"] == "(withheld)" and len(r["hash"]) == 64 for r in rows)
    assert "withheld" in (pack.path / RECORD_HTML).read_text()


def test_an_export_of_a_replaced_plan_is_not_released(approved_export: tuple[Store, int, Path],
                                                      tmp_path: Path) -> None:
    store, export_id, _out = approved_export
    with store.transaction() as session:
        case = cases.get_case(session, "SAR-9")
        fid, case_id = case.footage[0].id, case.id
        from app.core.redaction.plans import load_plan

        plan = load_plan(session, fid, case_id)
        assert plan is not None
        plan = replace(plan, strength=5)  # a missed face found after the approval
        save_plan(session, resolve_actor(session, "officer"), fid, case_id, plan)
    for who, status in (("officer", "redacted"), ("officer", "awaiting_approval"),
                        ("sup", "approved")):
        with store.transaction() as session:
            answers = {i.key: "all reviewed"
                       for i in case_flow.case_open_items(session, "SAR-9")}
            case_flow.change_status(session, resolve_actor(session, who), "SAR-9", status,
                                    "again", answers=answers)
    with pytest.raises(ConflictError, match="changed since"):
        build_pack(store, "officer", export_id, tmp_path)
    with pytest.raises(ConflictError, match="no export of an approved plan"), \
            store.transaction() as session:
        case_flow.change_status(session, resolve_actor(session, "officer"), "SAR-9",
                                "released")


def test_case_staff_export_an_approved_plan(approved_export: tuple[Store, int, Path],
                                            tmp_path: Path) -> None:
    from app.core.redaction.plans import load_plan

    store, _export_id, _out = approved_export
    with store.transaction() as session:
        add_user(session, resolve_actor(session, "admin"), "clerk", Role.CASE_STAFF)
        case = cases.get_case(session, "SAR-9")
        fid, plan = case.footage[0].id, load_plan(session, case.footage[0].id, case.id)
    assert plan is not None
    result = redact_footage(store, "clerk", fid, tmp_path / "clerk.mp4", plan,
                            case_ref="SAR-9", preset="fast", verify=False)
    assert result.output.exists()


def test_a_cancelled_pack_leaves_nothing(approved_export: tuple[Store, int, Path],
                                         tmp_path: Path) -> None:
    from app.core.errors import Cancelled
    from app.core.progress import CancelToken

    store, export_id, _out = approved_export
    packs = tmp_path / "packs"
    packs.mkdir()
    token = CancelToken()
    with pytest.raises(Cancelled):
        build_pack(store, "officer", export_id, packs, cancel=token,
                   progress=lambda done, total: token.cancel())
    assert list(packs.iterdir()) == []


def test_a_plan_edited_while_its_pack_is_made_leaves_no_pack(
        approved_export: tuple[Store, int, Path], tmp_path: Path) -> None:
    """The export is checked again when the pack is recorded: an edit saved while the files
    were copied (the approval lapses with it) leaves nothing that looks like a pack (a
    review found the check made only at the start)."""
    from app.core.redaction.plans import load_plan

    store, export_id, _out = approved_export
    packs = tmp_path / "packs"
    packs.mkdir()
    edited: list[bool] = []

    def edit_meanwhile(_done: int, _total: int) -> None:
        if edited:
            return
        with store.transaction() as session:
            case = cases.get_case(session, "SAR-9")
            fid = case.footage[0].id
            plan = load_plan(session, fid, case.id)
            assert plan is not None
            save_plan(session, resolve_actor(session, "officer"), fid, case.id,
                      replace(plan, strength=5))
        edited.append(True)

    with pytest.raises(ConflictError, match="changed since"):
        build_pack(store, "officer", export_id, packs, progress=edit_meanwhile)
    assert edited and list(packs.iterdir()) == []


def test_a_case_sent_back_to_review_is_no_longer_released_or_packed(
        approved_export: tuple[Store, int, Path], tmp_path: Path) -> None:
    """Sending an approved case back to review left its approval standing: packs were still
    made and verified, exports still listed as approved (a first-use trial). A supervisor
    sending it back now rejects the approved plans with the reason given; and any case not
    approved (sent back by an officer too) has no export released or packed."""
    from app.core.redaction.approval import ApprovalState, approval_of

    store, export_id, _out = approved_export
    packs = tmp_path / "packs"
    packs.mkdir()
    with store.transaction() as session:  # an officer sends it back: the plan stays approved
        case_flow.change_status(session, resolve_actor(session, "officer"), "SAR-9",
                                "in_review", "the requester named a second clip")
        assert [e.approved for e in case_flow.case_exports(session, "SAR-9")] == [False]
    with pytest.raises(ConflictError, match="packed only while the case is approved"):
        build_pack(store, "officer", export_id, packs)
    for status in ("redacted", "awaiting_approval"):
        with store.transaction() as session:
            case_flow.change_status(session, resolve_actor(session, "officer"), "SAR-9",
                                    status)
    with store.transaction() as session:  # the plan was still approved: approved at once
        case_flow.change_status(session, resolve_actor(session, "sup"), "SAR-9", "approved")
        assert [e.approved for e in case_flow.case_exports(session, "SAR-9")] == [True]
        case_flow.change_status(session, resolve_actor(session, "sup"), "SAR-9", "in_review",
                                "withdrawn: do not disclose")
        (plan,) = case_flow._plans(session, cases.get_case(session, "SAR-9"))
        found = approval_of(session, plan.footage_id, plan.case_id, plan.plan_sha256)
        assert found.state is ApprovalState.REJECTED and found.by == "sup"
        assert found.note == "withdrawn: do not disclose"
    with pytest.raises(ConflictError, match="state: rejected"):
        build_pack(store, "officer", export_id, packs)
    with store.transaction() as session:
        officer = resolve_actor(session, "officer")
        case_flow.change_status(session, officer, "SAR-9", "redacted")
        with pytest.raises(ConflictError, match="not put forward or approved again as it is"):
            case_flow.change_status(session, officer, "SAR-9", "awaiting_approval")
    with store.transaction() as session:  # withdrawn: closing does not bring it back
        case_flow.change_status(session, resolve_actor(session, "officer"), "SAR-9",
                                "in_review", "withdrawn")
        case_flow.change_status(session, resolve_actor(session, "officer"), "SAR-9",
                                "closed", "the requester withdrew")
        assert [e.approved for e in case_flow.case_exports(session, "SAR-9")] == [False]
    with pytest.raises(ConflictError):
        build_pack(store, "officer", export_id, packs)


def test_approving_a_case_never_overrides_a_rejected_plan(
        approved_export: tuple[Store, int, Path]) -> None:
    """A supervisor rejected a plan and the case, still awaiting approval, was then approved
    by another: the same plan went out approved (a first-use trial). A rejection now sends
    the case back to review, and stands for that exact plan: it is not put forward again
    unchanged, nor approved from the export dialog (a review)."""
    from app.core.redaction.approval import decide

    store, _export_id, _out = approved_export
    with store.transaction() as session:
        officer = resolve_actor(session, "officer")
        case_flow.change_status(session, officer, "SAR-9", "in_review", "one more look")
        for status in ("redacted", "awaiting_approval"):
            case_flow.change_status(session, officer, "SAR-9", status)
        (plan,) = case_flow._plans(session, cases.get_case(session, "SAR-9"))
        decide(session, resolve_actor(session, "sup"), plan.footage_id, plan.case_id,
               plan.plan_sha256, False, "track 2 is not the requester: hide it")
    with store.transaction() as session:
        add_user(session, resolve_actor(session, "admin"), "sara", Role.SUPERVISOR)
        # the rejection sent the case back: it stayed "awaiting approval" (a first-use trial)
        assert cases.get_case(session, "SAR-9").status.value == "in_review"
        case_flow.change_status(session, resolve_actor(session, "officer"), "SAR-9",
                                "redacted")
    with store.transaction() as session, pytest.raises(
            ConflictError, match="sup rejected this redaction plan of footage #1"):
        case_flow.change_status(session, resolve_actor(session, "officer"), "SAR-9",
                                "awaiting_approval")
    with store.transaction() as session, pytest.raises(  # nor from the export dialog
            ConflictError, match="not put forward or approved again as it is"):
        decide(session, resolve_actor(session, "sara"), plan.footage_id, plan.case_id,
               plan.plan_sha256, True, "", {"x": "y"})
