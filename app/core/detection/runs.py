"""Storing detection runs so that reopening footage (or redacting it again) needs no re-run.

A stored run is reused only when the preset, the stride, every model's SHA-256 and the
detection code's revision (``DETECTION_REVISION``) match: a run made by an older version of
the detection code (one that found fewer faces, say) is made again, never reused.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.chain.chain_format import canonical_json
from app.core.detection.detector import Detection
from app.core.detection.presets import DEFAULT_PRESET, PRESETS, Preset, preset_from_dict
from app.core.detection.video import DetectionRun, FrameDetections
from app.core.errors import InvalidInputError
from app.core.store.models import DetectionRunRecord, User

# What the detection code does, by number: raised whenever a change to it (app/core/detection;
# the probing, decoding, combing and turning of app/core/media) changes what a run holds
# (boxes, scores, the frames looked at). tests/core/test_detection_revision.py fails until a
# change to that code is recorded, with this number raised or not. Revision 1: 2026-12-07
# (runs made before have none and are made again; a run of a later revision, stored by a
# newer version sharing the store, is not reused either). Revision 2: 2026-12-07, shot cuts
# (the frames on both sides of a cut looked at, nothing carried across, ``cut`` stored);
# 3 and 4: the same day, cuts told more strictly (a picture that comes back is none), the
# fine pass on a shot's and the clip's last frame.
DETECTION_REVISION = 4


def run_settings(preset: Preset, models: list[dict[str, str]], stride: int) -> dict[str, Any]:
    return {"preset": preset.as_dict(), "stride": stride,
            "models": sorted(m["sha256"] for m in models), "revision": DETECTION_REVISION}


def settings_hash(settings: dict[str, Any]) -> str:
    return hashlib.sha256(canonical_json(settings).encode()).hexdigest()


def save_run(session: Session, footage_id: int, run: DetectionRun, stride: int,
             actor: User | None) -> int:
    settings = run_settings(run.preset, run.models, stride)
    payload = gzip.compress(json.dumps(run.as_json(), separators=(",", ":")).encode())
    record = DetectionRunRecord(
        footage_id=footage_id, preset=run.preset.name, settings_sha256=settings_hash(settings),
        settings=settings, frames_detected=sum(1 for f in run.frames if f.detected),
        elapsed_s=run.elapsed_s, data=payload,
        created_by_id=actor.id if actor is not None else None)
    session.add(record)
    session.flush()
    return record.id


def find_run(session: Session, footage_id: int, preset: Preset, models: list[dict[str, str]],
             stride: int) -> tuple[int, DetectionRun] | None:
    """The newest stored run with exactly these settings, or None."""
    record = _newest(session, footage_id, settings_hash(run_settings(preset, models, stride)))
    return None if record is None else (record.id, _read(record, preset))


def has_run(session: Session, footage_id: int, preset: Preset, models: list[dict[str, str]],
            stride: int) -> bool:
    """Whether a run with exactly these settings is stored (nothing of it is read)."""
    return _newest(session, footage_id,
                   settings_hash(run_settings(preset, models, stride))) is not None


def load_run(session: Session, footage_id: int, run_key: str) -> DetectionRun | None:
    """The newest stored run of this footage made with the settings whose hash is
    ``run_key`` (a plan's ``detection_run``), read with the preset it was made with."""
    record = _newest(session, footage_id, run_key)
    return None if record is None else _read(record, _stored_preset(record))


def stored_runs(session: Session, footage_id: int, run_key: str) -> Iterator[DetectionRun]:
    """Every stored run of this footage made with the settings ``run_key``, newest first
    (the footage detected again with the same settings, ``--redetect``, stores another)."""
    records = session.scalars(
        select(DetectionRunRecord)
        .where(DetectionRunRecord.footage_id == footage_id,
               DetectionRunRecord.settings_sha256 == run_key)
        .order_by(DetectionRunRecord.id.desc()))
    for record in records:
        yield _read(record, _stored_preset(record))


def older_code(session: Session, footage_id: int, run_key: str) -> bool:
    """Whether the stored run ``run_key`` of this footage was made by older detection code
    than this version's (``DETECTION_REVISION``): it is never reused."""
    record = _newest(session, footage_id, run_key)
    return record is not None and \
        int((record.settings or {}).get("revision", 0)) < DETECTION_REVISION


def _newest(session: Session, footage_id: int, digest: str) -> DetectionRunRecord | None:
    return session.scalars(
        select(DetectionRunRecord)
        .where(DetectionRunRecord.footage_id == footage_id,
               DetectionRunRecord.settings_sha256 == digest)
        .order_by(DetectionRunRecord.id.desc()).limit(1)).first()


def _read(record: DetectionRunRecord, preset: Preset) -> DetectionRun:
    return run_from_json(json.loads(gzip.decompress(record.data)), preset)


def run_from_json(data: dict[str, Any], preset: Preset) -> DetectionRun:
    run = DetectionRun(data["source"], data["width"], data["height"], data["rotation"],
                       preset, data["models"])
    for f in data["frames"]:
        text, heads, people = ([Detection(b["x"], b["y"], b["w"], b["h"], b["score"],
                                          b["detector"]) for b in f.get(kind, [])]
                               for kind in ("text", "heads", "people"))
        run.frames.append(FrameDetections(
            f["index"], f["pts"],
            [Detection(b["x"], b["y"], b["w"], b["h"], b["score"], b.get("detector", ""))
             for b in f["boxes"]], f.get("detected", True), float(f.get("camera", 0.0)),
            text, heads, people, bool(f.get("cut", False))))
    return run


# What a run's tracks depend on besides its boxes: the edge drop and the thresholds that
# tell an unsure box from a firm one (Preset.firm). A stored run read with today's preset
# keeps its own, where they are numbers.
_LINKING = ("edge_drop", "quick_threshold", "fine_threshold", "fine_second_threshold",
            "mediapipe_threshold")


def _stored_preset(record: DetectionRunRecord) -> Preset:
    """The preset the run was made with, as stored (a preset of the same name may have been
    re-tuned since); the current one of that name if the stored one cannot be read, with
    the stored tracker rules (1 where none are stored), edge drop, dark look and turned
    looks (0 where none) and thresholds, so its tracks keep their numbers."""
    stored = dict(record.settings.get("preset", {}))
    try:
        return preset_from_dict(stored)
    except (InvalidInputError, TypeError, ValueError):
        current = PRESETS.get(record.preset) or PRESETS[DEFAULT_PRESET]
        rules = stored.get("tracker_rules", 1)
        kept = {key: stored.get(key, 0.0 if key == "edge_drop" else getattr(current, key))
                for key in _LINKING}
        kept["dark_look"] = stored.get("dark_look", 0.0)  # what it recorded looking with
        kept["turned_look_s"] = stored.get("turned_look_s", 0.0)
        numbers: dict[str, Any] = {key: value for key, value in kept.items()
                                   if isinstance(value, float | int)
                                   and not isinstance(value, bool)}
        return replace(current, tracker_rules=rules if rules in (1, 2, 3, 4) else 1, **numbers)
