"""Crowd gaps: in a dense crowd, the narrow spaces between hidden faces are hidden too.

In a crowd the detectors find most faces but not every one, and a face they miss often
stands in a gap between faces they found: on the leak benchmark's MOT20 crowd clip, 5 of
the 8 judged face-frames of 16 px or more that the default left visible lay in such gaps (a
face between two found ones, 87 % hidden; small blurred heads among found ones). So where
at least ``MIN_FACES`` hidden faces stand together (each within ``REACH`` region sizes of a
neighbour of about its own size, within ``SIZE_RATIO``: people at about the same distance
from the camera), the gaps between their regions narrower than ``REACH`` times the group's
median region size are hidden as well: a morphological closing of the group's hidden
shapes with a disc of that diameter.

* Regions whose centres lie within half a region of each other are one face (overlapping
  tracks of one face once filled 42 % of a frame round one performer).
* Faces whose region is over ``MAX_SHARE`` of the frame's shorter side take no part: faces
  that large are found, and filling between people close to the camera would hide them.
* Nothing a region kept visible (or a kept face's head box) covers is filled: a requester
  in a crowd stays visible.
* The fill hides; it vouches for nothing. The export's check does not count it as covering
  a face it finds (that face gets its own region), nor does review count it as hiding a
  face where its track starts or ends (``plan_review.hidden_anyway``).
* A face at the crowd's outer edge, with no found face beyond it, is in no gap and is not
  reached (MOT20's face cut by the top edge; treating the frame's edge as hidden did not
  reach it either).

The filled area is one region per group (kind ``crowd_gap``), obscured in the plan's style
and strength as a region of the group's median face size is (not of the whole area's).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import cv2
import numpy as np
import numpy.typing as npt

MIN_FACES = 4  # hidden faces standing together that make a crowd
REACH = 1.5  # neighbours: region gap under this many region sizes (of the smaller)
SIZE_RATIO = 2.0  # neighbours: region sizes within this factor
MAX_SHARE = 0.2  # faces whose region is larger than this share of the frame take no part
SAME_FACE = 0.5  # regions whose centres are closer than this many region sizes: one face
PAIR_BLOCK = 256  # faces compared with all the others at a time (memory: block x N)
CLOSE_DISC_PX = 15  # a larger disc is applied to a copy reduced to bring it to about this


@dataclass(frozen=True)
class Patch:
    """A filled area: its box in stored pixels (x1, y1, x2, y2), which of its pixels are
    filled, and the face size (px) its pixel blocks are scaled to."""

    box: tuple[int, int, int, int]
    mask: npt.NDArray[np.bool_]
    face_size: int


def crowd_rules() -> dict[str, float | bool]:
    """The rules as the manifest records them."""
    return {"crowd_of_at_least_faces": MIN_FACES,
            "gap_filled_under_region_sizes": REACH,
            "neighbours_within_size_factor": SIZE_RATIO,
            "faces_over_share_of_shorter_side_take_no_part": MAX_SHARE,
            "one_face_when_centres_within_region_share": SAME_FACE,
            "kept_faces_and_their_head_boxes_never_filled": True,
            "counted_as_cover_by_the_check": False}


def crowd_groups(boxes: npt.NDArray[np.int64], width: int, height: int) -> list[list[int]]:
    """Indices of the ``(N, 4)`` region boxes (x1, y1, x2, y2) on a ``width`` x ``height``
    frame that stand together in groups of at least MIN_FACES faces (see the module's rule).
    Regions whose centres lie within half a region of each other are one face (two tracks
    of one face, or a track grown past its end beside the next); regions over MAX_SHARE of
    the frame's shorter side take no part."""
    x1, y1, x2, y2 = (boxes[:, k].astype(np.float32) for k in range(4))
    size = np.maximum(x2 - x1, y2 - y1)
    part = np.nonzero(size <= MAX_SHARE * min(width, height))[0]
    if len(part) < MIN_FACES:
        return []
    x1, y1, x2, y2, size = x1[part], y1[part], x2[part], y2[part], size[part]
    cx, cy = (x1 + x2) / 2, (y1 + y2) / 2
    near: list[tuple[int, int]] = []
    same: list[tuple[int, int]] = []
    for start in range(0, len(part), PAIR_BLOCK):  # rows a block at a time: memory bounded
        i = slice(start, start + PAIR_BLOCK)
        gap_x = np.maximum(0, np.maximum(x1[i, None], x1[None, :])
                           - np.minimum(x2[i, None], x2[None, :]))
        gap_y = np.maximum(0, np.maximum(y1[i, None], y1[None, :])
                           - np.minimum(y2[i, None], y2[None, :]))
        small = np.minimum(size[i, None], size[None, :])
        linked = (np.hypot(gap_x, gap_y) < REACH * small) \
            & (np.maximum(size[i, None], size[None, :]) <= SIZE_RATIO * small)
        one = np.hypot(cx[i, None] - cx[None, :], cy[i, None] - cy[None, :]) < SAME_FACE * small
        near += [(start + int(a), int(b)) for a, b in zip(*np.nonzero(linked), strict=True)]
        same += [(start + int(a), int(b)) for a, b in zip(*np.nonzero(one), strict=True)]
    groups = _components(len(part), near)
    faces = _components(len(part), same)
    face_of = {i: k for k, members in enumerate(faces) for i in members}
    return [[int(part[i]) for i in g] for g in groups
            if len({face_of[i] for i in g}) >= MIN_FACES]


def _components(n: int, links: list[tuple[int, int]]) -> list[list[int]]:
    """The connected components of ``n`` items joined by ``links`` (pairs of indexes)."""
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in links:
        parent[root(i)] = root(j)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(root(i), []).append(i)
    return list(groups.values())


def crowd_patches(faces: Sequence[tuple[tuple[int, int, int, int], npt.NDArray[np.bool_]]],
                  hidden: Sequence[tuple[tuple[int, int, int, int], npt.NDArray[np.bool_]]],
                  kept: Sequence[tuple[tuple[int, int, int, int], npt.NDArray[np.bool_]]],
                  width: int, height: int) -> list[Patch]:
    """The gaps to fill on one frame. Each of ``faces`` (hidden face regions), ``hidden``
    (every hidden region) and ``kept`` (regions kept visible) is a box (x1, y1, x2, y2,
    clipped to the ``width`` x ``height`` frame) with the mask of its hidden pixels."""
    if len(faces) < MIN_FACES:
        return []
    boxes = np.array([box for box, _mask in faces], np.int64).reshape(-1, 4)
    patches = []
    for group in crowd_groups(boxes, width, height):
        members = [faces[i] for i in group]
        size = float(np.median([max(b[2] - b[0], b[3] - b[1]) for b, _m in members]))
        disc = max(3, round(REACH * size) | 1)
        pad = disc
        gx1 = max(0, int(boxes[group, 0].min()) - pad)
        gy1 = max(0, int(boxes[group, 1].min()) - pad)
        gx2 = min(width, int(boxes[group, 2].max()) + pad)
        gy2 = min(height, int(boxes[group, 3].max()) + pad)
        area = (gx1, gy1, gx2, gy2)
        shapes = _paint(members, area)
        fill = _closed(shapes, disc) & (shapes == 0)
        if not fill.any():
            continue
        fill &= (_paint(hidden, area) == 0) & (_paint(kept, area) == 0)
        x1, y1, w, h = cv2.boundingRect(fill.view(np.uint8))
        if not w:
            continue
        x2, y2 = x1 + w, y1 + h
        mask = fill[y1:y2, x1:x2].copy()
        mask.setflags(write=False)
        patches.append(Patch((gx1 + x1, gy1 + y1, gx1 + x2, gy1 + y2), mask,
                             max(1, round(size))))
    return patches


def _closed(shapes: npt.NDArray[np.uint8], disc: int) -> npt.NDArray[np.bool_]:
    """``shapes`` closed with a disc ``disc`` px across; on a reduced copy when the disc is
    large (a closing costs its area times the disc's), any pixel a shape touches counting."""
    step = max(1, disc // CLOSE_DISC_PX)
    if step == 1:
        return cv2.morphologyEx(shapes, cv2.MORPH_CLOSE, cv2.getStructuringElement(
            cv2.MORPH_ELLIPSE, (disc, disc))).astype(bool)
    h, w = shapes.shape
    small = cv2.resize(shapes, (-(-w // step), -(-h // step)), interpolation=cv2.INTER_AREA)
    small = (small > 0).astype(np.uint8)
    size = max(3, (disc // step) | 1)
    small = cv2.morphologyEx(small, cv2.MORPH_CLOSE, cv2.getStructuringElement(
        cv2.MORPH_ELLIPSE, (size, size)))
    return cv2.resize(small, (w, h), interpolation=cv2.INTER_NEAREST).astype(bool)


def _paint(regions: Sequence[tuple[tuple[int, int, int, int], npt.NDArray[np.bool_]]],
           area: tuple[int, int, int, int]) -> npt.NDArray[np.uint8]:
    """The regions' hidden pixels inside ``area`` (x1, y1, x2, y2), as a 0/1 image."""
    ax1, ay1, ax2, ay2 = area
    out = np.zeros((ay2 - ay1, ax2 - ax1), np.uint8)
    for (x1, y1, x2, y2), mask in regions:
        ox1, oy1, ox2, oy2 = max(ax1, x1), max(ay1, y1), min(ax2, x2), min(ay2, y2)
        if ox1 >= ox2 or oy1 >= oy2:
            continue
        out[oy1 - ay1:oy2 - ay1, ox1 - ax1:ox2 - ax1] |= \
            mask[oy1 - y1:oy2 - y1, ox1 - x1:ox2 - x1].astype(np.uint8)
    return out
