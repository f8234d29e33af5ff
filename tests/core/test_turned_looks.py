"""Turned looks (turned_looks, Preset.turned_look_s): faces on their side, with the real
networks on a real WIDER photograph turned a quarter, as a still and as a video."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import av
import cv2
import numpy as np
import pytest

from app.core.detection import boxes as bx
from app.core.detection.detector import FaceDetector
from app.core.detection.presets import (
    CHECK_PRESET,
    DEFAULT_PRESET,
    PRESETS,
    get_preset,
    preset_from_dict,
)
from app.core.detection.scoring import coverage
from app.core.detection.turned_looks import (
    SURE_SCORE,
    TURNS,
    TurnedWatch,
    faces_from_turned,
    still_turns,
    turned,
    turned_faces,
)
from app.core.detection.video import detect_image, detect_video, region_of
from app.core.media.rotation import box_to_upright
from tests.conftest import TESTDATA, VIDEOS, wider_photo

# A marching band: ten faces of 20 px or more. Turned a quarter either way, the default
# without turned looks hides 3 of them, with them all 10 (at the commit that added them).
BAND = "0_Parade_marchingband_1_20.jpg"


def turned_boxes(gt: np.ndarray, turn: int, width: int, height: int) -> np.ndarray:
    """``x1, y1, x2, y2`` boxes of a ``width`` x ``height`` picture, on it turned."""
    out = [box_to_upright((b[0], b[1], b[2] - b[0], b[3] - b[1]), turn, width, height)
           for b in gt.tolist()]
    return np.array([[x, y, x + w, y + h] for x, y, w, h in out], np.float32).reshape(-1, 4)


def test_a_turned_face_becomes_the_box_whose_head_region_is_its_own() -> None:
    heads = np.array([[10, 20, 110, 170, 0.9], [0, 0, 31, 45, 0.5]], np.float32)
    assert np.allclose(bx.head_boxes(bx.face_for_head(heads)), heads, atol=1e-3)
    width, height = 640, 480
    face = np.array([[300, 100, 360, 180, 0.8]], np.float32)  # a face lying on its side
    for turn in TURNS:
        seen = turned_boxes(face[:, :4], turn, width, height)  # ... upright when turned
        framed, hidden = faces_from_turned(np.hstack([seen, face[:, 4:]]), turn, width,
                                           height)
        assert np.allclose(framed, face, atol=1e-3)  # the face where it is in the picture
        # hidden: the head region as the face is turned (the hair line beside it, not above)
        assert np.allclose(bx.head_boxes(hidden)[:, :4], bx.head_boxes(face, turn)[:, :4],
                           atol=1e-3)
        assert hidden[0, 4] == pytest.approx(0.8)
        assert bx.head_boxes(hidden)[0, 2] - bx.head_boxes(hidden)[0, 0] > \
            bx.head_boxes(face)[0, 2] - bx.head_boxes(face)[0, 0]  # wider: the hair beside
    edge = np.array([[0, 0, 50, 60, 0.9]], np.float32)  # a face at the picture's corner
    seen = np.hstack([turned_boxes(edge[:, :4], 90, width, height), edge[:, 4:]])
    framed, hidden = faces_from_turned(seen, 90, width, height)
    assert (hidden[:, :4] >= 0).all() and (framed[:, :4] >= 0).all()  # clipped to it


class Seen:
    """A part that finds the same boxes on every picture, and the pictures it was shown."""

    def __init__(self, name: str, boxes: list[list[float]]) -> None:
        self.name, self.boxes = name, np.array(boxes, np.float32).reshape(-1, 5)
        self.shown: list[tuple[int, ...]] = []

    def detect(self, picture: np.ndarray) -> np.ndarray:
        self.shown.append(picture.shape)
        return self.boxes


def test_each_part_looks_at_the_picture_turned() -> None:
    rgb = np.zeros((480, 640, 3), np.uint8)
    part = Seen("yunet", [[10, 10, 40, 40, 0.35]])
    ((framed, hidden, name),) = turned_faces([part], rgb, 90)
    assert part.shown == [(640, 480, 3)] and name == "yunet"
    assert np.allclose(framed, faces_from_turned(part.boxes, 90, 640, 480)[0])
    assert len(hidden) == 1


def test_a_turned_look_counts_only_with_a_sure_face_of_its_own_or_held(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Fusion: a turned look's boxes are added only where one of its sure boxes (not a
    second box of a face the upright look boxed) was kept, or the turn is held."""
    width, height = 640, 480
    upright_face = [200, 100, 260, 170, 0.9]
    # on the picture turned 90: a second box of the upright face, sure; a weak box elsewhere
    dup = turned_boxes(np.array([[205, 100, 262, 168]], np.float32), 90, width, height)
    weak = turned_boxes(np.array([[500, 300, 540, 350]], np.float32), 90, width, height)
    sure_new = turned_boxes(np.array([[60, 300, 110, 360]], np.float32), 90, width, height)
    looks: dict[tuple[int, ...], list[list[float]]] = {}

    def parts_seeing(turned_boxes_seen: list[list[float]]) -> None:
        looks[(height, width, 3)] = [upright_face]
        looks[(width, height, 3)] = turned_boxes_seen

    class Part(Seen):
        def detect(self, picture: np.ndarray) -> np.ndarray:
            return np.array(looks.get(picture.shape, []), np.float32).reshape(-1, 5)

    detector = FaceDetector(dataclasses.replace(get_preset("fast"), mediapipe_threshold=None))
    monkeypatch.setattr(detector, "_parts", [Part("yunet", [])])
    rgb = np.zeros((height, width, 3), np.uint8)
    parts_seeing([[*dup[0], 0.8], [*weak[0], 0.35]])
    found, _ = detector.detect_boxes(rgb, turns=(90,))
    assert np.allclose(found, [upright_face]) and detector.turns_found == ()
    found, _ = detector.detect_boxes(rgb, turns=(90,), held=(90,))
    assert len(found) == 2 and detector.turns_found == ()  # held: the weak box counts
    parts_seeing([[*dup[0], 0.8], [*weak[0], 0.35], [*sure_new[0], 0.7]])
    found, _ = detector.detect_boxes(rgb, turns=(90,))
    assert len(found) == 3 and detector.turns_found == (90,)
    assert np.allclose(found[0], upright_face)  # first, as it was


