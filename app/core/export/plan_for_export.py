"""The plan an export is made from, bound to its detection run; and that plan saved for a
supervisor's approval without exporting anything.

With the store's approval rule on (a new store's default) an export needs a supervisor's
approval of its exact plan, and the approval is asked for on the saved plan. The app saves
its plan with each edit; the command line builds its plan from its options, so before
``save_for_approval`` (``bwv redact --ask-approval``) a store with the rule on had no way to
put a command-line plan before a supervisor. The same options then give the same plan (bound
to the same run and tracks), so once it is approved the same command exports it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.core.analysis import Analysis, StageFn, analyse, no_stage
from app.core.case_state.status import get_case, refuse_finished
from app.core.detection.presets import DEFAULT_PRESET, Preset, get_preset
from app.core.detection.runs import older_code
from app.core.errors import QT_TRANSLATE_NOOP, ConflictError, InvalidInputError
from app.core.library.footage import get_footage, require_present
from app.core.media.timecode import format_utc
from app.core.people.permissions import Permission, require
from app.core.people.users import resolve_actor
from app.core.progress import CancelToken
from app.core.redaction.approval import (
    ApprovalState,
    approval_of,
    request_approval,
    standing_approval,
)
from app.core.redaction.plan import RedactionPlan
from app.core.redaction.plan_edits import bound, made_elsewhere
from app.core.redaction.plans import find_plan_record, save_plan
from app.core.store.database import Store
from app.core.store.models import Case, User
from app.core.tracking.edits import apply_track_edits
from app.core.tracking.tracker import Track

OTHER_RUN = QT_TRANSLATE_NOOP(
    "CoreMessages", "This plan's track numbers and reviews belong to another detection run "
    "(another preset, stride or model, or a preset re-tuned by an update of BWV Studio), "
    "where the same number can be another person. Use that preset, or choose the people "
    "again on the {preset} run.")
OLDER_DETECTOR = QT_TRANSLATE_NOOP(
    "CoreMessages", "This plan was made on a detection run by an earlier version of BWV "
    "Studio's detector; this version detects the footage again, and its track numbers can be "
    "other people there. Open the footage in the workspace and carry the decisions over to "
    "the new run's people (you confirm each one), or choose the people again.")
OTHER_TRACKS = QT_TRANSLATE_NOOP(
    "CoreMessages", "This plan's track numbers belong to tracks built otherwise from this "
    "detection run's settings (by another version of BWV Studio, or from an earlier detection "
    "of this footage), so the same number can be another person here. Open the footage in "
    "the workspace: its decisions are carried over where the tracks they were made on can "
    "still be built (you confirm each one); else choose the people again.")
NO_SUCH_TRACKS = QT_TRANSLATE_NOOP("CoreMessages", "No track(s) {missing} in this footage; "
                                   "it has tracks {tracks}.")
NOT_IN_CASE = QT_TRANSLATE_NOOP(
    "CoreMessages", "Footage #{number} is not in case {reference}: add it to the case first, "
    "so the case's retention keeps it while the case is open and the export is listed with "
    "its footage.")
BOX_OUTSIDE = QT_TRANSLATE_NOOP(
    "CoreMessages", "The box {label} drawn by hand lies outside the footage (on none of its "
    "{frames} frames, or off the picture), so it would hide nothing; check its frames and "
    "place.")
WHOLE_PEOPLE_UNSEEN = QT_TRANSLATE_NOOP(
    "CoreMessages", "The plan hides whole people, but preset {preset} does not look "
    "for people: choose a preset that does (balanced, the default, or thorough).")
REPLACES_APPROVED = QT_TRANSLATE_NOOP(
    "CoreMessages", "Footage #{number} has a saved plan that {by} approved on {at}, and this "
    "plan is another: saving it withdraws that approval. Say so to save it anyway, or export "
    "the approved plan.")
REPLACES_REQUESTED = QT_TRANSLATE_NOOP(
    "CoreMessages", "Footage #{number} has a saved plan whose approval {by} asked for on {at}, "
    "and this plan is another: saving it withdraws that request. Say so to save it anyway.")
REPLACES_SAVED = QT_TRANSLATE_NOOP(
    "CoreMessages", "Footage #{number} has a saved plan, last changed by {by} on {at}, and this "
    "plan is another: saving it replaces that plan and its choices. Say so to replace it.")


def refuse_unexportable(plan: RedactionPlan, preset: Preset) -> None:
    """A plan that hides whole people needs a preset that looks for people: else nobody
    would be hidden (refused before any work, and before anyone approves it)."""
    if plan.hide_whole_people and not preset.heads_every_s:
        raise InvalidInputError(WHOLE_PEOPLE_UNSEEN, preset=preset.name)


def _refuse_boxes_outside(plan: RedactionPlan, frame_count: int, side: int) -> None:
    """A box drawn by hand that lies on no frame of the footage, or off the picture on every
    frame it spans, would hide nothing yet be counted as hidden (manifest, C2PA): refused.
    (``side``: the picture's longer side, so a rotated picture is never misjudged.)"""
    for box in plan.manual_boxes:
        frames = range(max(0, box.keyframes[0].frame),
                       min(frame_count, box.keyframes[-1].frame + 1)) if box.keyframes else ()
        if not any((at := box.box_at(f)) is not None and at[0] < side and at[1] < side
                   and at[0] + at[2] > 0 and at[1] + at[3] > 0 for f in frames):
            raise ConflictError(BOX_OUTSIDE, label=box.label or f"#{box.id}",
                                frames=frame_count)


def bind_plan(analysis: Analysis, plan: RedactionPlan,
              stored_sha: str | None) -> tuple[RedactionPlan, list[Track]]:
    """``plan`` bound to the run and tracks it is exported from (an export, and so an
    approval, is of a plan that says which people its track numbers are), and the run's
    tracks with the plan's merges and splits. A plan made on another run or numbering is
    refused; so is one naming tracks the footage does not have, or with a box drawn by hand
    that hides nothing. ``stored_sha``: the stored
    plan's SHA-256 (a stored plan bound before tracks were recorded keeps its hash, and
    approval, when given without its run)."""
    if plan.detection_run and plan.detection_run != analysis.run_key:
        raise ConflictError(OTHER_RUN, preset=analysis.run.preset.name)
    if made_elsewhere(plan, analysis.run_key, analysis.tracks_key):
        raise ConflictError(OTHER_TRACKS)
    if not plan.detection_run:  # given without its run (the command line)
        untracked = bound(plan, analysis.run_key, "")
        plan = untracked if untracked.sha256() == stored_sha else \
            bound(plan, analysis.run_key, analysis.tracks_key)
    _refuse_boxes_outside(plan, analysis.frame_count, max(analysis.width, analysis.height))
    tracks = apply_track_edits(analysis.tracks, plan.track_edits)
    unknown = (set(plan.keep_tracks) | set(plan.false_positive_tracks)) - {t.id for t in tracks}
    if unknown:
        raise ConflictError(NO_SUCH_TRACKS, missing=sorted(unknown),
                            tracks=[t.id for t in tracks])
    return plan, tracks


def replacing(session: Session, actor: User, footage_id: int, case_id: int | None,
              stored_sha: str | None, digest: str, replace: str) -> ApprovalState | None:
    """Whether the plan ``digest`` may be saved over the footage's saved plan ``stored_sha``
    (as the command line, which builds its plan from its options, would): the same plan, or
    none saved, or one ``actor`` saved last that stands neither approved nor awaiting
    approval (their own earlier choices), or ``replace`` names the saved plan (8 or more
    leading characters of its SHA-256, as the refusal gives them: never a plan saved since).
    Else refused, saying what would go: the plan's approval, or the request for one, or
    someone else's choices. Returns the standing decision that goes, if any."""
    if stored_sha is None or stored_sha == digest:
        return None
    standing = standing_approval(session, footage_id, case_id, stored_sha)
    named = replace.strip().lower()
    if len(named) >= 8 and all(c in "0123456789abcdef" for c in named) and \
            stored_sha.startswith(named):
        return standing.state if standing is not None else None
    record = find_plan_record(session, footage_id, case_id)
    if standing is None and (record is None or record.updated_by_id == actor.id):
        return None
    if standing is not None:
        raise ConflictError(
            REPLACES_APPROVED if standing.state is ApprovalState.APPROVED
            else REPLACES_REQUESTED, number=footage_id, by=standing.by,
            at=format_utc(standing.at), plan=stored_sha[:12])
    by = session.get(User, record.updated_by_id) if record and record.updated_by_id else None
    raise ConflictError(REPLACES_SAVED, number=footage_id, by=by.name if by else "?",
                        at=format_utc(record.updated_at) if record else "?",
                        plan=stored_sha[:12])


@dataclass(frozen=True)
class SavedForApproval:
    footage_id: int
    case_id: int | None
    plan_sha256: str
    state: ApprovalState  # of the plan saved: requested, or approved already (unchanged)
    asked: bool  # approval was asked for now (not already asked for, nor approved)
    changed: bool  # the footage's saved plan changed (a case goes back to review)
    replaced: bool  # another saved plan was replaced
    withdrawn: ApprovalState | None  # the standing decision on the plan it replaced
    analysis: Analysis


def save_for_approval(store: Store, actor_name: str, footage_key: str | int,
                      plan: RedactionPlan, *, case_ref: str | None = None,
                      preset: Preset | str = DEFAULT_PRESET, stride: int | None = None,
                      reuse: bool = True, stage: StageFn = no_stage,
                      cancel: CancelToken | None = None,
                      replace: str = "") -> SavedForApproval:
    """Detect (or reuse the stored run), bind ``plan`` to the run as an export would, save it
    as the footage's plan (in the case ``case_ref``) and ask a supervisor's approval of it.
    Nothing is exported.

    Another saved plan (someone else's, or approved, or awaiting approval) is replaced only
    when ``replace`` names it (``replacing``), as the app asks "Make the change?" before
    withdrawing an approval. A plan saved in place of another is always put to a supervisor
    again, even one approved before (an older approved plan never comes back with its
    approval: see the export's ``NOT_CURRENT``). The same plan saved again keeps its
    approval, or its request. A finished case takes neither."""
    plan.validate()
    chosen = get_preset(preset) if isinstance(preset, str) else preset
    refuse_unexportable(plan, chosen)
    with store.read() as session:
        actor = resolve_actor(session, actor_name)
        require(actor, Permission.REDACT, QT_TRANSLATE_NOOP("CoreMessages",
                                                            "change redaction plans"))
        require(actor, Permission.REQUEST_APPROVAL,
                QT_TRANSLATE_NOOP("CoreMessages", "ask for approval"))
        case = get_case(session, case_ref) if case_ref is not None else None
        if case is not None:  # (not even a request to approve it: nothing more is released)
            refuse_finished(case)
        case_id = case.id if case is not None else None
        item = get_footage(session, footage_key)
        require_present(item)
        if case_ref is not None and case_id not in {c.id for c in item.cases}:
            raise ConflictError(NOT_IN_CASE, number=item.id, reference=case_ref)
        if plan.detection_run and older_code(session, item.id, plan.detection_run):
            raise ConflictError(OLDER_DETECTOR)
        stored = find_plan_record(session, item.id, case_id)
        stored_sha = stored.plan_sha256 if stored is not None else None
        footage_id = item.id
    analysis = analyse(store, actor_name, footage_key, chosen, stride=stride, reuse=reuse,
                       stage=stage, cancel=cancel)
    plan, _tracks = bind_plan(analysis, plan, stored_sha)
    digest = plan.sha256()
    replaced = stored_sha is not None and stored_sha != digest
    with store.transaction() as session:
        actor = resolve_actor(session, actor_name)
        if case_id is not None and (now := session.get(Case, case_id)) is not None:
            refuse_finished(now)  # (closed while detecting?)
        withdrawn = replacing(session, actor, footage_id, case_id, stored_sha, digest, replace)
        save_plan(session, actor, footage_id, case_id, plan,  # (refused if saved meanwhile)
                  edit="saved for approval (command line)", expected=stored_sha or "")
        state = approval_of(session, footage_id, case_id, digest).state
        asked = replaced or state not in (ApprovalState.APPROVED, ApprovalState.REQUESTED)
        if asked:
            state = request_approval(session, actor, footage_id, case_id, digest).state
    return SavedForApproval(footage_id, case_id, digest, state, asked, stored_sha != digest,
                            replaced, withdrawn, analysis)
