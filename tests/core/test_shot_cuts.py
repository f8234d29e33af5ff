"""Shot cuts: an edited clip's cut to another shot is told from the pictures; no box is
carried, and no face tracked, across it, and review treats a shot's ends as the clip's."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import cv2
import numpy as np
import pytest

from app.core.detection.detector import Detection
from app.core.detection.presets import PRESETS
from app.core.detection.runs import run_from_json
from app.core.detection.shot_cuts import lookahead_frames, with_cuts, within_shot
from app.core.detection.video import DetectionRun, FrameDetections, detect_video
from app.core.errors import InvalidInputError
from app.core.media.decode import iter_frames
from app.core.media.probe import probe
from app.core.redaction import plan_edits
from app.core.redaction.carry_over import carried_plan, match_runs
from app.core.redaction.plan import RedactionPlan
from app.core.redaction.plan_edits import TrackAction, effective_tracks
from app.core.tracking.review import ReviewReason, review_ranges
from app.core.tracking.tracker import FACE, build_tracks
from tests.conftest import TESTDATA
from tests.core.test_engine import _background, _face, _write


def _texture(seed: int, width: int = 320, height: int = 180) -> np.ndarray:
    """A grey textured picture (blobs a tenth of its height across), one per seed."""
    rng = np.random.default_rng(seed)
    small = rng.integers(20, 235, (height // 18, width // 18), dtype=np.uint8)
    return np.ascontiguousarray(cv2.resize(small, (width, height),
                                           interpolation=cv2.INTER_CUBIC))


def _cuts(pictures: list[np.ndarray], lookahead: int = 12) -> tuple[list[int], list[int]]:
    """The frames that start a shot and those that end one, as ``with_cuts`` tells them
    (checking that every frame comes back once, in order, with its picture)."""
    out = list(with_cuts(list(enumerate(pictures)), lambda item: item[1], lookahead))
    assert [item[0] for item, _gray, _s, _e in out] == list(range(len(pictures)))
    assert all(gray is pictures[i] for (i, _p), gray, _s, _e in out)
    return [i for (i, _p), _g, s, _e in out if s], [i for (i, _p), _g, _s, e in out if e]


def test_a_cut_is_where_the_picture_changes_wholly_and_stays_changed() -> None:
    a, b, c = _texture(1), _texture(2), _texture(4)
    assert _cuts([a] * 20 + [b] * 20) == ([20], [19])
    assert _cuts([a] * 20 + [b] * 20 + [c] * 20) == ([20, 40], [19, 39])
    assert _cuts([a] * 20 + [b] * 3) == ([20], [19])  # near the end: what lookahead there is
    assert _cuts([a, b]) == ([], [])  # nothing after the change to tell it by
    assert _cuts([a] * 5) == ([], [])
    assert lookahead_frames(25.0) == 12 and lookahead_frames(5.0) == 2


def test_no_cut_where_the_picture_brightens_swings_blinks_or_comes_back() -> None:
    a, b = _texture(1), _texture(2)
    flash = np.clip(a.astype(np.float32) * 1.5 + 30, 0, 255).astype(np.uint8)
    assert _cuts([a] * 5 + [flash] * 2 + [a] * 5) == ([], [])  # a flash, exposure
    wide = _texture(3, 1600, 180)
    pan = [wide[:, x:x + 320] for x in [0] * 4 + list(range(0, 1280, 60))[1:9] + [480] * 4]
    assert _cuts(pan) == ([], [])  # a whip pan and the camera coming to rest
    black = np.zeros_like(a)
    assert _cuts([a] * 5 + [black] + [a] * 5) == ([], [])  # a dropped frame inside a shot
    assert _cuts([a] * 5 + [b] + [a] * 5) == ([], [])  # a one-frame glitch
    assert _cuts([a] * 20 + [b] * 8 + [a] * 20) == ([], [])  # a hand over the lens, gone
    left, right = a.copy(), a.copy()  # police lights: one side lit, then the other
    left[:, :160] = np.clip(left[:, :160].astype(np.int32) * 2 + 60, 0, 255)
    right[:, 160:] = np.clip(right[:, 160:].astype(np.int32) * 2 + 60, 0, 255)
    assert _cuts(([left] * 3 + [right] * 3) * 8) == ([], [])
    rng = np.random.default_rng(5)  # a dark street, barely any detail, flickering
    dark = [np.clip(20 + rng.normal(0, 1.6 + (i % 2) * 0.8, (180, 320)), 0, 255)
            .astype(np.uint8) for i in range(30)]
    assert _cuts(dark) == ([], [])
    assert _cuts([a] * 5 + [black] + [b] * 5) == ([6], [5])  # a black frame between shots


def test_a_track_s_frames_are_cut_down_to_its_shot() -> None:
    assert within_shot([10, 20], 12, 5, 30) == (10, 19)
    assert within_shot([10, 20], 3, 0, 12) == (0, 9)
    assert within_shot([10, 20], 25, 18, 40) == (20, 40)
    assert within_shot([], 25, 18, 40) == (18, 40)


def _still_face_run(cut_at: int | None, frames: int = 40) -> DetectionRun:
    """A face box at one place on every other frame, a cut (or none) on ``cut_at``."""
    run = DetectionRun("synthetic", 640, 360, 0, PRESETS["balanced"], [])
    for i in range(frames):
        boxes = [Detection(300, 150, 60, 60, 0.9, "yunet")] if i % 2 == 0 or i == cut_at \
            else []
        run.frames.append(FrameDetections(i, i / 25, boxes, bool(boxes), cut=i == cut_at))
    return run


def test_no_face_is_tracked_across_a_cut_nor_padded_past_it() -> None:
    (one,) = build_tracks(_still_face_run(None), 40, 25.0)  # without the cut: one track
    assert (one.first_frame, one.last_frame) == (0, 39)
    before, after = build_tracks(_still_face_run(21), 40, 25.0)
    assert (before.first_frame, before.last_frame) == (0, 20)
    assert (after.first_frame, after.last_frame) == (21, 39)
    assert before.box_at(21) is None and after.box_at(20) is None
    back = run_from_json(_still_face_run(21).as_json(), PRESETS["balanced"])
    assert back.shot_starts() == [21]  # as a stored run is read back
    assert (before.shot, after.shot) == (0, 1)
    with pytest.raises(InvalidInputError, match="different shots"):
        plan_edits.merge(RedactionPlan(), [before, after], [before.id, after.id])


def test_a_decision_about_a_track_that_went_on_over_a_cut_is_not_carried_by_default() -> None:
    """A plan kept a person on a run made before cuts were told, whose track went on over
    the cut as whoever stood there after it: on the new run, the person's two tracks (one
    each side of the cut) are offered, neither ticked, and not merged again."""
    old = build_tracks(_still_face_run(None), 40, 25.0)
    plan, _ = plan_edits.set_track_action(RedactionPlan(detection_run="old"), old[0].id,
                                          TrackAction.KEEP, "Requester")
    plan, _, _part = plan_edits.split(plan, old, old[0].id, 30)  # a merge the person made,
    plan, _ = plan_edits.merge(plan, old, [1, 2])  # and so one to carry
    new_run = _still_face_run(21)
    new = build_tracks(new_run, 40, 25.0)
    carry = match_runs(plan, effective_tracks(old, plan), new, 40, "new", "",
                       new_run.shot_starts())
    (decision,) = carry.decisions
    assert decision.new_tracks == (1, 2) and decision.shots == 2
    assert not any(decision.sure(t) for t in decision.new_tracks) and carry.merges == 0
    carried, _ = carried_plan(plan, carry)
    assert carried.keep_tracks == ()  # nobody kept visible until a person ticks them
    after_only = _still_face_run(21)  # the new run finds a face only after the cut
    for f in after_only.frames[:21]:
        f.boxes, f.detected = [], f.index % 2 == 0
    carry = match_runs(plan, effective_tracks(old, plan), build_tracks(after_only, 40, 25.0),
                       40, "new", "", after_only.shot_starts())
    (decision,) = carry.decisions
    assert decision.new_tracks == (1,) and decision.shots == 2 and not decision.sure(1)
    same = match_runs(plan, effective_tracks(old, plan), build_tracks(_still_face_run(None),
                      40, 25.0), 40, "new")
    assert all(same.decisions[0].sure(t) for t in same.decisions[0].new_tracks)  # no cut


def test_review_takes_a_shot_s_ends_as_the_clip_s() -> None:
    run = _still_face_run(None, 120)
    for f in run.frames:  # a face lost on frame 38, someone found near it on frame 70
        if 38 < f.index < 70:
            f.boxes, f.detected = [], f.index % 2 == 0
        elif f.index >= 70:
            f.boxes = [Detection(320, 150, 60, 60, 0.9, "yunet")] if f.boxes else []

    def reasons() -> dict[ReviewReason, list[int | None]]:
        out: dict[ReviewReason, list[int | None]] = {}
        for r in review_ranges(run, build_tracks(run, 120, 25.0), 120, 25.0):
            out.setdefault(r.reason, []).append(r.track_id)
        return out

    assert ReviewReason.SAME_PERSON in reasons()  # one shot: maybe one person lost a while
    run.frames[70].cut = True  # the second face is found on the first frame of a new shot
    asked = reasons()
    assert ReviewReason.SAME_PERSON not in asked and ReviewReason.TRACK_STARTED not in asked
    assert asked[ReviewReason.TRACK_ENDED] == [1]  # the first lost in its shot: still asked
    run.frames[70].cut, run.frames[100].cut = False, True  # the cut well after: as before
    assert ReviewReason.SAME_PERSON in reasons()


@pytest.mark.slow
def test_the_developer_clips_cut_only_where_they_are_edited() -> None:
    clips = sorted(p for folder in (TESTDATA / "videos", TESTDATA / "crowds" / "videos")
                   if folder.is_dir() for p in folder.iterdir()
                   if p.suffix in (".mp4", ".mov"))
    if not clips:
        pytest.skip(f"shared test clips not found under {TESTDATA}")
    edited = {"face_recognition_short_hamilton_clip.mp4": [20, 82, 211],  # a broadcast
              "mmaction2_demo.mp4": [268],  # two clips joined, glitched frames between
              "pyfeat_face_noface.mov": [73]}  # a face, a black frame, a cartoon sky
    for clip in clips:
        starts = [d.index for d, _g, s, _e in with_cuts(
            iter_frames(clip), lambda d: d.frame.to_ndarray(format="gray"),
            lookahead_frames(probe(clip).fps)) if s]
        assert starts == edited.get(clip.name, []), clip.name


@pytest.mark.parametrize("cut", [25, 26])  # on the default's every-other-frame stride or off
def test_a_cut_between_two_people_standing_in_one_place(tmp_path: Path, cut: int) -> None:
    """Shot A shows one person, shot B another where A stood: both sides of the cut are
    looked at, nothing is carried across it, and no track holds both people."""
    run = _two_shots(tmp_path, cut, lambda i: 250 + (i % cut))  # each walks slowly right
    assert run.shot_starts() == [cut]
    assert run.frames[cut - 1].detected and run.frames[cut].detected
    faces = [t for t in build_tracks(run, 40, 25.0) if t.category == FACE]
    assert faces and all(t.last_frame < cut or t.first_frame >= cut for t in faces)
    for i in (cut - 1, cut, cut + 1):  # each person under a box on the frames beside the cut
        x = 250 + (i % cut)
        centre = (x + 48, 168)
        assert any(t.box_at(i) is not None and _holds(t.box_at(i), centre) for t in faces), i


def test_nothing_is_carried_over_a_cut(tmp_path: Path) -> None:
    """Two people far apart, one in each shot: no box of shot A's person is carried into
    shot B, nor B's back into A (by motion, either way)."""
    cut = 27
    run = _two_shots(tmp_path, cut, lambda i: 60 + i if i < cut else 470 - (i - cut))
    assert run.shot_starts() == [cut]
    for f in run.frames:
        assert all((b.x + b.w / 2 < 320) == (f.index < cut) for b in f.boxes), f.index
    assert any(b.x + b.w / 2 < 320 for b in run.frames[cut - 1].boxes)
    assert any(b.x + b.w / 2 >= 320 for b in run.frames[cut].boxes)


def _two_shots(tmp_path: Path, cut: int, x_of: Callable[[int], int]) -> DetectionRun:
    """The default's run over 40 frames (25 fps): one real face on one background up to
    ``cut``, another face on another background from it, each at ``x_of(frame)``."""
    first, second = _face(0, 96), _face(1, 96)
    scene_a, scene_b = _background(640, 360), _background(640, 360)[::-1, ::-1].copy()
    frames = []
    for i in range(40):
        picture = (scene_a if i < cut else scene_b).copy()
        x = x_of(i)
        picture[120:216, x:x + 96] = first if i < cut else second
        frames.append(picture)
    clip = tmp_path / "shots.mp4"
    _write(clip, frames, 25)
    return detect_video(clip, "balanced")


def _holds(box: object, point: tuple[float, float]) -> bool:
    x, y, w, h = (getattr(box, k) for k in ("x", "y", "w", "h"))
    return bool(x <= point[0] <= x + w and y <= point[1] <= y + h)
