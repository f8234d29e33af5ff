"""Running the face detector over images and videos, with progress and cancel."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from app.core.detection.detector import Detection, FaceDetector
from app.core.detection.presets import Preset, get_preset
from app.core.detection.propagation import FilledFrame, KeyFrame, Propagation
from app.core.detection.text_follow import TextFollower
from app.core.detection.text_regions import TextRegionDetector
from app.core.errors import QT_TRANSLATE_NOOP, InvalidInputError, MediaError
from app.core.media.decode import iter_frames
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


def text_label(number: int, found: bool = True) -> str:
    """The detector name a text region's box is stored under (see FrameDetections.text)."""
    return f"text:{number}" if found else f"text:{number}:carried"


def text_region(label: str) -> tuple[int, bool]:
    """A text box's region number, and whether the detector found it there (not carried)."""
    _text, number, *carried = label.split(":")
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

    def as_json(self) -> dict[str, Any]:
        """The stable ``bwv detect`` JSON: ``{"frames": [{"index", "pts", "boxes"}]}``."""
        return {
            "source": self.source, "width": self.width, "height": self.height,
            "rotation": self.rotation, "preset": self.preset.as_dict(), "models": self.models,
            "frames": [{"index": f.index, "pts": round(f.time_s, 6), "detected": f.detected,
                        "boxes": [b.as_json() for b in f.boxes],
                        **({"camera": round(f.camera, 4)} if f.camera else {}),
                        **({"text": [b.as_json() for b in f.text]} if f.text else {})}
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
        boxes, names = detector.detect_boxes(rgb, fine=True)
        run = DetectionRun(str(path), rgb.shape[1], rgb.shape[0], 0, preset, detector.models())
    text = []
    if preset.text_every_s > 0:  # a still is one look: each region found is region N
        found = TextRegionDetector.for_preset(preset).detect(rgb)
        text = to_detections(found, [text_label(n + 1) for n in range(len(found))])
    run.frames.append(FrameDetections(0, 0.0, to_detections(boxes, names), text=text))
    run.elapsed_s = time.perf_counter() - started
    return run


def detect_video(path: Path, preset: Preset | str, *, stride: int | None = None,
                 offset: int = 0, progress: ProgressFn = no_progress,
                 cancel: CancelToken | None = None, propagate: bool = True) -> DetectionRun:
    """Detect faces on every ``stride``-th frame (default: the preset's) from ``offset``.

    Frames are turned upright for the detector; boxes are returned in stored pixels. With
    ``propagate`` the frames in between get the detected boxes carried there by motion
    (forward and backward; ``detector`` "motion"), see :mod:`propagation`.
    """
    info = probe(path, cancel)
    preset = get_preset(preset) if isinstance(preset, str) else preset
    step = max(1, stride or preset.stride)
    limit = max(1, round(info.fps or 25))
    if step > limit:  # the frames between key frames are held: at most a second of them
        raise InvalidInputError(QT_TRANSLATE_NOOP(
            "CoreMessages", "{path}: stride {stride} is out of range: detect on at least one "
            "frame per second (1 to {limit} for this video)."), path=path, stride=step,
            limit=limit)
    started = time.perf_counter()
    fine_every = step * preset.fine_stride if preset.fine_scales else 0
    filler = Propagation(info.width, info.height, history=fine_every) if propagate else None
    text_every = preset.text_every_frames(info.fps)
    texts = TextRegionDetector.for_preset(preset) if preset.text_every_s > 0 else None
    text = TextFollower(info.width, info.height, text_every) if texts is not None else None
    with FaceDetector(preset) as detector:
        run = DetectionRun(str(path), info.width, info.height, info.rotation, preset,
                           detector.models())
        for decoded in iter_frames(path, cancel):
            last = decoded.index == info.frame_count - 1
            found = None
            fine = bool(preset.fine_scales) and (
                decoded.index - offset) % (step * preset.fine_stride) == 0
            rgb: np.ndarray[Any, np.dtype[np.uint8]] | None = None
            if (decoded.index - offset) % step == 0 or last:
                rgb = decoded.frame.to_ndarray(format="rgb24")
                boxes, names = detector.detect_boxes(upright(rgb, info.rotation), fine)
                found = KeyFrame(
                    boxes_to_stored(boxes, info.rotation, rgb.shape[1], rgb.shape[0]), names,
                    detector.smallest_face(info.width, info.height, fine), fine,
                    detector.smallest_face(info.width, info.height, False))
            if filler is None:
                run.frames.append(FrameDetections(
                    decoded.index, round(decoded.time_s, 6),
                    to_detections(found.boxes, found.names) if found is not None else [],
                    found is not None))
            gray = decoded.frame.to_ndarray(format="gray") \
                if filler is not None or text is not None else None
            if filler is not None and gray is not None:
                _add(run, filler.push(decoded.index, decoded.time_s, gray, found))
                for index, boxes, names in filler.take_amendments():
                    run.frames[index].boxes += to_detections(boxes, names)
            if text is not None and texts is not None and gray is not None:
                seen = None
                if decoded.index % text_every == 0 or last:
                    rgb = rgb if rgb is not None else decoded.frame.to_ndarray(format="rgb24")
                    seen = boxes_to_stored(texts.detect(upright(rgb, info.rotation)),
                                           info.rotation, rgb.shape[1], rgb.shape[0])
                text.push(decoded.index, gray, seen)
            progress(decoded.index + 1, info.frame_count)
    if filler is not None:
        _add(run, filler.finish())
        for f in run.frames:
            f.camera = filler.camera.get(f.index, 0.0)
    if text is not None:
        for f in run.frames:
            f.text = [Detection(b[0], b[1], b[2] - b[0], b[3] - b[1], b[4],
                                text_label(number, found)).stored()
                      for number, b, found in text.regions.get(f.index, [])]
    run.elapsed_s = time.perf_counter() - started
    return run


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
