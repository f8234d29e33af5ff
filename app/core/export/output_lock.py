"""One export at a time into one file name.

While an export writes its hidden ``.NAME.partial`` files, records them and renames them into
place, it holds a hidden ``.NAME.lock`` beside the output, made exclusively and naming its
holder (computer, process and the process's own start). A second export into the same name
(another window, another workstation on a shared folder) is refused with a clear message
instead of writing into the same partial files. A lock whose holder has stopped is taken
over: on this computer, when its process no longer runs (or another process has its number);
from another computer, once it is ``FOREIGN_STALE_S`` old. A stale lock is first renamed
aside and checked to be the one judged stale, so two exports taking over the same lock at
once cannot both end up holding the name. Working copies do not take it: the job's lease in
the store already gives each job's fixed output name one writer.
"""

from __future__ import annotations

import json
import math
import os
import socket
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import psutil

from app.core.errors import QT_TRANSLATE_NOOP, ConflictError

FOREIGN_STALE_S = 12 * 3600  # a lock from another computer older than this is abandoned
UNREADABLE_FRESH_S = 60  # a lock being written this instant has no content yet
BUSY = QT_TRANSLATE_NOOP(
    "CoreMessages", "{path} is being written by another export ({holder}, since {since}); "
    "wait for it to finish, or choose another name. If no export is running, delete {lock}.")


def lock_path(out: Path) -> Path:
    return out.with_name(f".{out.name}.lock")


@contextmanager
def export_lock(out: Path) -> Iterator[None]:
    """Hold ``out``'s lock for the block (ConflictError when a running export holds it). A
    folder where no lock can be made (missing, read-only) is left to the export's own
    error."""
    lock = lock_path(out)
    mine = json.dumps({"host": socket.gethostname(), "pid": os.getpid(),
                       "process_started": _own_start(), "started": time.time()})
    held = False
    for _ in range(3):  # a stale lock is taken over and the claim made again
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            seen = _read(lock)
            holder = _running_holder(lock, seen)
            if holder is not None:
                raise ConflictError(BUSY, path=out, holder=holder[0], since=holder[1],
                                    lock=lock) from None
            _take_over(lock, seen)
            continue
        except OSError:
            break
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(mine)
            held = True
        except BaseException:
            lock.unlink(missing_ok=True)
            raise
        break
    try:
        yield
    finally:
        if held and _read(lock) == mine:  # still ours: not taken over meanwhile
            with suppress(OSError):  # held open elsewhere (Windows): later found stale
                lock.unlink()


def held(out: Path) -> bool:
    """A running export holds ``out``'s name (it may be between its record and its rename:
    not another's to finish)."""
    lock = lock_path(out)
    seen = _read(lock)
    return seen is not None and _running_holder(lock, seen) is not None


def remove_abandoned_locks(folder: Path) -> list[Path]:
    """Delete the export locks in ``folder`` whose holders have stopped (an export killed
    part-way leaves its lock beside the files it was writing); another program's ``.lock``
    files are left alone. The paths removed."""
    removed = []
    for lock in folder.glob(".*.lock"):
        try:
            seen = _read(lock)
            if seen is not None and _ours(seen) and _running_holder(lock, seen) is None \
                    and _take_over(lock, seen):
                removed.append(lock)
        except OSError:
            continue  # gone already, or not ours to delete: the export goes on
    return removed


def _own_start() -> float:
    try:
        return float(psutil.Process().create_time())
    except (psutil.Error, OSError):
        return 0.0


def _read(lock: Path) -> str | None:
    try:
        return lock.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _ours(text: str) -> bool:
    try:
        data = json.loads(text)
    except ValueError:
        return False
    return isinstance(data, dict) and {"host", "pid", "started"} <= data.keys()


def _take_over(lock: Path, seen: str | None) -> bool:
    """Remove the stale lock judged from ``seen``: renamed aside first (one contender wins),
    then deleted if it is that lock; a fresh lock moved by mistake is put back."""
    aside = lock.with_name(f"{lock.name}.{uuid.uuid4().hex}.stale")
    try:
        os.rename(lock, aside)
    except OSError:
        return False  # taken over by another contender, or released
    if _read(aside) == seen:
        aside.unlink(missing_ok=True)
        return True
    with suppress(OSError):  # someone's fresh lock: back, unless a newer one is there
        os.link(aside, lock)
    aside.unlink(missing_ok=True)
    return False


def _running_holder(lock: Path, text: str | None) -> tuple[str, str] | None:
    """(who, since) when the lock's holder may still be running; None when it has stopped."""
    try:
        mtime = lock.stat().st_mtime
    except FileNotFoundError:
        return None  # released meanwhile
    except OSError:
        return ("?", _when(time.time()))  # cannot be looked at: not taken over
    age = time.time() - mtime
    try:
        data = json.loads(text or "")
        host, pid = str(data["host"]), int(data["pid"])
        started = float(data["started"])
        process_started = float(data.get("process_started", 0.0))
        if not (math.isfinite(started) and math.isfinite(process_started)) or pid <= 0:
            raise ValueError(text)
    except (ValueError, KeyError, TypeError, AttributeError):
        # being written this instant, or damaged: only a fresh one is trusted
        return ("?", _when(mtime)) if age < UNREADABLE_FRESH_S else None
    since = _when(started) if abs(started - time.time()) < 10 * 365 * 86400 else _when(mtime)
    if host != socket.gethostname():
        return (host, since) if age < FOREIGN_STALE_S else None
    return (f"{host} #{pid}", since) if _runs(pid, process_started) else None


def _runs(pid: int, process_started: float) -> bool:
    """Process ``pid`` runs and is the one that wrote the lock (its start as recorded)."""
    try:
        process = psutil.Process(pid)
        if process.status() == psutil.STATUS_ZOMBIE:
            return False
        return not process_started or abs(process.create_time() - process_started) < 1.0
    except (psutil.NoSuchProcess, psutil.ZombieProcess):
        return False
    except (psutil.Error, OSError, ValueError, OverflowError):
        return True  # another account's process, or cannot tell: it may run


def _when(seconds: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(seconds))
