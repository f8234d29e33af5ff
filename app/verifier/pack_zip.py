"""Unpacking a zipped disclosure pack received from outside: its own files, nothing else.

BWV Studio zips a pack as one folder of plain files (the video, its manifest, the extract,
the chain anchor, the record, the checksums and their signature), each name once. Every entry
of the zip must be one of those files, or that folder's own directory entry holding no data.
Any other entry is refused, never skipped: another unzip tool may read it otherwise (an entry
Python sees as an empty folder "zzz/" can carry an Info-ZIP Unicode name under which
``unzip`` extracts it as the pack's video). For the same reason the zip's directory must
account for every byte before it (no hidden or overlapping entries) and every name must read
the same in every tool.

A zip that could not be a pack is refused before anything is written (see MAX_ENTRIES,
MAX_RATIO); the entries are then unpacked one by one, each capped at its stated size and
checked against its CRC by ``zipfile``."""

from __future__ import annotations

import shutil
import stat
import struct
import unicodedata
import zipfile
from pathlib import Path
from typing import BinaryIO

ONE_FOLDER = "a pack zip holds exactly one folder of plain files, nothing else"
# A pack holds one export's handful of files (eight at most today).
MAX_ENTRIES = 64
# A pack's video is H.264, already compressed: it zips at about 1:1. Its JSON, HTML and
# extract compress perhaps 3-10:1. Deflate reaches its limit, about 1000:1, only on runs of one
# byte, which is what a "zip bomb" is made of. So an entry over RATIO_FROM that would grow
# more than MAX_RATIO times is not a pack's file; smaller entries are bounded by MAX_ENTRIES.
MAX_RATIO = 100
RATIO_FROM = 1 << 20
UNICODE_FIELDS = {0x7075: "path", 0x6375: "comment"}  # Info-ZIP Unicode extra fields
UTF8_FLAG, ENCRYPTED, DESCRIPTOR = 0x800, 0x1, 0x8
# Names Windows reads as devices, and characters it refuses or strips from a name.
RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"{d}{n}" for d in ("COM", "LPT") for n in range(10))}
BAD_CHARS = set('<>:"|?*\\') | {chr(c) for c in (*range(32), 127)}


def _extra_ids(extra: bytes) -> set[int] | None:
    """The IDs of a zip entry's extra fields, or None if they are malformed."""
    ids, pos = set(), 0
    while pos + 4 <= len(extra):
        ident, size = struct.unpack_from("<HH", extra, pos)
        ids.add(ident)
        pos += 4 + size
    return ids if pos == len(extra) else None


def _extra_problem(extra: bytes) -> str | None:
    ids = _extra_ids(extra)
    if ids is None:
        return "has malformed extra fields"
    for ident, what in UNICODE_FIELDS.items():
        if ident in ids:
            return (f"carries a second, Unicode {what} (an Info-ZIP extra field), which other "
                    "unzip tools use instead of the name checked here")
    return None


def _part_ok(part: str) -> bool:
    return (part not in ("", ".", "..") and not part.startswith(".")
            and not BAD_CHARS & set(part) and part.rstrip(" .") == part
            and part.split(".")[0].strip().upper() not in RESERVED)


def _entry_problem(info: zipfile.ZipInfo, top: str) -> str | None:
    """Why ``info`` is not one of the pack's files in folder ``top`` (nor that folder's own
    entry), or None."""
    name = info.orig_filename
    if info.filename != name:
        return "has a name that unzip tools shorten or rewrite"
    if not info.flag_bits & UTF8_FLAG and not name.isascii():
        return ("has a name that is neither ASCII nor marked as UTF-8, which other unzip "
                "tools can read as another name")
    problem = _extra_problem(info.extra)
    if problem:
        return problem
    if info.flag_bits & ENCRYPTED:
        return "is encrypted"
    mode = info.external_attr >> 16 if info.create_system == 3 else 0  # Unix type
    if name.endswith("/"):
        if name != f"{top}/":
            return "is a folder other than the pack's own folder"
        if info.file_size or info.compress_size > 2 or stat.S_IFMT(mode) not in (0, stat.S_IFDIR):
            return "is the pack folder's entry, yet holds data"
        return None
    parts = name.split("/")
    if len(parts) != 2 or not all(map(_part_ok, parts)):
        return "is not a plain file directly inside the pack's folder"
    if stat.S_IFMT(mode) not in (0, stat.S_IFREG) or info.external_attr & 0x10:
        return "is marked as a symbolic link, folder or device, not a plain file"
    return None


