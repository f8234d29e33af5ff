"""What a supervisor must see, and answer, before approving a plan: the review ranges
nobody marked as reviewed and the faces the export's own check still saw.

Each open item has a key that is unique across a case (``footage:N:range:S-E``,
``footage:N:export:M``), so approving a case answers the items of all its plans at once.
An approval records every item with the answer given (``approval.decide``), and the
disclosure record prints them.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.core.detection.runs import load_run, older_code
from app.core.errors import QT_TRANSLATE_NOOP, ConflictError
from app.core.redaction.plan import RedactionPlan
from app.core.redaction.plan_review import plan_review
from app.core.store.models import ExportRecord, Footage
from app.core.tracking.edits import apply_track_edits
from app.core.tracking.tracker import build_tracks
from app.core.tracking.tracks_digest import tracks_sha256

REVIEW_WHY = {"faces_lost": "faces lost right after frames with faces",
              "track_ended": "a face vanished away from the edge of the picture",
              "track_started": "a face appeared away from the edge of the picture",
              "no_faces": "a stretch with no face found at all",
              "same_person": "a face lost and another found beside it: the same person?",
              "found_again": "a face kept visible, lost and found again: the same person?"}


@dataclass(frozen=True)
class OpenItem:
    key: str
    text: str  # what it is, in words (English; the UI shows it as it is)


def open_items(session: Session, footage_id: int, case_id: int | None,
               plan: RedactionPlan) -> list[OpenItem]:
    """Unreviewed ranges of the run the plan was made on, and an export of this exact plan
    whose residual check still saw faces."""
    footage = session.get(Footage, footage_id)
    if footage is None:
        return []
    items: list[OpenItem] = []
    fps = footage.fps or 25.0
    # the run the export would apply the plan to: the newest stored with its settings
    run = load_run(session, footage_id, plan.detection_run) if plan.detection_run else None
    refused = None  # why the export would refuse the plan, as it stands
    if run is not None and older_code(session, footage_id, plan.detection_run):
        refused = "it was made on a detection run by an earlier version of the detector"
    run_tracks = build_tracks(run, footage.frame_count, fps) \
        if run is not None and not refused else []
    if run is not None and not refused and plan.detection_tracks \
            and tracks_sha256(run_tracks) != plan.detection_tracks:
        refused = ("its track numbers belong to tracks its detection run no longer gives "
                   "(another version of BWV Studio, or the footage detected again)")
    if refused:  # its ranges would be someone else's: the people must be chosen again
        items.append(OpenItem(
            f"footage:{footage_id}:tracks",
            f"{footage.file_name}: the plan cannot be exported as it stands: {refused}; "
            "open it in the workspace to carry its decisions over, or choose the people "
            "again"))
        run = None
    if run is not None:
        tracks = apply_track_edits(run_tracks, plan.track_edits)  # as the person left them
        done = set(plan.reviewed)
        # one item per span: two ranges over the same frames (a fast pan and a group of
        # faces, say) are one answer, and the item names both reasons
        whys: dict[tuple[int, int], list[str]] = {}
        for r in plan_review(run, run_tracks, tracks, plan, footage.frame_count, fps):
            if r.done(done):
                continue
            why = REVIEW_WHY.get(r.reason.value, r.reason.value.replace("_", " "))
            if r.also:  # a grouped item: the people whose coming or going it took in
                why += f"; people {', '.join(str(t) for t in r.people)}"
            whys.setdefault(r.key, []).append(why)
        for (first, last), reasons in whys.items():
            items.append(OpenItem(
                f"footage:{footage_id}:range:{first}-{last}",
                f"{footage.file_name}: frames {first}-{last} not marked as "
                f"reviewed ({'; and '.join(reasons)})"))
    query = select(ExportRecord).where(ExportRecord.footage_id == footage_id,
                                       ExportRecord.plan_sha256 == plan.sha256(),
                                       or_(ExportRecord.residual_findings > 0,
                                           ExportRecord.residual_findings.is_(None)))
    if case_id is not None:
        query = query.where(ExportRecord.case_id == case_id)
    for export in session.scalars(query.order_by(ExportRecord.id)):
        items.append(OpenItem(
            export_item_key(footage_id, export.id),
            f"{footage.file_name}: export #{export.id} - made without the check for faces "
            "left visible: nobody has looked at its frames for a face the plan missed"
            if export.residual_findings is None else
            f"{footage.file_name}: export #{export.id} - the check still saw "
            f"{export.residual_findings} face(s) or text region(s) that may identify "
            "someone (listed in its manifest)"))
    return items


def export_item_key(footage_id: int, export_id: int) -> str:
    """The open item of an export whose residual check still saw faces."""
    return f"footage:{footage_id}:export:{export_id}"


def answers_for(items: list[OpenItem], answers: dict[str, str]) -> list[dict[str, str]]:
    """Each item with its answer, for the audit event; refused when any is unanswered."""
    missing = [i for i in items if not answers.get(i.key, "").strip()]
    if missing:
        raise ConflictError(QT_TRANSLATE_NOOP(
            "CoreMessages", "{count} open item(s) need an answer before approval (a reason each, "
            'or "all reviewed" after going through them), e.g. {text}.'),
            count=len(missing), text=missing[0].text)
    return [{"key": i.key, "item": i.text, "answer": answers[i.key].strip()} for i in items]
