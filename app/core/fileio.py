"""Writing files so that a crash or a full disk never leaves a half-written final file."""

from __future__ import annotations

import os
from pathlib import Path

from app.core.errors import QT_TRANSLATE_NOOP, MediaError


def partial_path(final: Path) -> Path:
    """The temporary name used while ``final`` is being written (same folder)."""
    return final.with_name(f".{final.name}.partial")


STALE_PARTIAL_S = 3600  # a partial file untouched this long belongs to no running export


def remove_stale_partials(folder: Path, now: float | None = None) -> list[Path]:
    """Delete the hidden ``.NAME.partial`` files an interrupted export (a killed process, a
    power cut) left in ``folder``; files written in the last hour are left alone (another
    export may be writing them). The paths removed."""
    import time

    now = time.time() if now is None else now
    removed = []
    for stale in folder.glob(".*.partial"):
        try:
            if stale.is_file() and now - stale.stat().st_mtime > STALE_PARTIAL_S:
                stale.unlink()
                removed.append(stale)
        except OSError:
            continue  # gone already, or not ours to delete: the export goes on
    return removed


def commit_file(tmp: Path, final: Path) -> None:
    """fsync ``tmp`` and rename it to ``final`` (atomic on the same file system)."""
    with tmp.open("rb+") as fh:
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, final)
    try:
        dir_fd = os.open(final.parent, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


def refuse_folder(final: Path) -> None:
    """A file is to be written at ``final``: refused (naming it) when a folder is there,
    even where an existing file may be replaced."""
    if final.is_dir():
        raise MediaError(QT_TRANSLATE_NOOP(
            "CoreMessages", "{final}: is a folder; give a file name."),
            final=final)


def atomic_write_text(final: Path, text: str) -> None:
    """Write ``text`` to ``final`` through a temporary file; errors name the file."""
    tmp = partial_path(final)
    refuse_folder(final)
    try:
        tmp.write_text(text, encoding="utf-8", newline="\n")
        commit_file(tmp, final)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise MediaError(QT_TRANSLATE_NOOP(
            "CoreMessages", "{final}: cannot write ({value})."),
            final=final, value=exc.strerror or exc) from None


def file_identity(path: Path) -> tuple[int, ...]:
    """What tells this file from another put at its path, and whether it was written to:
    device, inode, size, modification time (empty when it cannot be read)."""
    try:
        info = path.stat()
    except OSError:
        return ()
    return info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns
