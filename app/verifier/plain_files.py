"""Reading the files of a pack or export folder received from outside, and nothing else.

Only plain (regular) files are read. A symbolic link is refused wherever it is met, never
followed: what a court was given must be the file itself, not a pointer to something on the
checking machine (a link can name ``/etc/hostname``, a device or a file outside the pack). A
named pipe, device or socket is refused before it is opened (reading one can block for ever
or never end), and every file is read with a cap on its size."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path
from typing import BinaryIO

# The JSON files of a pack (its checksums, their signature, a manifest, the chain anchor) are
# a few kilobytes; anything this large is not one of them and is not read into memory.
TEXT_LIMIT = 16 << 20


class NotPlain(OSError):
    """A path that is not a plain file (or is too large to be what it claims to be)."""


def not_plain(path: Path) -> str | None:
    """What ``path`` is when it is not a plain file ("missing", "a symbolic link", ...), or
    None when it is one. The link itself is looked at, never what it points to."""
    try:
        mode = path.lstat().st_mode
    except OSError:
        return "missing"
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "a named pipe, device or socket"


def open_plain(path: Path) -> BinaryIO:
    """``path`` opened for reading if it is a plain file (never following a link), else
    NotPlain; FileNotFoundError if it is missing."""
    kind = not_plain(path)
    if kind == "missing":
        raise FileNotFoundError(f"{path.name} is missing")
    if kind is not None:
        raise NotPlain(f"{path.name} is {kind}, not a plain file, so it was not read")
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) \
        | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)  # O_NONBLOCK: a pipe swapped in meanwhile cannot block it
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise NotPlain(f"{path.name} is not a plain file, so it was not read")
    return os.fdopen(fd, "rb")


def read_plain(path: Path, limit: int = TEXT_LIMIT) -> bytes:
    """The bytes of plain file ``path``, refused (NotPlain) when above ``limit``."""
    with open_plain(path) as fh:
        size = os.fstat(fh.fileno()).st_size
        if size > limit:
            raise NotPlain(f"{path.name} is larger than {limit >> 20} MB, far more than any "
                           "such file of a pack, so it was not read")
        data = fh.read(size + 1)  # not read(limit): that would reserve the whole limit
    if len(data) != size:
        raise NotPlain(f"{path.name} changed while it was read")
    return data


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open_plain(path) as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
