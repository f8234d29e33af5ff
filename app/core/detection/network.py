"""What CenterFace and YuNet share: one ONNX Runtime session run on the whole frame, resized
by a scale (capped in megapixels) to sides that are multiples of 32."""

from __future__ import annotations

import os
from typing import ClassVar, Self

import cv2
import numpy as np
import numpy.typing as npt
import onnxruntime as ort

from app.core.detection import boxes as bx
from app.core.detection.model_files import ModelFile

# Threads of each ONNX Runtime session (0: its default, one per core). Several jobs running
# side by side (``bwv worker``) share the cores out instead of fighting over them.
_threads = 0


# A box this close to the frame's edge touches it: this share of its own larger side, and
# at least EDGE_INPUT_PX of the network's input pixels. The face is then cut by the
# picture's edge, and such a face scores lower than it would whole (``Preset.edge_drop``).
# A box is regressed in input pixels, and on faces cut by the edge it often stops a few of
# those short of it, however large the frame. A box larger than EDGE_MAX_SHARE of the
# picture's shorter side is never kept under the threshold: a face that close is found
# surely even when cut, and YuNet's low boxes that size are walls, doors and sky (a 345 x 272
# box on a 480 x 272 synthetic clip, a 307 x 298 one on a cartoon).
EDGE_SHARE = 0.1
EDGE_INPUT_PX = 4.0
EDGE_MAX_SHARE = 0.4

# An enlargement smaller than this is not made (the frame is looked at as it is): a few per
# cent more pixels cost as much more time and show no face that was not there, and a
# network run on a frame enlarged by a hair is not recognised as the same look as its run
# at 1x (``FaceDetector.detect_boxes`` runs both). E.g. the default's quick pass, "scaled to
# 1 MP", enlarges a 960x540 frame 1.39x and leaves a 1280x720 one (1.04x) as it is.
MIN_ENLARGEMENT = 1.15


