"""The edits a person makes to a redaction plan, as pure functions: plan in, new plan out.

Each returns the new plan and a one-line description (``wording.Said``: English for the audit
log, translatable for the undo menu);
the input plan cannot change (``RedactionPlan`` is frozen), so an undo is the previous
plan. ``tracks`` is the run's tracks after the plan's own merges and splits
(``effective_tracks``).
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, replace

from app.core.errors import QT_TRANSLATE_NOOP, InvalidInputError
from app.core.redaction.plan import (
    AudioAction,
    AudioMode,
    AudioRange,
    Keyframe,
    ManualBox,
    RedactionPlan,
    Shape,
    Style,
    TimeRange,
    audio_key,
    mute_key,
)
from app.core.tracking.edits import EditOp, TrackEdit, apply_track_edits
from app.core.tracking.review import ReviewMark
from app.core.tracking.tracker import HEAD, Track
from app.core.wording import Said


class TrackAction(enum.StrEnum):
    REDACT = "redact"
    KEEP = "keep"  # kept visible: the requester, an officer
    NOT_A_FACE = "not_a_face"  # a false positive


def needs_reason(action: TrackAction) -> bool:
    """Showing a face is a disclosure: keeping a track visible is always given a reason."""
    return action is TrackAction.KEEP


def effective_tracks(tracks: list[Track], plan: RedactionPlan) -> list[Track]:
    """The run's tracks after the plan's merges and splits."""
    return apply_track_edits(tracks, plan.track_edits)


def track_action(plan: RedactionPlan, track_id: int) -> TrackAction:
    if track_id in plan.keep_tracks:
        return TrackAction.KEEP
    if track_id in plan.false_positive_tracks:
        return TrackAction.NOT_A_FACE
    return TrackAction.REDACT


def head_left_visible(plan: RedactionPlan, track: Track) -> bool:
    """A head track nobody kept or dismissed that the plan leaves visible all the same (heads
    are not hidden by its options, and it is not an inverse plan, which hides everything
    not kept): shown so, never as redacted."""
    return track.category == HEAD and not plan.hides_heads and not plan.inverse \
        and track_action(plan, track.id) is TrackAction.REDACT


def _with_action(plan: RedactionPlan, track_id: int, action: TrackAction) -> RedactionPlan:
    keep = tuple(t for t in plan.keep_tracks if t != track_id)
    dismissed = tuple(t for t in plan.false_positive_tracks if t != track_id)
    if action is TrackAction.KEEP:
        keep += (track_id,)
    elif action is TrackAction.NOT_A_FACE:
        dismissed += (track_id,)
    return replace(plan, keep_tracks=keep, false_positive_tracks=dismissed)


def _with_reason(plan: RedactionPlan, target: str, reason: str) -> RedactionPlan:
    """``reason`` for ``target``; an empty one removes it."""
    reasons = dict(plan.reasons)  # a reason given again keeps its place, as before
    if reason:
        reasons[target] = reason
    else:
        reasons.pop(target, None)
    return replace(plan, reasons=reasons)


def set_track_action(plan: RedactionPlan, track_id: int, action: TrackAction,
                     reason: str = "") -> tuple[RedactionPlan, str]:
    new = _with_reason(_with_action(plan, track_id, action), f"track:{track_id}", reason)
    said = {TrackAction.REDACT: QT_TRANSLATE_NOOP("CoreMessages", "redact track {track}"),
            TrackAction.KEEP: QT_TRANSLATE_NOOP("CoreMessages", "keep visible track {track}"),
            TrackAction.NOT_A_FACE: QT_TRANSLATE_NOOP("CoreMessages",
                                                      "mark as not a face track {track}")}
    return new, Said(said[action], track=track_id)


def merge(plan: RedactionPlan, tracks: list[Track], ids: list[int]) -> tuple[RedactionPlan, str]:
    """Join tracks that are one person. The result is kept visible only if every part was,
    dismissed only if every part was; otherwise it is redacted. Its reason is the first one
    given for that action: a part kept visible for the requester gives no reason to the
    person redacted (none, if no redacted part had one)."""
    ids = sorted(set(ids))
    edit = TrackEdit(EditOp.MERGE, tuple(ids))
    edit.validate()
    new = replace(plan, track_edits=(*plan.track_edits, edit))
    effective_tracks(tracks, new)  # raises when they cannot be merged
    actions = {track_action(plan, t) for t in ids}
    action = actions.pop() if len(actions) == 1 else TrackAction.REDACT
    reasons = [plan.reasons.get(f"track:{t}", "") for t in ids
               if track_action(plan, t) is action]
    for t in ids:
        new = _with_reason(_with_action(new, t, TrackAction.REDACT), f"track:{t}", "")
    merged = ids[0]
    new = _with_action(new, merged, action)
    new = _with_reason(new, f"track:{merged}", next((r for r in reasons if r), ""))
    return new, edit.describe()


def split(plan: RedactionPlan, tracks: list[Track], track_id: int,
          frame: int) -> tuple[RedactionPlan, str, int]:
    """Cut a track at ``frame``; the new part (returned id) inherits action and reason."""
    edit = TrackEdit(EditOp.SPLIT, (track_id,), frame)
    edit.validate()
    new = replace(plan, track_edits=(*plan.track_edits, edit))
    current = {t.id for t in effective_tracks(tracks, plan)}
    created = sorted({t.id for t in effective_tracks(tracks, new)} - current)  # raises if not
    part = created[0]
    new = _with_action(new, part, track_action(plan, track_id))
    new = _with_reason(new, f"track:{part}", plan.reasons.get(f"track:{track_id}", ""))
    return new, edit.describe(), part


def dismiss_from(plan: RedactionPlan, tracks: list[Track], track_id: int,
                 frame: int) -> tuple[RedactionPlan, str]:
    """Not a face from ``frame`` to the track's end (e.g. the tracker jumped to a poster)."""
    new, _text, part = split(plan, tracks, track_id, frame)
    new = _with_reason(_with_action(new, part, TrackAction.NOT_A_FACE), f"track:{part}", "")
    return new, Said(QT_TRANSLATE_NOOP(
        "CoreMessages", "mark track {track} as not a face from frame {frame}"),
        track=track_id, frame=frame)


