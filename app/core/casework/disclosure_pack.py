"""The disclosure pack: what goes to the requester or the court for one approved export.

A folder (or a zip of it) holding the redacted MP4, its manifest, a human-readable
disclosure record (HTML, and PDF when a renderer is given: the app uses Qt's QPdfWriter),
the case's audit extract (JSON Lines), the chain's head signed by its maker
(``chain-anchor.json``, see ``anchors.py``), ``SHA256SUMS`` and its maker's signature
(``SHA256SUMS.sig``). The pack is built under a hidden
temporary name and renamed only when complete, so no partial pack looks finished. The MP4
and manifest are checked while they are copied against the hashes the export's own audit
event recorded (``export_event.py``: the event hash-chained and signed, checked first), never
against the ``exports`` row alone, which anyone who can edit the database file can change.

The record names the requester only by the reference, never by name or contact details.
"""

from __future__ import annotations

import hashlib
import html
import io
import json
import re
import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from app import __version__
from app.core.audio.voice_disguise import NOTE as DISGUISE_NOTE
from app.core.case_state.status import status_label
from app.core.casework.case_flow import (
    case_releasable,
    check_unanswered,
    current_and_approved,
    unanswered_check,
)
from app.core.casework.export_event import recorded_export
from app.core.chain import chain_format, signing
from app.core.errors import QT_TRANSLATE_NOOP, Cancelled, ConflictError, MediaError, NotFoundError
from app.core.fileio import discard
from app.core.integrity.anchors import PACK_ANCHOR, chain_anchor
from app.core.integrity.extract_seal import sealed
from app.core.media.hashing import CHUNK
from app.core.media.timecode import format_range, format_utc
from app.core.people.permissions import Permission
from app.core.people.users import check_actor, resolve_actor
from app.core.progress import CancelToken, ProgressFn, no_progress
from app.core.redaction.approval import ApprovalState, approval_of
from app.core.store import audit
from app.core.store.database import Store
from app.core.store.models import Case, CaseType, ExportRecord, Footage, User, utcnow

RECORD_HTML = chain_format.PACK_RECORD_HTML
RECORD_PDF = chain_format.PACK_RECORD_PDF
AUDIT_EXTRACT = chain_format.PACK_EXTRACT
SUMS_SIGNATURE = chain_format.PACK_SUMS_SIGNATURE
SUMS = chain_format.PACK_SUMS

PdfRenderer = Callable[[str, Path], None]  # (html, pdf path): write the PDF or raise OSError


@dataclass(frozen=True)
class PackResult:
    path: Path  # the pack folder, or the .zip
    files: dict[str, str]  # name -> SHA-256 of each file in the pack
    record_html: str


def _safe_name(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", text).strip("._") or "pack"


def _copy_hashed(src: Path, dst: Path, expected: str, what: str, progress: ProgressFn,
                 cancel: CancelToken | None) -> str:
    """Copy ``src`` to ``dst`` hashing the bytes written; refuse if they differ from
    ``expected`` (the export changed since it was recorded)."""
    if not src.is_file():
        raise MediaError(QT_TRANSLATE_NOOP(
            "CoreMessages", "{src}: the {what} recorded for this export is missing."),
            src=src, what=what)
    digest = hashlib.sha256()
    total, done = src.stat().st_size, 0
    try:
        with src.open("rb") as fin, dst.open("wb") as fout:
            while chunk := fin.read(CHUNK):
                if cancel is not None:
                    cancel.check()
                digest.update(chunk)
                fout.write(chunk)
                done += len(chunk)
                progress(done, total)
    except OSError as exc:
        raise MediaError(QT_TRANSLATE_NOOP(
            "CoreMessages", "{dst}: cannot write the pack ({value})."),
            dst=dst, value=exc.strerror or exc) from None
    if digest.hexdigest() != expected:
        raise MediaError(QT_TRANSLATE_NOOP(
            "CoreMessages", "{src}: the {what} no longer matches the SHA-256 recorded when it "
            "was exported; it is not packed (export it again)."),
            src=src, what=what)
    return expected


def _table(headers: list[str], rows: list[list[Any]]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in row) + "</tr>"
                   for row in rows)
    return f"<table border='1' cellspacing='0' cellpadding='3'><tr>{head}</tr>{body}</table>"


