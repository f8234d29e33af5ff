"""``bwv tracks`` and ``bwv redact`` from the command line on a real clip."""

from __future__ import annotations

import json
from pathlib import Path

import av
import numpy as np
import pytest

from app.cli.main import main
from app.core.probe import probe


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


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
    code, out, _ = run(capsys, "redact", "1", "--preset", "fast", "-o", str(out_file),
                       "--keep-track", "1", "--style", "solid")
    assert code == 0, out
    assert "1 kept visible" in out and "Residual check: no face" in out
    with av.open(str(clip)) as a, av.open(str(out_file)) as b:
        fa = next(a.decode(video=0)).to_ndarray(format="rgb24").astype(int)
        fb = next(b.decode(video=0)).to_ndarray(format="rgb24").astype(int)
    assert np.abs(fa - fb).mean() < 4  # nothing hidden: the only face was kept

    code, out, _ = run(capsys, "redact", "1", "--preset", "fast", "-o", str(out_file))
    assert code == 2  # exists
    code, out, _err = run(capsys, "redact", "1", "--preset", "fast", "-o", str(out_file),
                         "--force", "--caption", "{case} REDACTED {time}", "--clip", "0-1")
    assert code == 0 and probe(out_file).frame_count == 30
    manifest = json.loads(out_file.with_name("kept.manifest.json").read_text())
    assert manifest["plan"]["caption"] == "{case} REDACTED {time}"
    assert manifest["redaction"]["tracks_redacted"] == 1


@pytest.mark.parametrize("args,message", [
    (["--keep-track", "7"], "No track(s) [7]"),
    (["--mute", "5-2"], "start < end"),
    (["--plan", "missing.json"], "plan file not found"),
    (["--caption", "{who}"], "unknown field"),
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
    code, _, err = run(capsys, "redact", clip, "-o", str(tmp_path / "o.mp4"), "--crf", "999")
    assert code == 2 and "invalid choice" in err


def test_redact_refuses_without_approval_when_the_setting_requires_it(
        capsys: pytest.CaptureFixture[str], videos: Path, tmp_path: Path) -> None:
    from app.core.settings import load_settings, save_settings

    settings = load_settings()
    settings.require_approval = True
    save_settings(settings)
    out = tmp_path / "out.mp4"
    code, _, err = run(capsys, "redact", str(videos / "pyfeat_single_face.mp4"), "-o",
                       str(out), "--preset", "fast", "--no-verify")
    assert code == 2 and "approval" in err and not out.exists()
