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

from app.core.analysis import Analysis, StageFn, analyse, no_stage
from app.core.case_state.status import get_case
from app.core.detection.presets import DEFAULT_PRESET, Preset
from app.core.detection.runs import older_code
from app.core.errors import QT_TRANSLATE_NOOP, ConflictError
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
WITHDRAWS_APPROVAL = QT_TRANSLATE_NOOP(
    "CoreMessages", "Footage #{number} has a saved plan that {by} approved on {at}, and this "
    "plan is another: saving it withdraws that approval. Say so to save it anyway, or export "
    "the approved plan.")
WITHDRAWS_REQUEST = QT_TRANSLATE_NOOP(
    "CoreMessages", "Footage #{number} has a saved plan whose approval {by} asked for on {at}, "
    "and this plan is another: saving it withdraws that request. Say so to save it anyway.")


def bind_plan(analysis: Analysis, plan: RedactionPlan,
              stored_sha: str | None) -> tuple[RedactionPlan, list[Track]]:
    """``plan`` bound to the run and tracks it is exported from (an export, and so an
    approval, is of a plan that says which people its track numbers are), and the run's
    tracks with the plan's merges and splits. A plan made on another run or numbering is
    refused; so is one naming tracks the footage does not have. ``stored_sha``: the stored
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
    tracks = apply_track_edits(analysis.tracks, plan.track_edits)
    unknown = (set(plan.keep_tracks) | set(plan.false_positive_tracks)) - {t.id for t in tracks}
    if unknown:
        raise ConflictError(NO_SUCH_TRACKS, missing=sorted(unknown),
                            tracks=[t.id for t in tracks])
    return plan, tracks


@dataclass(frozen=True)
class SavedForApproval:
    footage_id: int
    case_id: int | None
    plan_sha256: str
    state: ApprovalState  # of the plan saved: requested now, or already approved
    withdrawn: ApprovalState | None  # the standing decision on the plan it replaced
    analysis: Analysis


def save_for_approval(store: Store, actor_name: str, footage_key: str | int,
                      plan: RedactionPlan, *, case_ref: str | None = None,
                      preset: Preset | str = DEFAULT_PRESET, stride: int | None = None,
                      reuse: bool = True, stage: StageFn = no_stage,
                      cancel: CancelToken | None = None,
                      withdraw: bool = False) -> SavedForApproval:
    """Detect (or reuse the stored run), bind ``plan`` to the run as an export would, save it
    as the footage's plan (in the case ``case_ref``) and ask a supervisor's approval of it.
    Nothing is exported. A saved plan that is approved, or whose approval was asked for, is
    replaced by another only with ``withdraw`` (as the app asks "Make the change?")."""
    plan.validate()
    with store.read() as session:
        actor = resolve_actor(session, actor_name)
        require(actor, Permission.REDACT, QT_TRANSLATE_NOOP("CoreMessages",
                                                            "change redaction plans"))
        require(actor, Permission.REQUEST_APPROVAL,
                QT_TRANSLATE_NOOP("CoreMessages", "ask for approval"))
        case_id = get_case(session, case_ref).id if case_ref is not None else None
        item = get_footage(session, footage_key)
        require_present(item)
        if case_ref is not None and case_id not in {c.id for c in item.cases}:
            raise ConflictError(NOT_IN_CASE, number=item.id, reference=case_ref)
        if plan.detection_run and older_code(session, item.id, plan.detection_run):
            raise ConflictError(OLDER_DETECTOR)
        stored = find_plan_record(session, item.id, case_id)
        stored_sha = stored.plan_sha256 if stored is not None else None
        footage_id = item.id
    analysis = analyse(store, actor_name, footage_key, preset, stride=stride, reuse=reuse,
                       stage=stage, cancel=cancel)
    plan, _tracks = bind_plan(analysis, plan, stored_sha)
    digest = plan.sha256()
    withdrawn = None
    with store.transaction() as session:
        actor = resolve_actor(session, actor_name)
        standing = standing_approval(session, footage_id, case_id, stored_sha) \
            if stored_sha is not None and stored_sha != digest else None
        if standing is not None:  # what the app asks about before an edit ("Make the change?")
            if not withdraw:
                raise ConflictError(
                    WITHDRAWS_APPROVAL if standing.state is ApprovalState.APPROVED
                    else WITHDRAWS_REQUEST, number=footage_id, by=standing.by,
                    at=format_utc(standing.at))
            withdrawn = standing.state
        save_plan(session, actor, footage_id, case_id, plan,
                  edit="saved for approval (command line)", expected=stored_sha or "")
        state = approval_of(session, footage_id, case_id, digest).state
        if state not in (ApprovalState.APPROVED, ApprovalState.REQUESTED):
            state = request_approval(session, actor, footage_id, case_id, digest).state
    return SavedForApproval(footage_id, case_id, digest, state, withdrawn, analysis)
