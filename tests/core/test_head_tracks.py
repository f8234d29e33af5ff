"""Heads of people seen from behind as tracks (issue 20): the real person detector looks now
and then at a real encoded video of people walking away (a crowd photograph the camera pans
across), their head regions are carried by motion on every frame between, and the export's
renderer hides each hand-labelled head on every frame; on frames where a face track covers
a head, the face track (and its decision) stands for the person."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import av
import cv2
import numpy as np
import pytest

from app.core.detection.detector import Detection, preset_models
from app.core.detection.people import head_regions
from app.core.detection.presets import get_preset, preset_from_dict
from app.core.detection.runs import run_from_json
from app.core.detection.video import detect_video, most_upright
from app.core.errors import InvalidInputError
from app.core.export.residual import classify
from app.core.redaction.head_placement import RULE_PADDING, head_turn, may_narrow
from app.core.redaction.plan import RedactionPlan, Shape
from app.core.redaction.plan_edits import output_choices, set_output_choices
from app.core.redaction.render import (
    Region,
    frame_regions,
    kept_face_stands_for,
    padded_region,
    region_mask,
)
from app.core.tracking.edits import merge_tracks, split_track
from app.core.tracking.review import review_ranges
from app.core.tracking.tracker import FACE, HEAD, BoxKind, TrackBox, build_tracks
from tests.conftest import TESTDATA

FPS, FRAMES, W, H, STEP = 10, 24, 800, 600, 3  # the camera pans 3 px a frame
PHOTO = "crowds/images/53_Raid_policeraid_53_489.jpg"  # five people walking away


def labelled_heads() -> list[list[int]]:
    labels = json.loads((Path(__file__).parents[1] / "heads_labels.json").read_text())
    return next(i["heads"] for i in labels["images"] if i["file"] == PHOTO)


def pan_video(path: Path) -> Path:
    photo = cv2.imread(str(TESTDATA / PHOTO))
    if photo is None:
        pytest.skip(f"shared test data not found at {TESTDATA} (set BWV_TESTDATA)")
    rgb = np.ascontiguousarray(photo[:, :, ::-1])
    with av.open(str(path), "w") as out:
        stream = out.add_stream("libx264", rate=FPS)
        stream.width, stream.height, stream.pix_fmt = W, H, "yuv420p"
        for i in range(FRAMES):
            frame = np.ascontiguousarray(rgb[40:40 + H, STEP * i:STEP * i + W])
            out.mux(stream.encode(av.VideoFrame.from_ndarray(frame, format="rgb24")))
        out.mux(stream.encode())
    return path


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    path = pan_video(tmp_path_factory.mktemp("heads") / "walking_away.mp4")
    return detect_video(path, dataclasses.replace(get_preset("fast"), heads_every_s=1.0))


def test_heads_seen_from_behind_are_hidden_on_every_frame(run) -> None:  # type: ignore[no-untyped-def]
    tracks = build_tracks(run, FRAMES, FPS)
    heads = [t for t in tracks if t.category == HEAD]
    assert heads, [t.summary() for t in tracks]
    plan = RedactionPlan()
    for i in range(FRAMES):
        boxes = [(t.id, b) for t in tracks if (b := t.box_at(i)) is not None]
        redact, _keep = frame_regions(i, boxes, plan, W, H)
        hidden = np.zeros((H, W), bool)
        for r in redact:
            hidden[r.y1:r.y2, r.x1:r.x2] |= region_mask(r, plan.shape)
        shares = []
        for x1, y1, x2, y2 in labelled_heads():
            x1, x2, y1, y2 = x1 - STEP * i, x2 - STEP * i, y1 - 40, y2 - 40
            if x1 < 0 or x2 > W:
                continue  # panned out of view
            shares.append(float(hidden[y1:y2, x1:x2].mean()))
        # every head but at most one (the detector misses one in twelve on the labelled set)
        assert sum(s >= 0.9 for s in shares) >= len(shares) - 1, (i, shares)
    assert any(set(h.detected_frames) - h.carried for h in heads)  # found by a look
    assert run.models[-1]["detector"] == "heads" and \
        preset_models(run.preset)[-1]["sha256"] == run.models[-1]["sha256"]
    # people walking away are not faces to review
    assert all(r.track_id not in {h.id for h in heads} for r in review_ranges(
        run, tracks, FRAMES, FPS))


def test_heads_survive_a_stored_run(run) -> None:  # type: ignore[no-untyped-def]
    again = run_from_json(run.as_json(), run.preset)
    before = [t for t in build_tracks(run, FRAMES, FPS) if t.category == HEAD]
    after = [t for t in build_tracks(again, FRAMES, FPS) if t.category == HEAD]
    assert [t.summary() for t in before] == [t.summary() for t in after] and before
    assert [t.wholes for t in before] == [t.wholes for t in after]


def test_each_head_knows_its_whole_person(run) -> None:  # type: ignore[no-untyped-def]
    """Every head track's frames carry its person's box (carried by motion with the head in
    the proportions of the last look): the head region spans it (at least as wide; a look's
    region joins what was carried) and lies over its top."""
    heads = [t for t in build_tracks(run, FRAMES, FPS) if t.category == HEAD]
    for track in heads:
        assert set(track.wholes) == set(track.keyframes)
        for frame, (hx1, hy1, hx2, hy2, _s) in track.keyframes.items():
            x1, y1, x2, y2 = track.wholes[frame]
            assert hx1 <= x1 + 0.5 and x2 <= hx2 + 0.5 and hy1 <= y1 + 0.5 and \
                y1 < hy2 < y2, (track.id, frame)
    first, second = split_track(heads[0], heads[0].detected_frames[1], 99)
    assert set(first.wholes) | set(second.wholes) == set(heads[0].wholes)
    assert merge_tracks([first, second]).wholes == heads[0].wholes


def test_a_kept_face_is_not_hidden_again_by_its_own_head() -> None:
    """The walking clip's people face the camera. Their head regions hide them on every
    frame, over their redacted faces (hidden twice, never a leak); when both are kept
    visible (requesters), no head region hides any part of a kept face."""
    clip = TESTDATA / "videos" / "intel_face-demographics-walking.mp4"
    if not clip.is_file():
        pytest.skip(f"shared test data not found at {clip} (set BWV_TESTDATA)")
    run = detect_video(clip, dataclasses.replace(get_preset("fast"), heads_every_s=0.5))
    tracks = build_tracks(run, len(run.frames), 12)
    assert any(t.category == FACE for t in tracks) and any(t.category == HEAD for t in tracks)
    heads = {t.id for t in tracks if t.category == HEAD}
    both = RedactionPlan(keep_tracks=[t.id for t in tracks if t.category == FACE])
    drawn = kept_frames = 0
    for i in range(len(run.frames)):
        boxes = [(t.id, b) for t in tracks if (b := t.box_at(i)) is not None]
        redact, _ = frame_regions(i, boxes, RedactionPlan(), run.width, run.height)
        drawn += sum(r.track_id in heads for r in redact)
        redact, keep = frame_regions(i, boxes, both, run.width, run.height)
        kept_frames += bool(keep)
        for k in keep:
            for r in redact:
                overlap = max(0, min(k.x2, r.x2) - max(k.x1, r.x1)) * \
                    max(0, min(k.y2, r.y2) - max(k.y1, r.y1))
                assert overlap == 0, (i, k, r)
    assert kept_frames >= 0.9 * len(run.frames)
    # with nobody kept, every head box is hidden (a redacted face over it changes nothing)
    assert drawn == sum(1 for t in tracks if t.category == HEAD for _f in t.keyframes)


def _box(category: str, x: float, y: float, side: float) -> TrackBox:
    return TrackBox(0, x, y, side, side, BoxKind.DETECTED, 0.9, category)


def test_a_head_is_hidden_but_where_a_kept_face_is_its_persons() -> None:
    """A head is hidden even where a redacted face covers it too; a face kept visible stands
    for its own head (the requester is not hidden again); a face dismissed as not a face, a
    face beside a head, or a kept face far smaller than a near head or off its middle stands
    for nobody."""
    head, face = (2, _box(HEAD, 100, 100, 120)), (1, _box(FACE, 130, 140, 50))
    shown, _ = frame_regions(0, [face, head], RedactionPlan(), 640, 480)
    assert {r.track_id for r in shown} == {1, 2}
    shown, keep = frame_regions(0, [face, head], RedactionPlan(keep_tracks=[1]), 640, 480)
    assert shown == [] and [r.track_id for r in keep] == [1]  # the requester stays visible
    shown, _ = frame_regions(0, [face, head], RedactionPlan(false_positive_tracks=[1]),
                             640, 480)
    assert [r.track_id for r in shown] == [2]  # not a face: the head is hidden
    alone, _ = frame_regions(1, [head], RedactionPlan(keep_tracks=[1]), 640, 480)
    assert [r.track_id for r in alone] == [2] and alone[0].shape is Shape.RECTANGLE
    near, far = (1, _box(FACE, 500, 200, 200)), (2, _box(HEAD, 443, 55, 40))
    shown, _ = frame_regions(0, [near, far], RedactionPlan(), 1280, 720)
    assert {r.track_id for r in shown} == {1, 2}  # a far head beside a near face
    kept, bystander = (1, _box(FACE, 560, 300, 60)), (2, _box(HEAD, 300, 150, 300))
    shown, _ = frame_regions(0, [kept, bystander], RedactionPlan(keep_tracks=[1]), 1280, 720)
    assert [r.track_id for r in shown] == [2]  # a close bystander seen from behind
    small = (1, _box(FACE, 440, 170, 20))  # central, but far too small to be its own face
    shown, _ = frame_regions(0, [small, bystander], RedactionPlan(keep_tracks=[1]), 1280, 720)
    assert [r.track_id for r in shown] == [2]
    own = (1, _box(FACE, 420, 170, 60))  # central and a face's size: the kept person's own
    shown, kept = frame_regions(0, [own, bystander], RedactionPlan(keep_tracks=[1]), 1280, 720)
    assert shown == [] and [r.track_id for r in kept] == [1]


def test_a_kept_face_is_never_covered_by_someone_elses_head_region() -> None:
    """A bystander's head region (a coarse box from the person detector) that reaches over
    a kept face leaves the kept face's pixels alone and hides the rest; a bystander's face
    found there is still hidden over it, and the residual check counts the spared pixels as
    uncovered. Hiding whole people spares it likewise; an inverse export hides the same."""
    from app.core.redaction.render import render_frame, uncovered_share
    kept, bystander = (1, _box(FACE, 560, 300, 60)), (2, _box(HEAD, 300, 150, 320))
    rng = np.random.default_rng(7)
    image = rng.integers(0, 255, (720, 1280, 3), np.uint8)
    plan = RedactionPlan(keep_tracks=[1])
    out = image.copy()
    hidden, keep = render_frame(out, 0, [kept, bystander], plan)
    assert [r.track_id for r in hidden] == [2] and [r.track_id for r in keep] == [1]
    own = padded_region((560, 300, 60, 60), 1.0, 1280, 720, BoxKind.DETECTED, 1,
                        shape=Shape.RECTANGLE)
    assert own is not None  # the kept face's head, unpadded: what head regions spare
    face_mask = region_mask(own, plan.shape)
    face = (slice(own.y1, own.y2), slice(own.x1, own.x2))
    assert np.array_equal(out[face][face_mask], image[face][face_mask])  # untouched
    ring = (out != image).any(axis=2)  # and no more: just outside its head box, hidden
    assert ring[own.y1 - 3, own.x1:own.x2].all() and ring[own.y2 + 2, own.x1:own.x2].all()
    assert ring[own.y1:own.y2, own.x1 - 3].all() and ring[own.y1:own.y2, own.x2 + 2].all()
    head = hidden[0]
    rest = region_mask(head, plan.shape)
    assert rest.sum() > 0.8 * (head.x2 - head.x1) * (head.y2 - head.y1)
    changed = (out != image).any(axis=2)[head.y1:head.y2, head.x1:head.x2]
    assert changed[rest].mean() > 0.9 and not changed[~rest].any()
    # the face's box as the check would see it: partly uncovered, because it is spared
    box = (575, 310, 605, 350)
    assert uncovered_share(box, hidden, plan) > 0.9
    assert uncovered_share(box, [dataclasses.replace(head, spares=())], plan) == 0.0
    # a bystander's face found over the kept face is hidden there all the same
    other = (3, _box(FACE, 570, 310, 40))
    out = image.copy()
    render_frame(out, 0, [kept, bystander, other], plan)
    assert (out[320:345, 580:605] != image[320:345, 580:605]).any(axis=2).mean() > 0.9
    whole = (2, dataclasses.replace(bystander[1], whole=(250.0, 150.0, 700.0, 720.0)))
    hidden, _ = frame_regions(0, [kept, whole], dataclasses.replace(
        plan, hide_whole_people=True), 1280, 720)
    assert len(hidden) == 2 and all(r.spares for r in hidden)
    inverse = dataclasses.replace(plan, inverse=True)
    out = image.copy()
    render_frame(out, 0, [kept, bystander], inverse)
    # inverse restores the kept face's region (an ellipse) where the bystander's head region
    # spares it (its head), and hides that head region round it, also inside the kept
    # face's grown region, as an ordinary export does (until 2026-12-04 the inverse restored
    # the whole grown region)
    restored = np.zeros(image.shape[:2], bool)
    restored[keep[0].y1:keep[0].y2, keep[0].x1:keep[0].x2] = region_mask(keep[0], plan.shape)
    spared = np.zeros(image.shape[:2], bool)
    spared[face] = face_mask
    assert (restored & spared).sum() > 0.7 * spared.sum()
    assert np.array_equal(out[restored & spared], image[restored & spared])
    ring = (out != image).any(axis=2)
    assert ring[restored & ~spared].all() and (restored & ~spared).sum() > 500


def test_a_large_hidden_face_narrows_its_persons_head_region() -> None:
    """A face hidden by its own track and large enough for the face detectors to follow
    (64 px or more on a frame of up to a megapixel) is its person's when it sits near the top
    middle of their box: their head region is then narrowed to the face region's width (the
    shoulders of everyone close to the camera are not hidden; what is above or below the face
    still is). A small face, one off the person's middle or at their chest, a face two
    people's boxes would claim, a plan that hides whole people, or a head whose run holds no
    person box leaves the whole head region hidden; the rule follows the display rotation."""
    person = (400.0, 100.0, 700.0, 720.0)  # x1, y1, x2, y2: standing, 300 px wide
    head = (2, dataclasses.replace(_box(HEAD, 380, 55, 340), whole=person))
    whole_width = 340 * RedactionPlan().padding

    def head_width(face: TrackBox, plan: RedactionPlan | None = None,
                   one: tuple[int, TrackBox] = head, size: tuple[int, int] = (1280, 720),
                   rotation: int = 0) -> float:
        shown, _ = frame_regions(0, [(1, face), one], plan or RedactionPlan(), *size,
                                 rotation)
        region = next(r for r in shown if r.track_id == 2)  # the head region (then whole)
        fx1, fy1, fx2, fy2 = region.full
        return fy2 - fy1 if rotation % 180 else fx2 - fx1

    own = _box(FACE, 510, 120, 80)
    shown, _ = frame_regions(0, [(1, own), head], RedactionPlan(), 1280, 720)
    face, narrowed = sorted(shown, key=lambda r: r.track_id or 0)
    # the face region's width and the middle of the person (490-610), no more
    assert narrowed.x1 <= min(face.x1, 490) and narrowed.x2 >= max(face.x2, 610)
    assert narrowed.x1 >= min(face.x1, 490) - 1 and narrowed.x2 <= max(face.x2, 610) + 1
    assert narrowed.y1 < 60 and narrowed.y2 == face.y2  # above the face: still; not below
    assert head_width(own) < 0.5 * whole_width
    # a nearer person's face in front of someone seen from behind, off their middle: the
    # narrowed region still hides the middle of the person behind, where their head is
    behind = (2, dataclasses.replace(_box(HEAD, 480, 105, 340), whole=(500.0, 150.0, 800.0,
                                                                       750.0)))
    for x in (643, 680):
        shown, _ = frame_regions(0, [(1, _box(FACE, x, 200, 64)), behind], RedactionPlan(),
                                 1280, 720)
        region = next(r for r in shown if r.track_id == 2)
        assert region.x1 <= 590 and region.x2 >= 710, x
    for other in (_box(FACE, 515, 120, 40),  # too small to be followed surely
                  _box(FACE, 600, 120, 80),  # beside the middle: someone else
                  _box(FACE, 510, 330, 80)):  # at the chest: someone in front
        assert head_width(other) >= whole_width - 2
    assert head_width(own, RedactionPlan(hide_whole_people=True)) >= whole_width - 2
    assert head_width(own, one=(2, dataclasses.replace(head[1], whole=None))) >= \
        whole_width - 2
    assert head_width(own, size=(3840, 2160)) >= whole_width - 2  # 64 px is small in 4K
    # two faces in one person's box: neither is surely theirs
    shown, _ = frame_regions(0, [(1, own), (3, _box(FACE, 520, 130, 75)), head],
                             RedactionPlan(), 1280, 720)
    (region,) = [r for r in shown if r.track_id == 2]
    assert region.full[2] - region.full[0] >= whole_width - 2
    # the same scene displayed turned by 90 degrees: stored +x is displayed up, so the
    # person's top is their box's right side
    turned = (2, TrackBox(0, 380, 380, 340, 340, BoxKind.DETECTED, 0.9, HEAD,
                          whole=(100.0, 400.0, 720.0, 700.0)))
    assert head_width(TrackBox(0, 600, 510, 80, 80, BoxKind.DETECTED, 0.9, FACE),
                      one=turned, size=(1280, 720), rotation=90) < 0.5 * whole_width
    assert head_width(TrackBox(0, 120, 510, 80, 80, BoxKind.DETECTED, 0.9, FACE),
                      one=turned, size=(1280, 720), rotation=90) >= whole_width - 2
    shown, _ = frame_regions(0, [(1, TrackBox(0, 600, 510, 80, 80, BoxKind.DETECTED, 0.9,
                                              FACE)), turned], RedactionPlan(), 1280, 720, 90)
    face, narrowed = sorted(shown, key=lambda r: r.track_id or 0)
    assert narrowed.full[0] == face.full[0]  # ends at the face's displayed lower edge
    assert narrowed.full[2] > face.full[2]  # and keeps what is above it
    # close to the camera, cut off by the frame's bottom: the face is half-way down the box
    close = (2, dataclasses.replace(_box(HEAD, 60, -10, 440), whole=(70.0, 20.0, 490.0, 360.0)))
    shown, _ = frame_regions(0, [(1, _box(FACE, 210, 124, 177)), close], RedactionPlan(),
                             640, 360)
    face, narrowed = sorted(shown, key=lambda r: r.track_id or 0)
    assert narrowed.x2 - narrowed.x1 <= face.x2 - face.x1 + 2
    # a face past its track's end (grown while lost) is no longer sure: the whole region
    lost = dataclasses.replace(_box(FACE, 510, 120, 80), kind=BoxKind.PADDED)
    assert head_width(lost) >= whole_width - 2


def test_a_face_the_check_sees_in_a_kept_head_is_no_finding() -> None:
    """A head kept visible (a requester seen from behind) is kept on purpose: a face the
    residual check sees inside it is not reported, nor hidden by the closed loop."""
    head = (2, _box(HEAD, 100, 100, 120))
    seen = [Detection(140, 130, 40, 50, 0.9, "check")]
    assert classify(seen, 0, 0, 0.0, [head], RedactionPlan(keep_tracks=[2]), 640, 480, 0) == []
    assert classify(seen, 0, 0, 0.0, [head], RedactionPlan(), 640, 480, 0) == []  # hidden
    beside = [Detection(186, 140, 30, 36, 0.9, "check")]  # at the region's side: someone else
    assert classify(beside, 0, 0, 0.0, [head], RedactionPlan(keep_tracks=[2]), 640, 480,
                    0) != []


def test_heads_are_on_in_the_default_and_runs_made_without_them_still_match() -> None:
    """The default preset looks for people twice a second (issue 13: heads turned from the
    face detectors are hidden); a preset without heads keeps the key runs were stored
    under, and a stored run without them reads as made without them."""
    balanced = get_preset("balanced")
    assert balanced.heads_every_s == 0.5 and balanced.as_dict()["heads_rules"] == 3
    assert get_preset("thorough").heads_every_s > 0
    fast = get_preset("fast")
    assert fast.heads_every_s == 0 and "heads_every_s" not in fast.as_dict()
    assert preset_from_dict(fast.as_dict()) == fast
    names = [m["name"] for m in preset_models(balanced)]
    assert "yolox-nano" in names and "yolox-nano" not in [m["name"] for m in
                                                          preset_models(fast)]


def test_a_plan_may_leave_heads_visible_and_says_so() -> None:
    """"Hide the heads of people seen from behind" is a plan option: on by default (plans
    made before it keep their hash), off it leaves head tracks undrawn while faces are still
    hidden, and the edit names the change."""
    head, face = (2, _box(HEAD, 100, 100, 120)), (1, _box(FACE, 400, 140, 50))
    plan = RedactionPlan()
    assert plan.hide_heads and "hide_heads" not in plan.to_dict()
    choices = dataclasses.replace(output_choices(plan), hide_heads=False)
    leave, said = set_output_choices(plan, choices)
    assert "heads of people seen from behind left visible" in said
    assert "heads" not in set_output_choices(plan, output_choices(plan))[1]
    again = RedactionPlan.from_json(leave.to_json())
    assert again.hide_heads is False and again.sha256() != plan.sha256()
    shown, _ = frame_regions(0, [face, head], again, 640, 480)
    assert [r.track_id for r in shown] == [1]
    shown, _ = frame_regions(0, [face, head], plan, 640, 480)
    assert {r.track_id for r in shown} == {1, 2}
    with pytest.raises(InvalidInputError):
        RedactionPlan.from_dict({"hide_heads": "no"})


def test_a_plan_may_hide_whole_people_but_a_kept_person() -> None:
    """"Hide whole people": a head track's whole person is hidden instead of its head; the
    person whose kept face stands for the head stays visible whole; a head without a known
    person (a run made before people were stored) is hidden as a head."""
    whole = (60.0, 90.0, 180.0, 400.0)
    head = (2, dataclasses.replace(_box(HEAD, 60, 80, 120), whole=whole))
    plan = RedactionPlan(hide_whole_people=True)
    assert plan.to_dict()["hide_whole_people"] is True
    assert "hide_whole_people" not in RedactionPlan().to_dict()
    shown, _ = frame_regions(0, [head], plan, 640, 480)  # the head region and the person
    assert len(shown) == 2 and max(r.y2 for r in shown) >= 400
    assert min(r.y1 for r in shown) <= 80 and {r.shape for r in shown} == {Shape.RECTANGLE}
    face = (1, _box(FACE, 100, 100, 40))  # the person's own face, kept
    shown, kept = frame_regions(0, [face, head], dataclasses.replace(plan, keep_tracks=[1]),
                                640, 480)
    assert shown == [] and [r.track_id for r in kept] == [1]
    shown, _ = frame_regions(0, [(2, _box(HEAD, 60, 80, 120))], plan, 640, 480)
    assert len(shown) == 1 and shown[0].y2 < 300  # the head alone
    leave = dataclasses.replace(plan, hide_heads=False)  # whole people win
    assert [r.track_id for r in frame_regions(0, [head], leave, 640, 480)[0]] == [2, 2]


def test_a_kept_face_stands_for_its_head_as_displayed() -> None:
    """On footage turned a quarter, "the middle of the head region's width" is along the
    stored height: a face centred there stands for the head, one at its side does not."""
    head = Region(100, 100, 220, 340, BoxKind.DETECTED, 2)  # 120 x 240 stored: wide shown
    central = [Region(140, 200, 180, 240, BoxKind.DETECTED, 1)]
    side = [Region(140, 110, 180, 150, BoxKind.DETECTED, 1)]
    assert kept_face_stands_for(head, central, 90) and kept_face_stands_for(head, central, 270)
    assert not kept_face_stands_for(head, side, 90)
    assert kept_face_stands_for(head, side, 0)  # upright, x is the width: 160 is central


def _head_of(x1: float, y1: float, x2: float, y2: float,
             kind: BoxKind = BoxKind.DETECTED) -> TrackBox:
    """The head track box ``people.head_regions`` gives a person boxed x1, y1, x2, y2 in a
    1280-wide frame, the person's box attached."""
    (hx1, hy1, hx2, hy2, _s), = head_regions(np.array([[x1, y1, x2, y2, 0.9]], np.float32),
                                             1280)
    return TrackBox(0, float(hx1), float(hy1), float(hx2 - hx1), float(hy2 - hy1), kind,
                    0.9, HEAD, (x1, y1, x2, y2))


