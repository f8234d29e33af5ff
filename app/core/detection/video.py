"""Running the face detector over images and videos, with progress and cancel."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from app.core.detection import boxes as bx
from app.core.detection.detector import Detection, FaceDetector
from app.core.detection.people import CUT_OFF, PersonDetector, head_regions
from app.core.detection.presets import Preset, get_preset
from app.core.detection.propagation import FilledFrame, KeyFrame, Propagation
from app.core.detection.region_follow import HEAD_MOTION, RegionFollower, flow_image
from app.core.detection.shot_cuts import lookahead_frames, with_cuts
from app.core.detection.text_regions import TextRegionDetector
from app.core.detection.turned_looks import TurnedWatch, still_turns
from app.core.detection.turned_looks import turned as turned_picture
from app.core.errors import QT_TRANSLATE_NOOP, InvalidInputError, MediaError
from app.core.media.decode import DecodedFrame, iter_frames, rgb_of
from app.core.media.probe import probe
from app.core.media.rotation import boxes_to_stored, upright
from app.core.progress import CancelToken, ProgressFn, no_progress

IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".bmp", ".webp", ".tif", ".tiff"})


@dataclass
class FrameDetections:
    """Faces found on one frame; ``detected`` is False for frames the stride skipped."""

    index: int
    time_s: float
    boxes: list[Detection]
    detected: bool = True
    camera: float = 0.0  # how far the picture moved since the frame before (share of width)
    # text regions on this frame (preset.text_every_s): detector "text:N" where the text
    # detector found region N, "text:N:carried" where motion carried it
    text: list[Detection] = field(default_factory=list)
    # heads of people (preset.heads_every_s), "head:N" and "head:N:carried" likewise
    heads: list[Detection] = field(default_factory=list)
    # the whole of the same people, "person:N" (N: their head's number) and likewise
    people: list[Detection] = field(default_factory=list)
    cut: bool = False  # a new shot starts here (shot_cuts): nothing goes on across it


def region_label(kind: str, number: int, found: bool = True) -> str:
    """The detector name a followed region's box is stored under: ``kind`` "text", "head"
    or "person" (see FrameDetections.text, .heads and .people)."""
    return f"{kind}:{number}" if found else f"{kind}:{number}:carried"


def region_of(label: str) -> tuple[int, bool]:
    """A followed region's number, and whether the detector found it there (not carried)."""
    _kind, number, *carried = label.split(":")
    return int(number), not carried


@dataclass
class DetectionRun:
    """The outcome of running a preset over one image or video."""

    source: str
    width: int
    height: int
    rotation: int
    preset: Preset
    models: list[dict[str, str]]
    frames: list[FrameDetections] = field(default_factory=list)
    elapsed_s: float = 0.0

    def shot_starts(self) -> list[int]:
        """The frames that start a new shot (``FrameDetections.cut``), in order."""
        return [f.index for f in self.frames if f.cut]

    def as_json(self) -> dict[str, Any]:
        """The stable ``bwv detect`` JSON: ``{"frames": [{"index", "pts", "boxes"}]}``."""
        return {
            "source": self.source, "width": self.width, "height": self.height,
            "rotation": self.rotation, "preset": self.preset.as_dict(), "models": self.models,
            "frames": [{"index": f.index, "pts": round(f.time_s, 6), "detected": f.detected,
                        "boxes": [b.as_json() for b in f.boxes],
                        **({"camera": round(f.camera, 4)} if f.camera else {}),
                        **({"text": [b.as_json() for b in f.text]} if f.text else {}),
                        **({"heads": [b.as_json() for b in f.heads]} if f.heads else {}),
                        **({"people": [b.as_json() for b in f.people]} if f.people else {}),
                        **({"cut": True} if f.cut else {})}
                       for f in self.frames],
        }


def to_detections(boxes: np.ndarray, names: list[str]) -> list[Detection]:
    return [Detection(float(b[0]), float(b[1]), float(b[2] - b[0]), float(b[3] - b[1]),
                      float(b[4]), n).stored() for b, n in zip(boxes, names, strict=True)]