def test_the_watch_looks_turned_on_its_frames_and_holds_after_a_find() -> None:
    watch = TurnedWatch(hold=6)
    assert watch.turns(0, watch=True) == TURNS and watch.turns(2, watch=False) == ()
    watch.saw(10, (270,))
    assert watch.turns(12, watch=False) == (270,) and watch.turns(16, watch=False) == (270,)
    assert watch.held(16) == (270,) and watch.turns(20, watch=True) == TURNS
    assert watch.turns(17, watch=False) == () and watch.held(17) == ()
    assert TurnedWatch(hold=0).turns(0, watch=True) == ()  # off


def test_the_default_and_thorough_look_turned_fast_and_the_check_do_not() -> None:
    default = PRESETS[DEFAULT_PRESET]
    assert default.turned_look_s > 0 and PRESETS["thorough"].turned_look_s > 0
    assert still_turns(default) == TURNS and still_turns(PRESETS["fast"]) == ()
    assert "turned_look_s" not in PRESETS["fast"].as_dict()  # fast's stored runs keep a key
    assert CHECK_PRESET.turned_look_s == 0
    assert default.turned_hold_frames(30) == round(default.turned_look_s * 30)
    stored = default.as_dict()
    assert preset_from_dict(stored) == default
    before = {k: v for k, v in stored.items() if k != "turned_look_s"}
    assert preset_from_dict(before).turned_look_s == 0  # a run stored before: none


@pytest.fixture(scope="module")
def band() -> tuple[np.ndarray, np.ndarray]:
    return wider_photo(BAND)


@pytest.mark.parametrize("turn", TURNS)
def test_faces_on_their_side_are_found_by_the_turned_looks(
        band: tuple[np.ndarray, np.ndarray], turn: int) -> None:
    rgb, gt = band
    height, width = rgb.shape[:2]
    picture, faces = turned(rgb, turn), turned_boxes(gt, turn, width, height)
    with FaceDetector(get_preset(DEFAULT_PRESET)) as detector:
        plain, plain_names = detector.detect_boxes(picture, fine=True)
        found, names = detector.detect_boxes(picture, fine=True, turns=TURNS)
        # the look that stands the picture upright again found them
        assert detector.turns_found == ((360 - turn) % 360,)
    with_looks = int((coverage(faces, found, picture.shape[:2], 1.3) >= 0.7).sum())
    without = int((coverage(faces, plain, picture.shape[:2], 1.3) >= 0.7).sum())
    assert len(gt) == 10
    assert with_looks >= 9 and with_looks >= without + 5, (with_looks, without)
    # the turned looks only add: the upright look's boxes come first, as they were
    assert len(plain) and np.array_equal(found[:len(plain)], plain)
    assert names[:len(plain)] == plain_names
    assert set(names) <= {"yunet", "centerface", "mediapipe"}