_SOUND_VERBS = (("mute", "muted"), ("bleep", "bleeped"),
                ("disguise", "voice disguised (pitch-shifted: not anonymisation, its words "
                             "can still be understood)"))


def _sound(plan: dict[str, Any], manifest: dict[str, Any]) -> str:
    """What was done to the sound: removed, kept unchanged, or kept with ranges muted,
    bleeped or disguised, each said apart (a disguised voice is not hidden)."""
    if plan.get("audio") == "drop":
        return "removed"
    if manifest.get("audio") == []:  # the export found no sound to keep
        return "none (the recording has no sound)"
    ranges = [*plan.get("mute", []), *plan.get("audio_ranges", [])]
    if not ranges:
        return "kept unchanged"
    parts = []
    for action, verb in _SOUND_VERBS:
        these = [r for r in ranges if r.get("action", "mute") == action]
        if these:
            spans = ", ".join(format_range(r["start_s"], r["end_s"]) for r in these)
            parts.append(f"{len(these)} range{'' if len(these) == 1 else 's'} {verb} "
                         f"({spans})")
    return "kept, " + "; ".join(parts)


def disclosure_record(case: Case, footage: Footage, export: ExportRecord,
                      manifest: dict[str, Any], approval: dict[str, Any],
                      files: dict[str, str], made_by: str, made_at: str,
                      audit_withheld: bool = False) -> str:
    """The human-readable record (HTML): case, what was released, what was redacted and why,
    who approved it, the hashes, the software."""
    plan = manifest.get("plan", {})
    reasons: dict[str, str] = plan.get("reasons", {})
    fps = footage.fps or 25.0
    rows: list[list[Any]] = []  # people (face tracks, and heads seen from behind)
    text_rows: list[list[Any]] = []  # text regions (plates, screens, documents)
    for t in manifest.get("tracks", []):
        (text_rows if t.get("category") == "text" else rows).append(
            [f"{t['id']} (a person's head, people detector)" if t.get("category") == "head"
             else t["id"],
             format_range(t["first_frame"] / fps, t["last_frame"] / fps),
             t.get("action", ""), t.get("reason", "") or "-"])
    boxes = []
    for box in plan.get("manual_boxes", []):
        keys = box.get("keyframes", [])
        span = format_range(keys[0]["frame"] / fps, keys[-1]["frame"] / fps) if keys else "-"
        boxes.append([box.get("id"), span, box.get("label", "") or "-",
                      reasons.get(f"manual:{box.get('id')}", "") or "-"])
    mutes = [[format_range(m["start_s"], m["end_s"]), "muted", "every track",
              reasons.get(f"mute:{m['start_s']:.3f}-{m['end_s']:.3f}", "") or "-"]
             for m in plan.get("mute", [])]
    mutes += [[format_range(a["start_s"], a["end_s"]),
               {"bleep": "bleeped", "disguise": f"voice disguised ({DISGUISE_NOTE})"}.get(
                   a.get("action", ""), "muted"),
               "every track" if a.get("track") is None else f"track {a['track'] + 1}",
               reasons.get(f"audio:{a['id']}", "") or a.get("label") or "-"]
              for a in plan.get("audio_ranges", [])]
    spoken = [[f"track {t['audio_track'] + 1}", t.get("model", {}).get("name", "?"),
               t.get("text", "") or "(no words)"] for t in manifest.get("transcripts", [])]
    review = manifest.get("review_needed", [])
    unreviewed = sum(1 for r in review if not r.get("reviewed"))
    residual = manifest.get("residual_check") or {}
    found = residual.get("findings", [])
    texts = sum(1 for f in found if f.get("kind") == "text_not_covered")
    residual_text = ("not run" if not residual.get("ran") else
                     f"{len(found) - texts} possible faces"
                     + (f" and {texts} text regions nobody decided about" if texts else "")
                     + f" found in {residual.get('frames_checked', '?')} frames checked"
                     + (" (the faces kept visible are not counted)"
                        if plan.get("keep_tracks") else ""))
    out = manifest.get("output", {})
    e = html.escape
    kv = _table(["Item", "Value"], [
        ["Case reference", case.reference],
        ["Case type", case.case_type.value.replace("_", " ")],
        ["Requester reference", case.requester_reference or "-"],
        ["Received", case.received_on.isoformat() if case.received_on else "-"],
        ["Deadline", case.deadline.isoformat() if case.deadline else "-"],
        ["Case status when packed", case.status.value.replace("_", " ")],
        ["Exemptions relied on", case.exemption or "-"],
    ])
    released = _table(["Item", "Value"], [
        ["Released file", Path(export.path).name],
        ["SHA-256", export.sha256],
        ["Size (bytes)", export.size_bytes],
        ["Frames", out.get("frame_count", "-")],
        ["Clip", (format_range(plan["clip"]["start_s"], plan["clip"]["end_s"])
                  if plan.get("clip") else "whole recording")],
        ["Sound", _sound(plan, manifest)],
        ["Caption burned in", plan.get("caption") or "none"],
        ["Manifest SHA-256", export.manifest_sha256],
        ["Exported", format_utc(export.created_at)],
        ["Source recording", f"{footage.file_name} (footage #{footage.id})"],
        ["Source SHA-256", footage.sha256],
        ["Recorded", format_utc(footage.recorded_at) if footage.recorded_at else "unknown"],
    ])
    method = (f"{plan.get('style', '?')} at strength {plan.get('strength', '?')}, "
              f"{plan.get('shape', '?')} regions, padding {plan.get('padding', '?')}"
              + (f", margin {plan['margin']} of the picture's longer side"
                 if plan.get("margin") else "")
              + (", everything but kept people (inverse)" if plan.get("inverse") else "")
              + (", heads of people seen from behind left visible"
                 if plan.get("hide_heads") is False and not plan.get("hide_whole_people")
                 and not plan.get("inverse") else "")  # (an inverse export hides them)
              + (", whole people hidden (head to foot)" if plan.get("hide_whole_people")
                 else ""))
    parts = [
        "<html><head><meta charset='utf-8'><title>Disclosure record "
        f"{e(case.reference)}</title></head><body>",
        f"<h1>Disclosure record: case {e(case.reference)}</h1>",
        f"<p>Made {e(made_at)} by {e(made_by)} with BWV Studio {e(__version__)}.</p>",
        "<h2>Case</h2>", kv,
        "<h2>What was released</h2>", released,
        "<h2>What was redacted and why</h2>",
        f"<p>Method: {e(method)}.</p>",
        "<h3>People (face tracks; heads found by the people detector, facing any way, are "
        "marked)</h3>",
        _table(["Track", "Time", "Decision", "Reason"], rows) if rows else "<p>None.</p>",
        *(["<h3>Text regions (number plates, screens, documents)</h3>",
           _table(["Track", "Time", "Decision", "Reason"], text_rows)] if text_rows else []),
        "<h3>Regions drawn by hand</h3>",
        _table(["Box", "Time", "Label", "Reason"], boxes) if boxes else "<p>None.</p>",
        "<h3>Sound muted or bleeped</h3>",
        _table(["Time", "Action", "Audio", "Reason"], mutes) if mutes else "<p>None.</p>",
        *(["<h3>Transcript as released (hidden words replaced)</h3>",
           _table(["Audio", "Speech model", "Words"], spoken)] if spoken else []),
        f"<p>Stretches flagged for review: {len(review)}, of which {unreviewed} were not "
        f"marked reviewed. Residual check on the export: {e(residual_text)}.</p>",
        "<h2>Approval</h2>",
        _table(["Approved by", "When", "Note", "Plan SHA-256"],
               [[approval["by"], format_utc(approval["at"]), approval.get("note") or "-",
                 export.plan_sha256]]),
        *(["<h3>Open items the approver answered</h3>",
           _table(["Item", "Answer"], [[a.get("item", ""), a.get("answer", "")]
                                       for a in approval.get("answers", [])])]
          if approval.get("answers") else []),
        "<h2>Files in this pack</h2>",
        _table(["File", "SHA-256"], [[f, d] for f, d in sorted(files.items())]),
        f"<p>The pack's {SUMS} lists every file with its SHA-256. The audit extract "
        f"({AUDIT_EXTRACT}) is the hash-chained record of every action on this recording "
        "and case" + (": who did each and its details are withheld (they can name other "
                      "people); the force holds the full trail, which these hashes match."
                      if audit_withheld else ".") + "</p>",
        "<h2>Software</h2>",
        _table(["Component", "Version"],
               [[k, v] for k, v in sorted(manifest.get("software", {}).items())]),
        "</body></html>",
    ]
    return "\n".join(parts)