def test_a_kept_face_at_chest_height_or_beside_the_head_uncovers_no_bystander() -> None:
    """A region as deep as the shoulders are wide reaches the chest, and grows while motion
    carries it: a kept face there (someone in front, or beside the bystander's head) is not
    the bystander's, on found and carried frames alike."""
    bystander = _head_of(400, 100, 600, 700)
    keep = RedactionPlan(keep_tracks=[1])
    chest = (1, _box(FACE, 475, 215, 50))
    assert [r.track_id for r in frame_regions(0, [chest, (2, bystander)], keep, 1280, 720)[0]] \
        == [2]
    grown = dataclasses.replace(bystander, x=bystander.x - 60, w=bystander.w * 1.6,
                                kind=BoxKind.PROPAGATED)
    beside = (1, _box(FACE, 548, 110, 50))
    for head in (bystander, grown):
        assert [r.track_id for r in frame_regions(0, [beside, (2, head)], keep, 1280,
                                                  720)[0]] == [2]
    own = (1, _box(FACE, 475, 95, 50))  # at the top centre: the bystander's own face
    assert frame_regions(0, [own, (2, grown)], keep, 1280, 720)[0] == []


def test_a_large_kept_face_in_front_of_a_bystander_uncovers_none_of_their_head() -> None:
    """Two attempts this session to let a large kept face stand for its own head in a
    close-up (the person detector's head box can lie above the requester's face, and their
    hair is then hidden round it) uncovered bystanders, as two reviews showed; both were
    withdrawn. These are their cases: behind a kept face at their neck or chest, a parent
    holding a kept child, and a shorter bystander behind a tall kept person (the kept face
    above their box's top). Each keeps the bystander's whole head region hidden."""
    keep = RedactionPlan(keep_tracks=[1])
    bystander = (2, _head_of(300, 100, 700, 720))  # 400 px wide, close to the camera
    for y in (260.0, 280.0, 330.0):
        (region,), _ = frame_regions(0, [(1, _box(FACE, 440, y, 120)), bystander], keep,
                                     1280, 720)
        assert region.track_id == 2 and region.x2 - region.x1 > 600, (y, region)
    parent = (2, _head_of(880, 184, 1264, 720))
    (region,), _ = frame_regions(0, [(1, _box(FACE, 1030, 362, 89)), parent], keep, 1280,
                                 720)
    assert region.y1 <= 184 and region.x2 - region.x1 > 500, region
    shorter = (2, _head_of(500, 228, 900, 720))
    for plan in (keep, dataclasses.replace(keep, hide_whole_people=True)):
        shown, _ = frame_regions(0, [(1, _box(FACE, 575, 165, 130)), shorter], plan, 1280,
                                 720)
        assert [r.track_id for r in shown] == [2] * (2 if plan.hide_whole_people else 1)
        assert shown[0].y1 <= 228 and shown[0].y2 >= 400 and shown[0].x2 - shown[0].x1 > 500


