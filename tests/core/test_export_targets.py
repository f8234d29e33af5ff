"""Bad targets and plans that once gave a traceback, blocked a folder, or were listed as done
while nothing was done (found by a read-only review feeding the command line bad input)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from app.core.analysis import analyse
from app.core.errors import ConflictError, InvalidInputError, MediaError
from app.core.export.pipeline import redact_footage
from app.core.library.ingest import ingest_paths
from app.core.redaction.plan import AudioRange, Keyframe, ManualBox, RedactionPlan, TimeRange
from app.core.store.database import Store
from app.core.store.models import ExportRecord
from tests.conftest import allow_unapproved_exports, make_video


@pytest.fixture
def item(store: Store, tmp_path: Path) -> int:
    (result,) = ingest_paths(store, "tester", [make_video(tmp_path / "in.mp4", frames=24,
                                                          audio=True)])
    assert result.footage_id is not None
    allow_unapproved_exports(store)
    return result.footage_id


def _redact(store: Store, footage_id: int, out: Path, plan: RedactionPlan,
            force: bool = False) -> Path:
    from app.core.export.video_export import EncodeOptions

    return redact_footage(store, "tester", footage_id, out, plan, preset="fast", verify=False,
                          options=EncodeOptions(force=force)).output


def test_a_folder_given_as_the_output_is_refused_even_when_forced(
        store: Store, item: int, tmp_path: Path) -> None:
    """Forced, it used to be recorded and then fail to be renamed over the folder (an
    internal error), and every later export into that folder failed the same way."""
    folder = tmp_path / "out" / "given"
    folder.mkdir(parents=True)
    with pytest.raises(MediaError, match="is a folder; give a file name"):
        _redact(store, item, folder, RedactionPlan(), force=True)
    assert list(folder.parent.iterdir()) == [folder]  # nothing written beside it
    with store.read() as session:
        assert session.scalars(select(ExportRecord)).all() == []
    assert _redact(store, item, folder.parent / "fine.mp4", RedactionPlan()).exists()


def test_plans_that_would_hide_nothing_or_overflow_are_refused(
        store: Store, item: int, tmp_path: Path) -> None:
    huge = RedactionPlan(manual_boxes=[ManualBox(1, (Keyframe(0, 1e308, -1e308, 1e308,
                                                              1e308),))])
    with pytest.raises(InvalidInputError, match="far outside any picture"):
        _redact(store, item, tmp_path / "huge.mp4", huge)
    late = RedactionPlan(mute=[TimeRange(10.0, 20.0)])  # the clip's sound ends at 2 s
    with pytest.raises(ConflictError, match="but its sound ends at"):
        _redact(store, item, tmp_path / "late.mp4", late)
    on_track = RedactionPlan(audio_ranges=[AudioRange(1, 99.0, 100.0, track=0)])
    with pytest.raises(ConflictError, match="on audio track 1, but its sound ends"):
        _redact(store, item, tmp_path / "late2.mp4", on_track)
    assert not list(tmp_path.glob("*late*")) and not list(tmp_path.glob(".*late*"))
    kept = RedactionPlan(mute=[TimeRange(0.5, 30.0)])  # starts inside it: hidden to its end
    assert _redact(store, item, tmp_path / "ok.mp4", kept).exists()


def test_a_replaced_original_is_not_detected_nor_recorded_as_ingested(
        store: Store, item: int, tmp_path: Path) -> None:
    original = tmp_path / "in.mp4"
    other = make_video(tmp_path / "other.mp4", frames=24, size=(64, 48))
    shutil.copyfile(other, original)  # same name, other content (and time)
    with pytest.raises(MediaError, match="no longer matches the SHA-256 recorded at ingest"):
        analyse(store, "tester", item, "fast")


@pytest.mark.parametrize("flip", ["hflip", "vflip"])
def test_a_mirrored_recording_is_refused_not_exported_with_faces_upside_down(
        store: Store, tmp_path: Path, flip: str) -> None:
    """A display matrix that mirrors the picture was read as a plain angle (FFmpeg's
    rotation ignores mirroring), so faces were looked for upside down and left visible
    while the check said clean (a review showed 21-25 of 54 face boxes untouched). Until
    mirroring is carried through, such a file is refused at ingest and at export."""
    import av
    import numpy as np

    from app.core.export.picture_size import display_matrix
    from app.core.library.ingest import IngestStatus
    from app.core.media.rotation import mirrors
    from tests.conftest import write_frames

    path = tmp_path / f"{flip}.mp4"
    with av.open(str(path), "w") as out:
        v = out.add_stream("libx264", rate=12)
        v.width, v.height, v.pix_fmt = 64, 48, "yuv420p"
        v.set_display_rotation(0, **{flip: True})
        write_frames(out, v, None, [np.full((48, 64, 3), i * 9, np.uint8) for i in range(6)],
                     12)
    assert mirrors(display_matrix(path))
    assert not mirrors(display_matrix(make_video(tmp_path / "turned.mp4", rotation=90)))
    (result,) = ingest_paths(store, "tester", [path])
    assert result.status is not IngestStatus.INGESTED and result.footage_id is None
    assert "stored mirrored" in result.message and str(path) in result.message
    from app.core.export.video_export import export_video

    with pytest.raises(MediaError, match="stored mirrored"):  # one ingested before this
        export_video(path, tmp_path / "out.mp4", {}, RedactionPlan(), 0)
    assert not list(tmp_path.glob("*out.mp4*"))


def test_ranges_past_the_end_are_judged_per_track_and_a_zero_matrix_is_no_turn() -> None:
    """A mute on every track is refused only past the longest track's end (a review found
    one refused for ending a shorter track); a range on one track against that track; a
    display matrix of zeros is refused like a mirror (FFmpeg reads it as a huge angle)."""
    from fractions import Fraction
    from types import SimpleNamespace

    from app.core.export.video_export import _refuse_past_the_end
    from app.core.media.rotation import mirrors

    long, short = (SimpleNamespace(start_time=0, duration=d, time_base=Fraction(1, 1000))
                   for d in (1900, 640))
    _refuse_past_the_end([long, short], RedactionPlan(mute=[TimeRange(1.0, 1.5)]))
    _refuse_past_the_end([long, short], RedactionPlan(
        audio_ranges=[AudioRange(1, 1.0, 1.5, track=None), AudioRange(2, 1.0, 1.5, track=0)]))
    with pytest.raises(ConflictError, match=r"audio track 2, but its sound ends at 0\.64"):
        _refuse_past_the_end([long, short], RedactionPlan(
            audio_ranges=[AudioRange(1, 1.0, 1.5, track=1)]))
    with pytest.raises(ConflictError, match=r"audio track 1, but its sound ends at 1\.9"):
        _refuse_past_the_end([long, short], RedactionPlan(mute=[TimeRange(2.0, 3.0)]))
    unknown = SimpleNamespace(start_time=None, duration=None, time_base=None)
    _refuse_past_the_end([long, unknown], RedactionPlan(mute=[TimeRange(2.0, 3.0)]))
    assert mirrors((0,) * 9) and not mirrors(None)
    assert not mirrors((65536, 0, 0, 0, 65536, 0, 0, 0, 1 << 30))  # upright


def test_an_export_in_a_case_needs_its_footage_in_the_case(store: Store, item: int,
                                                          tmp_path: Path) -> None:
    """``bwv redact FILE --case REF`` recorded the plan and the export under the case but
    never linked the footage, so the case's retention did not keep it: it was deleted while
    the case was still open (found by a read-only hunt). Refused now, before anything."""
    from app.core.casework import cases
    from app.core.people.users import resolve_actor

    with store.transaction() as session:
        cases.create_case(session, resolve_actor(session, "tester"), "SAR-4", "subject_access")
    out = tmp_path / "o.mp4"
    with pytest.raises(ConflictError, match=f"Footage #{item} is not in case SAR-4"):
        redact_footage(store, "tester", item, out, RedactionPlan(), case_ref="SAR-4",
                       preset="fast", verify=False)
    assert not out.exists()
    with store.transaction() as session:
        cases.link_footage(session, resolve_actor(session, "tester"), "SAR-4", item)
    redact_footage(store, "tester", item, out, RedactionPlan(), case_ref="SAR-4",
                   preset="fast", verify=False)
    assert out.exists()


@pytest.mark.parametrize("key", [Keyframe(500, 4, 4, 20, 12),  # after the last frame
                                 Keyframe(3, 5000, 5000, 20, 12)],  # off the picture
                         ids=["no frame", "off the picture"])
def test_a_box_that_would_hide_nothing_is_refused(store: Store, item: int, tmp_path: Path,
                                                  key: Keyframe) -> None:
    """A box drawn on frames 500-600 of a 24-frame clip, or at x=5000 on a small picture,
    was exported hiding nothing while the manifest and C2PA counted it as a box hidden
    (found by a read-only hunt)."""
    late = RedactionPlan(manual_boxes=[ManualBox(1, (key, Keyframe(key.frame + 2, key.x,
                                                                      key.y, 20, 12)),
                                                 "plate")])
    with pytest.raises(ConflictError, match="box plate drawn by hand lies outside"):
        _redact(store, item, tmp_path / "late.mp4", late)
    assert not (tmp_path / "late.mp4").exists()
    inside = RedactionPlan(manual_boxes=[ManualBox(1, (Keyframe(20, -10, -4, 20, 12),
                                                       Keyframe(30, -10, -4, 20, 12)))])
    assert _redact(store, item, tmp_path / "edge.mp4", inside).exists()  # partly on both


def test_an_original_replaced_while_it_is_exported_is_refused(store: Store, item: int,
                                                             tmp_path: Path) -> None:
    """The original is hashed once, then read again by the export: a file put in its place
    meanwhile was exported under the ingested hash, with the success audited (found by a
    read-only hunt). Its identity is checked again once the export has read it."""
    import os

    with store.read() as session:
        from app.core.library.footage import get_footage

        source = Path(get_footage(session, item).original_path)
    other = make_video(tmp_path / "other.mp4", frames=24, audio=True)
    swapped: list[str] = []

    def stage(name: str, _done: int, _total: int) -> None:
        if name == "export" and not swapped:  # detection done, the export begins
            os.replace(other, source)
            swapped.append(name)

    out = tmp_path / "o.mp4"
    with pytest.raises(MediaError, match="changed"):
        redact_footage(store, "tester", item, out, RedactionPlan(), preset="fast",
                       verify=False, stage=stage)
    assert swapped and not out.exists()
    with store.read() as session:
        assert session.scalars(select(ExportRecord)).first() is None


def test_an_inverse_export_records_heads_as_hidden() -> None:
    """With heads left visible by the plan, an inverse export still hides them (it hides
    all but the kept): the manifest said "left visible (plan)" (found by a read-only hunt)."""
    from app.core.export.manifest_data import _head_action
    from app.core.tracking.tracker import HEAD, Track

    head = Track(7, category=HEAD)
    plan = RedactionPlan(hide_heads=False)
    assert _head_action(head, plan) == "left visible (plan)"
    assert _head_action(head, RedactionPlan(hide_heads=False, inverse=True, keep_tracks=[1])) \
        == "redacted (inverse)"


def test_the_kept_persons_head_is_recorded_as_redacted_only_where_it_was(
        tmp_path: Path) -> None:
    """A head track is hidden but where a face kept visible is that person's: the manifest
    (and the disclosure record from it) said "redacted" for the requester's own head on
    every frame (found by a first-use trial). It now says on how many of its frames, and
    why not on the others, from what the renderer did: a bystander's head walking out of
    the picture beside a kept face is never called the kept person's (a review)."""
    from app.core.export.manifest_data import _partly
    from app.core.export.video_export import export_video
    from app.core.tracking.tracker import FACE, HEAD, BoxKind, TrackBox

    def box(frame: int, category: str, x: float, y: float, side: float) -> TrackBox:
        return TrackBox(frame, x, y, side, side, BoxKind.DETECTED, 0.9, category)

    src = make_video(tmp_path / "in.mp4", frames=12, size=(640, 480))
    frame_boxes = [[(2, box(f, HEAD, 100, 100, 120))]
                   + ([(1, box(f, FACE, 130, 140, 50))] if f < 5 else [])  # her face, kept
                   + [(3, box(f, HEAD, 300 if f < 8 else 900, 100, 100))]  # walks out
                   for f in range(12)]
    keep = RedactionPlan(keep_tracks=[1])
    stats = export_video(src, tmp_path / "out.mp4", frame_boxes, keep, 0)
    assert stats.hidden_frames == {2: 7, 3: 8} and stats.stood_frames == {2: 5}
    assert _partly("redacted", 7, 5, 12, keep) == (
        "redacted on 7 of its 12 frames (on 5 a face kept visible stood for it: the kept "
        "person's own head)")
    assert _partly("redacted", 8, 0, 12, keep) \
        == "redacted on 8 of its 12 frames (on 4 it lay outside the picture)"
    everyone = export_video(src, tmp_path / "all.mp4", frame_boxes, RedactionPlan(), 0)
    assert everyone.hidden_frames == {1: 5, 2: 12, 3: 8} and everyone.stood_frames == {}
    assert _partly("redacted", 12, 0, 12, RedactionPlan()) == "redacted"
    inverse = RedactionPlan(keep_tracks=[1], inverse=True)
    assert _partly("redacted (inverse)", 12, 0, 12, inverse) == "redacted (inverse)"
