"""Offline speech-to-text with word timings (faster-whisper on CTranslate2, on the CPU).

Voice-activity detection (Silero VAD, inside the faster-whisper wheel) runs first, so
silence costs next to nothing. The model files are checked against their SHA-256 before
loading; nothing is fetched from a network (``local_files_only``).
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from app.core.audio.forced_alignment import align_words, describe
from app.core.audio.speakers import speakers_of
from app.core.audio.speech_audio import RATE, load_speech_audio
from app.core.audio.speech_model import SpeechModel, default_model
from app.core.audio.transcript import Transcript, Word
from app.core.audio.word_timing import MAX_WORD_S, refine, to_pauses, untranscribed
from app.core.progress import CancelToken, ProgressFn, no_progress

SETTINGS: dict[str, Any] = {"beam_size": 5, "vad_filter": True, "compute_type": "int8",
                            "word_timestamps": True, "refined": 5,  # bump when words change
                            "speakers": 1,  # ... or when speakers are told apart otherwise
                            # fewer retries when the model loops (spelled-out e-mail
                            # addresses): three tries, not six
                            "temperatures": (0.0, 0.4, 0.8),
                            # the retries sample at random: from this seed, in a model
                            # loaded for the one file, so a file gives the same words
                            # each time it is transcribed
                            "seed": 0}

log = logging.getLogger(__name__)
CONTEXT_S = 0.3  # sound either side of an untranscribed stretch given to the model again


def transcribe_file(path: Path, track: int = 0, model: SpeechModel | None = None,
                    progress: ProgressFn = no_progress,
                    cancel: CancelToken | None = None) -> Transcript:
    """The words on audio track ``track`` of ``path``; progress is in seconds of sound."""
    model = model or default_model()
    started = time.perf_counter()
    samples = load_speech_audio(path, track, cancel)
    duration = len(samples) / RATE
    whisper = _whisper(model)  # for this file only: its sampling starts from the seed
    total = max(1, round(duration))
    progress(0, total)
    words = _words(whisper, model, samples, 0.0, True, cancel,
                   lambda t: progress(min(total, round(t)), total))
    speech = _speech(samples)
    words = refine(_untangle(words), samples, RATE)
    for start, end in untranscribed(words, speech, samples, RATE):  # again, on their own
        a, b = max(0.0, start - CONTEXT_S), min(duration, end + CONTEXT_S)
        more = _words(whisper, model, samples[round(a * RATE):round(b * RATE)], a, False,
                      cancel, lambda t: None)
        words += [w for w in more if start <= (w.start_s + w.end_s) / 2 <= end]
    words = refine(_untangle(words), samples, RATE)
    made_by = model.describe()
    if model.language == "en":  # the aligner's model is English (not a detected language)
        try:
            words = to_pauses(align_words(words, samples, RATE, cancel), samples, RATE)
            made_by["word_edges"] = describe()
        except (ImportError, OSError, RuntimeError) as exc:  # no aligner (a broken install):
            log.warning("word edges not aligned: %s", exc)  # the speech model's edges stand
    unheard = [(round(a, 3), round(b, 3))
               for a, b in untranscribed(words, speech, samples, RATE)]
    if cancel is not None:
        cancel.check()
    by_word, by_stretch = speakers_of(words, unheard, samples, RATE)
    progress(total, total)
    return Transcript(audio_track=track, words=words, language=model.language or "en",
                      model=made_by, duration_s=duration,
                      elapsed_s=time.perf_counter() - started, unheard=unheard,
                      speakers=by_word, unheard_speakers=by_stretch)


def _words(whisper: Any, model: SpeechModel, samples: npt.NDArray[np.float32], offset: float,
           vad: bool, cancel: CancelToken | None,
           reached: Callable[[float], None]) -> list[Word]:
    segments, _info = whisper.transcribe(
        samples, language=model.language or None, beam_size=SETTINGS["beam_size"],
        vad_filter=vad, word_timestamps=True, condition_on_previous_text=False,
        temperature=SETTINGS["temperatures"])
    words: list[Word] = []
    for segment in segments:  # a generator: the model runs as segments are taken
        if cancel is not None:
            cancel.check()
        for w in segment.words or []:
            text = w.word.strip()
            if text:
                words.append(Word(text, offset + float(w.start), offset + float(w.end),
                                  float(w.probability)))
        reached(offset + float(segment.end))
    return words


def _speech(samples: npt.NDArray[np.float32]) -> list[tuple[float, float]]:
    """Where someone speaks (Silero VAD, the model inside the faster-whisper wheel)."""
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    found = get_speech_timestamps(samples, VadOptions(min_silence_duration_ms=300,
                                                      speech_pad_ms=30))
    return [(c["start"] / RATE, c["end"] / RATE) for c in found]


def _untangle(words: list[Word]) -> list[Word]:
    """In time order; a word runs at most to the next one's start and MAX_WORD_S long."""
    words = sorted(words, key=lambda w: w.start_s)
    out = []
    for i, w in enumerate(words):
        end = min(w.end_s, w.start_s + MAX_WORD_S)
        if i + 1 < len(words):
            end = min(end, max(w.start_s, words[i + 1].start_s))
        out.append(replace(w, end_s=end))
    return out


def transcript_settings(model: SpeechModel) -> dict[str, Any]:
    """What decides a transcript's words: reused only while all of it matches."""
    return {"model": model.describe(), "language": model.language, **SETTINGS}


def _whisper(model: SpeechModel) -> Any:
    """The speech model loaded afresh (about 0.5 s), its random sampling seeded.

    A retry at a temperature above 0 samples words at random. CTranslate2 seeds each of its
    threads' generators once, when the thread first samples, and they run on from there; so
    a model kept loaded between files hears a hard file differently each time (measured: a
    spelled-out e-mail address heard three ways in three runs). A model loaded for one file,
    after the seed is set, hears it the same way every time on the same computer (the
    number of threads and the processor's instructions decide the arithmetic, so another
    computer may differ).
    """
    model.verify()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never ask a model hub for anything
    import ctranslate2  # heavy: loaded on first use only
    from faster_whisper import WhisperModel

    ctranslate2.set_random_seed(SETTINGS["seed"])
    return WhisperModel(str(model.folder), device="cpu", compute_type=SETTINGS["compute_type"],
                        cpu_threads=os.cpu_count() or 2, local_files_only=True)
