"""Speech model packs: refused until an administrator approves their hash list, used once
approved, refused again when a file changes; the built-in model refuses a changed file."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from app.core.audio.model_pack import approve_pack, configured_model, read_pack
from app.core.audio.speech_model import DEFAULT_FILES, SpeechModel, default_model
from app.core.audio.transcribe import transcribe_file
from app.core.errors import InvalidInputError, PermissionDeniedError
from app.core.people.users import add_user, resolve_actor
from app.core.settings import Settings
from app.core.store.database import Store
from app.core.store.models import AuditEvent, Role
from tests.speech_media import make_spoken_clip, spoken_track


def _pack(folder: Path, name: str = "Force pack (tiny.en copy)") -> Path:
    folder.mkdir()
    source = default_model().folder
    (folder / "MODEL.json").write_text(json.dumps({"name": name, "language": "en"}))
    lines = []
    for file in [*DEFAULT_FILES, "MODEL.json"]:
        if file != "MODEL.json":
            shutil.copy(source / file, folder / file)
        lines.append(f"{hashlib.sha256((folder / file).read_bytes()).hexdigest()}  {file}")
    (folder / "SHA256SUMS").write_text("\n".join(lines) + "\n")
    return folder


def test_a_pack_is_used_only_once_approved_and_unchanged(store: Store, tmp_path: Path) -> None:
    pack = _pack(tmp_path / "pack")
    settings = Settings(speech_model_folder=str(pack))
    with pytest.raises(InvalidInputError, match="not approved for this store"):
        configured_model(store, settings)
    with store.transaction() as session:
        admin = resolve_actor(session, "tester")  # the store's first user: its administrator
        add_user(session, admin, "pc.jones", Role.DISCLOSURE_OFFICER)
    with store.transaction() as session, pytest.raises(PermissionDeniedError):
        approve_pack(session, resolve_actor(session, "pc.jones"), pack)
    with store.transaction() as session:
        digest = approve_pack(session, resolve_actor(session, "tester"), pack)
    assert digest == hashlib.sha256((pack / "SHA256SUMS").read_bytes()).hexdigest()
    with store.read() as session:
        change = session.scalars(select(AuditEvent).where(
            AuditEvent.action == "policy.change").order_by(AuditEvent.seq.desc())).first()
    assert change is not None and digest in change.details

    model = configured_model(store, settings)
    assert model.name == "Force pack (tiny.en copy)"
    samples, _ = spoken_track(["Testing the force's own speech model."])
    clip = make_spoken_clip(tmp_path / "said.mp4", [samples])
    transcript = transcribe_file(clip, 0, model)
    assert transcript.model["name"] == model.name and "model" in transcript.text.lower()

    (pack / "preprocessor_config.json").write_text('{"hop_length": 640}')  # read if present
    with pytest.raises(InvalidInputError, match=r"preprocessor_config\.json, which its hash"):
        configured_model(store, settings).verify()
    (pack / "preprocessor_config.json").unlink()
    (pack / "MODEL.json").write_text(json.dumps({"name": "Force pack", "language": "cy"}))
    with pytest.raises(InvalidInputError, match=r"MODEL\.json is not the approved one"):
        configured_model(store, settings).verify()  # its language was part of the approval
    (pack / "MODEL.json").write_text(json.dumps({"name": "Force pack (tiny.en copy)",
                                                 "language": "en"}))
    configured_model(store, settings).verify()
    with (pack / "vocabulary.txt").open("a") as f:  # changed after approval
        f.write("tampered\n")
    with pytest.raises(InvalidInputError, match="not the approved one"):
        configured_model(store, settings).verify()


def test_a_malformed_pack_and_a_changed_built_in_file_are_clear_errors(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(InvalidInputError, match="is not a speech model pack"):
        read_pack(tmp_path / "empty")
    pack = _pack(tmp_path / "pack")
    (pack / "SHA256SUMS").write_text("not a hash line\n")
    with pytest.raises(InvalidInputError, match="is not '<sha256>  <file name>'"):
        read_pack(pack)
    changed = tmp_path / "builtin"
    shutil.copytree(default_model().folder, changed)
    (changed / "config.json").write_text("{}")
    with pytest.raises(InvalidInputError, match=r"config\.json is not the approved one"):
        SpeechModel("copy", changed, dict(DEFAULT_FILES)).verify()


def test_a_batch_transcription_uses_the_approved_pack(store: Store, tmp_path: Path) -> None:
    """A transcribe job run by `bwv worker` used the built-in model where `bwv transcribe`
    used the computer's approved pack (a Welsh pack's footage came back in English; found by
    a read-only hunt). The job takes the same model."""
    from app.core.audio.transcripts import transcript_for
    from app.core.jobs.queue import JobKind, claim, queue_jobs
    from app.core.jobs.runner import run_job
    from app.core.library.ingest import ingest_paths
    from app.core.settings import save_settings

    pack = _pack(tmp_path / "pack", "Force pack for batch")
    save_settings(Settings(speech_model_folder=str(pack)))
    with store.transaction() as session:
        approve_pack(session, resolve_actor(session, "tester"), pack)
    samples, _ = spoken_track(["The batch uses the force's model."])
    (item,) = ingest_paths(store, "tester", [make_spoken_clip(tmp_path / "b.mp4", [samples])])
    with store.transaction() as session:
        queue_jobs(session, resolve_actor(session, "tester"), [item.footage_id],
                   JobKind.TRANSCRIBE)
    job = claim(store, "here", "tester")
    assert job is not None
    run_job(store, "tester", job, "here")
    stored = transcript_for(store, "tester", item.footage_id, 0, only_stored=True,
                            model=configured_model(store, Settings(speech_model_folder=str(pack))))
    assert stored.model["name"] == "Force pack for batch"