def test_turned_looks_leave_an_upright_close_up_alone() -> None:
    """A face the upright look boxed, found again by a turned look (BlazeFace sees a
    close-up turned a quarter, at 0.77-0.85 here), is not a second face, and does not let
    that look's weak boxes (the hands over the mouth) in."""
    clip = VIDEOS / "pyfeat_WolfgangLanger_Pexels.mp4"
    if not clip.is_file():
        pytest.skip(f"shared test clip not found at {clip}")
    with av.open(str(clip)) as video:
        frames = [f.to_ndarray(format="rgb24")
                  for _, f in zip(range(61), video.decode(video=0), strict=False)]
    with FaceDetector(get_preset(DEFAULT_PRESET)) as detector:
        for rgb in (frames[0], frames[60]):
            plain, plain_names = detector.detect_boxes(rgb, fine=True)
            found, names = detector.detect_boxes(rgb, fine=True, turns=TURNS)
            assert len(plain) == 1 and np.array_equal(found, plain) and names == plain_names
            assert detector.turns_found == ()
        raw = [part.detect(turned(frames[60], turn)) for part in detector._parts
               for turn in TURNS]
        assert max(float(b[:, 4].max()) for b in raw if len(b)) >= SURE_SCORE  # it saw it


def write_pan(path: Path, picture: np.ndarray, frames: int, step: int,
              size: tuple[int, int]) -> list[tuple[int, int]]:
    """A clip panning across ``picture`` ``step`` px a frame; each frame's window origin."""
    w, h = size
    origins = [(k * step, 0) for k in range(frames)]
    with av.open(str(path), "w") as out:
        stream = out.add_stream("libx264", rate=25)
        stream.width, stream.height, stream.pix_fmt = w, h, "yuv420p"
        stream.codec_context.options = {"crf": "18"}
        for x, y in origins:
            frame = av.VideoFrame.from_ndarray(
                np.ascontiguousarray(picture[y:y + h, x:x + w]), format="rgb24")
            out.mux(stream.encode(frame))
        out.mux(stream.encode())
    return origins


