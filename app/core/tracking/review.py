"""Stretches of footage a person should check: where a missed face is most likely.

One range per real risk, never one per detector event:

* ``faces_lost`` / ``no_faces``: stretches the detector found nothing in (after faces, or
  at all; a box under its network's threshold, kept at the picture's edge by the edge drop,
  is not a face found: ``Preset.firm``);
* ``track_ended`` / ``track_started``: a confident face (best score >= ``CONFIDENT``)
  vanished or appeared away from the picture edge and the clip's ends: lost while still in
  frame, or visible before it was found (not a face whose boxes, carried back, reach the
  clip's first frame: no earlier frame could show it unfound). Where an edited clip cuts
  to another shot (``FrameDetections.cut``: no track goes on across it) the shot's ends
  are as the clip's: a face found on a shot's first frame or lost in its last half second
  is no item, and no "same person?" pair is made across a cut;
* ``camera_fast``: the camera swings (the picture moves 2 % of its width a frame or more
  for 0.2 s): faces blur, and boxes between detections are carried across big jumps;
* ``found_again``: a face kept visible (the requester) was lost for a while and the tracker
  linked a box found again near its last box (``tracking.found_again``): if that box is
  someone else, keeping the track visible shows them, so the link is checked (a
  redacted track's link is no risk: both sides are hidden either way). Listed by
  ``redaction.plan_review`` from the plan's kept tracks (``found_again``);
* ``same_person``: a confident face vanished and another appeared near it soon after
  (within ``PAIR_S``, where it could have moved, about its size): most likely one person
  the detector lost for a moment. One range for the two events, over the frames between
  (a stretch with no detection in between is part of it); merging the two tracks (one key
  in the workspace) covers that gap and ends the item. ``redaction.plan_review`` leaves
  out a pair the plan hides anyway (and lists its stretches again).

Not items: a track ending or starting at the picture edge (walking in or out), a track
ending or faces lost in the clip's last half second, unsure
detections (best score under ``CONFIDENT``: redacted anyway, and a person can still mark one
as not a face), tracks a person marked as not a face (``settled``), and, where a person split
a track (``cuts``), the later piece's start (its box continues the track's) and the question
whether the two pieces are one person. The earlier piece's end stays an item when it is in
the open: the face the track followed may have been lost there.

Ranges that ask for one look at the same frames are one item (``grouped``): faces that came
(or went) together, a face that went just as a stretch with no face begins, and a face that
came or went within a fast-camera stretch. A grouped item counts as checked when every
range it joins is marked.

What a mark stands for (``ReviewMark``, in the plan's ``reviewed``): the risk that was looked
at, its frames, reason and people (``ReviewRange.risks``), so it checks that range and no other
over the same frames (a face that comes to join an item over the same frames, e.g. one set
back from "not a face", or a second item over them, is open until marked). A bare
(first frame, last frame) pair, what every plan marked before marks named their risk holds
(and what ``plan_edits.mark_reviewed`` still writes when given no risks), cannot tell which
range it was made for: it counts, as it always did, for every range over exactly those frames,
whatever its reason and people (for a grouped item: each range it joins with those frames;
never the item's own span, unless a range it joins has that span).
"""

from __future__ import annotations

import bisect
import enum
import math
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from app.core.detection.shot_cuts import shot_of, within_shot
from app.core.detection.video import DetectionRun
from app.core.tracking.edits import Cut
from app.core.tracking.tracker import FACE, Track

FAST_CAMERA = 0.02  # share of the picture's width it moves a frame: a quick pan
FAST_FOR_S = 0.2  # ... for at least this long
FAST_GAP_S = 0.3  # slower moments shorter than this inside a pan do not end it


class ReviewReason(enum.StrEnum):
    FACES_LOST = "faces_lost"  # the detector found nothing right after frames with faces
    TRACK_ENDED = "track_ended"  # a face vanished away from the frame edge
    TRACK_STARTED = "track_started"  # a face appeared away from the frame edge
    NO_FACES = "no_faces"  # a stretch where no face was found at all
    SAME_PERSON = "same_person"  # a face lost and one found near it soon after
    CAMERA_FAST = "camera_fast"  # the camera swings: blurred faces, boxes carried less well
    FOUND_AGAIN = "found_again"  # a face kept visible was lost and linked again (rule 4)


CONFIDENT = 0.5  # a track whose best detection scores lower is not asked about
PAIR_S = 1.5  # a face found this soon after one was lost nearby may be the same person


