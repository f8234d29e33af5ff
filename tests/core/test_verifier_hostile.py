"""``bwv-verify`` on hostile packs (a read-only hunt): a zip entry another unzip tool reads
otherwise, a zip bomb, an extract of blank lines, a pipe or a link in a pack folder, a name too
long, a bad --trust-anchors file. The genuine pack, zip and export folder still verify."""

from __future__ import annotations

import io
import os
import shutil
import stat
import struct
import subprocess
import sys
import tracemalloc
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from app.core.casework.disclosure_pack import build_pack
from app.core.export.c2pa_signing import C2paCredentials
from app.core.sign_in import accounts
from app.core.store.database import Store
from app.verifier.bundle_check import check
from app.verifier.findings import Outcome
from tests.c2pa_ca import make_test_ca
from tests.conftest import make_approved_export

PASSWORDS = {"officer": "officer's long password", "sup": "supervisor's long password"}
COMMAND = Path(sys.executable).with_name("bwv-verify")


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A signed store's approved export folder, its pack as a folder and as a zip."""
    folder = tmp_path_factory.mktemp("hostile")
    with Store(f"sqlite:///{folder / 'store.sqlite3'}", folder / "data") as store:
        with store.transaction() as session:
            accounts.create_first_administrator(session, "admin", "admin's long password")
        ca, chain, key = make_test_ca(folder / "ca")
        export_id, exports = make_approved_export(store, folder, "admin", PASSWORDS,
                                                  C2paCredentials(chain, key))
        share = folder / "share"
        share.mkdir()
        pack = build_pack(store, "officer", export_id, share).path
        packed = build_pack(store, "officer", export_id, share, as_zip=True).path
    return {"exports": exports, "pack": pack, "zip": packed, "ca": ca}


def _failures(target: Path, trust_anchors: Path | None = None) -> list[str]:
    return [f"{f.subject}: {f.message}" for f in check(target, None, trust_anchors).findings
            if f.outcome is Outcome.FAIL]


def _unicode_field(ident: int, raw: str, text: str) -> bytes:
    """An Info-ZIP Unicode path (0x7075) or comment (0x6375) extra field."""
    data = text.encode()
    return struct.pack("<HHBI", ident, 5 + len(data), 1, zlib.crc32(raw.encode())) + data


def _rezip(src: Path, dst: Path, change: Callable[[zipfile.ZipInfo], None] = lambda i: None,
           added: tuple[tuple[zipfile.ZipInfo, bytes], ...] = ()) -> None:
    """The genuine zip's entries, each first given to ``change``, then ``added``."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            change(info)
            zout.writestr(info, data)
        for info, data in added:
            zout.writestr(info, data)


def _entry(name: str, extra: bytes = b"", attr: int = 0o644 << 16) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.extra, info.external_attr = extra, attr
    return info


def _smuggled(top: str) -> tuple[tuple[zipfile.ZipInfo, bytes], ...]:
    """An entry Python reads as an empty folder "zzz/", which ``unzip`` extracts as the
    pack's video (the unredacted recording)."""
    return ((_entry("zzz/", _unicode_field(0x7075, "zzz/", f"{top}/SAR-9.mp4")),
             b"the unredacted recording"),)


def _with_comment(info: zipfile.ZipInfo) -> None:
    if info.filename.endswith("SAR-9.mp4"):
        info.extra = _unicode_field(0x6375, "", "a comment")


def _as_link(info: zipfile.ZipInfo) -> None:
    if info.filename.endswith("chain-anchor.json"):
        info.external_attr = (stat.S_IFLNK | 0o777) << 16


def _hidden_in_front(src: Path, dst: Path, top: str) -> None:
    """A whole entry for the video put in front of the genuine zip, outside its directory:
    Python skips it, a tool reading the entries in order unpacks it first."""
    shadow = io.BytesIO()
    with zipfile.ZipFile(shadow, "w") as zf:
        zf.writestr(f"{top}/SAR-9.mp4", b"the unredacted recording")
        cut = zf.start_dir
    dst.write_bytes(shadow.getvalue()[:cut] + src.read_bytes())