def share_cores(sessions: int) -> None:
    """Networks loaded from now on use the cores divided by ``sessions`` (at least one)."""
    global _threads
    _threads = max(1, (os.cpu_count() or 1) // max(1, sessions))
    cv2.setNumThreads(_threads)


def keep_to_share(number: int, workers: int) -> None:
    """Pin the calling thread, and the threads it starts from now on (its decoder's, its
    networks'), to the cores of worker ``number`` of ``workers`` (Linux), so they do not
    crowd the other workers' cores (measured: 20 % slower side by side unpinned, no loss
    pinned)."""
    if not hasattr(os, "sched_setaffinity"):
        return
    cores = sorted(os.sched_getaffinity(0))
    if workers > len(cores):
        return  # more workers than cores: let the system spread them
    per = len(cores) // workers
    mine = set(cores[number * per:(number + 1) * per])
    if mine:
        os.sched_setaffinity(0, mine)


def session_options() -> ort.SessionOptions:
    """ONNX Runtime options for every network: its share of the cores, no spinning between
    runs (the threads sleep while frames are decoded and encoded), and no memory pattern:
    each network sees several input sizes (1x, 2x, the check's), and a pattern kept for
    each held hundreds of MB (CenterFace at 1x and 2x: 870 MB peak against 591 without,
    and no slower)."""
    ort.set_default_logger_severity(3)
    options = ort.SessionOptions()
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.enable_mem_pattern = False
    if _threads:
        options.intra_op_num_threads = _threads
    return options


class ScaledNetwork:
    """A face network at a scale, threshold and input cap; ``with_scale`` shares the session.

    Subclasses give ``name``, ``model``, ``input_name``, ``bgr`` (the channel order the network
    wants), ``smallest_at_input`` (about the narrowest face it finds, in network-input pixels,
    measured on WIDER crowds) and ``_decode``.
    """

    name: ClassVar[str]
    model: ClassVar[ModelFile]
    input_name: ClassVar[str]
    bgr: ClassVar[bool]
    smallest_at_input: ClassVar[float]

    def __init__(self, threshold: float, scale: float = 1.0,
                 max_megapixels: float | None = None,
                 session: ort.InferenceSession | None = None, edge_drop: float = 0.0) -> None:
        self.threshold = threshold
        self.scale = scale
        self.max_megapixels = max_megapixels
        self.edge_drop = edge_drop  # boxes touching the frame's edge: the threshold
        # less this share of it
        if session is None:
            session = ort.InferenceSession(self.model.read_verified(), session_options(),
                                           providers=["CPUExecutionProvider"])
        self._session: ort.InferenceSession | None = session
        self._outputs = [o.name for o in session.get_outputs()]

    def with_scale(self, scale: float, threshold: float, max_megapixels: float | None,
                   edge_drop: float = 0.0) -> Self:
        """The same network (one session, shared) at another scale, threshold, cap and edge
        drop."""
        return type(self)(threshold, scale, max_megapixels, session=self._session,
                          edge_drop=edge_drop)

    def input_scale(self, width: int, height: int) -> float:
        """The factor a ``width`` x ``height`` frame is resized by before the network."""
        scale = self.scale
        if self.max_megapixels:  # cost grows with pixels: cap the network's input size
            scale = min(scale, float(np.sqrt(self.max_megapixels * 1e6 / (width * height))))
        return 1.0 if 1.0 < scale < MIN_ENLARGEMENT else scale

    def input_size(self, width: int, height: int) -> tuple[int, int]:
        """The network's input size for a ``width`` x ``height`` frame (sides multiples of
        32)."""
        scale = self.input_scale(width, height)
        return (max(32, int(np.ceil(width * scale / 32) * 32)),
                max(32, int(np.ceil(height * scale / 32) * 32)))

    def same_look(self, other: ScaledNetwork, width: int, height: int) -> bool:
        """Whether this network would see exactly what ``other`` saw on a frame of this size
        (one session, one input size) and keep only what it kept (a threshold as high or
        higher): its boxes are then a subset of ``other``'s."""
        return (self._session is other._session and self.threshold >= other.threshold
                and self.edge_threshold() >= other.edge_threshold()
                and self.input_size(width, height) == other.input_size(width, height))

    def smallest_face(self, width: int, height: int) -> float:
        """About the narrowest face (frame pixels) it finds on a frame of this size."""
        return self.smallest_at_input / self.input_scale(width, height)

    def detect(self, rgb: npt.NDArray[np.uint8]) -> bx.Boxes:
        """Faces in an RGB frame as ``(N, 5)`` boxes in frame pixels, best first."""
        if self._session is None:
            raise RuntimeError("detector is closed")
        h, w = rgb.shape[:2]
        nw, nh = self.input_size(w, h)
        # resize (bilinear), channel order and NCHW float32 in one C++ call, no frame copies
        blob = cv2.dnn.blobFromImage(rgb, 1.0, (nw, nh), swapRB=self.bgr, crop=False)
        outputs = dict(zip(self._outputs, self._session.run(None, {self.input_name: blob}),
                           strict=True))
        found = self._decode(outputs, nw, nh, self.edge_threshold())
        found[:, [0, 2]] = np.clip(found[:, [0, 2]] * (w / nw), 0, w)
        found[:, [1, 3]] = np.clip(found[:, [1, 3]] * (h / nh), 0, h)
        if self.edge_drop:
            edge = at_edge(found, w, h, max(w / nw, h / nh))
            found = found[(found[:, 4] >= self.threshold) | edge]
        return bx.nms(found, 0.3)

    def edge_threshold(self) -> float:
        """The score a box touching the frame's edge needs (a face the edge cuts)."""
        return self.threshold * (1.0 - self.edge_drop)

    def _decode(self, outputs: dict[str, npt.NDArray[np.float32]], width: int,
                height: int, threshold: float) -> bx.Boxes:
        """Boxes above ``threshold`` in network-input pixels."""
        raise NotImplementedError

    def close(self) -> None:
        self._session = None


def at_edge(found: bx.Boxes, width: int, height: int, pixel: float) -> npt.NDArray[np.bool_]:
    """Which boxes a face cut by the frame's edge could have made: within ``EDGE_SHARE`` of
    their size, or ``EDGE_INPUT_PX`` input pixels of ``pixel`` frame pixels each (whichever
    is more) of an edge, and no larger than ``EDGE_MAX_SHARE`` of the shorter side."""
    size = np.maximum(found[:, 2] - found[:, 0], found[:, 3] - found[:, 1])
    m = np.maximum(EDGE_SHARE * size, EDGE_INPUT_PX * pixel)
    touching: npt.NDArray[np.bool_] = ((found[:, 0] <= m) | (found[:, 1] <= m)
                                       | (found[:, 2] >= width - m) | (found[:, 3] >= height - m))
    small: npt.NDArray[np.bool_] = size <= EDGE_MAX_SHARE * min(width, height)
    return touching & small