class ReviewMark(tuple[int, int]):
    """A range a person checked: its (first frame, last frame), as every caller unpacks it,
    and what was asked there: the reason and the tracks (``track_id``, then ``other_track``).
    Equal only to a mark with the same frames, reason and tracks: never to a bare frame pair
    (an older plan's mark, which counts for every range over its frames) nor to another
    range's mark over the same frames."""

    reason: str
    tracks: tuple[int, ...]

    def __new__(cls, first: int, last: int, reason: str,
                tracks: tuple[int, ...] = ()) -> ReviewMark:
        mark = super().__new__(cls, (int(first), int(last)))
        mark.reason, mark.tracks = str(reason), tuple(int(t) for t in tracks)
        return mark

    @property
    def frames(self) -> tuple[int, int]:
        """The bare frame pair: the mark an older plan would hold for this range."""
        return self[0], self[1]

    def _id(self) -> tuple[int, int, str, tuple[int, ...]]:
        return self[0], self[1], self.reason, self.tracks

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ReviewMark) and self._id() == other._id()

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __hash__(self) -> int:
        return hash(self._id())

    def __repr__(self) -> str:
        return f"ReviewMark({self[0]}, {self[1]}, {self.reason!r}, {self.tracks!r})"

    def __reduce__(self) -> tuple[type[ReviewMark], tuple[int, int, str, tuple[int, ...]]]:
        return ReviewMark, self._id()

    def to_dict(self) -> dict[str, object]:
        return {"frames": [self[0], self[1]], "reason": self.reason, "tracks": list(self.tracks)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ReviewMark:
        first, last = data["frames"]
        return cls(first, last, data["reason"], tuple(data.get("tracks", ())))


@dataclass(frozen=True)
class ReviewRange:
    start_frame: int
    end_frame: int  # inclusive
    reason: ReviewReason
    track_id: int | None = None
    other_track: int | None = None  # same_person: the track found after ``track_id``
    also: tuple[int, ...] = ()  # grouped: the other faces that came or went with it
    parts: tuple[tuple[int, int], ...] = ()  # grouped: the frames of the ranges it joins
    joined: tuple[ReviewMark, ...] = ()  # grouped: what each range it joins asks (``risks``)
    # same_person: the stretches with no face it took in (listed again if it is not asked)
    absorbed: tuple[ReviewRange, ...] = field(default=(), compare=False, repr=False)

    def as_dict(self) -> dict[str, object]:
        data: dict[str, object] = {"start_frame": self.start_frame,
                                   "end_frame": self.end_frame, "reason": self.reason.value,
                                   "track_id": self.track_id}
        if self.other_track is not None:
            data["other_track"] = self.other_track
        if self.also:
            data["also_tracks"] = list(self.also)
        return data

    @property
    def people(self) -> tuple[int, ...]:
        """The faces it asks about: its track and, grouped, the others (never the second
        track of a "same person?" pair: that is ``other_track``)."""
        return tuple(t for t in (self.track_id, *self.also) if t is not None)

    @property
    def key(self) -> tuple[int, int]:
        """Its frames, as a plan marks it reviewed."""
        return self.start_frame, self.end_frame

    def marks(self) -> tuple[tuple[int, int], ...]:
        """The bare frame pairs marking it wrote before marks named their risk: its frames,
        or for a grouped item the frames of each range it joins (never its own span)."""
        return self.parts or (self.key,)

    def risks(self) -> tuple[ReviewMark, ...]:
        """What marking it reviewed writes in the plan: the risk it asks about (its frames,
        reason and tracks), or for a grouped item that of each range it joins (never its own
        span: a risk that comes to lie inside it later, e.g. a face marked "not a face" set
        back, was not looked at, even over the same frames as another)."""
        if self.joined:
            return self.joined
        tracks = tuple(t for t in (self.track_id, self.other_track) if t is not None)
        return (ReviewMark(self.start_frame, self.end_frame, self.reason.value, tracks),)

    def done(self, reviewed: Collection[tuple[int, int]]) -> bool:
        """Whether a plan with these ``reviewed`` marks has checked it: each of its
        ``risks`` marked (together, one by one, or before they were grouped), or its frames
        marked by a bare frame pair (an older plan's mark: see the module's notes)."""
        # a set given (every caller's): not built per range
        marks = reviewed if isinstance(reviewed, set | frozenset) else \
            {r if isinstance(r, ReviewMark) else tuple(r) for r in reviewed}
        return all(r in marks or r.frames in marks for r in self.risks())


def _near_edge(box: tuple[float, ...], width: int, height: int, margin: float) -> bool:
    x1, y1, x2, y2 = box[:4]
    m = margin * max(x2 - x1, y2 - y1)
    return x1 <= m or y1 <= m or x2 >= width - m or y2 >= height - m


def open_window(fps: float) -> int:
    """How many frames a face that starts or ends in the open is looked at before or after
    (half a second)."""
    return max(1, round(fps * 0.5))


def review_ranges(run: DetectionRun, tracks: list[Track], frame_count: int, fps: float,
                  settled: frozenset[int] = frozenset(),
                  cuts: tuple[Cut, ...] = ()) -> list[ReviewRange]:
    """Ranges to review, sorted by start frame."""
    ranges: list[ReviewRange] = []
    window = open_window(fps)
    detected = [f for f in run.frames if f.detected]
    # Stretches with no detections, and whether faces were seen just before.
    start = None
    had_faces_before = False
    previous_had = False
    last_with_faces = -1  # the last detected frame that found a face
    shot_starts = run.shot_starts()
    for frame in detected:
        if frame.cut:  # a new shot: the faces before it are not lost in it
            previous_had = False
        # a box under its network's threshold (kept at the picture's edge by the edge drop)
        # does not end a stretch with no face: it may be nothing, and the stretch is a risk
        faces = any(run.preset.firm(d.detector, d.score) for d in frame.boxes)
        if faces:
            last_with_faces = frame.index
        if not faces and start is None:
            start, had_faces_before = frame.index, previous_had
        elif faces and start is not None:
            reason = ReviewReason.FACES_LOST if had_faces_before else ReviewReason.NO_FACES
            ranges.append(ReviewRange(start, frame.index - 1, reason))
            start = None
        previous_had = faces
    # faces last seen in the clip's last half second: no item, as a track ending there is
    # none (its boxes are carried on for that half second: TrackerSettings.pad_after_s)
    if start is not None and not (had_faces_before
                                  and last_with_faces >= frame_count - 1 - window):
        reason = ReviewReason.FACES_LOST if had_faces_before else ReviewReason.NO_FACES
        ranges.append(ReviewRange(start, frame_count - 1, reason))
    # Confident tracks that start or end in the open, not at the picture edge or the ends.
    w, h = run.width, run.height  # boxes are in stored pixels, as are these
    ended: list[Track] = []
    started: list[Track] = []
    for track in tracks:  # faces: a text region coming and going is no risk to a face
        if track.category != FACE or best_score(track) < CONFIDENT or track.id in settled:
            continue
        first, last = track.detected_frames[0], track.detected_frames[-1]
        # the clip's ends, or a cut to another shot (FrameDetections.cut), are as its ends
        shot_start, shot_end = within_shot(shot_starts, first, 0, frame_count - 1)
        # hidden from the shot's first frame on (its boxes carried back there): there was
        # no frame before it on which it could have been visible unfound
        if track.first_frame > shot_start and \
                not _near_edge(track.keyframes[first], w, h, 0.5) and \
                not any(cut.starts(track) for cut in cuts):
            started.append(track)
        if last < shot_end - window and not _near_edge(track.keyframes[last], w, h, 0.5):
            ended.append(track)
    lost, found = set(), set()  # the paired ends and starts (a track can have both)
    for a, b in _same_person(ended, started, fps, shot_starts):
        pair = ReviewRange(a.detected_frames[-1], b.detected_frames[0],
                           ReviewReason.SAME_PERSON, a.id, b.id)
        pair = replace(pair, absorbed=tuple(r for r in ranges if inside(r, pair)))
        ranges = [r for r in ranges if not inside(r, pair)]
        ranges.append(pair)
        lost.add(a.id)
        found.add(b.id)
    ended = [t for t in ended if t.id not in lost]
    started = [t for t in started if t.id not in found]
    for track in started:  # looked at back to the shot's first frame, no further
        first = track.detected_frames[0]
        start = within_shot(shot_starts, first, first - window, first)[0]
        ranges.append(ReviewRange(max(0, start), first, ReviewReason.TRACK_STARTED, track.id))
    for track in ended:  # ... on to its shot's last frame
        last = track.detected_frames[-1]
        end = within_shot(shot_starts, last, last, min(frame_count - 1, last + window))[1]
        ranges.append(ReviewRange(last, end, ReviewReason.TRACK_ENDED, track.id))
    ranges += _camera_fast(run, fps)
    return sorted(ranges, key=lambda r: (r.start_frame, r.end_frame, r.reason.value))


def found_again(tracks: list[Track], kept: Collection[int]) -> list[ReviewRange]:
    """One range per gap the tracker bridged (rule 4) in a kept track: from the last box
    before the gap to the box found again; and where a kept track begins with a box found
    again (the part split off at it: a split part keeps its track's action), its first
    frames up to that box, until it is redacted or marked."""
    ranges = []
    for track in tracks:
        if track.id not in kept:
            continue
        keys = track.detected_frames
        for b in sorted(track.bridged):
            i = keys.index(b)
            start = keys[i - 1] if i > 0 else min(track.first_frame, b)
            ranges.append(ReviewRange(start, b, ReviewReason.FOUND_AGAIN, track.id))
    return ranges


_STRETCHES = (ReviewReason.FACES_LOST, ReviewReason.NO_FACES)


def grouped(ranges: list[ReviewRange], gap: int = 0) -> list[ReviewRange]:
    """One item per risk where several ranges ask for one look at the same frames:

    * stretches with no face ``gap`` frames apart or closer are one stretch (e.g. a face
      found for a few frames in a long stretch without one; ``stretch_gap``);
    * a face that vanished in the open just before a stretch with no face begins (the
      stretch starts within its range) or within it, is part of that stretch's item, and so
      is a face that appeared within such a stretch or just after it ends: either way the
      person looks through those frames for a face nobody found;
    * a face that vanished or appeared in the open within a fast-camera stretch (its whole
      range inside the stretch's frames) is part of that stretch's item: watching the swing
      for blurred faces looks through its frames too;
    * faces that appeared in the open over overlapping or touching ranges are one item (e.g.
      three people found on the frame a blurred pan ends), and so are faces that vanished.

    "The same person?" ranges stay as they are. A grouped item keeps the first range's
    reason and track, the other tracks in ``also``, and the frames of each range it joins in
    ``parts``; it spans them all. Sorted as ``review_ranges``."""
    stretches: list[ReviewRange] = []
    for stretch in sorted((r for r in ranges if r.reason in _STRETCHES), key=_order):
        if stretches and stretch.start_frame <= stretches[-1].end_frame + 1 + gap:
            stretches[-1] = _join(stretches[-1], stretch)
        else:
            stretches.append(stretch)
    came = sorted((r for r in ranges if r.reason is ReviewReason.TRACK_STARTED), key=_order)
    went = sorted((r for r in ranges if r.reason is ReviewReason.TRACK_ENDED), key=_order)
    swings = sorted((r for r in ranges if r.reason is ReviewReason.CAMERA_FAST), key=_order)
    out = [r for r in ranges if r.reason not in _STRETCHES and r.reason not in (
        ReviewReason.TRACK_STARTED, ReviewReason.TRACK_ENDED, ReviewReason.CAMERA_FAST)]
    _absorb(went, stretches, _went_into)
    _absorb(came, stretches, _came_after)
    for events in (went, came):
        _absorb(events, swings, _within)
    out += stretches + swings
    for events in (came, went):
        group: ReviewRange | None = None
        for event in events:
            if group is not None and event.start_frame <= group.end_frame + 1:
                group = _join(group, event)
                continue
            if group is not None:
                out.append(group)
            group = event
        if group is not None:
            out.append(group)
    return sorted(out, key=_order)


def stretch_gap(fps: float) -> int:
    """Frames between two stretches with no face that still make one item: half a second."""
    return max(1, round(fps * 0.5))


def _order(r: ReviewRange) -> tuple[int, int, str]:
    return r.start_frame, r.end_frame, r.reason.value


def _absorb(events: list[ReviewRange], items: list[ReviewRange],
            meets: Callable[[ReviewRange, ReviewRange], bool]) -> None:
    """Join each of ``events`` into the first of ``items`` it ``meets`` (both lists changed
    in place: a joined event leaves ``events``)."""
    for event in list(events):
        k = next((k for k, item in enumerate(items) if meets(event, item)), None)
        if k is not None:
            items[k] = _join(items[k], event)
            events.remove(event)


def _within(event: ReviewRange, swing: ReviewRange) -> bool:
    """A face's coming or going whose whole range lies inside a fast-camera stretch."""
    return swing.start_frame <= event.start_frame and event.end_frame <= swing.end_frame


def _went_into(event: ReviewRange, stretch: ReviewRange) -> bool:
    """A face's last sighting (``event``'s first frame) is just before ``stretch`` begins, or
    within it (a stretch joined over a short sighting; boxes carried between key frames)."""
    return event.start_frame <= stretch.end_frame and \
        stretch.start_frame <= event.end_frame + 1


def _came_after(event: ReviewRange, stretch: ReviewRange) -> bool:
    """A face's first sighting (``event``'s last frame) is just after ``stretch`` ends, or
    within it."""
    return stretch.start_frame <= event.end_frame and \
        event.start_frame - 1 <= stretch.end_frame


def _join(item: ReviewRange, other: ReviewRange) -> ReviewRange:
    """``item`` grown over ``other``: its reason and first track kept, ``other``'s tracks
    added to ``also``, its frames to ``parts`` and its risks to ``joined`` (two ranges over
    the same frames are one part but two risks)."""
    tracks = [t for t in (*item.also, other.track_id, *other.also)
              if t is not None and t != item.track_id]
    return replace(item, start_frame=min(item.start_frame, other.start_frame),
                   end_frame=max(item.end_frame, other.end_frame),
                   also=tuple(dict.fromkeys(tracks)),
                   parts=tuple(dict.fromkeys((*(item.parts or (item.key,)),
                                              *(other.parts or (other.key,))))),
                   joined=tuple(dict.fromkeys((*item.risks(), *other.risks()))))


def _camera_fast(run: DetectionRun, fps: float) -> list[ReviewRange]:
    """Stretches of at least FAST_FOR_S where the picture moves FAST_CAMERA or more a frame
    (gaps under FAST_GAP_S joined): faces blur there and boxes between detections are
    carried over large jumps."""
    fast = [f.index for f in run.frames if f.camera >= FAST_CAMERA]
    out: list[ReviewRange] = []
    gap, length = max(1, round(fps * FAST_GAP_S)), max(1, round(fps * FAST_FOR_S))
    start = prev = None
    for index in [*fast, None]:
        if index is not None and prev is not None and index - prev <= gap:
            prev = index
            continue
        if start is not None and prev is not None and prev - start + 1 >= length:
            out.append(ReviewRange(start, prev, ReviewReason.CAMERA_FAST))
        start = prev = index
    return out


def inside(stretch: ReviewRange, pair: ReviewRange) -> bool:
    """``stretch`` is a no-detection range within ``pair``'s frames: part of that item (never
    one that took in another face's coming or going: that face is still to be looked at;
    never a fast-camera stretch: whether two tracks are one person says nothing of the
    other faces a swing may blur)."""
    return stretch.reason in _STRETCHES and not stretch.also and \
        pair.start_frame <= stretch.start_frame <= stretch.end_frame <= pair.end_frame


def best_score(track: Track) -> float:
    """The best score of the detections themselves (boxes carried by motion left out)."""
    scores = [k[4] for f, k in track.keyframes.items() if f not in track.carried]
    return max(scores or [k[4] for k in track.keyframes.values()])


def _same_person(ended: list[Track], started: list[Track], fps: float,
                 shot_starts: list[int]) -> list[tuple[Track, Track]]:
    """Pairs (lost, found) that are most likely one person: found within ``PAIR_S`` of the
    loss, about the same size, where the lost face could have moved, in the same shot (where
    a face stood before a cut says nothing of who stands there after it); closest pairs
    first, each track in one pair at most."""
    candidates = []
    started = sorted(started, key=lambda t: t.detected_frames[0])
    firsts = [t.detected_frames[0] for t in started]
    for a in ended:
        fa = a.detected_frames[-1]
        ax1, ay1, ax2, ay2, _ = a.keyframes[fa]
        # only the faces found after the loss, within PAIR_S of it (a frame to spare for
        # rounding: the test below decides)
        for b in started[bisect.bisect_right(firsts, fa):
                         bisect.bisect_right(firsts, fa + PAIR_S * fps + 1)]:
            fb = b.detected_frames[0]
            gap_s = (fb - fa) / fps
            if b is a or not 0 < gap_s <= PAIR_S or \
                    shot_of(shot_starts, fa) != shot_of(shot_starts, fb):
                continue
            bx1, by1, bx2, by2, _ = b.keyframes[fb]
            size_a, size_b = max(ax2 - ax1, ay2 - ay1), max(bx2 - bx1, by2 - by1)
            if not 0.6 <= size_b / max(size_a, 1e-6) <= 1 / 0.6:
                continue
            d = math.hypot((ax1 + ax2 - bx1 - bx2) / 2, (ay1 + ay2 - by1 - by2) / 2)
            near = d / ((size_a + size_b) / 2)
            if near <= 1.0 + gap_s:
                candidates.append((near + gap_s, a.id, b.id, a, b))
    pairs, used = [], set()
    for _cost, a_id, b_id, a, b in sorted(candidates, key=lambda c: c[:3]):
        if ("a", a_id) in used or ("b", b_id) in used:
            continue
        used |= {("a", a_id), ("b", b_id)}
        pairs.append((a, b))
    return pairs
