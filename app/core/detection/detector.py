"""The face detector the app uses: the preset's detectors run and fused into one box list."""

from __future__ import annotations

from dataclasses import dataclass
from types import TracebackType
from typing import Any

import numpy as np
import numpy.typing as npt

from app.core.detection import boxes as bx
from app.core.detection.centerface import CenterFaceDetector
from app.core.detection.dark_frames import is_dark, lifted
from app.core.detection.mediapipe_face import MediaPipeTiledDetector
from app.core.detection.model_files import PPOCR_DET, SHORT_RANGE, YOLOX_NANO, ModelFile
from app.core.detection.network import ScaledNetwork
from app.core.detection.presets import Preset, get_preset
from app.core.detection.turned_looks import SURE_SCORE, turned_faces
from app.core.detection.yunet import YuNetDetector

# Fusion ranks firm boxes (at or above their network's threshold) before unsure ones (kept
# at the picture's edge by the edge drop): scores are under 1, so this puts them first.
FIRM_FIRST = 10.0
# On a dark frame (Preset.dark_look) and with turned looks (turned_looks) the ordinary look's
# boxes rank before every box of those extra looks: they are fused exactly as they would be
# alone, and an extra look's box is kept only where no box of the ordinary look covers its
# face (it never replaces one).
ORDINARY_FIRST = 100.0
# ... and one lying this much inside the head region (boxes.head_boxes: what a redaction
# hides) of a box of the ordinary look is taken for that face, framed differently, and
# dropped: two boxes of one face make two tracks of one person (on a close-up with a hand
# over the mouth the lifted copy boxed the forehead and eyes, IoU 0.2 with the ordinary box,
# 0.72 of it inside its head region: four tracks of one face where there had been one).
# An extra look's face mostly outside every such region is kept, however it overlaps.
SAME_FACE_SHARE = 0.5

NETWORKS: dict[str, type[ScaledNetwork]] = {"centerface": CenterFaceDetector,
                                            "yunet": YuNetDetector}


@dataclass(frozen=True)
class Detection:
    """One face box in frame pixels (top-left x, y, width, height)."""

    x: float
    y: float
    w: float
    h: float
    score: float
    detector: str

    def as_json(self) -> dict[str, Any]:
        return {"x": round(self.x, 1), "y": round(self.y, 1), "w": round(self.w, 1),
                "h": round(self.h, 1), "score": round(self.score, 4), "detector": self.detector}

    def stored(self) -> Detection:
        """This detection exactly as a stored run gives it back (see :meth:`as_json`): runs
        keep these values from the start, so tracks built from a fresh run and from the same
        run reloaded are identical (the track numbers a person reviewed stay theirs)."""
        return Detection(**self.as_json())


def preset_models(preset: Preset) -> list[dict[str, str]]:
    """The models a preset uses, without loading them."""
    used = []
    if preset.quick_threshold is not None:
        used.append((preset.quick_network, NETWORKS[preset.quick_network].model))
    for fine in (preset.fine_network, preset.fine_second_network):
        if preset.fine_scales and fine is not None and fine not in [name for name, _ in used]:
            used.append((fine, NETWORKS[fine].model))
    if preset.mediapipe_threshold is not None:
        used.append(("mediapipe", SHORT_RANGE))
    if preset.text_every_s > 0:
        used.append(("text", PPOCR_DET))
    if preset.heads_every_s > 0:
        used.append(("heads", YOLOX_NANO))
    return [model_entry(name, m) for name, m in used]


def model_entry(detector: str, m: ModelFile) -> dict[str, str]:
    """A model as manifests and stored runs list it."""
    return {"detector": detector, "name": m.name, "file": m.filename, "sha256": m.sha256,
            "source": m.source, "licence": m.licence}


