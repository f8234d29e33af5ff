"""Names given in the case found by how they sound, however the speech model spelled them,
and not in ordinary speech."""

from __future__ import annotations

import pytest

from app.core.audio.sound_alike import name_phones, phones, similarity, sounding_like
from app.core.audio.suggestions import WHY_CUE_SOUNDS, WHY_NAME, WHY_SOUNDS, suggest
from app.core.audio.transcript import Transcript, Word


def _said(text: str) -> Transcript:
    return Transcript(0, [Word(t, i * 0.3, i * 0.3 + 0.25) for i, t in enumerate(text.split())])


NAMES = ["Mohammed Iqbal", "Daniel Hughes", "Sarah Whitfield", "Priya Chaudhry",
         "Gareth Pritchard", "Thomas Fairbairn", "Olivia Walker", "Isabella Green",
         "Siobhan Kelly", "Kwame Mensah", "Stefan Popescu", "Jessica Turner"]


@pytest.mark.parametrize(("text", "name", "heard"), [
    # as Whisper tiny.en wrote them (bench/audio_redaction.py's espeak-ng clips)
    ("The man with the dog was no Hamidic bull from next door.", "Mohammed Iqbal",
     "no Hamidic bull"),
    ("and then you'll use started shouting at us.", "Daniel Hughes", "then you'll use"),
    ("My name is Gareth Richard and I live here.", "Gareth Pritchard", "Gareth Richard"),
])
def test_a_name_is_found_by_its_sound(text: str, name: str, heard: str) -> None:
    words = _said(text).words
    found = [" ".join(w.text for w in words[a:b + 1]) for a, b in sounding_like(words, name)]
    assert found == [heard]


def test_a_name_only_heard_by_sound_is_proposed_with_the_reason() -> None:
    found = suggest(_said("The man with the dog was no Hamidic bull from next door."),
                    ["Mohammed Iqbal"])
    assert [(s.kind, s.text, s.why) for s in found] == [("name", "no Hamidic bull", WHY_SOUNDS)]
    spelt = suggest(_said("I spoke to Sarah Whitfield outside."), ["Sarah Whitfield"])
    assert [(s.text, s.why) for s in spelt] == [("Sarah Whitfield", WHY_NAME)]


@pytest.mark.parametrize("text", [
    "Can you tell me what happened this evening?",
    "My colleague will take a statement from you later.",
    "The ambulance took about twenty minutes to get here.",
    "We could hear shouting from the flat upstairs.",
    "He said he had been drinking in the pub all afternoon.",
    "Please take a seat and listen to what I am saying.",
    "I am going to explain what happens next.",
    "Nobody else was in the house when it started.",
    "She told me the window was already broken when we got there.",
    "Officers attended the scene shortly after ten o'clock at night.",
    "You are not under arrest and you are free to leave at any time.",
    "Do you understand what I have just said to you?",
])
def test_ordinary_speech_sounds_like_no_given_name(text: str) -> None:
    words = _said(text).words
    assert [(n, sounding_like(words, n)) for n in NAMES if sounding_like(words, n)] == []


def test_a_short_name_is_matched_by_spelling_only() -> None:
    assert len(phones("Mia") + phones("White")) < 8
    assert sounding_like(_said("Tell me what you saw.").words, "Mia White") == []


def test_similarity_weighs_sounds_said_alike() -> None:
    assert similarity(phones("Hughes"), phones("Hughes")) == 1.0
    # m/n and two vowels: half a step each; a different consonant a whole one
    assert similarity(("M", "AE"), ("N", "EH")) == 0.5
    assert similarity(("M", "AE"), ("K", "AE")) == 0.5
    assert similarity(("M", "AE"), ("N", "AE")) == 0.75
    assert phones("Hamidic")  # a word the dictionary lacks is said by spelling rules


def test_titles_initials_and_accents_are_said_as_people_say_them() -> None:
    assert name_phones("Dr. J. Daniel Hughes") == name_phones("Daniel Hughes")
    assert name_phones("PC Mohammed Iqbal") == name_phones("Mohammed Iqbal")
    assert phones("Núñez") == phones("Nunez") and phones("Álvarez") == phones("Alvarez")
    words = _said("and then you'll use started shouting").words
    assert sounding_like(words, "Sgt D. Daniel Hughes") == sounding_like(words, "Daniel Hughes")


def test_words_spread_over_a_long_pause_are_not_one_name() -> None:
    words = _said("then you'll use started").words
    assert sounding_like(words, "Daniel Hughes") == [(0, 2)]
    apart = [Word("then", 0.0, 0.2), Word("you'll", 0.3, 0.5), Word("use", 4.0, 4.3)]
    assert sounding_like(apart, "Daniel Hughes") == []


def test_a_cue_heard_as_words_that_sound_like_it_still_proposes_what_follows() -> None:
    # as Whisper tiny.en wrote "This is PC Jones, collar number two one eight nine speaking"
    found = suggest(_said("This is D .C. Jones, Colin Humber to one eight -time speaking."))
    assert [(s.kind, s.text, s.why, s.cue) for s in found] == [
        ("collar_number", "to one eight -time speaking.", WHY_CUE_SOUNDS, "collar number")]
    # what a cue heard by sound proposes must open with a number; said as written, the
    # cue's own reason
    for text in ("Call a plumber to fix the sink.", "A lot of both, to be honest with you mate.",
                 "I made a bet of both horses.", "Did you call a member of the public at 2?",
                 "Can you call a member of the family, 2 of them live nearby.",
                 "I mean a dress, something like that, blue."):
        assert suggest(_said(text)) == [], text
    assert suggest(_said("My collar number is 4521."))[0].why != WHY_CUE_SOUNDS
