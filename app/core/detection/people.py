"""People, and where their heads are, for heads seen from behind (no face to find): Megvii's
YOLOX-Nano (COCO) finds people; each person's head region is then placed by the body's own
proportions (:func:`head_regions`). Boxes only: nobody is identified.

YOLOX's input is BGR with values 0-255 (no normalisation), letterboxed into a frame whose
sides are multiples of 32 (padding 114, the picture at the top left); its output is one row
per anchor cell ``cx, cy, w, h`` (grid offsets and log-sizes, decoded here), an objectness
and 80 class scores, of which class 0 is a person.
"""

from __future__ import annotations

import cv2
import numpy as np
import numpy.typing as npt
import onnxruntime as ort

from app.core.detection import boxes as bx
from app.core.detection.model_files import YOLOX_NANO
from app.core.detection.network import session_options

STRIDES = (8, 16, 32)
PAD_VALUE = 114
NMS_IOU = 0.45
DEFAULT_THRESHOLD = 0.25  # objectness x person score: low, as missing a person costs more
# Where a head can be in its person's box. A box runs from the top of the head down to the
# feet, or only as far as the person can be seen: the frame's edge or the people in front
# cut it short, so its height says little (a close person cut off at the chest has a head a
# third of the box's height). The width does: shoulders are two to two and a half heads
# wide. The head of someone upright sits at the top centre, but a person bending over, turned
# away, or close and cut off by the frame has it anywhere across the top of the box (measured
# on frames of the kitchen, arm-wrestling and MOT20 clips, tests/heads_labels.json). So the
# region is the top of the box, its whole width, as deep as the box is wide but at most half
# its height (a person sitting, lying or bending), reaching a little above it (hair); and a
# box that touches the frame's side is a person cut off there, whose head may lie right at
# that edge, so the region reaches the edge. A region at the top centre, 0.6 of the width,
# covered 1 of the 7 heads labelled in the clips and 11 of 12 in photographs; this rule 6
# of 7 and 12 of 12, for about twice the area hidden in a crowd.
HEAD_OF_HEIGHT = 0.5
HEAD_OF_WIDTH = 1.0  # the region's depth, as a share of the box's width
EDGE_PX = 2  # a box this close to the frame's left or right edge is cut off by it
# a person box this share of the picture's height from its bottom is cut off there (the
# detector's box stops a few pixels short of it: 6 on a 640x360 close-up)
CUT_OFF = 0.05
HEAD_MARGIN = 0.15  # the region reaches this share of its depth above the box's top


class PersonDetector:
    """People in RGB frames as ``(N, 5)`` boxes (x1, y1, x2, y2, score) in frame pixels.
    The network sees the frame scaled so its longer side is ``max_side`` (never enlarged)."""

    name = "yolox-nano"

    def __init__(self, max_side: int = 640, threshold: float = DEFAULT_THRESHOLD) -> None:
        self.max_side, self.threshold = max_side, threshold
        self._session = ort.InferenceSession(YOLOX_NANO.read_verified(), session_options(),
                                             providers=["CPUExecutionProvider"])
        self._input = self._session.get_inputs()[0].name
        self._grids: dict[tuple[int, int], tuple[npt.NDArray[np.float32],
                                                 npt.NDArray[np.float32]]] = {}

    def detect(self, rgb: npt.NDArray[np.uint8]) -> bx.Boxes:
        """Each person found (score: objectness times the person class's score)."""
        h, w = rgb.shape[:2]
        scale = min(1.0, self.max_side / max(h, w))
        sw, sh = max(1, round(w * scale)), max(1, round(h * scale))
        nw, nh = -(-sw // 32) * 32, -(-sh // 32) * 32
        canvas = np.full((nh, nw, 3), PAD_VALUE, np.uint8)
        canvas[:sh, :sw] = cv2.resize(rgb, (sw, sh), interpolation=cv2.INTER_AREA) \
            if (sw, sh) != (w, h) else rgb
        blob = np.ascontiguousarray(canvas[:, :, ::-1].transpose(2, 0, 1)[None],
                                    dtype=np.float32)
        raw = self._session.run(None, {self._input: blob})[0][0]
        grid, stride = self._grid(nw, nh)
        score = raw[:, 4] * raw[:, 5]
        keep = score >= self.threshold
        if not keep.any():
            return bx.empty()
        centre = (raw[keep, :2] + grid[keep]) * stride[keep]
        size = np.exp(raw[keep, 2:4]) * stride[keep]
        found = np.concatenate([centre - size / 2, centre + size / 2,
                                score[keep, None]], axis=1).astype(np.float32)
        found[:, :4] /= scale
        found[:, [0, 2]] = np.clip(found[:, [0, 2]], 0, w)
        found[:, [1, 3]] = np.clip(found[:, [1, 3]], 0, h)
        chosen = cv2.dnn.NMSBoxes(
            [[float(b[0]), float(b[1]), float(b[2] - b[0]), float(b[3] - b[1])]
             for b in found], found[:, 4].tolist(), self.threshold, NMS_IOU)
        people: bx.Boxes = found[np.array(chosen, dtype=np.int64).reshape(-1)]
        return people

    def _grid(self, nw: int, nh: int) -> tuple[npt.NDArray[np.float32],
                                               npt.NDArray[np.float32]]:
        """Each anchor cell's grid position and stride, for an input of ``nw`` x ``nh``."""
        if (nw, nh) not in self._grids:
            cells, strides = [], []
            for s in STRIDES:
                xs, ys = np.meshgrid(np.arange(nw // s), np.arange(nh // s))
                cells.append(np.stack([xs, ys], axis=2).reshape(-1, 2))
                strides.append(np.full((cells[-1].shape[0], 1), s))
            self._grids[(nw, nh)] = (np.concatenate(cells).astype(np.float32),
                                     np.concatenate(strides).astype(np.float32))
        return self._grids[(nw, nh)]


def head_settings(max_side: int) -> dict[str, float]:
    """What decides where heads are hidden, for the manifest (as ``boxes.head_geometry``
    for faces)."""
    return {"person_threshold": DEFAULT_THRESHOLD, "nms_iou": NMS_IOU, "max_side": max_side,
            "head_depth_of_width": HEAD_OF_WIDTH, "head_depth_of_height": HEAD_OF_HEIGHT,
            "head_margin": HEAD_MARGIN, "to_the_frame_edge_within_px": EDGE_PX}


def head_regions(people: bx.Boxes, width: int) -> bx.Boxes:
    """Each person's head region in a frame ``width`` pixels wide: the top of their box,
    its whole width, ``HEAD_OF_WIDTH`` of its width deep but at most ``HEAD_OF_HEIGHT`` of
    its height, reaching ``HEAD_MARGIN`` of that depth above the box (hair); widened to the
    frame's left or right edge when the box touches it (a person cut off there)."""
    if len(people) == 0:
        return bx.empty()
    w = people[:, 2] - people[:, 0]
    h = people[:, 3] - people[:, 1]
    depth = np.minimum(HEAD_OF_HEIGHT * h, HEAD_OF_WIDTH * w)
    top = people[:, 1] - HEAD_MARGIN * depth
    left = np.where(people[:, 0] <= EDGE_PX, 0.0, people[:, 0])
    right = np.where(people[:, 2] >= width - EDGE_PX, float(width), people[:, 2])
    heads: bx.Boxes = np.stack([left, top, right, people[:, 1] + depth, people[:, 4]],
                               axis=1).astype(np.float32)
    return heads