class _Unflagged(zipfile.ZipInfo):
    """An entry whose name is written as UTF-8 without the flag that says so."""

    __slots__ = ()

    def _encodeFilenameFlags(self) -> tuple[bytes, int]:
        return self.filename.encode("utf-8"), self.flag_bits


HOSTILE: dict[str, Callable[[Path, Path, str], None]] = {
    "a folder entry carrying a Unicode name for the video": lambda s, d, top: _rezip(
        s, d, added=_smuggled(top)),
    "a Unicode comment on the video's entry": lambda s, d, top: _rezip(s, d, _with_comment),
    "a folder entry climbing out (../)": lambda s, d, top: _rezip(
        s, d, added=((_entry("../../escaped/", attr=0o40755 << 16), b""),)),
    "an absolute folder entry": lambda s, d, top: _rezip(
        s, d, added=((_entry("/tmp/abs/", attr=0o40755 << 16), b""),)),
    "a second top folder": lambda s, d, top: _rezip(
        s, d, added=((_entry("other_top/", attr=0o40755 << 16), b""),)),
    "a folder inside the pack's folder": lambda s, d, top: _rezip(
        s, d, added=((_entry(f"{top}/sub/", attr=0o40755 << 16), b""),)),
    "the pack folder's own entry holding data": lambda s, d, top: _rezip(
        s, d, added=((_entry(f"{top}/"), b"data"),)),
    "an entry marked as a symbolic link": lambda s, d, top: _rezip(s, d, _as_link),
    "a whole entry hidden in front": _hidden_in_front,
}


@pytest.mark.parametrize("trick", list(HOSTILE))
def test_a_zip_entry_another_unzip_reads_otherwise_is_refused(
        made: dict[str, Path], tmp_path: Path, trick: str) -> None:
    """Each of these passed as VERIFIED: Python skipped the entry, or read it otherwise than
    ``unzip`` (which extracted the unredacted video as SAR-9.mp4)."""
    tricked = tmp_path / "tricked.zip"
    HOSTILE[trick](made["zip"], tricked, made["pack"].name)
    failures = _failures(tricked)
    assert len(failures) == 1 and "cannot be opened" in failures[0], (trick, failures)
    assert not (tmp_path / "escaped").exists()


def test_a_name_other_tools_read_otherwise_is_refused(made: dict[str, Path],
                                                      tmp_path: Path) -> None:
    """The record renamed with a non-ASCII name in UTF-8, not marked so: Python reads it as
    code page 437, other tools as UTF-8 or their own code page."""
    tricked = tmp_path / "tricked.zip"
    with zipfile.ZipFile(made["zip"]) as zin, zipfile.ZipFile(tricked, "w") as zout:
        for info in zin.infolist():
            renamed = _Unflagged(info.filename.replace("record", "r\u00e9cord"),
                                 info.date_time)
            renamed.external_attr = info.external_attr
            zout.writestr(renamed, zin.read(info))
    assert any("neither ASCII nor marked as UTF-8" in f for f in _failures(tricked))


def test_the_genuine_zip_re_zipped_with_its_folder_entry_still_verifies(
        made: dict[str, Path], tmp_path: Path) -> None:
    """As another tool might re-zip it: the folder's own entry first, streamed (each entry's
    sizes in a data descriptor after it); and named .ZIP."""

    class Stream(io.RawIOBase):  # write-only: zipfile cannot seek back, so it streams
        def __init__(self, out: io.BufferedWriter) -> None:
            self.out = out

        def writable(self) -> bool:
            return True

        def write(self, data: object) -> int:
            return self.out.write(data)  # type: ignore[arg-type]

    rezipped = tmp_path / "REZIPPED.ZIP"
    with zipfile.ZipFile(made["zip"]) as zin, rezipped.open("wb") as raw, \
            zipfile.ZipFile(Stream(raw), "w", zipfile.ZIP_DEFLATED) as zout:
        zout.writestr(_entry(f"{made['pack'].name}/", attr=0o40755 << 16 | 0x10), b"")
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info))
    with zipfile.ZipFile(rezipped) as zf:
        assert all(i.flag_bits & 0x08 for i in zf.infolist())
    assert _failures(rezipped) == []
    for key in ("pack", "zip", "exports"):
        assert _failures(made[key]) == [], key


