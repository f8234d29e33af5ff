"""Whose head each head track is: the face track of the same person. A person found both by
face and by body has two tracks (a face and a head); the People list shows them as one person
so that a reviewer does not count, or decide about, a stranger who is not there.

A head track and a face track are one person when, on the frames where the person detector
found the head (its boxes carried by motion grow and drift), the face is that person's face
on at least ``AGREE`` of those the face is on too, and no other face is. A face is a
person's where a kept face would stand for their head (``render.heads_of_faces``), being at
least ``FACE_SHARE`` of the head region's width (in a crowd a head region takes in the small
faces of people behind), or where the export would narrow the head to a large face close to
the camera (``render.people_facing``). Only faces of sure tracks count, never the face
detectors' unsure hits on bottles and hands. For showing only: what is hidden never depends
on it.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from app.core.redaction.head_placement import RULE_PADDING, head_turn, large_face, may_narrow
from app.core.redaction.plan import RedactionPlan
from app.core.redaction.render import Region, heads_of_faces, people_facing, placement_region
from app.core.tracking.review import CONFIDENT, best_score
from app.core.tracking.tracker import FACE, HEAD, BoxKind, Track, TrackBox

SAMPLES = 24  # frames looked at per head track at most, spread evenly over its own boxes
AGREE = 0.5  # share of the frames where both are found on which the face is the head's
MIN_FRAMES = 2  # ... and on at least this many frames
FACE_SHARE = 0.2  # a person's face is this share of their head region's width or more
# regions judged as the placement rules judge them (render.placement_region: RULE_PADDING)
RULES = RedactionPlan(padding=RULE_PADDING)


def face_of_heads(tracks: list[Track], frame_boxes: list[list[tuple[int, TrackBox]]],
                  width: int, height: int, rotation: int = 0,
                  only: set[int] | None = None) -> dict[int, int]:
    """Head track -> the face track that is the same person, for the head tracks that have
    one (``frame_boxes``: every frame's boxes of ``tracks``, ``boxes_by_frame``; ``only``:
    these head tracks alone)."""
    heads = [t for t in tracks if t.category == HEAD and (only is None or t.id in only)]
    if not heads:
        return {}
    looked: dict[int, set[int]] = defaultdict(set)  # frame -> heads sampled there
    for head in heads:
        own = [f for f in sorted(head.keyframes)
               if f < len(frame_boxes) and f not in head.carried]  # found there
        step = max(1, len(own) / SAMPLES)
        for k in range(min(len(own), SAMPLES)):
            looked[own[int(k * step)]].add(head.id)
    sure = {t.id for t in tracks if t.category == FACE and best_score(t) >= CONFIDENT}
    both: Counter[tuple[int, int]] = Counter()  # (head, face): frames both were found
    fits: Counter[tuple[int, int]] = Counter()  # ... and the face was the head's
    for frame, sampled in looked.items():
        heads_here: list[tuple[int, TrackBox]] = []
        faces: list[tuple[TrackBox, Region]] = []
        for track_id, box in frame_boxes[frame]:
            if box.category == HEAD and box.kind is BoxKind.DETECTED:
                heads_here.append((track_id, box))
            elif track_id in sure and box.kind is not BoxKind.PADDED:  # not lost
                region = placement_region(box, RULES, width, height, track_id, rotation)
                if region is not None:
                    faces.append((box, region))
        if not faces:
            continue
        for face_id, head_id in _faces_heads(heads_here, faces, width, height,
                                             rotation).items():
            for sampled_id in sampled:
                both[sampled_id, face_id] += 1
            if head_id in sampled:
                fits[head_id, face_id] += 1
    owners: dict[int, list[int]] = defaultdict(list)
    for (head_id, face_id), count in fits.items():
        if count >= MIN_FRAMES and count >= AGREE * both[head_id, face_id]:
            owners[head_id].append(face_id)
    return {h: faces[0] for h, faces in owners.items() if len(faces) == 1}


def owners_again(before: list[Track], owners: dict[int, int], tracks: list[Track],
                 frame_boxes: list[list[tuple[int, TrackBox]]], width: int, height: int,
                 rotation: int = 0) -> dict[int, int]:
    """``face_of_heads`` of ``tracks`` after an edit, from ``owners``, those of ``before``:
    worked out again only for the heads that share a frame with a track the edit replaced,
    merged or split (new objects; the others are ``before``'s own), as the frames' boxes
    are (``shown_run``): a merge on a long run stays quick."""
    old = {t.id: t for t in before}
    new = {t.id: t for t in tracks}
    changed = [t for i, t in old.items() if new.get(i) is not t] + \
        [t for i, t in new.items() if old.get(i) is not t]
    if not changed:
        return owners
    spans = [(t.first_frame, t.last_frame) for t in changed]
    redo = {t.id for t in tracks if t.category == HEAD and any(
        t.first_frame <= last and first <= t.last_frame for first, last in spans)}
    kept = {h: f for h, f in owners.items() if h in new and h not in redo and f in new}
    return kept | face_of_heads(tracks, frame_boxes, width, height, rotation, redo)


def people_first(tracks: list[Track], owners: dict[int, int]) -> list[Track]:
    """``tracks`` in their order, each head of a person found by face (``owners``: head ->
    face, ``face_of_heads``) moved to just after that face's track: the People list's
    order."""
    ids = {t.id for t in tracks}
    heads: dict[int, list[Track]] = {}
    for track in tracks:
        if owners.get(track.id) in ids:
            heads.setdefault(owners[track.id], []).append(track)
    ordered: list[Track] = []
    for track in tracks:
        if owners.get(track.id) not in ids:
            ordered += [track, *heads.get(track.id, [])]
    return ordered


def _faces_heads(heads: list[tuple[int, TrackBox]], faces: list[tuple[TrackBox, Region]],
                 width: int, height: int, rotation: int) -> dict[int, int | None]:
    """Each face's head on one frame (face track -> head track, None for none): where a kept
    face would stand for the head (``render.heads_of_faces``), the face at least
    ``FACE_SHARE`` of the head region's width as displayed; else where a large hidden face
    would narrow its person's head (``render.people_facing``, for the faces and heads the
    export narrows: someone close to the camera)."""
    regions = {t: r for t, b in heads
               if (r := placement_region(b, RULES, width, height, t, rotation))}
    ups = {t: 90 * head_turn((b.x, b.y, b.x + b.w, b.y + b.h), b.whole, rotation)
           for t, b in heads}
    large = large_face(width, height)  # as the export narrows heads to faces
    big = [(b, r) for b, r in faces if max(b.w, b.h) >= large]
    facing: dict[int | None, int] = {}
    if big:
        narrowing = [(t, b) for t, b in heads if t in regions and may_narrow(
            (b.x, b.y, b.x + b.w, b.y + b.h), b.whole, rotation, width, height)]
        facing = {r.track_id: t for t, r in people_facing(narrowing, big, rotation).items()}
    across = 1 if rotation % 180 == 90 else 0  # the displayed width is the stored height
    found: dict[int, int | None] = {}
    for _box, face in faces:
        assert face.track_id is not None
        cx, cy = (face.x1 + face.x2) / 2, (face.y1 + face.y2) / 2
        # only a region holding the face's centre can hold 80 % of it (heads_of_faces)
        near = [r for r in regions.values() if r.x1 <= cx <= r.x2 and r.y1 <= cy <= r.y2]
        (head_id,) = heads_of_faces(near, [face], rotation, ups) if near else (None,)
        head = regions.get(head_id) if head_id is not None else None
        if head is None or _side(face, across) < FACE_SHARE * _side(head, across):
            head_id = facing.get(face.track_id)  # someone behind, or not a face
        found[face.track_id] = head_id
    return found


def _side(region: Region, across: int) -> int:
    """The region's width as displayed (its stored height on footage turned a quarter)."""
    return region.y2 - region.y1 if across else region.x2 - region.x1

