"""``bwv tracks`` and ``bwv redact`` from the command line on a real clip."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import av
import numpy as np
import pytest

from app.core.media.probe import probe
from app.core.redaction.plan import RedactionPlan
from tests.cli.test_cli import run
from tests.core.test_head_tracks import labelled_heads, pan_video


@pytest.mark.slow
def test_tracks_then_redact_keeping_the_face(capsys: pytest.CaptureFixture[str],
                                             videos: Path, tmp_path: Path) -> None:
    clip = videos / "pyfeat_single_face.mp4"
    code, out, _ = run(capsys, "tracks", str(clip), "--preset", "fast",
                       "--thumbnails", str(tmp_path / "thumbs"), "--json",
                       str(tmp_path / "tracks.json"))
    assert code == 0 and "Footage #1: 1 track(s)" in out
    thumb = tmp_path / "thumbs" / "track-1.jpg"
    assert thumb.read_bytes()[:2] == b"\xff\xd8"  # a JPEG
    assert json.loads((tmp_path / "tracks.json").read_text())["tracks"][0]["id"] == 1

    out_file = tmp_path / "kept.mp4"
    code, _, err = run(capsys, "redact", "1", "--preset", "fast", "-o", str(out_file),
                       "--keep-track", "1", "--style", "solid")
    assert code == 2 and "--reason" in err and not out_file.exists()  # showing a face: why?
    code, out, _ = run(capsys, "redact", "1", "--preset", "fast", "-o", str(out_file),
                       "--keep-track", "1", "--reason", "Requester - kept visible",
                       "--style", "solid")
    assert code == 0, out
    kept = json.loads(out_file.with_name("kept.manifest.json").read_text())
    assert kept["plan"]["reasons"] == {"track:1": "Requester - kept visible"}
    assert "1 kept visible" in out and "Residual check: no face" in out
    assert "checked frames other than those kept visible." in out  # (it said: no face)
    with av.open(str(clip)) as a, av.open(str(out_file)) as b:
        fa = next(a.decode(video=0)).to_ndarray(format="rgb24").astype(int)
        fb = next(b.decode(video=0)).to_ndarray(format="rgb24").astype(int)
    assert np.abs(fa - fb).mean() < 4  # nothing hidden: the only face was kept
    code, out, err = run(capsys, "redact", "1", "--preset", "fast", "-o",  # its own manifest
                         str(tmp_path / "again.mp4"), "--plan",
                         str(out_file.with_name("kept.manifest.json")))
    assert code == 0, out + err
    again = json.loads((tmp_path / "again.manifest.json").read_text())
    assert again["plan"]["reasons"]["track:1"] == "Requester - kept visible"

    code, out, _ = run(capsys, "redact", "1", "--preset", "fast", "-o", str(out_file))
    assert code == 2  # exists
    code, out, _err = run(capsys, "redact", "1", "--preset", "fast", "-o", str(out_file),
                         "--force", "--caption", "{case} REDACTED {time}", "--clip", "0-1",
                         "--margin", "0.01", "--mute", "0.2-0.5", "--audio-reason",
                         "S40 third party")
    assert code == 0 and probe(out_file).frame_count == 30
    manifest = json.loads(out_file.with_name("kept.manifest.json").read_text())
    assert list(manifest["plan"]["reasons"].values()) == ["S40 third party"]  # (was lost)
    assert manifest["plan"]["caption"] == "{case} REDACTED {time}"
    assert manifest["plan"]["margin"] == 0.01 and manifest["plan"]["padding"] == 1.6
    assert manifest["redaction"]["tracks_redacted"] == 1


def test_a_plan_naming_people_by_track_must_be_of_this_footage(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Track numbers are one recording's people: a plan keeping "track 1" visible, made on
    other footage, showed whoever is track 1 here (a read-only hunt exported another woman's
    face so, with the requester's reason). A manifest says its footage; a bare plan keeping
    people by number is refused; one with no track decisions is as before."""
    from tests.conftest import make_video

    clip = make_video(tmp_path / "clip.mp4", frames=6)
    code, _out, err = run(capsys, "ingest", str(clip))
    assert code == 0, err
    kept = {"keep_tracks": [1], "reasons": {"track:1": "Requester - kept visible"}}
    files = {"bare": kept, "marks": {"reviewed": [[0, 3]]},
             "reason": {"reasons": {"track:2": "Child"}},
             "other": {"plan": kept, "source": {"sha256": "ab" * 32}}}
    for name, content in files.items():
        (tmp_path / f"{name}.json").write_text(json.dumps(content))
    said = {"bare": "does not say which footage", "marks": "does not say which footage",
            "reason": "does not say which footage", "other": "made for other footage"}
    for name, message in said.items():
        out_file = tmp_path / f"{name}.mp4"
        code, out, err = run(capsys, "redact", "1", "--preset", "fast", "--no-verify",
                             "-o", str(out_file), "--plan", str(tmp_path / f"{name}.json"))
        assert code == 2 and message in err and "Traceback" not in out + err, err
        assert not out_file.exists()
    (tmp_path / "mute.json").write_text(json.dumps({"mute": [{"start_s": 0.1,
                                                               "end_s": 0.2}]}))
    code, _out, err = run(capsys, "redact", "1", "--preset", "fast", "--no-verify",
                          "-o", str(tmp_path / "m.mp4"), "--plan", str(tmp_path / "mute.json"))
    assert code == 0, err  # no one named by number: any footage


