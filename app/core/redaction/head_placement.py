"""Where a person's head is, for the rules that hide it: when a face kept visible stands for
its head, when a large hidden face narrows it, and which way up the head is."""

from __future__ import annotations

import math

from app.core.detection.people import CUT_OFF

# A head is left to a face kept visible (a requester) on a frame when the face is where that
# person's own face would be: its region inside the head's region (80 %); its centre across
# the region (as displayed) within a quarter of the region's width and within half the face
# region's own width of the middle (a person's face is above the middle of their shoulders;
# a kept face near the side is someone beside or behind them, also while the region grows
# as motion carries it); its centre in the upper part of the region's depth (below is the
# chest: a face there is someone in front; hands raised make the region deeper); and its
# region no smaller than this share of the head's. A kept face stands for one head at most:
# the one it sits most centrally in (a face at a bystander's chest is also at the top of its
# own person's region). A head region spans the person's shoulders and is as deep as they are wide
# (people.head_regions), and grows up to twice each way while motion carries it; a face's
# region is about a head: a twentieth of it or more (0.07 measured on the walking clip
# between looks).
KEPT_FACE_SHARE = 0.04
KEPT_FACE_OFF_CENTRE = 0.25  # of the head region's width, each way
KEPT_FACE_OFF_OWN = 0.5  # of the face region's own width, each way
KEPT_FACE_DEPTH = 0.65  # the face's centre lies in this upper share of the region's depth
# A face hidden by its own track, this many pixels across or more (on a frame of up to
# HIDDEN_FACE_AREA pixels, the quick pass's cap; in proportion on larger ones), stands for its
# person's head: the face detectors find and follow faces this large (the leak benchmark's
# judge saw 1 of 48 leaked face-frames there), and the person's head region is narrowed to
# the face region's width and ends at its lower edge (it still hides whatever is above the
# face, but not the neck and shoulders of everyone close to the camera); boxes grown past a
# track's end (PADDED: the face is lost) do not count. Its person is the one whose box has
# the face's centre within HIDDEN_FACE_OFF_CENTRE of its width from the middle and no deeper
# than HIDDEN_FACE_DEPTH of the box's width or height from its top (a person close to the
# camera is cut off by the frame's bottom: the face is then half-way down the box), the face
# at least HIDDEN_FACE_SHARE of the box's width.
# The rules above were measured on regions grown by this padding (the default plan's until
# 2026-12-04). Which head a kept face stands for is decided on regions grown by it (by the
# plan's own padding where that is smaller, as before), so hiding more round each face never
# makes a kept face at a bystander's chest "their" face (a larger region moves the chest up
# its depth): ``placement_region``.
RULE_PADDING = 1.3
HIDDEN_FACE_STANDS = 64
HIDDEN_FACE_AREA = 1_000_000


def large_face(width: int, height: int) -> float:
    """The size (the longer side, px) from which a hidden face found on a ``width`` x
    ``height`` frame narrows its person's head region (``HIDDEN_FACE_STANDS``)."""
    return HIDDEN_FACE_STANDS * max(1.0, math.sqrt(width * height / HIDDEN_FACE_AREA))
HIDDEN_FACE_OFF_CENTRE = 0.25  # and within half the face's own width (KEPT_FACE_OFF_OWN)
HIDDEN_FACE_DEPTH = 0.6
# The narrowed region also keeps the middle of the person's box, this share of its width each
# way: if the face is a nearer person's in front of them, their own head is still hidden.
HIDDEN_FACE_BAND = 0.2
HIDDEN_FACE_SHARE = 0.2


