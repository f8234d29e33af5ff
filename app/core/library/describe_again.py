"""Describing footage again: what today's probe says of an original ingested earlier.

Ingest records what the probe of its day found (frame count, duration, rate, size, codecs,
warnings), and everything after reads those facts. When the probe learns, footage ingested
before keeps the old description: a file cut from a recorder's stream part-way through a
group of pictures, ingested before 2026-12-06, has frames counted that no decoder gives, so
its detection stops ("decoded 60 frames but 66 were recorded at ingest"). Such a file
cannot be ingested again (the same hash is the same footage). :func:`describe_again`
hashes the original (refused if it changed since ingest), probes it again and changes the
description where the probe now says otherwise, audited (``footage.describe``: each fact
changed, old and new). What identifies the footage (hash, size, path) never changes, nor do
its recording time, device and officer ids; stored detection runs of another frame count or
size are not reused (``analysis.analyse``); footage with a saved redaction plan is not
described again where its frames would change under the plan (``FRAMED``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from app.core.errors import QT_TRANSLATE_NOOP, ConflictError
from app.core.library.footage import get_footage, lock_footage, require_present
from app.core.library.ingest import media_metadata
from app.core.media.hashing import sha256_file
from app.core.media.probe import MediaInfo, probe
from app.core.people.permissions import Permission
from app.core.people.users import check_actor, resolve_actor
from app.core.progress import CancelToken, ProgressFn, no_progress
from app.core.store import audit
from app.core.store.database import Store
from app.core.store.models import RedactionPlanRecord

# The facts of a footage row that come from the probe (ingest._ingest_one sets them)
DESCRIBED = ("container", "video_codec", "audio_codecs", "width", "height", "rotation", "fps",
             "variable_frame_rate", "frame_count", "duration_s", "audio_streams")
# Facts a plan's frame numbers and boxes were made on: a plan made before they change
# would no longer fit the pictures, so they are not changed under one
FRAMED = frozenset({"frame_count", "fps", "width", "height", "rotation"})
PLANNED = QT_TRANSLATE_NOOP(
    "CoreMessages", "Footage #{number} has a saved redaction plan, whose frame numbers and "
    "boxes were made on its present description; describing it again would change its "
    "frames or picture size, so it is not described again.")
CHANGED = QT_TRANSLATE_NOOP(
    "CoreMessages", "{path}: the original has changed since it was ingested (its SHA-256 "
    "differs); it is not described again.")


@dataclass(frozen=True)
class Described:
    """What describing footage again changed: each fact's old and new value (none: the
    description stood)."""

    footage_id: int
    changes: dict[str, list[Any]]


def described(info: MediaInfo) -> dict[str, Any]:
    """The footage row's facts as ``info`` gives them (``DESCRIBED`` and the metadata)."""
    facts: dict[str, Any] = {name: getattr(info, name) for name in DESCRIBED}
    facts["media_metadata"] = media_metadata(info)
    return facts


def describe_again(store: Store, actor_name: str, key: str | int,
                   progress: ProgressFn = no_progress,
                   cancel: CancelToken | None = None) -> Described:
    """Probe footage ``key``'s original again and record what changed (see the module)."""
    check_actor(store, actor_name, Permission.INGEST,
                QT_TRANSLATE_NOOP("CoreMessages", "describe footage again"))
    with store.read() as session:
        item = get_footage(session, key)
        require_present(item)
        footage_id, path, digest = item.id, Path(item.original_path), item.sha256
    if sha256_file(path, progress, cancel) != digest:
        raise ConflictError(CHANGED, path=path)
    facts = described(probe(path, cancel))
    with store.transaction() as session:
        actor = resolve_actor(session, actor_name)
        footage = lock_footage(session, footage_id)
        require_present(footage)  # (retention may have deleted it meanwhile)
        changes = {name: [getattr(footage, name), value] for name, value in facts.items()
                   if getattr(footage, name) != value}
        if set(changes) & FRAMED and session.scalar(select(func.count()).where(
                RedactionPlanRecord.footage_id == footage_id)):
            raise ConflictError(PLANNED, number=footage_id)
        for name, (_old, value) in changes.items():
            setattr(footage, name, value)
        if changes:
            audit.record(session, actor.name, "footage.describe", "footage", footage_id, {
                "sha256": digest, "changes": {
                    name: ([notes(old, new), notes(new, old)] if name == "media_metadata"
                           else [old, new]) for name, (old, new) in changes.items()}},
                footage_id=footage_id)
    return Described(footage_id, changes)


def notes(metadata: Any, other: Any = None) -> dict[str, Any]:
    """Of a footage's media metadata, what the trail records when it changes: the state of
    its timestamps, its warnings, and whether its tags differ from ``other``'s."""
    data = metadata if isinstance(metadata, dict) else {}
    then = other if isinstance(other, dict) else {}
    tags = {k: v for k, v in data.items() if k not in ("timestamps", "warnings")}
    return {"timestamps": data.get("timestamps"), "warnings": data.get("warnings", []),
            "tags_differ": tags != {k: v for k, v in then.items()
                                    if k not in ("timestamps", "warnings")}}
