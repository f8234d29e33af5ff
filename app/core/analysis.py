"""Detection and tracking of one footage item (a stored run reused when its settings match):
what the redaction workspace shows and what an export redacts. Knows nothing of exports."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from app.core.detection.detector import preset_models
from app.core.detection.presets import Preset, get_preset
from app.core.detection.runs import find_run, run_settings, save_run, settings_hash
from app.core.detection.video import DetectionRun, detect_video, stride_for
from app.core.errors import QT_TRANSLATE_NOOP, InvalidInputError, MediaError, NotFoundError
from app.core.library.footage import present_original
from app.core.people.permissions import Permission
from app.core.people.users import check_actor, resolve_actor
from app.core.progress import CancelToken, no_progress
from app.core.store import audit
from app.core.store.database import Store
from app.core.tracking.review import ReviewRange, grouped, review_ranges, stretch_gap
from app.core.tracking.tracker import Track, TrackerSettings, build_tracks
from app.core.tracking.tracks_digest import tracks_sha256

StageFn = Callable[[str, int, int], None]
"""``stage(name, done, total)``: name is hash, detect, export or export_check (writing the
export and checking every frame, the default)."""


def no_stage(name: str, done: int, total: int) -> None:
    no_progress(done, total)


@dataclass
class Analysis:
    """Detection + tracking of one footage item: what the workspace and the export use."""

    footage_id: int
    source: Path
    frame_count: int
    fps: float
    width: int
    height: int
    rotation: int
    run: DetectionRun
    run_id: int
    reused: bool
    stride: int
    run_key: str  # settings hash: the run the track numbers belong to
    tracks: list[Track]
    review: list[ReviewRange]
    tracker: TrackerSettings = field(default_factory=TrackerSettings)
    # the tracks' digest (tracks_digest): which tracks the numbers are, built from that run
    tracks_key: str = ""

    def __post_init__(self) -> None:
        if not self.tracks_key:
            self.tracks_key = tracks_sha256(self.tracks)


def analyse(store: Store, actor_name: str, footage_key: str | int, preset: Preset | str,
            *, stride: int | None = None, reuse: bool = True, stage: StageFn = no_stage,
            cancel: CancelToken | None = None,
            tracker: TrackerSettings | None = None, only_stored: bool = False) -> Analysis:
    """Detection (stored run reused when its settings match) and tracking for one footage.

    With ``only_stored`` nothing is detected: NotFoundError when no stored run matches.
    """
    preset = get_preset(preset) if isinstance(preset, str) else preset
    item = present_original(store, actor_name, footage_key)
    step = stride_for(preset, item.fps, stride)
    limit = max(1, round(item.fps or 25))
    if not 1 <= step <= limit:
        raise InvalidInputError(QT_TRANSLATE_NOOP(
            "CoreMessages", "Stride {stride} is out of range: detect on at least one "
            "frame per second (1 to {limit} for this footage)."), stride=step, limit=limit)
    footage_id, source, frame_count, fps = item.id, Path(item.original_path), \
        item.frame_count, item.fps
    width, height, rotation, digest = item.width, item.height, item.rotation, item.sha256
    models = preset_models(preset)
    found = None
    if reuse:
        with store.read() as session:
            found = find_run(session, footage_id, preset, models, step)
    if found is not None and (len(found[1].frames), found[1].width, found[1].height,
                              found[1].rotation) != (frame_count, width, height, rotation):
        found = None  # made before the footage was described again (describe_again)
    if found is not None:
        run_id, run = found
        reused = True
    elif only_stored:
        raise NotFoundError(QT_TRANSLATE_NOOP(
            "CoreMessages", "Footage #{number} has no stored detection run for the {preset} "
            "preset."), number=footage_id, preset=preset.name)
    else:
        check_actor(store, actor_name, Permission.REDACT,
                    QT_TRANSLATE_NOOP("CoreMessages", "detect faces"))
        run = detect_video(source, preset, stride=step, cancel=cancel,
                           progress=lambda d, t: stage("detect", d, t))
        if len(run.frames) != frame_count:
            raise MediaError(QT_TRANSLATE_NOOP(
                "CoreMessages", "{path}: decoded {decoded} frames but {recorded} were "
                "recorded at ingest. Either the file has changed (verify it), or an older "
                "version of this program counted its frames otherwise: then describe the "
                "footage again."), path=source,
                decoded=len(run.frames), recorded=frame_count)
        with store.transaction() as session:
            actor = resolve_actor(session, actor_name)
            run_id = save_run(session, footage_id, run, step, actor)
            audit.record(session, actor.name, "detection.run", "footage", footage_id, {
                "run_id": run_id, "preset": preset.name, "stride": step,
                "models": [m["sha256"] for m in models], "elapsed_s": round(run.elapsed_s, 2),
                "source_sha256": digest}, footage_id=footage_id)
        reused = False
    settings = tracker or TrackerSettings()
    tracks = build_tracks(run, frame_count, fps, settings)
    review = grouped(review_ranges(run, tracks, frame_count, fps), stretch_gap(fps))
    run_key = settings_hash(run_settings(preset, models, step))
    return Analysis(footage_id, source, frame_count, fps, width, height, rotation, run, run_id,
                    reused, step, run_key, tracks, review, settings)
