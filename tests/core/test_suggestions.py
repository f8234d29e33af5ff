"""Suggestions of personal details on written transcripts (as a small speech model writes
them, mishearings included), and none on ordinary speech."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.core.audio.redacted_transcript import redacted_text, released_transcripts
from app.core.audio.speech_plan import hide_speech, phrase_spans
from app.core.audio.suggestions import suggest
from app.core.audio.transcript import Transcript, Word
from app.core.audio.word_search import find_phrase, words_span
from app.core.redaction.plan import AudioAction, AudioMode, AudioRange, RedactionPlan


def _said(text: str) -> Transcript:
    return Transcript(0, [Word(t, i * 0.3, i * 0.3 + 0.25) for i, t in enumerate(text.split())])


@pytest.mark.parametrize(("text", "kind", "words"), [
    ("I live near CF10 3AT now.", "postcode", "CF10 3AT"),
    ("He lives near M1 1AE now.", "postcode", "M1 1AE"),
    ("My post code is CF -10 free at.", "postcode", "CF -10 free at."),
    # its last letter not heard, its cue misheard ("postcode is" as "post coding")
    ("My post coding SW1A2A and my name is Sarah.", "postcode", "SW1A2A"),
    ("Ring 07700 900123 tonight.", "phone", "07700 900123"),
    ("Call me on no one six, one four nine six, no seven, two.", "phone",
     "no one six, one four nine six, no seven, two."),
    # a full stop the model wrote inside a number said in groups does not end what the cue
    # proposes
    ("You can call me on 013496. four nine six Oh, I know that I am at home.", "phone",
     "013496. four nine six Oh, I know"),
    ("The car was AB12 CDE on the ramp.", "registration", "AB12 CDE"),
    ("Write to sarah.jones@example.com please.", "email", "sarah.jones@example.com"),
    ("It went to info. Greenfield garage .co .uk, yesterday.", "email",
     "info. Greenfield garage .co .uk,"),
    ("The PNC reference is 23 stroke 123456 K today.", "pnc", "23 stroke 123456 K"),
    ("Born on the 4th of March 1980 in Leeds.", "date_of_birth", "the 4th of March 1980"),
    ("Her date of birth is 04/03/1980.", "date_of_birth", "04/03/1980."),
    ("My collar number is 4521.", "collar_number", "4521."),
    # a reference as a speech model writes it: "'s" on a number, "stroke" clipped, "one"
    # heard as "I" between numbers
    ("It was logged as 19's troke 45678 on Monday.", "pnc", "19's troke 45678"),
    ("Reference 05th troke 7771234c with the desk.", "phone", "05th troke 7771234c"),
    ("The job is 18 stroke I -876540, yes.", "digits", "18 stroke I -876540,"),
    ("It read 5 .5 .2 .1 .I .8 from the top.", "digits", "5 .5 .2 .1 .I .8"),
])
def test_a_planted_detail_is_proposed(text: str, kind: str, words: str) -> None:
    found = suggest(_said(text))
    assert any(words in s.text for s in found), [(s.kind, s.text) for s in found]
    assert found[0].why_text()


def test_names_given_in_the_case_are_found_however_they_were_heard() -> None:
    found = suggest(_said("I spoke to Hamidic bull and then McLoud left."),
                    ["Hamid Iqbal", "Callum McLeod"])
    assert [(s.kind, s.text) for s in found] == [("name", "Hamidic bull"),
                                                 ("name", "then McLoud")]


def test_a_given_name_heard_alone_is_found_whatever_codes_are_read_as() -> None:
    found = suggest(_said("We saw Mr Stoke outside."), ["Lee Stone"])
    assert [(s.kind, s.text) for s in found] == [("name", "Mr Stoke")]


def test_ordinary_speech_gets_no_suggestions() -> None:
    for text in ("Going to the shops for two hours.", "I saw the man near the bridge.",
                 "Thank you officer, I will wait here.", "It was about half past ten.",
                 "A number of people were there.", "Is this your phone, sir?",
                 "He was 25 I think, maybe 26.", "I broke it, I know, 3 times.",
                 "She had two strokes last year.", "There were 20, I... 25 people.",
                 "We drove to Stoke at 12 and back by 3.",
                 "It was an A380, not a B747.", "The file is H264 video.",
                 "Two A380s landed."):
        assert suggest(_said(text)) == [], text


def test_a_cue_stops_at_a_number_that_ends_its_sentence() -> None:
    # (the run of numbers takes "Two" in, as it would "two": a number is never cut short)
    found = suggest(_said("My collar number is 4521. Two men came in after that."))
    assert len(found) == 1 and found[0].text.endswith("4521. Two"), found


def test_dropped_sound_is_not_released_as_text_and_hidden_words_are_replaced() -> None:
    transcript = _said("My name is Jane Doe and I saw it.")
    plan = RedactionPlan(audio_ranges=[AudioRange(1, 0.85, 1.45, AudioAction.MUTE, 0)],
                         reasons={"audio:1": "S40"})
    (released,) = released_transcripts([transcript], plan)
    assert released["text"] == "My name is [redacted: S40] and I saw it."
    plan = replace(plan, audio=AudioMode.DROP)
    assert released_transcripts([transcript], plan) == []
    disguised = RedactionPlan(audio_ranges=[AudioRange(1, 0.0, 3.0, AudioAction.DISGUISE)])
    assert released_transcripts([transcript], disguised)[0]["text"] == transcript.text


def test_a_stretch_of_speech_with_no_words_is_proposed() -> None:
    transcript = _said("Hello there.")
    transcript.unheard = [(4.0, 5.5)]
    (s,) = [s for s in suggest(transcript) if s.kind == "unheard"]
    assert (s.start_s, s.end_s, s.first) == (4.0, 5.5, -1)


def test_a_phrase_is_found_across_words_and_padded_into_its_neighbours() -> None:
    transcript = _said("My name is John Smith. Yes, John smith, CF 10 3AT and CF10 3AT.")
    assert find_phrase(transcript, "john smith") == [(3, 4), (6, 7)]
    assert find_phrase(transcript, "cf10 3at") == [(8, 10), (12, 13)]
    assert find_phrase(transcript, "smith john") == []
    start, end = words_span(transcript.words, 3, 4)
    assert start < transcript.words[3].start_s - 0.2 and end > transcript.words[4].end_s + 0.2


def test_every_occurrence_takes_in_possessives_and_either_apostrophe() -> None:
    """"Redact every occurrence" of a name finds it said as a possessive and written with a
    curly or a straight apostrophe (a review found "Smith's" and "O’Brien" left audible)."""
    transcript = _said("I saw John Smith's car. Mr O’Brien left. The Jones' house.")
    assert find_phrase(transcript, "John Smith") == [(2, 3)]
    assert find_phrase(transcript, "Smith") == [(3, 3)]
    assert find_phrase(transcript, "O'Brien") == [(6, 6)]
    assert find_phrase(transcript, "jones") == [(9, 9)]
    assert find_phrase(transcript, "smithy") == []


def test_muting_a_disguised_name_mutes_it() -> None:
    """A disguised voice still says its words: muting (or bleeping) the same words later adds
    the mute, and the released transcript hides them (a review found the mute skipped)."""
    transcript = _said("My name is Smith and I live here.")
    spans = phrase_spans(transcript, "Smith")
    plan, said = hide_speech(RedactionPlan(), transcript, spans, AudioAction.DISGUISE, "name")
    assert said and "Smith" in redacted_text(transcript, plan)
    plan, said = hide_speech(plan, transcript, spans, AudioAction.MUTE, "name")
    assert said and [r.action for r in plan.audio_ranges] == [AudioAction.DISGUISE,
                                                              AudioAction.MUTE]
    assert "Smith" not in redacted_text(transcript, plan)
    again, said = hide_speech(plan, transcript, spans, AudioAction.BLEEP, "name")
    assert again is plan and not said  # already hidden: nothing added
