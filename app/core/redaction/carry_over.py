"""Carrying a plan's decisions about people to another detection run (a new preset, stride or
model): the decision belongs to the person, never to a track number.

The tracks of the two runs are matched in space and time. On each of a new track's detected
frames its box is compared with the old run's boxes (after the plan's own merges and splits);
the frame belongs to the old track it overlaps by IoU >= ``MATCH_IOU``. A new track belongs
to the old track owning most of its frames (more than ``MAJORITY``). Where a new track is
one old track for part of its life and another, decided differently, for the rest (the two
trackers linked people differently), it is split where the owner changes. New tracks that
belong to one old track a person had merged are merged again. Keep-visible and not-a-face
decisions, with their reasons, then move to the new tracks of their person; so does the
reason given for redacting a person (its legal basis, e.g. a child), a decision of its own,
carried and confirmed the same way.

Nothing is applied silently: ``CarryOver`` lists every decision, each new track it would go
to and on what share of that track's frames the match holds, for a person to confirm
(``carried_plan``). A new track matching weakly (under ``SURE``) is flagged and not ticked
by default, nor is a decision whose old track spans a cut of the new run (an old run,
made before cuts were told, linked faces across a cut: its track may be someone else after
it; no merge is carried across a cut either), nor one that found no track; a decision
left out leaves its new tracks redacted, the safe default.
Review ranges checked on the old run are not carried (the new run has its own).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
from sqlalchemy.orm import Session

from app.core.analysis import Analysis
from app.core.detection import boxes as bx
from app.core.detection.runs import stored_runs
from app.core.detection.shot_cuts import shot_of
from app.core.errors import QT_TRANSLATE_NOOP, NotFoundError
from app.core.redaction.plan import RedactionPlan
from app.core.redaction.plan_edits import TrackAction, effective_tracks, start_again, track_action
from app.core.store.database import Store
from app.core.tracking.edits import EditOp, TrackEdit, apply_track_edits
from app.core.tracking.tracker import Track, TrackBox, boxes_by_frame, build_tracks
from app.core.tracking.tracks_digest import tracks_sha256
from app.core.wording import Said

MATCH_IOU = 0.3  # a new box is the old track's on a frame where they overlap this much
MAJORITY = 0.5  # a new track belongs to the old track owning more than this share of frames
SURE = 0.8  # a carried decision matching on less than this share is flagged for a look
PERSIST = 3  # frames an owner change must last before a new track is split there

_Owners = list[tuple[int, int | None]]  # (frame, old track id or None) per detected frame


@dataclass(frozen=True)
class CarriedDecision:
    """One decision of the old plan and the new tracks it would go to."""

    old_track: int
    action: TrackAction  # KEEP or NOT_A_FACE; REDACT: the reason to redact the person
    reason: str
    old_frames: tuple[int, int]  # the old track's first and last frame
    new_tracks: tuple[int, ...]  # on the new run, after ``CarryOver.edits``
    shares: tuple[float, ...]  # of each new track's frames, the share matching the old one
    shots: int = 1  # the shots of an edited clip (the new run's cuts) its old track spans

    def sure(self, track_id: int) -> bool:
        """Whether it goes to ``track_id`` by default: a strong match, and the old track
        within one shot of the new run (an old track over a cut, from before cuts were
        told, may have gone on as someone else after it: on one side it is not the person
        decided about, whichever side the new run finds)."""
        return track_id in self.new_tracks and self.shots <= 1 and \
            self.shares[self.new_tracks.index(track_id)] >= SURE

    def pairs(self) -> list[tuple[int, int]]:
        """(old track, new track) for each new track this decision would go to."""
        return [(self.old_track, t) for t in self.new_tracks]


@dataclass(frozen=True)
class CarryOver:
    """What carrying a plan to a new run would do; ``carried_plan`` makes the plan."""

    old_run: str
    new_run: str
    edits: tuple[TrackEdit, ...]  # splits and merges of the new run's tracks
    decisions: tuple[CarriedDecision, ...]
    merges: int  # of them, merges of tracks a person had merged on the old run
    new_tracks_key: str = ""  # the new run's tracks (tracks_digest), which the plan binds

    def lost(self) -> list[CarriedDecision]:
        """Decisions no track of the new run matches."""
        return [d for d in self.decisions if not d.new_tracks]


def _owners(track: Track, old_boxes: list[list[tuple[int, TrackBox]]]) -> _Owners:
    """Per detected frame, the old track whose box there is this track's (a face's decisions
    go to faces only, a text region's to text only)."""
    owners: _Owners = []
    for f in track.detected_frames:
        here = [(i, b) for i, b in (old_boxes[f] if f < len(old_boxes) else [])
                if b.category == track.category]
        best = None
        if here:
            ious = bx.iou_matrix(np.array([track.keyframes[f]], np.float32), np.array(
                [(b.x, b.y, b.x + b.w, b.y + b.h, b.score) for _, b in here], np.float32))[0]
            k = int(ious.argmax())
            best = here[k][0] if ious[k] >= MATCH_IOU else None
        owners.append((f, best))
    return owners


