"""One person's redaction of one footage item, without Qt: what the workspace, the export
dialog and the tests drive.

A ``RedactionSession`` holds the footage, its case, the detection run shown (``Analysis``),
the plan, the tracks after the plan's merges and splits, and the undo history. Every edit is
a new plan made by ``plan_edits``; ``push`` records it (and so do ``undo`` and ``redo``) and
returns the ``PlanChange`` to save and audit (``save_change``). Whether an edit would
withdraw an approval is asked before ``push`` (``approval.standing_approval``).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace

from app.core.analysis import Analysis
from app.core.case_state.status import get_case
from app.core.detection.runs import older_code
from app.core.errors import QT_TRANSLATE_NOOP, ConflictError
from app.core.people.users import resolve_actor
from app.core.redaction import carry_over as carrying
from app.core.redaction import plan_edits
from app.core.redaction.plan import RedactionPlan
from app.core.redaction.plan_review import plan_review
from app.core.redaction.plans import find_plan_record, load_plan, save_plan
from app.core.redaction.render import Region, frame_regions
from app.core.redaction.shown_run import ShownRun, shown_plan, work_out
from app.core.store.database import Store
from app.core.tracking.review import ReviewRange, inside
from app.core.tracking.tracker import HEAD, TEXT, BoxKind, Track, TrackBox
from app.core.views.records import FootageRecord
from app.core.wording import Said

LOW_CONFIDENCE = 0.5  # a detected box below this score is shown as low confidence

Key = tuple[str, int]  # ("track", id) or ("manual", id)


@dataclass(frozen=True)
class PlanChange:
    """A plan now in force, what changed (for the audit log and the undo menu) and why."""

    plan: RedactionPlan
    text: str
    reason: str
    before: str | None = None  # the SHA-256 of the stored plan it replaces (None: unchecked)


@dataclass(frozen=True)
class _Step:
    before: RedactionPlan
    after: RedactionPlan
    text: str
    reason: str


class Look(enum.StrEnum):
    """How a box on a frame is shown: the decision about it, or how sure the detector was."""

    REDACT = "redact"
    KEEP = "keep"
    NOT_A_FACE = "not_a_face"
    LOW = "low"
    MANUAL = "manual"
    TEXT = "text"  # a text region (plate, screen, document) to be redacted
    HEAD = "head"  # the head of a person seen from behind, to be redacted
    # a head not hidden on this frame: the person's face kept visible stands for it, or the
    # plan leaves heads visible, and the plan is not inverse (not "not a face": nobody
    # dismissed it)
    HEAD_VISIBLE = "head_visible"


@dataclass(frozen=True)
class ShownBox:
    """A box on one frame, in stored-frame pixels. ``estimated``: carried by motion,
    interpolated or padded (not detected or drawn on this very frame); ``ends_here``: a
    manual box shown where it ends (dragging it extends it to this frame)."""

    key: Key
    box: tuple[float, float, float, float]
    look: Look
    estimated: bool
    ends_here: bool = False


@dataclass
class RedactionSession:
    footage: FootageRecord
    case_ref: str | None = None
    case_id: int | None = None
    plan: RedactionPlan = field(default_factory=RedactionPlan)
    analysis: Analysis | None = None
    started: bool = False  # the saved plan has been read (``start``): edits may begin
    stored: str | None = None  # the stored plan's SHA-256 as this window last read or wrote
    # it ("" for none; None: not read, saves unchecked)
    _shown: ShownRun | None = None  # the run under the plan, and what it was worked out for
    _done: list[_Step] = field(default_factory=list)
    _undone: list[_Step] = field(default_factory=list)

    # --- loading -------------------------------------------------------------------------

    def read_saved(self, store: Store) -> tuple[int | None, RedactionPlan, str]:
        """The case's id, the saved plan and its SHA-256 (blocking, changes nothing: call it
        from the window's database worker, then ``start`` with what it returns, which notes
        the SHA-256 ``save`` expects: an edit saved meanwhile expects the plan it was made
        on, never one read but not shown yet)."""
        with store.read() as session:
            case_id = get_case(session, self.case_ref).id if self.case_ref else None
            record = find_plan_record(session, self.footage.id, case_id)
            return (case_id, load_plan(session, self.footage.id, case_id) or RedactionPlan(),
                    record.plan_sha256 if record is not None else "")

    def save(self, store: Store, user: str, change: PlanChange) -> str:
        """Store the plan a change put in force (blocking: on the window's one database
        worker, in order); refused, with who and when, when another plan was stored since
        this window last loaded or stored one (never saved over another person's edit). A
        failed save leaves the last stored plan expected, so the next edit still saves."""
        sha = save_change(store, user, self.footage.id, self.case_id,
                          replace(change, before=self.stored))
        self.stored = sha
        return sha

    def start(self, case_id: int | None, plan: RedactionPlan,
              stored: str | None = None) -> None:
        """Begin on the saved ``plan`` (of case ``case_id``; ``stored``: its SHA-256 in the
        store, as ``read_saved`` gives it), with no history."""
        self.case_id, self.plan = case_id, plan
        if stored is not None:
            self.stored = stored
        self._done, self._undone = [], []
        self.started = True
        self.recompute()

    def show_run(self, analysis: Analysis | None,
                 worked_out: ShownRun | None = None) -> str | None:
        """Show this detection run; a message when the plan's merges and splits no longer
        fit it (the run's own tracks are shown then). ``worked_out``: the run under the plan
        as a worker worked it out (``shown_run.work_out``); only what an edit made since has
        changed is worked out again here."""
        self.analysis = analysis
        if worked_out is not None and worked_out.analysis is analysis:
            self._shown = worked_out
        return self.recompute()

    @property
    def shown_plan(self) -> RedactionPlan:
        """The plan as the views and the preview show it (``shown_run.shown_plan``)."""
        return shown_plan(self.plan, self.analysis)

    def recompute(self) -> str | None:
        """Tracks after the plan's merges and splits, every frame's boxes and the review
        ranges, each worked out again only when what it depends on has changed."""
        if self.analysis is None:
            self._shown = None
            return None
        self._shown = work_out(self.analysis, self.plan, self._shown)
        return self._shown.problem

    @property
    def tracks(self) -> list[Track]:
        """The run's tracks after the plan's merges and splits."""
        return self._shown.tracks if self._shown is not None else []

    @property
    def frame_boxes(self) -> list[list[tuple[int, TrackBox]]]:
        """Every frame's boxes of :attr:`tracks`."""
        return self._shown.frame_boxes if self._shown is not None else []

    @property
    def head_owners(self) -> dict[int, int]:
        """Head track -> the face track of the same person, where one is sure
        (``head_owners.face_of_heads``): one person, not two, in the People list; a face
        dismissed as not a face is nobody's."""
        if self._shown is None:
            return {}
        plan = self.shown_plan
        return {h: f for h, f in self._shown.owners.items()
                if plan_edits.track_action(plan, f) is not plan_edits.TrackAction.NOT_A_FACE}

    @property
    def review(self) -> list[ReviewRange]:
        """The review ranges of :attr:`tracks` as they are now."""
        return self._shown.review if self._shown is not None else []

    # --- state ---------------------------------------------------------------------------

    def run_mismatch(self) -> bool:
        """The plan was made on another detection run than the one shown, or on its tracks
        numbered otherwise (another version of the tracker)."""
        return self.analysis is not None and plan_edits.made_elsewhere(
            self.plan, self.analysis.run_key, self.analysis.tracks_key)

    def unreviewed(self) -> list[ReviewRange]:
        if self.analysis is None:
            return []
        done = set(self.shown_plan.reviewed)
        return [r for r in self.review if not r.done(done)]

    def next_review(self, frame: int) -> ReviewRange | None:
        """The first unreviewed range after ``frame`` (wrapping round to the first)."""
        pending = self.unreviewed()
        return next((r for r in pending if r.start_frame > frame), pending[0] if pending
                    else None)

    def review_at(self, frame: int) -> ReviewRange | None:
        return next((r for r in self.unreviewed() if r.start_frame <= frame <= r.end_frame),
                    None)

    def same_person(self, item: ReviewRange) -> tuple[RedactionPlan, str]:
        """The answer "yes" to a "same person?" range: its two tracks merged (the frames
        between covered) and the ranges between them marked as checked, in one edit."""
        if self.analysis is None or item.track_id is None or item.other_track is None:
            raise ConflictError(QT_TRANSLATE_NOOP(
                "CoreMessages", "This review range does not ask whether two tracks are one "
                "person."))
        a = self.analysis
        plan, text = plan_edits.merge(self.plan, a.tracks, [item.track_id, item.other_track])
        tracks = plan_edits.effective_tracks(a.tracks, plan)
        for r in plan_review(a.run, a.tracks, tracks, plan, a.frame_count, a.fps):
            if inside(r, item):  # the stretch this item stood for, and no other person's
                plan, _ = plan_edits.mark_reviewed(plan, r.start_frame, r.end_frame,
                                                   parts=r.parts, risks=r.risks())
        said = Said(QT_TRANSLATE_NOOP("CoreMessages", "{edit} (the same person; frames "
                                      "{first}-{last} checked)"), edit=text,
                    first=item.start_frame, last=item.end_frame)
        pair = (item.track_id, item.other_track)
        if any(plan_edits.track_action(self.plan, t) is plan_edits.TrackAction.KEEP
               for t in pair) and min(pair) not in plan.keep_tracks:
            said = Said(QT_TRANSLATE_NOOP("CoreMessages", "{edit}; only one part was kept "
                                          "visible, so the person is redacted again"),
                        edit=said)
        return plan, said

    def first_frame(self, key: Key) -> int | None:
        if key[0] == "track":
            return next((t.first_frame for t in self.tracks if t.id == key[1]), None)
        return next((m.keyframes[0].frame for m in self.plan.manual_boxes if m.id == key[1]),
                    None)

    def present(self, key: Key, frame: int) -> bool:
        if key[0] == "track":
            return any(t.id == key[1] and t.first_frame <= frame <= t.last_frame
                       for t in self.tracks)
        return any(m.id == key[1] and m.box_at(frame) is not None
                   for m in self.plan.manual_boxes)

    def shown_boxes(self, frame: int, selected: Key | None = None) -> list[ShownBox]:
        """Every box on ``frame``: tracks (as the plan decides about them) and manual boxes;
        the ``selected`` manual box also where it ends, to be dragged on."""
        shown, plan = [], self.shown_plan
        boxes = self.frame_boxes[frame] if frame < len(self.frame_boxes) else []
        drawn = self._heads_drawn(frame, boxes, plan)
        for track_id, box in boxes:
            action = plan_edits.track_action(plan, track_id)
            look = {plan_edits.TrackAction.KEEP: Look.KEEP,
                    plan_edits.TrackAction.NOT_A_FACE: Look.NOT_A_FACE}.get(
                action, Look.TEXT if box.category == TEXT else
                Look.HEAD if box.category == HEAD else
                Look.LOW if box.score < LOW_CONFIDENCE else Look.REDACT)
            where = (box.x, box.y, box.w, box.h)
            if box.category == HEAD and plan.hide_whole_people and box.whole is not None:
                x1, y1, x2, y2 = box.whole  # the plan hides the whole person
                where = (x1, y1, x2 - x1, y2 - y1)
            if look is Look.HEAD and track_id not in drawn:
                # the plan leaves heads visible, or a kept face is this person's on this
                # frame; an inverse plan hides it all the same (all but what is kept)
                look = Look.HEAD if plan.inverse else Look.HEAD_VISIBLE
                where = (box.x, box.y, box.w, box.h)
            elif look is Look.HEAD and not plan.hide_whole_people:
                where = _within(where, drawn[track_id].full)  # narrowed to a found face
            shown.append(ShownBox(("track", track_id), where, look,
                                  box.kind is not BoxKind.DETECTED))
        for manual in self.plan.manual_boxes:
            found = manual.box_at(frame)
            ends_here = found is None and selected == ("manual", manual.id)
            if ends_here:
                near = min(manual.keyframes, key=lambda k: abs(k.frame - frame))
                found = (near.x, near.y, near.w, near.h)
            if found is not None:
                exact = any(k.frame == frame for k in manual.keyframes)
                shown.append(ShownBox(("manual", manual.id), found, Look.MANUAL, not exact,
                                      ends_here))
        return shown

    def _heads_drawn(self, frame: int, boxes: list[tuple[int, TrackBox]],
                     plan: RedactionPlan) -> dict[int, Region]:
        """The head tracks the export hides on ``frame``, each with its head region as
        hidden (``render.frame_regions``: narrowed where a large face is the person's)."""
        if self.analysis is None or not any(b.category == HEAD for _t, b in boxes):
            return {}
        run = self.analysis.run
        redact, keep = frame_regions(frame, boxes, plan, run.width, run.height, run.rotation,
                                     vouching_only=True)  # (a crowd's fill is no head's)
        drawn: dict[int, Region] = {}
        for r in redact + keep:  # a head's own region comes before its whole person's
            if r.track_id is not None:
                drawn.setdefault(r.track_id, r)
        return drawn

    # --- edits ---------------------------------------------------------------------------

    def prepared(self, new_plan: RedactionPlan) -> RedactionPlan:
        """``new_plan`` bound to the run shown (what its track numbers refer to);
        ConflictError when the plan belongs to another run (``start_again`` first)."""
        if self.run_mismatch():
            raise ConflictError(QT_TRANSLATE_NOOP(
                "CoreMessages", "This plan was made with another detection run (another preset, "
                "stride or model), or on tracks numbered otherwise (by another version of BWV "
                "Studio, or from an earlier detection), where the same track number can be "
                "another person. Switch "
                "back to that preset, carry the decisions over to the people of this run (you "
                "confirm each one), or use Start again."))
        if self.analysis is not None:
            return plan_edits.bound(new_plan, self.analysis.run_key, self.analysis.tracks_key)
        return new_plan

    def changes(self, new_plan: RedactionPlan) -> bool:
        return new_plan.sha256() != self.plan.sha256()

    def push(self, new_plan: RedactionPlan, text: str, reason: str = "") -> PlanChange:
        """Make ``new_plan`` the plan (an undoable step); the change to save."""
        self._done.append(_Step(self.plan, new_plan, text, reason))
        self._undone.clear()
        return self._move(new_plan, text, reason)

    def undo(self) -> PlanChange | None:
        if not self._done:
            return None
        step = self._done.pop()
        self._undone.append(step)
        return self._move(step.before, "undo: " + step.text, "")

    def redo(self) -> PlanChange | None:
        if not self._undone:
            return None
        step = self._undone.pop()
        self._done.append(step)
        return self._move(step.after, step.text, step.reason)

    def _move(self, plan: RedactionPlan, text: str, reason: str) -> PlanChange:
        self.plan = plan
        self.recompute()
        return PlanChange(plan, text, reason)

    def exported(self, run_key: str, tracks_key: str) -> None:
        """An export stored the plan bound to the detection run it used and its tracks (a
        plan made before any run was shown has none): that is the plan in force, which the
        next edit starts from (saved edits are refused when made from another)."""
        if not self.plan.detection_run:
            self.plan = plan_edits.bound(self.plan, run_key, tracks_key)
        self.stored = self.plan.sha256()

    def made_on_older_detector(self, store: Store) -> bool:
        """Whether the plan was made on a stored run of older detection code, which is never
        reused (``runs.older_code``): the footage must be detected again (blocking)."""
        if not self.plan.detection_run:
            return False
        with store.read() as session:
            return older_code(session, self.footage.id, self.plan.detection_run)

    def run_of_stored(self, store: Store, plan: RedactionPlan) -> tuple[str, str] | None:
        """After an export that failed once it had stored its plan (at its final rename,
        say): the detection run and tracks the stored plan is bound to, when that plan is
        ``plan`` (the window's, as the export was given it) bound to them; else None
        (blocking: from the window's database worker). The window then adopts them with
        ``exported``, as after an export that ended well, so its next edit is not refused as
        made from an older plan."""
        with store.read() as session:
            record = find_plan_record(session, self.footage.id, self.case_id)
            if record is None:
                return None
            stored = RedactionPlan.from_json(record.plan)
        run, tracks = stored.detection_run, stored.detection_tracks
        same = plan if plan.detection_run else plan_edits.bound(plan, run, tracks)
        return (run, tracks) if run and same.sha256() == record.plan_sha256 else None

    def start_again(self) -> tuple[RedactionPlan, str] | None:
        """The plan with the people chosen again on the run shown (None: no run shown)."""
        if self.analysis is None:
            return None
        return plan_edits.start_again(self.plan, self.analysis.run_key,
                                      self.analysis.tracks_key)

    def carry_over(self, store: Store) -> carrying.CarryOver:
        """How the plan's decisions, made on another run, go to the people of the run shown
        (blocking: call it from a worker; nothing changes until ``carried``)."""
        if self.analysis is None:
            raise ConflictError(QT_TRANSLATE_NOOP(
                "CoreMessages", "Detect faces first: decisions are carried to a detection "
                "run."))
        return carrying.carry_over(store, self.plan, self.analysis)

    def carried(self, carry: carrying.CarryOver,
                accepted: set[tuple[int, int]] | None = None) -> tuple[RedactionPlan, str]:
        """The plan with the decisions carried to the run shown for the (old track, new
        track) pairs in ``accepted`` (None: every sure pair); push it to make it the plan."""
        return carrying.carried_plan(self.plan, carry, accepted)

    def plan_with(self, choices: plan_edits.OutputChoices) -> RedactionPlan:
        """The plan as it would be with these export choices."""
        return plan_edits.set_output_choices(self.plan, choices)[0]


def save_change(store: Store, user: str, footage_id: int, case_id: int | None,
                change: PlanChange) -> str:
    """Store the plan a change put in force, audited with its text and reason (blocking);
    the plan's SHA-256."""
    with store.transaction() as session:
        return save_plan(session, resolve_actor(session, user), footage_id, case_id,
                         change.plan, edit=change.text, reason=change.reason,
                         expected=change.before)


def _within(box: tuple[float, float, float, float],
            region: tuple[int, int, int, int]) -> tuple[float, float, float, float]:
    """The part of ``box`` (x, y, w, h) inside a hidden region's box (x1, y1, x2, y2): how a
    head narrowed to its person's face is shown; the box itself if they do not meet."""
    x, y, w, h = box
    x1, y1 = max(x, region[0]), max(y, region[1])
    x2, y2 = min(x + w, region[2]), min(y + h, region[3])
    return (x1, y1, x2 - x1, y2 - y1) if x2 > x1 and y2 > y1 else box
