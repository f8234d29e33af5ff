"""The redaction plan: a serialisable description of what to hide in one footage item.

By default every detected track is redacted. A plan lists tracks kept visible (e.g. the
requester) and tracks dismissed as false positives, manual boxes with keyframes, the style,
audio handling, an optional clip range and an optional burned-in caption.

Which styles are safe: ``solid`` hides everything at any size. ``pixelate`` with blocks of at
least a fifth of the face (strength 3+) leaves too little to recognise. ``blur`` at strength
1-2 can leave a large face recognisable and is only for small background faces; from
strength 3 the kernel scales with the face so the result is not reversible by sharpening.
Strength 5 of every style is a solid fill.
"""

from __future__ import annotations

import enum
import hashlib
import itertools
import json
import math
import re
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from app.core.errors import QT_TRANSLATE_NOOP, InvalidInputError
from app.core.tracking.edits import TrackEdit
from app.core.tracking.keyframe import Keyframe as Keyframe
from app.core.tracking.review import ReviewMark

REASON_TARGET = re.compile(r"^(track:\d+|manual:\d+|audio:\d+|mute:[0-9.]+-[0-9.]+)$")

PLAN_VERSION = 1
MAX_MARGIN = 0.05  # the most a plan grows each face region by (a share of the longer side)
MAX_BOX_PX = 1_000_000  # a manual box's numbers (pixels): far beyond any picture
_TYPES: dict[str, tuple[type, ...]] = {
    "keep_tracks": (list,), "false_positive_tracks": (list,), "manual_boxes": (list,),
    "style": (str,), "strength": (int,), "shape": (str,), "padding": (int, float),
    "margin": (int, float),
    "inverse": (bool,), "audio": (str,), "mute": (list,), "caption": (str,),
    "detection_run": (str,), "detection_tracks": (str,), "version": (int,),
    "track_edits": (list,), "reasons": (dict,),
    "reviewed": (list,), "keep_metadata": (bool,), "audio_ranges": (list,),
    "hide_heads": (bool,), "hide_whole_people": (bool,), "review_marks": (list,),
}


def _check_types(data: dict[str, Any]) -> None:
    """Refuse values of the wrong JSON type: "12" must never become tracks [1, 2]."""
    for key, types in _TYPES.items():
        if key not in data:
            continue
        value = data[key]
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            raise InvalidInputError(QT_TRANSLATE_NOOP(
                "CoreMessages", "The redaction plan's {key!r} has the wrong type ({kind})."),
                key=key, kind=type(value).__name__)
    for key in ("keep_tracks", "false_positive_tracks"):
        for item in data.get(key, []):
            if isinstance(item, bool) or not isinstance(item, int):
                raise InvalidInputError(QT_TRANSLATE_NOOP(
                    "CoreMessages", "The redaction plan's {key!r} must hold whole track numbers, "
                    "not {item!r}."),
                    key=key, item=item)
    clip = data.get("clip")
    if clip is not None and not isinstance(clip, dict):
        raise InvalidInputError(QT_TRANSLATE_NOOP(
            "CoreMessages", "The redaction plan's 'clip' must be an object or null."))
    for key, value in data.get("reasons", {}).items():
        if not isinstance(value, str) or not REASON_TARGET.match(key):
            raise InvalidInputError(QT_TRANSLATE_NOOP(
                "CoreMessages", "The redaction plan's reason for {key!r} is not valid: targets "
                "are 'track:N', 'manual:N', 'audio:N' or 'mute:START-END'."),
                key=key)
    for item in data.get("reviewed", []):
        if not (isinstance(item, list) and len(item) == 2 and all(
                isinstance(v, int) and not isinstance(v, bool) for v in item)):
            raise InvalidInputError(QT_TRANSLATE_NOOP(
                "CoreMessages", "The redaction plan's 'reviewed' must hold [first frame, last "
                "frame] pairs."))
    for item in data.get("review_marks", []):
        if not _review_mark(item):
            raise InvalidInputError(QT_TRANSLATE_NOOP(
                "CoreMessages", "The redaction plan's {key!r} has the wrong type ({kind})."),
                key="review_marks", kind=type(item).__name__)


def _mark(mark: tuple[int, int]) -> tuple[int, int]:
    """A ``reviewed`` entry as the plan holds it: a ``ReviewMark``, or a bare frame pair."""
    if isinstance(mark, ReviewMark):
        return mark
    first, last = mark
    return first, last


