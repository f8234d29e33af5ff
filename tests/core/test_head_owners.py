"""Whose head a head track is (head_owners): one person found by face and by body is shown
as one person; a small face behind, an unsure hit, boxes carried by motion, a face beside the
head or two faces in one head region link nothing."""

from __future__ import annotations

from app.core.redaction.head_owners import face_of_heads, owners_again, people_first
from app.core.tracking.tracker import HEAD, TEXT, Track, boxes_by_frame

FRAMES = 10
HEAD_BOX = (100.0, 100.0, 300.0, 300.0)  # shoulders wide, as deep as wide
OWN_FACE = (170.0, 130.0, 230.0, 200.0)  # where the person's own face is


def track(track_id: int, box: tuple[float, float, float, float], score: float = 0.9,
          category: str = "face", frames: range = range(FRAMES),
          carried: bool = False) -> Track:
    made = Track(track_id, {f: (*box, score) for f in frames}, category=category)
    if carried:
        made.carried = set(frames)
    made.finish(FRAMES, 0, 0)
    return made


def owners(*tracks: Track, width: int = 640, height: int = 480,
           rotation: int = 0) -> dict[int, int]:
    listed = list(tracks)
    return face_of_heads(listed, boxes_by_frame(listed, FRAMES), width, height, rotation)


def test_a_face_where_the_persons_own_face_is_owns_the_head() -> None:
    assert owners(track(1, HEAD_BOX, category=HEAD), track(2, OWN_FACE)) == {1: 2}
    # found together on a few frames only (the person turned round) is enough
    assert owners(track(1, HEAD_BOX, category=HEAD),
                  track(2, OWN_FACE, frames=range(3))) == {1: 2}
    # a face at the person's chest is someone in front of them; one beside them, not theirs
    assert owners(track(1, HEAD_BOX, category=HEAD),
                  track(2, (170.0, 240.0, 230.0, 300.0))) == {}
    assert owners(track(1, HEAD_BOX, category=HEAD),
                  track(2, (320.0, 130.0, 380.0, 200.0))) == {}


def test_what_links_nothing() -> None:
    head = track(1, HEAD_BOX, category=HEAD)
    for behind in ((194.0, 112.0, 206.0, 126.0), (185.0, 120.0, 215.0, 156.0)):
        assert owners(head, track(2, behind)) == {}  # a face too small to be theirs: behind
    assert owners(head, track(2, OWN_FACE, score=0.3)) == {}  # an unsure hit (a bottle)
    assert owners(track(1, HEAD_BOX, category=HEAD, carried=True), track(2, OWN_FACE)) == {}
    assert owners(head, track(2, OWN_FACE, frames=range(1))) == {}  # one frame is chance
    # two sure faces where one person's face would be: whose head it is, is not known
    assert owners(head, track(2, OWN_FACE), track(3, (172.0, 134.0, 232.0, 204.0))) == {}
    assert owners(track(2, OWN_FACE)) == {}  # no head at all


def test_a_large_face_close_to_the_camera_owns_the_head_the_export_narrows_to_it() -> None:
    """Someone close to the camera: their person box is cut by the picture's bottom and their
    head region lies wholly round their large face (not where a kept face would stand for
    it); the export narrows the head to the face (people_facing), and so the face owns it.
    A small face there does not."""
    whole = (100.0, 40.0, 540.0, 480.0)  # cut off by the bottom of a 640 x 480 picture
    head = Track(1, {f: (200.0, 40.0, 440.0, 200.0, 0.9) for f in range(FRAMES)},
                 category=HEAD, wholes={f: whole for f in range(FRAMES)})
    head.finish(FRAMES, 0, 0)
    big = track(2, (230.0, 40.0, 410.0, 260.0))  # 180 px: its region overflows the head's
    assert owners(head, big) == {1: 2}
    assert owners(head, track(2, (310.0, 70.0, 330.0, 95.0))) == {}


def test_each_head_of_two_people_side_by_side_goes_to_its_own_face() -> None:
    left, right = (0.0, 100.0, 200.0, 300.0), (320.0, 100.0, 520.0, 300.0)
    found = owners(track(1, left, category=HEAD), track(2, right, category=HEAD),
                   track(3, (70.0, 130.0, 130.0, 200.0)), track(4, (390.0, 130.0, 450.0, 200.0)))
    assert found == {1: 3, 2: 4}


def test_the_people_list_puts_each_head_after_its_persons_face() -> None:
    tracks = [track(1, OWN_FACE), track(2, OWN_FACE), track(3, HEAD_BOX, category=HEAD),
              track(4, HEAD_BOX, category=HEAD), track(5, HEAD_BOX, category=TEXT)]
    order = [t.id for t in people_first(tracks, {4: 1, 3: 9})]  # 9: not in the list
    assert order == [1, 4, 2, 3, 5]
    assert [t.id for t in people_first(tracks, {})] == [1, 2, 3, 4, 5]


def test_after_an_edit_only_the_heads_beside_what_it_changed_are_worked_out_again() -> None:
    """A merge or split replaces tracks (new objects, maybe new numbers): the heads sharing
    frames with them are worked out again, the others kept as they were."""
    early = [track(1, HEAD_BOX, category=HEAD, frames=range(0, 4)),
             track(2, OWN_FACE, frames=range(0, 4))]
    late = [track(3, HEAD_BOX, category=HEAD, frames=range(6, 10)),
            track(4, OWN_FACE, frames=range(6, 10))]
    before = early + late
    owned = owners(*before)
    assert owned == {1: 2, 3: 4}
    assert owners_again(before, owned, before, boxes_by_frame(before, FRAMES), 640, 480) \
        is owned  # nothing changed
    renumbered = [*early, late[0], track(7, OWN_FACE, frames=range(6, 10))]  # 4 is now 7
    boxes = boxes_by_frame(renumbered, FRAMES)
    again = owners_again(before, owned, renumbered, boxes, 640, 480)
    assert again == {1: 2, 3: 7} == face_of_heads(renumbered, boxes, 640, 480)
    stale = {1: 99, 3: 4}  # what was worked out before for the head the edit left alone
    assert owners_again(before, stale, renumbered, boxes, 640, 480) == {3: 7}  # (99 gone)