def test_whole_people_hide_the_head_region_too_and_never_widen_what_is_kept() -> None:
    """Hiding whole people adds the person's box to the head region (the hair above the
    box stays hidden); a kept person keeps only their head region, so an inverse export
    restores no bystander inside their box, and the residual check still reports a face
    there; a kept head stays kept when the plan leaves heads visible."""
    person = _head_of(400, 100, 600, 700)
    whole = RedactionPlan(hide_whole_people=True, padding=1.0)
    shown, _ = frame_regions(0, [(2, person)], whole, 1280, 720)
    assert len(shown) == 2 and min(r.y1 for r in shown) < 100 and max(r.y2 for r in shown) >= 700
    inverse = dataclasses.replace(whole, inverse=True, keep_tracks=[2])
    _shown, kept = frame_regions(0, [(2, person)], inverse, 1280, 720)
    assert [(r.y2 <= 400) for r in kept] == [True]  # the head region, not down to the feet
    other = [Detection(560, 500, 40, 50, 0.9, "check")]  # another face, inside the box
    assert classify(other, 0, 0, 0.0, [(2, person)], dataclasses.replace(
        whole, keep_tracks=[2]), 1280, 720, 0) != []
    leave = RedactionPlan(hide_heads=False, keep_tracks=[2], inverse=True)
    assert [r.track_id for r in frame_regions(0, [(2, person)], leave, 1280, 720)[1]] == [2]


