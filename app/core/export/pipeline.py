"""The whole redaction job: detect (or reuse a stored run), track, export, check, record.

Used by ``bwv redact`` and by the desktop app's export worker; Qt-free.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import __version__
from app.core.analysis import Analysis, StageFn, analyse, no_stage
from app.core.audio.redacted_transcript import released_transcripts
from app.core.audio.transcripts import newest_transcripts
from app.core.case_state.status import get_case
from app.core.detection.detector import preset_models
from app.core.detection.presets import DEFAULT_PRESET, Preset, get_preset
from app.core.detection.runs import has_run, older_code
from app.core.detection.video import stride_for
from app.core.errors import (
    QT_TRANSLATE_NOOP,
    ConflictError,
    InvalidInputError,
    MediaError,
    PermissionDeniedError,
)
from app.core.export.c2pa_signing import C2paCredentials, sign_video
from app.core.export.closed_loop import TextCheck, export_checked
from app.core.export.completion import audit_extract_path, complete_export, complete_interrupted
from app.core.export.manifest import manifest_path, render_manifest
from app.core.export.manifest_data import build_manifest
from app.core.export.output_lock import export_lock, remove_abandoned_locks
from app.core.export.plan_for_export import (
    NOT_IN_CASE,
    OLDER_DETECTOR,
    bind_plan,
    refuse_unexportable,
    replacing,
)
from app.core.export.residual import ResidualReport
from app.core.export.video_export import EXISTS, NO_OUTPUT_FOLDER, EncodeOptions, ExportStats
from app.core.fileio import (
    discard,
    file_identity,
    partial_path,
    refuse_not_a_file,
    remove_stale_partials,
)
from app.core.integrity.anchors import chain_anchor
from app.core.library.footage import get_footage, refuse_an_original, require_present
from app.core.media.hashing import sha256_file
from app.core.media.timecode import format_utc
from app.core.people.permissions import Permission, can, require
from app.core.people.users import resolve_actor
from app.core.policy.store_policy import load_policy
from app.core.progress import CancelToken
from app.core.redaction.approval import ApprovalState, approval_of
from app.core.redaction.plan import RedactionPlan
from app.core.redaction.plan_review import plan_review
from app.core.redaction.plans import changed_meanwhile, find_plan_record, save_plan
from app.core.store import audit
from app.core.store.database import Store
from app.core.store.models import ExportRecord, Footage
from app.core.tracking.tracker import (
    boxes_by_frame,
)

log = logging.getLogger(__name__)

# What an export can refuse (translated in the app; the CLI adds its own flags).
ORIGINAL_MISSING = QT_TRANSLATE_NOOP("CoreMessages", "{path}: the original is missing.")
ORIGINAL_CHANGED = QT_TRANSLATE_NOOP(
    "CoreMessages", "{path}: the original no longer matches the SHA-256 recorded at ingest; "
    "it will not be exported (verify the originals to see which changed).")
FINISHED_NOW = QT_TRANSLATE_NOOP(
    "CoreMessages", "{path}: an export of this name was interrupted after it was recorded; it "
    "has been finished now, with its manifest and audit extract beside it; choose another "
    "name, or replace it.")
NOT_MP4 = QT_TRANSLATE_NOOP("CoreMessages", "{path}: an export is an MP4 file; give a name "
                            "ending in .mp4.")
NEEDS_APPROVAL = QT_TRANSLATE_NOOP(
    "CoreMessages", "This redaction plan needs a supervisor's approval before it is exported "
    "(state: {state}). Any edit after an approval needs a new one.")
REJECTED = QT_TRANSLATE_NOOP(
    "CoreMessages", "{by} rejected this redaction plan ({at}): \"{note}\". Change it as "
    "asked, then ask for approval again.")
NOT_DETECTED = QT_TRANSLATE_NOOP(
    "CoreMessages", "This redaction plan needs a supervisor's approval, but faces have not been "
    "detected on it yet, and an export binds the plan to its detection (a new plan, which no "
    "one approved). Detect faces first, then ask for approval of that plan.")
APPROVAL_LAPSED = QT_TRANSLATE_NOOP(
    "CoreMessages", "The approval this export needs or names lapsed while it was being made "
    "(the plan is now: {state}, or the store's rule changed); nothing was recorded. Export "
    "again once it is approved.")
NOT_CURRENT = QT_TRANSLATE_NOOP(
    "CoreMessages", "This plan was approved, but the footage's plan has been changed since; "
    "an export does not bring an older plan back, nor its approval. Export the current plan "
    "once it is approved, or go back to the approved plan in the workspace (undo asks "
    "first).")
CAPTION_FIELD = QT_TRANSLATE_NOOP(
    "CoreMessages", "The caption {caption!r} has an unknown field ({field}); use {{case}}, "
    "{{date}} and {{time}}.")

@dataclass
class RedactResult:
    output: Path
    output_sha256: str
    manifest: Path
    manifest_sha256: str
    stats: ExportStats
    analysis: Analysis
    residual: ResidualReport | None
    export_id: int
    audit_extract: Path
    replaced: bool = False  # ``replace``: another saved plan was replaced by this one
    withdrawn: ApprovalState | None = None  # the standing decision on the plan replaced


def _caption_fn(template: str, case_ref: str | None, recorded_at: datetime | None,
                working_copy: bool = False) -> Callable[[float], str] | None:
    if not template and not working_copy:
        return None
    today = datetime.now(UTC).strftime("%Y-%m-%d")

    def caption(time_s: float) -> str:
        when = (recorded_at + timedelta(seconds=time_s)).strftime("%Y-%m-%d %H:%M:%S UTC") \
            if recorded_at else f"T+{time_s:07.2f}s"
        text = template.format(case=case_ref or "", date=today, time=when)
        return f"{WORKING_COPY_MARK}  {text}".strip() if working_copy else text

    try:
        caption(0.0)
    except (KeyError, IndexError, ValueError) as exc:
        raise InvalidInputError(CAPTION_FIELD, caption=template, field=exc) from None
    return caption


WORKING_COPY_MARK = "WORKING COPY - NOT FOR RELEASE"  # burnt into every frame of one
WORKING_COPY_NOTE = ("Made unattended by a batch job from a template plan that no person "
                     "reviewed. Not for release: review the footage, have the plan approved, "
                     "and export it again.")


def redact_footage(store: Store, actor_name: str, footage_key: str | int, out: Path,
                   plan: RedactionPlan, *, case_ref: str | None = None,
                   preset: Preset | str = DEFAULT_PRESET, stride: int | None = None,
                   options: EncodeOptions | None = None, verify: bool = True,
                   reuse: bool = True, stage: StageFn = no_stage,
                   cancel: CancelToken | None = None,
                   require_approval: bool = False,
                   signing: C2paCredentials | None = None,
                   working_copy: bool = False,
                   expected_plan: str | None = None,
                   replace: str | None = None) -> RedactResult:
    """Detect, track, export with ``plan``, check the result and record it all.

    With ``signing`` the MP4 carries a C2PA manifest signed with those credentials.

    With ``require_approval``, or when the store's rule says so (``StorePolicy``), the exact
    plan must have been approved by a supervisor.

    A ``working_copy`` (a batch job's output from a template plan nobody reviewed) needs the
    full export permission but no approval: every frame says WORKING COPY, the manifest and
    the record say so, and it is never packed or released.

    The plan is never saved over one stored while the export ran, nor (``expected_plan``:
    the stored plan's SHA-256 as the caller's window last knew it) over one stored since.
    A caller that builds its plan without the stored one (the command line) gives
    ``replace``: someone else's saved plan, or one approved or awaiting approval, is then
    replaced only when it names it (``plan_for_export.replacing``; "" names none).
    """
    options = options or EncodeOptions()
    plan.validate()
    chosen = get_preset(preset) if isinstance(preset, str) else preset
    refuse_unexportable(plan, chosen)
    out = out.expanduser()
    manifest = manifest_path(out)
    extract = audit_extract_path(out)
    # First finish what an interrupted export recorded here. Not for working copies: many
    # workers write into one shared folder, and another's export may be finishing just now
    # (a working copy's job finishes its own, by its own name).
    finished = complete_interrupted(store, out.parent, actor_name) \
        if out.parent.is_dir() and not working_copy else []
    for finished_one in finished:
        log.info("finished %s, left by an interrupted export", finished_one)
    if not options.force and any(f.resolve() == out.resolve() for f in finished):
        raise ConflictError(FINISHED_NOW, path=out)  # not a bare "already exists"
    with store.read() as session:  # evidence: never written over, even when told to replace
        for target in (out, manifest, extract):
            refuse_an_original(session, target)
    _refuse_existing((out, manifest, extract), options.force)
    if out.suffix.lower() != ".mp4":  # (what the manifest and the seal name it as)
        raise InvalidInputError(NOT_MP4, path=out)
    if not out.parent.is_dir():  # now, not after hours of detection
        raise MediaError(NO_OUTPUT_FOLDER, path=out.parent)
    if not working_copy:
        for stale in [*remove_stale_partials(out.parent), *remove_abandoned_locks(out.parent)]:
            log.info("removed %s, left by an interrupted export", stale)
    started = datetime.now(UTC)
    case_id = None
    with store.transaction() as session:
        actor = resolve_actor(session, actor_name)
        if working_copy:  # never released, so no approval; but not case staff's to make
            require(actor, Permission.EXPORT,
                    QT_TRANSLATE_NOOP("CoreMessages", "make working copies"))
            require_approval = False
        elif not can(actor, Permission.EXPORT):
            require(actor, Permission.EXPORT_APPROVED,
                    QT_TRANSLATE_NOOP("CoreMessages", "export footage"))
            require_approval = True  # case staff export approved plans only
        elif load_policy(session).require_approval:
            require_approval = True  # the store's rule, set by an administrator
        if case_ref is not None:
            case_id = get_case(session, case_ref).id
        item: Footage = get_footage(session, footage_key)
        require_present(item)
        if case_ref is not None and case_id not in {c.id for c in item.cases}:
            raise ConflictError(NOT_IN_CASE, number=item.id, reference=case_ref)
        if require_approval and not working_copy and not plan.detection_run and not has_run(
                session, item.id, chosen, preset_models(chosen),
                stride_for(chosen, item.fps, stride)):
            raise PermissionDeniedError(NOT_DETECTED)  # now, not after the whole detection
        if plan.detection_run and older_code(session, item.id, plan.detection_run):
            raise ConflictError(OLDER_DETECTOR)  # its run is never reused: refused now too
        stored = find_plan_record(session, item.id, case_id)  # an edit saved while this
        plan_at_start = stored.plan_sha256 if stored else ""  # runs is never saved over
        if stored and expected_plan is not None and plan_at_start != expected_plan:
            raise changed_meanwhile(session, stored)  # (the window's plan is not the stored)
        stored_sha = stored.plan_sha256 if stored else None
        recorded_at, source_sha, size = item.recorded_at, item.sha256, item.size_bytes
        duration = item.duration_s
        source = Path(item.original_path)
    # Chain of custody first: a changed original is never processed.
    if not source.exists():
        raise MediaError(ORIGINAL_MISSING, path=source)
    hashed = file_identity(source)  # the file the hash below vouches for
    if sha256_file(source, progress=lambda d, t: stage("hash", d, t), cancel=cancel) \
            != source_sha:
        raise MediaError(ORIGINAL_CHANGED, path=source)
    analysis = analyse(store, actor_name, footage_key, preset, stride=stride, reuse=reuse,
                       stage=stage, cancel=cancel)
    plan, edited = bind_plan(analysis, plan, stored_sha)
    approval = None if working_copy else _approval(store, analysis.footage_id, case_id, plan,
                                                   require_approval)
    withdrawn, replaced = None, False
    if replace is not None and not working_copy:  # (after: an approved plan's own refusals)
        with store.read() as session:
            withdrawn = replacing(session, resolve_actor(session, actor_name),
                                  analysis.footage_id, case_id, stored_sha, plan.sha256(),
                                  replace)
        replaced = stored_sha is not None and stored_sha != plan.sha256()
    run_tracks = analysis.tracks
    analysis.tracks = edited
    analysis.review = plan_review(analysis.run, run_tracks, analysis.tracks, plan,
                                  analysis.frame_count, analysis.fps)  # as the person left them
    frame_boxes = boxes_by_frame(analysis.tracks, analysis.frame_count)
    with store.read() as session:  # the manifest anchors the chain's head, signed
        chain_head = chain_anchor(session, store.store_id, actor_name)
    # One export at a time into this name (another window or workstation is refused while
    # this one writes); what appeared while this one was detecting is checked again. A
    # working copy's name is its job's, which the job's lease already gives one writer.
    with export_lock(out) if not working_copy else nullcontext():
        _refuse_existing((out, manifest, extract), options.force)
        # Both files stay under hidden temporary names until the database has recorded
        # them: a failure anywhere leaves neither, and a --force re-export keeps the old
        # pair until then.
        video_tmp, manifest_tmp = partial_path(out), partial_path(manifest)
        before = _last_export_id(store)  # an older record vouches for nothing here
        try:
            checked = export_checked(source, out, frame_boxes, plan, analysis.rotation,
                                     options=options,
                                     caption=_caption_fn(plan.caption, case_ref, recorded_at,
                                                         working_copy),
                                     verify=verify, stage=stage, cancel=cancel,
                                     text=TextCheck.for_preset(analysis.run.preset, analysis.fps)
                                     if verify and not plan.inverse else None)
            stats, residual = checked.stats, checked.residual
            if file_identity(source) != hashed:  # replaced or written to since it was hashed:
                raise MediaError(ORIGINAL_CHANGED, path=source)  # the export read other bytes
            data = build_manifest(analysis, plan, stats, residual, out, 0, "", source_sha,
                                  size, duration, actor_name, case_ref, started, chain_head,
                                  options)
            with store.read() as session:  # what was said, with the hidden words replaced
                data["transcripts"] = released_transcripts(
                    newest_transcripts(session, analysis.footage_id), plan)
            data["c2pa"] = _content_credentials(signing, video_tmp, out, data)
            out_sha = sha256_file(video_tmp)
            data["output"].update(sha256=out_sha, size_bytes=video_tmp.stat().st_size)
            data["approval"] = approval
            if working_copy:
                data["working_copy"] = WORKING_COPY_NOTE
            text = render_manifest(data)
            manifest_tmp.write_text(text, encoding="utf-8", newline="\n")  # hashed as is
            manifest_sha = hashlib.sha256(text.encode()).hexdigest()
            export_id = _record(store, actor_name, analysis, plan, case_id, out, manifest,
                                video_tmp.stat().st_size, out_sha, manifest_sha, source_sha,
                                residual, require_approval or approval is not None, working_copy,
                                plan_at_start)
        except BaseException:
            if not _recorded(store, out, before):  # never delete what a record vouches for
                discard(video_tmp)
                discard(manifest_tmp)
            raise
        # Recorded: from here the partial files are the export; if this stops half-way, the
        # next export into the folder finishes it (completion.py), never deletes it.
        complete_export(store, export_id, actor_name, hashed=True)
    return RedactResult(out, out_sha, manifest, manifest_sha, stats, analysis, residual,
                        export_id, extract, replaced, withdrawn)


def _refuse_existing(targets: tuple[Path, ...], force: bool) -> None:
    """An export's files never replace earlier ones unless forced, and never a folder."""
    for target in targets:
        refuse_not_a_file(target)  # (forced too: it would fail once recorded)
        if target.exists() and not force:
            raise ConflictError(EXISTS, path=target)


def _last_export_id(store: Store) -> int:
    with store.read() as session:
        return session.scalar(select(func.max(ExportRecord.id))) or 0


def _recorded(store: Store, out: Path, after: int) -> bool:
    """True when this run's export record (newer than ``after``) vouches for the partial
    video waiting at ``out``: a --force re-export byte-identical to the export it would
    replace is not vouched for by the old record."""
    try:
        digest = sha256_file(partial_path(out))
        with store.read() as session:
            return session.scalar(select(ExportRecord.id).where(
                ExportRecord.path == str(out.resolve()), ExportRecord.sha256 == digest,
                ExportRecord.id > after).limit(1)) is not None
    except Exception:
        return False


def _content_credentials(signing: C2paCredentials | None, video: Path, out: Path,
                         data: dict[str, Any]) -> dict[str, Any]:
    """Sign ``video`` in place with C2PA when credentials are configured; what to record."""
    if signing is None:
        return {"signed": False, "why": "no C2PA certificate is configured (settings "
                "c2pa_certificate and c2pa_private_key)"}
    summary = c2pa_summary(data)
    assertion = {"version": __version__, "source_sha256": data["source"]["sha256"],
                 "plan_sha256": data["plan_sha256"],
                 "models": [{"name": m["name"], "sha256": m["sha256"]}
                            for m in data["detection"]["models"]],
                 "audit_chain_head": data["audit_chain_head_before"]}
    signed = partial_path(out.with_name(f"{out.stem}.c2pa{out.suffix}"))
    try:
        facts = sign_video(signing, video, signed, out.name, summary, assertion)
        signed.replace(video)
    finally:
        signed.unlink(missing_ok=True)
    return facts


def c2pa_summary(data: dict[str, Any]) -> dict[str, int]:
    """What the export's signed C2PA action says was done (from its manifest ``data``):
    the sound's ranges counted by what was done to them (the plan's old "mute" list and its
    audio ranges; a disguise is not a mute)."""
    redaction = data["redaction"]
    summary = {k: int(redaction[k]) for k in ("tracks_redacted", "tracks_kept_visible",
                                              "manual_boxes", "redacted_frames")}
    ranges = [*data["plan"].get("mute", []), *data["plan"].get("audio_ranges", [])]
    for action, key in (("mute", "muted_ranges"), ("bleep", "bleeped_ranges"),
                        ("disguise", "disguised_ranges")):  # (the old "mute" list: muted)
        summary[key] = sum(1 for r in ranges if r.get("action", "mute") == action)
    return summary


def _approval(store: Store, footage_id: int, case_id: int | None, plan: RedactionPlan,
              required: bool) -> dict[str, Any] | None:
    """The supervisor's approval of exactly this plan; refused when required and missing,
    or when the plan stored now is another (``_refuse_replacing``)."""
    with store.read() as session:
        found = approval_of(session, footage_id, case_id, plan.sha256())
        if found.state is ApprovalState.APPROVED:
            _refuse_replacing(session, footage_id, case_id, plan)
    if found.state is ApprovalState.APPROVED:
        return {"by": found.by, "at": found.at, "plan_sha256": found.plan_sha256,
                "note": found.note}
    if required and found.state is ApprovalState.REJECTED:  # not the same plan again
        raise PermissionDeniedError(REJECTED, by=found.by, at=format_utc(found.at),
                                    note=found.note or "-")
    if required:
        raise PermissionDeniedError(NEEDS_APPROVAL, state=found.state.value.replace("_", " "))
    return None


def _refuse_replacing(session: Session, footage_id: int, case_id: int | None,
                      plan: RedactionPlan) -> None:
    """An export counted as approved never saves its plan over a different stored one (an
    edit made since the approval, e.g. a box over a missed face): that would drop the edit
    and bring the older approval back without anyone being asked. (The export dialog saves
    its choices as an edit first; going back to an approved plan is the workspace's undo,
    which asks. An edit saved while the export runs is refused by ``save_plan``'s
    ``expected``.)"""
    stored = find_plan_record(session, footage_id, case_id)
    if stored is not None and stored.plan_sha256 != plan.sha256():
        raise ConflictError(NOT_CURRENT)


def _record(store: Store, actor_name: str, analysis: Analysis, plan: RedactionPlan,
            case_id: int | None, out: Path, manifest: Path, size: int, out_sha: str,
            manifest_sha: str, source_sha: str, residual: ResidualReport | None,
            required: bool, working_copy: bool = False, plan_at_start: str | None = None) -> int:
    """The export's database record and audit event (one transaction). ``required``: the
    export needs a standing approval (the store's rule, or the manifest names one);
    ``plan_at_start``: the stored plan's SHA-256 when the export began ("" for none)."""
    with store.transaction() as session:
        actor = resolve_actor(session, actor_name)
        # A working copy's template plan is described in its manifest, never saved over the
        # plan a person is making for this footage.
        plan_sha = plan.sha256() if working_copy else save_plan(
            session, actor, analysis.footage_id, case_id, plan, expected=plan_at_start)
        if not working_copy and (required or load_policy(session).require_approval):
            found = approval_of(session, analysis.footage_id, case_id, plan_sha)
            if found.state is not ApprovalState.APPROVED:
                raise PermissionDeniedError(APPROVAL_LAPSED,
                                            state=found.state.value.replace("_", " "))
        record = ExportRecord(
            footage_id=analysis.footage_id, case_id=case_id, path=str(out.resolve()),
            sha256=out_sha, size_bytes=size, manifest_path=str(manifest.resolve()),
            manifest_sha256=manifest_sha, plan_sha256=plan_sha,
            residual_findings=len(residual.findings) if residual else None,
            created_by_id=actor.id, working_copy=working_copy)
        replaced = list(session.scalars(select(ExportRecord.id).where(
            ExportRecord.path == str(out.resolve()))))  # a re-export with --force
        session.add(record)
        session.flush()
        audit.record(session, actor.name, "export.create", "export", record.id, {
            "supersedes": replaced,
            "path": record.path, "sha256": out_sha, "size_bytes": size,
            "manifest_path": record.manifest_path, "manifest_sha256": manifest_sha,
            "plan_sha256": plan_sha, "source_sha256": source_sha,
            "residual_findings": record.residual_findings,
            "review_ranges": len(analysis.review),
            **({"working_copy": True} if working_copy else {})}, case_id=case_id,
            footage_id=analysis.footage_id)
        return record.id