def _owner(owners: _Owners) -> tuple[int | None, float]:
    counts = Counter(o for _, o in owners if o is not None)
    if not counts or not owners:
        return None, 0.0
    old_id, n = counts.most_common(1)[0]
    share = n / len(owners)
    return (old_id, share) if share > MAJORITY else (None, share)


def _split_frames(owners: _Owners, decided: dict[int, TrackAction]) -> list[int]:
    """Frames where a new track must be cut so that a decision stays with its person.

    While the track is an old track with a decision (kept, not a face), it is cut at the
    first frame that is anyone else or nobody the old run saw, however short: a kept person
    never extends over another face. A change into a decided old track is cut where it
    lasts ``PERSIST`` frames (a shorter glitch stays with the undecided, redacted part).
    Changes between undecided owners are not cut. Extra cuts only add redaction."""
    labels = [o for _, o in owners]

    def decision(label: int | None) -> TrackAction:
        return TrackAction.REDACT if label is None else decided.get(label, TrackAction.REDACT)

    def lasting(i: int) -> bool:
        ahead = labels[i:i + PERSIST]
        return len(ahead) == PERSIST and all(o == labels[i] for o in ahead)

    cuts: list[int] = []
    current: int | None = None  # the head counts as undecided until a decided owner lasts
    for i, label in enumerate(labels):
        if label == current:
            continue
        if decision(current) is not TrackAction.REDACT:
            cuts.append(owners[i][0])  # the decided person ends here, at once
            current = label
        elif decision(label) is not TrackAction.REDACT and lasting(i):
            if i:
                cuts.append(owners[i][0])
            current = label
    return cuts


def match_runs(old_plan: RedactionPlan, old_tracks: list[Track], new_tracks: list[Track],
               frame_count: int, new_run: str, new_tracks_key: str = "",
               shot_starts: Sequence[int] = ()) -> CarryOver:
    """How ``old_plan``'s decisions (on ``old_tracks``, after its merges and splits) go to
    ``new_tracks`` (a run's own tracks, no merge joining two of their shots;
    ``shot_starts``: the new run's cuts, which a decided old track may span)."""
    old_boxes = boxes_by_frame(old_tracks, frame_count)
    decided = {t.id: track_action(old_plan, t.id) for t in old_tracks}
    edits: list[TrackEdit] = []
    next_id = max((t.id for t in new_tracks), default=0) + 1
    for track in new_tracks:
        tail = track.id
        for frame in _split_frames(_owners(track, old_boxes), decided):
            edits.append(TrackEdit(EditOp.SPLIT, (tail,), frame))
            tail, next_id = next_id, next_id + 1
    split = apply_track_edits(new_tracks, edits)
    owner = {t.id: _owner(_owners(t, old_boxes)) for t in split}
    merged_by_person = {min(e.tracks) for e in old_plan.track_edits if e.op is EditOp.MERGE}
    merges = 0
    for old_id in sorted(merged_by_person):
        group = sorted(t.id for t in split if owner[t.id][0] == old_id)
        parts = [t for t in split if t.id in group]
        if len(group) >= 2 and _disjoint(parts) and len({t.shot for t in parts}) == 1:
            edits.append(TrackEdit(EditOp.MERGE, tuple(group)))
            owner[group[0]] = (old_id, min(owner[t][1] for t in group))
            merges += 1
    final = apply_track_edits(new_tracks, edits)
    decisions = []
    for old in old_tracks:
        action = decided[old.id]
        if action is TrackAction.REDACT and not old_plan.reason_for(f"track:{old.id}"):
            continue  # redacted, no reason given: the new run's tracks are redacted anyway
        mine = sorted(t.id for t in final if owner.get(t.id, (None, 0.0))[0] == old.id)
        decisions.append(CarriedDecision(
            old.id, action, old_plan.reason_for(f"track:{old.id}"),
            (old.first_frame, old.last_frame), tuple(mine),
            tuple(owner[t][1] for t in mine),
            len({shot_of(shot_starts, f) for f in old.detected_frames}) or 1))
    return CarryOver(old_plan.detection_run, new_run, tuple(edits), tuple(decisions), merges,
                     new_tracks_key)


def _disjoint(parts: list[Track]) -> bool:
    """No two parts detected on the same frame (they could not be one person)."""
    seen: set[int] = set()
    for part in parts:
        own = set(part.detected_frames) - part.carried
        if own & seen:
            return False
        seen |= own
    return True