def someone_else(plan: RedactionPlan, tracks: list[Track], track_id: int,
                 frame: int) -> tuple[RedactionPlan, str]:
    """The answer "no" to a kept face found again (``ReviewReason.FOUND_AGAIN``): the
    track is cut at ``frame``, where it was found again, and the part from there to the
    track's end, someone else, is redacted whatever the track's action was. A track that
    begins there (a part already split off at it) is redacted whole."""
    track = next((t for t in effective_tracks(tracks, plan) if t.id == track_id), None)
    if track is not None and track.detected_frames and frame <= track.detected_frames[0]:
        part, new = track_id, plan
    else:
        new, _text, part = split(plan, tracks, track_id, frame)
    new = _with_reason(_with_action(new, part, TrackAction.REDACT), f"track:{part}", "")
    return new, Said(QT_TRANSLATE_NOOP(
        "CoreMessages", "track {track} is someone else from frame {frame}: redact it there"),
        track=track_id, frame=frame)


def add_manual_box(plan: RedactionPlan, key: Keyframe, label: str = "", reason: str = "",
                   until: int | None = None) -> tuple[RedactionPlan, str, int]:
    """A new box at ``key``; with ``until`` it stays in place up to that frame."""
    box_id = max((m.id for m in plan.manual_boxes), default=0) + 1
    keys = (key,) if until is None or until <= key.frame else (
        key, Keyframe(until, key.x, key.y, key.w, key.h))
    new = replace(plan, manual_boxes=(*plan.manual_boxes, ManualBox(box_id, keys, label)))
    new = _with_reason(new, f"manual:{box_id}", reason)
    new.validate()
    return new, Said(QT_TRANSLATE_NOOP("CoreMessages", "add manual box {box} at frame {frame}"),
                     box=box_id, frame=key.frame), box_id


def _manual(plan: RedactionPlan, box_id: int) -> ManualBox:
    for m in plan.manual_boxes:
        if m.id == box_id:
            return m
    raise InvalidInputError(QT_TRANSLATE_NOOP("CoreMessages", "No manual box {number}."),
                            number=box_id)


def set_keyframes(plan: RedactionPlan, box_id: int,
                  keys: list[Keyframe]) -> tuple[RedactionPlan, str]:
    """Add or replace keyframes of a manual box (one per frame, the new one wins)."""
    box = _manual(plan, box_id)
    merged = {k.frame: k for k in box.keyframes}
    merged.update({k.frame: k for k in keys})
    new = replace(plan, manual_boxes=tuple(
        ManualBox(m.id, tuple(sorted(merged.values(), key=lambda k: k.frame)), m.label)
        if m.id == box_id else m for m in plan.manual_boxes))
    new.validate()
    frames = sorted(k.frame for k in keys)
    if len(frames) == 1:
        return new, Said(QT_TRANSLATE_NOOP("CoreMessages", "set manual box {box} at frame "
                                           "{frame}"), box=box_id, frame=frames[0])
    return new, Said(QT_TRANSLATE_NOOP("CoreMessages", "set manual box {box} at frames "
                                       "{first}-{last}"), box=box_id, first=frames[0],
                     last=frames[-1])