def detect_image(path: Path, preset: Preset | str) -> DetectionRun:
    """Detect faces on one still image (one frame, index 0)."""
    image = cv2.imread(str(path), cv2.IMREAD_COLOR)
    if image is None:
        raise MediaError(QT_TRANSLATE_NOOP("CoreMessages", "{path}: not a readable image."),
                         path=path)
    rgb: np.ndarray[Any, np.dtype[np.uint8]] = np.ascontiguousarray(image[:, :, ::-1])
    preset = get_preset(preset) if isinstance(preset, str) else preset
    started = time.perf_counter()
    with FaceDetector(preset) as detector:
        boxes, names = detector.detect_boxes(rgb, fine=True, turns=still_turns(preset))
        sure_turns = detector.turns_found if preset.heads_rules >= 3 else ()
        run = DetectionRun(str(path), rgb.shape[1], rgb.shape[0], 0, preset, detector.models())
    text, heads, people = [], [], []
    if preset.text_every_s > 0:  # a still is one look: each region found is region N
        found = TextRegionDetector.for_preset(preset).detect(rgb)
        text = to_detections(found, [region_label("text", n + 1) for n in range(len(found))])
    if preset.heads_every_s > 0:  # turned too where a turned look found a sure face
        seen = heads_seen(PersonDetector(preset.heads_max_side), rgb, sure_turns)
        heads = to_detections(seen[:, :5], [region_label("head", n + 1)
                                            for n in range(len(seen))])
        people = to_detections(np.hstack([seen[:, 5:9], seen[:, 4:5]]),
                               [region_label("person", n + 1) for n in range(len(seen))])
    run.frames.append(FrameDetections(0, 0.0, to_detections(boxes, names), text=text,
                                      heads=heads, people=people))
    run.elapsed_s = time.perf_counter() - started
    return run


def stride_for(preset: Preset, fps: float | None, stride: int | None = None) -> int:
    """The stride of a detection: ``stride`` when one is asked for, else the preset's, but
    never more than a second of frames: footage of a frame or two a second (as CCTV often
    is) is looked at on every frame, not refused."""
    return stride if stride else min(preset.stride, max(1, round(fps or 25)))


def detect_video(path: Path, preset: Preset | str, *, stride: int | None = None,
                 offset: int = 0, progress: ProgressFn = no_progress,
                 cancel: CancelToken | None = None, propagate: bool = True) -> DetectionRun:
    """Detect faces on every ``stride``-th frame (default: the preset's) from ``offset``.

    Frames are turned upright for the detector; boxes are returned in stored pixels. With
    ``propagate`` the frames in between get the detected boxes carried there by motion
    (forward and backward; ``detector`` "motion"), see :mod:`propagation`. Where the clip
    cuts to another shot (:mod:`shot_cuts`; ``FrameDetections.cut``) the frames on both
    sides are looked at, by every detector (the last frame of a shot by the fine pass too), and
    nothing is carried across.
    """
    info = probe(path, cancel)
    preset = get_preset(preset) if isinstance(preset, str) else preset
    step = max(1, stride_for(preset, info.fps, stride))
    limit = max(1, round(info.fps or 25))
    if step > limit:  # the frames between key frames are held: at most a second of them
        raise InvalidInputError(QT_TRANSLATE_NOOP(
            "CoreMessages", "{path}: stride {stride} is out of range: detect on at least one "
            "frame per second (1 to {limit} for this video)."), path=path, stride=step,
            limit=limit)
    started = time.perf_counter()
    fine_every = step * preset.fine_stride if preset.fine_scales else 0
    filler = Propagation(info.width, info.height, history=fine_every,
                         firm=preset.firm) if propagate else None
    looks = _Looks(preset, info.width, info.height, info.fps)
    turned = TurnedWatch(preset.turned_hold_frames(info.fps))
    shot_starts: set[int] = set()  # frames that start a new shot
    with FaceDetector(preset) as detector:
        run = DetectionRun(str(path), info.width, info.height, info.rotation, preset,
                           detector.models())
        for decoded, gray, starts, ends in with_cuts(iter_frames(path, cancel), _luma,
                                                     lookahead_frames(info.fps)):
            last = decoded.index == info.frame_count - 1
            found = None
            # a shot's (and the clip's) last frame has the fine pass too: the small faces it
            # finds are carried back over the last frames (nothing after carries back)
            fine = bool(preset.fine_scales) and (
                (decoded.index - offset) % (step * preset.fine_stride) == 0 or ends or last)
            rgb: np.ndarray[Any, np.dtype[np.uint8]] | None = None
            if starts:  # nothing found before the cut goes on after it
                if filler is not None:
                    _add(run, filler.cut())
                looks.cut()
            # both sides of a cut are looked at, as the clip's last frame is
            if (decoded.index - offset) % step == 0 or last or starts or ends:
                rgb = rgb_of(decoded.frame)
                watch = (decoded.index - offset) % (step * max(1, preset.fine_stride)) == 0
                boxes, names = detector.detect_boxes(
                    upright(rgb, info.rotation), fine, turned.turns(decoded.index, watch),
                    turned.held(decoded.index))
                turned.saw(decoded.index, detector.turns_found)
                found = KeyFrame(
                    boxes_to_stored(boxes, info.rotation, rgb.shape[1], rgb.shape[0]), names,
                    detector.smallest_face(info.width, info.height, fine), fine,
                    detector.smallest_face(info.width, info.height, False))
            if filler is None:
                run.frames.append(FrameDetections(
                    decoded.index, round(decoded.time_s, 6),
                    to_detections(found.boxes, found.names) if found is not None else [],
                    found is not None))
            else:
                _add(run, filler.push(decoded.index, decoded.time_s, gray, found))
                for index, boxes, names in filler.take_amendments():
                    run.frames[index].boxes += to_detections(boxes, names)
            if starts:
                shot_starts.add(decoded.index)
            if looks.any:
                looks.push(decoded, gray, rgb, info.rotation, last or starts or ends,
                           turned.held(decoded.index) if preset.heads_rules >= 3 else ())
            progress(decoded.index + 1, info.frame_count)
    if filler is not None:
        _add(run, filler.finish())
        for f in run.frames:
            f.camera = filler.camera.get(f.index, 0.0)
    for f in run.frames:
        f.text, f.heads = looks.found("text", f.index), looks.found("head", f.index)
        f.people = looks.people(f.index)
        f.cut = f.index in shot_starts
    run.elapsed_s = time.perf_counter() - started
    return run


