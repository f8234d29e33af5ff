"""``bwv redact`` and ``bwv tracks``: the redaction engine from the command line."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

from tqdm import tqdm

from app.cli.arg_types import at_least_one
from app.cli.cmd_transcribe import hide_speech_from_args
from app.cli.context import Context
from app.cli.outputs import check_output
from app.core.analysis import analyse
from app.core.detection.presets import DEFAULT_PRESET, PRESETS
from app.core.errors import InvalidInputError, MediaError
from app.core.export.c2pa_signing import configured_credentials
from app.core.export.pipeline import redact_footage
from app.core.export.plan_for_export import save_for_approval
from app.core.export.video_export import EncodeOptions
from app.core.fileio import atomic_write_text
from app.core.library.footage import get_footage
from app.core.library.ingest import IngestStatus, ingest_paths
from app.core.media.probe import probe
from app.core.media.timecode import format_time, parse_time
from app.core.redaction import plan_edits as edits
from app.core.redaction.approval import ApprovalState
from app.core.redaction.head_owners import face_of_heads
from app.core.redaction.plan import AudioAction, AudioMode, RedactionPlan, Shape, Style, TimeRange
from app.core.redaction.plan_edits import TrackAction
from app.core.redaction.plan_review import plan_review
from app.core.tracking.thumbnails import track_thumbnails
from app.core.tracking.tracker import boxes_by_frame

STAGE_NAMES = {"detect": "detecting faces", "export": "writing export",
               "export_check": "writing and checking export", "hash": "checking original"}


def _range(text: str) -> TimeRange:
    try:
        start, end = text.split("-", 1)
        return TimeRange(parse_time(start), parse_time(end))
    except (ValueError, InvalidInputError):
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a time range: use START-END, e.g. 0:05-0:12.5") from None


def _add_footage_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("footage", metavar="FOOTAGE",
                   help="footage number, SHA-256 prefix, or a video file (ingested first)")
    p.add_argument("--preset", default=DEFAULT_PRESET, choices=sorted(PRESETS))
    p.add_argument("--stride", type=at_least_one, metavar="N",
                   help="detect on every N-th frame (default: the preset's); tracks fill in")
    p.add_argument("--redetect", action="store_true",
                   help="run detection again even if a stored run matches")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "redact", help="blur every face except those kept, and write a redacted MP4",
        description="Detect and track faces (or reuse a stored run), apply the redaction plan "
                    "and write OUT (H.264 MP4, original timestamps, rotation and audio), "
                    "OUT.manifest.json and OUT.audit.jsonl (the footage's audit trail) "
                    "beside it, and an audit event. The original is never changed. "
                    "By default every face is redacted and the export is checked "
                    "for faces still visible (--no-verify to skip). Exit status 1 when the "
                    "check finds any.")
    _add_footage_args(p)
    p.add_argument("-o", "--output", type=Path, metavar="OUT.mp4",
                   help="the export to write (not with --ask-approval)")
    p.add_argument("--case", metavar="REF", help="the case this export is for")
    p.add_argument("--plan", type=Path, metavar="PLAN.json",
                   help="start from this plan, or the plan in an export's manifest (the "
                        "options below change it); a plan that names people by track "
                        "number must be a manifest of this footage")
    p.add_argument("--keep-track", type=int, action="append", default=[], metavar="ID",
                   help="leave this track visible (e.g. the requester); see 'bwv tracks'; "
                        "needs --reason")
    p.add_argument("--reason", metavar="TEXT",
                   help="why the --keep-track tracks are shown, e.g. \"Requester - kept "
                        "visible\" (recorded in the plan, manifest and disclosure record)")
    p.add_argument("--not-a-face", type=int, action="append", default=[], metavar="ID",
                   help="this track is a false positive: do not redact it")
    p.add_argument("--style", choices=[s.value for s in Style])
    p.add_argument("--strength", type=int, choices=range(1, 6), metavar="1-5",
                   help="1 light .. 5 solid (default 4)")
    p.add_argument("--shape", choices=[s.value for s in Shape])
    p.add_argument("--padding", type=float, metavar="X", help="grow boxes by X (default 1.6)")
    p.add_argument("--margin", type=float, metavar="SHARE",
                   help="then grow each hidden face's region by SHARE of the picture's "
                        "longer side on every side (new plans: 0.004, 8 px at 1080p; a saved "
                        "plan keeps its own; 0: none)")
    p.add_argument("--inverse", action="store_true",
                   help="redact everything except the kept tracks")
    p.add_argument("--mute", type=_range, action="append", default=[], metavar="START-END",
                   help="silence the audio in this range (repeatable; seconds from the "
                        "first frame, as the player and 'bwv flag' count)")
    p.add_argument("--bleep", type=_range, action="append", default=[], metavar="START-END",
                   help="replace the sound in this range with a tone (repeatable)")
    p.add_argument("--disguise", type=_range, action="append", default=[],
                   metavar="START-END",
                   help="disguise the voice in this range (pitch-shifted; not anonymisation "
                        "on its own: accent and words can still identify)")
    p.add_argument("--hide-words", action="append", default=[], metavar="PHRASE",
                   help="hide PHRASE wherever it is said, on every audio track (transcribed "
                        "offline first if need be; see 'bwv transcribe'); repeatable")
    p.add_argument("--disguise-speaker", action="append", default=[], metavar="[TRACK:]N",
                   help="disguise the voice of speaker N in their words (speakers as "
                        "'bwv transcribe' tells them apart by voice; on audio track TRACK, "
                        "default 1; speech the model wrote no words for goes with the "
                        "speaker whose voice it is like, or with every speaker when unsure); "
                        "not anonymisation on its own; repeatable")
    p.add_argument("--hide-suggested", action="store_true",
                   help="hide every personal detail 'bwv transcribe' proposes (with --case, "
                        "the names the case gives too: its requester's and 'bwv case names')")
    p.add_argument("--name", action="append", default=[], metavar="NAME",
                   help="with --hide-suggested: a name given in the case (repeatable)")
    p.add_argument("--hide-with", choices=["bleep", "mute", "disguise"], default="bleep",
                   help="how --hide-words and --hide-suggested hide speech (default bleep)")
    p.add_argument("--audio-reason", metavar="TEXT",
                   help="why sound is hidden (--mute, --bleep, --disguise, words), e.g. "
                        "\"S40 third-party personal data\"")
    p.add_argument("--drop-audio", action="store_true", help="write no audio at all")
    p.add_argument("--clip", type=_range, metavar="START-END", help="export only this range")
    p.add_argument("--caption", metavar="TEXT",
                   help='burn in a caption; {case}, {date} and {time} are filled in, e.g. '
                        '"{case} REDACTED COPY {time}"')
    p.add_argument("--crf", type=int, default=18, choices=range(0, 52), metavar="0-51",
                   help="x264 quality, lower is better (default 18)")
    p.add_argument("--leave-heads", action="store_true",
                   help="leave the heads of the people found by body visible (those seen "
                        "from behind among them; found by a preset with heads on, e.g. "
                        "the default); faces and text are still hidden")
    p.add_argument("--whole-people", action="store_true",
                   help="hide every person the people detector found from head to foot, "
                        "except people kept visible (children, victims, home interiors; "
                        "needs a preset with heads on, e.g. thorough)")
    p.add_argument("--keep-metadata", action="store_true",
                   help="copy the original's container metadata, e.g. GPS (default: "
                        "stripped); part of the plan, so an approval covers it")
    p.add_argument("--verify", action=argparse.BooleanOptionalAction, default=True,
                   help="check the export for faces still visible (default: on)")
    p.add_argument("--force", action="store_true",
                   help="overwrite OUT, its manifest and audit extract")
    p.add_argument("--ask-approval", action="store_true",
                   help="instead of -o: export nothing, but save this plan as the footage's "
                        "plan (in --case) and ask a supervisor to approve it; once approved, "
                        "the same command with -o OUT.mp4 instead exports it (with the "
                        "store's approval rule on, an export needs that approval)")
    p.add_argument("--replace", metavar="SHA",
                   help="replace the footage's saved plan when it is another that someone "
                        "else saved, or that is approved or awaiting approval: SHA is its "
                        "SHA-256, or at least its first 8 characters, as the refusal names it")
    p.set_defaults(handler=run_redact)

    t = sub.add_parser("tracks", help="detect and list the face tracks of a footage item",
                       description="List each person-track (id, time span, detections, size, "
                                   "score) and the stretches that need review. Track ids are "
                                   "what 'bwv redact --keep-track' takes.")
    _add_footage_args(t)
    t.add_argument("--json", type=Path, metavar="OUT", help="also write tracks as JSON")
    t.add_argument("--force", action="store_true", help="overwrite OUT if it exists")
    t.add_argument("--thumbnails", type=Path, metavar="DIR",
                   help="write each track's best face as DIR/track-ID.jpg (handle with care: "
                        "these are unredacted faces)")
    t.set_defaults(handler=run_tracks)


def _resolve_footage(ctx: Context, key: str) -> str:
    path = Path(key)
    if path.is_file():
        (result,) = ingest_paths(ctx.store, ctx.actor_name(), [path])
        if result.status is IngestStatus.FAILED:
            raise InvalidInputError(result.message)
        print(result.message, file=sys.stderr)
        return str(result.footage_id)
    return key


class _StageBars:
    def __init__(self) -> None:
        self.name = ""
        self.bar: tqdm | None = None

    def __call__(self, name: str, done: int, total: int) -> None:
        if name != self.name:
            self.close()
            self.name = name
            self.bar = tqdm(desc=STAGE_NAMES.get(name, name), total=total or None,
                            unit="frame", disable=None, dynamic_ncols=True, leave=False)
        if self.bar is not None:
            self.bar.update(done - self.bar.n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def _recording_start(ctx: Context, key: str) -> float:
    """Where the footage's first frame lies on its file's clock: the command line's ranges
    count from that frame, as the player and ``bwv flag`` do, and the plan's times are on
    the clock (a camera or dock's MPEG-TS often starts it at 10 s, or at hours)."""
    with ctx.store.read() as session:
        path = Path(get_footage(session, key).original_path)
    return probe(path).start_s


def _read_plan_file(path: Path) -> tuple[RedactionPlan, str | None]:
    """A plan file: a plan, or an export's manifest (its plan, and the SHA-256 of the
    footage it was made from, which a bare plan does not say)."""
    try:
        text = path.read_text(encoding="utf-8")
        data = json.loads(text)
        if isinstance(data, dict) and isinstance(data.get("plan"), dict) \
                and isinstance(data.get("source"), dict):  # a manifest
            return RedactionPlan.from_dict(data["plan"]), str(data["source"].get("sha256"))
        return RedactionPlan.from_json(text), None
    except InvalidInputError as exc:  # the file named, as for every other bad input
        raise InvalidInputError(f"{path}: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInputError(f"{path}: cannot read the plan ({exc}).") from None
    except json.JSONDecodeError as exc:
        raise InvalidInputError(f"{path}: the redaction plan is not JSON: {exc}.") from None


def _refuse_other_footage(ctx: Context, key: str, path: Path) -> None:
    """A plan file that names people by track number (kept visible, not a face, split or
    merged) must be of this footage: track numbers are the people of the run they were read
    on, so on other footage "keep track 1" would show whoever is track 1 there (a read-only
    hunt exported another woman's face so). A manifest says its footage; a bare plan cannot."""
    plan, made_from = _read_plan_file(path)
    if not (_names_people(plan) or plan.reviewed):
        return  # (review marks and a person's reason name this footage's frames and people)
    with ctx.store.read() as session:
        footage = get_footage(session, key)
        sha, number = footage.sha256, footage.id
    if made_from is None:
        raise InvalidInputError(
            f"{path}: this plan names people by track number (kept visible, set aside, given "
            "a reason) or marks frames as reviewed, but does not say which footage it was made "
            "for (track numbers and frames are one recording's). Give the manifest of an "
            "export of this footage as --plan, or use --keep-track / --not-a-face after 'bwv "
            "tracks'.")
    if made_from != sha:
        raise InvalidInputError(
            f"{path}: made for other footage (SHA-256 {made_from[:12]}...), not footage "
            f"#{number}; its track numbers would be other people here.")


def _names_people(plan: RedactionPlan) -> bool:
    """Whether the plan names people by track number (kept visible, not a face, merged or
    split, given a reason)."""
    return bool(plan.keep_tracks or plan.false_positive_tracks or plan.track_edits
                or any(key.startswith("track:") for key in plan.reasons))


def _plan_from_args(args: argparse.Namespace, t0: float = 0.0) -> RedactionPlan:
    """The plan file (if any) with the command line's choices made as plan edits; the
    command line's time ranges (seconds from the first frame) are moved to the file's clock
    by ``t0`` (``_recording_start``)."""
    plan = RedactionPlan()
    if args.plan:
        plan = _read_plan_file(args.plan)[0]
    reason = (args.reason or "").strip()
    both = sorted((set(plan.keep_tracks) | set(args.keep_track))
                  & (set(plan.false_positive_tracks) | set(args.not_a_face)))
    if both:  # the command line never silently overrides a choice: say which tracks clash
        raise InvalidInputError(f"Track(s) {both} cannot be both kept and a false positive.")
    for track in args.keep_track:
        given = reason or plan.reasons.get(f"track:{track}", "")
        if not given and edits.needs_reason(TrackAction.KEEP):
            raise InvalidInputError(f"Keeping track {track} visible shows a face: say why with "
                                    "--reason, e.g. --reason \"Requester - kept visible\".")
        plan = edits.set_track_action(plan, track, TrackAction.KEEP, given)[0]
    for track in args.not_a_face:
        plan = edits.set_track_action(plan, track, TrackAction.NOT_A_FACE,
                                      plan.reasons.get(f"track:{track}", ""))[0]
    choices = edits.output_choices(plan)
    plan = edits.set_output_choices(plan, replace(
        choices,
        style=Style(args.style) if args.style is not None else choices.style,
        shape=Shape(args.shape) if args.shape is not None else choices.shape,
        strength=args.strength if args.strength is not None else choices.strength,
        audio=AudioMode.DROP if args.drop_audio else choices.audio,
        caption=args.caption if args.caption is not None else choices.caption,
        keep_metadata=choices.keep_metadata or args.keep_metadata,
        hide_heads=choices.hide_heads and not args.leave_heads,
        hide_whole_people=choices.hide_whole_people or args.whole_people))[0]
    if args.padding is not None or args.inverse or args.margin is not None:
        plan = edits.set_coverage(plan, args.padding if args.padding is not None
                                  else plan.padding, plan.inverse or args.inverse,
                                  args.margin)[0]
    for muted in (TimeRange(r.start_s + t0, r.end_s + t0) for r in args.mute):
        if muted not in plan.mute:  # muted already (with its reason): once is enough
            plan = edits.add_mute(plan, muted.start_s, muted.end_s,
                                  (args.audio_reason or "").strip())[0]
    for action, given in ((AudioAction.BLEEP, args.bleep),
                          (AudioAction.DISGUISE, args.disguise)):
        if given:
            plan = edits.add_audio_ranges(plan, [(r.start_s + t0, r.end_s + t0) for r in given],
                                          action, None, "", (args.audio_reason or "").strip())[0]
    if args.clip is not None:
        plan = edits.set_clip(plan, args.clip.start_s + t0, args.clip.end_s + t0)[0]
    plan.validate()
    return plan


def run_redact(ctx: Context, args: argparse.Namespace) -> int:
    if (args.output is None) != args.ask_approval:
        raise InvalidInputError("Give -o OUT.mp4 to export, or --ask-approval to save the plan "
                                "for a supervisor (not both).")
    if args.plan is not None and not args.plan.is_file():
        raise InvalidInputError(f"{args.plan}: plan file not found.")
    chosen = _plan_from_args(args)  # a bad plan file or clash is refused before ingesting
    if args.redetect and _names_people(chosen):
        raise InvalidInputError(
            "--redetect detects the footage again, and the new run may number its people "
            "otherwise than the tracks they were chosen from: run 'bwv tracks FOOTAGE "
            "--redetect' first, then 'bwv redact' with the numbers it lists (without "
            "--redetect).")
    key = _resolve_footage(ctx, args.footage)
    if args.plan is not None:
        _refuse_other_footage(ctx, key, args.plan)
    timed = args.mute or args.bleep or args.disguise or args.clip is not None
    plan = _plan_from_args(args, _recording_start(ctx, key) if timed else 0.0)
    if args.hide_words or args.hide_suggested or args.disguise_speaker:
        plan = hide_speech_from_args(ctx, key, plan, args)
    if args.ask_approval:
        return _ask_approval(ctx, args, key, plan)
    bars = _StageBars()
    try:
        result = redact_footage(
            ctx.store, ctx.actor_name(), key, args.output, plan, case_ref=args.case,
            preset=args.preset, stride=args.stride,
            options=EncodeOptions(crf=args.crf, force=args.force),
            verify=args.verify, reuse=not args.redetect, stage=bars,
            signing=configured_credentials(ctx.settings), replace=args.replace or "")
    finally:
        bars.close()
    a, s = result.analysis, result.stats
    print(f"Wrote {result.output} ({s.frames_out} frames, SHA-256 {result.output_sha256}).")
    print(f"Manifest {result.manifest} (SHA-256 {result.manifest_sha256}).")
    print(f"Audit extract {result.audit_extract}.")
    if result.replaced:
        print(_replaced(result.withdrawn))
    said = json.loads(result.manifest.read_text(encoding="utf-8"))["redaction"]  # its count:
    print(f"Tracks: {len(a.tracks)} found, {said['tracks_redacted']}"  # heads left are not
          f" redacted, {len(plan.keep_tracks)} kept visible; {s.redacted_frames} frames "
          f"redacted; detection {'reused' if a.reused else 'run'} ({a.run.preset.name}, "
          f"every {a.stride} frame(s)).")
    for audio in s.audio:
        print(f"Audio stream {audio['index']} ({audio['codec']}): {audio['action']}.")
    if a.review:
        print(f"Review needed: {len(a.review)} range(s), listed in the manifest.")
    if result.residual is None:
        print("Residual check: skipped (--no-verify).")
        return 0
    found = len(result.residual.found_by_check)
    if found:
        print(f"Residual check: {found} face(s) the detection missed were found on the "
              f"export and hidden (\"found by check\", listed in the manifest); "
              "the frames around each were drawn again and checked again.")
    if result.residual.clean:
        print(f"Residual check: no face found in {result.residual.frames_checked} checked "
              "frames" + (" other than those kept visible." if plan.keep_tracks else "."))
        return 0
    texts = result.residual.text_findings
    print(f"WARNING: residual check found {len(result.residual.findings) - texts} face(s)"
          + (f" and {texts} text region(s) nobody decided about" if texts else "")
          + " still visible:")
    for f in result.residual.findings[:20]:
        print(f"  frame {f.output_frame} ({format_time(f.time_s)}): {f.kind.value} at "
              f"x={f.box[0]:.0f} y={f.box[1]:.0f} {f.box[2]:.0f}x{f.box[3]:.0f}")
    return 1


def _replaced(withdrawn: ApprovalState | None) -> str:
    """What ``--replace`` did to the plan saved before."""
    return "It replaced the plan saved before" + (
        f", whose {'approval' if withdrawn is ApprovalState.APPROVED else 'request'}"
        " is withdrawn" if withdrawn is not None else "") + "."


def _ask_approval(ctx: Context, args: argparse.Namespace, key: str, plan: RedactionPlan) -> int:
    """``--ask-approval``: the plan saved and put before a supervisor; nothing exported."""
    bars = _StageBars()
    try:
        saved = save_for_approval(ctx.store, ctx.actor_name(), key, plan, case_ref=args.case,
                                  preset=args.preset, stride=args.stride,
                                  reuse=not args.redetect, stage=bars,
                                  replace=args.replace or "")
    finally:
        bars.close()
    where = f" in case {args.case}" if args.case else ""
    print(f"Saved the plan of footage #{saved.footage_id}{where} (SHA-256 "
          f"{saved.plan_sha256}); nothing was exported.")
    if saved.replaced:
        print(_replaced(saved.withdrawn))
    if saved.state is ApprovalState.APPROVED:
        print("This plan is approved already: run the same command with -o OUT.mp4 instead of "
              "--ask-approval to export it.")
        return 0
    print(("Approval asked for." if saved.asked else "Approval was asked for already.")
          + " A supervisor who did not make the plan approves it in the app's export dialog"
          + ((f", or approves case {args.case}: saving the plan put the case in review, so "
              f"move it on with 'bwv case status {args.case} redacted', then "
              "'awaiting_approval', for a supervisor's 'approved'" if saved.changed else
              f", or approves case {args.case} ('bwv case status {args.case} approved' once "
              "it is awaiting approval)") if args.case else "")
          + ". Then the same command with -o OUT.mp4 instead of --ask-approval exports it.")
    return 0


def run_tracks(ctx: Context, args: argparse.Namespace) -> int:
    if args.json is not None:  # before the detection
        check_output(ctx, args.json, args.force)
    key = _resolve_footage(ctx, args.footage)
    bars = _StageBars()
    try:
        a = analyse(ctx.store, ctx.actor_name(), key, args.preset, stride=args.stride,
                    reuse=not args.redetect, stage=bars)
    finally:
        bars.close()
    times = {f.index: f.time_s for f in a.run.frames}
    print(f"Footage #{a.footage_id}: {len(a.tracks)} track(s), detection "
          f"{'reused' if a.reused else 'run'} ({a.run.preset.name}, every {a.stride} frame(s)).")
    print(f"{'track':>5}  {'what':<5}  {'from':>12}  {'to':>12}  {'detections':>10}  "
          f"{'size px':>7}  score")
    summaries = [t.summary() for t in a.tracks]
    # a person found by face and by body: their head track is said to be theirs (as in the
    # workspace's People list)
    owners = face_of_heads(a.tracks, boxes_by_frame(a.tracks, a.frame_count), a.width,
                           a.height, a.rotation)
    for s, t in zip(summaries, a.tracks, strict=True):  # a head or text is not a face to keep
        print(f"{s['id']:>5}  {t.category:<5}  {format_time(times[s['first_frame']]):>12}  "
              f"{format_time(times[s['last_frame']]):>12}  {s['detections']:>10}  "
              f"{s['mean_size']:>7.0f}  {s['max_score']:.2f}"
              + (f"  (the head of track {owners[t.id]})" if t.id in owners else ""))
    # as the workspace, the approval and the manifest list them: a range the redaction hides
    # anyway is not asked about (the plain run listed more than the app: a first-use trial)
    review = plan_review(a.run, a.tracks, a.tracks, RedactionPlan(), a.frame_count, a.fps)
    for r in review:
        print(f"Review {r.reason.value}: frames {r.start_frame}-{r.end_frame} "
              f"({format_time(times[r.start_frame])}-{format_time(times[r.end_frame])})"
              + (f", track {r.track_id}" if r.track_id else "")
              + (f" and track {r.other_track} (the same person?)" if r.other_track else "")
              + (f", with track(s) {', '.join(str(t) for t in r.also)}" if r.also else ""))
    if args.thumbnails is not None:
        try:
            args.thumbnails.mkdir(parents=True, exist_ok=True)
            thumbs = track_thumbnails(a.source, a.tracks, a.rotation)
            for track_id, jpeg in thumbs.items():
                (args.thumbnails / f"track-{track_id}.jpg").write_bytes(jpeg)
        except OSError as exc:
            raise MediaError(f"{args.thumbnails}: cannot write thumbnails "
                             f"({exc.strerror or exc}).") from None
        print(f"Wrote {len(thumbs)} thumbnail(s) to {args.thumbnails}.")
    if args.json is not None:
        atomic_write_text(args.json, json.dumps(
            {"footage_id": a.footage_id, "run_key": a.run_key, "tracks_key": a.tracks_key,
             "tracks": summaries, "face_of_head": {str(h): f for h, f in owners.items()},
             "review": [r.as_dict() for r in review]}, indent=1))
    return 0
