"""What a detection run looks like under a plan: the tracks after the plan's merges and
splits, every frame's boxes and the review ranges. Working it out for a long, crowded run
takes seconds (the review looks at every frame of each range where a face starts or ends),
so it is a pure function: a worker works it out with the run it loaded, and the session
(``RedactionSession.show_run``) takes it as it is, or works out again on its own thread only
what an edit made meanwhile has changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.core.analysis import Analysis
from app.core.errors import BwvError
from app.core.redaction import plan_edits
from app.core.redaction.head_owners import face_of_heads, owners_again
from app.core.redaction.plan import RedactionPlan
from app.core.redaction.plan_review import Memo, carried_memo, plan_review
from app.core.tracking.review import ReviewRange
from app.core.tracking.tracker import Track, TrackBox, boxes_by_frame


@dataclass(frozen=True)
class ShownRun:
    """A run under a plan, each part with what it was worked out for."""

    analysis: Analysis
    tracks_for: tuple[object, ...]
    tracks: list[Track]
    frame_boxes: list[list[tuple[int, TrackBox]]]
    problem: str | None  # the plan's merges and splits do not fit the run (its own shown)
    review_for: tuple[object, ...]
    review: list[ReviewRange]
    # what the review worked out of each open range on these tracks (plan_review's memo)
    memo: Memo = field(default_factory=Memo, compare=False, repr=False)
    # head track -> the face track of the same person (head_owners), for showing
    owners: dict[int, int] = field(default_factory=dict, compare=False)


def shown_plan(plan: RedactionPlan, analysis: Analysis | None) -> RedactionPlan:
    """The plan as the views show it on ``analysis``. On another run's tracks its choices
    about people (kept, not a face, merges, splits) are not applied: the same number can be
    someone else there."""
    if analysis is not None and plan_edits.made_elsewhere(plan, analysis.run_key,
                                                          analysis.tracks_key):
        return plan_edits.start_again(plan, analysis.run_key, analysis.tracks_key)[0]
    return plan


def work_out(analysis: Analysis, plan: RedactionPlan,
             before: ShownRun | None = None) -> ShownRun:
    """``analysis`` under ``plan``, reusing the parts of ``before`` that depend on nothing
    the plan has changed since (most edits, a keep or a range marked checked, change
    neither the tracks nor the ranges)."""
    a, shown = analysis, shown_plan(plan, analysis)
    same_run = before is not None and before.analysis is a
    tracks_for = (id(a.tracks), a.run_key, a.tracks_key, shown.track_edits)
    memo = Memo()
    if before is not None and same_run and before.tracks_for == tracks_for:
        tracks, frame_boxes, problem = before.tracks, before.frame_boxes, before.problem
        owners = before.owners
        memo = before.memo  # the same tracks and boxes: what was worked out still holds
        if problem is not None:
            shown = plan_edits.start_again(shown, a.run_key, a.tracks_key)[0]
    else:
        problem = None
        try:
            tracks = plan_edits.effective_tracks(a.tracks, shown)
        except BwvError as exc:  # the run's own tracks, and no choice about them applied
            problem, shown = str(exc), plan_edits.start_again(shown, a.run_key,
                                                              a.tracks_key)[0]
            tracks = list(a.tracks)
        frame_boxes = (_boxes_again(before, tracks) if before is not None and same_run
                       else boxes_by_frame(tracks, a.frame_count))
        if before is not None and same_run:  # what it worked out away from the change
            memo = carried_memo(before.memo, before.tracks, tracks, a.fps)
        owners = owners_again(before.tracks, before.owners, tracks, frame_boxes, a.width,
                              a.height, a.rotation) if before is not None and same_run \
            else face_of_heads(tracks, frame_boxes, a.width, a.height, a.rotation)
    # what the ranges depend on: an edit that only marks a range reviewed, gives a reason
    # or mutes sound leaves them as they are
    review_for = (a.run_key, a.tracks_key, problem, shown.track_edits, shown.keep_tracks,
                  shown.false_positive_tracks, shown.manual_boxes, shown.padding,
                  shown.margin, shown.shape, shown.inverse, shown.hide_heads,
                  shown.hide_whole_people)
    if before is not None and same_run and before.review_for == review_for:
        review = before.review
    else:  # a merge ends its "same person?"
        review = plan_review(a.run, a.tracks, tracks, shown, a.frame_count, a.fps,
                             frame_boxes, memo)
    return ShownRun(a, tracks_for, tracks, frame_boxes, problem, review_for, review, memo,
                    owners)


def _boxes_again(before: ShownRun, tracks: list[Track]) -> list[list[tuple[int, TrackBox]]]:
    """``boxes_by_frame(tracks, ...)`` from ``before``'s: only the frames of the tracks an
    edit replaced, merged or split (new objects; the others are ``before``'s own) are worked
    out again, in the same order (a merge on a long run: 0.1 s, not 1.7 s for every box of
    every track). ``before``'s lists are left as they were."""
    old = {t.id: t for t in before.tracks}
    new = {t.id: t for t in tracks}
    frames = list(before.frame_boxes)
    changed = [t for i, t in old.items() if new.get(i) is not t] + \
        [t for i, t in new.items() if old.get(i) is not t]
    if not changed:
        return frames
    order = {t.id: k for k, t in enumerate(tracks)}
    touched = {f for t in changed for f in range(t.first_frame, t.last_frame + 1)
               if f < len(frames)}
    for f in touched:  # the tracks that stay keep their boxes (the same objects)
        frames[f] = [(i, b) for i, b in frames[f] if new.get(i) is old.get(i)]
    for track in (t for i, t in new.items() if old.get(i) is not t):
        for f in range(track.first_frame, min(track.last_frame + 1, len(frames))):
            box = track.box_at(f)
            if box is not None:
                frames[f].append((track.id, box))
    for f in touched:
        frames[f].sort(key=lambda pair: order[pair[0]])
    return frames