def _review_mark(item: object) -> bool:
    """A ``review_marks`` entry: {"frames": [first, last], "reason": text, "tracks": [N...]}."""
    def whole(v: object) -> bool:
        return isinstance(v, int) and not isinstance(v, bool)
    return isinstance(item, dict) and set(item) <= {"frames", "reason", "tracks"} and \
        isinstance(frames := item.get("frames"), list) and len(frames) == 2 and \
        all(whole(v) for v in frames) and isinstance(item.get("reason"), str) and \
        isinstance(tracks := item.get("tracks", []), list) and all(whole(t) for t in tracks)


class Style(enum.StrEnum):
    BLUR = "blur"
    PIXELATE = "pixelate"
    SOLID = "solid"


class Shape(enum.StrEnum):
    ELLIPSE = "ellipse"
    RECTANGLE = "rectangle"


class AudioMode(enum.StrEnum):
    KEEP = "keep"  # copied bit-exact unless mute ranges are set
    DROP = "drop"


@dataclass(frozen=True)
class ManualBox:
    """A region drawn by a person (a missed face, a tattoo, a screen, a number plate).

    Present from its first to its last keyframe, linearly interpolated between keyframes.
    """

    id: int
    keyframes: tuple[Keyframe, ...]
    label: str = ""

    def box_at(self, frame: int) -> tuple[float, float, float, float] | None:
        keys = self.keyframes
        if not keys or frame < keys[0].frame or frame > keys[-1].frame:
            return None
        for a, b in itertools.pairwise(keys):
            if a.frame <= frame <= b.frame:
                t = 0.0 if b.frame == a.frame else (frame - a.frame) / (b.frame - a.frame)
                return (a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t,
                        a.w + (b.w - a.w) * t, a.h + (b.h - a.h) * t)
        k = keys[-1]
        return (k.x, k.y, k.w, k.h)

    def box_over(self, frames: range) -> tuple[float, float, float, float] | None:
        """The box taking in its boxes on ``frames`` (an interlaced picture's fields show
        the frames either side's moments too); None where it stands on none of them."""
        boxes = [b for f in frames if (b := self.box_at(f)) is not None]
        if not boxes:
            return None
        x0, y0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
        return (x0, y0, max(b[0] + b[2] for b in boxes) - x0,
                max(b[1] + b[3] for b in boxes) - y0)


@dataclass(frozen=True)
class TimeRange:
    start_s: float
    end_s: float

    def __post_init__(self) -> None:
        object.__setattr__(self, "start_s", float(self.start_s))
        object.__setattr__(self, "end_s", float(self.end_s))

    def contains(self, t: float) -> bool:
        return self.start_s <= t < self.end_s


class AudioAction(enum.StrEnum):
    MUTE = "mute"  # silence
    BLEEP = "bleep"  # a 1 kHz tone in place of the sound
    DISGUISE = "disguise"  # the voice pitch-shifted (not anonymisation on its own)


@dataclass(frozen=True)
class AudioRange:
    """A stretch of sound to hide on one audio track (``track`` 0 = the file's first audio
    stream) or on every track (None). ``label`` says what kind of detail it hides
    ("postcode"), never the words themselves."""

    id: int
    start_s: float
    end_s: float
    action: AudioAction = AudioAction.MUTE
    track: int | None = None
    label: str = ""

    def on_track(self, track: int) -> bool:
        return self.track is None or self.track == track

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "start_s": self.start_s, "end_s": self.end_s,
                "action": self.action.value, "track": self.track, "label": self.label}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AudioRange:
        track = data.get("track")
        if track is not None and (isinstance(track, bool) or not isinstance(track, int)):
            raise ValueError(f"audio range track {track!r} is not a whole number")
        return cls(int(data["id"]), float(data["start_s"]), float(data["end_s"]),
                   AudioAction(data.get("action", AudioAction.MUTE)), track,
                   str(data.get("label", "")))