def test_runs_stored_under_the_first_head_rules_say_so() -> None:
    stored = {**get_preset("thorough").as_dict()}
    del stored["heads_rules"]
    assert preset_from_dict(stored).heads_rules == 1
    assert preset_from_dict(get_preset("thorough").as_dict()).heads_rules == 3
    assert get_preset("thorough").as_dict()["heads_rules"] == 3
    before = {**get_preset("thorough").as_dict(), "heads_rules": 2}  # before turned heads
    assert preset_from_dict(before) != get_preset("thorough")


def test_a_requester_with_hands_raised_or_between_two_heads_keeps_their_own() -> None:
    """Hands raised make a person's box (and head region) deeper: their kept face still
    stands for their head. A kept face stands for one head at most, the one it sits most
    centrally in: a requester standing in front of a bystander, their face at the
    bystander's chest, leaves the bystander hidden."""
    keep = RedactionPlan(keep_tracks=[1])
    raised = _head_of(500, 70, 600, 400)  # the head's top at about y 100, hands 30 px above
    face = (1, _box(FACE, 535, 118, 30))
    assert frame_regions(0, [face, (2, raised)], keep, 1280, 720)[0] == []
    own, behind = _head_of(450, 200, 550, 500), _head_of(400, 60, 600, 700)
    face = (1, _box(FACE, 485, 205, 30))
    shown, _ = frame_regions(0, [face, (2, own), (3, behind)], keep, 1280, 720)
    assert [r.track_id for r in shown] == [3]


