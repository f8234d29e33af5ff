"""Transcripts per footage item and audio track: made once, stored, reused while the speech
model and settings match; every new transcript is audited."""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.audio.speech_audio import audio_track_count
from app.core.audio.speech_model import SpeechModel, default_model
from app.core.audio.transcribe import transcribe_file, transcript_settings
from app.core.audio.transcript import Transcript
from app.core.case_state.names import names_to_find
from app.core.case_state.status import get_case
from app.core.chain.chain_format import canonical_json
from app.core.errors import QT_TRANSLATE_NOOP, ConflictError, NotFoundError
from app.core.library.footage import present_original
from app.core.people.permissions import Permission
from app.core.people.users import check_actor, resolve_actor
from app.core.progress import CancelToken, ProgressFn, no_progress
from app.core.store import audit
from app.core.store.database import Store
from app.core.store.models import AuditEvent, TranscriptRecord

log = logging.getLogger(__name__)


def audio_tracks(store: Store, actor_name: str, footage_key: str | int) -> int:
    """How many audio tracks the footage's original has (0: no audio)."""
    return audio_track_count(_source(store, actor_name, footage_key)[1])


def transcript_for(store: Store, actor_name: str, footage_key: str | int, track: int = 0,
                   *, model: SpeechModel | None = None, reuse: bool = True,
                   only_stored: bool = False, progress: ProgressFn = no_progress,
                   cancel: CancelToken | None = None) -> Transcript:
    """The transcript of audio track ``track``: the stored one when model and settings match,
    otherwise made now (needs the redact permission), stored and audited.

    With ``only_stored`` nothing is transcribed: NotFoundError when none is stored."""
    model = model or default_model()
    footage_id, source, digest = _source(store, actor_name, footage_key)
    key = _settings_hash(model)
    if reuse:
        with store.read() as session:
            found = _newest(session, footage_id, track, key)
        if found is not None:
            return found
    if only_stored:
        raise NotFoundError(QT_TRANSLATE_NOOP(
            "CoreMessages", "Footage #{number} has no stored transcript of audio track "
            "{track}."), number=footage_id, track=track + 1)
    check_actor(store, actor_name, Permission.REDACT,
                QT_TRANSLATE_NOOP("CoreMessages", "transcribe speech"))
    made = transcribe_file(source, track, model, progress, cancel)
    transcript = Transcript.from_json(made.as_json())  # exactly what is stored (rounded)
    raw = json.dumps(transcript.as_json(), separators=(",", ":")).encode()
    with store.transaction() as session:
        actor = resolve_actor(session, actor_name)
        record = TranscriptRecord(
            footage_id=footage_id, audio_track=track, model_name=model.name,
            settings_sha256=key, settings=transcript_settings(model),
            words=len(transcript.words), elapsed_s=transcript.elapsed_s,
            data=gzip.compress(raw), created_by_id=actor.id)
        session.add(record)
        session.flush()
        audit.record(session, actor.name, "transcript.create", "footage", footage_id, {
            "transcript_id": record.id, "audio_track": track, "model": model.describe(),
            "words": len(transcript.words), "elapsed_s": round(transcript.elapsed_s, 2),
            "source_sha256": digest, "sha256": hashlib.sha256(raw).hexdigest()},
            footage_id=footage_id)
    return transcript


def case_names(store: Store, actor_name: str, case_ref: str | None) -> list[str]:
    """Names the case gives, proposed wherever they are said: its requester's, then the
    names to find kept with it (``cases.set_names_to_find``)."""
    if not case_ref:
        return []
    check_actor(store, actor_name, Permission.VIEW,
                QT_TRANSLATE_NOOP("CoreMessages", "see footage"))
    with store.read() as session:
        case = get_case(session, case_ref)
        name = case.requester_name.strip()
        others = names_to_find(case)
    return ([name] if name else []) + others


def stored_transcript(session: Session, footage_id: int, track: int,
                      model: SpeechModel | None = None) -> Transcript | None:
    """The newest stored transcript of that track made with ``model`` (default: the
    default model), or None."""
    return _newest(session, footage_id, track, _settings_hash(model or default_model()))


def newest_transcripts(session: Session, footage_id: int) -> list[Transcript]:
    """The newest stored transcript of each audio track of the footage (any model)."""
    records = session.scalars(select(TranscriptRecord)
                              .where(TranscriptRecord.footage_id == footage_id)
                              .order_by(TranscriptRecord.id.desc())).all()
    newest: dict[int, TranscriptRecord] = {}
    for record in records:
        newest.setdefault(record.audio_track, record)
    return [_read(session, newest[t]) for t in sorted(newest)]


def _source(store: Store, actor_name: str, footage_key: str | int) -> tuple[int, Path, str]:
    item = present_original(store, actor_name, footage_key)
    return item.id, Path(item.original_path), item.sha256


def _settings_hash(model: SpeechModel) -> str:
    return hashlib.sha256(canonical_json(transcript_settings(model)).encode()).hexdigest()


def _newest(session: Session, footage_id: int, track: int, key: str) -> Transcript | None:
    """The newest stored transcript to reuse; one changed in the database is passed over
    (logged; Verify integrity reports it), so transcribing again makes a sound one."""
    for record in session.scalars(
            select(TranscriptRecord)
            .where(TranscriptRecord.footage_id == footage_id,
                   TranscriptRecord.audio_track == track,
                   TranscriptRecord.settings_sha256 == key)
            .order_by(TranscriptRecord.id.desc())):
        try:
            return _read(session, record)
        except ConflictError:
            log.warning("transcript #%s of footage #%s was changed in the database; not "
                        "used", record.id, footage_id)
    return None


def _read(session: Session, record: TranscriptRecord) -> Transcript:
    """The stored words, once they are the words its audit event recorded (the SHA-256 in
    ``transcript.create``; events from before it was recorded carry none): a transcript
    edited in the database is refused, never shown, exported or packed."""
    raw, sha = stored_words(record)
    if recorded_sha256(session, record) not in (None, sha):
        raise ConflictError(CHANGED, number=record.footage_id, track=record.audio_track + 1,
                            transcript=record.id)
    return Transcript.from_json(json.loads(raw))


def stored_words(record: TranscriptRecord) -> tuple[bytes, str]:
    """A stored transcript's words (its JSON) and their SHA-256, as ``transcript.create``
    records it."""
    raw = gzip.decompress(record.data)
    return raw, hashlib.sha256(raw).hexdigest()


CHANGED = QT_TRANSLATE_NOOP(
    "CoreMessages", "The stored transcript #{transcript} of footage #{number}, audio track "
    "{track}, is not what was recorded when it was made (its SHA-256 in the audit trail): it "
    "was changed in the database. Nothing of it is used; report it, and transcribe the track "
    "again (Transcribe, or bwv transcribe).")


def recorded_sha256(session: Session, record: TranscriptRecord) -> str | None:
    """The SHA-256 of the stored words that the transcript's ``transcript.create`` event
    recorded (None: an event from before it was recorded). A transcript with no such event
    at all was not made by this application: refused."""
    for details in session.scalars(select(AuditEvent.details).where(
            AuditEvent.footage_id == record.footage_id,  # (indexed)
            AuditEvent.action == "transcript.create")):
        data = json.loads(details)
        if data.get("transcript_id") == record.id:
            if data.get("audio_track") != record.audio_track:  # relabelled to another track
                break
            return str(data["sha256"]) if "sha256" in data else None
    raise ConflictError(CHANGED, number=record.footage_id, track=record.audio_track + 1,
                        transcript=record.id)
