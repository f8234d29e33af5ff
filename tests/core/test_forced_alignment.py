"""Word edges found in the sound (forced alignment), on real speech from espeak-ng, and the
rule that aligning never narrows what is hidden."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from app.core.audio.forced_alignment import align_words
from app.core.audio.pronounce import ZERO, number_ways, rule_phones, spoken_ways
from app.core.audio.speech_audio import RATE as SPEECH_RATE
from app.core.audio.speech_audio import load_speech_audio
from app.core.audio.transcript import Transcript, Word
from app.core.audio.word_search import words_span
from tests.speech_media import RATE, make_spoken_clip, speak

LATE_S = 0.25  # how late the speech model's edges are inside continuous speech


def _known(word: str) -> bool:
    return word in {"my", "is", "the", "reg", "dot", "co", "uk"}


def test_numbers_codes_and_addresses_are_said_every_usual_way() -> None:
    assert [ZERO, "seven", "seven", ZERO, ZERO] in number_ways("07700")  # oh, zero, nought
    assert ["nineteen", "eighty"] in number_ways("1980")
    assert ["two", "thousand", "and", "one"] in number_ways("2001")
    assert ["twenty", "third"] in spoken_ways("23rd", _known)
    assert ["letter:l", "letter:k", "sixty", "eight"] in spoken_ways("LK68,", _known)
    assert ["letter:l", "letter:k", "six", "eight"] in spoken_ways("LK68,", _known)
    assert ["dot", "co", "dot", "uk"] in spoken_ways(".co.uk", _known)
    assert spoken_ways("-,", _known) == []
    assert rule_phones("declan").split() == ["D", "EH", "K", "L", "AE", "N"]
    assert ["ten", "thousand"] in spoken_ways("10,000", _known)
    assert ["fifteen", "hundred"] in number_ways("1500")
    assert ["oh", "nine", "thirty"] in number_ways("0930")
    assert ["twenty", "three", "fifty", "nine"] in number_ways("2359")
    assert [ZERO, "double", "seven", "double", ZERO] in number_ways("07700")
    assert ["two", "million"] in number_ways("2000000")
    assert ["nineteen", "eighties"] in spoken_ways("1980s", _known)
    assert ["zeroth"] in spoken_ways("0th", _known)


def _clip(tmp_path: Path, lead: str, detail: str, tail: str, voice: str
          ) -> tuple[np.ndarray, tuple[float, float], list[Word]]:
    """[lead-in, detail, tail] 0.05 s apart (so the detail's edges are known), decoded as
    the transcriber reads it, and words placed as the speech model places them inside
    continuous speech: the lead-in's spread over its sound, the rest LATE_S late."""
    parts, spans, now = [np.zeros(round(0.5 * RATE), np.int16)], [], 0.5
    for text in (lead, detail, tail):
        said = speak(text, voice, 160)
        spans.append((now, now + len(said) / RATE))
        parts += [said, np.zeros(round(0.05 * RATE), np.int16)]
        now += len(said) / RATE + 0.05
    parts.append(np.zeros(round(0.5 * RATE), np.int16))
    path = make_spoken_clip(tmp_path / f"{voice}.mp4", [np.concatenate(parts)])
    samples = load_speech_audio(path, 0)
    words = []
    for k, (text, (a, b)) in enumerate(zip((lead, detail, tail), spans, strict=True)):
        said = text.split()
        step = (b - a) / len(said)
        late = LATE_S if k else 0.0
        words += [Word(w, a + late + i * step, a + late + (i + 1) * step)
                  for i, w in enumerate(said)]
    return samples, spans[1], words


@pytest.mark.parametrize("detail", ["AB12 CDE", "07700 900123"])
@pytest.mark.parametrize("voice", ["en-gb", "en-us", "en-gb-scotland", "en-gb-x-rp"])
def test_a_detail_inside_a_sentence_gets_its_edges_from_the_sound(tmp_path: Path, voice: str,
                                                                   detail: str) -> None:
    samples, (start, end), words = _clip(tmp_path, "The number is", detail,
                                         "and it is silver.", voice)
    inside = [i for i, w in enumerate(words) if w.text in detail.split()]
    assert abs(words[inside[0]].start_s - start) >= LATE_S - 0.01  # the model's placing
    aligned = align_words(words, samples, SPEECH_RATE)
    assert abs(aligned[inside[0]].start_s - start) <= 0.1, (aligned, start)
    assert abs(aligned[inside[-1]].end_s - end) <= 0.1, (aligned, end)
    assert [w.text for w in aligned] == [w.text for w in words]
    assert all(a.heard == (round(w.start_s, 3), round(w.end_s, 3))
               for a, w in zip(aligned, words, strict=True)
               if (a.start_s, a.end_s) != (w.start_s, w.end_s))


def test_aligning_never_narrows_what_is_hidden(tmp_path: Path) -> None:
    """The model left a word out ("nine"): the aligner stretches the words beside it over
    it, but hiding the detail still covers where the model placed its words."""
    samples, _span, words = _clip(tmp_path, "His number is", "four five six nine",
                                  "on the system.", "en-gb")
    heard = [w for w in words if w.text != "nine"]
    aligned = align_words(heard, samples, SPEECH_RATE)
    first = next(i for i, w in enumerate(heard) if w.text == "four")
    last = next(i for i, w in enumerate(heard) if w.text == "six")
    before, after = words_span(heard, first, last), words_span(aligned, first, last)
    assert after[0] <= before[0] and after[1] >= before[1]
    again = Transcript.from_json(Transcript(0, aligned).as_json()).words
    assert again == aligned  # the model's placing is stored with the transcript


def test_silence_and_no_words_leave_the_transcript_as_it_was() -> None:
    quiet = np.zeros(SPEECH_RATE * 2, np.float32)
    words = [Word("hello", 0.5, 0.9)]
    assert align_words([], quiet, SPEECH_RATE) == []
    assert align_words(words, quiet, SPEECH_RATE) == words  # no sound: nothing to place


def test_odd_words_and_long_stretches_never_stop_a_transcript(tmp_path: Path) -> None:
    """A word the decoder lacks ("0th") or 600 words without a pause: the words come back
    (aligned or as they were), never an error that loses the transcript."""
    samples, _span, words = _clip(tmp_path, "It was the", "0th", "time.", "en-gb")
    assert [w.text for w in align_words(words, samples, SPEECH_RATE)] == [w.text for w in words]
    said = speak("one two three four five six seven eight nine ten " * 6, "en-gb", 300)
    track = np.tile(said, 10)  # about 600 words with no pause longer than espeak's own
    path = make_spoken_clip(tmp_path / "long.mp4", [track])
    long = load_speech_audio(path, 0)
    step = len(long) / SPEECH_RATE / 600
    many = [Word(w, i * step, (i + 1) * step)
            for i, w in enumerate(("one two three four five six seven eight nine ten " * 60)
                                  .split())]
    assert len(align_words(many, long, SPEECH_RATE)) == 600


def test_the_released_transcript_hides_a_word_by_either_placing() -> None:
    """A mute over where the speech model placed "Smith", the aligner having moved it: the
    released text still says [redacted]."""
    from app.core.audio.redacted_transcript import redacted_text
    from app.core.redaction.plan import AudioAction, AudioRange, RedactionPlan

    words = [Word("My", 1.0, 1.2), Word("name", 1.2, 1.5), Word("is", 1.5, 1.7),
             Word("Smith", 1.75, 2.05, heard=(2.1, 2.6)), Word("thanks", 2.7, 3.0)]
    plan = RedactionPlan(audio_ranges=(AudioRange(1, 2.15, 2.55, AudioAction.MUTE, 0),))
    transcript = Transcript(0, words)
    assert "Smith" not in redacted_text(transcript, plan)
    assert transcript.words_between(2.15, 2.55) == [3]


def test_a_missing_aligner_leaves_the_speech_models_edges(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """An install without PocketSphinx's model still transcribes (the model's word edges,
    and no claim in the record that they were aligned)."""
    from app.core.audio import forced_alignment, transcribe

    _clip(tmp_path, "The number is", "AB12 CDE", "thank you.", "en-gb")  # writes en-gb.mp4
    clip = tmp_path / "en-gb.mp4"

    def broken(rate: int) -> None:
        raise RuntimeError("new_Decoder returned -1")

    monkeypatch.setattr(forced_alignment, "_Aligner", broken)
    monkeypatch.setattr(forced_alignment, "_aligners", {})
    transcript = transcribe.transcribe_file(clip)
    assert transcript.words and "word_edges" not in transcript.model
    assert all(w.heard is None for w in transcript.words)


def test_a_word_tail_or_head_left_to_the_silence_is_given_back(tmp_path: Path) -> None:
    """The aligner's silence took the last 0.3 s of the detail's last word, and the first
    0.2 s of its first: each is widened over the sound that touches it, to the pause."""
    from app.core.audio.word_timing import to_pauses

    samples, (start, end), words = _clip(tmp_path, "The number is", "AB12 CDE",
                                         "and it is silver.", "en-gb")
    aligned = align_words(words, samples, SPEECH_RATE)
    first = next(i for i, w in enumerate(words) if w.text == "AB12")
    last = first + 1
    cut = list(aligned)
    cut[first] = Word("AB12", aligned[first].start_s + 0.2, aligned[first].end_s)
    cut[last] = Word("CDE", aligned[last].start_s, aligned[last].end_s - 0.3)
    mended = to_pauses(cut, samples, SPEECH_RATE)
    assert abs(mended[first].start_s - start) <= 0.05, (mended[first], start)
    assert abs(mended[last].end_s - end) <= 0.05, (mended[last], end)
    assert mended[last].heard == (cut[last].start_s, cut[last].end_s)  # where it was placed
    assert all(m.start_s <= c.start_s and m.end_s >= c.end_s  # only ever wider
               for m, c in zip(mended, cut, strict=True))
    again = to_pauses(aligned, samples, SPEECH_RATE)  # the detail's edges already right
    assert abs(again[first].start_s - start) <= 0.05 and abs(again[last].end_s - end) <= 0.05


def test_sound_past_a_second_pause_is_left_to_no_word() -> None:
    """Sound, a 50 ms stop, sound, a pause, sound: the earlier word takes the sound up to the
    first pause, the later word back to the last; a gap of sound alone or of silence alone
    tells nothing, and an edge moves 0.4 s at most."""
    from app.core.audio.word_timing import to_pauses

    rng = np.random.default_rng(1)
    samples = np.zeros(SPEECH_RATE * 3, np.float32)
    for a, b in ((0.5, 1.0), (1.05, 1.4), (1.45, 2.0)):
        samples[round(a * SPEECH_RATE):round(b * SPEECH_RATE)] = \
            rng.normal(0, 0.1, round(b * SPEECH_RATE) - round(a * SPEECH_RATE))
    words = [Word("ninety", 0.5, 0.95), Word("two", 1.6, 2.0)]
    mended = to_pauses(words, samples, SPEECH_RATE)
    assert [(w.start_s, w.end_s) for w in mended] == [(0.5, 1.0), (1.45, 2.0)]
    inside = [Word("ninety", 0.5, 0.7), Word("two", 0.8, 0.95)]  # sound alone between them
    assert to_pauses(inside, samples, SPEECH_RATE) == inside
    quiet = [Word("two", 2.0, 2.3), Word("three", 2.5, 2.9)]  # silence alone
    assert to_pauses(quiet, samples, SPEECH_RATE) == quiet
    far = [Word("ninety", 0.5, 0.55), Word("two", 1.6, 2.0)]  # 0.45 s of tail: too far
    assert to_pauses(far, samples, SPEECH_RATE)[0] == far[0]


def _parts(tmp_path: Path, said: list[tuple[str, float]]
           ) -> tuple[np.ndarray, list[tuple[float, float]]]:
    """Each text spoken, then the silence given after it; the samples and each text's span."""
    parts, spans, now = [np.zeros(round(0.5 * RATE), np.int16)], [], 0.5
    for text, gap in said:
        sound = speak(text, "en-gb", 160)
        spans.append((now, now + len(sound) / RATE))
        parts += [sound, np.zeros(round(gap * RATE), np.int16)]
        now += len(sound) / RATE + gap
    parts.append(np.zeros(round(0.5 * RATE), np.int16))
    path = make_spoken_clip(tmp_path / f"parts{len(list(tmp_path.iterdir()))}.mp4",
                            [np.concatenate(parts)])
    return load_speech_audio(path, 0), spans


def _even(text: str, span: tuple[float, float]) -> list[Word]:
    said = text.split()
    step = (span[1] - span[0]) / len(said)
    return [Word(w, span[0] + i * step, span[0] + (i + 1) * step) for i, w in enumerate(said)]


@pytest.mark.parametrize("pause", [0.3, 0.6])
def test_a_code_said_in_two_parts_keeps_the_speech_models_placing(tmp_path: Path,
                                                                   pause: float) -> None:
    """"AB12 ... CDE" written as one word: hiding it still covers both parts (found by a
    review: cut at the pause, the second part was hidden by neither placing)."""
    samples, spans = _parts(tmp_path, [("It is", 0.05), ("AB12", pause), ("CDE", 0.05),
                                       ("thanks.", 0.5)])
    words = [*_even("It is", spans[0]), Word("AB12CDE", spans[1][0], spans[2][1]),
             Word("thanks.", *spans[3])]
    hidden = words_span(align_words(words, samples, SPEECH_RATE), 2, 2)
    assert hidden[0] <= spans[1][0] and hidden[1] >= spans[2][1], (hidden, spans)


def test_an_ordinary_word_placed_in_the_pause_before_it_keeps_that_placing(
        tmp_path: Path) -> None:
    """The speech model started "baker" where the word before it ended, 1.5 s before it is
    said: the aligner cannot find it before the pause, so the speech model's placing stands
    (found by a review: cut at the pause, the word was hidden by neither placing)."""
    samples, spans = _parts(tmp_path, [("I saw him", 1.5), ("baker", 0.05),
                                       ("was there.", 0.5)])
    words = [*_even("I saw him", spans[0]), Word("baker", spans[0][1], spans[1][1]),
             *_even("was there.", spans[2])]
    hidden = words_span(align_words(words, samples, SPEECH_RATE), 3, 3)
    assert hidden[0] <= spans[1][0] and hidden[1] >= spans[1][1], (hidden, spans)