def carry_over(store: Store, plan: RedactionPlan, analysis: Analysis) -> CarryOver:
    """Match ``plan`` (made on another run of the same footage) to ``analysis``'s run.

    Blocking (reads the plan's stored run and tracks it again): call it from a worker.
    NotFoundError when the plan's run is no longer stored (Start again is left).
    """
    with store.read() as session:
        old_tracks = _plan_tracks(session, plan, analysis)
    return match_runs(plan, effective_tracks(old_tracks, plan), analysis.tracks,
                      analysis.frame_count, analysis.run_key, analysis.tracks_key,
                      analysis.run.shot_starts())


def _plan_tracks(session: Session, plan: RedactionPlan, analysis: Analysis) -> list[Track]:
    """The tracks ``plan``'s numbers refer to, built from its stored run: of the runs
    stored with its settings (the newest first), the one whose tracks this version builds
    as the plan recorded them (``detection_tracks``; any, for a plan that did not)."""
    found = False
    for run in stored_runs(session, analysis.footage_id, plan.detection_run):
        found = True
        tracks = build_tracks(run, analysis.frame_count, analysis.fps, analysis.tracker)
        if not plan.detection_tracks or tracks_sha256(tracks) == plan.detection_tracks:
            return tracks
    if not found:
        raise NotFoundError(QT_TRANSLATE_NOOP(
            "CoreMessages", "The detection run this plan was made on is no longer stored, so "
            "its decisions cannot be matched to people on this run: use Start again."))
    raise NotFoundError(QT_TRANSLATE_NOOP(
        "CoreMessages", "This plan was made on tracks that cannot be built again here "
        "(another version of BWV Studio built them, or the detection they came from is no "
        "longer stored), so which person each decision was about is not known: use Start "
        "again."))


def carried_plan(plan: RedactionPlan, carry: CarryOver,
                 accepted: set[tuple[int, int]] | None = None) -> tuple[RedactionPlan, Said]:
    """The plan on the new run with the decisions carried to the (old track, new track)
    pairs in ``accepted`` (None: every sure pair), and a line for the audit log. Manual
    boxes, mutes, clip and export choices stay; the old run's merges and splits are replaced
    by ``carry.edits``."""
    new, _ = start_again(plan, carry.new_run, carry.new_tracks_key)
    keep, dismissed, reasons = list(new.keep_tracks), list(new.false_positive_tracks), \
        dict(new.reasons)
    moved: list[tuple[CarriedDecision, list[int]]] = []
    for d in carry.decisions:
        taken = [t for old, t in d.pairs() if ((old, t) in accepted if accepted is not None
                                                else d.sure(t))]
        for track_id in taken:
            if d.action is not TrackAction.REDACT:
                (keep if d.action is TrackAction.KEEP else dismissed).append(track_id)
            if d.reason:
                reasons[f"track:{track_id}"] = d.reason
        if taken:
            moved.append((d, taken))
    new = replace(new, track_edits=tuple(carry.edits), keep_tracks=tuple(keep),
                  false_positive_tracks=tuple(dismissed), reasons=reasons)
    new.validate()
    return new, carried_said(carry, moved)


def carried_said(carry: CarryOver, moved: list[tuple[CarriedDecision, list[int]]]) -> Said:
    """The line for the audit log and the undo menu: each decision carried (old track ->
    new tracks), the merges carried, and how many decisions were not."""
    words = {TrackAction.KEEP: QT_TRANSLATE_NOOP("CoreMessages", "keep visible"),
             TrackAction.NOT_A_FACE: QT_TRANSLATE_NOOP("CoreMessages", "not a face"),
             TrackAction.REDACT: QT_TRANSLATE_NOOP("CoreMessages", "redact")}
    said = Said(QT_TRANSLATE_NOOP("CoreMessages", "carry decisions to this detection run"))
    for k, (d, taken) in enumerate(moved):
        template = QT_TRANSLATE_NOOP("CoreMessages", "{edit}: {action} {old} -> {new}") \
            if k == 0 else QT_TRANSLATE_NOOP("CoreMessages", "{edit}; {action} {old} -> {new}")
        said = Said(template, edit=said, action=words[d.action], old=d.old_track,
                    new=", ".join(str(t) for t in taken))
    if carry.merges:
        said = Said(QT_TRANSLATE_NOOP("CoreMessages", "{edit}; {count} merge(s) of one person "
                                      "carried"), edit=said, count=carry.merges)
    left = len(carry.decisions) - len(moved)
    if left:
        said = Said(QT_TRANSLATE_NOOP("CoreMessages", "{edit}; {count} decision(s) not "
                                      "carried"), edit=said, count=left)
    return said
