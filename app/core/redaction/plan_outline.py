"""What approving a plan lets out and what it hides, line by line, for the supervisor to read
before approving (the export dialog, a case's approval, ``bwv case status REF approved``):
who is kept visible and why, what was dismissed as not a face, what else is hidden by hand
or in the sound, and the options that change what is hidden. Each line is a ``Said`` (the
English, translatable in the UI)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.core.errors import QT_TRANSLATE_NOOP
from app.core.media.timecode import format_range
from app.core.redaction.plan import AudioMode, RedactionPlan, Style, mute_key
from app.core.store.models import Footage
from app.core.wording import Said

NO_REASON = QT_TRANSLATE_NOOP("CoreMessages", "no reason given")
FOOTAGE = QT_TRANSLATE_NOOP("CoreMessages", "Footage #{id}: {name}")  # a plan's first line
_ALL_HIDDEN = QT_TRANSLATE_NOOP("CoreMessages",
                                "Every face, head and text region found is hidden, but:")
_INVERSE = QT_TRANSLATE_NOOP("CoreMessages",
                             "Everything is hidden but the people kept visible (inverse).")
_KEPT = QT_TRANSLATE_NOOP("CoreMessages", "Kept visible: track {track} ({reason})")
_DISMISSED = QT_TRANSLATE_NOOP("CoreMessages",
                               "Dismissed, left as it is: track {track} ({reason})")
_NOBODY_KEPT = QT_TRANSLATE_NOOP("CoreMessages", "Nobody is kept visible.")
_HEADS_SHOWN = QT_TRANSLATE_NOOP("CoreMessages",
                                 "Heads of people seen from behind are left visible.")
_WHOLE = QT_TRANSLATE_NOOP("CoreMessages", "Whole people are hidden, head to foot.")
_BOX = QT_TRANSLATE_NOOP("CoreMessages",
                         "Hidden by hand: box {box}, frames {first}-{last} ({reason})")
_STYLE = QT_TRANSLATE_NOOP("CoreMessages", "Hidden as: {style}, strength {strength} (1-5).")
_STYLES = {Style.PIXELATE: QT_TRANSLATE_NOOP("CoreMessages", "pixelated"),
           Style.BLUR: QT_TRANSLATE_NOOP("CoreMessages", "blurred"),
           Style.SOLID: QT_TRANSLATE_NOOP("CoreMessages", "solid fill")}
_METADATA = QT_TRANSLATE_NOOP("CoreMessages", "The copy keeps the recording's metadata "
                                              "(device, serial numbers, times, places).")
_ON_TRACK = QT_TRANSLATE_NOOP("CoreMessages", "{what} on audio track {track}")
_SOUND_DROPPED = QT_TRANSLATE_NOOP("CoreMessages", "Sound: left out of the copy.")
_SOUND = QT_TRANSLATE_NOOP("CoreMessages", "Sound {span}: {action} ({reason})")
_MUTED = QT_TRANSLATE_NOOP("CoreMessages", "muted")
_BLEEPED = QT_TRANSLATE_NOOP("CoreMessages", "bleeped")
_DISGUISED = QT_TRANSLATE_NOOP("CoreMessages", "voice disguised (pitch-shifted: not "
                                               "anonymisation on its own)")
_CLIP = QT_TRANSLATE_NOOP("CoreMessages", "Only {span} of the recording is exported.")
_NO_PLAN = QT_TRANSLATE_NOOP("CoreMessages", "No redaction plan has been saved for this footage.")
_ACTIONS = {"mute": _MUTED, "bleep": _BLEEPED, "disguise": _DISGUISED}


def plan_outline(plan: RedactionPlan, footage_id: int, name: str) -> list[Said]:
    """The plan of footage ``footage_id`` (file ``name``) as lines to read before approving."""
    def why(target: str) -> Said | str:
        return plan.reason_for(target) or Said(NO_REASON)

    lines = [Said(FOOTAGE, id=footage_id, name=name),
             Said(_INVERSE) if plan.inverse else Said(_ALL_HIDDEN)]
    lines += [Said(_KEPT, track=t, reason=why(f"track:{t}")) for t in plan.keep_tracks]
    if not plan.keep_tracks:
        lines.append(Said(_NOBODY_KEPT))
    if not plan.inverse:  # (an inverse export hides what was dismissed too)
        lines += [Said(_DISMISSED, track=t, reason=why(f"track:{t}"))
                  for t in plan.false_positive_tracks]
    if plan.hide_whole_people:
        lines.append(Said(_WHOLE))
    elif not plan.hide_heads and not plan.inverse:
        lines.append(Said(_HEADS_SHOWN))
    for box in plan.manual_boxes:  # (frames: the times below are the recording's clock)
        first, last = (box.keyframes[0].frame, box.keyframes[-1].frame) \
            if box.keyframes else ("-", "-")
        lines.append(Said(_BOX, box=box.id, first=first, last=last,
                          reason=plan.reason_for(f"manual:{box.id}") or box.label
                          or Said(NO_REASON)))
    if plan.audio is AudioMode.DROP:
        lines.append(Said(_SOUND_DROPPED))
    for mute in plan.mute:
        lines.append(Said(_SOUND, span=format_range(mute.start_s, mute.end_s), action=_MUTED,
                          reason=plan.reason_for(mute_key(mute)) or Said(NO_REASON)))
    for sound in plan.audio_ranges:
        action = _ACTIONS.get(str(sound.action.value), _MUTED)
        lines.append(Said(_SOUND, span=format_range(sound.start_s, sound.end_s),
                          action=action if sound.track is None else
                          Said(_ON_TRACK, what=action, track=sound.track + 1),
                          reason=plan.reason_for(f"audio:{sound.id}") or sound.label
                          or Said(NO_REASON)))
    if plan.clip is not None:
        lines.append(Said(_CLIP, span=format_range(plan.clip.start_s, plan.clip.end_s)))
    lines.append(Said(_STYLE, style=_STYLES.get(plan.style, plan.style.value),
                      strength=plan.strength))
    if plan.keep_metadata:
        lines.append(Said(_METADATA))
    return lines


def no_plan(footage_id: int, name: str) -> list[Said]:
    """The lines for footage of a case with no plan saved."""
    return [Said(FOOTAGE, id=footage_id, name=name), Said(_NO_PLAN)]


def footage_outline(session: Session, footage_id: int, plan: RedactionPlan) -> list[Said]:
    """``plan_outline`` of ``plan`` for footage ``footage_id`` as the store has it."""
    footage = session.get(Footage, footage_id)
    return plan_outline(plan, footage_id, footage.file_name if footage is not None else "?")