def delete_manual_box(plan: RedactionPlan, box_id: int) -> tuple[RedactionPlan, str]:
    _manual(plan, box_id)
    new = replace(plan, manual_boxes=tuple(m for m in plan.manual_boxes if m.id != box_id))
    return _with_reason(new, f"manual:{box_id}", ""), Said(
        QT_TRANSLATE_NOOP("CoreMessages", "delete manual box {box}"), box=box_id)


def add_mute(plan: RedactionPlan, start_s: float, end_s: float,
             reason: str = "") -> tuple[RedactionPlan, str]:
    r = TimeRange(round(start_s, 3), round(end_s, 3))
    new = replace(plan, mute=tuple(sorted((*plan.mute, r), key=lambda m: (m.start_s, m.end_s))))
    new = _with_reason(new, mute_key(r), reason)
    new.validate()
    return new, Said(QT_TRANSLATE_NOOP("CoreMessages", "mute audio {start:.3f}-{end:.3f} s"),
                     start=r.start_s, end=r.end_s)


def remove_mute(plan: RedactionPlan, r: TimeRange) -> tuple[RedactionPlan, str]:
    if r not in plan.mute:
        raise InvalidInputError(QT_TRANSLATE_NOOP(
            "CoreMessages", "No mute range {start:.3f}-{end:.3f} s."), start=r.start_s,
            end=r.end_s)
    at = plan.mute.index(r)  # the first such range goes, as list.remove did
    new = replace(plan, mute=plan.mute[:at] + plan.mute[at + 1:])
    return _with_reason(new, mute_key(r), ""), Said(QT_TRANSLATE_NOOP(
        "CoreMessages", "unmute audio {start:.3f}-{end:.3f} s"), start=r.start_s, end=r.end_s)


def add_audio_ranges(plan: RedactionPlan, spans: list[tuple[float, float]],
                     action: AudioAction, track: int | None, label: str = "",
                     reason: str = "") -> tuple[RedactionPlan, str]:
    """Hide each (start, end) span on ``track`` (None: every track) by ``action``; one edit
    (one undo) for all of them, e.g. every time a name is said."""
    new = plan
    next_id = max((a.id for a in plan.audio_ranges), default=0) + 1
    for start, end in spans:
        a = AudioRange(next_id, round(max(0.0, start), 3), round(end, 3), action, track, label)
        new = _with_reason(replace(new, audio_ranges=(*new.audio_ranges, a)), audio_key(a),
                           reason)
        next_id += 1
    new.validate()
    where = Said(QT_TRANSLATE_NOOP("CoreMessages", "every track")) if track is None else \
        Said(QT_TRANSLATE_NOOP("CoreMessages", "track {number}"), number=track + 1)
    said = {AudioAction.MUTE: QT_TRANSLATE_NOOP(
                "CoreMessages", "mute {count} audio range(s) on {where}"),
            AudioAction.BLEEP: QT_TRANSLATE_NOOP(
                "CoreMessages", "bleep {count} audio range(s) on {where}"),
            AudioAction.DISGUISE: QT_TRANSLATE_NOOP(
                "CoreMessages", "disguise {count} audio range(s) on {where}")}
    done = Said(said[action], count=len(spans), where=where)
    if not label:
        return new, done
    return new, Said(QT_TRANSLATE_NOOP("CoreMessages", "{edit} ({label})"), edit=done,
                     label=label)


def remove_audio_range(plan: RedactionPlan, range_id: int) -> tuple[RedactionPlan, str]:
    found = [a for a in plan.audio_ranges if a.id == range_id]
    if not found:
        raise InvalidInputError(QT_TRANSLATE_NOOP(
            "CoreMessages", "No audio range {number} in the plan."), number=range_id)
    new = replace(plan, audio_ranges=tuple(a for a in plan.audio_ranges if a.id != range_id))
    return _with_reason(new, audio_key(found[0]), ""), Said(QT_TRANSLATE_NOOP(
        "CoreMessages", "remove audio range {number} ({start:.3f}-{end:.3f} s)"),
        number=range_id, start=found[0].start_s, end=found[0].end_s)


def remove_audio_ranges(plan: RedactionPlan, ids: Sequence[int]) -> tuple[RedactionPlan, str]:
    """Remove several audio ranges in one edit (e.g. every range under the words chosen)."""
    new, said = plan, ""
    for range_id in ids:
        new, said = remove_audio_range(new, range_id)
    if len(ids) == 1:
        return new, said
    return new, Said(QT_TRANSLATE_NOOP("CoreMessages", "remove {count} audio ranges"),
                     count=len(ids))