def test_a_zip_bomb_is_refused_before_unpacking(made: dict[str, Path], tmp_path: Path) -> None:
    """A 64 MB entry of zeros zips to 64 KB: it was unpacked to disk before any check (the
    hunt's 1 GB one from a 1 MB zip)."""
    bomb = tmp_path / "bomb.zip"
    shutil.copy(made["zip"], bomb)
    with zipfile.ZipFile(bomb, "a", zipfile.ZIP_DEFLATED) as zf, \
            zf.open(f"{made['pack'].name}/zz", "w") as fh:
        for _ in range(64):
            fh.write(bytes(1 << 20))
    failures = _failures(bomb)
    assert len(failures) == 1 and "zip bomb" in failures[0], failures


def test_an_extract_of_blank_lines_costs_no_more_than_its_size(made: dict[str, Path],
                                                               tmp_path: Path) -> None:
    """Blank lines after the seal change nothing the seal covers, and were split into a list
    of one string each (a 256 MB file took 2.65 GB); a file beyond any extract is not read."""
    folder = tmp_path / "exports"
    shutil.copytree(made["exports"], folder)
    with (folder / "SAR-9.audit.jsonl").open("ab") as fh:
        fh.write(b"\n" * (16 << 20))
    tracemalloc.start()
    try:
        assert _failures(folder) == []
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 48 << 20, f"{peak >> 20} MB for a 16 MB extract"
    with (folder / "SAR-9.audit.jsonl").open("r+b") as fh:
        fh.truncate(65 << 20)  # sparse: no disk used
    assert any("larger than 64 MB" in f for f in _failures(folder))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_pipe_in_a_pack_folder_is_refused_not_waited_on(made: dict[str, Path],
                                                          tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(made["pack"], pack)
    (pack / "case-audit.jsonl").unlink()
    os.mkfifo(pack / "case-audit.jsonl")
    ran = subprocess.run([COMMAND, str(pack)], capture_output=True, text=True, timeout=60)
    assert ran.returncode == 1, ran.stdout + ran.stderr
    assert "case-audit.jsonl: is a named pipe, device or socket, not a plain file" in ran.stdout


def test_a_link_in_a_pack_or_export_folder_is_refused(made: dict[str, Path],
                                                      tmp_path: Path) -> None:
    """A link to a true copy outside still proves nothing about what was handed over (and a
    link can name /etc/hostname or a device)."""
    pack, exports, outside = tmp_path / "pack", tmp_path / "exports", tmp_path / "outside"
    shutil.copytree(made["pack"], pack)
    shutil.copytree(made["exports"], exports)
    outside.mkdir()
    for folder, name in ((pack, "SHA256SUMS.sig"), (exports, "SAR-9.mp4")):
        shutil.move(folder / name, outside / name)
        (folder / name).symlink_to(outside / name)
        assert any(f.startswith(f"{name}: ") and "symbolic link" in f
                   for f in _failures(folder)), name


def test_a_name_too_long_fails_plainly(tmp_path: Path) -> None:
    (failure,) = _failures(tmp_path / ("a" * 300))
    assert "cannot be opened" in failure


def test_a_bad_trust_anchors_file_is_blamed_not_the_evidence(made: dict[str, Path],
                                                             tmp_path: Path) -> None:
    """A DER certificate is read as one; a file that is no certificate is named as the
    problem (the video's C2PA manifest was called damaged), and the command says so."""
    der = tmp_path / "ca.der"
    der.write_bytes(x509.load_pem_x509_certificate(made["ca"].read_bytes())
                    .public_bytes(Encoding.DER))
    assert _failures(made["exports"], der) == []
    assert any("C2PA manifest trusted" in f.message
               for f in check(made["exports"], None, der).findings)
    junk = tmp_path / "junk.pem"
    junk.write_text("not a certificate\n")
    (failure,) = _failures(made["exports"], junk)
    assert failure.startswith(f"{junk}: is not a certificate file"), failure
    ran = subprocess.run([COMMAND, str(made["exports"]), "--trust-anchors", str(junk)],
                         capture_output=True, text=True, timeout=60)
    assert ran.returncode == 2 and "is not a certificate file" in ran.stderr, ran.stderr