@pytest.mark.parametrize("args,message", [
    (["--keep-track", "7", "--reason", "requester"], "No track(s) [7]"),
    (["--mute", "5-2"], "start < end"),
    (["--stride", "0"], "give 1 or more"),  # (0 was taken as the preset's own)
    (["--plan", "missing.json"], "plan file not found"),
    (["--caption", "{who}"], "unknown field"),
    (["--keep-track", "1", "--not-a-face", "1", "--reason", "requester"],
     "cannot be both kept and a false positive"),  # never settled silently
])
def test_redact_bad_requests(capsys: pytest.CaptureFixture[str], videos: Path,
                             tmp_path: Path, args: list[str], message: str) -> None:
    code, out, err = run(capsys, "redact", str(videos / "pyfeat_single_face.mp4"),
                         "--preset", "fast", "-o", str(tmp_path / "o.mp4"), *args)
    assert code == 2 and message in err and "Traceback" not in out + err
    assert not (tmp_path / "o.mp4").exists()


def test_tracks_output_errors_are_clear(capsys: pytest.CaptureFixture[str], videos: Path,
                                        tmp_path: Path) -> None:
    clip = str(videos / "pyfeat_single_face.mp4")
    afile = tmp_path / "file"
    afile.write_text("x")
    for args, message in ((["--json", str(tmp_path / "nodir" / "x.json")], "cannot write"),
                          (["--json", str(tmp_path)], "is a folder"),
                          (["--thumbnails", str(afile)], "cannot write thumbnails")):
        code, out, err = run(capsys, "tracks", clip, "--preset", "fast", *args)
        assert code == 2 and message in err and "Traceback" not in out + err
    bad_plan = tmp_path / "plan.json"
    bad_plan.write_bytes(b"\xff\xfe{")
    code, _, err = run(capsys, "redact", clip, "--preset", "fast", "-o",
                       str(tmp_path / "o.mp4"), "--plan", str(bad_plan))
    assert code == 2 and "cannot read the plan" in err
    for text, said in (('{"manual_boxes": [{"keyframes": []}]}', "a field it needs is missing"),
                       ("[1, 2", "not JSON")):  # each names the file
        bad_plan.write_text(text, encoding="utf-8")
        code, _, err = run(capsys, "redact", clip, "--preset", "fast", "-o",
                           str(tmp_path / "o.mp4"), "--plan", str(bad_plan))
        assert code == 2 and str(bad_plan) in err and said in err, err
    code, _, err = run(capsys, "redact", clip, "-o", str(tmp_path / "o.mp4"), "--crf", "999")
    assert code == 2 and "invalid choice" in err


