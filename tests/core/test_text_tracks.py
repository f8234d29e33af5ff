"""Text regions as tracks (issue 20): found once a second by the real PP-OCR detector on a
real encoded video, carried by motion on every frame between (back to the frame a plate
came into view), and hidden as rectangles in the export's renderer."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import av
import cv2
import numpy as np
import pytest

from app.core.detection.detector import preset_models
from app.core.detection.presets import get_preset
from app.core.detection.runs import run_from_json
from app.core.detection.video import detect_video
from app.core.errors import InvalidInputError
from app.core.redaction.plan import RedactionPlan
from app.core.redaction.render import frame_regions, region_mask
from app.core.tracking.edits import merge_tracks, split_track
from app.core.tracking.review import review_ranges
from app.core.tracking.tracker import FACE, TEXT, Track, build_tracks

FPS, FRAMES, W, H = 10, 30, 480, 272
APPEARS = 4  # the plate is drawn from this frame: the first look to see it is frame 10


def plate_box(i: int) -> tuple[int, int, int, int]:
    """Where the plate is on frame ``i`` (the camera pans: everything moves 4 px a frame)."""
    x = 60 + 4 * i
    return x, 120, x + 170, 160


def letters_box(i: int) -> tuple[int, int, int, int]:
    """Where the plate's letters are on frame ``i`` (what must be hidden)."""
    (tw, th), base = cv2.getTextSize("AB12 CDE", cv2.FONT_HERSHEY_DUPLEX, 0.95, 2)
    x1, _y1, _x2, y2 = plate_box(i)
    return x1 + 8, y2 - 10 - th, x1 + 8 + tw, y2 - 10 + base


def plate_video(path: Path) -> Path:
    rng = np.random.default_rng(3)
    scene = cv2.GaussianBlur(rng.integers(40, 120, (H, W + 4 * FRAMES, 3), np.uint8),
                             (0, 0), 2)  # texture the flow can follow
    with av.open(str(path), "w") as out:
        stream = out.add_stream("libx264", rate=FPS)
        stream.width, stream.height, stream.pix_fmt = W, H, "yuv420p"
        for i in range(FRAMES):
            frame = np.ascontiguousarray(scene[:, 4 * FRAMES - 4 * i:][:, :W]).copy()
            if i >= APPEARS:
                x1, y1, x2, y2 = plate_box(i)
                cv2.rectangle(frame, (x1, y1), (x2, y2), (0, 200, 255), -1)
                cv2.putText(frame, "AB12 CDE", (x1 + 8, y2 - 10), cv2.FONT_HERSHEY_DUPLEX,
                            0.95, (10, 10, 10), 2, cv2.LINE_AA)
            out.mux(stream.encode(av.VideoFrame.from_ndarray(frame, format="rgb24")))
        out.mux(stream.encode())
    return path


def covered(box: tuple[int, int, int, int], region: tuple[float, ...]) -> float:
    x1, y1, x2, y2 = box
    ix = max(0.0, min(x2, region[2]) - max(x1, region[0]))
    iy = max(0.0, min(y2, region[3]) - max(y1, region[1]))
    return ix * iy / ((x2 - x1) * (y2 - y1))


def hidden(track: Track, frame: int) -> tuple[float, ...]:
    """The rectangle the renderer hides for ``track`` on ``frame``."""
    box = track.box_at(frame)
    assert box is not None and box.category == TEXT, frame
    redact, _keep = frame_regions(frame, [(track.id, box)], RedactionPlan(), W, H)
    (region,) = redact
    assert region.shape is not None  # its own shape, a rectangle
    return region.x1, region.y1, region.x2, region.y2


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    path = plate_video(tmp_path_factory.mktemp("text") / "plate.mp4")
    preset = dataclasses.replace(get_preset("fast"), text_every_s=1.0)
    return detect_video(path, preset)


def test_a_plate_is_hidden_on_every_frame_it_is_in_view(run) -> None:  # type: ignore[no-untyped-def]
    tracks = [t for t in build_tracks(run, FRAMES, FPS) if t.category == TEXT]
    assert len(tracks) == 1, [t.summary() for t in tracks]
    plate = tracks[0]
    for i in range(APPEARS, FRAMES):  # carried back over frames 4-9, on over 11-19, 21-29
        assert covered(letters_box(i), hidden(plate, i)) >= 0.97, i
    assert {10, 20} <= set(plate.detected_frames) - plate.carried  # found by each look
    assert run.models[-1]["detector"] == "text" and \
        preset_models(run.preset)[-1]["sha256"] == run.models[-1]["sha256"]
    # a text region starting and ending in the open is no face to review
    assert all(plate.id not in (r.track_id, r.other_track)
               for r in review_ranges(run, [plate], FRAMES, FPS))


