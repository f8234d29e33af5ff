"""What a command writes, checked before any work (found by a read-only hunt for bad input):
``tracks --json`` wrote over any file, an export or an ingested original included, with no
--force; ``detect --json --force`` and ``audit export -o --force`` over an original; an
export's name that was a symbolic link printed "Wrote" while the video stayed hidden; a name
not ending in .mp4 was exported; a missing output folder was found only after the whole
detection; a name too long for its hidden temporary name was an internal error; an emptied
store file became a new, empty store; a damaged or read-only store printed an internal error
with the statement and its values."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.core.media.hashing import sha256_file
from app.core.settings import load_settings
from tests.cli.test_cli import run
from tests.conftest import make_video


@pytest.fixture
def original(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Path:
    clip = make_video(tmp_path / "clip.mp4", frames=8)
    assert run(capsys, "ingest", str(clip))[0] == 0
    return clip


def test_json_and_audit_files_never_replace_an_original_or_unasked(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, original: Path) -> None:
    before = sha256_file(original)
    second = make_video(tmp_path / "second.mp4", frames=6)
    assert run(capsys, "ingest", str(second))[0] == 0
    for command in (["tracks", "1", "--preset", "fast", "--json", str(original)],
                    ["tracks", "1", "--preset", "fast", "--force", "--json", str(original)],
                    ["audit", "export", "--all", "--format", "csv", "-o", str(original),
                     "--force"],
                    ["redact", "2", "-o", str(original), "--preset", "fast", "--force"]):
        code, _out, err = run(capsys, *command)
        assert code == 2 and "is the original of footage #1" in err, (command, err)
    # detect needs no store (it makes none), but checks the store that is here
    code, _out, err = run(capsys, "detect", str(second), "--force", "--json", str(original))
    assert code == 2 and "is the original of footage #1" in err, err
    code, _out, err = run(capsys, "detect", str(second), "--force", "--json", str(second))
    assert code == 2 and "is the original of footage #2" in err, err
    assert sha256_file(original) == before
    other = tmp_path / "notes.json"
    other.write_text("mine")
    code, _out, err = run(capsys, "tracks", "1", "--preset", "fast", "--json", str(other))
    assert code == 2 and "already exists; use --force" in err and other.read_text() == "mine"
    code, _out, err = run(capsys, "tracks", "1", "--preset", "fast", "--json", str(other),
                          "--force")
    assert code == 0 and '"tracks"' in other.read_text(), err


def test_an_export_name_is_checked_before_the_detection(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, original: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    detected: list[object] = []
    monkeypatch.setattr("app.core.export.pipeline.analyse",
                        lambda *a, **k: detected.append(a) or pytest.fail("detected"))
    out = tmp_path / "out"
    out.mkdir()
    link = out / "b.mp4"
    link.symlink_to(out / "gone.mp4")
    long_name = out / ("x" * 250 + ".mp4")
    for target, said in ((link, "is a symbolic link"), (out / "c.txt", "give a name ending in "
                                                        ".mp4"),
                         (tmp_path / "nodir" / "x.mp4", "the output folder does not exist"),
                         (long_name, "the file name is too long")):
        code, _out, err = run(capsys, "redact", "1", "-o", str(target), "--preset", "fast")
        assert code == 2 and said in err and "internal error" not in err, (target, err)
    assert detected == [] and link.is_symlink() and not (out / "gone.mp4").exists()
    assert sorted(p.name for p in out.iterdir()) == ["b.mp4"]  # nothing written


def test_an_emptied_store_file_is_refused_not_made_a_new_store(
        capsys: pytest.CaptureFixture[str], original: Path) -> None:
    store_file = Path(load_settings().effective_database_url.removeprefix("sqlite:///"))
    assert store_file.stat().st_size > 0
    for suffix in ("-wal", "-shm"):
        Path(f"{store_file}{suffix}").unlink(missing_ok=True)
    store_file.write_bytes(b"")
    code, _out, err = run(capsys, "footage", "list")
    assert code == 2 and "is an empty file (0 bytes), not a store" in err, err
    assert store_file.stat().st_size == 0


def test_a_damaged_store_is_one_line_naming_it(capsys: pytest.CaptureFixture[str],
                                               original: Path) -> None:
    store_file = Path(load_settings().effective_database_url.removeprefix("sqlite:///"))
    assert run(capsys, "footage", "list")[0] == 0
    size = store_file.stat().st_size
    with store_file.open("r+b") as damaged:  # every page but the first (the header) garbled
        damaged.seek(4096)
        damaged.write(os.urandom(size - 4096))
    for suffix in ("-wal", "-shm"):
        Path(f"{store_file}{suffix}").unlink(missing_ok=True)
    code, _out, err = run(capsys, "footage", "list")
    assert code == 2 and "internal error" not in err, err
    assert str(store_file) in err and "sqlalche.me" not in err, err  # the driver's words
    assert "SELECT" not in err and "[parameters" not in err and err.count("\n") == 1, err


def test_an_export_is_not_taken_in_as_footage(capsys: pytest.CaptureFixture[str],
                                              tmp_path: Path, original: Path) -> None:
    """Taken in, an export was footage #2, and the store's check then called its own
    export "TAMPERED: the original, not redacted" (found by a read-only hunt)."""
    out = tmp_path / "out"
    out.mkdir()
    code, _out, err = run(capsys, "redact", "1", "-o", str(out / "a.mp4"), "--preset", "fast")
    assert code == 0, err
    code, _out, err = run(capsys, "ingest", str(out / "a.mp4"))
    assert code != 0 and "this is export #1 of footage #1" in err + _out, (err, _out)
    code, out_text, _err = run(capsys, "footage", "list")
    assert code == 0 and "a.mp4" not in out_text
    code, _out, err = run(capsys, "redact", "1", "-o", str(out / "b.mp4"), "--preset", "fast")
    assert code == 0, err  # the same bytes again: taken in, a.mp4 would be its "original"
    code, _out, err = run(capsys, "audit", "verify")
    assert code == 0, err


def test_small_bad_values_are_named_before_any_work(capsys: pytest.CaptureFixture[str],
                                                    tmp_path: Path, original: Path) -> None:
    """A missing file where footage is asked for says where the numbers are; a case
    received in the future and a watch round of 0 or fewer seconds are refused."""
    code, _out, err = run(capsys, "redact", str(tmp_path / "gone.mp4"), "-o",
                          str(tmp_path / "x.mp4"))
    assert code == 2 and "is neither a footage number" in err and "bwv footage list" in err
    assert "bwv ingest FILE" in err
    code, _out, err = run(capsys, "case", "create", "SAR-F", "--type", "subject_access",
                          "--received", "2999-01-01")
    assert code == 2 and "2999-01-01 is in the future" in err, err
    for every in ("0", "-5", "nan"):
        code, _out, err = run(capsys, "worker", "--watch", "--every", every)
        assert code == 2 and "give more than 0 seconds" in err, err


def test_a_statement_the_database_refused_is_one_line_without_it(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """A refused statement (a constraint: a fault of ours) stays an internal error, in one
    line, without the statement and its values (which can be signatures)."""
    from sqlalchemy.exc import IntegrityError

    def refused(*_args: object) -> int:
        raise IntegrityError("INSERT INTO audit_events VALUES (?)", ("c0ffee-signature",),
                             Exception("UNIQUE constraint failed: audit_events.seq"))

    monkeypatch.setattr("app.cli.cmd_footage.run_list", refused)
    code, _out, err = run(capsys, "footage", "list")
    assert code == 2 and err.startswith("bwv: internal error: the database refused a change: "
                                        "UNIQUE constraint failed"), err
    assert "INSERT" not in err and "c0ffee" not in err and err.count("\n") == 1, err
