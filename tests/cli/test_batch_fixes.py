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