@pytest.mark.approval_rule
def test_the_store_rule_needs_approval_and_only_an_administrator_lifts_it(
        capsys: pytest.CaptureFixture[str], videos: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 14, item 3: the rule belongs to the store (on for a new one), not to a
    settings file any user can edit or point elsewhere."""
    out = tmp_path / "out.mp4"
    clip = str(videos / "pyfeat_single_face.mp4")
    code, _, err = run(capsys, "redact", clip, "-o", str(out), "--preset", "fast",
                       "--no-verify")
    assert code == 2 and "approval" in err and not out.exists()
    monkeypatch.setenv("BWV_CONFIG_DIR", str(tmp_path / "elsewhere"))  # no way around it
    code, _, err = run(capsys, "redact", "1", "-o", str(out), "--preset", "fast",
                       "--no-verify")
    assert code == 2 and "approval" in err and not out.exists()
    assert run(capsys, "user", "add", "olive", "--role", "disclosure_officer",
               "--no-password")[0] == 0
    monkeypatch.setenv("BWV_USER", "olive")
    code, _, err = run(capsys, "user", "approval-rule", "off")
    assert code == 2 and "administrator" in err
    monkeypatch.setenv("BWV_USER", "tester")  # the store's first user: its administrator
    code, text, _ = run(capsys, "user", "approval-rule", "off")
    assert code == 0 and "no longer need" in text
    code, _, _ = run(capsys, "redact", "1", "-o", str(out), "--preset", "fast", "--no-verify")
    assert code == 0 and out.exists()
    from sqlalchemy import select

    from app.core.store.database import Store
    from app.core.store.models import AuditEvent

    data = Path(os.environ["BWV_DATA_DIR"])
    store = Store(f"sqlite:///{data / 'bwv.sqlite3'}", data)
    with store.read() as session:
        changes = [e for e in session.scalars(select(AuditEvent))
                   if e.action == "policy.change" and "require_approval" in e.details]
    store.close()
    assert len(changes) == 1 and changes[0].actor == "tester"
    details = json.loads(changes[0].details)
    assert details["require_approval"] == [True, False] and len(details["row_sha256"]) == 64


@pytest.mark.slow
def test_heads_seen_from_behind_are_hidden_unless_the_plan_leaves_them(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """On a pan over a photograph of people walking away, thorough hides their heads;
    --leave-heads leaves every head less changed (only the face and text regions that touch
    it are hidden); --whole-people hides their bodies too; the manifests say which. Whole
    people with a preset that does not look for people is refused. (Padding 1.3: at the
    default 1.6 the faces' own regions cover most of each head already.)"""
    clip = pan_video(tmp_path / "walking_away.mp4")
    heads = labelled_heads()  # in the photograph; frame 0 shows it from y 40
    change: dict[str, np.ndarray] = {}
    actions = {"hidden": {"redacted"}, "left": {"left visible (plan)"},
               "whole": {"redacted (whole person)"}}
    for name, extra in (("hidden", []), ("left", ["--leave-heads"]),
                        ("whole", ["--whole-people"])):
        out_file = tmp_path / f"{name}.mp4"
        code, out, _ = run(capsys, "redact", str(clip), "--preset", "thorough", "-o",
                           str(out_file), "--no-verify", "--padding", "1.3", *extra)
        assert code == 0, out
        manifest = json.loads(out_file.with_name(f"{name}.manifest.json").read_text())
        tracks = [t for t in manifest["tracks"] if t["category"] == "head"]
        assert tracks and manifest["redaction"]["head_tracks"] == len(tracks)
        said = manifest["redaction"]["heads_seen_from_behind"]
        assert (said["hidden"], said["whole_people_hidden"]) == (
            name != "left", name == "whole")
        assert {t["action"] for t in tracks} == actions[name]
        with av.open(str(clip)) as a, av.open(str(out_file)) as b:
            fa = next(a.decode(video=0)).to_ndarray(format="rgb24").astype(int)
            fb = next(b.decode(video=0)).to_ndarray(format="rgb24").astype(int)
        change[name] = np.abs(fa - fb).mean(axis=2)
    bodies = []  # below each head (where people in front may be hidden already)
    more = []  # how much more each head is changed with heads hidden than left visible
    for x1, y1, x2, y2 in heads:
        head = (slice(y1 - 40, y2 - 40), slice(x1, x2))
        body = (slice(y2 - 40 + 2 * (y2 - y1), y2 - 40 + 4 * (y2 - y1)), slice(x1, x2))
        more.append(change["hidden"][head].mean() - change["left"][head].mean())
        bodies.append(change["whole"][body].mean() - change["hidden"][body].mean())
    # every head at least as hidden; all but one clearly more (one person's own large face
    # is hidden, and their head region is narrowed to it: as much hidden either way)
    assert min(more) > -1 and sum(m > 5 for m in more) >= len(heads) - 1, more
    # whole people hide all that heads do and more, in pixel blocks of other sizes; on this
    # pan a turned look is held (a texture boxed turned) and heads rules 3 keep head regions
    # along some people's sides (neither look saw them surely upright), so with heads alone
    # part of those bodies is hidden already (at c1b3fc9: 3 bodies clearly more, now 2)
    assert min(bodies) > -15 and sum(b > 10 for b in bodies) >= 2, bodies
    code, _, err = run(capsys, "redact", str(clip), "--preset", "fast", "-o",
                       str(tmp_path / "refused.mp4"), "--whole-people")
    assert code == 2 and "does not look for people" in err
    assert not (tmp_path / "refused.mp4").exists()


def test_redetect_with_people_named_by_number_is_refused(
        capsys: pytest.CaptureFixture[str], videos: Path, tmp_path: Path) -> None:
    """--redetect may number the people otherwise than the tracks they were chosen from
    ('bwv tracks'): keeping "track 1" visible then could show someone else. Refused before
    anything is ingested or detected, saying what to do instead."""
    code, out, err = run(capsys, "redact", str(videos / "pyfeat_single_face.mp4"),
                         "--preset", "fast", "-o", str(tmp_path / "o.mp4"), "--redetect",
                         "--keep-track", "1", "--reason", "Requester - kept visible")
    assert code == 2 and "bwv tracks FOOTAGE --redetect" in err and "Traceback" not in out + err
    assert not (tmp_path / "o.mp4").exists()
    code, _out, _err = run(capsys, "footage", "list")
    assert "pyfeat_single_face" not in _out  # nothing ingested


def test_tracks_say_whose_head_a_head_track_is(capsys: pytest.CaptureFixture[str],
                                               videos: Path, tmp_path: Path) -> None:
    """One person found by face and by body (the default preset looks for people): the
    head track is listed as that person's, as in the workspace's People list, and the JSON
    says so, with the digest of the tracks a plan binds to."""
    code, out, err = run(capsys, "tracks", str(videos / "pyfeat_single_face.mp4"),
                         "--json", str(tmp_path / "tracks.json"))
    assert code == 0, err
    listed = json.loads((tmp_path / "tracks.json").read_text())
    kinds = {t["id"]: t["category"] for t in listed["tracks"]}
    assert len(listed["face_of_head"]) == 1 and len(listed["tracks_key"]) == 64
    ((head, face),) = listed["face_of_head"].items()
    assert (kinds[int(head)], kinds[face]) == ("head", "face")
    assert f"(the head of track {face})" in out


@pytest.mark.approval_rule
def test_with_the_approval_rule_on_the_command_line_asks_approval_then_exports(
        capsys: pytest.CaptureFixture[str], videos: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A new store needs a supervisor's approval of an export's plan; the command line had
    no way to save its plan for one (the export refused before saving, and the case could not
    go to "redacted" without a plan). --ask-approval saves it and asks; once the case is
    approved, the same command exports that very plan. Another saved plan is replaced only
    with --replace, and a plan saved in its place is put to a supervisor again, even one
    approved before (no older approval comes back)."""
    clip, out = str(videos / "pyfeat_single_face.mp4"), tmp_path / "out.mp4"
    assert run(capsys, "case", "create", "SAR-1", "--type", "subject_access",
               "--title", "request")[0] == 0
    assert run(capsys, "ingest", clip, "--case", "SAR-1")[0] == 0
    chosen = ["--case", "SAR-1", "--preset", "fast", "--keep-track", "1",
              "--reason", "Requester", "--no-verify"]
    code, _, err = run(capsys, "redact", "1", "-o", str(out), *chosen)
    assert code == 2 and "--ask-approval" in err and not out.exists()
    for wrong in (["-o", str(out), "--ask-approval"], []):
        code, _, err = run(capsys, "redact", "1", *wrong, *chosen)
        assert code == 2 and "not both" in err, (wrong, err)
    code, _, err = run(capsys, "redact", "1", "--ask-approval", "--whole-people", *chosen)
    assert code == 2 and "does not look for people" in err  # never put before anyone
    assert run(capsys, "user", "add", "olive", "--role", "disclosure_officer",
               "--no-password")[0] == 0
    _save_as_the_app_would(RedactionPlan(padding=1.3), user="olive")  # not put forward
    code, _, err = run(capsys, "redact", "1", "--ask-approval", *chosen)
    assert code == 2 and "last changed by olive" in err
    code, _, err = run(capsys, "redact", "1", "--ask-approval", "--replace", "0" * 12, *chosen)
    assert code == 2 and "last changed by olive" in err  # not that plan: refused again
    code, text, err = run(capsys, "redact", "1", "--ask-approval", "--replace",
                          _replace(err), *chosen)
    assert code == 0 and "nothing was exported" in text and "Approval asked for" in text, err
    assert "It replaced the plan saved before." in text
    asked = text.split("SHA-256 ")[1][:64]
    assert not list(tmp_path.glob("out*"))
    assert [e["plan_sha256"] for e in _events("plan.approval_request")] == [asked]
    for status in ("redacted", "awaiting_approval"):  # (saving it put the case in review)
        code, text, err = run(capsys, "case", "status", "SAR-1", status)
        assert code == 0, text + err
    assert run(capsys, "user", "add", "sam", "--role", "supervisor", "--no-password")[0] == 0
    monkeypatch.setenv("BWV_USER", "sam")
    code, text, _ = run(capsys, "case", "show", "SAR-1")  # what approving would let out
    assert "Footage #1: pyfeat_single_face.mp4" in text
    assert "Kept visible: track 1 (Requester)" in text
    code, text, err = run(capsys, "case", "status", "SAR-1", "approved", "--reason", "ok",
                          "--all-reviewed")
    assert code == 0, text + err
    assert "What was approved:" in text and "Kept visible: track 1 (Requester)" in text
    monkeypatch.setenv("BWV_USER", "tester")
    code, text, err = run(capsys, "redact", "1", "-o", str(out), *chosen)
    assert code == 0 and out.exists(), text + err
    manifest = json.loads(out.with_name("out.manifest.json").read_text())
    assert manifest["approval"]["by"] == "sam" and manifest["approval"]["plan_sha256"] == asked
    # another plan over the approved one: refused unless said so; then asked for again
    other = [*chosen[:4], "--not-a-face", "1"]
    code, _, err = run(capsys, "redact", "1", "--ask-approval", *other)
    assert code == 2 and "sam approved" in err
    code, text, _ = run(capsys, "redact", "1", "--ask-approval", "--replace", _replace(err),
                        *other)
    assert code == 0 and "approval is withdrawn" in text and "Approval asked for" in text
    # back to the first plan: approved once, but replaced since, so asked for again (an
    # older approval never comes back), and not exported until a supervisor says so
    code, _, err = run(capsys, "redact", "1", "--ask-approval", *chosen)
    assert code == 2 and "asked for" in err  # the request would go
    code, text, err = run(capsys, "redact", "1", "--ask-approval", "--replace", _replace(err),
                          *chosen)
    assert code == 0 and "Approval asked for" in text and "approved already" not in text, err
    assert [e["plan_sha256"] for e in _events("plan.approval_request")][-1] == asked
    code, _, err = run(capsys, "redact", "1", "-o", str(tmp_path / "again.mp4"), *chosen)
    assert code == 2 and "needs a supervisor's approval" in err and "requested" in err
    code, text, err = run(capsys, "case", "status", "SAR-1", "closed", "--reason", "done")
    assert code == 0, text + err
    code, _, err = run(capsys, "redact", "1", "--ask-approval", *chosen)  # the same plan
    assert code == 2 and "reopen it" in err  # a finished case: nothing asked any more


@pytest.mark.approval_rule
def test_a_rejected_plan_is_refused_with_the_supervisors_reason(
        capsys: pytest.CaptureFixture[str], videos: Path, tmp_path: Path) -> None:
    """A plan a supervisor rejected, exported from the command line: the refusal said only
    "needs a supervisor's approval (state: rejected)" and suggested --ask-approval, which
    puts the very plan that was rejected before a supervisor again. Now it names who
    rejected it, when and why, and says to change the plan before asking again."""
    clip, out = str(videos / "pyfeat_single_face.mp4"), tmp_path / "out.mp4"
    chosen = ["--preset", "fast", "--no-verify"]
    code, text, err = run(capsys, "redact", clip, "--ask-approval", *chosen)
    assert code == 0 and "Approval asked for" in text, text + err
    _approve_the_saved_plan(approve=False, note="the cyclist's face is not hidden")
    code, text, err = run(capsys, "redact", "1", "-o", str(out), *chosen)
    assert code == 2 and not out.exists(), text + err
    assert re.search(r"sam rejected this redaction plan \(\d{4}-\d\d-\d\d \d\d:\d\d UTC\)",
                     err), err
    assert '"the cyclist\'s face is not hidden"' in err
    assert "then run the command with --ask-approval instead of -o to put the changed plan" \
        in err and "Not yet put before a supervisor?" not in err


def test_an_export_replaces_another_saved_plan_only_when_told_which(
        capsys: pytest.CaptureFixture[str], videos: Path, tmp_path: Path) -> None:
    """The command line builds its plan from its options and saves it with the export; it
    saved over whatever plan the footage had (someone's work in the app, or an approved
    plan, whose approval lapsed), saying nothing. Now another saved plan is replaced only
    with --replace naming it."""
    clip = str(videos / "pyfeat_single_face.mp4")
    common = ["--preset", "fast", "--no-verify"]
    code, text, err = run(capsys, "redact", clip, "-o", str(tmp_path / "a.mp4"), *common)
    assert code == 0, text + err  # no plan saved before
    assert run(capsys, "user", "add", "olive", "--role", "disclosure_officer",
               "--no-password")[0] == 0
    _save_as_the_app_would(RedactionPlan(padding=1.3), None, "olive")
    code, _, err = run(capsys, "redact", "1", "-o", str(tmp_path / "b.mp4"), *common)
    assert code == 2 and "last changed by olive" in err and not (tmp_path / "b.mp4").exists()
    for wrong in (" " * 12, _replace(err)[:7], "0" * 12):  # blank, too short, another plan
        code, _, again = run(capsys, "redact", "1", "-o", str(tmp_path / "b.mp4"), *common,
                             "--replace", wrong)
        assert code == 2 and "last changed by olive" in again, wrong
    code, text, err = run(capsys, "redact", "1", "-o", str(tmp_path / "b.mp4"), *common,
                          "--replace", f" {_replace(err).upper()} ")  # as pasted
    assert code == 0 and (tmp_path / "b.mp4").exists(), text + err
    assert "It replaced the plan saved before." in text  # said, as --ask-approval says it
    code, text, err = run(capsys, "redact", "1", "-o", str(tmp_path / "c.mp4"), *common,
                          "--padding", "1.4")
    assert code == 0, text + err  # the plan saved is one's own: one's choices change
    assert "It replaced the plan saved before." in text
    # an approved plan replaced from the command line (the approval rule off): its approval
    # goes, and the output says so (it said nothing)
    approved = _approve_the_saved_plan()
    code, _, err = run(capsys, "redact", "1", "-o", str(tmp_path / "d.mp4"), *common)
    assert code == 2 and "sam approved" in err and approved.startswith(_replace(err))
    code, text, err = run(capsys, "redact", "1", "-o", str(tmp_path / "d.mp4"), *common,
                          "--replace", _replace(err))
    assert code == 0, text + err
    assert "It replaced the plan saved before, whose approval is withdrawn." in text


def _replace(err: str) -> str:
    """The saved plan's SHA-256 prefix the refusal names in its hint (``--replace SHA``)."""
    found = re.search(r"--replace ([0-9a-f]{12})", err)
    assert found, err
    return found.group(1)


def _save_as_the_app_would(plan: RedactionPlan, case: str | None = "SAR-1",
                           user: str = "tester") -> None:
    """``plan`` saved as footage #1's (in ``case``) by ``user``, as each edit in the app
    saves it."""
    from app.core.case_state.status import get_case
    from app.core.people.users import resolve_actor
    from app.core.redaction.plans import save_plan
    from app.core.store.database import Store

    data = Path(os.environ["BWV_DATA_DIR"])
    store = Store(f"sqlite:///{data / 'bwv.sqlite3'}", data)
    with store.transaction() as session:
        save_plan(session, resolve_actor(session, user), 1,
                  get_case(session, case).id if case else None, plan)
    store.close()


def _approve_the_saved_plan(approve: bool = True, note: str = "") -> str:
    """Footage #1's saved plan (no case) approved (or rejected, saying ``note``) by a new
    supervisor, sam, every open item answered; its SHA-256."""
    from app.core.people.users import add_user, resolve_actor
    from app.core.redaction.approval import decide
    from app.core.redaction.open_items import open_items
    from app.core.redaction.plans import find_plan_record
    from app.core.store.database import Store
    from app.core.store.models import Role

    data = Path(os.environ["BWV_DATA_DIR"])
    store = Store(f"sqlite:///{data / 'bwv.sqlite3'}", data)
    with store.transaction() as session:
        add_user(session, resolve_actor(session, "tester"), "sam", Role.SUPERVISOR)
        record = find_plan_record(session, 1, None)
        assert record is not None
        items = open_items(session, 1, None, RedactionPlan.from_json(record.plan))
        decide(session, resolve_actor(session, "sam"), 1, None, record.plan_sha256, approve,
               note, answers={item.key: "all reviewed" for item in items})
        sha = record.plan_sha256
    store.close()
    return sha


def _events(action: str) -> list[dict[str, object]]:
    """The details of the store's audit events of ``action``, oldest first."""
    from sqlalchemy import select

    from app.core.store.database import Store
    from app.core.store.models import AuditEvent

    data = Path(os.environ["BWV_DATA_DIR"])
    store = Store(f"sqlite:///{data / 'bwv.sqlite3'}", data)
    with store.read() as session:
        found = [json.loads(e.details) for e in session.scalars(
            select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.seq))]
    store.close()
    return found


@pytest.mark.slow
def test_tracks_lists_the_review_the_app_and_the_approval_list(
        capsys: pytest.CaptureFixture[str], videos: Path, tmp_path: Path) -> None:
    """`bwv tracks` listed the plain run's review ranges (5 on the shaky clip), while the
    workspace, the approval and the manifest listed those a plan with no decisions leaves
    open (4): ranges the redaction hides anyway are not asked about (a first-use trial)."""
    from app.core.analysis import analyse
    from app.core.redaction.plan_review import plan_review
    from app.core.settings import load_settings
    from app.core.store.database import Store

    listed = tmp_path / "tracks.json"
    code, out, _ = run(capsys, "tracks", str(videos / "mmaction2_demo.mp4"), "--preset",
                       "fast", "--json", str(listed))
    assert code == 0, out
    settings = load_settings()
    with Store(settings.effective_database_url, settings.data_path) as store:
        a = analyse(store, "tester", 1, "fast")
    app = plan_review(a.run, a.tracks, a.tracks, RedactionPlan(), a.frame_count, a.fps)
    review = json.loads(listed.read_text())["review"]
    assert review == [r.as_dict() for r in app] and len(review) < len(a.review)
    assert out.count("Review ") == len(app)