def test_text_tracks_survive_a_stored_run_and_follow_the_faces(run) -> None:  # type: ignore[no-untyped-def]
    again = run_from_json(run.as_json(), run.preset)
    first, second = build_tracks(run, FRAMES, FPS), build_tracks(again, FRAMES, FPS)
    assert [(t.id, t.category, t.keyframes) for t in first] == \
        [(t.id, t.category, t.keyframes) for t in second]
    faces = [t.id for t in first if t.category == FACE]
    assert all(t.id > max(faces, default=0) for t in first if t.category == TEXT)


def test_text_is_hidden_as_a_rectangle_and_stays_text_through_edits(run) -> None:  # type: ignore[no-untyped-def]
    plate = next(t for t in build_tracks(run, FRAMES, FPS) if t.category == TEXT)
    box = plate.box_at(15)
    assert box is not None
    plan = RedactionPlan()
    redact, _keep = frame_regions(15, [(plate.id, box)], plan, W, H)
    assert len(redact) == 1 and region_mask(redact[0], plan.shape).all()  # not an ellipse
    region = redact[0]  # the text's own box, a little wider (not a head above a face)
    assert region.x1 <= box.x and region.x2 >= box.x + box.w
    assert region.y1 <= box.y and region.y2 >= box.y + box.h
    assert region.y2 - region.y1 <= 2 * box.h
    before, after = split_track(plate, 15, 99)
    assert before.category == after.category == TEXT
    face = dataclasses.replace(before, id=98, category=FACE)
    with pytest.raises(InvalidInputError, match=r"different kinds \(face, text\)"):
        merge_tracks([face, after])


def test_a_region_a_look_missed_is_carried_back_to_where_it_came_into_view() -> None:
    """Visible from frame 3; the look at frame 10 misses it and the look at 20 finds it:
    frames 3-20 are all covered (carried back over two intervals, the missed look too)."""
    from app.core.detection.region_follow import RegionFollower

    rng = np.random.default_rng(5)
    scene = cv2.GaussianBlur(rng.integers(0, 255, (240, 400 + 4 * 40), np.uint8), (0, 0), 2)
    follower = RegionFollower(400, 240, every=10)

    def box(i: int) -> np.ndarray:
        return np.array([[100 + 4 * i, 100, 200 + 4 * i, 130, 0.9]], np.float32)

    for i in range(31):
        gray = np.ascontiguousarray(scene[:, 4 * 40 - 4 * i:][:, :400])
        seen = None
        if i % 10 == 0:  # the detector looks: nothing at 0 and 10, the plate from 20
            seen = box(i) if i >= 20 else np.zeros((0, 5), np.float32)
        follower.push(i, gray, seen)
    for i in range(3, 31):
        regions = follower.regions.get(i, [])
        assert regions, i
        x1, y1, x2, y2, _s = box(i)[0]
        assert any(covered((int(x1), int(y1), int(x2), int(y2)), tuple(r)) >= 0.9
                   for _n, r, _found in regions), i


@pytest.mark.parametrize("side", ["right", "left"])
def test_a_region_coming_in_at_the_edge_is_covered_up_to_the_edge(side: str) -> None:
    """A plate coming into view at the picture's edge: the look sees only the part in view
    (the detector also misses the last, cut letters), and motion carried that part alone, so
    the rest came in uncovered until the next look (a read-only hunt read "26 SH" on a real
    pan). A region cut by the edge keeps reaching it while carried, forward and back."""
    from app.core.detection.region_follow import RegionFollower

    rng = np.random.default_rng(7)
    width = 400  # the scene moves into view from that side, 4 px a frame
    scene = cv2.GaussianBlur(rng.integers(0, 255, (240, width + 4 * 40), np.uint8), (0, 0), 2)
    follower = RegionFollower(width, 240, every=10)

    def plate(i: int) -> tuple[float, float, float, float]:  # 120 px wide, entering
        x = -100 + 4 * i if side == "left" else width - 20 - 4 * i
        return x, 100.0, x + 120, 130.0

    for i in range(20):
        offset = 4 * 40 - 4 * i if side == "left" else 4 * i
        gray = np.ascontiguousarray(scene[:, offset:offset + width])
        seen = None
        if i % 10 == 5:  # a look: the part in view, less 10 px at the edge (cut letters)
            x1, y1, x2, y2 = plate(i)
            x1, x2 = max(x1, 10.0), min(x2, width - 10.0)
            seen = np.array([[x1, y1, x2, y2, 0.9]], np.float32)
        follower.push(i, gray, seen)
    for i in range(1, 20):
        x1, y1, x2, y2 = plate(i)
        in_view = (int(max(x1, 0)), int(y1), int(min(x2, width)), int(y2))
        if in_view[2] - in_view[0] < 8:
            continue
        assert any(covered(in_view, tuple(r)) >= 0.95
                   for _n, r, _f in follower.regions.get(i, [])), (i, follower.regions.get(i))


