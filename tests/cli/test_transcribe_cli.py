"""``bwv transcribe`` and ``bwv redact --hide-words/--hide-suggested`` on generated speech."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_redact_cli import run
from tests.speech_media import decoded_track, make_spoken_clip, rms_db, spoken_track


def test_transcribe_then_hide_a_phrase_and_the_suggestions(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    # how the speech model spells a name depends on the computer's arithmetic ("Mr Grayson"
    # was heard "Mr. Mason" on one): a name of two words is found by either word's spelling
    # and, of eight phones or more, by its sound; said first, so it never lies next to the
    # number's words (neighbouring suggestions are one, named by the first)
    samples, times = spoken_track(["Tom Grayson saw it all.",
                                   "I saw the man near the bridge.",
                                   "His phone number is 07700 900 123."])
    clip = make_spoken_clip(tmp_path / "said.mp4", [samples])
    code, out, _ = run(capsys, "ingest", str(clip))
    assert code == 0
    code, out, _err = run(capsys, "transcribe", "1", "--name", "Tom Grayson", "--json",
                          str(tmp_path / "words.json"))
    assert code == 0 and "Audio track 1:" in out and "bridge" in out.lower()
    assert "phone" in out and "a name given in the case" in out
    saved = json.loads((tmp_path / "words.json").read_text())
    kinds = {s["kind"] for s in saved["tracks"][0]["suggestions"]}
    assert {"phone", "name"} <= kinds
    # the name kept with a case instead (the stored transcript is reused)
    assert run(capsys, "case", "create", "SAR-1", "--type", "subject_access")[0] == 0
    assert run(capsys, "case", "link", "SAR-1", "1")[0] == 0  # exported under the case below
    code, out, _ = run(capsys, "case", "names", "SAR-1", "--set", "Tom Grayson", "--clear")
    assert code == 2
    code, out, _ = run(capsys, "case", "names", "SAR-1", "--set", "Tom Grayson")
    assert code == 0 and "1 name(s) to find" in out and "Grayson" not in out
    code, out, _ = run(capsys, "case", "names", "SAR-1")
    assert code == 0 and "Grayson" in out
    code, out, _ = run(capsys, "transcribe", "1", "--case", "SAR-1")
    assert code == 0 and "a name given in the case" in out

    code, _out, err = run(capsys, "redact", "1", "-o", str(tmp_path / "none.mp4"),
                          "--no-verify", "--hide-words", "zebra crossing")
    assert code == 2 and "nothing was hidden" in err and not (tmp_path / "none.mp4").exists()

    out_file = tmp_path / "hidden.mp4"
    code, out, err = run(capsys, "redact", "1", "-o", str(out_file), "--no-verify",
                         "--hide-words", "bridge", "--hide-suggested", "--case", "SAR-1",
                         "--hide-with", "mute", "--audio-reason", "S40 third party")
    assert code == 0, err
    assert "'bridge' said 1 time(s)" in err
    manifest = json.loads(out_file.with_name("hidden.manifest.json").read_text())
    ranges = manifest["plan"]["audio_ranges"]
    assert {r["label"] for r in ranges} >= {"words", "phone", "name"}
    assert all(r["action"] == "mute" and r["track"] == 0 for r in ranges)
    assert "bridge" not in manifest["transcripts"][0]["text"].lower()
    assert "[redacted: S40 third party]" in manifest["transcripts"][0]["text"]
    code, out, _ = run(capsys, "case", "names", "SAR-1", "--clear")
    assert code == 0 and "0 name(s)" in out
    code, out, _ = run(capsys, "transcribe", "1", "--case", "SAR-1")
    assert code == 0 and "a name given in the case" not in out
    exported, rate = decoded_track(out_file)
    phone = next(r for r in ranges if r["label"] == "phone")
    inner = exported[round((phone["start_s"] + 0.05) * rate):round((phone["end_s"] - 0.05) * rate)]
    assert rms_db(inner) < -60
    first, _ = decoded_track(clip)
    start, end = times[1][0], times[1][0] + 0.5  # "I saw the" survives
    assert abs(rms_db(exported[round(start * rate):round(end * rate)])
               - rms_db(first[round(start * rate):round(end * rate)])) < 1.0


def test_a_silent_film_has_no_transcript(capsys: pytest.CaptureFixture[str],
                                         tmp_path: Path) -> None:
    clip = make_spoken_clip(tmp_path / "silent.mp4", [])
    assert run(capsys, "ingest", str(clip))[0] == 0
    code, _out, err = run(capsys, "transcribe", "1")
    assert code == 0 and "no audio" in err


def test_batch_queue_worker_status(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from tests.conftest import make_video

    clips = [make_video(tmp_path / f"c{i}.mp4", frames=10 + i) for i in range(3)]
    assert run(capsys, "ingest", *map(str, clips))[0] == 0
    code, out, err = run(capsys, "batch", "queue", "1", "2", "3", "--preset", "fast")
    assert code == 0 and "Queued 3 job(s)" in out, err
    code, out, _ = run(capsys, "batch", "queue", "1", "--preset", "fast")
    assert "Queued 0 job(s) (1 already queued)" in out
    code, out, _ = run(capsys, "batch", "cancel", "3")
    assert code == 0 and "cancelled" in out
    code, out, err = run(capsys, "worker", "--workers", "2")
    assert code == 0 and "Queue empty: 2 done." in out and err.count(" done") == 2
    code, out, _ = run(capsys, "batch", "status")
    assert out.count(" done ") == 2 and " cancelled " in out
    code, out, _ = run(capsys, "batch", "retry", "3")
    assert code == 0 and run(capsys, "worker")[1].startswith("Queue empty: 1 done")
    assert run(capsys, "batch", "queue", "2", "3", "--preset", "fast")[0] == 0  # processes
    code, out, err = run(capsys, "worker", "--processes", "--workers", "2")
    assert code == 0 and out.startswith("Queue empty: 2 done"), err
    assert "/first-job: job" in err and "/process-" in err  # one ran while the cluster started


def test_batch_working_copies_from_the_command_line(capsys: pytest.CaptureFixture[str],
                                                   tmp_path: Path) -> None:
    from tests.conftest import make_video

    clip = make_video(tmp_path / "street.mp4", frames=8)
    assert run(capsys, "ingest", str(clip))[0] == 0
    code, _out, err = run(capsys, "batch", "queue", "1", "--kind", "redact")
    assert code != 0 and "needs --out FOLDER" in err
    code, _out, err = run(capsys, "batch", "queue", "1", "--out", str(tmp_path))
    assert code != 0 and "--out is for redact jobs" in err
    share = tmp_path / "share"
    share.mkdir()
    code, out, err = run(capsys, "batch", "queue", "1", "--kind", "redact", "--preset", "fast",
                         "--out", str(share), "--reason", "batch for SAR triage")
    assert code == 0 and "Queued 1 job(s)" in out, err
    code, out, err = run(capsys, "worker", "--workers", "1")  # the approval rule is on
    assert code == 0 and "1 done" in out, err
    assert [p.name for p in share.glob("*.mp4")] == ["street.job1.working-copy.mp4"]
    assert " redact " in run(capsys, "batch", "status")[1]
    code, out, err = run(capsys, "batch", "queue", "--folder", str(tmp_path), "--preset", "fast")
    assert code == 0 and "Queued 1 job(s)" in out, err  # the item ingested from there
    code, out, _ = run(capsys, "batch", "queue", "--folder", str(share))
    assert code == 0 and "nothing queued" in out
    code, _out, err = run(capsys, "batch", "queue", "--recorded-from", "2026-13-01")
    assert code != 0 and "is not a date" in err


def test_joining_a_cluster_needs_mutual_tls(capsys: pytest.CaptureFixture[str],
                                            tmp_path: Path) -> None:
    code, _out, err = run(capsys, "worker", "--scheduler", "tls://127.0.0.1:8786")
    assert code != 0 and "needs --tls-ca, --tls-cert and --tls-key" in err
    code, _out, err = run(capsys, "worker", "--tls-ca", "ca.pem")
    assert code != 0 and "go with --scheduler" in err
    files = [tmp_path / name for name in ("ca.pem", "me.pem", "me.key")]
    for path in files[:2]:
        path.write_text("x")
    flags = ["--tls-ca", str(files[0]), "--tls-cert", str(files[1]), "--tls-key", str(files[2])]
    code, _out, err = run(capsys, "worker", "--scheduler", "tcp://127.0.0.1:8786", *flags)
    assert code != 0 and "mutual TLS only" in err and "Traceback" not in err
    code, _out, err = run(capsys, "worker", "--scheduler", "tls://127.0.0.1:8786", *flags)
    assert code != 0 and "me.key: no such certificate or key file" in err


def test_watch_folders_from_the_command_line(capsys: pytest.CaptureFixture[str],
                                             tmp_path: Path) -> None:
    dock = tmp_path / "dock"
    dock.mkdir()
    code, out, _ = run(capsys, "batch", "watch", "add", str(dock), "--queue", "transcribe")
    assert code == 0 and "Watching" in out
    code, out, _ = run(capsys, "batch", "watch", "list")
    assert str(dock.resolve()) in out and "transcribe" in out
    code, _out, err = run(capsys, "batch", "watch", "add", str(tmp_path / "nowhere"))
    assert code == 2 and "is not a folder" in err
    assert run(capsys, "batch", "watch", "remove", str(dock))[0] == 0
    assert "No watch folders." in run(capsys, "batch", "watch", "list")[1]


def test_disguise_one_speaker_from_the_command_line(capsys: pytest.CaptureFixture[str],
                                                    tmp_path: Path) -> None:
    """Two voices take turns; ``--disguise-speaker 2`` disguises her turns, not his."""
    from tests.core.test_speakers import _conversation

    clip, said_by = _conversation(tmp_path, ["en-gb", "en-us+f3"])
    assert run(capsys, "ingest", str(clip))[0] == 0
    code, out, _ = run(capsys, "transcribe", "1")
    assert code == 0 and "S2" in out and "Speakers told apart by voice" in out
    code, _out, err = run(capsys, "redact", "1", "-o", str(tmp_path / "x.mp4"), "--no-verify",
                          "--disguise-speaker", "3")
    assert code == 2 and "no speaker 3" in err and not (tmp_path / "x.mp4").exists()
    out_file = tmp_path / "disguised.mp4"
    code, _out, err = run(capsys, "redact", "1", "-o", str(out_file), "--no-verify",
                          "--disguise-speaker", "1:2")
    assert code == 0, err
    ranges = json.loads(out_file.with_name("disguised.manifest.json").read_text())[
        "plan"]["audio_ranges"]
    assert ranges and all(r["action"] == "disguise" and r["label"] == "speaker 2"
                          for r in ranges)
    for a, b, who in said_by:  # her lines inside a range, his outside every range
        inside = any(r["start_s"] <= a + 0.3 and r["end_s"] >= b - 0.3 for r in ranges)
        assert inside == (who == 1)


def test_speech_with_no_words_is_printed_with_its_speaker(
        capsys: pytest.CaptureFixture[str]) -> None:
    from app.cli.cmd_transcribe import _print_words
    from app.core.audio.transcript import Transcript, Word

    words = [Word(w, i * 0.5, i * 0.5 + 0.4) for i, w in enumerate(["yes", "no", "maybe"])]
    _print_words(Transcript(0, words, speakers=[1, 2, 1], unheard=[(3.0, 3.5), (5.0, 5.4)],
                            unheard_speakers=[2, 0]))
    out = capsys.readouterr().out
    assert "Speech with no words:" in out and " S2; " in out and " S?" in out
    _print_words(Transcript(0, words, speakers=[1, 2, 1], unheard=[(3.0, 3.5)]))
    assert "Speech with no words" not in capsys.readouterr().out  # stored before: not placed
