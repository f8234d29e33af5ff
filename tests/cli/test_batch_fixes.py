"""``bwv worker`` counts each job once, by how it ended, and says why a try was queued again;
Ctrl+C says what a command cut short leaves behind."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

import pytest

from app.cli.context import Context
from tests.cli.test_cli import run
from tests.conftest import make_video


def test_a_job_failing_every_try_counts_once_and_says_why_it_was_tried_again(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """One job failing three times printed "Queue empty: 1 failed, 2 queued." though the
    queue was empty (each try counted as an outcome)."""
    clip = make_video(tmp_path / "street.mp4", frames=8)
    share = tmp_path / "share"
    share.mkdir()
    assert run(capsys, "ingest", str(clip))[0] == 0
    code, out, err = run(capsys, "batch", "queue", "1", "--kind", "redact", "--preset", "fast",
                         "--out", str(share))
    assert code == 0 and "Queued 1 job(s)" in out, err
    shutil.rmtree(share)  # the share went away: every try fails
    code, out, err = run(capsys, "worker", "--workers", "1")
    assert code == 1
    assert out.strip() == "Queue empty: 1 failed.", (out, err)
    for attempt in (1, 2):
        assert (f"job 1 queued again: try {attempt} of 3 failed: {share}: the folder for "
                "working copies is not there.") in err
    assert "job 1 failed" in err
    code, out, _ = run(capsys, "batch", "status")
    assert " failed " in out and " queued " not in out


def test_ctrl_c_does_not_claim_that_nothing_half_written_was_kept(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """A recorded export's hidden .partial files stay after Ctrl+C (the next export into
    that folder finishes them), and so does a killed worker's working copy's."""
    def interrupted(_ctx: Context, _args: argparse.Namespace) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr("app.cli.cmd_batch.run_status", interrupted)
    code, _out, err = run(capsys, "batch", "status")
    assert code == 130
    assert "nothing half-written" not in err
    assert "Interrupted. Files cut short keep hidden .partial names" in err
    assert "the next export into that folder finishes them" in err


def test_a_busy_store_says_so_and_exits_75(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Another program holding the store's write lock longer than the busy timeout: said as
    busy (nothing saved, try again; EX_TEMPFAIL for scripts), where it read "The database
    URL ... cannot be used: database is locked"; and a command that only reads still works."""
    import sqlite3

    from sqlalchemy.engine import make_url

    from app.core.settings import load_settings
    from app.core.store import database

    clip = make_video(tmp_path / "street.mp4", frames=8)
    assert run(capsys, "ingest", str(clip))[0] == 0
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 300)
    holder = sqlite3.connect(str(make_url(load_settings().effective_database_url).database),
                             isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        code, out, err = run(capsys, "flag", "add", "1", "--at", "0.1", "--category", "review")
        assert code == 75, err
        assert "The store is busy" in err and "Try again" in err
        assert "cannot be used" not in err and "Traceback" not in err and "[SQL" not in err
        code, out, err = run(capsys, "footage", "list")
        assert code == 0 and "street.mp4" in out, err
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert run(capsys, "flag", "add", "1", "--at", "0.1", "--category", "review")[0] == 0


def test_a_batch_refused_part_way_by_a_busy_store_says_how_far_and_exits_75(
        capsys: pytest.CaptureFixture[str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from app.cli import cmd_batch
    from app.core.errors import StoreBusyError
    from app.core.jobs.bulk_queue import PARTLY_QUEUED

    def busy(*_args: object, **_kwargs: object) -> list[int]:
        raise StoreBusyError(PARTLY_QUEUED, done=200, total=450)

    clip = make_video(tmp_path / "street.mp4", frames=8)
    assert run(capsys, "ingest", str(clip))[0] == 0
    monkeypatch.setattr(cmd_batch, "queue_in_parts", busy)
    code, _out, err = run(capsys, "batch", "queue", "1", "--preset", "fast")
    assert code == 75 and "after 200 of 450 items" in err, err


def test_verify_reports_a_changed_original_even_when_the_store_is_busy(
        capsys: pytest.CaptureFixture[str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Every original checked, the recording of the checks refused part-way: the summary
    is printed and a changed original still exits 1 (a tamper signal outranks "try again")."""
    from app.core.errors import StoreBusyError
    from app.core.library import footage
    from app.core.library.footage import VERIFY_PARTLY_RECORDED

    clip = make_video(tmp_path / "street.mp4", frames=8)
    assert run(capsys, "ingest", str(clip))[0] == 0
    real = footage.verify_originals

    def busy_after_checking(*args: object, **kwargs: object) -> object:
        checks = real(*args, **kwargs)  # type: ignore[arg-type]
        raise StoreBusyError(VERIFY_PARTLY_RECORDED, done=0, total=len(checks))

    monkeypatch.setattr(footage, "verify_originals", busy_after_checking)
    code, out, err = run(capsys, "footage", "verify")
    assert code == 75 and "Verified 1 originals: 1 unchanged" in out and "busy" in err
    with clip.open("r+b") as f:  # the original changed on disk
        f.seek(200)
        f.write(b"\0\1\2\3")
    code, out, err = run(capsys, "footage", "verify")
    assert code == 1 and "1 with problems" in out and "busy" in err
