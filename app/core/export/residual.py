"""The residual check's verdict on one rendered frame: which faces the check detector sees
there may still be recognisable. Faces of tracks kept visible are ignored.

A redacted head is still head-shaped, and both detectors fire on the blob (CenterFace at
0.3-0.65 on pixelated faces, BlazeFace even on a solid black disc over a head), so a hit
inside a hidden region alone proves nothing. Findings are therefore:

* ``not_covered``: a face outside every hidden region (the plan misses it);
* ``partly_covered``: a face of which at least 35 % lies outside the hidden shapes (the face
  is bigger than, or has moved out of, its redaction);
* ``weak_redaction``: a confident face inside a region redacted at strength 1-2 (not solid),
  where features can survive;
* ``text_not_covered``: with text regions on, text (a plate, screen or document) seen
  halfway between the run's looks of which half or more is outside every hidden region and
  that nobody kept or dismissed (reported, not hidden: text stays in view for seconds, a fix
  on a few frames would hide nothing).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

import numpy as np

from app.core.detection import boxes as bx
from app.core.detection.detector import Detection
from app.core.redaction.head_placement import head_turn
from app.core.redaction.plan import RedactionPlan, Style
from app.core.redaction.render import (
    Region,
    frame_regions,
    kept_face_stands_for,
    padded_region,
    placement_region,
    text_margin,
    uncovered_share,
)
from app.core.tracking.tracker import FACE, HEAD, TEXT, BoxKind, TrackBox

UNCOVERED_SHARE = 0.35
WEAK_MIN_SCORE = 0.5


class FindingKind(enum.StrEnum):
    NOT_COVERED = "not_covered"
    PARTLY_COVERED = "partly_covered"
    WEAK_REDACTION = "weak_redaction"
    TEXT_NOT_COVERED = "text_not_covered"


@dataclass(frozen=True)
class Finding:
    output_frame: int
    source_frame: int
    time_s: float
    box: tuple[float, float, float, float]
    score: float
    kind: FindingKind

    def as_dict(self) -> dict[str, object]:
        return {"output_frame": self.output_frame, "source_frame": self.source_frame,
                "time_s": round(self.time_s, 3), "box": [round(v, 1) for v in self.box],
                "score": round(self.score, 3), "kind": self.kind.value}


@dataclass
class ResidualReport:
    """The last full pass's findings; ``found_by_check`` the faces earlier passes found
    uncovered and the export then hid (see ``closed_loop``)."""

    preset: str
    stride: int
    frames_checked: int
    findings: list[Finding]
    rounds: int = 1
    found_by_check: list[Finding] = field(default_factory=list)
    settings: dict[str, object] = field(default_factory=dict)  # the check's networks, limits
    models: list[dict[str, str]] = field(default_factory=list)  # with their SHA-256

    @property
    def clean(self) -> bool:
        return not self.findings

    @property
    def text_findings(self) -> int:
        """How many findings are text nobody decided about (the rest are faces)."""
        return sum(f.kind is FindingKind.TEXT_NOT_COVERED for f in self.findings)

    def as_dict(self) -> dict[str, object]:
        return {"ran": True, "preset": self.preset, "stride": self.stride,
                "settings": self.settings, "models": self.models,
                "frames_checked": self.frames_checked, "clean": self.clean,
                "rounds": self.rounds,
                "found_by_check": [f.as_dict() for f in self.found_by_check],
                "findings": [f.as_dict() for f in self.findings]}


def _as_array(regions: list[Region]) -> bx.Boxes:
    return np.array([[r.x1, r.y1, r.x2, r.y2, 1.0] for r in regions], np.float32).reshape(-1, 5)


def _dismissed(boxes: list[tuple[int, TrackBox]], plan: RedactionPlan, width: int,
               height: int, rotation: int) -> list[Region]:
    """Regions of face tracks a person dismissed as not a face: their decision stands (a
    dismissed text region or head says nothing about a face seen there)."""
    out = []
    for track_id, b in boxes:
        if track_id in plan.false_positive_tracks and b.category == FACE:
            region = padded_region((b.x, b.y, b.w, b.h), plan.padding, width, height, b.kind,
                                   track_id, rotation=rotation)
            if region is not None:
                out.append(region)
    return out


def classify(faces: list[Detection], output_frame: int, source_frame: int, time_s: float,
             boxes: list[tuple[int, TrackBox]], plan: RedactionPlan, width: int, height: int,
             rotation: int, interlaced: bool = False) -> list[Finding]:
    """The findings among ``faces`` seen on one rendered frame (stored pixels), whose plan
    boxes are ``boxes`` (``interlaced``: as it was drawn, ``render.frame_regions``); faces
    kept visible on purpose or dismissed are not findings."""
    weak = plan.style is not Style.SOLID and plan.strength <= 2
    redact, keep = frame_regions(source_frame, boxes, plan, width, height, rotation,
                                 vouching_only=True,  # (not a crowd's fill)
                                 interlaced=interlaced)
    # faces kept visible (not text regions: a face inside a kept sign or screen is a find;
    # nor a kept head's region, which spans the shoulders: only a face where that person's
    # own would be is theirs, turning round; one beside it is someone else)
    regions = {track_id: b.category for track_id, b in boxes}
    kept = _as_array([r for r in keep if regions.get(r.track_id or 0) not in (TEXT, HEAD)]
                     + _dismissed(boxes, plan, width, height, rotation))
    # the kept heads and a face are placed as the rules were measured (render.RULE_PADDING)
    kept_heads = {r.track_id for r in keep if regions.get(r.track_id or 0) == HEAD}
    heads = [(r, 90 * head_turn((b.x, b.y, b.x + b.w, b.y + b.h), b.whole, rotation))
             for t, b in boxes if t in kept_heads
             and (r := placement_region(b, plan, width, height, t, rotation)) is not None]
    findings: list[Finding] = []
    for d in faces:
        box = np.array([[d.x, d.y, d.x + d.w, d.y + d.h, d.score]], np.float32)
        if len(kept) and bx.containment(box, kept).max() >= 0.5:
            continue  # a face kept visible on purpose, or dismissed as not a face
        seen = placement_region(TrackBox(source_frame, d.x, d.y, d.w, d.h, BoxKind.DETECTED,
                                         d.score), plan, width, height, None, rotation)
        if seen is not None and any(kept_face_stands_for(h, [seen], up) for h, up in heads):
            continue  # the kept person seen from behind, turning round
        if plan.inverse:
            kind: FindingKind | None = FindingKind.WEAK_REDACTION if weak else None
        else:
            ib = (max(0, int(d.x)), max(0, int(d.y)), min(width, int(d.x + d.w)),
                  min(height, int(d.y + d.h)))
            share = uncovered_share(ib, redact, plan)
            if share >= 1.0 - 1e-6:
                kind = FindingKind.NOT_COVERED
            elif share >= UNCOVERED_SHARE:
                kind = FindingKind.PARTLY_COVERED
            elif weak and (d.score >= WEAK_MIN_SCORE or d.detector == "mediapipe"):
                kind = FindingKind.WEAK_REDACTION
            else:
                kind = None  # the detector sees the redacted blob
        if kind is not None:
            findings.append(Finding(output_frame, source_frame, time_s,
                                    (d.x, d.y, d.w, d.h), d.score, kind))
    return findings


def classify_text(texts: bx.Boxes, output_frame: int, source_frame: int, time_s: float,
                  boxes: list[tuple[int, TrackBox]], plan: RedactionPlan, width: int,
                  height: int, rotation: int,
                  ignore: tuple[int, int, int, int] | None = None,
                  interlaced: bool = False) -> list[Finding]:
    """The text regions (stored pixels) seen on one rendered frame that half or more lies
    outside every hidden region of, and that no text track kept visible or dismissed
    covers; ``ignore``: the burned-in caption's band."""
    redact, _keep = frame_regions(source_frame, boxes, plan, width, height, rotation,
                                  vouching_only=True, interlaced=interlaced)
    decided = np.array([[b.x - m, b.y - m, b.x + b.w + m, b.y + b.h + m, 1.0]
                        for track_id, b in boxes
                        if b.category == TEXT and (track_id in plan.keep_tracks
                                                   or track_id in plan.false_positive_tracks)
                        for m in (text_margin(b, rotation),)],
                       np.float32).reshape(-1, 5)
    if ignore is not None:
        decided = np.vstack([decided, np.array([[*ignore, 1.0]], np.float32)])
    findings = []
    for t in texts:
        if len(decided) and bx.containment(t[None, :], decided).max() >= 0.5:
            continue
        ib = (max(0, int(t[0])), max(0, int(t[1])), min(width, int(np.ceil(t[2]))),
              min(height, int(np.ceil(t[3]))))
        if not plan.inverse and uncovered_share(ib, redact, plan) >= 0.5:
            findings.append(Finding(output_frame, source_frame, time_s,
                                    (float(t[0]), float(t[1]), float(t[2] - t[0]),
                                     float(t[3] - t[1])), float(t[4]),
                                    FindingKind.TEXT_NOT_COVERED))
    return findings