def test_a_head_carried_past_the_frame_edge_keeps_its_middle() -> None:
    """A head region partly beyond the frame's edge is kept whole in the run (hiding clips
    it), so its middle, against which a kept face is judged, is where the person is."""
    head = (2, TrackBox(0, -30.0, 100.0, 200.0, 230.0, BoxKind.PROPAGATED, 0.9, HEAD))
    beside = (1, _box(FACE, 85, 110, 30))  # 30 px from the true middle (70)
    shown, _ = frame_regions(0, [beside, head], RedactionPlan(keep_tracks=[1]), 1280, 720)
    assert [r.track_id for r in shown] == [2]


def test_the_check_places_a_face_by_a_kept_head_as_the_rules_were_measured() -> None:
    """A requester kept while seen from behind; an untracked face lower in their head region
    (a bystander at their chest). The check judges it on regions grown 1.3x, as the rules
    were measured, whatever the plan's padding: at the default 1.6 the larger regions moved
    it up the head region's depth and it was excused as the requester turning round."""
    head = _head_of(400, 100, 600, 700)
    plan = RedactionPlan(keep_tracks=[2])
    assert plan.padding > RULE_PADDING
    chest = [Detection(480, 220, 40, 48, 0.9, "check")]
    assert classify(chest, 0, 0, 0.0, [(2, head)], plan, 1280, 720, 0) != []
    own = [Detection(480, 120, 40, 48, 0.9, "check")]  # where their own face would be
    assert classify(own, 0, 0, 0.0, [(2, head)], plan, 1280, 720, 0) == []


