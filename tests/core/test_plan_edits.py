"""Workspace edits of a plan: merge, split, dismiss, manual boxes, mute, review, approval."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import av
import cv2
import numpy as np
import pytest

from app.core.errors import ConflictError, InvalidInputError, PermissionDeniedError
from app.core.library.ingest import ingest_paths
from app.core.people.users import add_user, resolve_actor
from app.core.redaction import plan_edits as edits
from app.core.redaction.approval import ApprovalState, approval_of, decide, request_approval
from app.core.redaction.plan import Keyframe, RedactionPlan, TimeRange, mute_key
from app.core.redaction.plans import load_plan, save_plan
from app.core.store import audit
from app.core.store.database import Store
from app.core.store.models import AuditEvent, Role
from app.core.tracking.edits import EditOp, TrackEdit, apply_track_edits
from app.core.tracking.follow import follow_box
from app.core.tracking.tracker import BoxKind, build_tracks
from tests.conftest import make_video
from tests.core.test_tracking import SETTINGS, _run


def _frames() -> dict[int, list[tuple[float, float, float, float]]]:
    """A: frames 0-9 on the left; B: frames 16-30 further right (the same person after a gap
    longer than the tracker bridges); C: frames 0-30 standing still."""
    frames: dict[int, list[tuple[float, float, float, float]]] = {}
    for i in range(31):
        frames[i] = [(400, 200, 60, 60)]
        if i < 10:
            frames[i].append((100 + 5 * i, 50, 40, 40))
        if i >= 16:
            frames[i].append((180 + 5 * i, 50, 40, 40))
    return frames


def _tracks():  # type: ignore[no-untyped-def]
    return build_tracks(_run(_frames(), 31), 31, 10.0, SETTINGS)


def test_merge_joins_and_covers_the_gap_split_cuts_and_numbers_stably() -> None:
    tracks = _tracks()
    ids = {t.id: (t.detected_frames[0], t.detected_frames[-1]) for t in tracks}
    assert ids == {1: (0, 30), 2: (0, 9), 3: (16, 30)}
    merged = apply_track_edits(tracks, [TrackEdit(EditOp.MERGE, (2, 3))])
    assert [t.id for t in merged] == [1, 2]
    person = merged[1]
    gap = person.box_at(13)
    assert gap is not None and gap.kind is BoxKind.INTERPOLATED  # the gap is now covered
    assert tracks[1].box_at(13) is None  # the input is not changed
    split = apply_track_edits(tracks, [TrackEdit(EditOp.SPLIT, (1,), 20)])
    first, second = split[0], split[-1]
    assert (first.id, first.last_frame, second.id, second.first_frame) == (1, 19, 4, 20)
    assert first.box_at(20) is None and second.box_at(20) is not None
    # the same edits give the same numbers every time
    again = apply_track_edits(tracks, [TrackEdit(EditOp.SPLIT, (1,), 20)])
    assert [t.id for t in again] == [t.id for t in split]
    with pytest.raises(InvalidInputError, match="different people"):
        apply_track_edits(tracks, [TrackEdit(EditOp.MERGE, (1, 2))])
    with pytest.raises(InvalidInputError, match="each part needs"):
        apply_track_edits(tracks, [TrackEdit(EditOp.SPLIT, (2,), 25)])
    with pytest.raises(InvalidInputError, match="no track 9"):
        apply_track_edits(tracks, [TrackEdit(EditOp.SPLIT, (9,), 5)])


def test_plan_edits_keep_statuses_reasons_and_round_trip() -> None:
    tracks = _tracks()
    plan = RedactionPlan()
    plan, text = edits.set_track_action(plan, 2, edits.TrackAction.KEEP, "Requester")
    assert text == "keep visible track 2" and plan.keep_tracks == (2,)
    plan, _ = edits.set_track_action(plan, 3, edits.TrackAction.KEEP)
    merged, text = edits.merge(plan, tracks, [3, 2])
    assert text == "merge tracks 2, 3" and merged.keep_tracks == (2,)  # both kept: kept
    assert merged.reasons == {"track:2": "Requester"}
    mixed, _ = edits.merge(edits.set_track_action(plan, 3, edits.TrackAction.REDACT)[0],
                           tracks, [2, 3])
    assert mixed.keep_tracks == () and mixed.redacts_track(2)  # in doubt: redacted
    dismissed, text = edits.dismiss_from(plan, tracks, 1, 20)
    assert text == "mark track 1 as not a face from frame 20"
    assert dismissed.false_positive_tracks == (4,) and dismissed.redacts_track(1)
    eff = edits.effective_tracks(tracks, dismissed)
    assert {t.id for t in eff} == {1, 2, 3, 4}
    boxed, _, box_id = edits.add_manual_box(dismissed, Keyframe(5, 10, 10, 30, 30),
                                            "tattoo", "Third party - s.40(2)")
    boxed, text = edits.set_keyframes(boxed, box_id, [Keyframe(15, 50, 10, 30, 30)])
    assert boxed.manual_boxes[0].box_at(10) == (30.0, 10.0, 30.0, 30.0)
    muted, _ = edits.add_mute(boxed, 1.25, 2.5, "Address spoken")
    muted, _ = edits.mark_reviewed(muted, 3, 9)
    back = RedactionPlan.from_json(muted.to_json())
    assert back.sha256() == muted.sha256()
    assert back.reasons[mute_key(TimeRange(1.25, 2.5))] == "Address spoken"
    assert back.reasons["manual:1"] == "Third party - s.40(2)"
    assert back.reviewed == ((3, 9),) and back.track_edits == muted.track_edits
    assert edits.remove_mute(back, TimeRange(1.25, 2.5))[0].mute == ()
    assert edits.mark_reviewed(back, 3, 9, False)[0].reviewed == ()
    assert plan.track_edits == () and plan.manual_boxes == ()  # inputs never change
    with pytest.raises(InvalidInputError):
        RedactionPlan.from_dict({"reasons": {"everything": "x"}})
    with pytest.raises(InvalidInputError):
        RedactionPlan.from_dict({"track_edits": [{"op": "merge", "tracks": [1]}]})


def test_approval_binds_to_the_plan_hash_and_needs_another_supervisor(db_url: str,
                                                                      tmp_path: Path) -> None:
    store = Store(db_url, tmp_path / "data")
    video = make_video(tmp_path / "a.mp4")
    (result,) = ingest_paths(store, "officer", [video])
    fid = result.footage_id
    assert fid is not None
    with store.transaction() as session:
        admin = resolve_actor(session, "officer")  # first user: administrator
        add_user(session, admin, "sup", Role.SUPERVISOR)
        add_user(session, admin, "sup2", Role.SUPERVISOR)
        add_user(session, admin, "clerk", Role.CASE_STAFF)
    plan = RedactionPlan(keep_tracks=[1])
    with store.transaction() as session:
        sha = save_plan(session, resolve_actor(session, "sup"), fid, None, plan,
                        edit="keep visible track 1", reason="Requester")
        assert request_approval(session, resolve_actor(session, "sup"), fid, None,
                                sha).state is ApprovalState.REQUESTED
    for who, error in (("clerk", "only a supervisor"), ("officer", "only a supervisor"),
                       ("sup", "another supervisor")):
        with pytest.raises(PermissionDeniedError, match=error), store.transaction() as session:
            decide(session, resolve_actor(session, who), fid, None, sha, True)
    with pytest.raises(ConflictError, match="why"), store.transaction() as session:
        decide(session, resolve_actor(session, "sup2"), fid, None, sha, False)
    with store.transaction() as session:
        decided = decide(session, resolve_actor(session, "sup2"), fid, None, sha, True, "ok")
        assert decided.state is ApprovalState.APPROVED and decided.by == "sup2"
    with store.read() as session:
        assert approval_of(session, fid, None, sha).state is ApprovalState.APPROVED
        saved = session.query(AuditEvent).filter_by(action="plan.save").one()
        assert '"reason":"Requester"' in saved.details
    edited, text = edits.add_mute(plan, 0.0, 0.5)
    with store.transaction() as session:
        new_sha = save_plan(session, resolve_actor(session, "sup"), fid, None, edited,
                            edit=text)
    with store.read() as session:
        assert approval_of(session, fid, None, new_sha).state is ApprovalState.NOT_REQUESTED
        assert load_plan(session, fid, None) == edited
    with pytest.raises(ConflictError, match="changed"), store.transaction() as session:
        decide(session, resolve_actor(session, "sup2"), fid, None, sha, True)
    assert audit.verify(store).ok
    store.close()


def _moving_square(path: Path, frames: int = 40) -> Path:
    with av.open(str(path), "w") as out:
        stream = out.add_stream("libx264", rate=20)
        stream.width, stream.height, stream.pix_fmt = 320, 240, "yuv420p"
        rng = np.random.default_rng(1)
        background = rng.integers(0, 60, (240, 320, 3), dtype=np.uint8)
        patch = rng.integers(100, 255, (40, 40, 3), dtype=np.uint8)
        for i in range(frames):
            img = background.copy()
            x = 40 + 4 * i
            img[100:140, x:x + 40] = patch
            cv2.circle(img, (x + 20, 120), 8, (255, 0, 0), -1)
            frame = av.VideoFrame.from_ndarray(img, format="rgb24")
            frame.pts, frame.time_base = i, Fraction(1, 20)
            out.mux(stream.encode(frame))
        out.mux(stream.encode())
    return path


def test_follow_mode_propagates_a_manual_box(tmp_path: Path) -> None:
    video = _moving_square(tmp_path / "square.mp4")
    keys = follow_box(video, 5, (60.0, 100.0, 40.0, 40.0), 20)
    assert keys[0].frame == 5 and keys[-1].frame == 25
    last = keys[-1]
    assert abs(last.x - (40 + 4 * 25)) < 8 and abs(last.y - 100) < 8
    with pytest.raises(InvalidInputError):
        follow_box(video, 5, (60.0, 100.0, 1.0, 1.0), 20)


@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
def test_boxes_map_between_stored_and_upright_pixels(rotation: int) -> None:
    from app.core.media.rotation import box_to_stored, box_to_upright, to_stored, upright

    stored = np.zeros((48, 64, 3), np.uint8)
    stored[10:20, 30:45] = 255  # x 30, y 10, w 15, h 10
    shown = upright(stored, rotation)
    ys, xs = np.nonzero(shown[:, :, 0])
    expected = (xs.min(), ys.min(), xs.max() - xs.min() + 1, ys.max() - ys.min() + 1)
    mapped = box_to_upright((30, 10, 15, 10), rotation, 64, 48)
    assert tuple(round(v) for v in mapped) == tuple(int(v) for v in expected)
    assert tuple(round(v) for v in box_to_stored(mapped, rotation, 64, 48)) == (30, 10, 15, 10)
    assert (to_stored(shown, rotation) == stored).all()


def test_an_edit_leaves_the_plan_it_was_given_as_it_was() -> None:
    """Edits make new plans (the plan is frozen): the old one, which an undo step or an
    approval names, keeps its tracks, reasons and hash; a reason given again keeps its
    place among the reasons, one taken away is gone."""
    plan, _ = edits.set_track_action(RedactionPlan(), 3, edits.TrackAction.KEEP, "requester")
    plan, _ = edits.set_track_action(plan, 5, edits.TrackAction.KEEP, "officer")
    before = plan.sha256()
    again, _ = edits.set_track_action(plan, 3, edits.TrackAction.KEEP, "victim")
    assert list(again.reasons) == ["track:3", "track:5"] and again.reasons["track:3"] == "victim"
    gone, _ = edits.set_track_action(again, 5, edits.TrackAction.REDACT)
    assert gone.keep_tracks == (3,) and dict(gone.reasons) == {"track:3": "victim"}
    assert plan.sha256() == before and plan.keep_tracks == (3, 5)
    assert dict(plan.reasons) == {"track:3": "requester", "track:5": "officer"}