def new_faces_only(boxes: bx.Boxes, keep: npt.NDArray[np.intp],
                   second: npt.NDArray[np.bool_]) -> npt.NDArray[np.intp]:
    """``keep`` (indices into ``boxes``, the ordinary look's first) without the extra
    looks' boxes (``second``) that lie ``SAME_FACE_SHARE`` or more inside the head region
    of a kept box of the ordinary look (upright pixels: detect_boxes looks at the picture
    upright)."""
    later = second[keep]
    ordinary, extra = keep[~later], keep[later]
    if len(ordinary) and len(extra):
        inside = bx.containment(boxes[extra], bx.head_boxes(boxes[ordinary]))
        extra = extra[(inside < SAME_FACE_SHARE).all(axis=1)]
    return np.concatenate([ordinary, extra])


def _sure(boxes: bx.Boxes, keep: npt.NDArray[np.intp], turn_at: npt.NDArray[Any],
          turn: int) -> bool:
    """Whether a kept box of ``turn``'s look scored ``SURE_SCORE`` or more."""
    mine = keep[turn_at[keep] == turn]
    return bool(len(mine)) and float(boxes[mine, 4].max()) >= SURE_SCORE


class FaceDetector:
    """Fuses the preset's networks (CenterFace or YuNet) and tiled BlazeFace. Use as a
    context manager."""

    def __init__(self, preset: Preset | str) -> None:
        self.preset = get_preset(preset) if isinstance(preset, str) else preset
        p = self.preset
        self._parts: list[Any] = []
        self._fine: list[ScaledNetwork] = []
        quick: ScaledNetwork | None = None
        if p.quick_threshold is not None:
            quick = NETWORKS[p.quick_network](p.quick_threshold, p.quick_scale,
                                              max_megapixels=p.quick_max_megapixels,
                                              edge_drop=p.edge_drop)
            self._parts.append(quick)
        if p.fine_scales:
            if quick is not None and p.fine_network == p.quick_network:
                base = quick  # one session, shared
            else:
                base = NETWORKS[p.fine_network](p.fine_threshold)
            self._fine = [base.with_scale(scale, p.fine_threshold, p.fine_max_megapixels,
                                          p.edge_drop) for scale in p.fine_scales]
            if p.fine_second_network is not None:
                second = NETWORKS[p.fine_second_network](p.fine_second_threshold)
                cap = p.fine_second_max_megapixels or p.fine_max_megapixels
                self._fine += [second.with_scale(scale, p.fine_second_threshold, cap,
                                                 p.edge_drop) for scale in p.fine_scales]
        if p.mediapipe_threshold is not None:
            self._parts.append(MediaPipeTiledDetector(
                p.mediapipe_threshold, p.mediapipe_windows, p.mediapipe_overlap))
        # the turns whose look added a sure face the upright look had no box for, last call
        self.turns_found: tuple[int, ...] = ()

    def models(self) -> list[dict[str, str]]:
        """Name, file, SHA-256, source and licence of each model in use (for manifests)."""
        return preset_models(self.preset)

    def smallest_face(self, width: int, height: int, fine: bool) -> float:
        """About the narrowest face (px) a pass finds on a frame of this size."""
        nets = [p for p in self._parts if isinstance(p, ScaledNetwork)]
        if fine:
            nets += self._fine  # the quick pass runs on fine frames too
        return min((n.smallest_face(width, height) for n in nets), default=40.0)

    def detect_boxes(self, rgb: npt.NDArray[np.uint8], fine: bool = False,
                     turns: tuple[int, ...] = (),
                     held: tuple[int, ...] = ()) -> tuple[bx.Boxes, list[str]]:
        """Fused ``(N, 5)`` boxes and, per box, the detector that found it.

        ``fine``: the fine pass runs too (when the preset has one). On a dark frame
        (``Preset.dark_look``) every part looks again at the frame smoothed and lifted
        (``dark_frames``); with ``turns`` the quick pass looks again at the frame turned by
        each (``turned_looks``). The extra looks' boxes are added where the ordinary look
        has none (``new_faces_only``); a turned look's only if one of them scored
        ``SURE_SCORE`` or more, or its turn is in ``held``. ``turns_found``: the turns that
        added a sure one.
        """
        arrays, names, second, turn_of = [], [], [], []
        parts = self._parts
        if fine:
            parts = [*parts, *self._fine]
        height, width = rgb.shape[:2]
        looks = [rgb, lifted(rgb)] if is_dark(rgb, self.preset.dark_look) else [rgb]
        for index, part in enumerate(parts):
            if isinstance(part, ScaledNetwork) and any(
                    part.same_look(other, width, height)
                    and (other.threshold < part.threshold or k < index)
                    for k, other in enumerate(parts)
                    if k != index and isinstance(other, ScaledNetwork)):
                # another run sees the same input and keeps at least as much: e.g. the quick
                # pass's YuNet beside the fine pass's (threshold 0.3) on a 720p frame, or a
                # network's 1x and 2x where its cap makes them one input
                continue
            for n, look in enumerate(looks):
                found = part.detect(look)
                arrays.append(found)
                names += [part.name] * len(found)
                second += [n > 0] * len(found)
                turn_of += [0] * len(found)
        faces = list(arrays)  # the faces as each network boxed them: fusion compares these
        for turn in turns:  # the quick pass only: the fine pass too, on a held turn's fine
            # frames, hid about as much on the turned street and kitchen copies
            # (bench/turned_frames.py)
            for face, hidden, name in turned_faces(self._parts, rgb, turn):
                arrays.append(hidden)
                faces.append(face)
                names += [name] * len(face)
                second += [True] * len(face)
                turn_of += [turn] * len(face)
        self.turns_found = ()
        if not arrays:
            return bx.empty(), []
        stacked = np.concatenate(arrays)
        if len(stacked) == 0:
            return stacked, []
        framed = np.concatenate(faces)
        # overlaps measured as they always were (in float64 under an edge drop), so a dark
        # frame's second look cannot tip an ordinary box over a threshold; ranks in float64
        # (float32 at 10 would merge close scores)
        geometry = framed
        if self.preset.edge_drop:
            geometry = framed.astype(np.float64)
        ranks = geometry[:, 4].astype(np.float64)
        if self.preset.edge_drop:  # a firm box of a face wins over an unsure one of it
            ranks += [FIRM_FIRST * self.preset.firm(n, float(s))
                      for n, s in zip(names, stacked[:, 4], strict=True)]
        extra = np.asarray(second, bool)
        if extra.any():
            ranks += ORDINARY_FIRST * ~extra
        keep = self._fused(geometry, framed, ranks, extra)
        if turns:  # a turn counts where held, or where a sure face of its own was kept
            turn_at = np.asarray(turn_of)
            counted = [t for t in turns if t in held or _sure(stacked, keep, turn_at, t)]
            used = np.flatnonzero((turn_at == 0) | np.isin(turn_at, counted))
            if len(used) < len(stacked):
                keep = used[self._fused(geometry[used], framed[used], ranks[used],
                                        extra[used])]
            self.turns_found = tuple(t for t in turns if _sure(stacked, keep, turn_at, t))
        return stacked[keep], [names[int(i)] for i in keep]

    def _fused(self, geometry: npt.NDArray[Any], framed: bx.Boxes, ranks: npt.NDArray[Any],
               extra: npt.NDArray[np.bool_]) -> npt.NDArray[np.intp]:
        """Indices of the boxes fusion keeps: NMS by rank, then the extra looks' boxes of
        faces the ordinary look boxed dropped (``new_faces_only``)."""
        keep = bx.nms_indices(geometry, self.preset.fusion_iou, 0.8, ranks)
        return new_faces_only(framed, keep, extra) if extra.any() else keep

    def detect(self, rgb: npt.NDArray[np.uint8], fine: bool = True) -> list[Detection]:
        boxes, names = self.detect_boxes(rgb, fine)
        return [Detection(float(b[0]), float(b[1]), float(b[2] - b[0]), float(b[3] - b[1]),
                          float(b[4]), name) for b, name in zip(boxes, names, strict=True)]

    def close(self) -> None:
        for part in [*self._parts, *self._fine]:
            part.close()
        self._parts = []
        self._fine = []

    def __enter__(self) -> FaceDetector:
        return self

    def __exit__(self, t: type[BaseException] | None, e: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