def _load(session: Session, export_id: int) -> tuple[ExportRecord, Footage, Case,
                                                      dict[str, Any]]:
    export = session.get(ExportRecord, export_id)
    if export is None:
        raise NotFoundError(QT_TRANSLATE_NOOP(
            "CoreMessages", "No export #{export_id}."),
            export_id=export_id)
    case = session.get(Case, export.case_id) if export.case_id is not None else None
    if case is None:
        raise ConflictError(QT_TRANSLATE_NOOP(
            "CoreMessages", "Export #{export_id} was made without a case; a disclosure pack is "
            "made for a case (export it from the case)."),
            export_id=export_id)
    if export.working_copy:
        raise ConflictError(QT_TRANSLATE_NOOP(
            "CoreMessages", "Export #{export_id} is a working copy made by a batch job from a "
            "plan nobody reviewed (every frame says so); review the footage, have the plan "
            "approved, export it again and pack that."),
            export_id=export_id)
    footage = session.get(Footage, export.footage_id)
    assert footage is not None
    found = approval_of(session, export.footage_id, case.id, export.plan_sha256)
    if found.state is not ApprovalState.APPROVED:
        raise ConflictError(QT_TRANSLATE_NOOP(
            "CoreMessages", "Export #{export_id} was made from a redaction plan no supervisor "
            "approved (state: {value}); only approved exports are released."),
            export_id=export_id, value=found.state.value.replace('_', ' '))
    if check_unanswered(session, export):
        raise unanswered_check(export)
    if not current_and_approved(session, export):
        raise ConflictError(QT_TRANSLATE_NOOP(
            "CoreMessages", "Export #{export_id} was made from a plan that has been changed "
            "since (the approval lapsed with the edit); export the current, approved plan and "
            "pack that."),
            export_id=export_id)
    if not case_releasable(session, case):  # (the plan as approved: the case is not)
        raise ConflictError(QT_TRANSLATE_NOOP(
            "CoreMessages", "Case {reference} is {value}: its exports are packed only while "
            "the case is approved (it was sent back to review, or is not approved yet)."),
            reference=case.reference, value=status_label(case.status))
    return export, footage, case, {"by": found.by, "at": found.at, "note": found.note,
                                   "answers": list(found.answers)}