def _check_entries(infos: list[zipfile.ZipInfo]) -> str:
    """The pack's folder name, once every entry is one of its files (or its own entry)."""
    if len(infos) > MAX_ENTRIES:
        raise ValueError(f"{ONE_FOLDER}, and this one holds {len(infos)} entries")
    tops = {i.orig_filename.split("/")[0] for i in infos if not i.orig_filename.endswith("/")}
    if len(tops) != 1:
        raise ValueError(f"{ONE_FOLDER}, and this one holds "
                         f"{'no files' if not tops else 'several folders'}")
    top, seen = tops.pop(), set()
    for info in infos:
        problem = _entry_problem(info, top)
        if problem:
            raise ValueError(f"{ONE_FOLDER}: its entry {info.orig_filename!r} {problem}")
        key = unicodedata.normalize("NFC", info.orig_filename).casefold()
        if key in seen:
            raise ValueError(f"the zip holds the same name twice ({info.orig_filename!r})")
        seen.add(key)
    return top


def _descriptor_size(fh: BinaryIO, info: zipfile.ZipInfo, zip64: bool) -> int:
    """The size of the data descriptor after an entry's data (its CRC, then its sizes)."""
    crc, found = struct.pack("<I", info.CRC), fh.read(8)
    signed = 4 if found[:4] == b"PK\x07\x08" and found[4:8] == crc else 0
    if found[signed:signed + 4] != crc:
        raise ValueError(f"its entry {info.orig_filename!r} has a damaged data descriptor")
    return signed + 4 + (16 if zip64 else 8)


def _check_layout(fh: BinaryIO, infos: list[zipfile.ZipInfo], directory_at: int) -> None:
    """The zip's directory accounts for every byte before it, entry after entry, each local
    header naming its entry as the directory does: nothing hidden that a tool reading the
    local headers would unpack, no entries overlapping, no data put in front."""
    pos = 0
    for info in sorted(infos, key=lambda i: i.header_offset):
        fh.seek(pos)
        header = fh.read(30)
        if info.header_offset != pos or len(header) < 30 or header[:4] != b"PK\x03\x04":
            raise ValueError("it holds data its directory does not list (a hidden entry, or "
                             "data before or between its entries), which other unzip tools "
                             "may unpack")
        flags, = struct.unpack_from("<H", header, 6)
        name_size, extra_size = struct.unpack_from("<HH", header, 26)
        raw = info.orig_filename.encode("utf-8" if info.flag_bits & UTF8_FLAG else "cp437")
        rest = fh.read(name_size + extra_size)
        extra = rest[name_size:]
        if rest[:name_size] != raw or (flags ^ info.flag_bits) & UTF8_FLAG:
            raise ValueError(f"its entry {info.orig_filename!r} is named otherwise in its "
                             "local header, which other unzip tools read instead")
        problem = _extra_problem(extra)
        if problem:
            raise ValueError(f"{ONE_FOLDER}: its entry {info.orig_filename!r} {problem}")
        pos += 30 + name_size + extra_size + info.compress_size
        if flags & DESCRIPTOR:
            fh.seek(pos)
            pos += _descriptor_size(fh, info, 0x0001 in (_extra_ids(extra) or set()))
    if pos != directory_at:
        raise ValueError("it holds data its directory does not list (a hidden entry, or data "
                         "between its entries and its directory), which other unzip tools "
                         "may unpack")


def _mb(size: int) -> str:
    return f"{size / (1 << 20):,.1f} MB"


def _check_sizes(infos: list[zipfile.ZipInfo], into: Path) -> None:
    for info in infos:
        if info.file_size > RATIO_FROM and info.file_size > MAX_RATIO * max(
                info.compress_size, 1):
            raise ValueError(
                f"its entry {info.orig_filename!r} would unpack to {_mb(info.file_size)} from "
                f"{_mb(info.compress_size)}, more than {MAX_RATIO} times its size: no file of "
                "a pack compresses like that (its video hardly compresses at all), so nothing "
                "was unpacked (this is how a 'zip bomb' fills a disk)")
    total, free = sum(i.file_size for i in infos), shutil.disk_usage(into).free
    if total > free:
        raise ValueError(f"it would unpack to {_mb(total)}, more than the {_mb(free)} free "
                         f"in {into.parent}; nothing was unpacked")


def unpack(target: Path, into: Path) -> Path:
    """The pack folder of zip ``target``, unpacked into the empty folder ``into`` once every
    check above passed (ValueError or zipfile.BadZipFile saying why not)."""
    with target.open("rb") as fh, zipfile.ZipFile(fh) as zf:
        infos = zf.infolist()
        top = _check_entries(infos)
        _check_layout(fh, infos, zf.start_dir)
        _check_sizes(infos, into)
        folder = into / top
        folder.mkdir()
        for info in infos:
            if not info.orig_filename.endswith("/"):
                with zf.open(info) as src, (folder / info.orig_filename.split("/")[1]).open(
                        "xb") as out:
                    shutil.copyfileobj(src, out, 1 << 20)
    return folder