def test_a_preset_without_text_keeps_its_run_key() -> None:
    """Text settings stay out of a preset's stored settings while text is off, so runs and
    plans made before text regions existed still match their preset."""
    assert "text_every_s" not in get_preset("balanced").as_dict()
    assert "text_every_s" not in get_preset("fast").as_dict()
    assert get_preset("thorough").as_dict()["text_every_s"] == 1.0


def test_a_still_image_has_its_text_regions_too(tmp_path: Path) -> None:
    from app.core.detection.video import detect_image

    rng = np.random.default_rng(7)
    image = cv2.GaussianBlur(rng.integers(40, 120, (H, W, 3), np.uint8), (0, 0), 2)
    x1, y1, x2, y2 = plate_box(10)
    cv2.rectangle(image, (x1, y1), (x2, y2), (0, 200, 255), -1)
    cv2.putText(image, "AB12 CDE", (x1 + 8, y2 - 10), cv2.FONT_HERSHEY_DUPLEX, 0.95,
                (10, 10, 10), 2, cv2.LINE_AA)
    cv2.imwrite(str(tmp_path / "still.png"), image)
    run = detect_image(tmp_path / "still.png",
                       dataclasses.replace(get_preset("fast"), text_every_s=1.0))
    (plate,) = [t for t in build_tracks(run, 1, 25.0) if t.category == TEXT]
    assert covered(letters_box(10), hidden(plate, 0)) >= 0.97


def test_the_residual_check_reports_text_nobody_decided_about(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """With text regions on, the export's check looks for text once a second: a plate the
    plan hides or a person dismissed is no finding; a plate no track covers is (reported,
    with its frame), and so is nothing in the burned-in caption."""
    from app.core.export.closed_loop import TextCheck, export_checked
    from app.core.export.residual import FindingKind
    from app.core.export.video_export import EncodeOptions
    from app.core.tracking.tracker import boxes_by_frame

    tracks = build_tracks(run, FRAMES, FPS)
    plate = next(t for t in tracks if t.category == TEXT)
    check = TextCheck.for_preset(run.preset, FPS)
    assert check is not None and check.every == 10

    def texts_found(plan: RedactionPlan, shown: list) -> list:  # type: ignore[type-arg]
        checked = export_checked(Path(run.source), tmp_path / "out.mp4",
                                 boxes_by_frame(shown, FRAMES), plan, 0,
                                 options=EncodeOptions(force=True),
                                 caption=lambda _t: "CASE 1 - REDACTED COPY", verify=True,
                                 stage=lambda *_a: None, cancel=None, text=check)
        assert checked.residual is not None
        assert checked.residual.models[-1]["detector"] == "text"
        assert checked.residual.settings["text_max_side"] == run.preset.text_max_side
        return [f for f in checked.residual.findings if f.kind is FindingKind.TEXT_NOT_COVERED]

    assert texts_found(RedactionPlan(), tracks) == []  # hidden
    dismissed = RedactionPlan(false_positive_tracks=[plate.id])
    assert texts_found(dismissed, tracks) == []  # a person said it identifies nobody
    missed = texts_found(RedactionPlan(), [t for t in tracks if t.category != TEXT])
    # halfway between the run's looks (0, 10, 20, 29), on each where the plate is in view
    assert sorted({f.source_frame for f in missed}) == [5, 15, 25]
    for f in missed:
        x1, y1, x2, y2 = letters_box(f.source_frame)
        assert covered((x1, y1, x2, y2), (f.box[0], f.box[1], f.box[0] + f.box[2],
                                           f.box[1] + f.box[3])) >= 0.8


def test_the_margin_round_region_follows_the_text_as_displayed() -> None:
    """On footage displayed turned by 90 degrees a sign's stored height is its displayed
    width: the margin is a share of the text's displayed height either way."""
    from app.core.redaction.render import TEXT_MARGIN, text_margin
    from app.core.tracking.tracker import BoxKind, TrackBox

    sign = TrackBox(0, 10, 10, 40, 800, BoxKind.DETECTED, 0.9, TEXT)  # upright 800 x 40
    assert text_margin(sign, 90) == text_margin(sign, 270) == TEXT_MARGIN * 40
    assert text_margin(sign, 0) == TEXT_MARGIN * 800
