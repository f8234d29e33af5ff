"""Review load: how much a person must look at before a clip can be released (issue 17).

    .venv/bin/python bench/review_load.py [--preset NAME ...] [--json OUT]

For each developer clip whose people were counted by eye (``people_in_clips.json``, from
../shared/testdata/SOURCES.md) it ingests the clip into a temporary store, detects and tracks
it with each preset (``app.core.analysis.analyse``, the same call the Redact tab makes) and
opens a ``RedactionSession`` on the result, as the workspace does. It reports:

* face tracks, confident face tracks (best score >= 0.5: the others are unsure detections,
  redacted by default and never a review item), and face tracks per person (1.0 is the
  target: one track per person; the issue allows one extra fragment per person); the head
  tracks of people seen from behind (the default preset finds them too) are counted apart,
  in "heads": a person's head track is not a fragment of their face track;
* review ranges the session lists (``RedactionSession.unreviewed``);
* decisions: every face track needs a look (redact, keep or dismiss) and every review range
  a check, so decisions = face tracks + ranges (head tracks are redacted by default and
  listed apart);
* review items per 10 s of footage per 5 people in shot (issue 17's target: at most 1.0),
  and its ratio to that target;
* a scripted review (``--script``): answer every review range as the workspace does (a
  "same person?" range with S, which merges; any other with R), then keep the clip's longest
  confident face track visible (the requester, as a click on a face does), answer what
  keeping them asks (R: their track's start or end in the open, which the plan's other
  regions no longer excuse for a face kept visible, and a gap the tracker bridged in their
  track), and dismiss its unsure face tracks. "scripted" counts the decisions that took:
  one per range (marked with its risk, as the workspace marks it), 1 for the requester and
  one per range keeping them opened. Then the preset changes
  (``--then`` PRESET, default ``fast``): the run of that preset is shown and the plan's
  decisions are matched to it (``RedactionSession.carry_over``, what the Carry over dialog
  shows): "carried" = decisions carried to at least one track by default / all decisions,
  "lost" = decisions no track matches (one confirmation carries the ticked ones; the rest
  must be made again, if there is still something to decide: a dismissed unsure detection
  of one preset is often not detected by the other at all); "there": of the lost, those
  whose person the new run still has a face box on (IoU >= ``carry_over.MATCH_IOU`` with
  the old track's box on more than ``carry_over.MAJORITY`` of its detected frames), so a
  person must decide again; the others have nothing left to decide about (a new face
  crossing the old box on a few frames is someone else: a "not a face" carried there would
  show a face); "requester": the kept person
  is carried by default.

Nothing is timed: the figure is the work a person must do, not the machine's.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.core.analysis import analyse
from app.core.detection import boxes as bx
from app.core.detection.presets import DEFAULT_PRESET, PRESETS
from app.core.detection.runs import load_run
from app.core.library.footage import show_footage
from app.core.library.ingest import ingest_paths
from app.core.redaction import plan_edits
from app.core.redaction.carry_over import MAJORITY, MATCH_IOU
from app.core.redaction.plan import RedactionPlan
from app.core.redaction.plan_edits import TrackAction, effective_tracks
from app.core.redaction.session import RedactionSession
from app.core.store.database import Store
from app.core.tracking.review import CONFIDENT, ReviewReason, best_score
from app.core.tracking.tracker import FACE, HEAD, boxes_by_frame, build_tracks

TESTDATA = Path(__file__).resolve().parents[2] / "shared" / "testdata"
COUNTS = Path(__file__).with_name("people_in_clips.json")
TARGET = 1.0  # review items per 10 s per 5 people


@dataclass
class Row:
    clip: str
    preset: str
    people: int
    seconds: float
    tracks: int  # face tracks
    ranges: int
    confident: int = 0  # face tracks whose best detection scores CONFIDENT or more
    heads: int = 0  # head tracks (people seen from behind), not counted as fragments
    scripted: int = 0
    carried: str = ""
    lost: int = 0
    lost_there: int = 0  # of the lost, decisions about someone the new run still shows
    requester: str = ""  # the kept person carried to the new run by default

    @property
    def decisions(self) -> int:
        return self.tracks + self.ranges

    @property
    def tracks_per_person(self) -> float:
        return self.tracks / self.people if self.people else float(self.tracks)

    @property
    def items_rate(self) -> float:
        """Review ranges per 10 s per 5 people in shot (at least one person counted)."""
        return self.ranges / max(self.seconds / 10, 0.1) / (max(self.people, 1) / 5)


def scripted_review(store: Store, review: RedactionSession, row: Row, then: str) -> None:
    """Answer every range, keep the requester (and answer the ranges keeping them
    opens), dismiss unsure tracks; then change preset."""
    _answer_all(review, row)
    if review.tracks and review.analysis is not None:
        faces = [t for t in review.tracks if t.category == FACE]
        confident = [t for t in faces if best_score(t) >= CONFIDENT] or faces or review.tracks
        requester = max(confident, key=lambda t: len(t.detected_frames))
        _decide(review, plan_edits.set_track_action(review.plan, requester.id,
                                                    TrackAction.KEEP, "Requester"))
        row.scripted += 1
        _answer_all(review, row)  # what keeping them asks
        for track in faces:
            if best_score(track) < CONFIDENT:
                _decide(review, plan_edits.set_track_action(review.plan, track.id,
                                                            TrackAction.NOT_A_FACE))
    review.show_run(analyse(store, "bench", review.footage.id, then))
    if not review.run_mismatch():
        return
    carry = review.carry_over(store)
    sure = sum(1 for d in carry.decisions if any(d.sure(t) for t in d.new_tracks))
    row.carried = f"{sure}/{len(carry.decisions)}"
    row.lost = len(carry.lost())
    row.lost_there = sum(1 for d in carry.lost() if _still_there(store, review, d.old_track))
    keep = [d for d in carry.decisions if d.action is TrackAction.KEEP]
    row.requester = "-" if not keep else "yes" if any(d.sure(t) for d in keep
                                                      for t in d.new_tracks) else "no"


def _still_there(store: Store, review: RedactionSession, old_track: int) -> bool:
    """Whether the run shown still has the old track's person: a box of its category over
    the old track's box (IoU >= MATCH_IOU) on more than MAJORITY of the old track's
    detected frames (the old tracks as carry_over builds them: the plan's run, its merges
    and splits applied). A new box crossing it on a few frames is someone else passing (on
    the developer clips: a confident face of the new run crossing an unsure detection the
    person had dismissed, whose "not a face" must not go to that face)."""
    new = review.analysis
    assert new is not None
    with store.read() as session:
        old_run = load_run(session, new.footage_id, review.plan.detection_run)
    if old_run is None:
        return False
    old = {t.id: t for t in effective_tracks(build_tracks(old_run, new.frame_count, new.fps,
                                                          new.tracker), review.plan)}
    track = old.get(old_track)
    if track is None:
        return False
    shown = boxes_by_frame(new.tracks, new.frame_count)
    over = 0
    for f in track.detected_frames:
        here = [(b.x, b.y, b.x + b.w, b.y + b.h, 1.0) for _, b in shown[f]
                if b.category == track.category]
        if here and float(bx.iou_matrix(np.array([track.keyframes[f]], np.float32),
                                        np.array(here, np.float32)).max()) >= MATCH_IOU:
            over += 1
    return over > MAJORITY * len(track.detected_frames)


def _answer_all(review: RedactionSession, row: Row) -> None:
    """Every range the session lists answered as the workspace does: a "same person?"
    with S (merge), any other with R; one decision each."""
    while (pending := review.unreviewed()):
        item = pending[0]
        row.scripted += 1
        if item.reason is ReviewReason.SAME_PERSON:
            _decide(review, review.same_person(item))
        else:
            _decide(review, plan_edits.mark_reviewed(review.plan, item.start_frame,
                                                     item.end_frame, parts=item.parts,
                                                     risks=item.risks()))


def _decide(review: RedactionSession, edit: tuple[RedactionPlan, str]) -> None:
    """One edit, bound to the run shown, as the workspace makes it."""
    review.push(review.prepared(edit[0]), edit[1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--preset", action="append", choices=sorted(PRESETS))
    parser.add_argument("--json", type=Path)
    parser.add_argument("--script", action="store_true",
                        help="replay a scripted review, then change the preset")
    parser.add_argument("--then", default="fast", choices=sorted(PRESETS),
                        help="the preset changed to after the scripted review")
    args = parser.parse_args()
    presets = args.preset or [DEFAULT_PRESET]
    counts: dict[str, int] = json.loads(COUNTS.read_text(encoding="utf-8"))["people"]
    clips = [(TESTDATA / name, people) for name, people in counts.items()
             if (TESTDATA / name).is_file()]
    if not clips:
        print(f"No developer clips found under {TESTDATA}.")
        return 1
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        store = Store(f"sqlite:///{tmp / 'review.sqlite3'}", tmp / "data")
        try:
            for clip, people in clips:
                (result,) = ingest_paths(store, "bench", [clip])
                if result.footage_id is None:
                    print(f"{clip}: not ingested ({result.message})")
                    continue
                with store.read() as session:
                    footage = show_footage(session, result.footage_id)
                for preset in presets:
                    print(f"{clip.name} [{preset}] ...", flush=True)
                    review = RedactionSession(footage)
                    review.start(*review.read_saved(store))
                    review.show_run(analyse(store, "bench", footage.id, preset))
                    faces = [t for t in review.tracks if t.category == FACE]
                    row = Row(clip.name, preset, people, footage.duration_s,
                              len(faces), len(review.unreviewed()),
                              sum(1 for t in faces if best_score(t) >= CONFIDENT),
                              sum(1 for t in review.tracks if t.category == HEAD))
                    if args.script and preset != args.then:
                        scripted_review(store, review, row, args.then)
                    rows.append(row)
        finally:
            store.close()
    print()
    print(f"{'clip':52} {'preset':9} {'people':>6} {'s':>5} {'faces':>6} {'conf.':>5} "
          f"{'per p.':>6} {'heads':>5} "
          f"{'ranges':>6} {'decis.':>6} {'items/10s/5p':>12} {'x target':>8}"
          + (f" {'scripted':>8} {'carried':>7} {'lost (there)':>12} {'requester':>9}"
             if args.script else ""))
    for r in rows:
        print(f"{r.clip:52} {r.preset:9} {r.people:>6} {r.seconds:>5.1f} {r.tracks:>6} "
              f"{r.confident:>5} {r.tracks_per_person:>6.2f} {r.heads:>5} {r.ranges:>6} "
              f"{r.decisions:>6} "
              f"{r.items_rate:>12.2f} {r.items_rate / TARGET:>8.2f}"
              + (f" {r.scripted:>8} {r.carried:>7} {f'{r.lost} ({r.lost_there})':>12} "
                 f"{r.requester:>9}" if args.script else ""))
    for preset in presets:
        mine = [r for r in rows if r.preset == preset]
        if mine:
            print(f"{'all clips':52} {preset:9} {sum(r.people for r in mine):>6} "
                  f"{sum(r.seconds for r in mine):>5.1f} {sum(r.tracks for r in mine):>6} "
                  f"{sum(r.confident for r in mine):>5} {'':>6} {sum(r.heads for r in mine):>5} "
                  f"{sum(r.ranges for r in mine):>6} "
                  f"{sum(r.decisions for r in mine):>6}")
            exposure = max(sum(r.seconds / 10 * max(r.people, 1) / 5 for r in mine), 1e-9)
            met = sum(1 for r in mine if r.items_rate <= TARGET)
            print(f"  {preset}: {sum(r.ranges for r in mine) / exposure:.2f} review items per "
                  f"10 s per 5 people over all clips (people-seconds weighted; target "
                  f"{TARGET:.1f}); target met on {met} of {len(mine)} clips")
            if args.script:
                print(f"  decisions not carried: {sum(r.lost for r in mine)}, of them about "
                      f"someone the new run still shows: {sum(r.lost_there for r in mine)}")
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in rows], indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
