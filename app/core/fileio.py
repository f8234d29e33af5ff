"""Writing files so that a crash or a full disk never leaves a half-written final file."""

from __future__ import annotations

import contextlib
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


def refuse_not_a_file(final: Path) -> None:
    """A file is to be written at ``final``: refused (naming it), even where an existing
    file may be replaced, when a folder is there; when a symbolic link is (the file would be
    renamed over the link, and what was recorded and what was said written would be two
    different files); or when its name is too long for the hidden name it is written under
    first (the system's own error named that hidden file)."""
    if final.is_dir():
        raise MediaError(QT_TRANSLATE_NOOP(
            "CoreMessages", "{final}: is a folder; give a file name."),
            final=final)
    if final.is_symlink():
        raise MediaError(QT_TRANSLATE_NOOP(
            "CoreMessages", "{final}: is a symbolic link; give the real path of the file."),
            final=final)
    if len(os.fsencode(partial_path(final).name)) > MAX_NAME_BYTES:
        raise MediaError(QT_TRANSLATE_NOOP(
            "CoreMessages", "{final}: the file name is too long (at most {most} bytes)."),
            final=final, most=MAX_NAME_BYTES - len(".x.partial") + 1)


MAX_NAME_BYTES = 255  # a file name's longest on Linux, Windows and macOS file systems


def discard(path: Path) -> None:
    """Remove a temporary file after a failure, if it can be: a read-only folder refuses
    the removal too, and that must not hide what failed (it came out as a raw error)."""
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def atomic_write_text(final: Path, text: str) -> None:
    """Write ``text`` to ``final`` through a temporary file; errors name the file."""
    refuse_not_a_file(final)
    tmp = partial_path(final)
    try:
        tmp.write_text(text, encoding="utf-8", newline="\n")
        commit_file(tmp, final)
    except OSError as exc:
        discard(tmp)
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
