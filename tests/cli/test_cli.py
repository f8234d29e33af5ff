"""The ``bwv`` command line: help everywhere, clear errors, exit codes, real work."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from app.cli.main import build_parser, main
from app.core.store.database import Store
from tests.conftest import REPO, make_video


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse: --help, usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def _all_commands() -> list[list[str]]:
    import argparse

    found: list[list[str]] = [[]]

    def walk(parser: argparse.ArgumentParser, prefix: list[str]) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    found.append([*prefix, name])
                    walk(sub, [*prefix, name])

    walk(build_parser(), [])
    return found


@pytest.mark.parametrize("command", _all_commands(), ids=lambda c: " ".join(c) or "bwv")
def test_every_command_has_help(capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
    code, out, _ = run(capsys, *command, "--help")
    assert code == 0
    assert out.startswith("usage: bwv") and len(out) > 100


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.startswith("bwv ")


def test_a_day_of_work(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    video = make_video(tmp_path / "clip.mp4", frames=36, fps=12)
    bad = tmp_path / "bad.mp4"
    bad.write_text("no video here")
    assert run(capsys, "case", "create", "SAR-1", "--type", "subject_access")[0] == 0
    code, out, _ = run(capsys, "ingest", str(video), str(bad), "--case", "SAR-1")
    assert code == 1  # one file failed
    assert "ingested as footage #1 (36 frames" in out
    assert "FAILED" in out and "bad.mp4: not a video file" in out
    assert "Summary: 1 ingested, 0 already present, 1 failed." in out
    code, out, _ = run(capsys, "ingest", str(video))
    assert code == 0 and "already ingested as footage #1" in out
    code, out, _ = run(capsys, "flag", "add", "1", "--at", "0:01", "--to", "0:02",
                       "--category", "evidence", "--label", "door")
    assert code == 0 and "at frame 12" in out
    assert "door" in run(capsys, "flag", "list", "1")[1]
    assert run(capsys, "flag", "edit", "1", "--label", "front door")[0] == 0
    assert run(capsys, "footage", "evidential", "1", "on", "--reason", "charge")[0] == 0
    code, out, _ = run(capsys, "footage", "show", "1")
    assert "Evidential:  yes" in out and "Frames:      36" in out
    sha = out.split("SHA-256:")[1].split()[0]
    assert run(capsys, "footage", "show", sha[:10])[0] == 0
    code, out, _ = run(capsys, "footage", "verify", "--case", "SAR-1")
    assert code == 0 and "1 unchanged, 0 with problems" in out
    code, out, _ = run(capsys, "audit", "verify")
    assert code == 0 and out.startswith("OK: ")
    trail = tmp_path / "trail.jsonl"
    code, _, err = run(capsys, "audit", "export", "--case", "SAR-1", "--format", "jsonl",
                       "-o", str(trail))
    assert code == 0 and "Wrote" in err
    actions = [json.loads(line)["action"] for line in trail.read_text().splitlines()]
    assert actions[:3] == ["case.create", "footage.ingest", "case.link_footage"]
    assert "flag.edit" in actions and "footage.evidential" in actions
    code, _, err = run(capsys, "audit", "export", "--case", "SAR-1", "--format", "csv",
                       "-o", str(trail))
    assert code == 2 and "already exists; use --force" in err
    assert [p.name for p in tmp_path.iterdir() if "partial" in p.name] == []
    assert run(capsys, "audit", "export", "--all", "--format", "csv", "-o", str(trail),
               "--force")[0] == 0
    assert trail.read_text().startswith("seq,occurred_at,actor")


def test_broken_chain_gives_exit_1(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                   isolated_env: Path) -> None:
    run(capsys, "case", "create", "C-1", "--type", "complaint")
    run(capsys, "case", "edit", "C-1", "--title", "changed")
    store = Store(f"sqlite:///{isolated_env / 'data' / 'bwv.sqlite3'}", isolated_env / "data")
    with store.engine.begin() as conn:
        conn.execute(text("DROP TRIGGER audit_events_no_update"))
        conn.execute(text("UPDATE audit_events SET actor='someone else' WHERE seq=2"))
    store.close()
    code, out, _ = run(capsys, "audit", "verify")
    assert code == 1 and "BROKEN (edited) at event #2" in out


@pytest.mark.parametrize("args,message", [
    (["case", "show", "NOPE"], "No case with reference 'NOPE'"),
    (["footage", "show", "42"], "No footage '42'"),
    (["footage", "show", "x!"], "neither a footage number nor a SHA-256 prefix"),
    (["flag", "add", "1", "--at", "soon", "--category", "evidence"], "'soon' is not a time"),
    (["case", "edit", "NOPE"], "Nothing to change"),
    (["--database", "nonsense://", "case", "list"], "nonsense"),
])
def test_user_errors_are_one_clear_line(capsys: pytest.CaptureFixture[str], args: list[str],
                                        message: str) -> None:
    code, out, err = run(capsys, *args)
    assert code == 2
    assert message in err and "Traceback" not in err + out
    assert err.startswith("bwv: error:") or "error" in err


def test_usage_error_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "case", "create", "X", "--type", "wrong")
    assert code == 2 and "invalid choice" in err


def test_real_process_never_prints_a_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "half.mp4"
    whole = make_video(tmp_path / "whole.mp4", frames=48).read_bytes()
    bad.write_bytes(whole[: len(whole) // 3])
    result = subprocess.run(
        [sys.executable, "-m", "app", "ingest", str(bad), str(tmp_path / "gone.mp4")],
        cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "half.mp4: not a video file, or damaged" in result.stdout
    assert "gone.mp4: file not found" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.parametrize("args,message", [
    (["flag", "edit", "99999999999999999999", "--label", "x"], "not a flag number"),
    (["--database", "foo://", "case", "list"], "cannot be used"),
])
def test_more_bad_input_is_a_clear_error(capsys: pytest.CaptureFixture[str], args: list[str],
                                         message: str) -> None:
    code, out, err = run(capsys, *args)
    assert code == 2 and message in err and "Traceback" not in out + err


def test_nan_time_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    run(capsys, "ingest", str(make_video(tmp_path / "c.mp4")))
    code, _, err = run(capsys, "flag", "add", "1", "--at", "nan", "--category", "evidence")
    assert code == 2 and "not a valid time" in err


def test_settings_with_wrong_types_are_named(capsys: pytest.CaptureFixture[str],
                                             isolated_env: Path) -> None:
    (isolated_env / "config").mkdir(parents=True, exist_ok=True)  # (the witness marker)
    (isolated_env / "config" / "settings.json").write_text('{"data_dir": 5}')
    code, _, err = run(capsys, "case", "list")
    assert code == 2 and "data_dir must be text" in err


def test_ctrl_c_while_the_command_is_still_loading_is_one_line(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """The installed ``bwv`` (``app.cli.entry``) loads the command line's modules itself: a
    Ctrl+C while they load ends with status 130 and a line, not a traceback."""
    import importlib.abc

    from app.cli import entry

    class Interrupted(importlib.abc.MetaPathFinder):
        def find_spec(self, fullname: str, path: object, target: object = None) -> None:
            if fullname == "app.cli.main":
                raise KeyboardInterrupt
            return None

    monkeypatch.delitem(sys.modules, "app.cli.main")
    monkeypatch.setattr(sys, "meta_path", [Interrupted(), *sys.meta_path])
    assert entry.main() == 130
    assert capsys.readouterr().err.strip() == entry.LOADING_INTERRUPTED.strip()
    monkeypatch.undo()  # loaded, interrupted while reading its arguments: the same

    def interrupted() -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("app.cli.main.build_parser", interrupted)
    assert entry.main() == 130 and "Interrupted" in capsys.readouterr().err
    monkeypatch.undo()  # and else the command runs as before
    monkeypatch.setattr(sys, "argv", ["bwv", "--version"])
    with pytest.raises(SystemExit) as done:
        entry.main()
    assert done.value.code == 0 and capsys.readouterr().out.startswith("bwv ")


def test_footage_described_again(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                 isolated_env: Path) -> None:
    """``bwv footage describe``: what an older version counted otherwise, said and stored."""
    from sqlalchemy import update

    from app.core.store.models import Footage
    from tests.media_broken import cut_part_way, packet_pts

    src = cut_part_way(tmp_path, drop=4)
    assert run(capsys, "ingest", str(src))[0] == 0
    counted = len(packet_pts(src))
    code, out, _ = run(capsys, "footage", "describe", "1")
    assert code == 0 and "the description stands" in out
    store = Store(f"sqlite:///{isolated_env / 'data' / 'bwv.sqlite3'}", isolated_env / "data")
    try:
        with store.transaction() as session:  # as ingest counted such a file before
            decodable = session.get(Footage, 1).frame_count
            session.execute(update(Footage).where(Footage.id == 1).values(
                frame_count=counted, media_metadata={"timestamps": "ok"}))
    finally:
        store.close()
    code, out, _ = run(capsys, "footage", "describe", "1")
    assert code == 0 and f"frame_count: {counted} -> {decodable}" in out, out
    assert "warnings: none -> [" in out and "part-way through a group of pictures" in out
