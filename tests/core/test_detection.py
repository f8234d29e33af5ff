"""Face detection with the real vendored models on real images and clips."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import cv2
import numpy as np
import pytest

from app.core.detection import boxes as bx
from app.core.detection import model_files
from app.core.detection.detector import NETWORKS, Detection, FaceDetector, preset_models
from app.core.detection.network import ScaledNetwork
from app.core.detection.presets import DEFAULT_PRESET, PRESETS, get_preset, preset_from_dict
from app.core.detection.propagation import MOTION
from app.core.detection.scoring import coverage, match
from app.core.detection.video import DetectionRun, detect_path, detect_video
from app.core.errors import BwvError, InvalidInputError
from app.core.media.rotation import boxes_to_stored, upright
from app.core.tracking.tracker import FACE, build_tracks
from tests.conftest import TESTDATA, make_video

WIDER = TESTDATA / "images" / "wider_val"


@pytest.fixture(scope="module")
def wider() -> list[tuple[Path, np.ndarray]]:
    if not WIDER.is_dir():
        pytest.skip(f"shared test images not found at {WIDER}")
    data = json.loads((WIDER / "wider_val_subset_gt.json").read_text())
    return [(WIDER / name, np.array([[f["x"], f["y"], f["x"] + f["w"], f["y"] + f["h"]]
                                     for f in entry["faces"]], np.float32))
            for name, entry in sorted(data["images"].items())]


def test_vendored_models_match_their_recorded_hashes() -> None:
    for model in (model_files.SHORT_RANGE, model_files.FULL_RANGE, model_files.CENTERFACE,
                  model_files.YUNET, model_files.PPOCR_DET):
        assert len(model.read_verified()) > 100_000
        assert model.sha256 in (model_files.models_dir() / "MODELS.md").read_text()


def test_a_damaged_model_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    damaged = tmp_path / model_files.CENTERFACE.filename
    damaged.write_bytes(model_files.CENTERFACE.path.read_bytes()[:-10] + b"0123456789")
    monkeypatch.setattr(model_files, "models_dir", lambda: tmp_path)
    model_files._read_verified.cache_clear()
    try:
        with pytest.raises(BwvError, match="damaged"):
            model_files.CENTERFACE.read_verified()
    finally:
        model_files._read_verified.cache_clear()


def test_unknown_preset_is_a_clear_error() -> None:
    with pytest.raises(InvalidInputError, match="fast, balanced, thorough"):
        get_preset("turbo")


def test_unknown_network_is_a_clear_error() -> None:
    with pytest.raises(InvalidInputError, match="centerface, yunet"):
        dataclasses.replace(PRESETS["balanced"], quick_network="retina")


def test_a_preset_stored_before_yunet_reads_back() -> None:
    old = {k: v for k, v in PRESETS["fast"].as_dict().items()
           if k not in ("quick_network", "fine_network")}
    for new, legacy in (("quick_threshold", "centerface_threshold"),
                        ("quick_scale", "centerface_scale"),
                        ("quick_max_megapixels", "centerface_max_megapixels")):
        old[legacy] = old.pop(new)
    old["some_later_field"] = 1
    back = preset_from_dict(old)
    assert back.quick_network == "centerface"
    assert back.quick_threshold == PRESETS["fast"].quick_threshold
    assert back.quick_max_megapixels == PRESETS["fast"].quick_max_megapixels


@pytest.mark.parametrize("network", sorted(NETWORKS))
def test_each_network_alone_covers_the_wider_faces(wider: list[tuple[Path, np.ndarray]],
                                                   network: str) -> None:
    # At 1x, threshold 0.3, no cap: bench/detect_recall.py on all 45 WIDER images gives
    # YuNet 0.92 of faces >= 10 px and CenterFace 0.84; these 5 images are easier.
    detector = NETWORKS[network](0.3)
    covered = total = 0
    for path, gt in wider:
        rgb = cv2.imread(str(path))[:, :, ::-1].copy()
        det = detector.detect(rgb)
        assert det.shape[1] == 5 and (det[:, 2] > det[:, 0]).all()
        assert (det[:, [0, 2]] <= rgb.shape[1]).all() and (det[:, [1, 3]] <= rgb.shape[0]).all()
        covered += int((coverage(gt, det, rgb.shape[:2], 1.3) >= 0.7).sum())
        total += len(gt)
    assert covered / total >= 0.85
    assert len(detector.detect(np.zeros((360, 640, 3), np.uint8))) == 0


def test_nms_keeps_the_best_of_overlapping_boxes() -> None:
    boxes = np.array([[0, 0, 10, 10, 0.9], [1, 1, 11, 11, 0.8], [50, 50, 60, 60, 0.7],
                      [52, 52, 57, 57, 0.6]], np.float32)
    kept = bx.nms(boxes, 0.5)
    assert kept[:, 4].tolist() == pytest.approx([0.9, 0.7, 0.6])
    kept = bx.nms(boxes, 0.5, contain_threshold=0.8)  # the box inside the 0.7 one goes
    assert kept[:, 4].tolist() == pytest.approx([0.9, 0.7])


@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
def test_boxes_map_back_from_upright_to_stored_pixels(rotation: int) -> None:
    stored = np.zeros((40, 60, 3), np.uint8)
    stored[5:15, 30:50] = 255  # a white block at x 30..50, y 5..15
    turned = upright(stored, rotation)
    ys, xs = np.nonzero(turned[:, :, 0])
    found = np.array([[xs.min(), ys.min(), xs.max() + 1, ys.max() + 1, 1]], np.float32)
    back = boxes_to_stored(found, rotation, 60, 40)
    assert back[0, :4].tolist() == [30, 5, 50, 15]


@pytest.mark.parametrize("preset", sorted(PRESETS))
def test_wider_recall_stays_above_the_benchmark_floor(wider: list[tuple[Path, np.ndarray]],
                                                      preset: str) -> None:
    # Floors set from bench/detect_recall.py (balanced: recall 0.957, coverage 0.942);
    # the 3 misses there are a back of a head, a face hidden by a sleeve and 2 annotation
    # boxes shifted onto the neck.
    found = covered = total = n_det = used = 0
    with FaceDetector(preset) as detector:
        for path, gt in wider:
            rgb = cv2.imread(str(path))[:, :, ::-1].copy()
            det, names = detector.detect_boxes(rgb)
            assert set(names) <= {"centerface", "yunet", "mediapipe"}
            matched, n_used = match(gt, det, 0.3)
            found += int(matched.sum())
            covered += int((coverage(gt, det, rgb.shape[:2], 1.3) >= 0.7).sum())
            total += len(gt)
            n_det += len(det)
            used += n_used
    assert total == 69
    assert found / total >= 0.94
    assert covered / total >= 0.92
    assert used / n_det >= 0.80  # precision


def _wider_valid(folder: Path) -> list[tuple[Path, np.ndarray]]:
    """WIDER images with their official boxes, invalid and zero-width faces left out (as
    ``bench/detect_recall.py`` and the official evaluation do)."""
    data = json.loads((folder / "wider_val_subset_gt.json").read_text())
    return [(folder / name, np.array([[f["x"], f["y"], f["x"] + f["w"], f["y"] + f["h"]]
                                      for f in entry["faces"]
                                      if not f.get("invalid") and f["w"] > 0 and f["h"] > 0],
                                     np.float32).reshape(-1, 4))
            for name, entry in sorted(data["images"].items())]


@pytest.mark.slow
def test_the_default_covers_small_crowd_faces_with_both_fine_networks() -> None:
    """Issue 13's coverage targets on every WIDER image of the developer set, with the
    default preset as it treats a still image (quick and fine pass): at least 0.97 of faces
    10 px wide or more hidden, and 0.95 in every width bucket from 10 px. YuNet alone in
    the fine pass covered 0.950 (10-16 px: 0.916); CenterFace beside it closes the gap."""
    crowds = TESTDATA / "crowds" / "images"
    if not crowds.is_dir() or not WIDER.is_dir():
        pytest.skip(f"shared WIDER images not found at {crowds} and {WIDER}")
    hidden: dict[str, list[bool]] = {}
    networks: set[str] = set()
    with FaceDetector(DEFAULT_PRESET) as detector:
        for path, gt in _wider_valid(WIDER) + _wider_valid(crowds):
            rgb = cv2.imread(str(path))[:, :, ::-1].copy()
            det, names = detector.detect_boxes(rgb, fine=True)
            networks |= set(names)
            covered = coverage(gt, det, rgb.shape[:2], 1.3) >= 0.7
            for width, ok in zip(gt[:, 2] - gt[:, 0], covered, strict=True):
                bucket = "<10" if width < 10 else "10-16" if width < 16 else \
                    "16-32" if width < 32 else "32-64" if width < 64 else "64+"
                hidden.setdefault(bucket, []).append(bool(ok))
    assert {"yunet", "centerface"} <= networks
    from_10 = [ok for bucket, oks in hidden.items() if bucket != "<10" for ok in oks]
    assert len(from_10) == 909
    assert sum(from_10) / len(from_10) >= 0.97
    shares = {bucket: round(sum(oks) / len(oks), 3) for bucket, oks in hidden.items()}
    assert shares["<10"] >= 0.85, shares
    # 0.95 in every bucket; the 45 faces of 64 px and over (44 hidden at the commit that
    # set this) may lose one more to another machine's arithmetic before this fails
    assert min(shares["10-16"], shares["16-32"], shares["32-64"]) >= 0.95, shares
    assert shares["64+"] >= 0.93, shares


def test_a_second_fine_network_only_where_the_default_has_it_and_old_runs_read_back() -> None:
    """The second fine network is part of the default's stored settings (and thorough's,
    which finds faces as the default does): fast's runs keep their key (and are reused), a
    default run stored before it reads back as what it was (YuNet alone), and manifests list
    CenterFace once."""
    assert not any(k.startswith("fine_second") for k in PRESETS["fast"].as_dict())
    thorough = PRESETS["thorough"].as_dict()
    faces = {k: v for k, v in PRESETS[DEFAULT_PRESET].as_dict().items()
             if k not in ("name", "description")}
    assert {k: thorough[k] for k in faces} == faces  # the default's faces and heads ...
    assert thorough["text_every_s"] == 1.0  # ... and text
    default = PRESETS[DEFAULT_PRESET]
    stored = default.as_dict()
    assert stored["fine_second_network"] == "centerface"
    assert preset_from_dict(stored) == default
    before = {k: v for k, v in stored.items() if not k.startswith("fine_second")}
    assert preset_from_dict(before).fine_second_network is None
    names = [m["detector"] for m in preset_models(default)]
    assert names.count("centerface") == 1 and names.count("yunet") == 1


@pytest.mark.slow
def test_no_face_clip_has_almost_no_detections(videos: Path) -> None:
    run = detect_video(videos / "pyfeat_no_face.mp4", "balanced", stride=1)
    assert len(run.frames) == 95
    # YuNet (threshold 0.3, quick and fine) takes a letter of the cartoon's title for a
    # face on 9 frames (scores 0.32-0.5; 6 with the fine pass every 15th frame, 3 when the
    # quick pass's threshold was 0.5), and CenterFace in the fine pass (threshold 0.15 since
    # 2026-12-04, 0.2 before) another letter on 1 more (score 0.18-0.21), each carried one
    # frame on by motion; nothing else: no box outside the title's letters (x 380-700 of 960)
    # but the edge drop's (boxes at the picture's edge under their network's threshold, e.g.
    # CenterFace 0.14 at the bottom right corner on frame 0), which make no track alone.
    assert len([f.index for f in run.frames if f.boxes]) <= 20
    assert not any(b.score >= 0.6 for f in run.frames for b in f.boxes)
    assert all(380 <= b.x + b.w / 2 <= 700 or _low_at_edge(b, run)
               for f in run.frames for b in f.boxes)
    assert any(_low_at_edge(b, run) for f in run.frames for b in f.boxes)  # there are some
    tracks = build_tracks(run, len(run.frames), 30.0)
    assert all(380 <= k[0] / 2 + k[2] / 2 <= 700 for t in tracks if t.category == FACE
               for k in t.keyframes.values())


def _low_at_edge(box: Detection, run: DetectionRun) -> bool:
    """A box the edge drop kept (under its network's threshold, near the picture's edge), or
    one motion carried from it."""
    low = not run.preset.firm(box.detector, box.score) or (
        box.detector == MOTION and box.score < 0.3)
    m = 0.25 * max(box.w, box.h)
    return low and (box.x <= m or box.y <= m or box.x + box.w >= run.width - m
                    or box.y + box.h >= run.height - m)


def test_single_face_clip_has_its_face_on_every_frame(videos: Path) -> None:
    run = detect_video(videos / "pyfeat_single_face.mp4", "balanced", stride=1)
    assert len(run.frames) == 72
    # the face on every frame, and nothing else but boxes the edge drop keeps: on some
    # frames YuNet (0.18) and CenterFace (0.09-0.10) take something on the wall at the
    # right edge (a third of the picture away from the face) for half a face
    faces = [[b for b in f.boxes if not _low_at_edge(b, run)] for f in run.frames]
    assert all(len(found) == 1 for found in faces)
    sizes = [found[0].w for found in faces]
    assert min(sizes) > 80 and max(sizes) < 300  # a ~150 px face
    times = [f.time_s for f in run.frames]
    assert times == sorted(times) and times[1] == pytest.approx(1 / 30, abs=1e-3)
    tracks = [t for t in build_tracks(run, 72, 30.0) if t.category == FACE]
    sure = [t for t in tracks if max(k[4] for k in t.keyframes.values()) >= 0.5]
    assert len(sure) == 1 and sure[0].first_frame == 0 and sure[0].last_frame == 71
    assert all(k[0] >= 560 and k[4] < 0.3 for t in tracks if t is not sure[0]
               for k in t.keyframes.values())


def test_stride_skips_frames_but_keeps_the_last(videos: Path) -> None:
    run = detect_video(videos / "intel_face-demographics-walking.mp4", "fast", stride=3)
    detected = [f.index for f in run.frames if f.detected]
    assert detected == [*range(0, 35, 3), 34]
    assert all(len(f.boxes) >= 2 for f in run.frames if f.detected)


def test_rotated_video_boxes_are_in_stored_pixels(videos: Path, tmp_path: Path) -> None:
    """A face clip stored sideways with a 90° display rotation is still found, in place."""
    import av

    src = videos / "pyfeat_single_face.mp4"
    rotated = tmp_path / "sideways.mp4"
    plain = detect_video(src, "balanced", stride=10)
    with av.open(str(src)) as inp, av.open(str(rotated), "w") as out:
        stream = out.add_stream("libx264", rate=30)
        stream.width, stream.height, stream.pix_fmt = 360, 640, "yuv420p"
        stream.set_display_rotation(90)  # shown turned 90° ccw: upright again
        for i, frame in enumerate(inp.decode(video=0)):
            if i >= 20:
                break
            turned = np.ascontiguousarray(np.rot90(frame.to_ndarray(format="rgb24"), -1))
            out.mux(stream.encode(av.VideoFrame.from_ndarray(turned, format="rgb24")))
        out.mux(stream.encode())
    run = detect_video(rotated, "balanced", stride=10)
    assert run.rotation == 90 and (run.width, run.height) == (360, 640)
    a, b = plain.frames[0].boxes[0], run.frames[0].boxes[0]
    # stored sideways: the face's x in the rotated file is (360 - its y in the plain one)
    assert abs((b.x + b.w / 2) - (360 - (a.y + a.h / 2))) < 12
    assert abs((b.y + b.h / 2) - (a.x + a.w / 2)) < 12


def test_detect_command_writes_the_stable_json(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    from app.cli.main import main

    image = TESTDATA / "images" / "pyfeat_multi_face.jpg"
    if not image.exists():
        pytest.skip("shared test images not found")
    out = tmp_path / "faces.json"
    assert main(["detect", str(image), "--preset", "fast", "--json", str(out)]) == 0
    data = json.loads(out.read_text())
    (frame,) = data["frames"]
    assert frame["index"] == 0 and frame["pts"] == 0
    assert len(frame["boxes"]) == 5  # five people in the photo
    assert set(frame["boxes"][0]) >= {"x", "y", "w", "h", "score"}
    assert {m["sha256"] for m in data["models"]} == {model_files.YUNET.sha256,
                                                     model_files.SHORT_RANGE.sha256}
    assert main(["detect", str(image), "--json", str(out)]) == 2  # exists: refused
    assert "already exists" in capsys.readouterr().err


def test_detect_on_a_synthetic_clip_and_bad_input(tmp_path: Path) -> None:
    clip = make_video(tmp_path / "plain.mp4", frames=6)
    run = detect_path(clip, "fast", stride=1)
    assert len(run.frames) == 6 and all(f.boxes == [] for f in run.frames)
    text = tmp_path / "x.png"
    text.write_text("not an image")
    with pytest.raises(BwvError, match="not a readable image"):
        detect_path(text, "fast")


def test_mediapipe_loads_without_its_audio_and_drawing_parts_until_they_are_used() -> None:
    """mediapipe's vision package imports its audio tasks (PortAudio through sounddevice) and
    its drawing helpers (matplotlib's pyplot): a quarter of a second in every new process.
    Detection leaves them unrun, and they still work for whoever uses them."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from app.core.detection.mediapipe_face import MediaPipeTiledDetector\n"
        "MediaPipeTiledDetector().close()\n"
        "print(*(m in sys.modules for m in ('matplotlib', 'sounddevice')))\n"
        "from mediapipe.tasks.python.vision import drawing_utils, drawing_styles\n"
        "from mediapipe.tasks.python import audio\n"
        "import matplotlib.pyplot as plt\n"
        "print(drawing_utils.plt.figure is plt.figure, callable(audio.AudioClassifier),\n"
        "      callable(drawing_styles.get_default_face_mesh_contours_style),\n"
        "      'matplotlib.pyplot' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True, cwd=Path(__file__).resolve().parents[2]).stdout.split()
    assert out == ["False", "False", "True", "True", "True", "True"]


def test_the_default_quick_pass_looks_at_small_pictures_enlarged() -> None:
    """Scaled to 1 MP: a 960x366 or 960x540 picture is enlarged (faces of the far crowd
    are seen at the size they would have on 720p); 720p (1.04x) is looked at as it is, and
    1080p is reduced as before."""
    p = get_preset(DEFAULT_PRESET)
    quick = NETWORKS[p.quick_network](p.quick_threshold, p.quick_scale,
                                      max_megapixels=p.quick_max_megapixels)
    try:
        assert quick.input_scale(960, 366) == pytest.approx(1.688, abs=0.01)
        assert quick.input_scale(960, 540) == pytest.approx(1.389, abs=0.01)
        assert quick.input_scale(1280, 720) == 1.0
        assert quick.input_scale(1920, 1080) == pytest.approx(0.694, abs=0.01)
        assert quick.input_scale(3000, 3000) < 1  # no floor on reducing
    finally:
        quick.close()


def test_a_network_run_that_another_covers_is_skipped(monkeypatch: pytest.MonkeyPatch) -> None:
    """A network run that another run of the same network on the same input, at a threshold
    as low or lower, already covers is skipped (its boxes would be a subset). The default's
    CenterFace is capped at 2 MP: on a 1080p frame its 1x and 2x inputs are one picture, so
    it runs once there, and twice on 720p. On 720p the quick pass's YuNet (threshold 0.5,
    up to 1 MP) sees the same 1280x736 input as the fine pass's YuNet at 1x (0.3), so only
    the fine one runs; on 1080p the quick pass's input is smaller, and all three run."""
    calls: list[tuple[str, tuple[int, int]]] = []
    original = ScaledNetwork.detect

    def counted(self: ScaledNetwork, rgb: np.ndarray) -> np.ndarray:
        calls.append((self.name, self.input_size(rgb.shape[1], rgb.shape[0])))
        return original(self, rgb)

    monkeypatch.setattr(ScaledNetwork, "detect", counted)
    with FaceDetector(DEFAULT_PRESET) as detector:
        for width, height, centerface_runs, yunet_runs in ((1920, 1080, 1, 3),
                                                           (1280, 720, 2, 2)):
            calls.clear()
            detector.detect_boxes(np.full((height, width, 3), 128, np.uint8), fine=True)
            ran = [name for name, _ in calls]
            assert ran.count("centerface") == centerface_runs, calls
            assert ran.count("yunet") == yunet_runs, calls
            assert len(set(calls)) == len(calls), calls  # no input looked at twice
            calls.clear()
            detector.detect_boxes(np.full((height, width, 3), 128, np.uint8), fine=False)
            assert [name for name, _ in calls] == ["yunet"], calls  # the quick pass alone


def test_a_face_cut_by_the_pictures_edge_is_found_with_the_defaults_edge_drop() -> None:
    """WIDER faces of 53-71 px with 40-60 % of them outside the picture (the frame's edge
    cuts them, as it often cuts a person close to a body-worn camera) score under the
    thresholds: the default keeps boxes touching the edge down to half of each
    threshold and finds every one; without that drop it finds none today (the test allows
    two: one scores 0.294 against 0.3), so the test can fail."""
    if not WIDER.is_dir():
        pytest.skip(f"shared test images not found at {WIDER}")
    path, gt = next((p, g) for p, g in _wider_valid(WIDER)
                    if p.name == "17_Ceremony_Ceremony_17_171.jpg")
    image = np.ascontiguousarray(cv2.imread(str(path))[:, :, ::-1])
    height, width = image.shape[:2]

    def cut(face: int, side: str, shown: float) -> tuple[int, int, int, int, int]:
        x1, y1, x2, y2 = gt[face]
        return face, *{
            "left": (int(x2 - shown * (x2 - x1)), 0, width, height),
            "top": (0, int(y2 - shown * (y2 - y1)), width, height),
            "bottom": (0, 0, width, int(np.ceil(y1 + shown * (y2 - y1))))}[side]

    cuts = [cut(18, "left", 0.6), cut(18, "top", 0.5), cut(16, "top", 0.4),
            cut(29, "bottom", 0.6)]
    default = get_preset(DEFAULT_PRESET)
    assert default.edge_drop == pytest.approx(0.5)
    found: list[list[bool]] = [[], []]
    for k, preset in enumerate((default, dataclasses.replace(default, edge_drop=0.0))):
        with FaceDetector(preset) as detector:
            for face, a, b, c, d in cuts:
                x1, y1, x2, y2 = gt[face]
                crop = np.ascontiguousarray(image[b:d, a:c])
                shown = np.array([[max(x1, a) - a, max(y1, b) - b, min(x2, c) - a,
                                   min(y2, d) - b]], np.float32)
                boxes, _ = detector.detect_boxes(crop, fine=True)
                found[k].append(bool(match(shown, boxes, 0.3)[0][0]))
    assert all(found[0]), found
    # without the drop none is found today; YuNet scores one of them 0.294 against its 0.3,
    # so the test allows for a library's rounding there, not for the drop doing nothing
    assert sum(found[1]) <= 2, found


def test_bwv_detect_says_how_many_boxes_are_unsure(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """A face cut by the picture's edge, found only by the edge drop, is counted as unsure
    in ``bwv detect``'s summary (the JSON gives its score and network)."""
    from app.cli.main import main

    if not WIDER.is_dir():
        pytest.skip(f"shared test images not found at {WIDER}")
    path, gt = next((p, g) for p, g in _wider_valid(WIDER)
                    if p.name == "17_Ceremony_Ceremony_17_171.jpg")
    image = cv2.imread(str(path))
    said = []
    for top in (int(gt[18][3] - 0.5 * (gt[18][3] - gt[18][1])),
                int(gt[16][3] - 0.4 * (gt[16][3] - gt[16][1]))):
        crop = tmp_path / f"cut{top}.png"  # lossless: the scores are those of the test above
        cv2.imwrite(str(crop), image[top:])
        assert main(["detect", str(crop), "--json", str(tmp_path / f"cut{top}.json")]) == 0
        said.append(capsys.readouterr().err)
    assert any(" unsure: under their network's threshold at the picture's edge)" in s
               for s in said), said


def test_boxes_under_a_networks_threshold_lie_only_at_the_pictures_edge() -> None:
    """The edge drop keeps nothing low inside the picture: on whole crowd images every box
    scored under its network's threshold lies within a tenth of its size (or 4 input
    pixels, here at most 2x as large as the frame's) of the frame's edge."""
    if not WIDER.is_dir():
        pytest.skip(f"shared test images not found at {WIDER}")
    default = get_preset(DEFAULT_PRESET)
    low_at_edge = 0
    with FaceDetector(default) as detector:
        for path, _gt in _wider_valid(WIDER)[:4]:
            image = np.ascontiguousarray(cv2.imread(str(path))[:, :, ::-1])
            height, width = image.shape[:2]
            boxes, names = detector.detect_boxes(image, fine=True)
            for box, name in zip(boxes, names, strict=True):
                if not default.firm(name, float(box[4])):
                    threshold = default.threshold_of(name)
                    assert threshold is not None
                    assert box[4] >= threshold * (1 - default.edge_drop) - 1e-6
                    m = max(0.1 * max(box[2] - box[0], box[3] - box[1]), 8.0)
                    assert (box[0] <= m or box[1] <= m or box[2] >= width - m
                            or box[3] >= height - m), (path.name, box, name)
                    low_at_edge += 1
    assert low_at_edge > 0  # the drop did keep some there
