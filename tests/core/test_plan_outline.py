"""What a supervisor reads before approving (``plan_outline``): approval was one click with
no summary of who is kept visible and why when nothing was open (found by a first-use
trial)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.errors import ConflictError
from app.core.redaction.plan import (
    AudioAction,
    AudioMode,
    AudioRange,
    Keyframe,
    ManualBox,
    RedactionPlan,
    TimeRange,
)
from app.core.redaction.plan_outline import FOOTAGE, plan_outline
from app.core.store.database import Store
from tests.conftest import make_video


def test_the_outline_names_who_is_kept_and_why_and_what_else_is_hidden() -> None:
    plan = RedactionPlan(
        keep_tracks=(3,), false_positive_tracks=(7,),
        manual_boxes=(ManualBox(1, (Keyframe(25, 0, 0, 10, 10), Keyframe(50, 0, 0, 10, 10)),
                                "tattoo"),),
        audio_ranges=(AudioRange(2, 4.0, 5.5, AudioAction.BLEEP, None, "postcode"),),
        mute=(TimeRange(1.0, 2.0),), clip=TimeRange(0.0, 8.0), hide_heads=False,
        reasons={"track:3": "Requester - kept visible", "track:7": "a bowl"})
    lines = plan_outline(plan, 4, "bwv 0001.mp4")
    text = [str(line) for line in lines]
    assert lines[0].template == FOOTAGE and text[0] == "Footage #4: bwv 0001.mp4"
    assert "Kept visible: track 3 (Requester - kept visible)" in text
    assert "Dismissed, left as it is: track 7 (a bowl)" in text
    assert "Heads of people seen from behind are left visible." in text
    assert "Hidden by hand: box 1, frames 25-50 (tattoo)" in text, text
    assert any(t.startswith("Sound ") and t.endswith(": muted (no reason given)")
               for t in text), text
    assert any(t.endswith(": bleeped (postcode)") for t in text), text
    assert "Hidden as: pixelated, strength 4 (1-5)." in text
    assert not any("metadata" in t for t in text)
    assert any(t.startswith("Only ") for t in text)
    assert all(line.template != FOOTAGE for line in lines[1:])


def test_an_empty_plan_says_nobody_is_kept_and_an_inverse_says_so() -> None:
    text = [str(line) for line in plan_outline(RedactionPlan(), 1, "a.mp4")]
    assert text[1].startswith("Every face, head and text region found is hidden")
    assert "Nobody is kept visible." in text and len(text) == 4
    inverse = RedactionPlan(inverse=True, keep_tracks=(2,), audio=AudioMode.DROP)
    text = [str(line) for line in plan_outline(inverse, 1, "a.mp4")]
    assert text[1].startswith("Everything is hidden but the people kept visible")
    assert "Kept visible: track 2 (no reason given)" in text
    assert "Sound: left out of the copy." in text
    light = RedactionPlan(keep_metadata=True, strength=1, false_positive_tracks=(4,),
                          audio_ranges=(AudioRange(1, 1.0, 2.0, AudioAction.DISGUISE, 1),))
    text = [str(line) for line in plan_outline(light, 1, "a.mp4")]
    assert "Hidden as: pixelated, strength 1 (1-5)." in text and any(
        t.startswith("The copy keeps the recording's metadata") for t in text)
    assert any(t.endswith(": voice disguised (pitch-shifted: not anonymisation on its own) "
                          "on audio track 2 (no reason given)") for t in text), text
    assert not any("track 4" in t for t in [str(x) for x in plan_outline(
        RedactionPlan(inverse=True, false_positive_tracks=(4,)), 1, "a.mp4")])  # hidden too


def test_a_case_approval_is_bound_to_the_plans_the_approver_read(
        store: Store, tmp_path: Path) -> None:
    """The approval window is read, then Approve pressed: a plan changed and put forward
    again in between was approved unseen (a review). Approving with the plans read
    (``CaseOutline.plans``) refuses when they are no longer the case's."""
    from app.core.analysis import analyse
    from app.core.casework import case_flow, cases
    from app.core.library.ingest import ingest_paths
    from app.core.people.users import add_user, resolve_actor
    from app.core.redaction.plans import save_plan
    from app.core.store.models import Role

    with store.transaction() as session:
        admin = resolve_actor(session, "tester")
        add_user(session, admin, "sup", Role.SUPERVISOR)
        cases.create_case(session, admin, "SAR-8", "subject_access")
    (result,) = ingest_paths(store, "tester", [make_video(tmp_path / "a.mp4", frames=12)],
                             case_ref="SAR-8")
    fid = result.footage_id
    assert fid is not None
    run = analyse(store, "tester", fid, "fast").run_key

    def put_forward(plan: RedactionPlan) -> None:
        with store.transaction() as session:
            actor = resolve_actor(session, "tester")
            save_plan(session, actor, fid, cases.get_case(session, "SAR-8").id, plan)
            for status in ("redacted", "awaiting_approval"):
                if cases.get_case(session, "SAR-8").status.value != status:
                    case_flow.change_status(session, actor, "SAR-8", status)

    put_forward(RedactionPlan(detection_run=run))
    with store.read() as session:
        read = case_flow.case_outline(session, "SAR-8")
        answers = {i.key: "looked at" for i in case_flow.case_open_items(session, "SAR-8")}
    assert "Nobody is kept visible." in [str(line) for line in read.lines]
    put_forward(RedactionPlan(detection_run=run, keep_tracks=(1,)))  # while it was read
    with store.transaction() as session, pytest.raises(ConflictError, match="changed while"):
        case_flow.change_status(session, resolve_actor(session, "sup"), "SAR-8", "approved",
                                answers=answers, seen=read.plans)
    with store.transaction() as session:
        again = case_flow.case_outline(session, "SAR-8")
        assert "Kept visible: track 1 (no reason given)" in [str(x) for x in again.lines]
        case_flow.change_status(session, resolve_actor(session, "sup"), "SAR-8", "approved",
                                answers=answers, seen=again.plans)
        assert cases.get_case(session, "SAR-8").status.value == "approved"