class _Looks:
    """The detectors that look now and then (text regions, people's heads), each with its
    follower carrying their regions over the frames in between (region_follow). A head
    carries its whole person along, in the proportions of the last look (:meth:`people`)."""

    def __init__(self, preset: Preset, width: int, height: int, fps: float) -> None:
        self.every: dict[str, int] = {}
        # each detector looks at the upright picture and is given the turned looks held
        self.detect: dict[str, Callable[[np.ndarray, tuple[int, ...]], np.ndarray]] = {}
        self.followers: dict[str, RegionFollower] = {}
        if preset.text_every_s > 0:
            every = preset.text_every_frames(fps)
            text = TextRegionDetector.for_preset(preset)
            self._add("text", every, lambda rgb, turns: text.detect(rgb),
                      RegionFollower(width, height, every))
        if preset.heads_every_s > 0:
            people = PersonDetector(preset.heads_max_side)
            every = preset.heads_every_frames(fps)
            self._add("head", every, lambda rgb, turns: heads_seen(people, rgb, turns),
                      RegionFollower(width, height, every, HEAD_MOTION))
        self.any = bool(self.followers)

    def _add(self, kind: str, every: int,
             detect: Callable[[np.ndarray, tuple[int, ...]], np.ndarray],
             follower: RegionFollower) -> None:
        self.every[kind], self.detect[kind], self.followers[kind] = every, detect, follower

    def cut(self) -> None:
        """A new shot starts: no region is carried across the cut."""
        for follower in self.followers.values():
            follower.cut()

    def push(self, decoded: DecodedFrame, gray: np.ndarray, rgb: np.ndarray | None, rotation: int,
             now: bool, turns: tuple[int, ...] = ()) -> None:
        """One frame to every follower (one flow image for all); the detectors whose turn
        it is (or every one, ``now``: the clip's last frame, either side of a cut) look at
        it first (the frame turned upright once for all; ``turns``: the
        turned looks held on it, ``turned_looks.TurnedWatch``)."""
        small, shown = flow_image(gray), None
        for kind, follower in self.followers.items():
            seen = None
            if decoded.index % self.every[kind] == 0 or now:
                rgb = rgb if rgb is not None else rgb_of(decoded.frame)
                shown = shown if shown is not None else upright(rgb, rotation)
                raw = self.detect[kind](shown, turns)
                seen = boxes_to_stored(raw, rotation, rgb.shape[1], rgb.shape[0])
                if raw.shape[1] >= 9:  # the attached boxes too
                    seen[:, 5:9] = boxes_to_stored(np.ascontiguousarray(raw[:, 5:9]),
                                                   rotation, rgb.shape[1], rgb.shape[0])
            follower.push(decoded.index, gray, seen, small)

    def found(self, kind: str, index: int) -> list[Detection]:
        """The regions of ``kind`` on frame ``index``, as stored detections."""
        follower = self.followers.get(kind)
        if follower is None:
            return []
        return [Detection(b[0], b[1], b[2] - b[0], b[3] - b[1], b[4],
                          region_label(kind, number, found)).stored()
                for number, b, found in follower.regions.get(index, [])]

    def people(self, index: int) -> list[Detection]:
        """The whole person of each head on frame ``index``, numbered as the head."""
        follower = self.followers.get("head")
        if follower is None:
            return []
        return [Detection(b[0], b[1], b[2] - b[0], b[3] - b[1], head[4],
                          region_label("person", number, found)).stored()
                for number, head, found in follower.regions.get(index, [])
                if (b := follower.attached.get(index, {}).get(number)) is not None]


