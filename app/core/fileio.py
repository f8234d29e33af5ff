"""Writing files so that a crash or a full disk never leaves a half-written final file."""

from __future__ import annotations

import os
from pathlib import Path

from app.core.errors import MediaError


def partial_path(final: Path) -> Path:
    """The temporary name used while ``final`` is being written (same folder)."""
    return final.with_name(f".{final.name}.partial")


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


def atomic_write_text(final: Path, text: str) -> None:
    """Write ``text`` to ``final`` through a temporary file; errors name the file."""
    tmp = partial_path(final)
    if final.is_dir():
        raise MediaError(f"{final}: is a folder; give a file name.")
    try:
        tmp.write_text(text, encoding="utf-8")
        commit_file(tmp, final)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise MediaError(f"{final}: cannot write ({exc.strerror or exc}).") from None