def test_what_is_kept_visible_is_not_grown_with_what_is_hidden() -> None:
    """At the default padding (1.6) a redacted face's region is larger, but a kept face's
    and a kept head's regions stay as at 1.3: an inverse export restores no more round the
    requester, and the residual check excuses no more of a face beside them."""
    plan = RedactionPlan(keep_tracks=[1, 3])
    face = _box(FACE, 300, 200, 60)
    head = _head_of(700, 100, 900, 700)
    redact, keep = frame_regions(0, [(1, face), (2, face), (3, head)], plan, 1280, 720)
    at_13 = frame_regions(0, [(1, face), (3, head)],
                          dataclasses.replace(plan, padding=RULE_PADDING), 1280, 720)[1]
    assert [(k.x1, k.y1, k.x2, k.y2) for k in keep] == [(k.x1, k.y1, k.x2, k.y2)
                                                         for k in at_13]
    (hidden,) = [r for r in redact if r.track_id == 2]
    kept_face = next(k for k in keep if k.track_id == 1)
    assert hidden.x2 - hidden.x1 > kept_face.x2 - kept_face.x1


def test_a_head_on_its_side_is_never_narrowed_to_a_face_near_its_persons_middle() -> None:
    """A head found on the picture turned (heads rules 3: someone lying down) lies across
    one end of its person's box; a large hidden face near the middle of that box's top is
    someone else's (an officer kneeling over them), so their head region stays whole. The
    same face over a standing person's box narrows that person's head (the rule still
    works), and which way up each head is comes from the side of the box it lies across."""
    lying = (100.0, 400.0, 500.0, 640.0)  # 400 x 240: someone on the ground
    head = TrackBox(0, 80.0, 400.0, 150.0, 240.0, BoxKind.DETECTED, 0.9, HEAD, whole=lying)
    assert head_turn((80, 400, 230, 640), lying) == 3  # at the left end: their up is -x
    assert head_turn((370, 400, 520, 640), lying) == 1
    assert head_turn((380, 55, 720, 395), (400.0, 100.0, 700.0, 720.0)) == 0  # standing
    assert head_turn((380, 55, 720, 395), None, 90) == 1
    kneeling = _box(FACE, 250, 410, 100)  # large, at the middle of the lying box's top
    shown, _ = frame_regions(0, [(1, kneeling), (2, head)], RedactionPlan(), 1280, 720)
    region = next(r for r in shown if r.track_id == 2)
    whole_head, _ = frame_regions(0, [(2, head)], RedactionPlan(), 1280, 720)
    assert region.full == whole_head[0].full
    # a standing person's box with the same face at its top middle: narrowed
    standing = TrackBox(0, 130.0, 280.0, 340.0, 340.0, BoxKind.DETECTED, 0.9, HEAD,
                        whole=(150.0, 320.0, 450.0, 720.0))
    shown, _ = frame_regions(0, [(1, kneeling), (2, standing)], RedactionPlan(), 1280, 720)
    narrowed = next(r for r in shown if r.track_id == 2)
    assert narrowed.full[2] - narrowed.full[0] < 0.7 * 340 * RedactionPlan().padding


