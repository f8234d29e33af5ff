"""Turning words into plan edits: hide a phrase wherever it is said, or the suggestions a
person accepted, on the track they were said on, as one undoable edit."""

from __future__ import annotations

from collections.abc import Iterable

from app.core.audio.speakers import UNSURE, speaker_runs
from app.core.audio.suggestions import Suggestion
from app.core.audio.transcript import Transcript
from app.core.audio.word_search import PAD_S, find_phrase, words_span
from app.core.errors import QT_TRANSLATE_NOOP
from app.core.redaction import plan_edits as edits
from app.core.redaction.plan import AudioAction, RedactionPlan
from app.core.wording import Said

# What an audio range hidden from the Speech tab is labelled (stored in the plan, in English;
# shown in the user's language in the description of the edit).
WORDS = QT_TRANSLATE_NOOP("CoreMessages", "words")
NOT_TRANSCRIBED = QT_TRANSLATE_NOOP("CoreMessages", "speech not transcribed")
WHOLE_TRACK = QT_TRANSLATE_NOOP("CoreMessages", "whole track")


def speaker_label(speaker: int) -> Said:
    """The label of a speaker's disguised ranges, e.g. "speaker 2"."""
    return Said(QT_TRANSLATE_NOOP("CoreMessages", "speaker {number}"), number=speaker)


def phrase_spans(transcript: Transcript, phrase: str) -> list[tuple[float, float]]:
    """Every time ``phrase`` is said (padded)."""
    return [words_span(transcript.words, a, b) for a, b in find_phrase(transcript, phrase)]


def suggestion_span(transcript: Transcript, s: Suggestion) -> tuple[float, float]:
    """The time a suggestion covers (padded; speech with no words as it is, padded)."""
    if s.first < 0:
        return max(0.0, s.start_s - PAD_S), s.end_s + PAD_S
    return words_span(transcript.words, s.first, s.last)


def speaker_spans(transcript: Transcript, speaker: int) -> list[tuple[float, float]]:
    """The time ``speaker``'s words take, run by run (padded like any hidden words), with
    the words of no sure speaker, and the stretches of speech with no words that are
    theirs or no sure speaker's (padded likewise); [] if there is no such speaker."""
    if not 1 <= speaker <= transcript.speaker_count():
        return []
    words = [words_span(transcript.words, a, b)
             for a, b in speaker_runs(transcript.words, transcript.word_speakers(), speaker)]
    stretches = [(max(0.0, a - PAD_S), b + PAD_S) for (a, b), who
                 in zip(transcript.unheard, transcript.stretch_speakers(), strict=False)
                 if who in (speaker, UNSURE)]
    return sorted(words + stretches)


def hide_speech(plan: RedactionPlan, transcript: Transcript,
                spans: Iterable[tuple[float, float]], action: AudioAction, label: str = "",
                reason: str = "") -> tuple[RedactionPlan, str]:
    """Hide ``spans`` on the transcript's track, skipping any already hidden there: muted
    or bleeped (a disguised voice still says its words, so muting or bleeping it is added;
    the export keeps a muted word muted inside a disguised stretch), or, for a disguise,
    already given any action."""
    track = transcript.audio_track
    hides = action is not AudioAction.DISGUISE
    done = {(a.start_s, a.end_s) for a in plan.audio_ranges if a.on_track(track)
            and not (hides and a.action is AudioAction.DISGUISE)}
    todo = [(round(max(0.0, a), 3), round(b, 3)) for a, b in spans]
    todo = sorted({t for t in todo if t not in done and t[1] > t[0]})
    if not todo:
        return plan, ""
    return edits.add_audio_ranges(plan, todo, action, track, label, reason)
