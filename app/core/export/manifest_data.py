"""The content of an export's manifest (``OUT.manifest.json``): the source, the output, the
plan, the detection, what was hidden (tracks, heads, boxes, frames), what is left to review,
the sound and the residual check."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.core.analysis import Analysis
from app.core.detection.boxes import head_geometry
from app.core.detection.people import head_settings
from app.core.export.manifest import software_versions
from app.core.export.picture_size import PADDED_NOTE, RESCALED_NOTE
from app.core.export.residual import ResidualReport
from app.core.export.video_export import EncodeOptions, ExportStats
from app.core.redaction.crowd_gaps import crowd_rules
from app.core.redaction.head_placement import head_rules
from app.core.redaction.plan import RedactionPlan
from app.core.tracking.tracker import HEAD, TEXT, BoxKind, Track, boxes_by_frame


def _kept_frames(analysis: Analysis, plan: RedactionPlan) -> list[int]:
    if plan.clip is None:
        return list(range(analysis.frame_count))
    return [f.index for f in analysis.run.frames if plan.clip.contains(f.time_s)]


def _head_action(track: Track, plan: RedactionPlan) -> str:
    """What the export does with a head track nobody kept or dismissed (an inverse export
    hides everything but the kept, heads too, whatever the heads option says)."""
    if plan.inverse:
        return "redacted (inverse)"
    if plan.hide_whole_people:
        return "redacted (whole person)" if track.wholes else "redacted"
    return "redacted" if plan.hides_heads else "left visible (plan)"


def _partly(action: str, hidden: int, stood: int, frames: int, plan: RedactionPlan) -> str:
    """A head track's action where its region was not hidden on every frame it has in the
    export: on ``stood`` of them a face kept visible stood for it (the kept person's own
    head, ``render.kept_face_stands_for``), on the rest its region lay outside the picture."""
    if hidden >= frames or plan.inverse or not action.startswith("redacted"):
        return action
    if hidden == 0 and stood == frames:
        return "not hidden: the kept person's own head (a face kept visible stood for it)"
    why = ([f"on {stood} a face kept visible stood for it: the kept person's own head"]
           if stood else []) + ([f"on {frames - hidden - stood} it lay outside the picture"]
                                if frames - hidden - stood > 0 else [])
    return f"{action} on {hidden} of its {frames} frames ({'; '.join(why)})"


def build_manifest(analysis: Analysis, plan: RedactionPlan, stats: ExportStats,
              residual: ResidualReport | None, out: Path, out_size: int, out_sha: str,
              source_sha: str,
              size: int, duration: float, actor: str, case_ref: str | None,
              started: datetime, chain_head: dict[str, Any] | None,
              options: EncodeOptions) -> dict[str, Any]:
    """The manifest's content: what was exported, from what, how, and what was hidden."""
    times = {f.index: f.time_s for f in analysis.run.frames}
    reviewed = set(plan.reviewed)
    frame_boxes = boxes_by_frame(analysis.tracks, analysis.frame_count)
    exported = _kept_frames(analysis, plan)  # with --clip, only what the export holds
    in_export = Counter(t for f in exported for t, _box in frame_boxes[f])
    tracks = []
    for t in analysis.tracks:
        summary = t.summary()
        hidden = in_export[t.id] if plan.inverse and t.id not in plan.keep_tracks else \
            stats.hidden_frames.get(t.id, 0)  # (inverse: all but the kept is hidden)
        summary["action"] = ("kept visible" if t.id in plan.keep_tracks else "false positive"
                             if t.id in plan.false_positive_tracks else
                             _partly(_head_action(t, plan), hidden,
                                     stats.stood_frames.get(t.id, 0), in_export[t.id], plan)
                             if t.category == HEAD else "redacted")
        summary["reason"] = plan.reason_for(f"track:{t.id}")
        summary["frames_in_export"], summary["frames_hidden"] = in_export[t.id], hidden
        tracks.append(summary)
    interpolated = sum(1 for f in exported if any(
        plan.redacts_track(tid)
        and b.kind in (BoxKind.PROPAGATED, BoxKind.INTERPOLATED, BoxKind.PADDED)
        for tid, b in frame_boxes[f]))
    first, last = (exported[0], exported[-1]) if exported else (0, -1)
    return {
        "format": "bwv-studio-export-manifest",
        "manifest_version": 1,
        "software": software_versions(),
        "operator": actor,
        "case": case_ref,
        "started_utc": started.isoformat(),
        "finished_utc": datetime.now(UTC).isoformat(),
        "audit_chain_head_before": chain_head,
        "source": {"path": str(analysis.source), "sha256": source_sha, "size_bytes": size,
                   "footage_id": analysis.footage_id, "frame_count": analysis.frame_count,
                   "duration_s": duration, "width": analysis.width, "height": analysis.height,
                   "rotation": analysis.rotation},
        "output": {"file": out.name, "sha256": out_sha, "size_bytes": out_size,
                   "frame_count": stats.frames_out, "encoder": "libx264 yuv420p",
                   "crf": options.crf, "x264_preset": options.x264_preset,
                   "metadata_kept": plan.keep_metadata,
                   **({"padded": PADDED_NOTE} if stats.padded else {}),
                   **({"streams_left_out": stats.left_out} if stats.left_out else {}),
                   **({"rescaled_frames": stats.rescaled, "rescaled_note": RESCALED_NOTE.format(
                       width=analysis.width, height=analysis.height)} if stats.rescaled else {})},
        "plan": plan.to_dict(),
        "plan_sha256": plan.sha256(),
        "detection": {"preset": analysis.run.preset.as_dict(), "stride": analysis.stride,
                      "models": analysis.run.models, "run_id": analysis.run_id,
                      "reused_stored_run": analysis.reused,
                      "frames_detected": sum(1 for f in analysis.run.frames if f.detected),
                      "tracker": analysis.tracker.as_dict()},
        "redaction": {"tracks_total": len(analysis.tracks),
                      "text_tracks": sum(t.category == TEXT for t in analysis.tracks),
                      "head_tracks": sum(t.category == HEAD for t in analysis.tracks),
                      "tracks_redacted": sum(1 for t in analysis.tracks
                                             if plan.redacts_track(t.id)
                                             and (t.category != HEAD or plan.hides_heads
                                                  or plan.inverse)),
                      "tracks_kept_visible": len(plan.keep_tracks),
                      "tracks_false_positive": len(plan.false_positive_tracks),
                      "manual_boxes": len(plan.manual_boxes),
                      "redacted_frames": stats.redacted_frames,
                      "frames_with_interpolated_or_padded_boxes": interpolated,
                      "head_geometry": head_geometry(),
                      "crowd_gaps": crowd_rules(),
                      **({"heads_seen_from_behind": {
                          "hidden": plan.hides_heads,
                          "whole_people_hidden": plan.hide_whole_people,
                          **head_settings(analysis.run.preset.heads_max_side),
                          **head_rules()}}
                         if analysis.run.preset.heads_every_s > 0 else {}),
                      "regions": stats.regions},
        "tracks": tracks,
        "review_needed": [dict(r.as_dict(), start_s=round(times.get(r.start_frame, 0.0), 3),
                               end_s=round(times.get(r.end_frame, 0.0), 3),
                               reviewed=r.done(reviewed))
                          for r in analysis.review
                          if r.end_frame >= first and r.start_frame <= last],
        "audio": stats.audio,
        "timestamps": stats.timestamps,
        "residual_check": residual.as_dict() if residual else {"ran": False},
    }
