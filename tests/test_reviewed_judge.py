"""The leak benchmark's list of judge detections reviewed as not faces: well formed, about
clips that exist, and it sets apart only the listed box on the listed frame of that clip."""

from __future__ import annotations

import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))

from reviewed_judge import LIST, SAME_BOX, load, set_apart  # noqa: E402

from tests.conftest import TESTDATA  # noqa: E402


def test_every_entry_names_a_clip_a_frame_a_box_and_what_it_is() -> None:
    import json

    entries = json.loads(LIST.read_text(encoding="utf-8"))["not_faces"]
    assert entries
    clips = {p.name for p in TESTDATA.glob("**/*") if p.suffix in (".mp4", ".mov")}
    for entry in entries:
        x1, y1, x2, y2 = entry["box"]
        assert x2 > x1 and y2 > y1 and entry["frame"] >= 0 and entry["what"].strip(), entry
        assert not clips or entry["clip"] in clips, entry  # (no test data: shapes only)


def test_only_the_listed_box_on_its_frame_of_its_clip_is_set_apart() -> None:
    reviewed = load()
    (clip, frame), [(box, what)] = next((k, v) for k, v in reviewed.items() if len(v) == 1)
    w = box[2] - box[0]

    def shifted(share: float) -> list[float]:  # the box moved right by this share of it
        return [box[0] + share * w, box[1], box[2] + share * w, box[3]]

    assert set_apart(reviewed, clip, frame, [box]) == [what]
    assert set_apart(reviewed, clip, frame + 1000, [box]) == [""]
    assert set_apart(reviewed, "another.mp4", frame, [box]) == [""]
    # IoU of a box shifted by s of its width: (1 - s) / (1 + s)
    assert SAME_BOX == 0.5
    assert set_apart(reviewed, clip, frame, [shifted(0.30)]) == [what]  # IoU 0.54
    assert set_apart(reviewed, clip, frame, [shifted(0.36)]) == [""]  # IoU 0.47


def test_one_entry_sets_apart_one_detection_the_closest() -> None:
    reviewed = load()
    (clip, frame), [(box, what)] = next((k, v) for k, v in reviewed.items() if len(v) == 1)
    w = box[2] - box[0]
    beside = [box[0] + 0.3 * w, box[1], box[2] + 0.3 * w, box[3]]  # IoU 0.54 with it
    assert set_apart(reviewed, clip, frame, [beside, box]) == ["", what]
    assert set_apart(reviewed, clip, frame, [beside]) == [what]  # alone, it is the one