def heads_with_people(people: np.ndarray, width: int) -> np.ndarray:
    """Each person's head region (``people.head_regions``), their box attached (columns
    5-8, as ``RegionFollower`` carries it)."""
    return np.hstack([head_regions(people, width), people[:, :4]]) if len(people) else \
        np.zeros((0, 9), np.float32)


def heads_seen(people: PersonDetector, rgb: np.ndarray, turns: tuple[int, ...]) -> np.ndarray:
    """:func:`heads_with_people` on ``rgb`` and, for each of ``turns`` (the turned looks
    held: ``Preset.heads_rules`` 3), on ``rgb`` turned that way, mapped back, with the
    look's turn as column 9 (``RegionFollower`` keeps a turned look's box apart). Someone
    on their side (a camera on its side, a person on the ground) is upright there, their
    head at the top of their box; on the picture as it is, the top of their box is their
    side. Of a person both an upright and a turned look found, one is dropped only where
    the other look surely saw them upright (:func:`most_upright`)."""
    height, width = rgb.shape[:2]
    found = [heads_with_people(people.detect(rgb), width)]
    for turn in turns:
        picture = turned_picture(rgb, turn)
        raw = heads_with_people(people.detect(picture), picture.shape[1])
        back = boxes_to_stored(raw, turn, width, height)
        if len(raw):
            back[:, 5:9] = boxes_to_stored(np.ascontiguousarray(raw[:, 5:9]), turn, width,
                                           height)
        found.append(back)
    turned_by = np.concatenate([np.full(len(f), t, np.float32)
                                for f, t in zip(found, (0, *turns), strict=True)])
    seen = np.hstack([np.concatenate(found), turned_by[:, None]])
    return seen[most_upright(seen[:, 5:9], turned_by, height)] if turns else seen


SAME_PERSON_IOU = 0.5  # person boxes of two looks overlapping this much are one person
SURELY_UPRIGHT = 1.5  # a person box this much taller than wide (as its look saw it) is
# someone upright in that look, one as much wider than tall someone lying in it; between,
# a person sitting, bending or cut off by the picture: every look's head region is kept


def most_upright(boxes: np.ndarray, turned_by: np.ndarray, height: int) -> np.ndarray:
    """Indices of the person ``boxes`` (x1, y1, x2, y2 on the picture as it is, ``height``
    high; each found on it turned ``turned_by``) to keep. Of an upright look's box and a
    turned look's overlapping it by ``SAME_PERSON_IOU``, the one whose look saw someone
    lying down is dropped where the other's saw them upright (``SURELY_UPRIGHT``), the
    upright look's never when it reaches the picture's bottom (someone close, cut off
    there); two turned looks' boxes of one person are both kept (the same box shape: one
    of them sees the person upside down, their head at the bottom, so both ends are
    hidden). Greedy, surest first: only a box kept drops another."""
    w = np.maximum(boxes[:, 2] - boxes[:, 0], 1e-3)
    h = np.maximum(boxes[:, 3] - boxes[:, 1], 1e-3)
    share = np.where(turned_by % 180 == 0, h / w, w / h)  # upright as its look saw it
    overlap = bx.iou_matrix(boxes.astype(np.float32), boxes.astype(np.float32))
    cut = boxes[:, 3] >= (1 - CUT_OFF) * height  # a box stops a few pixels short of it
    keep = np.ones(len(boxes), bool)
    for i in np.argsort(-share, kind="stable"):
        if not keep[i] or share[i] < SURELY_UPRIGHT:
            continue
        for j in np.flatnonzero(overlap[i] >= SAME_PERSON_IOU):
            if (turned_by[i] == 0) != (turned_by[j] == 0) and \
                    share[j] <= 1 / SURELY_UPRIGHT and not (turned_by[j] == 0 and cut[j]):
                keep[j] = False
    return np.flatnonzero(keep)


def _luma(decoded: DecodedFrame) -> np.ndarray:
    luma: np.ndarray = decoded.frame.to_ndarray(format="gray")
    return luma


def _add(run: DetectionRun, filled: list[FilledFrame]) -> None:
    for f in filled:
        run.frames.append(FrameDetections(f.index, round(f.time_s, 6),
                                          to_detections(f.boxes, f.names),
                                          f.detected))


def detect_path(path: Path, preset: Preset | str, **kwargs: Any) -> DetectionRun:
    """An image (by suffix) or a video."""
    if path.suffix.lower() in IMAGE_SUFFIXES:
        return detect_image(path, preset)
    return detect_video(path, preset, **kwargs)