class Reasons(Mapping[str, str]):
    """A plan's reasons, read-only: a plan is changed by making a new one (``plan_edits``),
    so the plan an approval or an undo step names stays as it was."""

    def __init__(self, items: Mapping[str, str] | None = None) -> None:
        self._items = dict(items or {})

    def __getitem__(self, key: str) -> str:
        return self._items[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        return hash(frozenset(self._items.items()))

    def __repr__(self) -> str:
        return f"Reasons({self._items!r})"

    def __reduce__(self) -> tuple[type[Reasons], tuple[dict[str, str]]]:
        return (Reasons, (self._items,))


_SEQUENCES = ("keep_tracks", "false_positive_tracks", "manual_boxes", "mute", "audio_ranges",
              "track_edits")


@dataclass(frozen=True)
class RedactionPlan:
    """Everything that decides what an export shows. Serialises to canonical JSON. Frozen:
    every edit makes a new plan (``plan_edits``, ``dataclasses.replace``); lists given to
    it are kept as tuples and its reasons as a read-only mapping."""

    keep_tracks: tuple[int, ...] = ()
    false_positive_tracks: tuple[int, ...] = ()
    manual_boxes: tuple[ManualBox, ...] = ()
    style: Style = Style.PIXELATE
    strength: int = 4
    shape: Shape = Shape.ELLIPSE
    # Each face's head region is grown by this about its centre. 1.6 since 2026-12-04 (1.3
    # before; a plan saved with 1.3 keeps it): over the whole MOT20 crowd clip the leak
    # benchmark's judge found 214 face-frames leaked at 1.3 and 138 at 1.6, most of them
    # small faces half under a region that a carried or coarse box had placed a few pixels off.
    padding: float = 1.6
    # Each hidden face's region is grown further on every side by this share of the
    # picture's longer side (4 px at 960, 8 at 1920): a detector's box of a small face is a few
    # pixels off whatever the face's size, and carried boxes drift by pixels too. 0.004 since
    # 2026-12-04 (0 before; a plan saved without it keeps 0): over the whole MOT20 crowd clip
    # the leak judge's leaked face-frames went 89 -> 73 (``render.face_margin``).
    margin: float = 0.004
    inverse: bool = False  # redact everything except the kept tracks' regions
    audio: AudioMode = AudioMode.KEEP
    mute: tuple[TimeRange, ...] = ()  # on every track (older plans)
    # Muted or bleeped stretches per audio track, with reasons keyed "audio:N".
    audio_ranges: tuple[AudioRange, ...] = ()
    clip: TimeRange | None = None
    caption: str = ""  # e.g. "{case} REDACTED COPY {date}"; empty: none
    # Copy the original's container metadata (GPS, device serials ...); stripped by default.
    # Part of the plan, so an approval covers it.
    keep_metadata: bool = False
    # Hide the heads of people seen from behind (the run's head tracks, found by a preset
    # with heads on); off, only faces and text are hidden. Part of the plan, so an approval
    # covers it.
    hide_heads: bool = True
    # Hide every person the run found whole (their box, not only the head), but a person
    # kept visible: for minors, victims, home interiors. Needs a run with heads on.
    hide_whole_people: bool = False
    # The detection run (settings hash) that the track numbers above refer to; a plan is
    # never applied to tracks from another run, where the same number is another person.
    detection_run: str = ""
    # ... and the digest of that run's tracks as they were numbered (tracks_digest): another
    # version of the tracker may number the same run otherwise. Empty: not recorded (plans
    # made before 2026-12-07, which keep their hash), the run's settings alone checked.
    detection_tracks: str = ""
    # Merges and splits of the run's tracks, applied in order (see tracking.edits).
    track_edits: tuple[TrackEdit, ...] = ()
    # Why a track, manual box or mute range is redacted or kept (a reason code's text),
    # keyed "track:N", "manual:N" or "mute:START-END" (seconds as written by ``mute_key``).
    reasons: Mapping[str, str] = field(default_factory=Reasons)
    # Review ranges a person has checked: each a ``ReviewMark`` (its frames, reason and
    # tracks; saved as "review_marks", absent when none: plans without one keep their hash),
    # or a bare (first frame, last frame) pair, as plans marked before marks named their risk
    # hold (saved as "reviewed"; it counts for every range over those frames: review.py).
    reviewed: tuple[tuple[int, int], ...] = ()
    version: int = PLAN_VERSION

    def __post_init__(self) -> None:
        for name in _SEQUENCES:
            object.__setattr__(self, name, tuple(getattr(self, name)))
        object.__setattr__(self, "reviewed", tuple(_mark(r) for r in self.reviewed))
        if not isinstance(self.reasons, Reasons):
            object.__setattr__(self, "reasons", Reasons(self.reasons))
        object.__setattr__(self, "padding", float(self.padding))
        object.__setattr__(self, "margin", float(self.margin))

    def validate(self) -> None:
        spans: list[TimeRange | AudioRange] = [*self.mute, *self.audio_ranges]
        numbers = [self.padding, self.margin] + [v for r in spans for v in (r.start_s, r.end_s)]
        if self.clip:
            numbers += [self.clip.start_s, self.clip.end_s]
        for m in self.manual_boxes:
            for k in m.keyframes:
                numbers += [k.x, k.y, k.w, k.h]
                if max(abs(k.x), abs(k.y), abs(k.w), abs(k.h)) > MAX_BOX_PX:
                    raise InvalidInputError(QT_TRANSLATE_NOOP(
                        "CoreMessages", "Manual box {id} lies far outside any picture (its "
                        "numbers go beyond {most} pixels)."), id=m.id, most=MAX_BOX_PX)
                if k.w <= 0 or k.h <= 0:
                    raise InvalidInputError(QT_TRANSLATE_NOOP(
                        "CoreMessages", "Manual box {id} has a width or height that is not "
                        "positive."),
                        id=m.id)
        if not all(math.isfinite(v) for v in numbers):
            raise InvalidInputError(QT_TRANSLATE_NOOP(
                "CoreMessages", "The redaction plan holds a number that is not finite."))
        if not 1 <= self.strength <= 5:
            raise InvalidInputError(QT_TRANSLATE_NOOP(
                "CoreMessages", "Strength must be 1 (light) to 5 (solid)."))
        if not 1.0 <= self.padding <= 3.0:
            raise InvalidInputError(QT_TRANSLATE_NOOP(
                "CoreMessages", "Padding must be between 1.0 and 3.0 times the face."))
        if not 0.0 <= self.margin <= MAX_MARGIN:
            raise InvalidInputError(QT_TRANSLATE_NOOP(
                "CoreMessages", "The margin round each face must be between 0 and {most} of "
                "the picture's longer side."), most=MAX_MARGIN)
        for r in [*spans, *([self.clip] if self.clip else [])]:
            if r.start_s < 0 or r.end_s <= r.start_s:
                raise InvalidInputError(QT_TRANSLATE_NOOP(
                    "CoreMessages", "Time range {start_s:g}-{end_s:g} s must have start < end, "
                    "both >= 0."),
                    start_s=r.start_s, end_s=r.end_s)
        for a in self.audio_ranges:
            if a.track is not None and a.track < 0:
                raise InvalidInputError(QT_TRANSLATE_NOOP(
                    "CoreMessages", "Audio range {id} names track {track}; tracks count from "
                    "0."), id=a.id, track=a.track)
        if len({a.id for a in self.audio_ranges}) != len(self.audio_ranges):
            raise InvalidInputError(QT_TRANSLATE_NOOP(
                "CoreMessages", "Two audio ranges of the redaction plan share a number."))
        for edit in self.track_edits:
            edit.validate()
        overlap = set(self.keep_tracks) & set(self.false_positive_tracks)
        if overlap:
            raise InvalidInputError(QT_TRANSLATE_NOOP(
                "CoreMessages", "Track(s) {overlap} cannot be both kept and a false positive."),
                overlap=sorted(overlap))

    def reason_for(self, target: str) -> str:
        return self.reasons.get(target, "")

    @property
    def hides_heads(self) -> bool:
        """Whether heads of people (the person detector's regions) are hidden: the heads
        option, or whole people."""
        return self.hide_heads or self.hide_whole_people

    def redacts_track(self, track_id: int) -> bool:
        return track_id not in self.keep_tracks and track_id not in self.false_positive_tracks

    def to_dict(self) -> dict[str, Any]:
        data = asdict(replace(self, reviewed=()))  # its marks written below
        data["reasons"] = dict(self.reasons)
        for key in ("style", "shape", "audio"):
            data[key] = getattr(self, key).value
        data["keep_tracks"] = sorted(self.keep_tracks)
        data["false_positive_tracks"] = sorted(self.false_positive_tracks)
        data["track_edits"] = [e.to_dict() for e in self.track_edits]
        data["reviewed"] = sorted([int(r[0]), int(r[1])] for r in set(self.reviewed)
                                  if not isinstance(r, ReviewMark))
        if marks := {r for r in self.reviewed if isinstance(r, ReviewMark)}:  # absent when
            data["review_marks"] = [  # none: plans marked frames only keep their hash
                m.to_dict() for m in sorted(marks, key=lambda m: (*m, m.reason, m.tracks))]
        if self.audio_ranges:  # absent when empty: older plans keep their hash
            data["audio_ranges"] = [a.to_dict() for a in sorted(self.audio_ranges,
                                                                key=lambda a: a.id)]
        else:
            del data["audio_ranges"]
        if not self.keep_metadata:  # absent by default: plans (and approvals) made before
            del data["keep_metadata"]  # this field existed keep their hash
        if self.hide_heads:  # likewise
            del data["hide_heads"]
        if not self.hide_whole_people:  # likewise
            del data["hide_whole_people"]
        if not self.margin:  # likewise
            del data["margin"]
        if not self.detection_tracks:  # likewise
            del data["detection_tracks"]
        return data

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), sort_keys=True, separators=(",", ":"))

    def sha256(self) -> str:
        """Identifies this exact plan (an approval binds to it)."""
        return hashlib.sha256(self.to_json().encode()).hexdigest()

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RedactionPlan:
        try:
            _check_types(data)
            plan = cls(
                keep_tracks=tuple(int(t) for t in data.get("keep_tracks", [])),
                false_positive_tracks=tuple(int(t) for t in data.get("false_positive_tracks",
                                                                      [])),
                manual_boxes=tuple(ManualBox(int(m["id"]), tuple(Keyframe(**k) for k in sorted(
                    m["keyframes"], key=lambda k: k["frame"])), m.get("label", ""))
                                   for m in data.get("manual_boxes", [])),
                style=Style(data.get("style", Style.PIXELATE)),
                strength=int(data.get("strength", 4)),
                shape=Shape(data.get("shape", Shape.ELLIPSE)),
                padding=float(data.get("padding", 1.3)),
                margin=float(data.get("margin", 0.0)),
                inverse=bool(data.get("inverse", False)),
                audio=AudioMode(data.get("audio", AudioMode.KEEP)),
                mute=tuple(TimeRange(float(r["start_s"]), float(r["end_s"]))
                           for r in data.get("mute", [])),
                audio_ranges=tuple(AudioRange.from_dict(a)
                                   for a in data.get("audio_ranges", [])),
                clip=TimeRange(float(data["clip"]["start_s"]), float(data["clip"]["end_s"]))
                if data.get("clip") else None,
                caption=str(data.get("caption", "")),
                keep_metadata=bool(data.get("keep_metadata", False)),
                hide_heads=bool(data.get("hide_heads", True)),
                hide_whole_people=bool(data.get("hide_whole_people", False)),
                detection_run=str(data.get("detection_run", "")),
                detection_tracks=str(data.get("detection_tracks", "")),
                track_edits=tuple(TrackEdit.from_dict(e) for e in data.get("track_edits", [])),
                reasons=Reasons({str(k): str(v) for k, v in data.get("reasons", {}).items()}),
                reviewed=(*((int(a), int(b)) for a, b in data.get("reviewed", [])),
                          *(ReviewMark.from_dict(m) for m in data.get("review_marks", []))),
                version=int(data.get("version", PLAN_VERSION)),
            )
        except KeyError as exc:
            raise InvalidInputError(QT_TRANSLATE_NOOP(
                "CoreMessages", "The redaction plan is not valid: a field it needs is missing "
                "({exc})."), exc=exc) from None
        except (TypeError, ValueError, OverflowError) as exc:  # overflow: a number
            # too large for a float (e.g. a padding of 1 followed by 400 zeros)
            raise InvalidInputError(QT_TRANSLATE_NOOP(
                "CoreMessages", "The redaction plan is not valid: {exc}."),
                exc=exc) from None
        if plan.version > PLAN_VERSION:
            raise InvalidInputError(QT_TRANSLATE_NOOP(
                "CoreMessages", "The redaction plan is version {version}; this BWV Studio reads "
                "up to version {PLAN_VERSION}."),
                version=plan.version, PLAN_VERSION=PLAN_VERSION)
        plan.validate()
        return plan

    @classmethod
    def from_json(cls, text: str) -> RedactionPlan:
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise InvalidInputError(QT_TRANSLATE_NOOP(
                "CoreMessages", "The redaction plan is not JSON: {exc}."),
                exc=exc) from None
        if not isinstance(data, dict):
            raise InvalidInputError(QT_TRANSLATE_NOOP(
                "CoreMessages", "The redaction plan must be a JSON object."))
        return cls.from_dict(data)


def audio_key(r: AudioRange) -> str:
    """The ``reasons`` key of an audio range."""
    return f"audio:{r.id}"


def mute_key(r: TimeRange) -> str:
    """The ``reasons`` key of a mute range."""
    return f"mute:{r.start_s:.3f}-{r.end_s:.3f}"
