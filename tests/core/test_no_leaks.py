"""No face of 16 px or more leaks from a default export of any developer clip, by a judge that
is not our detector (MTCNN, ``bench/judge.py``; the leak criterion is ``bench/leaks.py``'s).

Each clip's first ``FRAMES`` frames (re-encoded) go through the whole pipeline with the
default preset and plan; the judge looks at every original frame at 1x with its last stage
at 0.95 (its false positives here, a poster and a torso, score 0.70-0.93; real faces 0.95-1).
The full benchmark (2x, reference thresholds, whole clips) is ``bench/leaks.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from app.core.detection.presets import DEFAULT_PRESET
from app.core.export.pipeline import redact_footage
from app.core.library.ingest import ingest_paths
from app.core.redaction.plan import RedactionPlan
from app.core.store.database import Store
from tests.conftest import VIDEOS, allow_unapproved_exports

BENCH = Path(__file__).resolve().parents[2] / "bench"
CROWD_VIDEOS = VIDEOS.parent / "crowds" / "videos"
FRAMES = 45
CLIPS = sorted([p for folder in (VIDEOS, CROWD_VIDEOS) if folder.is_dir()
                for pattern in ("*.mp4", "*.mov") for p in folder.glob(pattern)],
               key=lambda p: p.name)
# No clip is excused. MOT20 was, as a known leak (a 20 px head seen from the side and above,
# uncovered on 2-3 frames), until heads came into the default preset (commit 61a3b46).


@pytest.fixture(scope="module")
def judge() -> object:
    judge_dir = BENCH.parents[1] / "shared" / "models" / "judge"
    if not judge_dir.is_dir():
        pytest.skip(f"the judge's models are not at {judge_dir}")
    sys.path.insert(0, str(BENCH))
    from judge import MtcnnJudge

    return MtcnnJudge(upscale=1.0, min_face=12, thresholds=(0.6, 0.7, 0.95))


@pytest.mark.slow
@pytest.mark.skipif(not CLIPS, reason=f"shared test clips not found at {VIDEOS}")
@pytest.mark.parametrize("clip", CLIPS, ids=lambda p: p.name)
def test_the_judge_finds_no_leak_of_16_px_or_more(clip: Path, judge: object, tmp_path: Path,
                                                  isolated_env: Path) -> None:
    from leaks import Row, evaluate, trimmed

    short = trimmed(clip, tmp_path / f"{clip.stem}.mp4", FRAMES)
    store = Store(f"sqlite:///{tmp_path / 's.sqlite3'}", isolated_env / "data")
    allow_unapproved_exports(store)
    try:
        (item,) = ingest_paths(store, "tester", [short])
        result = redact_footage(store, "tester", item.footage_id, tmp_path / "out.mp4",
                                RedactionPlan(), preset=DEFAULT_PRESET)
        row = Row(clip.name, DEFAULT_PRESET)
        evaluate(row, short, result.output, result.analysis.rotation, judge, None, None, 0)
    finally:
        store.close()
    assert row.frames == result.stats.frames_out
    if clip.name.startswith("dlib_MOT20"):  # a dense crowd: the gaps between its hidden
        assert result.stats.regions.get("crowd_gap", 0) > 0  # faces are filled (crowd_gaps)
    big = {k: v for k, v in row.leaked_by_width.items() if k != "<16"}
    assert sum(big.values()) == 0, (
        f"{clip.name}: leaked face-frames by width {big}: "
        f"{[leak for leak in row.leaks if leak['judge'] == 'mtcnn'][:10]}")