def mark_reviewed(plan: RedactionPlan, first: int, last: int, reviewed: bool = True,
                  parts: tuple[tuple[int, int], ...] = (),
                  risks: Sequence[ReviewMark] = ()) -> tuple[RedactionPlan, str]:
    """The review item over frames ``first``-``last`` marked as checked (or not).

    ``risks``: what the item asks (``ReviewRange.risks``: the frames, reason and tracks of
    each range it stands for), marked so that the mark checks those and no other range over
    the same frames; unmarking also takes off a bare frame pair over their frames (an older
    plan's mark, which would still check them). Without ``risks``, as before marks named
    their risk: frames ``first``-``last`` marked, or for a grouped item ``parts`` (the frames
    of the ranges it joins, ``ReviewRange.marks``), counting for every range over them."""
    if risks:
        marks: tuple[tuple[int, int], ...] = tuple(dict.fromkeys(risks))
        frames = {r.frames for r in risks}
        rest = tuple(r for r in plan.reviewed
                     if r not in marks and (reviewed or r not in frames))
    else:
        marks = tuple(dict.fromkeys(parts)) or ((first, last),)
        rest = tuple(r for r in plan.reviewed if r not in marks)
    new = replace(plan, reviewed=(*rest, *marks) if reviewed else rest)
    if reviewed:
        return new, Said(QT_TRANSLATE_NOOP("CoreMessages", "mark frames {first}-{last} as "
                                           "reviewed"), first=first, last=last)
    return new, Said(QT_TRANSLATE_NOOP("CoreMessages", "mark frames {first}-{last} as not "
                                       "reviewed"), first=first, last=last)


def set_clip(plan: RedactionPlan, start_s: float | None,
             end_s: float | None = None) -> tuple[RedactionPlan, str]:
    """Export only ``start_s``-``end_s`` (stream seconds); None: the whole footage."""
    if start_s is None or end_s is None:
        return replace(plan, clip=None), Said(QT_TRANSLATE_NOOP("CoreMessages",
                                                                "export the whole footage"))
    clip = TimeRange(round(start_s, 3), round(end_s, 3))
    new = replace(plan, clip=clip)
    new.validate()
    return new, Said(QT_TRANSLATE_NOOP("CoreMessages", "export only {start:.3f}-{end:.3f} s"),
                     start=clip.start_s, end=clip.end_s)


@dataclass(frozen=True)
class OutputChoices:
    """How the export looks and sounds: part of the plan (so changing it is an edit)."""

    style: Style
    strength: int
    shape: Shape
    caption: str
    audio: AudioMode
    keep_metadata: bool = False
    hide_heads: bool = True  # the heads of people seen from behind (RedactionPlan.hide_heads)
    hide_whole_people: bool = False  # RedactionPlan.hide_whole_people


def output_choices(plan: RedactionPlan) -> OutputChoices:
    return OutputChoices(plan.style, plan.strength, plan.shape, plan.caption, plan.audio,
                         plan.keep_metadata, plan.hide_heads, plan.hide_whole_people)


def set_output_choices(plan: RedactionPlan,
                       choices: OutputChoices) -> tuple[RedactionPlan, str]:
    new = replace(plan, style=choices.style, strength=choices.strength, shape=choices.shape,
                  caption=choices.caption, audio=choices.audio,
                  keep_metadata=choices.keep_metadata, hide_heads=choices.hide_heads,
                  hide_whole_people=choices.hide_whole_people)
    new.validate()
    return new, output_said(plan, choices)


_WORDS = {Style.BLUR: QT_TRANSLATE_NOOP("CoreMessages", "blur"),
          Style.PIXELATE: QT_TRANSLATE_NOOP("CoreMessages", "pixelate"),
          Style.SOLID: QT_TRANSLATE_NOOP("CoreMessages", "solid"),
          Shape.ELLIPSE: QT_TRANSLATE_NOOP("CoreMessages", "ellipse"),
          Shape.RECTANGLE: QT_TRANSLATE_NOOP("CoreMessages", "rectangle"),
          AudioMode.KEEP: QT_TRANSLATE_NOOP("CoreMessages", "keep"),
          AudioMode.DROP: QT_TRANSLATE_NOOP("CoreMessages", "drop")}