def audit_extract(session: Session, case: Case, footage_id: int) -> tuple[str, bool]:
    """The pack's audit extract and whether details were withheld.

    Only the released footage's events and the case's own. For a requester (subject access,
    FOI) each event keeps its time, action, sequence and hashes but not who did it or its
    details (flag notes, reasons, paths can name other people); the force keeps the full
    trail, which the hashes match. Court exhibits, complaints and reviews get it all.
    """
    events = audit.footage_events(session, footage_id, case.id)
    public = case.case_type in (CaseType.SUBJECT_ACCESS, CaseType.FOI)
    out = io.StringIO()
    if not public:
        audit.write_events(events, out, "jsonl")
        return out.getvalue(), False
    for event in events:
        row = audit.event_as_dict(event)
        row["actor"] = "(withheld)"
        row["details"] = "(withheld)"
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return out.getvalue(), True


def build_pack(store: Store, actor_name: str, export_id: int, out_dir: Path, *,
               as_zip: bool = False, render_pdf: PdfRenderer | None = None,
               progress: ProgressFn = no_progress,
               cancel: CancelToken | None = None) -> PackResult:
    """Make the disclosure pack of one approved export in ``out_dir``; audited."""
    check_actor(store, actor_name, Permission.EXPORT_APPROVED,
                QT_TRANSLATE_NOOP("CoreMessages", "make a disclosure pack"))
    with store.read() as session:
        audit.require_current_key(session, actor_name)  # before anything is written
        export, footage, case, approval = _load(session, export_id)
        recorded = recorded_export(session, export)  # what its signed event vouches for
        extract_text, withheld = audit_extract(session, case, footage.id)
        anchor = chain_anchor(session, store.store_id, actor_name)
        session.expunge_all()
    out_dir = out_dir.expanduser()
    if not out_dir.is_dir():
        raise MediaError(QT_TRANSLATE_NOOP(
            "CoreMessages", "{out_dir}: the folder for the pack does not exist."),
            out_dir=out_dir)
    name = _safe_name(f"{case.reference}-export-{export.id}")
    final = out_dir / (name + ".zip" if as_zip else name)
    if final.exists():
        raise ConflictError(QT_TRANSLATE_NOOP(
            "CoreMessages", "{final} already exists; choose another folder."),
            final=final)
    work = out_dir / f".{name}.partial"
    shutil.rmtree(work, ignore_errors=True)
    try:
        work.mkdir()
        mp4, manifest = Path(export.path), Path(export.manifest_path)
        files = {
            mp4.name: _copy_hashed(mp4, work / mp4.name, recorded.sha256, "redacted video",
                                   progress, cancel),
            manifest.name: _copy_hashed(manifest, work / manifest.name,
                                        recorded.manifest_sha256, "manifest", no_progress,
                                        cancel),
        }
        manifest_data = json.loads((work / manifest.name).read_text(encoding="utf-8"))
        with store.read() as session:  # the seal vouches for the video and manifest
            exporter = (manifest_data.get("audit_chain_head_before") or {}).get("signed_by")
            extract_text = sealed(session, store.store_id, actor_name, extract_text,
                                  dict(files), withheld, also=[str(exporter)] if exporter else [])
        extract_bytes = extract_text.encode("utf-8")
        (work / AUDIT_EXTRACT).write_bytes(extract_bytes)
        files[AUDIT_EXTRACT] = hashlib.sha256(extract_bytes).hexdigest()
        anchor_bytes = (json.dumps(anchor, indent=2, sort_keys=True) + "\n").encode("utf-8")
        (work / PACK_ANCHOR).write_bytes(anchor_bytes)
        files[PACK_ANCHOR] = hashlib.sha256(anchor_bytes).hexdigest()
        made_at = format_utc(utcnow())
        record = disclosure_record(case, footage, export, manifest_data, approval, files,
                                   actor_name, made_at, withheld)
        (work / RECORD_HTML).write_text(record, encoding="utf-8", newline="\n")
        files[RECORD_HTML] = hashlib.sha256(record.encode("utf-8")).hexdigest()
        if render_pdf is not None:
            render_pdf(record, work / RECORD_PDF)
            files[RECORD_PDF] = hashlib.sha256((work / RECORD_PDF).read_bytes()).hexdigest()
        sums = "".join(f"{digest}  {file}\n" for file, digest in sorted(files.items()))
        (work / SUMS).write_text(sums, encoding="utf-8", newline="\n")
        key = store.signers.get(actor_name)
        if key is not None:  # the maker's signature over the list of every file's hash
            (work / SUMS_SIGNATURE).write_text(json.dumps({
                "signed_by": actor_name, "public_key": signing.public_hex(key),
                "signature": key.sign(chain_format.sums_message(sums.encode("utf-8"))).hex(),
            }, indent=2) + "\n", encoding="utf-8", newline="\n")
        if as_zip:
            tmp_zip = out_dir / f".{name}.zip.partial"
            with zipfile.ZipFile(tmp_zip, "w", zipfile.ZIP_DEFLATED) as zf:
                for path in sorted(work.iterdir()):
                    zf.write(path, f"{name}/{path.name}")
            tmp_zip.replace(final)
            shutil.rmtree(work)
        else:
            work.replace(final)
    except (Cancelled, MediaError, ConflictError):
        shutil.rmtree(work, ignore_errors=True)
        discard(out_dir / f".{name}.zip.partial")
        raise
    except OSError as exc:
        shutil.rmtree(work, ignore_errors=True)
        discard(out_dir / f".{name}.zip.partial")
        raise MediaError(QT_TRANSLATE_NOOP(
            "CoreMessages", "{out_dir}: cannot write the pack ({value})."),
            out_dir=out_dir, value=exc.strerror or exc) from None
    try:
        with store.transaction() as session:
            _load(session, export_id)  # still releasable (no edit or rejection meanwhile)
            actor: User = resolve_actor(session, actor_name)
            audit.record(session, actor.name, "pack.create", "export", export_id, {
                "path": str(final.resolve()), "zip": as_zip, "files": files},
                case_id=case.id, footage_id=footage.id)
    except BaseException:  # not recorded: no pack may look made
        if final.is_dir():
            shutil.rmtree(final, ignore_errors=True)
        else:
            final.unlink(missing_ok=True)
        raise
    return PackResult(final, files, record)
