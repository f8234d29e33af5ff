"""Drawing a plan onto one frame: which regions, and the pixel operation for each style."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache

import cv2
import numpy as np
import numpy.typing as npt

from app.core.detection import boxes as bx
from app.core.redaction.caption import draw_caption
from app.core.redaction.crowd_gaps import MIN_FACES, crowd_patches
from app.core.redaction.head_placement import (
    HIDDEN_FACE_BAND,
    HIDDEN_FACE_DEPTH,
    HIDDEN_FACE_OFF_CENTRE,
    HIDDEN_FACE_SHARE,
    KEPT_FACE_DEPTH,
    KEPT_FACE_OFF_CENTRE,
    KEPT_FACE_OFF_OWN,
    KEPT_FACE_SHARE,
    RULE_PADDING,
    head_turn,
    large_face,
    may_narrow,
    placement,
)
from app.core.redaction.obscure import obscure
from app.core.redaction.plan import RedactionPlan, Shape
from app.core.tracking.tracker import FACE, HEAD, TEXT, BoxKind, TrackBox

Image = npt.NDArray[np.uint8]
TEXT_MARGIN = 0.3  # a text region's box grown on every side by this share of its height


@dataclass(frozen=True)
class Region:
    """A padded region in stored pixels, clipped to the frame."""

    x1: int
    y1: int
    x2: int
    y2: int
    kind: BoxKind
    track_id: int | None = None
    # The padded box before clipping to the frame: the shape is drawn for the whole box, so
    # a face cut by the frame edge is hidden right up to the edge.
    full: tuple[int, int, int, int] = (0, 0, 0, 0)
    shape: Shape | None = None  # None: the plan's shape (text regions are rectangles)
    # Regions of faces kept visible that this region leaves alone (a person detector's head
    # or whole-person region never covers a kept face: see ``frame_regions``)
    spares: tuple[Region, ...] = ()
    # A region of no one shape (a crowd's gaps, ``crowd_gaps``): which of its pixels are
    # hidden, and the size its pixel blocks are scaled to (a face's, not the whole area's)
    mask: npt.NDArray[np.bool_] | None = field(default=None, compare=False, repr=False)
    block_size: int = 0

    @property
    def size(self) -> int:
        return self.block_size or max(self.x2 - self.x1, self.y2 - self.y1)


def head_box(box: tuple[float, float, float, float],
             rotation: int = 0) -> tuple[float, float, float, float]:
    """The head region ``x, y, w, h`` of a face box ``x, y, w, h`` (``boxes.head_boxes``)."""
    x, y, w, h = box
    f32 = np.float32  # one box: the same float32 steps as head_boxes, without its array
    x1, y1, x2, y2 = f32(x), f32(y), f32(x + w), f32(y + h)  # (85 us a call; now a few)
    bw, bh = x2 - x1, y2 - y1
    k = (rotation // 90) % 4
    uw, uh = (bw, bh) if k in (0, 2) else (bh, bw)  # the face's size as displayed
    side, above, below = (f32(bx.HEAD_SIDE) * uw, f32(bx.HEAD_ABOVE) * uh,
                          f32(bx.HEAD_BELOW) * uh)  # (float32 on any NumPy)
    if k in (0, 2):
        up, down = (above, below) if k == 0 else (below, above)
        x1, x2, y1, y2 = x1 - side, x2 + side, y1 - up, y2 + down
    else:  # displayed up is stored +x (90) or -x (270)
        right, left = (above, below) if k == 1 else (below, above)
        y1, y2, x1, x2 = y1 - side, y2 + side, x1 - left, x2 + right
    return float(x1), float(y1), float(x2 - x1), float(y2 - y1)


def text_margin(box: TrackBox, rotation: int = 0) -> float:
    """How far a text region is grown on every side: a share of its height as displayed
    (its stored width on footage displayed turned by 90 or 270 degrees)."""
    return TEXT_MARGIN * (box.w if rotation % 180 == 90 else box.h)


def face_margin(plan: RedactionPlan, width: int, height: int) -> float:
    """How many pixels each hidden face's region is grown by on every side beyond its
    padding (``RedactionPlan.margin``)."""
    return plan.margin * max(width, height)


def padded_region(box: tuple[float, float, float, float], padding: float, width: int,
                  height: int, kind: BoxKind, track_id: int | None,
                  head: bool = True, rotation: int = 0,
                  shape: Shape | None = None, margin: float = 0.0) -> Region | None:
    """The region hidden for a box: its head (:func:`head_box`, for detected faces) grown
    by ``padding`` about its centre and by ``margin`` pixels on every side, clipped to the
    frame."""
    x, y, w, h = head_box(box, rotation) if head else box
    cx, cy = x + w / 2, y + h / 2
    hw, hh = w * padding / 2 + margin, h * padding / 2 + margin
    fx1, fy1 = int(np.floor(cx - hw)), int(np.floor(cy - hh))
    fx2, fy2 = int(np.ceil(cx + hw)), int(np.ceil(cy + hh))
    x1, y1, x2, y2 = max(0, fx1), max(0, fy1), min(width, fx2), min(height, fy2)
    if x2 - x1 < 1 or y2 - y1 < 1:
        return None
    return Region(x1, y1, x2, y2, kind, track_id, (fx1, fy1, fx2, fy2), shape)


def placement_region(box: TrackBox, plan: RedactionPlan, width: int, height: int,
                     track_id: int | None, rotation: int = 0) -> Region | None:
    """The region the placement rules judge ``box`` by (a face's head region, or a head
    track's box, as a rectangle), grown by ``RULE_PADDING`` or the plan's smaller padding."""
    face = box.category != HEAD
    return padded_region((box.x, box.y, box.w, box.h), min(plan.padding, RULE_PADDING),
                         width, height, box.kind, track_id, head=face, rotation=rotation,
                         shape=None if face else Shape.RECTANGLE)


def frame_regions(frame: int, track_boxes: list[tuple[int, TrackBox]], plan: RedactionPlan,
                  width: int, height: int, rotation: int = 0,
                  vouching_only: bool = False, interlaced: bool = False,
                  stood: set[int] | None = None) -> tuple[list[Region], list[Region]]:
    """(regions to redact, regions kept visible) on one frame of stored pixels, displayed
    turned by ``rotation``. A head seen from behind is hidden on every frame of its track
    but where a face kept visible is its person's (:func:`kept_face_stands_for`); where a
    large face hidden by its own track is its person's (:func:`people_facing`), the head
    region is narrowed to the face region's width (not when whole people are hidden). No
    head is hidden when the plan leaves heads visible (``hide_heads``); a plan that hides
    whole people hides the head track's whole person too, where the run knows it. A kept
    head keeps its head region only. A head's or whole person's region spares the kept
    faces' heads it overlaps (unpadded): it is a coarse box from the person detector, and
    where a kept face is found the picture shows that face (a bystander's face found there
    is still hidden by its own region). ``vouching_only``: leave out the crowd's fill (the
    gaps between the hidden faces of a crowd), which vouches for nothing it covers: its disc
    follows the crowd's face size as the renderer sees it, so a face found in a gap gets its
    own region (a fill over part of it would leave the rest as it is), and neither review nor
    the residual check counts it as hiding a face; working it out is most of the cost of a
    crowded frame. ``interlaced``: the picture's fields show the frames either side's
    moments too, so each drawn box takes in its boxes there (``track_boxes`` come so
    spanned: ``export.rendered_frame.boxes_at``). ``stood`` gets the head tracks left
    unhidden as the kept faces' own (for the manifest)."""
    redact: list[Region] = []
    keep: list[Region] = []
    kept_faces: list[Region] = []  # the regions of faces kept visible
    kept_heads: list[Region] = []  # their heads' boxes, unpadded: what head regions spare
    large_faces: list[tuple[TrackBox, Region]] = []  # large faces hidden (HIDDEN_FACE_STANDS)
    large = large_face(width, height)
    margin = face_margin(plan, width, height)
    heads: list[tuple[int, TrackBox]] = []
    for track_id, box in track_boxes:
        if track_id in plan.false_positive_tracks:
            continue
        kept = track_id in plan.keep_tracks
        box = box.kept() if kept else box  # in a bridged gap, what is kept is not grown
        if box.category == HEAD:
            if plan.hides_heads or track_id in plan.keep_tracks:
                heads.append((track_id, box))
            continue
        if box.category == TEXT:  # the text's own box with a margin, as a rectangle
            m = text_margin(box, rotation)
            region = padded_region((box.x - m, box.y - m, box.w + 2 * m, box.h + 2 * m), 1.0,
                                   width, height, box.kind, track_id, head=False,
                                   shape=Shape.RECTANGLE)
        else:  # a face's head region; one hidden also by the plan's margin
            region = padded_region((box.x, box.y, box.w, box.h), plan.padding, width,
                                   height, box.kind, track_id, rotation=rotation,
                                   margin=0.0 if kept else margin)
        if region is not None:
            if box.category == FACE and kept and plan.padding > RULE_PADDING:
                # what is kept visible is not grown with what is hidden: a larger kept region
                # would restore more round the person in an inverse export, and excuse more
                # of a bystander's face beside them in the residual check
                region = placement_region(box, plan, width, height, track_id,
                                          rotation) or region
            (keep if kept else redact).append(region)
            if box.category == FACE and kept:
                kept_faces.append(region)
                own = padded_region((box.x, box.y, box.w, box.h), 1.0, width, height,
                                    box.kind, track_id, rotation=rotation,
                                    shape=Shape.RECTANGLE)
                kept_heads += [own] if own is not None else []
            elif box.category == FACE and max(box.w, box.h) >= large \
                    and box.kind is not BoxKind.PADDED:  # grown past the track's end: lost
                large_faces.append((box, region))
    # heads as found, with the plan's padding, as rectangles (a head at the frame's edge
    # keeps its corners); a kept face stands for its own person's head, one at most
    regions = [(track_id, box, padded_region((box.x, box.y, box.w, box.h), plan.padding,
                                             width, height, box.kind, track_id, head=False,
                                             shape=Shape.RECTANGLE))
               for track_id, box in heads]
    ups = {t: 90 * head_turn((b.x, b.y, b.x + b.w, b.y + b.h), b.whole, rotation)
           for t, b in heads}  # which way up each head is (a person lying down: on its side)
    stood_for = heads_stood_for(
        [r if plan.padding <= RULE_PADDING or not kept_faces else
         placement_region(b, plan, width, height, t) or r
         for t, b, r in regions if r is not None], kept_faces, rotation, ups)
    faced = people_facing([(t, b) for t, b, r in regions if r is not None and t not in stood_for
                           and may_narrow((b.x, b.y, b.x + b.w, b.y + b.h), b.whole, rotation,
                                          width, height)], large_faces, rotation)
    turn = (rotation // 90) % 4
    if stood is not None:
        stood.update(stood_for)
    for track_id, box, region in regions:
        if region is None or track_id in stood_for:
            continue
        if track_id in plan.keep_tracks:  # the head region only: what is kept is restored
            # in an inverse export, a whole box would uncover others; nor past RULE_PADDING
            keep.append(region if plan.padding <= RULE_PADDING else
                        placement_region(box, plan, width, height, track_id) or region)
            continue
        face = faced.get(track_id)
        if face is not None and box.whole is not None and not plan.hide_whole_people:
            region = _narrowed(region, face, box.whole, turn, width, height)
        redact.append(_sparing(region, kept_heads))
        if plan.hide_whole_people and box.whole is not None:  # and the whole person, likewise
            x1, y1, x2, y2 = box.whole
            whole = padded_region((x1, y1, x2 - x1, y2 - y1), plan.padding, width, height,
                                  box.kind, track_id, head=False, shape=Shape.RECTANGLE)
            if whole is not None:
                redact.append(_sparing(whole, kept_heads))
    for manual in plan.manual_boxes:
        mbox = manual.box_over(field_moments(frame) if interlaced else
                               range(frame, frame + 1))
        if mbox is not None:
            region = padded_region(mbox, 1.0, width, height, BoxKind.MANUAL, None,
                                   head=False, shape=Shape.RECTANGLE)  # all it covers
            if region is not None:
                redact.append(region)
    if not plan.inverse and not vouching_only:  # (inverse: all but the kept is hidden)
        redact += crowd_gap_regions(redact, keep + kept_heads,  # (kept faces' whole boxes)
                                    {t: b.category for t, b in track_boxes}, plan, width,
                                    height)
    return redact, keep


def field_moments(frame: int) -> range:
    """The frames whose moments an interlaced picture ``frame`` shows: its own and, in its
    other field (a field's time earlier or later, as the recording was made), the frame
    before's or after's; a box drawn there takes in its boxes on all three."""
    return range(frame - 1, frame + 2)


def crowd_gap_regions(redact: list[Region], keep: list[Region],
                      categories: dict[int, str], plan: RedactionPlan, width: int,
                      height: int) -> list[Region]:
    """The gaps between the hidden faces of a crowd (``crowd_gaps``), as regions."""
    faces = [r for r in redact
             if r.track_id is not None and categories.get(r.track_id) == FACE]
    if len(faces) < MIN_FACES:  # no crowd: no masks built
        return []

    def shapes(regions: list[Region]) -> list[tuple[tuple[int, int, int, int],
                                                    npt.NDArray[np.bool_]]]:
        return [((r.x1, r.y1, r.x2, r.y2), region_mask(r, plan.shape)) for r in regions]

    return [Region(*p.box, BoxKind.CROWD_GAP, None, p.box, Shape.RECTANGLE, mask=p.mask,
                   block_size=p.face_size)
            for p in crowd_patches(shapes(faces), shapes(redact), shapes(keep), width, height)]


def _narrowed(region: Region, face: Region, person: tuple[float, float, float, float],
              turn: int, width: int, height: int) -> Region:
    """A head's region narrowed across (as displayed, the picture turned ``turn`` quarters)
    to the span of its person's face region together with the middle of the person's box
    (``HIDDEN_FACE_BAND`` of its width each way: where their head is when the face is
    someone else's in front of them), and ending at the face region's lower edge (below is
    the person's neck and chest); the region unchanged if nothing is left."""
    fx1, fy1, fx2, fy2 = region.full
    gx1, gy1, gx2, gy2 = face.full
    px1, py1, px2, py2 = person
    if turn % 2:  # across the displayed picture is along the stored height
        mid, band = (py1 + py2) / 2, HIDDEN_FACE_BAND * (py2 - py1)
        fy1 = max(fy1, min(gy1, int(np.floor(mid - band))))
        fy2 = min(fy2, max(gy2, int(np.ceil(mid + band))))
        fx1, fx2 = (max(fx1, gx1), fx2) if turn == 1 else (fx1, min(fx2, gx2))
    else:
        mid, band = (px1 + px2) / 2, HIDDEN_FACE_BAND * (px2 - px1)
        fx1 = max(fx1, min(gx1, int(np.floor(mid - band))))
        fx2 = min(fx2, max(gx2, int(np.ceil(mid + band))))
        fy1, fy2 = (fy1, min(fy2, gy2)) if turn == 0 else (max(fy1, gy1), fy2)
    x1, y1, x2, y2 = max(0, fx1), max(0, fy1), min(width, fx2), min(height, fy2)
    if x2 - x1 < 1 or y2 - y1 < 1:
        return region
    return replace(region, x1=x1, y1=y1, x2=x2, y2=y2, full=(fx1, fy1, fx2, fy2))


def _sparing(region: Region, kept: list[Region]) -> Region:
    """``region`` leaving alone the kept faces' heads that overlap it."""
    spares = tuple(k for k in kept
                   if k.x1 < region.x2 and region.x1 < k.x2 and k.y1 < region.y2
                   and region.y1 < k.y2)
    return replace(region, spares=spares) if spares else region


def people_facing(heads: list[tuple[int, TrackBox]], faces: list[tuple[TrackBox, Region]],
                  rotation: int = 0) -> dict[int, Region]:
    """The head tracks whose person a large hidden face is (``HIDDEN_FACE_STANDS``) on this
    frame, with that face's region: the face's centre near the middle of the person's box
    across and near its top, as displayed, and the face not tiny beside the person; each
    face is one person's, the one it sits most centrally in. Heads whose run holds no
    person box have none, nor a person two faces would stand for (``frame_regions`` gives
    only heads that ``may_narrow``: a face near the middle of a lying person's box is
    someone else's, an officer kneeling over them)."""
    chosen: dict[int, Region] = {}
    twice: set[int] = set()
    turn = (rotation // 90) % 4
    for face, face_region in faces:
        cx, cy = face.x + face.w / 2, face.y + face.h / 2
        size = face.h if turn % 2 else face.w  # its width as displayed
        fits = []
        for track_id, head in heads:
            if head.whole is None:
                continue
            across, span, down, depth = placement(head.whole, cx, cy, turn)
            if across <= min(HIDDEN_FACE_OFF_CENTRE * span, KEPT_FACE_OFF_OWN * size) \
                    and size >= HIDDEN_FACE_SHARE * span \
                    and 0 <= down <= HIDDEN_FACE_DEPTH * min(span, depth):
                fits.append((across / max(span, 1), track_id))
        if fits:
            best = min(fits)[1]
            if best in chosen:
                twice.add(best)
            chosen[best] = face_region
    return {t: r for t, r in chosen.items() if t not in twice}


def heads_stood_for(heads: list[Region], kept: list[Region], rotation: int = 0,
                    ups: dict[int, int] | None = None) -> set[int]:
    """The track numbers of the heads that a kept face stands for on this frame (its own
    person's, :func:`kept_face_stands_for`, each head turned as ``ups`` says, else by
    ``rotation``): each face stands for one head at most, the one it sits most centrally
    in."""
    return {h for h in heads_of_faces(heads, kept, rotation, ups) if h is not None}


def heads_of_faces(heads: list[Region], faces: list[Region], rotation: int = 0,
                   ups: dict[int, int] | None = None) -> list[int | None]:
    """Each face's head on this frame (its track number; None for none): the head region
    the face is its person's face in (:func:`kept_face_stands_for`), the one it sits most
    centrally in."""
    chosen: list[int | None] = []
    ups = ups or {}
    for face in faces:
        fits = [(off, head.track_id) for head in heads if head.track_id is not None
                and (off := _offset(head, face, ups.get(head.track_id, rotation))) is not None]
        chosen.append(min(fits)[1] if fits else None)
    return chosen


def kept_face_stands_for(head: Region, kept: list[Region], rotation: int = 0) -> bool:
    """Whether a face kept visible by a person's decision is this head's person on this
    frame (its region lies inside the head's region, its centre near the middle of the
    region's width and in the upper part of its depth, both as displayed, turned by
    ``rotation``, and it is no smaller than ``KEPT_FACE_SHARE`` of the region):
    the kept person is then not hidden again by their own head's region. Otherwise a head
    is always hidden, even where a redacted face's region covers it too (hiding twice costs
    nothing; a face region beside a head, or a face detector's hit on an ear, would not hide
    the whole head)."""
    return any(_offset(head, face, rotation) is not None for face in kept)


def _offset(head: Region, face: Region, rotation: int) -> float | None:
    """How far ``face`` sits from the middle of ``head``'s width, as a share of it, when it
    is where that person's own face would be (see ``kept_face_stands_for``); else None."""
    faces = _boxes([face])
    if bx.containment(faces, _boxes([head]))[0, 0] < 0.8:
        return None
    # where the face sits in the region as a whole (also beyond the frame's edge)
    x1, y1, x2, y2 = head.full if head.full[2] > head.full[0] else (head.x1, head.y1,
                                                                    head.x2, head.y2)
    cx, cy = (face.x1 + face.x2) / 2, (face.y1 + face.y2) / 2
    turn = (rotation // 90) % 4  # upright = stored turned ``turn`` quarters anticlockwise
    across, span, down, depth = placement((x1, y1, x2, y2), cx, cy, turn)
    own = face.y2 - face.y1 if turn % 2 else face.x2 - face.x1  # its width as displayed
    down /= max(depth, 1)
    area = (face.x2 - face.x1) * (face.y2 - face.y1)
    size = (head.x2 - head.x1) * (head.y2 - head.y1)
    if across > KEPT_FACE_OFF_CENTRE * span or across > KEPT_FACE_OFF_OWN * own or \
            down > KEPT_FACE_DEPTH or area < KEPT_FACE_SHARE * size:
        return None
    return across / max(span, 1)


def _boxes(regions: list[Region]) -> bx.Boxes:
    return np.array([[r.x1, r.y1, r.x2, r.y2, 1.0] for r in regions], np.float32)


def region_mask(region: Region, shape: Shape) -> npt.NDArray[np.bool_]:
    """The pixels of the (clipped) region that its shape (its own, else ``shape``: ellipse
    or rectangle) hides, less the kept faces it spares."""
    if region.mask is not None:
        return region.mask
    mask = _shape_mask(region, shape)
    if not region.spares:
        return mask
    mask = mask.copy()
    for k in region.spares:
        ox1, oy1 = max(region.x1, k.x1), max(region.y1, k.y1)
        ox2, oy2 = min(region.x2, k.x2), min(region.y2, k.y2)
        if ox1 < ox2 and oy1 < oy2:
            mask[oy1 - region.y1:oy2 - region.y1, ox1 - region.x1:ox2 - region.x1] &= \
                ~_shape_mask(k, shape)[oy1 - k.y1:oy2 - k.y1, ox1 - k.x1:ox2 - k.x1]
    return mask


def _shape_mask(region: Region, shape: Shape) -> npt.NDArray[np.bool_]:
    shape = region.shape or shape
    fx1, fy1, fx2, fy2 = region.full
    if fx2 <= fx1 or fy2 <= fy1:  # no unclipped box recorded: the region is the box
        return _mask(region.x2 - region.x1, region.y2 - region.y1, shape)
    whole = _mask(fx2 - fx1, fy2 - fy1, shape)
    return whole[region.y1 - fy1:region.y2 - fy1, region.x1 - fx1:region.x2 - fx1]


@lru_cache(maxsize=256)
def _mask(w: int, h: int, shape: Shape) -> npt.NDArray[np.bool_]:
    if shape is Shape.RECTANGLE:
        full = np.ones((h, w), bool)
        full.setflags(write=False)
        return full
    drawn = np.zeros((h, w), np.uint8)
    cv2.ellipse(drawn, (w // 2, h // 2), (max(1, w // 2), max(1, h // 2)), 0, 0, 360, 1, -1)
    mask = drawn.astype(bool)
    mask.setflags(write=False)  # cached and shared: nobody may change it
    return mask


def uncovered_share(box: tuple[int, int, int, int], regions: list[Region],
                    plan: RedactionPlan) -> float:
    """Share of ``box`` (x1, y1, x2, y2) not under any region's hidden shape."""
    x1, y1, x2, y2 = box
    if x2 <= x1 or y2 <= y1:
        return 0.0
    covered = np.zeros((y2 - y1, x2 - x1), bool)
    for r in regions:
        ox1, oy1, ox2, oy2 = max(x1, r.x1), max(y1, r.y1), min(x2, r.x2), min(y2, r.y2)
        if ox1 >= ox2 or oy1 >= oy2:
            continue
        shape = region_mask(r, plan.shape)
        covered[oy1 - y1:oy2 - y1, ox1 - x1:ox2 - x1] |= \
            shape[oy1 - r.y1:oy2 - r.y1, ox1 - r.x1:ox2 - r.x1]
    return float(1.0 - covered.mean())


def apply_regions(image: Image, regions: list[Region], plan: RedactionPlan) -> None:
    """Redact ``regions`` of an RGB frame in place."""
    for r in regions:
        roi = image[r.y1:r.y2, r.x1:r.x2]
        hidden = obscure(roi, plan.style, plan.strength, r.size)
        np.copyto(roi, hidden, where=region_mask(r, plan.shape)[:, :, None])


def apply_inverse(image: Image, keep: list[Region], plan: RedactionPlan) -> None:
    """Redact the whole frame except the kept regions, in place."""
    original = image.copy()
    image[:] = obscure(image, plan.style, plan.strength, max(image.shape[:2]) // 6)
    for r in keep:
        np.copyto(image[r.y1:r.y2, r.x1:r.x2], original[r.y1:r.y2, r.x1:r.x2],
                  where=region_mask(r, plan.shape)[:, :, None])


def render_frame(image: Image, frame: int, track_boxes: list[tuple[int, TrackBox]],
                 plan: RedactionPlan, caption: str = "", rotation: int = 0,
                 interlaced: bool = False,
                 stood: set[int] | None = None) -> tuple[list[Region], list[Region]]:
    """Apply the whole plan to one RGB frame (stored pixels, displayed turned by
    ``rotation``; ``interlaced`` and ``stood``: see :func:`frame_regions`) in place;
    returns (hidden, kept) regions."""
    h, w = image.shape[:2]
    redact, keep = frame_regions(frame, track_boxes, plan, w, h, rotation,
                                 interlaced=interlaced, stood=stood)
    if plan.inverse:  # everything but the kept regions; then what the plan hides, also
        apply_inverse(image, keep, plan)  # where it overlaps a kept person (as otherwise)
    apply_regions(image, redact, plan)
    draw_caption(image, caption)
    return redact, keep
