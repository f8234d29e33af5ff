"""Speakers told apart by voice (real speech from espeak-ng through the real transcriber),
and one speaker's words disguised together."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from app.core.audio.speech_plan import speaker_spans
from app.core.audio.transcribe import transcribe_file
from app.core.audio.transcript import Transcript
from tests.speech_media import RATE, make_spoken_clip, speak

LINES = ["Can you tell me what happened this evening?",
         "I saw two people running towards the park.",
         "Did you see which way they went after that?",
         "They went down the road past the shop on the corner.",
         "What were they wearing, can you remember?",
         "One had a red coat and the other one had a hat."]


def _conversation(tmp_path: Path, voices: list[str]) -> tuple[Path, list[tuple[float, float, int]]]:
    """The lines said in turn by ``voices`` (0.4 s apart), and who said each when."""
    parts, said_by, now = [np.zeros(RATE // 2, np.int16)], [], 0.5
    for k, line in enumerate(LINES):
        who = k % len(voices)
        said = speak(line, voices[who], 160)
        said_by.append((now, now + len(said) / RATE, who))
        parts += [said, np.zeros(round(0.4 * RATE), np.int16)]
        now += len(said) / RATE + 0.4
    return make_spoken_clip(tmp_path / "talk.mp4", [np.concatenate(parts)]), said_by


def _who(transcript: Transcript, said_by: list[tuple[float, float, int]]) -> list[int]:
    return [next((who for a, b, who in said_by if a - 0.2 <= (w.start_s + w.end_s) / 2 <= b + 0.2),
                 -1) for w in transcript.words]


def test_a_man_and_a_woman_are_two_speakers(tmp_path: Path) -> None:
    clip, said_by = _conversation(tmp_path, ["en-gb", "en-us+f3"])
    transcript = transcribe_file(clip)
    truth = _who(transcript, said_by)
    assert transcript.speaker_count() == 2
    agree = sum((s == 1) == (t == 0) for s, t in zip(transcript.speakers, truth, strict=True))
    assert agree / len(truth) >= 0.9, (transcript.speakers, truth)
    # "Disguise speaker 2": her words, run by run, and none of his
    spans = speaker_spans(transcript, 2)
    assert len(spans) == 3
    for a, b, who in said_by:
        inside = any(s <= a + 0.3 and e >= b - 0.3 for s, e in spans)
        assert inside == (who == 1), (a, b, who, spans)
    again = Transcript.from_json(transcript.as_json())
    assert again.speakers == transcript.speakers


@pytest.mark.parametrize("voice", ["en-gb", "en-us"])
def test_one_voice_is_one_speaker(tmp_path: Path, voice: str) -> None:
    clip, _said_by = _conversation(tmp_path, [voice])
    transcript = transcribe_file(clip)
    assert transcript.speaker_count() == 1  # (a short turn may be unsure: 0)
    assert set(transcript.speakers) <= {1, 0} and transcript.speakers.count(1) > 0.8 * len(
        transcript.words)


def test_the_clustering_joins_turns_as_plain_average_linkage_does() -> None:
    """The fast clustering (its distance matrix updated in place) against the textbook one,
    on made-up voices: three groups, some turns without pitch."""
    from app.core.audio import speakers as sp

    rng = np.random.default_rng(7)
    voices = []
    for k in range(60):
        centre = [0.0, 1.5, -1.5][k % 3]
        pitch = [0.0, 12.0, 5.0][k % 3] + rng.normal(0, 1)
        voices.append((rng.normal(centre, 0.2, 12), float("nan") if k % 7 == 0 else pitch))
    x = np.stack([c for c, _p in voices])
    p = np.array([q for _c, q in voices])
    cep = np.sqrt(((x[:, None] - x[None]) ** 2).mean(axis=2)) / sp.CEP_SPAN
    st = np.abs(p[:, None] - p[None]) / sp.PITCH_SPAN_ST
    dist = np.where(np.isnan(st), cep, np.maximum(cep, st))
    groups = [[i] for i in range(len(voices))]
    while len(groups) > 1:
        best, pair = min((float(dist[np.ix_(groups[a], groups[b])].mean()), (a, b))
                         for a in range(len(groups)) for b in range(a + 1, len(groups)))
        if best >= 1.0:
            break
        groups[pair[0]] += groups.pop(pair[1])
    want = {frozenset(g) for g in groups}
    labels = sp._cluster(voices)
    got = {frozenset(i for i, k in enumerate(labels) if k == label) for label in set(labels)}
    assert got == want and len(got) == 3


def test_a_short_answer_is_disguised_with_the_speaker_chosen(tmp_path: Path) -> None:
    """ "Jane Smith." said between two of the officer's questions is too short to place
    with certainty; disguising the witness still takes it (privacy first)."""
    lines = [("Can you tell me what happened this evening?", 0),
             ("I saw two people running towards the park.", 1),
             ("Thank you. Can you give me your full name for my notes?", 0),
             ("Jane Smith.", 1),
             ("And what is your date of birth, please, if you do not mind?", 0),
             ("Fourth of May.", 1),
             ("Did you see which way they went after that?", 0)]
    parts, said_by, now = [np.zeros(RATE // 2, np.int16)], [], 0.5
    for line, who in lines:
        said = speak(line, ["en-gb", "en-us+f3"][who], 160)
        said_by.append((now, now + len(said) / RATE, who))
        parts += [said, np.zeros(round(0.4 * RATE), np.int16)]
        now += len(said) / RATE + 0.4
    transcript = transcribe_file(make_spoken_clip(tmp_path / "q.mp4", [np.concatenate(parts)]))
    spans = speaker_spans(transcript, 2)
    for a, b, who in said_by:
        if who == 1:  # every answer of hers, the name too, is inside her disguise
            assert any(s <= a + 0.1 and e >= b - 0.1 for s, e in spans), (a, b, spans)


def test_a_speaker_not_found_has_no_words_to_disguise() -> None:
    """Only the words of no sure speaker would answer for speaker 3 (or 0): nothing does."""
    from app.core.audio.transcript import Word

    words = [Word(w, i * 0.5, i * 0.5 + 0.4) for i, w in enumerate(["yes", "jane", "smith", "no"])]
    transcript = Transcript(0, words, speakers=[1, 0, 0, 2])
    assert speaker_spans(transcript, 3) == [] and speaker_spans(transcript, 0) == []
    assert len(speaker_spans(transcript, 2)) == 1  # "jane smith no": the unsure words too


def test_speech_with_no_words_goes_with_the_speaker_whose_voice_it_is(tmp_path: Path) -> None:
    """A stretch the model wrote no words for (here: the words of two of her lines taken
    out, their times given as unheard, on the real recording) is placed with her, and
    disguising her takes it; a stretch of silence is placed with no one."""
    from app.core.audio.speakers import UNSURE, speakers_of
    from app.core.audio.speech_audio import RATE as SPEECH_RATE
    from app.core.audio.speech_audio import load_speech_audio

    clip, said_by = _conversation(tmp_path, ["en-gb", "en-us+f3"])
    transcript = transcribe_file(clip)
    hers = [(a, b) for a, b, who in said_by if who == 1][1:]  # her 2nd and 3rd lines
    words = [w for w in transcript.words
             if not any(a - 0.2 <= (w.start_s + w.end_s) / 2 <= b + 0.2 for a, b in hers)]
    samples = load_speech_audio(clip, 0)
    by_word, by_stretch = speakers_of(words, [*hers, (0.05, 0.3)], samples, SPEECH_RATE)
    truth = _who(Transcript(0, words), said_by)
    her = next(s for s, t in zip(by_word, truth, strict=True) if t == 1 and s)
    assert by_stretch[:2] == [her, her]
    assert by_stretch[2] == UNSURE  # silence: too little sound to place
    heard = Transcript(0, words, speakers=by_word, unheard=[*hers, (0.05, 0.3)],
                       unheard_speakers=by_stretch)
    again = Transcript.from_json(heard.as_json())
    assert again.unheard_speakers == by_stretch
    for a, b in hers:  # (his disguise may span them too: his run of words goes on
        # across the gap where hers were taken out)
        assert any(s <= a and e >= b for s, e in speaker_spans(again, her))


def test_unheard_stretches_of_a_speaker_and_of_no_sure_speaker_are_disguised() -> None:
    from app.core.audio.transcript import Word
    from app.core.audio.word_search import PAD_S

    words = [Word(w, i * 0.5, i * 0.5 + 0.4) for i, w in enumerate(["yes", "no", "maybe"])]
    transcript = Transcript(0, words, speakers=[1, 2, 1],
                            unheard=[(3.0, 3.5), (5.0, 5.4), (7.0, 7.2)],
                            unheard_speakers=[2, 0, 1])
    two = speaker_spans(transcript, 2)
    assert (3.0 - PAD_S, 3.5 + PAD_S) in two and (5.0 - PAD_S, 5.4 + PAD_S) in two
    assert not any(a <= 7.0 <= b for a, b in two)
    assert two == sorted(two)
    # a transcript stored before stretches had speakers: they are in no speaker's disguise
    old = Transcript.from_json({**transcript.as_json(), "unheard_speakers": []})
    assert not any(a <= 3.2 <= b for a, b in speaker_spans(old, 2))


def test_a_stretch_holding_two_voices_is_disguised_with_either() -> None:
    """No words at all for his question and her answer 0.15 s later: one stretch with both
    voices. It is cut into its sounding pieces; they disagree, so it is no one speaker's and
    disguising her takes it (her name inside it). Placed whole, it went to him. Real espeak
    speech at the speech rate; the words of the lines before are timed from their lengths."""
    from app.core.audio.speakers import UNSURE, speakers_of
    from app.core.audio.speech_audio import RATE as SPEECH_RATE
    from app.core.audio.transcript import Word

    def said(text: str, voice: str) -> np.ndarray:
        s = speak(text, voice, 160).astype(np.float32) / 32768
        t = np.arange(int(len(s) * SPEECH_RATE / RATE)) / SPEECH_RATE
        return np.interp(t, np.arange(len(s)) / RATE, s).astype(np.float32)

    him, her_voice = "en-gb", "en-us+f3"
    parts, words, truth, now = [np.zeros(SPEECH_RATE // 3, np.float32)], [], [], 1 / 3
    for k, line in enumerate(LINES[:4]):
        sound = said(line, [him, her_voice][k % 2])
        length, tokens = len(sound) / SPEECH_RATE, line.split()
        for i, token in enumerate(tokens):
            words.append(Word(token, now + i * length / len(tokens),
                              now + (i + 1) * length / len(tokens) - 0.02))
            truth.append(k % 2)
        parts += [sound, np.zeros(SPEECH_RATE // 2, np.float32)]
        now += length + 0.5
    question, answer = said(LINES[4], him), said("My name is Jane Smith.", her_voice)
    start = now
    name = (now + (len(question) + 0.15 * SPEECH_RATE) / SPEECH_RATE,
            now + (len(question) + 0.15 * SPEECH_RATE + len(answer)) / SPEECH_RATE)
    parts += [question, np.zeros(round(0.15 * SPEECH_RATE), np.float32), answer,
              np.zeros(SPEECH_RATE // 2, np.float32)]
    samples = np.concatenate(parts)
    by_word, (placed,) = speakers_of(words, [(start, name[1])], samples, SPEECH_RATE)
    her = next(s for s, t in zip(by_word, truth, strict=True) if t == 1 and s)
    assert set(by_word) >= {1, 2} and placed in (her, UNSURE)
    heard = Transcript(0, words, speakers=by_word, unheard=[(start, name[1])],
                       unheard_speakers=[placed])
    assert any(s <= name[0] and e >= name[1] for s, e in speaker_spans(heard, her))
    # a stretch given from before the recording's start does not wrap round its end
    assert speakers_of(words, [(-0.5, 1.5), (float("nan"), 1.0)], samples, SPEECH_RATE)[1] == [
        speakers_of(words, [(0.0, 1.5)], samples, SPEECH_RATE)[1][0], UNSURE]