def test_a_video_on_its_side_is_covered_on_every_frame(
        band: tuple[np.ndarray, np.ndarray], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    rgb, gt = band
    height, width = rgb.shape[:2]
    picture, faces = turned(rgb, 90), turned_boxes(gt, 90, width, height)
    size = (picture.shape[1] - 64, picture.shape[0] // 2 * 2)
    path = tmp_path / "on_its_side.mp4"
    origins = write_pan(path, picture, 17, 4, size)
    default = get_preset(DEFAULT_PRESET)
    looked: list[tuple[int, ...]] = []
    holding: list[tuple[int, ...]] = []
    detect_boxes = FaceDetector.detect_boxes

    def spy(self: FaceDetector, rgb: np.ndarray, fine: bool = False,
            turns: tuple[int, ...] = (),
            held: tuple[int, ...] = ()) -> tuple[np.ndarray, list[str]]:
        looked.append(turns)
        holding.append(held)
        return detect_boxes(self, rgb, fine, turns, held)

    monkeypatch.setattr(FaceDetector, "detect_boxes", spy)

    def covered(preset: object) -> tuple[int, int]:
        run = detect_video(path, preset)  # type: ignore[arg-type]
        hit = total = 0
        for frame, (x, y) in zip(run.frames, origins, strict=True):
            inside = faces - np.array([x, y, x, y], np.float32)
            inside = inside[(inside[:, :2] >= 16).all(axis=1)  # clear of the edges
                            & (inside[:, 2] <= size[0] - 16) & (inside[:, 3] <= size[1] - 16)]
            boxes = np.array([[d.x, d.y, d.x + d.w, d.y + d.h, d.score]
                              for d in frame.boxes], np.float32).reshape(-1, 5)
            total += len(inside)
            hit += int((coverage(inside, boxes, (size[1], size[0]), 1.3) >= 0.7).sum())
        return hit, total

    hit, total = covered(default)
    # key frames 0, 2, ..., 16: the watch's (0 and 10) look both ways; the others look the
    # way that found faces (270 stands this picture upright), for a second after it did
    assert len(looked) == 9 and looked[0] == looked[5] == TURNS
    # the others look exactly the held turns: 270 (it stands this picture upright) from
    # its first find on for the rest of the clip (found again and again)
    assert all(looked[k] == holding[k] for k in range(9) if k not in (0, 5))
    assert holding[0] == () and all(270 in held for held in holding[1:])
    looked.clear()
    plain_hit, plain_total = covered(dataclasses.replace(default, turned_look_s=0.0))
    assert looked == [()] * 9
    assert total == plain_total and total >= 100
    assert hit >= 0.95 * total, (hit, total)
    assert plain_hit <= 0.6 * total, (plain_hit, total)  # the turned looks did that


STREET = TESTDATA / "crowds" / "videos" / "simpletracking_ecuador.mp4"


def write_frames(source: Path, path: Path, frames: int, turn: int) -> None:
    """The first ``frames`` frames of ``source`` turned ``turn`` degrees, as H.264."""
    with av.open(str(source)) as inp, av.open(str(path), "w") as out:
        stream = None
        for k, frame in enumerate(inp.decode(video=0)):
            if k == frames:
                break
            picture = np.ascontiguousarray(turned(frame.to_ndarray(format="rgb24"), turn)
                                           if turn else frame.to_ndarray(format="rgb24"))
            if stream is None:
                stream = out.add_stream("libx264", rate=30)
                stream.height, stream.width = picture.shape[:2]
                stream.pix_fmt, stream.codec_context.options = "yuv420p", {"crf": "18"}
            out.mux(stream.encode(av.VideoFrame.from_ndarray(picture, format="rgb24")))
        assert stream is not None
        out.mux(stream.encode())


def found_heads(run: object, index: int) -> np.ndarray:
    """The head regions the person detector found on frame ``index`` (not carried)."""
    heads = [d for d in run.frames[index].heads  # type: ignore[attr-defined]
             if region_of(d.detector)[1]]
    return np.array([[d.x, d.y, d.x + d.w, d.y + d.h] for d in heads],
                    np.float32).reshape(-1, 4)


def test_people_on_their_side_get_their_heads_from_the_held_turned_look(
        tmp_path: Path) -> None:
    if not STREET.is_file():
        pytest.skip(f"{STREET} is absent (../shared/testdata)")
    frames = 31
    write_frames(STREET, tmp_path / "upright.mp4", frames, 0)
    write_frames(STREET, tmp_path / "side.mp4", frames, 90)
    default = get_preset(DEFAULT_PRESET)
    assert default.heads_rules == 3
    upright_run = detect_video(tmp_path / "upright.mp4", default)
    width, height = upright_run.width, upright_run.height
    runs = {rules: detect_video(tmp_path / "side.mp4",
                                dataclasses.replace(default, heads_rules=rules))
            for rules in (3, 2)}
    matched = dict.fromkeys(runs, 0)
    total = 0
    for index in range(0, frames, default.heads_every_frames(30.0)):
        # the heads found on the upright clip, where they are on the clip on its side
        truth = turned_boxes(found_heads(upright_run, index), 90, width, height)
        total += len(truth)
        for rules, run in runs.items():
            got = found_heads(run, index)
            if len(truth) and len(got):
                matched[rules] += int((bx.iou_matrix(truth, got).max(axis=1) >= 0.7).sum())
    # the look held at 270 stands the picture upright: the person detector sees there what
    # it sees on the upright clip; under rules 2 it only sees people lying on their side,
    # whose head regions (the top of their boxes) lie along their sides
    assert total >= 4
    assert matched[3] >= total - 1, (matched, total)
    assert matched[2] <= total // 2, (matched, total)


def test_a_still_on_its_side_gets_its_heads_from_the_turned_look(tmp_path: Path) -> None:
    if not STREET.is_file():
        pytest.skip(f"{STREET} is absent (../shared/testdata)")
    with av.open(str(STREET)) as clip:
        rgb = next(clip.decode(video=0)).to_ndarray(format="rgb24")
    height, width = rgb.shape[:2]
    for name, picture in (("upright.png", rgb), ("side.png", turned(rgb, 90))):
        assert cv2.imwrite(str(tmp_path / name), np.ascontiguousarray(picture[:, :, ::-1]))
    default = get_preset(DEFAULT_PRESET)
    truth = turned_boxes(found_heads(detect_image(tmp_path / "upright.png", default), 0),
                         90, width, height)
    matched = {}
    for rules in (3, 2):
        got = found_heads(detect_image(tmp_path / "side.png",
                                       dataclasses.replace(default, heads_rules=rules)), 0)
        matched[rules] = int((bx.iou_matrix(truth, got).max(axis=1) >= 0.7).sum()) \
            if len(got) else 0
    assert len(truth) >= 2
    assert matched[3] == len(truth) and matched[2] < len(truth), (matched, len(truth))