def test_a_kept_face_stands_for_its_own_head_on_its_side() -> None:
    """A requester lying down, their head found on the picture turned (at the left end of
    their box: their up is -x): their kept face at that end, centred across their body,
    is theirs (their head is not hidden over it); a kept face at the top edge of that head
    region, which on someone upright would be theirs, is at their shoulder here."""
    head = TrackBox(0, 60.0, 400.0, 160.0, 240.0, BoxKind.DETECTED, 0.9, HEAD,
                    whole=(100.0, 400.0, 600.0, 640.0))

    def head_hidden(x: float, y: float) -> bool:
        face = TrackBox(0, x, y, 50.0, 50.0, BoxKind.DETECTED, 0.9, FACE)
        redact, _ = frame_regions(0, [(1, face), (2, head)], RedactionPlan(keep_tracks=[1]),
                                  1280, 720)
        return any(r.track_id == 2 for r in redact)

    assert not head_hidden(60, 500)  # at the head's end, centred across the body
    assert head_hidden(100, 410)  # at the side of the body: someone else's


def test_a_person_both_looks_found_is_dropped_only_where_the_other_surely_saw_them() -> None:
    """While a turned look is held the person detector looks at the picture turned too:
    someone standing is seen there lying down, someone lying down standing. One of the two
    is dropped only where the other look saw the person surely upright and it saw them
    lying; a person sitting or cut off by the picture's bottom keeps both, and two turned
    looks both (one of them sees the person upside down); only a box kept drops another."""
    standing = [500.0, 100.0, 600.0, 400.0]  # tall on the picture as it is
    lying = [100.0, 500.0, 400.0, 600.0]  # wide on the picture as it is
    sitting = [800.0, 300.0, 950.0, 450.0]  # square
    boxes = np.array([standing, lying, sitting, standing, lying, sitting], np.float32)
    # rows 0-2 found on the picture as it is, rows 3-5 (the same people) on it turned 90
    kept = most_upright(boxes, np.array([0, 0, 0, 90, 90, 90]), 720)
    assert kept.tolist() == [0, 2, 4, 5]
    # both turned looks of someone lying: both kept (their head at one end or the other)
    kept = most_upright(np.array([lying, lying, lying], np.float32), np.array([0, 90, 270]),
                        720)
    assert kept.tolist() == [1, 2]
    # someone close, cut off by the picture's bottom (wide as it is): never dropped
    close = [100.0, 400.0, 600.0, 720.0]
    assert most_upright(np.array([close, close], np.float32), np.array([0, 90]),
                        720).tolist() == [0, 1]


