"""The transcript as released: every word the plan hides on that track replaced by
"[redacted: reason]" (one marker per hidden stretch), for the manifest and the disclosure
record. A word that only touches a hidden range is hidden too."""

from __future__ import annotations

from app.core.audio.sound_ranges import track_ranges
from app.core.audio.transcript import Transcript
from app.core.redaction.plan import AudioAction, AudioMode, RedactionPlan, audio_key, mute_key

MARKER = "[redacted: {reason}]"


def redacted_text(transcript: Transcript, plan: RedactionPlan) -> str:
    """The released words of ``transcript`` under ``plan`` (clip ranges respected)."""
    track = transcript.audio_track
    ranges = [r for r in track_ranges(plan, track)  # a disguised voice still says its words
              if r.action is not AudioAction.DISGUISE]
    reasons = _reasons(plan, track)
    out: list[str] = []
    open_reason: str | None = None
    for word in transcript.words:
        if plan.clip is not None and not (word.end_s > plan.clip.start_s
                                          and word.start_s < plan.clip.end_s):
            continue
        a, b = word.outer  # either placing of the word (forced_alignment): privacy first
        hit = next((i for i, r in enumerate(ranges) if a < r.end_s and b > r.start_s), None)
        if hit is None:
            open_reason = None
            out.append(word.text)
            continue
        reason = reasons.get((ranges[hit].start_s, ranges[hit].end_s), "") or "no reason given"
        if reason != open_reason:
            out.append(MARKER.format(reason=reason))
            open_reason = reason
    return " ".join(out)


def released_transcripts(transcripts: list[Transcript],
                         plan: RedactionPlan) -> list[dict[str, object]]:
    """The manifest's record of each transcribed track as released (none when the export
    carries no sound: dropped sound is not released as text either)."""
    if plan.audio is AudioMode.DROP:
        return []
    return [{"audio_track": t.audio_track, "model": t.model,
             "text": redacted_text(t, plan)} for t in transcripts]


def _reasons(plan: RedactionPlan, track: int) -> dict[tuple[float, float], str]:
    found = {(r.start_s, r.end_s): plan.reason_for(mute_key(r)) for r in plan.mute}
    for a in plan.audio_ranges:
        if a.on_track(track):
            found[(a.start_s, a.end_s)] = plan.reason_for(audio_key(a)) or a.label
    return found
