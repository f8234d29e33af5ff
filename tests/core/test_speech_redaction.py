"""Transcript-driven audio redaction with the real speech model on real (generated) speech:
transcribe, find a planted postcode and phone number, bleep and mute them, export, and check
the sound, the manifest, the audit trail and the transcript as released."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import select

from app.core.audio.speech_plan import suggestion_span
from app.core.audio.suggestions import suggest
from app.core.audio.transcripts import audio_tracks, transcript_for
from app.core.errors import MediaError
from app.core.export.pipeline import redact_footage
from app.core.export.video_export import EncodeOptions
from app.core.library.ingest import ingest_paths
from app.core.redaction import plan_edits
from app.core.redaction.plan import AudioAction, AudioRange, RedactionPlan
from app.core.store.database import Store
from app.core.store.models import AuditEvent
from tests.conftest import allow_unapproved_exports
from tests.speech_media import decoded_track, make_spoken_clip, rms_db, spoken_track

SENTENCES = [
    "Thank you for waiting, I just need a few details.",
    "My postcode is CF10 3AT.",
    "And my phone number is 07700 900123.",
    "That is all I saw that evening, officer.",
]
PAD_S = 0.1  # around the suggested words


def _events(store: Store, action: str) -> list[dict[str, object]]:
    with store.read() as session:
        return [json.loads(e.details) for e in session.scalars(
            select(AuditEvent).where(AuditEvent.action == action))]


@pytest.fixture
def spoken(store: Store, tmp_path: Path) -> tuple[int, Path, list[tuple[float, float]]]:
    samples, times = spoken_track(SENTENCES)
    clip = make_spoken_clip(tmp_path / "spoken.mp4", [samples])
    (result,) = ingest_paths(store, "tester", [clip])
    assert result.footage_id is not None
    return result.footage_id, clip, times


def _overlaps(start: float, end: float, span: tuple[float, float]) -> bool:
    return start < span[1] and end > span[0]


def test_planted_details_are_found_hidden_and_left_out_of_the_released_transcript(
        store: Store, spoken: tuple[int, Path, list[tuple[float, float]]],
        tmp_path: Path) -> None:
    footage_id, clip, times = spoken
    transcript = transcript_for(store, "tester", footage_id)
    assert transcript.model["sha256"] and len(transcript.words) >= 15
    # word times within 150 ms of when each sentence was said
    for (start, end), sentence in zip(times, SENTENCES, strict=True):
        inside = [w for w in transcript.words if _overlaps(w.start_s, w.end_s, (start, end))]
        assert inside, sentence
        assert abs(inside[0].start_s - start) < 0.15 and abs(inside[-1].end_s - end) < 0.15
    # stored and reused: a second request transcribes nothing and audits nothing new
    assert len(_events(store, "transcript.create")) == 1
    again = transcript_for(store, "tester", footage_id)
    assert again.words == transcript.words and len(_events(store, "transcript.create")) == 1

    found = suggest(transcript)
    postcode = [s for s in found if _overlaps(s.start_s, s.end_s, times[1])]
    phone = [s for s in found if _overlaps(s.start_s, s.end_s, times[2])]
    assert postcode and phone, [(s.kind, s.text) for s in found]
    assert not any(_overlaps(s.start_s, s.end_s, times[0]) or
                   _overlaps(s.start_s, s.end_s, times[3]) for s in found)

    bleep = (postcode[0].start_s - PAD_S, postcode[-1].end_s + PAD_S)
    mute = (phone[0].start_s - PAD_S, phone[-1].end_s + PAD_S)
    plan = RedactionPlan(audio_ranges=[
        AudioRange(1, *bleep, action=AudioAction.BLEEP, track=0, label="postcode"),
        AudioRange(2, *mute, action=AudioAction.MUTE, track=0, label="phone number")],
        reasons={"audio:1": "S40 personal data of a third party"})
    allow_unapproved_exports(store)
    result = redact_footage(store, "tester", footage_id, tmp_path / "out.mp4", plan,
                            options=EncodeOptions(force=True))

    original, rate = decoded_track(clip)
    exported, out_rate = decoded_track(result.output)
    assert out_rate == rate

    def part(samples: np.ndarray, a: float, b: float) -> np.ndarray:
        return samples[round(a * rate):round(b * rate)]

    inner = 0.05  # AAC frames spread a little sound over the edges; the ramps lie outside
    silent = part(exported, mute[0] + inner, mute[1] - inner)
    assert rms_db(silent) < -60, rms_db(silent)
    tone = part(exported, bleep[0] + inner, bleep[1] - inner)
    spectrum = np.abs(np.fft.rfft(tone * np.hanning(len(tone))))
    assert abs(np.argmax(spectrum) * rate / len(tone) - 1000) < 20
    assert -18 < rms_db(tone) < -12  # the bleep at -12 dBFS peak
    for start, end in (times[0], times[3]):  # the words either side survive
        before, after = part(original, start, end), part(exported, start, end)
        assert abs(rms_db(after) - rms_db(before)) < 1.0
        assert np.corrcoef(before, after)[0, 1] > 0.95

    manifest = json.loads(result.manifest.read_text(encoding="utf-8"))
    assert manifest["audio"][0]["action"] == "re-encoded (aac) with 2 range(s) hidden"
    assert [a["label"] for a in manifest["plan"]["audio_ranges"]] == ["postcode",
                                                                     "phone number"]
    (released,) = manifest["transcripts"]
    text = released["text"]
    assert "[redacted: S40 personal data of a third party]" in text
    assert "[redacted: phone number]" in text
    kept = [w.text for w in transcript.words  # by either placing of each word
            if not (_overlaps(*w.outer, bleep) or _overlaps(*w.outer, mute))]
    assert len(kept) < len(transcript.words)
    assert re.sub(r"\[redacted: [^]]*\]", " ", text).split() == kept
    assert len(re.findall(r"\[redacted:", text)) == 2
    assert _events(store, "export.create")


def test_a_range_on_one_track_leaves_the_other_track_bit_exact(store: Store,
                                                                tmp_path: Path) -> None:
    first, _ = spoken_track(["The first track says hello."])
    second, times = spoken_track(["The second track has a name, John Smith."])
    clip = make_spoken_clip(tmp_path / "two.mp4", [first, second])
    (item,) = ingest_paths(store, "tester", [clip])
    assert audio_tracks(store, "tester", item.footage_id) == 2
    words = transcript_for(store, "tester", item.footage_id, track=1)
    assert words.audio_track == 1 and "second" in words.text.lower()
    names = suggest(words, ["John Smith"])
    assert any(s.kind == "name" for s in names)
    plan = RedactionPlan(audio_ranges=[AudioRange(1, times[0][0], times[0][1], track=1)])
    allow_unapproved_exports(store)
    result = redact_footage(store, "tester", item.footage_id, tmp_path / "two-out.mp4", plan,
                            options=EncodeOptions(force=True))
    actions = [a["action"] for a in result.stats.audio]
    assert actions == ["copied bit-exact", "re-encoded (aac) with 1 range(s) hidden"]
    # a range on a track the file does not have would hide nothing: refused, not listed
    from app.core.errors import ConflictError
    wrong = RedactionPlan(audio_ranges=[AudioRange(1, times[0][0], times[0][1], track=2)])
    out = tmp_path / "wrong-track.mp4"
    with pytest.raises(ConflictError, match="audio track 3, which this recording does not"):
        redact_footage(store, "tester", item.footage_id, out, wrong, preset="fast",
                       verify=False)
    assert not out.exists() and not list(tmp_path.glob(".wrong-track*"))


def test_a_file_without_sound_says_so(store: Store, tmp_path: Path) -> None:
    clip = make_spoken_clip(tmp_path / "silent-film.mp4", [])
    (item,) = ingest_paths(store, "tester", [clip])
    assert audio_tracks(store, "tester", item.footage_id) == 0
    with pytest.raises(MediaError, match="has no audio track 1 \\(it has 0\\)"):
        transcript_for(store, "tester", item.footage_id)


def _centroid(samples: np.ndarray, rate: int) -> float:
    spectrum = np.abs(np.fft.rfft(samples * np.hanning(len(samples))))
    freqs = np.fft.rfftfreq(len(samples), 1 / rate)
    band = freqs < 4000
    return float((spectrum[band] * freqs[band]).sum() / spectrum[band].sum())


def test_a_disguised_voice_is_lower_still_heard_and_its_words_stay_in_the_transcript(
        store: Store, spoken: tuple[int, Path, list[tuple[float, float]]],
        tmp_path: Path) -> None:
    footage_id, clip, times = spoken
    transcript = transcript_for(store, "tester", footage_id)
    span = times[3]
    plan = RedactionPlan(audio_ranges=[AudioRange(1, span[0] - 0.1, span[1] + 0.1,
                                                  action=AudioAction.DISGUISE, track=0)])
    allow_unapproved_exports(store)
    result = redact_footage(store, "tester", footage_id, tmp_path / "disguised.mp4", plan,
                            options=EncodeOptions(force=True))
    original, rate = decoded_track(clip)
    exported, _ = decoded_track(result.output)
    a, b = round(span[0] * rate), round(span[1] * rate)
    ratio = _centroid(exported[a:b], rate) / _centroid(original[a:b], rate)
    assert 0.65 < ratio < 0.92, ratio  # pitch and formants moved down by about 0.8
    assert abs(rms_db(exported[a:b]) - rms_db(original[a:b])) < 3  # still heard
    a0, b0 = round(times[0][0] * rate), round(times[0][1] * rate)
    assert np.corrcoef(original[a0:b0], exported[a0:b0])[0, 1] > 0.95  # elsewhere unchanged
    manifest = json.loads(result.manifest.read_text(encoding="utf-8"))
    assert "not anonymisation on its own" in manifest["audio"][0]["action"]
    said = [w.text for w in transcript.words if span[0] - 0.1 < w.start_s < span[1] + 0.1]
    assert said and all(w in manifest["transcripts"][0]["text"] for w in said)
    assert "[redacted" not in manifest["transcripts"][0]["text"]


def test_the_disclosure_pack_holds_the_released_transcript(store: Store,
                                                          tmp_path: Path) -> None:
    from app.core.casework.disclosure_pack import build_pack
    from app.core.people.users import resolve_actor
    from tests.conftest import make_approved_export

    samples, times = spoken_track(["I was there all night.", "My postcode is CF10 3AT.",
                                   "Then I went home."])
    clip = make_spoken_clip(tmp_path / "said.mp4", [samples])
    with store.read() as session:
        admin = resolve_actor(session, "tester").name

    def hide_postcode(footage_id: int, plan: RedactionPlan) -> RedactionPlan:
        transcript = transcript_for(store, "officer", footage_id)
        found = [s for s in suggest(transcript) if _overlaps(s.start_s, s.end_s, times[1])]
        assert found
        return plan_edits.add_audio_ranges(
            plan, [suggestion_span(transcript, s) for s in found], AudioAction.BLEEP, 0,
            "postcode", "S40 third party")[0]

    export_id, _folder = make_approved_export(store, tmp_path, admin, video=clip,
                                              prepare=hide_postcode)
    (tmp_path / "packs").mkdir()
    pack = build_pack(store, "officer", export_id, tmp_path / "packs")
    text = pack.record_html
    assert "Transcript as released" in text and "[redacted: S40 third party]" in text
    # the model runs "3AT" on over the pause to "Then", so the padded range takes "Then I
    # went" too (the words' edges found in the sound say so); "home" is left as said
    assert "home." in text.lower() and "3AT" not in text
    assert "bleeped" in text and "whisper-tiny.en" in text


def test_a_transcript_changed_in_the_database_is_refused_not_exported(
        store: Store, spoken: tuple[int, Path, list[tuple[float, float]]],
        tmp_path: Path) -> None:
    """Its words are bound to their audit event (SHA-256): rewritten in the store, they are
    never shown, exported into a manifest or packed (a review found forged words released)."""
    import gzip

    from app.core.audio.transcripts import newest_transcripts
    from app.core.errors import ConflictError, NotFoundError
    from app.core.store.models import TranscriptRecord

    footage_id, _clip, _times = spoken
    transcript = transcript_for(store, "tester", footage_id)
    (event,) = _events(store, "transcript.create")
    assert isinstance(event["sha256"], str) and len(event["sha256"]) == 64
    with store.read() as session:
        assert newest_transcripts(session, footage_id)[0].text == transcript.text
    forged = transcript.as_json()
    forged["words"][0][0] = "Forged"
    with store.transaction() as session:
        record = session.scalars(select(TranscriptRecord)).one()
        record.data = gzip.compress(json.dumps(forged, separators=(",", ":")).encode())
    with pytest.raises(NotFoundError):  # the Speech tab does not show it
        transcript_for(store, "tester", footage_id, only_stored=True)
    from app.core.checks import trail_replay
    with store.read() as session:  # and Verify integrity / bwv audit verify say so
        found = [f"{f.kind}: {f.message}" for f in trail_replay.replay(session).findings]
    assert any(f.startswith("transcripts: The transcript row #") and "was edited" in f
               for f in found), found
    allow_unapproved_exports(store)
    out = tmp_path / "forged.mp4"
    with pytest.raises(ConflictError, match="changed in the database"):
        redact_footage(store, "tester", footage_id, out, RedactionPlan(), preset="fast",
                       verify=False)
    assert not out.exists()
    again = transcript_for(store, "tester", footage_id)  # Transcribe: a sound one is made
    assert again.text == transcript.text and len(_events(store, "transcript.create")) == 2
    result = redact_footage(store, "tester", footage_id, out, RedactionPlan(), preset="fast",
                            verify=False)
    assert result.output.exists()