def head_rules() -> dict[str, float | bool]:
    """The rules that decide where a head region is left visible, as the manifest records
    them."""
    return {"left_to_a_kept_face_inside_it_of_at_least": KEPT_FACE_SHARE,
            "kept_face_off_centre_at_most": KEPT_FACE_OFF_CENTRE,
            "kept_face_off_centre_at_most_face_widths": KEPT_FACE_OFF_OWN,
            "kept_face_in_upper_share_of_depth": KEPT_FACE_DEPTH,
            "kept_faces_never_covered_by_head_regions": True,
            "placement_judged_on_regions_grown_by": RULE_PADDING,
            "narrowed_to_a_hidden_face_of_at_least_px": HIDDEN_FACE_STANDS,
            "on_frames_of_up_to_pixels_then_by_square_root": HIDDEN_FACE_AREA,
            "narrowed_keeping_middle_of_person_share_each_way": HIDDEN_FACE_BAND,
            "hidden_face_off_centre_at_most": HIDDEN_FACE_OFF_CENTRE,
            "hidden_face_within_person_depth_share": HIDDEN_FACE_DEPTH,
            "hidden_face_at_least_share_of_person_width": HIDDEN_FACE_SHARE,
            "narrowed_only_for_someone_upright_as_displayed": True,
            "head_lies_across_a_side_spanning_share": SPANS}


SPANS = 0.9  # a head region this wide for its person's box lies across that side of it


def head_turn(head: tuple[float, float, float, float],
              whole: tuple[float, float, float, float] | None, rotation: int = 0) -> int:
    """Which way up a head region (x1, y1, x2, y2, stored pixels) is, in quarters
    anticlockwise as ``rotation.py`` counts (the person's up is stored -y at 0, +x at 1):
    the side of its person's box ``whole`` it lies across. A head found on the picture as
    it is lies across the top of its person's box as displayed (``people.head_regions``:
    the box's whole width, at most 0.58 of its height); one found on the picture turned
    (``video.heads_seen``) across one end of a box of someone lying down. As displayed (the
    footage turned ``rotation``) without the box or where it does not tell."""
    displayed = (rotation // 90) % 4
    if whole is None:
        return displayed
    hx1, hy1, hx2, hy2 = head
    wx1, wy1, wx2, wy2 = whole
    spans_x = hx2 - hx1 >= SPANS * (wx2 - wx1)
    spans_y = hy2 - hy1 >= SPANS * (wy2 - wy1)
    if spans_x == spans_y:
        return displayed
    if spans_x:  # across the top or the bottom of the box
        return 0 if hy1 + hy2 <= wy1 + wy2 else 2
    return 1 if hx1 + hx2 >= wx1 + wx2 else 3


def may_narrow(head: tuple[float, float, float, float],
               whole: tuple[float, float, float, float] | None, rotation: int, width: int,
               height: int) -> bool:
    """Whether a head region may be narrowed to a large hidden face of its person (render):
    only someone upright as displayed (the footage turned ``rotation``), their head across
    the top of their box and the box taller than wide or cut off by the picture's bottom
    (someone close to the camera); never someone lying, sitting wide or seen turned, whose
    head need not be where the face is."""
    displayed = (rotation // 90) % 4
    if whole is None or head_turn(head, whole, rotation) != displayed:
        return False
    x1, y1, x2, y2 = whole
    across, deep = (y2 - y1, x2 - x1) if displayed % 2 else (x2 - x1, y2 - y1)
    near = CUT_OFF * (width if displayed % 2 else height)  # a person box stops short of
    # the edge that cuts the person off by a few pixels (6 on a 640x360 close-up)
    bottom = (y2 >= height - near, x1 <= near, y1 <= near, x2 >= width - near)[displayed]
    return deep > across or bottom


def placement(box: tuple[float, float, float, float], cx: float, cy: float,
               turn: int) -> tuple[float, float, float, float]:
    """Where the point ``cx, cy`` sits in ``box`` (x1, y1, x2, y2, stored pixels) as
    displayed, the picture turned ``turn`` quarters anticlockwise: (distance across from its
    middle, its width, distance down from its top, its height), all as displayed."""
    x1, y1, x2, y2 = box
    if turn % 2:  # across the displayed picture is along the stored height; up is +x (1)
        return abs(cy - (y1 + y2) / 2), y2 - y1, (x2 - cx if turn == 1 else cx - x1), x2 - x1
    return abs(cx - (x1 + x2) / 2), x2 - x1, (cy - y1 if turn == 0 else y2 - cy), y2 - y1
