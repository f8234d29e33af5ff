"""Corrections a person makes to the tracker's output: merge tracks, split a track.

A plan stores its edits in order; applying them to the tracks of the same detection run
always gives the same result, so track numbers stay stable:

* ``merge`` joins tracks that are one person into the lowest-numbered of them. The gap
  between them is interpolated (covered) like any gap between detections. Tracks seen on the
  same frame are two people and are not merged.
* ``split`` cuts a track before ``frame``: the earlier part keeps the number, the later part
  gets the next unused number. Each part needs at least one detection.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from app.core.errors import QT_TRANSLATE_NOOP, InvalidInputError
from app.core.tracking.tracker import Track
from app.core.wording import Said


class EditOp(enum.StrEnum):
    MERGE = "merge"
    SPLIT = "split"


@dataclass(frozen=True)
class TrackEdit:
    op: EditOp
    tracks: tuple[int, ...]  # merge: two or more tracks; split: one
    frame: int = 0  # split: the first frame of the new part

    def to_dict(self) -> dict[str, Any]:
        return {"op": self.op.value, "tracks": list(self.tracks), "frame": self.frame}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TrackEdit:
        if not isinstance(data, dict):
            raise InvalidInputError(QT_TRANSLATE_NOOP(
                "CoreMessages", "A track edit must be an object."))
        tracks = data.get("tracks")
        frame = data.get("frame", 0)
        if not isinstance(tracks, list) or not all(
                isinstance(t, int) and not isinstance(t, bool) for t in tracks):
            raise InvalidInputError(QT_TRANSLATE_NOOP(
                "CoreMessages", "A track edit's 'tracks' must be a list of track numbers."))
        if not isinstance(frame, int) or isinstance(frame, bool):
            raise InvalidInputError(QT_TRANSLATE_NOOP(
                "CoreMessages", "A track edit's 'frame' must be a whole number."))
        try:
            op = EditOp(str(data.get("op")))
        except ValueError:
            raise InvalidInputError(QT_TRANSLATE_NOOP(
                "CoreMessages", "Unknown track edit {value!r}."),
                value=data.get('op')) from None
        edit = cls(op, tuple(tracks), frame)
        edit.validate()
        return edit

    def validate(self) -> None:
        if self.op is EditOp.MERGE and len(set(self.tracks)) < 2:
            raise InvalidInputError(QT_TRANSLATE_NOOP(
                "CoreMessages", "A merge needs at least two different tracks."))
        if self.op is EditOp.SPLIT and (len(self.tracks) != 1 or self.frame < 1):
            raise InvalidInputError(QT_TRANSLATE_NOOP(
                "CoreMessages", "A split needs one track and a frame after the first."))

    def describe(self) -> Said:
        if self.op is EditOp.MERGE:
            return Said(QT_TRANSLATE_NOOP("CoreMessages", "merge tracks {tracks}"),
                        tracks=", ".join(str(t) for t in self.tracks))
        return Said(QT_TRANSLATE_NOOP("CoreMessages", "split track {track} at frame {frame}"),
                    track=self.tracks[0], frame=self.frame)


def _copy(carried: set[int], track_id: int, keyframes: dict[int, Any], first: int,
          last: int, category: str,
          wholes: dict[int, tuple[float, float, float, float]], like: list[Track]) -> Track:
    """A track of these keyframes, with the bridged gaps and padding of ``like`` (the
    track split, or the tracks merged)."""
    new = Track(track_id, dict(keyframes), carried=set(carried), category=category,
                shot=like[0].shot, wholes=dict(wholes),
                bridged=set().union(*(t.bridged for t in like)),
                pad_before=max(t.pad_before for t in like),
                pad_after=max(t.pad_after for t in like))
    new.settle()  # keeps only this part's carried and bridged frames; its own end motion
    new.first_frame, new.last_frame = first, last
    return new


def split_track(track: Track, frame: int, new_id: int) -> tuple[Track, Track]:
    """The parts before and from ``frame``; raises when either would have no detection."""
    before = {f: k for f, k in track.keyframes.items() if f < frame}
    after = {f: k for f, k in track.keyframes.items() if f >= frame}
    if not before or not after:
        raise InvalidInputError(QT_TRANSLATE_NOOP(
            "CoreMessages", "Track {track} cannot be split at frame {frame}: it is detected "
            "from frame {first} to {last}, and each part needs a detection."),
            track=track.id, frame=frame, first=track.detected_frames[0],
            last=track.detected_frames[-1])
    starts = frame
    if min(after) in track.bridged:  # cut in a gap the tracker bridged: the part found
        # again is padded back as a track of its own is (the part before runs on to the cut)
        starts = min(frame, max(max(before) + 1, min(after) - track.pad_before))
    return (_copy(track.carried, track.id, before, track.first_frame, frame - 1,
                  track.category, track.wholes, [track]),
            _copy(track.carried, new_id, after, starts, track.last_frame, track.category,
                  track.wholes, [track]))


def merge_tracks(parts: list[Track]) -> Track:
    """One track from several that are one person; refused if two share a detected frame
    or lie in different shots of an edited clip.

    Where one part's box on a frame was only carried there by motion, the other's is used.
    """
    if len({p.category for p in parts}) > 1:
        raise InvalidInputError(QT_TRANSLATE_NOOP(
            "CoreMessages", "Tracks {tracks} are of different kinds ({kinds}); only tracks "
            "of one kind (faces, text regions or heads) can be merged."),
            tracks=", ".join(str(p.id) for p in parts),
            kinds=", ".join(sorted({p.category for p in parts})))
    if len({p.shot for p in parts}) > 1:
        raise InvalidInputError(QT_TRANSLATE_NOOP(
            "CoreMessages", "Tracks {tracks} are in different shots of this edited clip (it "
            "cuts to another shot between them); tracks are not merged across a cut, where "
            "the boxes between them would stand over someone else."),
            tracks=", ".join(str(p.id) for p in parts))
    keyframes: dict[int, Any] = {}
    wholes: dict[int, tuple[float, float, float, float]] = {}
    carried: set[int] = set()
    for part in parts:
        shared = set(keyframes) & set(part.keyframes)
        both = {f for f in shared if f not in carried and f not in part.carried}
        if both:
            raise InvalidInputError(QT_TRANSLATE_NOOP(
                "CoreMessages", "Tracks {tracks} are both detected on frame {frame}, so "
                "they are different people; they cannot be merged."),
                tracks=", ".join(str(p.id) for p in parts), frame=min(both))
        for f, box in part.keyframes.items():
            if f not in keyframes or (f in carried and f not in part.carried):
                keyframes[f] = box
                wholes.pop(f, None)
                if f in part.wholes:
                    wholes[f] = part.wholes[f]
                carried.discard(f)
                if f in part.carried:
                    carried.add(f)
    return _copy(carried, min(p.id for p in parts), keyframes,
                 min(p.first_frame for p in parts), max(p.last_frame for p in parts),
                 parts[0].category, wholes, parts)


def apply_track_edits(tracks: list[Track], edits: Sequence[TrackEdit]) -> list[Track]:
    """The tracks after ``edits`` (in order); the input tracks are not changed."""
    current = {t.id: t for t in tracks}
    next_id = max(current, default=0) + 1
    for edit in edits:
        missing = [t for t in edit.tracks if t not in current]
        if missing:
            raise InvalidInputError(QT_TRANSLATE_NOOP(
                "CoreMessages", "Cannot {value}: no track {value2} (the edit belongs to another "
                "detection run)."),
                value=edit.describe(), value2=missing[0])
        if edit.op is EditOp.SPLIT:
            first, second = split_track(current[edit.tracks[0]], edit.frame, next_id)
            current[first.id], current[second.id] = first, second
            next_id += 1
        else:
            merged = merge_tracks([current[t] for t in edit.tracks])
            for t in edit.tracks:
                del current[t]
            current[merged.id] = merged
    return sorted(current.values(), key=lambda t: t.id)


@dataclass(frozen=True)
class Cut:
    """Where a person split a track: the frame, and every number the pieces of that track
    carry (the track split and each part split from it)."""

    frame: int
    parts: frozenset[int]

    def starts(self, track: Track) -> bool:
        """``track`` is a piece of this track starting at the cut (its box continues the
        track's, so nothing appears there)."""
        return track.first_frame == self.frame and track.id in self.parts


def split_cuts(tracks: list[Track], edits: Sequence[TrackEdit]) -> tuple[Cut, ...]:
    """Every split in ``edits``, numbered as ``apply_track_edits`` numbers the parts."""
    next_id = max((t.id for t in tracks), default=0) + 1
    root: dict[int, int] = {}
    made = []
    for edit in edits:
        if edit.op is EditOp.SPLIT:
            source = root.get(edit.tracks[0], edit.tracks[0])
            root[next_id] = source
            made.append((edit.frame, source))
            next_id += 1
    return tuple(Cut(frame, frozenset({source} | {n for n, r in root.items() if r == source}))
                 for frame, source in made)
