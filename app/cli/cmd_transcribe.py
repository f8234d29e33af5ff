"""``bwv transcribe``: the words said on a footage item's audio tracks, with times, and the
personal details they seem to contain (proposed for ``bwv redact --hide-words``)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from tqdm import tqdm

from app.cli.context import Context
from app.cli.outputs import check_output
from app.core.audio.model_pack import approve_pack, configured_model, read_pack
from app.core.audio.speech_plan import (
    WORDS,
    hide_speech,
    phrase_spans,
    speaker_label,
    speaker_spans,
    suggestion_span,
)
from app.core.audio.suggestions import suggest
from app.core.audio.transcript import Transcript
from app.core.audio.transcripts import audio_tracks, case_names, transcript_for
from app.core.errors import InvalidInputError
from app.core.fileio import atomic_write_text
from app.core.media.timecode import format_time
from app.core.policy.store_policy import load_policy
from app.core.redaction.plan import AudioAction, RedactionPlan

LINE_WORDS = 12


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "transcribe", help="transcribe a footage item's speech offline, with word times",
        description="Run the offline speech model (Whisper tiny.en, on this computer; "
                    "nothing is sent anywhere) on each audio track, store the transcript "
                    "(reused next time) and print it with times, then the personal details "
                    "it seems to hold: names, postcodes, phone numbers, dates of birth, "
                    "vehicle registrations, e-mail addresses, collar numbers, PNC references, "
                    "long numbers, and speech the model could not write down. Nothing is "
                    "hidden until you say so: see 'bwv redact --hide-words/--hide-suggested'.")
    p.add_argument("footage", metavar="FOOTAGE", help="footage number or SHA-256 prefix")
    p.add_argument("--track", type=int, metavar="N",
                   help="only audio track N (1 = the first; default: every track)")
    p.add_argument("--name", action="append", default=[], metavar="NAME",
                   help="a name given in the case (requester, third party): proposed "
                        "wherever it is said (repeatable)")
    p.add_argument("--case", metavar="REF",
                   help="also propose the names the case gives: its requester's and those "
                        "kept with it ('bwv case names')")
    p.add_argument("--again", action="store_true",
                   help="transcribe again even if a stored transcript matches")
    p.add_argument("--json", type=Path, metavar="OUT",
                   help="also write the words and suggestions as JSON")
    p.add_argument("--force", action="store_true", help="overwrite OUT if it exists")
    p.set_defaults(handler=run)

    k = sub.add_parser(
        "speech-pack", help="approve a speech model pack for this store (administrators)",
        description="A speech model pack is a folder with a CTranslate2 Whisper model, "
                    "MODEL.json ({\"name\": ..., \"language\": \"en\"}) and SHA256SUMS "
                    "listing its files. 'approve' checks every file against the list and "
                    "records the list's SHA-256 as a store rule (audited); a workstation then "
                    "uses it when its settings name the folder (speech_model_folder). A pack "
                    "changed after approval is refused.")
    k.add_argument("action", choices=["approve", "list"])
    k.add_argument("folder", type=Path, nargs="?", metavar="FOLDER")
    k.set_defaults(handler=run_pack)


def transcripts_of(ctx: Context, footage: str, track: int | None, again: bool = False,
                   only_stored: bool = False) -> list[Transcript]:
    """The transcripts of the tracks asked for (1-based ``track``; None: every track)."""
    count = audio_tracks(ctx.store, ctx.actor_name(), footage)
    if count == 0:
        print(f"Footage {footage}: no audio (the recording has no sound track).",
              file=sys.stderr)
        return []
    wanted = range(count) if track is None else [track - 1]
    out = []
    for t in wanted:
        with tqdm(desc=f"transcribing track {t + 1}", unit="s", disable=None, leave=False,
                  dynamic_ncols=True) as bar:
            def progress(done: int, total: int, bar: tqdm = bar) -> None:
                bar.total = total
                bar.n = done
                bar.refresh()

            out.append(transcript_for(ctx.store, ctx.actor_name(), footage, t,
                                      model=configured_model(ctx.store, ctx.settings),
                                      reuse=not again, only_stored=only_stored,
                                      progress=progress))
    return out


def run(ctx: Context, args: argparse.Namespace) -> int:
    out: Path | None = args.json
    if out is not None:
        check_output(ctx, out, args.force)
    names = [*args.name, *case_names(ctx.store, ctx.actor_name(), args.case)]
    found = []
    for transcript in transcripts_of(ctx, args.footage, args.track, args.again):
        t = transcript.audio_track
        print(f"Audio track {t + 1}: {len(transcript.words)} words, "
              f"{format_time(transcript.duration_s)} of sound, model "
              f"{transcript.model.get('name', '?')}.")
        _print_words(transcript)
        suggestions = suggest(transcript, names)
        print(f"Suggestions on track {t + 1}: {len(suggestions)}" + (":" if suggestions
                                                                    else "."))
        for n, s in enumerate(suggestions, 1):
            print(f"  {n:>3}. {format_time(s.start_s)}-{format_time(s.end_s)}  {s.kind:<14}"
                  f" {s.text or '(no words)'}  - {s.why_text()}")
        found.append({"audio_track": t, "transcript": transcript.as_json(),
                      "suggestions": [{"kind": s.kind, "start_s": s.start_s,
                                       "end_s": s.end_s, "text": s.text,
                                       "why": s.why_text()} for s in suggestions]})
    if out is not None:
        atomic_write_text(out, json.dumps({"footage": args.footage, "tracks": found},
                                          indent=1) + "\n")
        print(f"Written to {out} (it holds what was said: handle it as personal data).",
              file=sys.stderr)
    return 0


def _print_words(transcript: Transcript) -> None:
    """The words a line at a time (a new line where the speaker changes), then who spoke."""
    words, who = transcript.words, transcript.word_speakers()
    i = 0
    while i < len(words):
        j = i + 1
        while j < len(words) and j - i < LINE_WORDS and (not who or who[j] == who[i]):
            j += 1
        tag = f"S{who[i] or '?'}  " if who else ""
        print(f"  {format_time(words[i].start_s):>10}  {tag}"
              + " ".join(w.text for w in words[i:j]))
        i = j
    if who:
        print(f"Speakers told apart by voice on track {transcript.audio_track + 1} (a proposal: "
              "listen before relying on it): " + "; ".join(
                  f"S{n} {who.count(n)} words from {format_time(words[who.index(n)].start_s)}"
                  for n in range(1, transcript.speaker_count() + 1)) + ".")
        if 0 in who:
            print(f"  S? marks {who.count(0)} words too short to place: disguising any "
                  "speaker takes those too.")
        placed = transcript.stretch_speakers()
        if placed:
            print("  Speech with no words: " + "; ".join(
                f"{format_time(a)}-{format_time(b)} S{n or '?'}"
                for (a, b), n in zip(transcript.unheard, placed, strict=True))
                  + " (disguising a speaker takes theirs and the S? ones).")


def _speakers_asked(args: argparse.Namespace) -> list[tuple[int, int]]:
    """``--disguise-speaker [TRACK:]N`` as (0-based track, speaker)."""
    out = []
    for text in args.disguise_speaker:
        track, _, number = text.rpartition(":")
        try:
            out.append((int(track or 1) - 1, int(number)))
        except ValueError:
            raise InvalidInputError(f"--disguise-speaker {text}: give a speaker number, e.g. "
                                    "2, or a track and a speaker, e.g. 1:2.") from None
    return out


def hide_speech_from_args(ctx: Context, footage: str, plan: RedactionPlan,
                          args: argparse.Namespace) -> RedactionPlan:
    """``bwv redact --hide-words/--hide-suggested/--disguise-speaker``: the plan with that
    speech hidden or disguised."""
    action = AudioAction(args.hide_with)
    reason = (args.audio_reason or "").strip()
    said = dict.fromkeys(args.hide_words, 0)
    names = [*args.name, *case_names(ctx.store, ctx.actor_name(), args.case)] \
        if args.hide_suggested else []
    speakers = _speakers_asked(args)
    count = audio_tracks(ctx.store, ctx.actor_name(), footage) if speakers else 0
    missing = sorted({track + 1 for track, _n in speakers} - set(range(1, count + 1)))
    if missing:  # refused before any track is transcribed
        raise InvalidInputError(f"--disguise-speaker: footage {footage} has no audio track "
                                f"{missing[0]}; nothing was exported.")
    for transcript in transcripts_of(ctx, footage, None):
        t = transcript.audio_track + 1
        for phrase in args.hide_words:
            spans = phrase_spans(transcript, phrase)
            said[phrase] += len(spans)
            print(f"Audio track {t}: {phrase!r} said {len(spans)} time(s).", file=sys.stderr)
            plan = hide_speech(plan, transcript, spans, action, WORDS, reason)[0]
        for track, speaker in speakers:
            if track == transcript.audio_track:
                spans = speaker_spans(transcript, speaker)
                if not spans:
                    raise InvalidInputError(
                        f"Audio track {t} has no speaker {speaker} (it has "
                        f"{transcript.speaker_count()}): nothing was exported; see "
                        "'bwv transcribe'.")
                plan = hide_speech(plan, transcript, spans, AudioAction.DISGUISE,
                                   speaker_label(speaker), reason)[0]
                print(f"Audio track {t}: disguising speaker {speaker} ({len(spans)} "
                      "stretch(es)).", file=sys.stderr)
        if args.hide_suggested:
            for s in suggest(transcript, names):
                plan = hide_speech(plan, transcript, [suggestion_span(transcript, s)], action,
                                   s.kind, reason)[0]
                print(f"Audio track {t}: hiding {s.kind} at {format_time(s.start_s)}.",
                      file=sys.stderr)
    never = [p for p, n in said.items() if n == 0]
    if never:  # a script must not take "nothing hidden" for "hidden"
        raise InvalidInputError(
            f"{', '.join(repr(p) for p in never)} is not in the transcript of any audio "
            "track, so nothing was hidden and nothing was exported: check the words with "
            "'bwv transcribe', or hide the time with --mute/--bleep.")
    return plan


def run_pack(ctx: Context, args: argparse.Namespace) -> int:
    if args.action == "list":
        with ctx.store.read() as session:
            packs = load_policy(session).speech_model_packs
        print("Approved speech model packs (SHA-256 of their SHA256SUMS):" if packs else
              "No speech model pack is approved: the built-in Whisper tiny.en is used.")
        for digest in packs:
            print(f"  {digest}")
        return 0
    if args.folder is None:
        raise InvalidInputError("Name the pack's folder: bwv speech-pack approve FOLDER.")
    name = read_pack(args.folder)[1].name
    # signed in first (a sign-in writes the audit trail: on SQLite, inside this transaction
    # it would wait for the transaction's own write lock)
    with ctx.acting() as (session, actor):
        digest = approve_pack(session, actor, args.folder)
    print(f"Approved speech model pack {name!r} ({digest}). Workstations use it when their "
          f"settings name the folder (speech_model_folder).")
    return 0
