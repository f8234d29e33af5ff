"""Ingest: every test clip goes in with its hash and true frame count; bad files are reported
one by one; duplicates are linked; originals are never touched."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.core.casework import cases
from app.core.errors import Cancelled, NotFoundError, PermissionDeniedError
from app.core.library import flags
from app.core.library import footage as footage_service
from app.core.library.ingest import IngestStatus, ingest_paths
from app.core.people import users
from app.core.people.users import resolve_actor
from app.core.policy.store_policy import set_policy
from app.core.progress import CancelToken
from app.core.store import audit
from app.core.store.database import Store
from app.core.store.models import Role
from tests.conftest import EXPECTED_FRAMES, make_video


def _fingerprint(paths: list[Path]) -> dict[Path, tuple[str, int]]:
    return {p: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns) for p in paths}


def test_all_test_clips_ingest_and_originals_stay_untouched(store: Store, videos: Path) -> None:
    originals = sorted(videos.glob("*.mp4")) + sorted(videos.glob("*.mov"))
    before = _fingerprint(originals)
    with store.transaction() as session:
        cases.create_case(session, resolve_actor(session, "tester"), "SAR-9", "subject_access")
    seen: list[tuple[int, int]] = []
    results = ingest_paths(store, "tester", [videos], case_ref="SAR-9",
                           progress=lambda d, t: seen.append((d, t)))
    assert [r.status for r in results] == [IngestStatus.INGESTED] * len(originals)
    assert seen and seen[-1][0] == seen[-1][1]  # progress reached 100 %
    with store.read() as session:
        items = {f.file_name: f for f in footage_service.list_footage(session, "SAR-9")}
    assert set(items) == set(EXPECTED_FRAMES)
    for name, frames in EXPECTED_FRAMES.items():
        assert items[name].frame_count == frames
        assert items[name].sha256 == before[videos / name][0]
    # and every later step leaves them alone too
    footage_service.verify_originals(store, "tester", "SAR-9")
    with store.transaction() as session:
        actor = resolve_actor(session, "tester")
        flags.add_flag(session, actor, 1, 0.5, "evidence", label="x")
        footage_service.set_evidential(session, actor, 1, True, "assault")
    assert _fingerprint(originals) == before
    assert audit.verify(store).ok


def test_gif_in_a_folder_is_not_picked_up_but_given_by_name_it_ingests(
        store: Store, videos: Path) -> None:
    gif = videos / "intel_face-demographics-walking.gif"
    results = ingest_paths(store, "tester", [gif])
    assert results[0].status is IngestStatus.INGESTED


def test_bad_files_are_reported_and_the_rest_goes_on(store: Store, tmp_path: Path) -> None:
    good = make_video(tmp_path / "good.mp4")
    empty = tmp_path / "empty.mp4"
    empty.write_bytes(b"")
    text = tmp_path / "notes.mp4"
    text.write_text("not a video\n" * 50)
    whole = make_video(tmp_path / "whole.mp4", frames=48).read_bytes()
    cut = tmp_path / "cut.mp4"
    cut.write_bytes(whole[: len(whole) // 2])
    missing = tmp_path / "missing.mp4"
    results = ingest_paths(store, "tester", [empty, text, cut, missing, good])
    status = {r.path.name: r for r in results}
    assert status["good.mp4"].status is IngestStatus.INGESTED
    for name, words in [("empty.mp4", "empty"), ("notes.mp4", "not a video"),
                        ("cut.mp4", "damaged"), ("missing.mp4", "not found")]:
        assert status[name].status is IngestStatus.FAILED
        assert name in status[name].message and words in status[name].message
    with store.read() as session:
        assert len(footage_service.list_footage(session)) == 1


def test_unreadable_file_is_reported(store: Store) -> None:
    folder = Path(tempfile.mkdtemp(prefix="bwv-perm-"))  # reachable by every user
    try:
        folder.chmod(0o755)
        path = make_video(folder / "locked.mp4")
        path.chmod(0)
        as_root = os.geteuid() == 0
        try:
            if as_root:  # root reads anything: act as 'nobody' while ingesting
                os.seteuid(65534)
            result = ingest_paths(store, "tester", [path])[0]
        finally:
            if as_root:
                os.seteuid(0)
    finally:
        shutil.rmtree(folder)
    assert result.status is IngestStatus.FAILED
    assert "locked.mp4: permission denied" in result.message


def test_same_content_twice_is_linked_not_duplicated(store: Store, tmp_path: Path) -> None:
    first = make_video(tmp_path / "first.mp4")
    copy = tmp_path / "copy-of-first.mp4"
    shutil.copy(first, copy)
    with store.transaction() as session:
        cases.create_case(session, resolve_actor(session, "tester"), "C-2", "court_exhibit")
    assert ingest_paths(store, "tester", [first])[0].status is IngestStatus.INGESTED
    result = ingest_paths(store, "tester", [copy], case_ref="C-2")[0]
    assert result.status is IngestStatus.DUPLICATE
    assert "already ingested as footage #1" in result.message and "C-2" in result.message
    with store.read() as session:
        items = footage_service.list_footage(session)
    assert len(items) == 1 and items[0].case_refs == ("C-2",)


def test_unknown_case_fails_before_any_work(store: Store, tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="NOPE"):
        ingest_paths(store, "tester", [make_video(tmp_path / "a.mp4")], case_ref="NOPE")


def test_retention_from_recording_time_and_evidential_clears_it(store: Store,
                                                                 tmp_path: Path) -> None:
    recorded = make_video(tmp_path / "dated.mp4",
                          metadata={"creation_time": "2026-10-01T08:00:00Z"})
    undated = make_video(tmp_path / "undated.mp4", frames=10)
    ingest_paths(store, "tester", [recorded, undated])  # the store's policy: 31 days
    with store.read() as session:
        dated, plain = footage_service.list_footage(session)
    assert dated.retention_until == datetime(2026, 11, 1, 8, tzinfo=UTC)
    assert plain.retention_until is not None
    assert abs(plain.retention_until - (plain.ingested_at + timedelta(days=31))) < timedelta(
        seconds=1)
    with store.transaction() as session:
        actor = resolve_actor(session, "tester")
        rec = footage_service.set_evidential(session, actor, dated.id, True, "charged")
        assert rec.retention_until is None and rec.evidential
        with pytest.raises(PermissionDeniedError, match="only a supervisor"):
            footage_service.set_evidential(session, actor, dated.id, False, "NFA")
        users.add_user(session, actor, "sarge", Role.SUPERVISOR)
        rec = footage_service.set_evidential(session, resolve_actor(session, "sarge"),
                                             dated.id, False, "NFA")
        assert rec.retention_until == datetime(2026, 11, 1, 8, tzinfo=UTC)
        # an administrator shortens the policy: applied at once to what is held
        set_policy(session, actor, retention_days=14)
    with store.read() as session:
        dated, plain = footage_service.list_footage(session)
    assert dated.retention_until == datetime(2026, 10, 15, 8, tzinfo=UTC)


def test_cancel_stops_ingest(store: Store, tmp_path: Path) -> None:
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        ingest_paths(store, "tester", [make_video(tmp_path / "a.mp4")], cancel=token)
    with store.read() as session:
        assert footage_service.list_footage(session) == []


def test_verify_reports_changed_and_missing_originals(store: Store, tmp_path: Path) -> None:
    a = make_video(tmp_path / "a.mp4")
    b = make_video(tmp_path / "b.mp4", frames=10)
    c = make_video(tmp_path / "c.mp4", frames=8)
    ingest_paths(store, "tester", [a, b, c])
    with b.open("r+b") as fh:  # flip one byte
        fh.seek(100)
        byte = fh.read(1)
        fh.seek(100)
        fh.write(bytes([byte[0] ^ 0xFF]))
    c.unlink()
    checks = footage_service.verify_originals(store, "tester")
    assert [c.status.value for c in checks] == ["ok", "changed", "missing"]
    assert audit.verify(store).ok


def test_fifo_is_refused_not_waited_on(store: Store, tmp_path: Path) -> None:
    fifo = tmp_path / "stream.mp4"
    os.mkfifo(fifo)
    (result,) = ingest_paths(store, "tester", [fifo])
    assert result.status is IngestStatus.FAILED and "not a regular file" in result.message


def test_protocol_like_file_names_are_plain_files(store: Store, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    make_video(tmp_path / "a.mp4", frames=20)
    make_video(tmp_path / "file:a.mp4", frames=9)
    monkeypatch.chdir(tmp_path)
    (result,) = ingest_paths(store, "tester", [Path("file:a.mp4")])
    assert result.status is IngestStatus.INGESTED
    with store.read() as session:
        (item,) = footage_service.list_footage(session)
    assert item.frame_count == 9 and item.file_name == "file:a.mp4"


def test_still_image_renamed_as_video_is_refused(store: Store, tmp_path: Path) -> None:
    import cv2
    import numpy as np

    for suffix in (".jpg", ".png"):
        still = tmp_path / f"photo{suffix}"
        cv2.imwrite(str(still), np.full((64, 64, 3), 128, np.uint8))
        renamed = still.rename(tmp_path / f"photo{suffix}.mp4")
        (result,) = ingest_paths(store, "tester", [renamed])
        assert result.status is IngestStatus.FAILED and "still" in result.message


def test_file_name_that_is_not_utf8_is_reported(store: Store, tmp_path: Path) -> None:
    odd = Path(os.fsdecode(bytes(tmp_path) + b"/caf\xe9.mp4"))
    make_video(tmp_path / "ok.mp4").rename(odd)
    (result,) = ingest_paths(store, "tester", [odd])
    assert result.status is IngestStatus.FAILED and "not valid UTF-8" in result.message


def test_long_tags_and_absurd_dates_do_not_break_ingest(store: Store, tmp_path: Path) -> None:
    clip = make_video(tmp_path / "odd.mp4", metadata={"device_id": "X" * 300,
                                                      "creation_time": "9999-12-31T00:00:00Z"})
    (result,) = ingest_paths(store, "tester", [clip])
    assert result.status is IngestStatus.INGESTED, result.message
    with store.read() as session:
        (item,) = footage_service.list_footage(session)
    assert item.device_id == "X" * 128 and item.recorded_at is None