def output_said(plan: RedactionPlan, choices: OutputChoices) -> Said:
    """What setting ``choices`` on ``plan`` does, heads and whole people said when either
    is or was not the default."""
    metadata = QT_TRANSLATE_NOOP("CoreMessages", "kept") if choices.keep_metadata else \
        QT_TRANSLATE_NOOP("CoreMessages", "removed")
    said = Said(QT_TRANSLATE_NOOP(
        "CoreMessages", "set export style {style} {strength}, {shape}, sound {audio}, caption "
        "{caption!r}, metadata {metadata}"), style=_WORDS[choices.style],
        strength=choices.strength, shape=_WORDS[choices.shape], audio=_WORDS[choices.audio],
        caption=choices.caption, metadata=metadata)
    if not (choices.hide_heads and plan.hide_heads):
        said = Said(QT_TRANSLATE_NOOP("CoreMessages", "{edit}, heads of people seen from "
                                      "behind hidden"), edit=said) if choices.hide_heads \
            else Said(QT_TRANSLATE_NOOP("CoreMessages", "{edit}, heads of people seen from "
                                        "behind left visible"), edit=said)
    if choices.hide_whole_people or plan.hide_whole_people:
        said = Said(QT_TRANSLATE_NOOP("CoreMessages", "{edit}, whole people hidden"),
                    edit=said) if choices.hide_whole_people else \
            Said(QT_TRANSLATE_NOOP("CoreMessages", "{edit}, whole people not hidden"), edit=said)
    return said


def set_coverage(plan: RedactionPlan, padding: float, inverse: bool,
                 margin: float | None = None) -> tuple[RedactionPlan, str]:
    """How far boxes grow around a face (``padding`` times its size, then ``margin`` of the
    picture's longer side; None: the plan's margin as it is) and whether everything but the
    tracks is hidden (``inverse``)."""
    margin = plan.margin if margin is None else margin
    new = replace(plan, padding=padding, inverse=inverse, margin=margin)
    new.validate()
    said = Said(QT_TRANSLATE_NOOP("CoreMessages", "set padding {padding:g}"), padding=padding)
    if margin != plan.margin:
        said = Said(QT_TRANSLATE_NOOP("CoreMessages", "{edit}, margin {margin:g}"), edit=said,
                    margin=margin)
    if inverse:
        said = Said(QT_TRANSLATE_NOOP("CoreMessages", "{edit}, hide everything but the kept "
                                      "people"), edit=said)
    return new, said


def keep_only(plan: RedactionPlan, track_id: int, reason: str) -> tuple[RedactionPlan, str]:
    """Keep this one person visible and hide everything else in the picture (the inverse
    redaction: a face nobody detected is hidden too). Every other kept track is redacted
    again: "only" means only."""
    new = plan
    for other in plan.keep_tracks:
        if other != track_id:
            new = _with_reason(_with_action(new, other, TrackAction.REDACT), f"track:{other}",
                               "")
    new = _with_reason(_with_action(new, track_id, TrackAction.KEEP), f"track:{track_id}",
                       reason)
    new = replace(new, inverse=True)
    new.validate()
    return new, Said(QT_TRANSLATE_NOOP(
        "CoreMessages", "keep only track {track} visible, hide everything else"),
        track=track_id)


def made_elsewhere(plan: RedactionPlan, run_key: str, tracks_key: str) -> bool:
    """Whether the plan's track numbers refer to other tracks than these: it was made on
    another detection run, or on this run's tracks numbered otherwise (another version of
    the tracker: ``tracks_digest``). A plan bound to no run is not."""
    return bool(plan.detection_run) and (
        plan.detection_run != run_key
        or (bool(plan.detection_tracks) and plan.detection_tracks != tracks_key))


def bound(plan: RedactionPlan, run_key: str, tracks_key: str) -> RedactionPlan:
    """The plan bound to the run ``run_key`` and its tracks ``tracks_key``: what its track
    numbers refer to."""
    return replace(plan, detection_run=run_key, detection_tracks=tracks_key)


def start_again(plan: RedactionPlan, run_key: str,
                tracks_key: str = "") -> tuple[RedactionPlan, str]:
    """Forget the choices made on another detection run (whose track numbers can be other
    people): kept and dismissed tracks, merges and splits, their reasons and the reviewed
    ranges; manual boxes, mutes, clip and export choices stay."""
    new = replace(plan, keep_tracks=(), false_positive_tracks=(), track_edits=(),
                  reasons={k: v for k, v in plan.reasons.items() if not k.startswith("track:")},
                  reviewed=(), detection_run=run_key, detection_tracks=tracks_key)
    return new, Said(QT_TRANSLATE_NOOP("CoreMessages",
                                       "choose the people again on this detection run"))