def test_a_head_of_someone_lying_down_is_never_narrowed() -> None:
    """A head may be narrowed to a large hidden face only for someone upright as displayed:
    across the top of a box taller than wide, or of one cut off by the picture's bottom; a
    lying person's head, even a region spanning the whole box, never."""
    standing = (400.0, 100.0, 700.0, 720.0)
    lying = (100.0, 400.0, 500.0, 640.0)
    assert may_narrow((380, 55, 720, 395), standing, 0, 1280, 720)
    assert not may_narrow((80, 400, 230, 640), lying, 0, 1280, 720)  # at its end
    assert not may_narrow((90, 390, 510, 650), lying, 0, 1280, 720)  # over all of it
    assert may_narrow((60, -10, 500, 200), (70.0, 20.0, 490.0, 360.0), 0, 640, 360)  # cut off
    assert may_narrow((380, 380, 720, 720), (100.0, 400.0, 720.0, 700.0), 90, 1280, 720)
    assert not may_narrow((380, 55, 720, 395), None, 0, 1280, 720)


def test_a_head_a_turned_look_found_is_not_joined_with_a_strip_along_the_side() -> None:
    """A head region the person detector found on the picture as it is (the top of a lying
    person's box: a strip along their side) and then, once a turned look is held, on the
    picture turned (their head, at one end): the region takes the turned look's box, not
    the two joined (a joined box spans the person both ways, and who is where in it is
    lost); a look turned as the last one still joins (a look may see a part)."""
    from app.core.detection.region_follow import HEAD_MOTION, RegionFollower

    gray = np.full((720, 1280), 90, np.uint8)
    person = [300.0, 400.0, 724.0, 560.0]
    strip = np.array([[300, 388, 724, 480, 0.9, *person, 0]], np.float32)
    head = np.array([[540, 400, 724, 560, 0.9, *person, 90]], np.float32)
    follower = RegionFollower(1280, 720, 10, HEAD_MOTION)
    for index in range(21):
        seen = {0: strip, 10: head, 20: head * [1, 1, 0, 1, 1, 1, 1, 1, 1, 1]
                + [0, 0, 710, 0, 0, 0, 0, 0, 0, 0]}.get(index)
        follower.push(index, gray, seen)
    (_number, box, found), = follower.regions[10]
    assert found and box[:4] == [540, 400, 724, 560]
    (_number, box, found), = follower.regions[20]  # the same turn: joined with what was carried
    assert found and box[0] == 540 and box[2] >= 724
