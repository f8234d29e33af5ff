"""One export at a time into one file name: a second export into a name another is writing is
refused with a clear message and leaves nothing; a lock left by a process that stopped is
taken over; the lock goes when the export ends, however it ends."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.core.errors import ConflictError
from app.core.export.output_lock import FOREIGN_STALE_S, export_lock, lock_path
from app.core.export.pipeline import redact_footage
from app.core.library.ingest import ingest_paths
from app.core.redaction.plan import RedactionPlan
from app.core.store.database import Store
from tests.conftest import allow_unapproved_exports, make_video


@pytest.fixture
def footage(store: Store, tmp_path: Path) -> int:
    (item,) = ingest_paths(store, "tester", [make_video(tmp_path / "v.mp4")])
    assert item.footage_id is not None
    allow_unapproved_exports(store)
    return item.footage_id


def _export(store: Store, footage: int, out: Path) -> None:
    redact_footage(store, "tester", footage, out, RedactionPlan(), preset="fast", verify=False)


def test_a_second_export_into_a_name_being_written_is_refused(
        store: Store, footage: int, tmp_path: Path) -> None:
    out = tmp_path / "exports" / "clip.mp4"
    out.parent.mkdir()
    with export_lock(out):  # another export, in this process, writing clip.mp4 now
        with pytest.raises(ConflictError) as refused:
            _export(store, footage, out)
        message = str(refused.value)
        assert str(out) in message and "another export" in message
        assert str(lock_path(out)) in message  # what to delete if nothing is running
        assert sorted(p.name for p in out.parent.iterdir()) == [".clip.mp4.lock"]
    assert not lock_path(out).exists()  # released with its block
    _export(store, footage, out)  # free again
    assert out.exists() and not lock_path(out).exists()


def test_a_lock_left_by_a_stopped_process_is_taken_over(
        store: Store, footage: int, tmp_path: Path) -> None:
    out = tmp_path / "clip.mp4"
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait(timeout=30)
    import socket

    lock_path(out).write_text(json.dumps({"host": socket.gethostname(), "pid": gone.pid,
                                          "started": time.time() - 5}), encoding="utf-8")
    _export(store, footage, out)
    assert out.exists() and not lock_path(out).exists()


def test_export_lock_takes_over_a_dead_process_lock_and_refuses_a_live_one(
        tmp_path: Path) -> None:
    import socket

    out = tmp_path / "clip.mp4"
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait(timeout=30)
    lock_path(out).write_text(json.dumps({"host": socket.gethostname(), "pid": gone.pid,
                                          "started": time.time() - 5}), encoding="utf-8")
    with export_lock(out):
        assert json.loads(lock_path(out).read_text(encoding="utf-8"))["pid"] == os.getpid()
        with pytest.raises(ConflictError), export_lock(out):  # ours, live: refused
            pass
        assert lock_path(out).exists()  # the refused one left it alone
    assert not lock_path(out).exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # nothing set aside left over


def test_a_damaged_lock_neither_crashes_nor_holds_for_ever(store: Store, footage: int,
                                                          tmp_path: Path) -> None:
    out = tmp_path / "clip.mp4"
    lock = lock_path(out)
    for damaged in ('{"host": "h", "pid": -1, "started": 1}',
                    '{"host": "h", "pid": 5, "started": NaN}', "not json"):
        lock.write_text(damaged, encoding="utf-8")
        with pytest.raises(ConflictError), export_lock(out):  # fresh: perhaps being written
            pass
        old = time.time() - 120
        os.utime(lock, (old, old))
        _export(store, footage, out)  # old: taken over (or cleared with the folder)
        assert out.exists() and not lock.exists()
        for name in ("clip.mp4", "clip.manifest.json", "clip.audit.jsonl"):
            (tmp_path / name).unlink()


def test_a_lock_of_another_computer_holds_until_it_is_abandoned(
        store: Store, footage: int, tmp_path: Path) -> None:
    out = tmp_path / "clip.mp4"
    lock = lock_path(out)
    lock.write_text(json.dumps({"host": "another-workstation", "pid": 4242,
                                "started": time.time()}), encoding="utf-8")
    with pytest.raises(ConflictError, match="another-workstation"):
        _export(store, footage, out)
    assert lock.exists()  # not ours to remove
    old = time.time() - FOREIGN_STALE_S - 60
    os.utime(lock, (old, old))
    _export(store, footage, out)
    assert out.exists() and not lock.exists()


def test_the_lock_goes_when_an_export_fails(store: Store, footage: int, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "clip.mp4"
    held: list[bool] = []

    def fails(*_args: object, **_kwargs: object) -> None:
        held.append(lock_path(out).exists())  # while writing, the name is held
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("app.core.export.pipeline.export_checked", fails)
    with pytest.raises(OSError):
        _export(store, footage, out)
    assert held == [True]
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_only_abandoned_locks_of_exports_are_cleared_from_a_folder(tmp_path: Path) -> None:
    import socket

    from app.core.export.output_lock import remove_abandoned_locks

    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait(timeout=30)
    dead = tmp_path / ".killed.mp4.lock"
    dead.write_text(json.dumps({"host": socket.gethostname(), "pid": gone.pid,
                                "started": time.time() - 5}), encoding="utf-8")
    live = tmp_path / ".running.mp4.lock"
    live.write_text(json.dumps({"host": socket.gethostname(), "pid": os.getpid(),
                                "started": time.time()}), encoding="utf-8")
    other = tmp_path / ".another-program.lock"  # not an export's: never touched
    other.write_text("locked", encoding="utf-8")
    old = time.time() - 3600
    os.utime(other, (old, old))
    assert remove_abandoned_locks(tmp_path) == [dead]
    assert live.exists() and other.exists()


def _interrupted_export(store: Store, footage: int, out: Path,
                        monkeypatch: pytest.MonkeyPatch) -> Path:
    """``out`` exported and recorded, then stopped before its files got their names."""
    def stops(*_args: object, **_kwargs: object) -> None:
        raise KeyboardInterrupt  # recorded, not yet renamed into place

    monkeypatch.setattr("app.core.export.pipeline.complete_export", stops)
    with pytest.raises(KeyboardInterrupt):
        _export(store, footage, out)
    monkeypatch.undo()
    return out


def test_a_recorded_export_still_running_is_not_finished_by_another(
        store: Store, footage: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.core.export.completion import complete_interrupted
    from app.core.fileio import partial_path

    out = _interrupted_export(store, footage, tmp_path / "clip.mp4", monkeypatch)
    assert partial_path(out).exists() and not out.exists()
    with export_lock(out):  # as if that export were still on its way to the rename
        assert complete_interrupted(store, tmp_path) == []
        assert partial_path(out).exists() and not out.exists()
    assert out in complete_interrupted(store, tmp_path)  # stopped: finished by the next
    assert out.exists() and not partial_path(out).exists()


def test_the_same_export_after_an_interruption_says_it_finished_the_earlier_one(
        store: Store, footage: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run again after Ctrl+C, the same export finished the interrupted one silently, then
    said only "already exists" (found by a read-only hunt)."""
    from app.core.export.pipeline import FINISHED_NOW
    from app.core.export.video_export import EXISTS

    out = _interrupted_export(store, footage, tmp_path / "clip.mp4", monkeypatch)
    assert not out.exists()
    with pytest.raises(ConflictError) as refused:
        _export(store, footage, out)
    assert refused.value.template == FINISHED_NOW and out.exists()
    assert "has been finished now" in str(refused.value)
    with pytest.raises(ConflictError) as again:  # from then on: an export that exists
        _export(store, footage, out)
    assert again.value.template == EXISTS
