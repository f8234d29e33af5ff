"""One export at a time into one file name.

While an export writes its hidden ``.NAME.partial`` files, records them and renames them into
place, it holds a hidden ``.NAME.lock`` beside the output, made exclusively and naming its
holder (computer, process, start). A second export into the same name (another window,
another workstation on a shared folder, a batch worker) is refused with a clear message
instead of writing into the same partial files. A lock whose holder has stopped is taken
over: on this computer, when its process no longer runs (or is another process with the same
number); from another computer, once it is ``FOREIGN_STALE_S`` old.
"""

from __future__ import annotations

import json
import os
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psutil

from app.core.errors import QT_TRANSLATE_NOOP, ConflictError

FOREIGN_STALE_S = 12 * 3600  # a lock from another computer older than this is abandoned
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
                       "started": time.time()})
    held = False
    for _ in range(3):  # a stale lock is removed and the claim made again
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            holder = _running_holder(lock)
            if holder is not None:
                raise ConflictError(BUSY, path=out, holder=holder[0], since=holder[1],
                                    lock=lock) from None
            lock.unlink(missing_ok=True)
            continue
        except OSError:
            break
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(mine)
        held = True
        break
    try:
        yield
    finally:
        if held:
            try:
                if lock.read_text(encoding="utf-8") == mine:  # still ours: not taken over
                    lock.unlink()
            except OSError:
                pass


def remove_abandoned_locks(folder: Path) -> list[Path]:
    """Delete the locks in ``folder`` whose holders have stopped (an export killed part-way
    leaves its lock beside the files it was writing). The paths removed."""
    removed = []
    for lock in folder.glob(".*.lock"):
        if lock.is_file() and _ours(lock) and _running_holder(lock) is None:
            lock.unlink(missing_ok=True)
            removed.append(lock)
    return removed


def _ours(lock: Path) -> bool:
    """Written by ``export_lock`` (another program's ``.something.lock`` is left alone)."""
    try:
        data = json.loads(lock.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and {"host", "pid", "started"} <= data.keys()


def _running_holder(lock: Path) -> tuple[str, str] | None:
    """(who, since) when the lock's holder may still be running; None when it has stopped."""
    try:
        age = time.time() - lock.stat().st_mtime
        data = json.loads(lock.read_text(encoding="utf-8"))
        host, pid, started = str(data["host"]), int(data["pid"]), float(data["started"])
    except FileNotFoundError:
        return None  # released meanwhile
    except (OSError, ValueError, KeyError, TypeError):
        # being written this instant, or not a lock this program wrote: trust a fresh one
        return ("unknown", time.strftime("%H:%M")) if 0 <= age < 60 else None
    since = time.strftime("%Y-%m-%d %H:%M", time.localtime(started))
    if host != socket.gethostname():
        return (host, since) if age < FOREIGN_STALE_S else None
    try:
        process = psutil.Process(pid)
        alive = process.status() != psutil.STATUS_ZOMBIE and \
            process.create_time() <= started + 1.0
    except (psutil.NoSuchProcess, psutil.ZombieProcess):
        alive = False
    except psutil.AccessDenied:  # another account's process: it runs
        alive = True
    return (f"{host}, process {pid}", since) if alive else None
