"""Audio redaction (issue 18): transcription speed, planted personal details, word timing,
muting and bleeping, and the sound outside the hidden ranges.

    .venv/bin/python bench/audio_redaction.py [--minutes 3] [--exports 6] [--all-exports]
                                              [--no-real] [--limit N] [--keep DIR]

Every spoken clip is generated here with espeak-ng (``tests/speech_media.py``), muxed under a
plain moving picture as AAC (mono, 22.05 kHz), so the time of every word said is known.

1. Speed: the real-time factor (seconds of sound / seconds of wall time) of
   ``transcribe_file`` with the default model (Whisper tiny.en, int8), on a long clip
   (``--minutes``; sentences in four voices with silences of 0.3 to 12 s between them, so the
   voice-activity detection matters) and on every test clip below. The first call, which
   loads the model (and checks its SHA-256), is timed apart: "load" is that call minus the
   same call again. Each row also shows the time to decode the sound alone (the floor,
   ``load_speech_audio``) as a ratio. Target: at least 2x real time.
2. Planted details: 53 test clips, each [filler sentence, detail sentence, filler sentence];
   the detail sentence is said as three utterances (lead-in, the detail itself, tail) joined
   by 0.05 s gaps, so the detail's own start and end are known. Voices en-gb, en-us,
   en-gb-scotland and en-gb-x-rp at 140 and 180 words per minute. Half of the names are
   "given in the case" (passed to ``suggest(names=...)``); the other half are not, but follow
   "my name is". A detail is *proposed* when the suggestions (any kind, merged) cover at
   least 80% of its span; "kind ok" counts those where a suggestion of the right kind overlaps
   it. "audible ms": how much of a proposed detail the time the app would hide for those
   suggestions (``speech_plan.suggestion_span``: padded by 0.25 s)
   leaves out. False proposals: suggestions that do not touch the detail sentence (they lie
   on the fillers). Target: at least 90% proposed. Also: how many details would be hidden
   (95% of their span) if every suggestion touching them were accepted.
3. Word timing: for each detail, |start of its first word - detail start| and |end of its
   last word - detail end|: median, 90th percentile and the share within 150 ms (the target).
   Its words are those centred in its span, and (stricter) every word overlapping it at all.
4. Muting and bleeping: for ``--exports`` proposed details (all with ``--all-exports``),
   alternately muted and bleeped (the suggestions' ``suggestion_span``, as the app hides an
   accepted suggestion, on track 0 of a two-track copy of the clip) through ``export_video``.
   Muted: the RMS inside each range (less 50 ms at each edge) must be below -60 dBFS.
   Bleeped: the same window's residual once the 1 kHz tone (least-squares fit) is taken out,
   same target. The filler sentences either side must survive: their RMS change (dB) and
   correlation with the original.
5. Quality outside the ranges: on the re-encoded track 0, the waveform SNR of the export
   against the original outside the ranges (50 ms guard), aligned at time 0 as decoded, and
   the best lag within +-50 ms found by cross-correlation (0: sample-aligned) with the SNR
   there. Baseline: the same clip exported with a 50 ms mute in the leading silence (re-encoded,
   nothing audible hidden), and track 1, which no range touches (copied bit-exact: identical).
   Edge smear: how far (ms, within 500 ms) beyond the ranges' outer edges the export differs
   from the original, in 5 ms windows, by more than -40 dB relative to the clip's speech RMS;
   and counting only windows where that difference is also 6 dB above the baseline
   re-encode's own (what the hiding itself changes, not the codec's noise).
6. A real recording (``../shared/testdata``: the Hamilton clip, speech and music, and the
   Pexels close-up): the real-time factor and the first 30 words (``--no-real`` skips it).

Nothing here is a pass/fail test; each target is printed as met or not.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import numpy.typing as npt

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.core.audio.sound_ranges import RAMP_S
from app.core.audio.speech_audio import load_speech_audio
from app.core.audio.speech_plan import suggestion_span
from app.core.audio.suggestions import Suggestion, suggest
from app.core.audio.transcribe import transcribe_file
from app.core.audio.transcript import Transcript
from app.core.audio.word_search import PAD_S
from app.core.export.video_export import EncodeOptions, export_video
from app.core.media.probe import probe
from app.core.redaction.plan import AudioAction, AudioRange, RedactionPlan
from tests.speech_media import RATE, decoded_track, make_spoken_clip, rms_db, speak

ROOT = Path(__file__).resolve().parents[1]
TESTDATA = ROOT.parent / "shared" / "testdata"
REAL_CLIPS = ["crowds/videos/face_recognition_short_hamilton_clip.mp4",
              "videos/pyfeat_WolfgangLanger_Pexels.mp4"]
VOICES = ["en-gb", "en-us", "en-gb-scotland", "en-gb-x-rp"]
SPEEDS = [140, 180]
PART_GAP_S = 0.05  # between lead-in, detail and tail
SENTENCE_GAP_S = 0.6
EDGE_S = 0.05  # left out at each edge of a range when measuring it
COVER = 0.8  # share of a detail's span the suggestions must cover
HIDDEN_SHARE = 0.95  # share of a detail's span hidden when its suggestions are accepted
TARGET_RTF = 2.0
TARGET_PROPOSED = 0.9
TARGET_TIMING_S = 0.15
TARGET_HIDDEN_DB = -60.0
SMEAR_DB = -40.0
CODEC_MARGIN_DB = 6.0
SMEAR_WINDOW_S = 0.005
SMEAR_SEARCH_S = 0.5
LAG_SEARCH_S = 0.05

FILLERS = [
    "The officer arrived at the scene shortly after ten at night.",
    "We could hear shouting from the flat upstairs.",
    "There was broken glass all over the pavement.",
    "Please stay calm and listen to what I am saying.",
    "The ambulance took about twenty minutes to get here.",
    "I saw two people running towards the park.",
    "Can you tell me what happened this evening?",
    "The door was already open when we got there.",
    "He said he had been drinking in the pub all afternoon.",
    "It was raining quite heavily at the time.",
    "I am going to explain what happens next.",
    "My colleague will take a statement from you later.",
    "The street lights were off along that side of the road.",
    "Nobody else was in the house when it started.",
]


@dataclass(frozen=True)
class Detail:
    kind: str  # the suggestion kind that would be right
    lead: str
    said: str  # the detail itself, as espeak-ng should say it
    tail: str
    given: str = ""  # a name given in the case (passed to suggest)
    group: str = ""  # the row it is counted in (default: kind)

    @property
    def row(self) -> str:
        return self.group or self.kind


DETAILS: list[Detail] = [
    # names given in the case
    Detail("name", "I spoke to", "Sarah Whitfield", "outside the shop.", "Sarah Whitfield",
           "name given"),
    Detail("name", "The man with the dog was", "Mohammed Iqbal", "from next door.",
           "Mohammed Iqbal", "name given"),
    Detail("name", "We were waiting for", "Callum McLeod", "to come back.", "Callum McLeod",
           "name given"),
    Detail("name", "It belongs to", "Priya Chaudhry", "I think.", "Priya Chaudhry",
           "name given"),
    Detail("name", "Then", "Daniel Hughes", "started shouting at us.", "Daniel Hughes",
           "name given"),
    # names not given, after "my name is"
    Detail("name", "My name is", "Gareth Pritchard", "and I live here.", "", "name said"),
    Detail("name", "My name is", "Emma Thompson", "and this is my house.", "", "name said"),
    Detail("name", "Okay, my name is", "Declan Murphy", "and I saw it all.", "", "name said"),
    Detail("name", "My name is", "Aisha Begum", "and I made the call.", "", "name said"),
    Detail("name", "Yes, my name is", "Thomas Fairbairn", "and I am the owner.", "",
           "name said"),
    # postcodes
    Detail("postcode", "My postcode is", "C F ten, three A T", "in Cardiff."),
    Detail("postcode", "The post code is", "S W one A, two A A", "I think."),
    Detail("postcode", "It is", "M one, one A E", "near the station."),
    Detail("postcode", "My postcode is", "B thirty three, eight T H", "and that's it."),
    Detail("postcode", "That's", "L S six, two Q R", "up in Leeds."),
    Detail("postcode", "My post code is", "E H three, nine D G", "in Edinburgh."),
    # phone numbers
    Detail("phone", "My mobile number is", "oh seven seven oh oh, nine double oh, one two three",
           "if you need me."),
    Detail("phone", "You can call me on", "oh one one three, four nine six, oh nine oh nine",
           "at home."),
    Detail("phone", "My phone number is", "oh two oh, seven nine four six, oh one two three",
           "at work."),
    Detail("phone", "Ring me on", "oh seven nine one one, one two three four five six",
           "any time."),
    Detail("phone", "The number is", "oh one six one, four nine six, oh seven seven seven",
           "for the office."),
    Detail("phone", "Her mobile is", "oh seven four oh oh, one two three, four five six",
           "I believe."),
    # dates of birth, said several ways
    Detail("date_of_birth", "My date of birth is", "the fourth of March nineteen eighty",
           "officer."),
    Detail("date_of_birth", "I was born on", "the twelfth of June two thousand and one",
           "in Bristol."),
    Detail("date_of_birth", "Date of birth,", "March the fourth, nineteen eighty",
           "that's right."),
    Detail("date_of_birth", "My date of birth is", "oh four, oh three, eighty", "yes."),
    Detail("date_of_birth", "I was born on", "the twenty third of November nineteen ninety two",
           "in London."),
    Detail("date_of_birth", "His date of birth is", "one, seven, nineteen seventy five",
           "I think."),
    # vehicle registrations
    Detail("registration", "The registration is", "A B one two, C D E", "on a blue Ford."),
    Detail("registration", "The reg is", "L K six eight, X Y Z", "and it's silver."),
    Detail("registration", "The number plate was", "Y R one five, H G V", "I'm sure of it."),
    Detail("registration", "The car was", "B D five one, S M R", "parked on the kerb."),
    Detail("registration", "Registration", "W F seventy, K P N", "a white van."),
    # e-mail addresses
    Detail("email", "My email is", "john dot smith at gmail dot com", "all lower case."),
    Detail("email", "The email address is", "sarah jones eighty two at hotmail dot co dot uk",
           "I think."),
    Detail("email", "You can email me at", "d murphy at outlook dot com", "any time."),
    Detail("email", "Send it to", "info at greenfield garage dot co dot uk", "please."),
    Detail("email", "My e-mail is", "tom dot baker at yahoo dot com", "thanks."),
    # collar numbers
    Detail("collar_number", "My collar number is", "four two seven three", "from Cardiff Bay."),
    Detail("collar_number", "This is PC Jones, collar number", "two one eight nine",
           "speaking."),
    Detail("collar_number", "Shoulder number", "six five one", "attending."),
    Detail("collar_number", "My warrant number is", "three oh nine one two",
           "if you need it."),
    Detail("collar_number", "Sergeant Lewis, collar number", "one one oh four",
           "on the scene."),
    # PNC references
    Detail("pnc", "His PNC ID is", "nineteen stroke four five six seven eight nine B",
           "on the system."),
    Detail("pnc", "The PNC reference is", "twenty two stroke one two three four five six A",
           "for him."),
    Detail("pnc", "PNC shows", "oh five stroke seven seven one two three four C",
           "with a warning."),
    Detail("pnc", "She's on PNC as", "eighteen stroke nine eight seven six five four D",
           "I'm afraid."),
    Detail("pnc", "Check PNC for", "twelve stroke three three four four five five F",
           "please."),
    # spoken digit strings
    Detail("digits", "The crime reference is", "four seven one one nine two three",
           "for your insurance."),
    Detail("digits", "The log reference is", "five five two one nine eight", "from tonight."),
    Detail("digits", "Her account is", "one two three four five six seven eight",
           "at the bank."),
    Detail("digits", "The code on the door was", "nine eight seven six five",
           "I remember that."),
    Detail("digits", "Write down", "three one four one five nine two six", "for me."),
]


@dataclass
class Clip:
    detail: Detail
    voice: str
    speed: int
    samples: npt.NDArray[np.int16]
    span: tuple[float, float]  # the detail itself
    sentence: tuple[float, float]  # the whole detail sentence
    fillers: list[tuple[float, float]]
    path: Path = Path()
    transcript: Transcript | None = None
    suggestions: list[Suggestion] = field(default_factory=list)
    wall_s: float = 0.0
    decode_s: float = 0.0


def silence(seconds: float) -> npt.NDArray[np.int16]:
    return np.zeros(round(seconds * RATE), np.int16)


def build_clip(detail: Detail, voice: str, speed: int, fillers: tuple[str, str]) -> Clip:
    """[filler, lead-in + detail + tail, filler] with 0.5 s of silence at each end."""
    parts = [silence(0.5)]
    now = 0.5
    times: list[tuple[float, float]] = []
    span = (0.0, 0.0)
    for index in range(3):
        if index == 1:
            start = now
            for k, text in enumerate((detail.lead, detail.said, detail.tail)):
                if not text:
                    continue
                said = speak(text, voice, speed)
                if k == 1:
                    span = (now, now + len(said) / RATE)
                parts += [said, silence(PART_GAP_S)]
                now += len(said) / RATE + PART_GAP_S
            now -= PART_GAP_S
            parts.pop()
            times.append((start, now))
        else:
            said = speak(fillers[index // 2], voice, speed)
            times.append((now, now + len(said) / RATE))
            parts.append(said)
            now += len(said) / RATE
        parts.append(silence(SENTENCE_GAP_S if index < 2 else 0.5))
        now += SENTENCE_GAP_S if index < 2 else 0.5
    return Clip(detail, voice, speed, np.concatenate(parts), span, times[1],
                [times[0], times[2]])


def long_track(minutes: float, rng: random.Random) -> npt.NDArray[np.int16]:
    """Sentences (fillers and detail sentences, four voices) with 0.3-12 s of silence."""
    sentences = FILLERS + [f"{d.lead} {d.said} {d.tail}" for d in DETAILS]
    parts = [silence(1.0)]
    total = 1.0
    i = 0
    while total < minutes * 60:
        said = speak(rng.choice(sentences), VOICES[i % len(VOICES)], rng.choice(SPEEDS))
        gap = rng.choice([0.3, 0.5, 0.8, 1.2, 2.0, 4.0]) if i % 9 else rng.uniform(6.0, 12.0)
        parts += [said, silence(gap)]
        total += (len(said) + round(gap * RATE)) / RATE
        i += 1
    return np.concatenate(parts)[:round(minutes * 60 * RATE)]


def timed_transcribe(path: Path) -> tuple[Transcript, float, float]:
    """The transcript, its wall time and the time to decode the sound alone."""
    started = time.perf_counter()
    load_speech_audio(path, 0)
    decode = time.perf_counter() - started
    started = time.perf_counter()
    transcript = transcribe_file(path)
    return transcript, time.perf_counter() - started, decode


def overlap(a: tuple[float, float], b: tuple[float, float]) -> float:
    return max(0.0, min(a[1], b[1]) - max(a[0], b[0]))


def covered(span: tuple[float, float], spans: Iterable[tuple[float, float]]) -> float:
    """Share of ``span`` covered by the union of ``spans``."""
    cut = sorted((max(span[0], a), min(span[1], b)) for a, b in spans if b > span[0] and
                 a < span[1])
    total, reach = 0.0, span[0]
    for a, b in cut:
        if b > reach:
            total += b - max(a, reach)
            reach = b
    return total / max(1e-9, span[1] - span[0])


def proposal(clip: Clip) -> list[tuple[float, float]] | None:
    """The time the app would hide for the suggestions over the detail (``suggestion_span``:
    padded by PAD_S), if the suggestions cover the detail."""
    touching = [s for s in clip.suggestions if overlap((s.start_s, s.end_s), clip.span) > 0]
    if covered(clip.span, [(s.start_s, s.end_s) for s in touching]) < COVER:
        return None
    assert clip.transcript is not None
    return sorted(suggestion_span(clip.transcript, s) for s in touching)


def accepted(clip: Clip) -> list[tuple[float, float]]:
    """The time the app hides when every suggestion touching the detail is accepted."""
    if clip.transcript is None:
        return []
    return [suggestion_span(clip.transcript, s) for s in clip.suggestions
            if overlap((s.start_s, s.end_s), clip.span) > 0]


def timing_errors(clip: Clip, strict: bool = False) -> tuple[float, float] | None:
    """Start and end errors of the detail's words: those centred in its span (``strict``:
    every word overlapping it at all)."""
    a, b = clip.span
    words = [w for w in (clip.transcript.words if clip.transcript else [])
             if (overlap((w.start_s, w.end_s), clip.span) > 0 if strict
                 else a <= (w.start_s + w.end_s) / 2 <= b)]
    if not words:
        return None
    return abs(words[0].start_s - clip.span[0]), abs(words[-1].end_s - clip.span[1])


def pct(values: list[float], q: float) -> float:
    return float(np.percentile(values, q)) if values else float("nan")


def met(ok: bool) -> str:
    return "met" if ok else "NOT met"


def window(x: npt.NDArray[np.float64], span: tuple[float, float],
           rate: int) -> npt.NDArray[np.float64]:
    return x[max(0, round(span[0] * rate)):max(0, round(span[1] * rate))]


def tone_residual(x: npt.NDArray[np.float64], start_s: float, rate: int,
                  hz: float = 1000.0) -> tuple[float, float]:
    """(tone level dBFS, residual dBFS) of ``x`` (from ``start_s``) once a tone is fitted."""
    t = start_s + np.arange(len(x)) / rate
    basis = np.stack([np.sin(2 * np.pi * hz * t), np.cos(2 * np.pi * hz * t)], axis=1)
    coef, *_ = np.linalg.lstsq(basis, x, rcond=None)
    fit = basis @ coef
    return rms_db(fit), rms_db(x - fit)


def best_lag(ref: npt.NDArray[np.float64], x: npt.NDArray[np.float64], rate: int) -> int:
    """The lag (samples, + means ``x`` is late) within +-LAG_SEARCH_S maximising correlation."""
    n = min(len(ref), len(x))
    size = 1 << (2 * n - 1).bit_length()
    corr = np.fft.irfft(np.fft.rfft(x[:n], size) * np.conj(np.fft.rfft(ref[:n], size)), size)
    limit = round(LAG_SEARCH_S * rate)
    lags = np.r_[np.arange(0, limit + 1), np.arange(-limit, 0)]
    values = np.r_[corr[:limit + 1], corr[-limit:]]
    return int(lags[int(np.argmax(values))])


def shifted(x: npt.NDArray[np.float64], lag: int, n: int) -> npt.NDArray[np.float64]:
    """``x`` moved ``lag`` samples earlier, ``n`` long (zeros past its end)."""
    y = x[lag:] if lag >= 0 else np.concatenate([np.zeros(-lag), x])
    return np.concatenate([y, np.zeros(max(0, n - len(y)))])[:n]


def snr_db(ref: npt.NDArray[np.float64], x: npt.NDArray[np.float64],
           mask: npt.NDArray[np.bool_]) -> float:
    noise = float(np.sum((x[mask] - ref[mask]) ** 2))
    signal = float(np.sum(ref[mask] ** 2))
    return float("inf") if noise == 0 else 10 * np.log10(max(signal, 1e-30) / noise)


def smear_ms(diff: npt.NDArray[np.float64], edge_s: float, outward: int, level: float,
             rate: int, codec: npt.NDArray[np.float64] | None = None) -> float:
    """How far (ms) from ``edge_s`` outward (-1 earlier, +1 later) ``diff`` still exceeds
    SMEAR_DB relative to ``level`` (dBFS) in SMEAR_WINDOW_S windows, within SMEAR_SEARCH_S;
    with ``codec`` (the plain re-encode's difference) only where ``diff`` is also louder
    than it by CODEC_MARGIN_DB."""
    step = round(SMEAR_WINDOW_S * rate)
    furthest = 0.0
    for k in range(round(SMEAR_SEARCH_S / SMEAR_WINDOW_S)):
        a = edge_s + outward * k * SMEAR_WINDOW_S
        lo = round(a * rate) if outward > 0 else round(a * rate) - step
        part = diff[max(0, lo):max(0, lo + step)]
        if codec is not None and len(part):
            noise = codec[max(0, lo):max(0, lo + step)]
            if rms_db(part) < rms_db(noise) + CODEC_MARGIN_DB:
                continue
        if len(part) and rms_db(part) - level > SMEAR_DB:
            furthest = (k + 1) * SMEAR_WINDOW_S * 1000
    return furthest


def export_clip(source: Path, out: Path, ranges: list[AudioRange]) -> float:
    frames = probe(source).frame_count
    started = time.perf_counter()
    export_video(source, out, [[] for _ in range(frames)],
                 RedactionPlan(audio_ranges=ranges), 0, options=EncodeOptions(force=True))
    return time.perf_counter() - started


@dataclass
class ExportResult:
    clip: Clip
    action: AudioAction
    hidden: list[tuple[float, float]]
    hidden_db: float = 0.0
    tone_db: float = float("nan")
    filler_db: list[float] = field(default_factory=list)
    filler_corr: list[float] = field(default_factory=list)
    snr0: float = 0.0
    lag: int = 0
    snr_lag: float = 0.0
    base_snr0: float = 0.0
    base_lag: int = 0
    copied_same: bool = False
    smear_orig: tuple[float, float] = (0.0, 0.0)
    smear_base: tuple[float, float] = (0.0, 0.0)
    wall_s: float = 0.0


def measure_export(clip: Clip, action: AudioAction, work: Path) -> ExportResult:
    hidden = proposal(clip)
    assert hidden is not None
    source = make_spoken_clip(work / f"two_{clip.path.stem}.mp4", [clip.samples, clip.samples])
    out = work / f"out_{clip.path.stem}.mp4"
    base = work / f"base_{clip.path.stem}.mp4"
    result = ExportResult(clip, action, hidden)
    result.wall_s = export_clip(source, out, [AudioRange(k + 1, a, b, action, 0, clip.detail.kind)
                                              for k, (a, b) in enumerate(hidden)])
    export_clip(source, base, [AudioRange(1, 0.1, 0.15, AudioAction.MUTE, 0, "baseline")])
    orig, rate = decoded_track(source, 0)
    got, _ = decoded_track(out, 0)
    ref, _ = decoded_track(base, 0)
    n = len(orig)
    got, ref = shifted(got, 0, n), shifted(ref, 0, n)
    result.hidden_db, result.tone_db = -999.0, -999.0
    for a, b in hidden:  # the loudest of the ranges
        inner = (a + EDGE_S, b - EDGE_S)
        if action is AudioAction.MUTE:
            result.hidden_db = max(result.hidden_db, rms_db(window(got, inner, rate)))
        else:
            tone, rest = tone_residual(window(got, inner, rate), inner[0], rate)
            result.tone_db, result.hidden_db = max(result.tone_db, tone), max(result.hidden_db,
                                                                               rest)
    for filler in clip.fillers:
        was, now = window(orig, filler, rate), window(got, filler, rate)
        result.filler_db.append(rms_db(now) - rms_db(was))
        result.filler_corr.append(float(np.corrcoef(was, now)[0, 1]))
    times = np.arange(n) / rate
    outside = np.ones(n, bool)
    for a, b in hidden:
        outside &= (times < a - EDGE_S) | (times > b + EDGE_S)
    result.snr0 = snr_db(orig, got, outside)
    result.lag = best_lag(orig, got, rate)
    result.snr_lag = snr_db(orig, shifted(got, result.lag, n), outside)
    result.base_snr0 = snr_db(orig, ref, outside)
    result.base_lag = best_lag(orig, ref, rate)
    copy_orig, _ = decoded_track(source, 1)
    copy_got, _ = decoded_track(out, 1)
    result.copied_same = bool(len(copy_orig) == len(copy_got) and
                              np.array_equal(copy_orig, copy_got))
    speech = np.concatenate([window(orig, s, rate) for s in [*clip.fillers, clip.sentence]])
    level = rms_db(speech)
    first, last = hidden[0][0] - RAMP_S, hidden[-1][1] + RAMP_S
    diff, codec = got - orig, ref - orig
    result.smear_orig = (smear_ms(diff, first, -1, level, rate),
                         smear_ms(diff, last, +1, level, rate))
    result.smear_base = (smear_ms(diff, first, -1, level, rate, codec),
                         smear_ms(diff, last, +1, level, rate, codec))
    return result


def table(header: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, ["-" * w for w in widths], *rows]:
        print("  ".join(str(c).rjust(w) if i else str(c).ljust(w)
                        for i, (c, w) in enumerate(zip(row, widths, strict=True))))


def section(title: str) -> None:
    print(f"\n== {title}")


def pick(items: list[Clip], count: int) -> list[Clip]:
    """``count`` items spread over the list (so over the kinds)."""
    if count >= len(items):
        return items
    return [items[round(i * (len(items) - 1) / max(1, count - 1))] for i in range(count)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=3.0, help="long clip length")
    parser.add_argument("--exports", type=int, default=6, help="details exported")
    parser.add_argument("--all-exports", action="store_true", help="export every detail")
    parser.add_argument("--no-real", action="store_true", help="skip the real recordings")
    parser.add_argument("--limit", type=int, help="only every Nth detail (a quick look)")
    parser.add_argument("--keep", type=Path, help="write the clips here (else a temp folder)")
    args = parser.parse_args()
    began = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        run(args, work)
    print(f"\nelapsed {time.perf_counter() - began:.0f} s")


def run(args: argparse.Namespace, work: Path) -> None:
    rng = random.Random(18)
    started = time.perf_counter()
    clips: list[Clip] = []
    for i, detail in enumerate(DETAILS):
        if args.limit and i % args.limit:
            continue
        voice, speed = VOICES[i % len(VOICES)], SPEEDS[(i // len(VOICES)) % len(SPEEDS)]
        fillers = (FILLERS[i % len(FILLERS)], FILLERS[(i + 7) % len(FILLERS)])
        clip = build_clip(detail, voice, speed, fillers)
        clip.path = make_spoken_clip(work / f"detail_{i:02d}.mp4", [clip.samples])
        clips.append(clip)
    long_path = make_spoken_clip(work / "long.mp4", [long_track(args.minutes, rng)])
    print(f"{len(clips)} test clips and a {args.minutes:g} min clip generated in "
          f"{time.perf_counter() - started:.0f} s")

    # 1. speed: the first call loads the model
    first = clips[0]
    _, cold, _ = timed_transcribe(first.path)
    first.transcript, first.wall_s, first.decode_s = timed_transcribe(first.path)
    load = cold - first.wall_s
    long_t, long_wall, long_decode = timed_transcribe(long_path)
    for clip in clips[1:]:
        clip.transcript, clip.wall_s, clip.decode_s = timed_transcribe(clip.path)
    for clip in clips:
        names = [clip.detail.given] if clip.detail.given else []
        assert clip.transcript is not None
        clip.suggestions = suggest(clip.transcript, names=names)

    section("1. Transcription speed (transcribe_file, default model; target >= "
            f"{TARGET_RTF:g}x real time)")
    print(f"model load (first call - same call again): {load:.2f} s "
          f"(first call {cold:.2f} s on a {first.transcript.duration_s:.1f} s clip)")
    sound = sum(c.transcript.duration_s for c in clips if c.transcript)
    wall = sum(c.wall_s for c in clips)
    rtfs = [c.transcript.duration_s / c.wall_s for c in clips if c.transcript]
    rows = [[f"long clip ({args.minutes:g} min)", f"{long_t.duration_s:.0f}", f"{long_wall:.1f}",
             f"{long_t.duration_s / long_wall:.1f}x",
             f"{long_t.duration_s / long_wall / TARGET_RTF:.2f}",
             f"{long_wall / long_decode:.0f}", str(len(long_t.words)),
             met(long_t.duration_s / long_wall >= TARGET_RTF)],
            [f"{len(clips)} test clips (all)", f"{sound:.0f}", f"{wall:.1f}",
             f"{sound / wall:.1f}x", f"{sound / wall / TARGET_RTF:.2f}",
             f"{wall / sum(c.decode_s for c in clips):.0f}",
             str(sum(len(c.transcript.words) for c in clips if c.transcript)),
             met(sound / wall >= TARGET_RTF)],
            ["test clip, slowest", "", "", f"{min(rtfs):.1f}x", f"{min(rtfs) / TARGET_RTF:.2f}",
             "", "", met(min(rtfs) >= TARGET_RTF)],
            [f"test clips under {TARGET_RTF:g}x", str(sum(r < TARGET_RTF for r in rtfs)), "", "",
             "", "", "", ""],
            ["test clip, median", "", "", f"{statistics.median(rtfs):.1f}x",
             f"{statistics.median(rtfs) / TARGET_RTF:.2f}", "", "",
             met(statistics.median(rtfs) >= TARGET_RTF)]]
    table(["audio", "sound s", "wall s", "RTF", "/target", "x decode", "words", "target"],
          rows)
    speech_s = sum(b - a for a, b in _speech_spans(long_path))
    print(f"long clip: {speech_s:.0f} s of it is speech (VAD); "
          f"{len(long_t.unheard)} unheard stretch(es)")

    # 2. planted details
    section(f"2. Planted details (proposed: suggestions cover >= {COVER:.0%} of the detail; "
            f"target >= {TARGET_PROPOSED:.0%})")
    detail_rows = []
    by: dict[str, dict[str, list[int]]] = {"kind": defaultdict(lambda: [0, 0, 0, 0]),
                                           "voice": defaultdict(lambda: [0, 0, 0, 0]),
                                           "speed": defaultdict(lambda: [0, 0, 0, 0])}
    false_total = 0
    for i, clip in enumerate(clips):
        span = proposal(clip)
        right = any(s.kind == clip.detail.kind and
                    overlap((s.start_s, s.end_s), clip.span) > 0 for s in clip.suggestions)
        false = [s for s in clip.suggestions
                 if overlap((s.start_s, s.end_s), clip.sentence) <= 0]
        false_total += len(false)
        errors = timing_errors(clip)
        for key, value in (("kind", clip.detail.row), ("voice", clip.voice),
                           ("speed", str(clip.speed))):
            row = by[key][value]
            row[0] += 1
            row[1] += span is not None
            row[2] += right
            row[3] += len(false)
        heard = " ".join(w.text for w in (clip.transcript.words if clip.transcript else [])
                         if overlap((w.start_s, w.end_s), clip.span) > 0)
        detail_rows.append([
            str(i), clip.detail.row, clip.voice, str(clip.speed),
            "yes" if span else "NO", "yes" if right else "no",
            f"{(1 - covered(clip.span, span)) * (clip.span[1] - clip.span[0]) * 1000:.0f}"
            if span else "-", str(len(false)),
            f"{errors[0] * 1000:.0f}" if errors else "-", f"{errors[1] * 1000:.0f}"
            if errors else "-", f"{clip.transcript.duration_s / clip.wall_s:.1f}x"
            if clip.transcript else "-",
            ", ".join(f"{s.kind}" for s in clip.suggestions
                      if overlap((s.start_s, s.end_s), clip.sentence) > 0) or "-",
            heard[:44]])
    table(["#", "detail", "voice", "wpm", "proposed", "kind ok", "audible ms", "false",
           "start ms",
           "end ms", "RTF", "suggested kinds", "heard over the detail"], detail_rows)
    for key, rows_by in by.items():
        print()
        table([key, "details", "proposed", "share", "kind ok", "false proposals"],
              [[name, str(n), str(p), f"{p / n:.0%}", str(k), str(f)]
               for name, (n, p, k, f) in rows_by.items()])
    total = len(clips)
    proposed = sum(proposal(c) is not None for c in clips)
    print(f"\nproposed {proposed}/{total} = {proposed / total:.0%} "
          f"({proposed / total / TARGET_PROPOSED:.2f} of the target): "
          f"{met(proposed / total >= TARGET_PROPOSED)}; false proposals on the fillers: "
          f"{false_total} on {2 * total} filler sentences")
    hidden = sum(covered(c.span, accepted(c)) >= HIDDEN_SHARE for c in clips)
    print(f"hidden if every suggestion touching the detail is accepted (padded spans cover >= "
          f"{HIDDEN_SHARE:.0%} of it): {hidden}/{total} = {hidden / total:.0%}")

    # 3. word timing
    section(f"3. Word timing (|word edge - detail edge|; target within "
            f"{TARGET_TIMING_S * 1000:.0f} ms)")
    rows = []
    for strict in (False, True):
        errs = [e for e in (timing_errors(c, strict) for c in clips) if e is not None]
        for name, values in (("start", [e[0] for e in errs]), ("end", [e[1] for e in errs]),
                             ("both", [max(e) for e in errs])):
            within = sum(v <= TARGET_TIMING_S for v in values) / max(1, len(values))
            rows.append(["any overlap" if strict else "centred in it", name, str(len(values)),
                         f"{pct(values, 50) * 1000:.0f}", f"{pct(values, 90) * 1000:.0f}",
                         f"{max(values, default=0) * 1000:.0f}", f"{within:.0%}",
                         met(pct(values, 90) <= TARGET_TIMING_S)])
    table(["words of the detail", "edge", "details", "median ms", "p90 ms", "max ms",
           "within 150 ms", "target (p90)"], rows)
    missed = [c for c in clips if timing_errors(c) is None]
    print(f"({len(missed)} detail(s) with no word centred in them)")
    short = []
    for c in clips:
        spans = proposal(c)
        if spans is not None:
            short.append((1 - covered(c.span, spans)) * (c.span[1] - c.span[0]))
    print(f"proposed details whose hidden time (suggestion_span: +-{PAD_S:g} s) "
          f"leaves some of the detail audible: {sum(v > 0.001 for v in short)} of "
          f"{len(short)}; audible: median {pct(short, 50) * 1000:.0f} ms, max "
          f"{max(short, default=0) * 1000:.0f} ms")

    # 4 and 5. exports
    chosen = [c for c in clips if proposal(c) is not None]
    chosen = chosen if args.all_exports else pick(chosen, args.exports)
    results = [measure_export(c, AudioAction.MUTE if k % 2 == 0 else AudioAction.BLEEP, work)
               for k, c in enumerate(chosen)]
    section(f"4. Muting and bleeping ({len(results)} exports; inside the range less "
            f"{EDGE_S * 1000:.0f} ms each edge: target < {TARGET_HIDDEN_DB:g} dBFS; bleep: "
            "residual after the tone)")
    rows = []
    for r in results:
        rows.append([str(clips.index(r.clip)), r.clip.detail.row, r.action.value,
                     ", ".join(f"{a:.2f}-{b:.2f}" for a, b in r.hidden), f"{r.hidden_db:.1f}",
                     "" if r.action is AudioAction.MUTE else f"{r.tone_db:.1f}",
                     " / ".join(f"{d:+.2f}" for d in r.filler_db),
                     " / ".join(f"{c:.4f}" for c in r.filler_corr),
                     f"{r.wall_s:.1f}", met(r.hidden_db < TARGET_HIDDEN_DB)])
    table(["#", "detail", "action", "range s", "inside dBFS", "tone dBFS",
           "fillers dB", "fillers corr", "export s", "target"], rows)

    section("5. Sound outside the ranges (track 0 re-encoded; track 1 untouched; SNR "
            f"outside the range +-{EDGE_S * 1000:.0f} ms)")
    rows = []
    for r in results:
        rows.append([str(clips.index(r.clip)), r.action.value, f"{r.snr0:.1f}",
                     f"{r.lag:+d} ({r.lag / RATE * 1000:+.1f} ms)", f"{r.snr_lag:.1f}",
                     f"{r.base_snr0:.1f}", f"{r.base_lag:+d}", f"{r.snr0 - r.base_snr0:+.1f}",
                     "identical" if r.copied_same else "DIFFERS",
                     f"{r.smear_orig[0]:.0f} / {r.smear_orig[1]:.0f}",
                     f"{r.smear_base[0]:.0f} / {r.smear_base[1]:.0f}"])
    table(["#", "action", "SNR@0 dB", "best lag", "SNR@lag dB", "base SNR@0", "base lag",
           "vs base dB", "track 1", "smear ms", "smear > codec ms"], rows)
    print(f"(base: the clip exported with a 50 ms mute in its leading silence, i.e. re-encoded "
          f"only. smear: before / after the ranges, the furthest {SMEAR_WINDOW_S * 1000:.0f} ms "
          f"window within {SMEAR_SEARCH_S * 1000:.0f} ms where export - original is above "
          f"{SMEAR_DB:g} dB relative to the clip's speech RMS; \"> codec\": only windows where "
          f"it is also {CODEC_MARGIN_DB:g} dB above base - original, the re-encode's own noise)")

    if not args.no_real:
        section("6. Real recordings (../shared/testdata)")
        for name in REAL_CLIPS:
            path = TESTDATA / name
            if not path.exists():
                print(f"{name}: absent")
                continue
            t, wall_s, decode_s = timed_transcribe(path)
            print(f"{path.name}: {t.duration_s:.1f} s of sound in {wall_s:.1f} s = "
                  f"{t.duration_s / wall_s:.1f}x real time ({met(t.duration_s / wall_s >= 2)}; "
                  f"decode alone {decode_s:.2f} s), {len(t.words)} words, "
                  f"{len(t.unheard)} unheard, {len(suggest(t))} suggestion(s)")
            print("  first 30 words: " + (" ".join(w.text for w in t.words[:30]) or "(none)"))


def _speech_spans(path: Path) -> list[tuple[float, float]]:
    from app.core.audio.transcribe import _speech  # the same VAD transcribe_file runs

    return _speech(load_speech_audio(path, 0))


if __name__ == "__main__":
    main()
