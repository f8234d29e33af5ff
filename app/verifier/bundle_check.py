"""Checking what left the building: a disclosure pack (folder or zip) or an export folder."""

from __future__ import annotations

import hashlib
import json
import stat
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from app.core.chain import chain_format
from app.core.chain.chain_format import fingerprint
from app.core.chain.ledger import Ledger
from app.core.detection.model_files import SHIPPED
from app.verifier.c2pa_check import anchors_pem, check_c2pa
from app.verifier.extract_check import (
    CONFIRM_ROOT,
    Extract,
    check_approval,
    check_extract,
    export_scope,
    signer_problem,
)
from app.verifier.findings import Report
from app.verifier.pack_zip import unpack
from app.verifier.plain_files import not_plain, read_plain, sha256_of

SUMS, SUMS_SIGNATURE = chain_format.PACK_SUMS, chain_format.PACK_SUMS_SIGNATURE
PACK_EXTRACT, PACK_ANCHOR = chain_format.PACK_EXTRACT, chain_format.PACK_ANCHOR
# A folder holding any of these is a disclosure pack, checked as one: without its checksums
# it fails, rather than passing as an export folder whose other files are merely noted.
PACK_FILES = (SUMS, SUMS_SIGNATURE, PACK_EXTRACT, PACK_ANCHOR, chain_format.PACK_RECORD_HTML,
              chain_format.PACK_RECORD_PDF)
# The models this version of BWV Studio ships (published with its source).
PUBLISHED_MODELS = {m.sha256: m.name for m in SHIPPED}


@contextmanager
def opened(target: Path) -> Iterator[Path]:
    """A folder to check: ``target`` itself, or a zipped pack unpacked to a temporary one
    (``pack_zip``: only its own files, refused whole otherwise)."""
    if target.is_dir():
        yield target
        return
    with tempfile.TemporaryDirectory(prefix="bwv-verify-") as tmp:
        yield unpack(target, Path(tmp))


def _sums(folder: Path, ledger: Ledger, report: Report) -> None:
    try:
        data = read_plain(folder / SUMS)
        lines = [line for line in data.decode("utf-8").split("\n") if line]
    except (OSError, UnicodeDecodeError) as exc:
        report.failed(SUMS, f"cannot be read ({exc}).")
        return
    listed = set()
    matched = 0
    for line in lines:
        digest, _sep, name = line.partition("  ")
        listed.add(name)
        path = folder / name
        kind = "missing" if "/" in name else not_plain(path)
        if kind:
            report.failed(name, f"is listed in {SUMS} but "
                          + ("missing." if kind == "missing" else f"is {kind} here, not a "
                             "plain file, so it was not read."))
        elif sha256_of(path) != digest:
            report.failed(name, f"does not match its SHA-256 in {SUMS}.")
        else:
            report.vouched.add(name)
            matched += 1
    extra = sorted(p.name for p in folder.iterdir() if p.name not in (SUMS, SUMS_SIGNATURE)
                   and p.name not in listed)
    if extra:
        report.failed(SUMS, f"does not list {', '.join(extra)} (added to the pack).")
    elif listed and matched == len(lines):  # (never beside a file that did not)
        report.passed(SUMS, f"all {len(listed)} files match.")
    try:
        signed = json.loads(read_plain(folder / SUMS_SIGNATURE).decode("utf-8"))
        signer, public = str(signed["signed_by"]), str(signed["public_key"])
        good = chain_format.signature_ok(public, chain_format.sums_message(data),
                                         str(signed["signature"]))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        report.failed(SUMS_SIGNATURE, f"is missing or unreadable ({exc}): nothing signs the "
                      "list of the pack's files.")
        return
    problem = signer_problem(ledger, signer, public)
    if not good:
        report.failed(SUMS_SIGNATURE, f"does not verify: {SUMS} was changed.")
    elif problem:
        report.failed(SUMS_SIGNATURE, problem)
    else:
        report.passed(SUMS_SIGNATURE, f"{SUMS} is signed by {signer}.")


def _sealed_files(folder: Path, seal: dict[str, Any] | None, report: Report,
                  subject: str, required: tuple[str, ...] = ()) -> None:
    """The files the extract's signed seal vouches for; each of ``required`` must be one."""
    files = (seal or {}).get("files") or {}
    for name in required:
        if name not in files:
            report.failed(name, f"is not among the files the seal of {subject} vouches for.")
        report.vouched.add(name)
    for name, digest in sorted(files.items()):
        path = folder / name
        kind = not_plain(path)
        if kind:
            report.failed(name, f"is vouched for by the seal of {subject} but "
                          + ("missing." if kind == "missing" else f"is {kind} here, not a "
                             "plain file, so it was not read."))
        elif sha256_of(path) != digest:
            report.failed(name, f"differs from the SHA-256 sealed in {subject}.")
        else:
            report.passed(name, f"matches the SHA-256 sealed in {subject}.")
            report.vouched.add(name)


def _anchor(anchor: dict[str, Any], ledger: Ledger, report: Report, subject: str) -> None:
    public, signature, signer = (anchor.get("public_key"), anchor.get("signature"),
                                 anchor.get("signed_by"))
    if not signature or not public:
        report.note(subject, f"anchors event #{anchor.get('seq')} unsigned.")
        return
    seq = int(anchor["seq"])
    message = chain_format.checkpoint_message(str(anchor.get("store_id", "")), seq,
                                              str(anchor["hash"]))
    registered = ledger.key_at(str(signer), seq + 1)  # the key its maker had then
    if not chain_format.signature_ok(str(public), message, str(signature)):
        report.failed(subject, "the chain anchor's signature does not verify.")
    elif registered is None or registered[0] != public or not registered[1]:
        report.failed(subject, f"the chain anchor is signed by a key that is not {signer}'s "
                      "registered key from the store's root.")
    else:
        report.passed(subject, f"anchors event #{seq} of store {anchor.get('store_id')}, "
                      f"signed by {signer} (key {fingerprint(str(public))}); the force proves "
                      "its store still holds it with 'bwv audit verify --anchors'.")


def _manifest(path: Path, video: Path, extract: Extract | None, ledger: Ledger,
              report: Report, trust_anchors: Path | None, released: bool = False) -> None:
    try:
        data = json.loads(read_plain(path).decode("utf-8"))
    except (OSError, ValueError) as exc:
        report.failed(path.name, f"cannot be read ({exc}).")
        return
    expected = (data.get("output") or {}).get("sha256")
    if not not_plain(video) and expected != sha256_of(video):
        report.failed(video.name, f"does not match the SHA-256 in {path.name}.")
    if expected and expected == (data.get("source") or {}).get("sha256"):
        report.failed(video.name, "is the original recording itself (its SHA-256 is the "
                      "source's), not a redacted copy.")
    models = [m for m in (data.get("detection") or {}).get("models") or []
              if isinstance(m, dict)]
    unknown = [m.get("file") for m in models if m.get("sha256") not in PUBLISHED_MODELS]
    if unknown:
        report.failed(path.name, f"names detector models this version does not publish: "
                      f"{', '.join(map(str, unknown))}.")
    elif models:
        report.passed(path.name, "its detector models are the published ones ("
                      + ", ".join(str(m.get("name")) for m in models) + ").")
    plan_sha = data.get("plan_sha256")
    if not isinstance(data.get("plan"), dict) or not plan_sha:
        report.failed(path.name, "does not describe its redaction plan and its SHA-256.")
    elif hashlib.sha256(json.dumps(data["plan"], sort_keys=True, separators=(",", ":"))
                        .encode()).hexdigest() != plan_sha:
        report.failed(path.name, "the plan it describes is not the plan its SHA-256 names.")
    scope = export_scope(extract, sha256_of(path), (data.get("source") or {}).get("footage_id"))
    if data.get("working_copy"):  # made unattended from a template: every frame says so
        (report.failed if released else report.note)(
            path.name, "is a batch working copy, never to be released"
            + (", yet it is in a disclosure pack." if released else "."))
    check_approval(data.get("approval"), plan_sha, extract, ledger, report, path.name,
                   released, scope)
    head = data.get("audit_chain_head_before")
    if isinstance(head, dict) and "seq" in head:
        _anchor(head, ledger, report, path.name)
    if not not_plain(video):
        check_c2pa(video, data, report, trust_anchors)


def check_pack(folder: Path, report: Report, trust_anchors: Path | None = None) -> None:
    for path in sorted(folder.iterdir()):
        kind = not_plain(path)
        if kind:
            report.failed(path.name, f"is {kind}, not a plain file: a pack holds only plain "
                          "files, so it was not read.")
    extract, ledger = check_extract(folder / PACK_EXTRACT, report)
    _sums(folder, ledger, report)
    manifests = sorted(folder.glob("*.manifest.json"))
    if extract is not None:
        _sealed_files(folder, extract.seal, report, PACK_EXTRACT, tuple(
            name for m in manifests
            for name in (m.name, m.name.replace(".manifest.json", ".mp4"))))
    for manifest in manifests:
        _manifest(manifest, folder / manifest.name.replace(".manifest.json", ".mp4"),
                  extract, ledger, report, trust_anchors, released=True)
    try:
        anchor = json.loads(read_plain(folder / PACK_ANCHOR).decode("utf-8"))
        _anchor(anchor, ledger, report, PACK_ANCHOR)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        report.failed(PACK_ANCHOR, f"cannot be read ({exc}).")


def check_export_folder(folder: Path, report: Report,
                        trust_anchors: Path | None = None) -> None:
    manifests = sorted(folder.glob("*.manifest.json"))
    if not manifests:
        report.failed(str(folder), "holds no export (no NAME.manifest.json).")
    for manifest in manifests:
        stem = manifest.name.removesuffix(".manifest.json")
        extract_path = folder / f"{stem}.audit.jsonl"
        extract, ledger = check_extract(extract_path, report)
        if extract is not None:
            _sealed_files(folder, extract.seal, report, extract_path.name,
                          (manifest.name, f"{stem}.mp4"))
        report.vouched.add(extract_path.name)
        _manifest(manifest, folder / f"{stem}.mp4", extract, ledger, report, trust_anchors)
    strays = sorted(p.name for p in folder.iterdir() if p.is_file()
                    and p.name not in report.vouched and not p.name.startswith("."))
    if strays:
        report.note(str(folder), f"holds files no seal vouches for, which are not part of "
                    f"any export checked here: {', '.join(strays)}.")
        report.unvouched += strays


def check(target: Path, root: str | None = None,
          trust_anchors: Path | None = None) -> Report:
    """Everything ``bwv-verify`` checks on ``target`` (folder, zipped pack or one file)."""
    report = Report(str(target))
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        report.failed(str(target), "does not exist.")
        return report
    except OSError as exc:  # a name too long, a folder that may not be entered
        report.failed(str(target), f"cannot be opened ({exc.strerror or exc}).")
        return report
    if not stat.S_ISDIR(mode) and not stat.S_ISREG(mode):
        report.failed(str(target), "is neither a folder nor a file (a pipe or device?).")
        return report
    if trust_anchors is not None:
        try:
            anchors_pem(trust_anchors)
        except (OSError, ValueError) as exc:
            report.failed(str(trust_anchors), f"{exc}; nothing was checked (it is the file "
                          "given with --trust-anchors, not part of what is checked).")
            return report
    single = stat.S_ISREG(mode) and target.suffix.lower() != ".zip"
    try:
        with opened(target.parent if single else target) as folder:
            if any(not_plain(folder / name) != "missing" for name in PACK_FILES):
                check_pack(folder, report, trust_anchors)
            else:
                check_export_folder(folder, report, trust_anchors)
        if single and target.name not in report.vouched:
            report.failed(target.name, "is not vouched for by any sealed extract beside it: "
                          "it is not an export this folder proves.")
    except (OSError, ValueError, zipfile.BadZipFile) as exc:
        report.failed(str(target), f"cannot be opened ({exc}).")
    except Exception as exc:
        report.failed(str(target), f"is malformed and cannot be checked ({exc!r}).")
    if root is not None:
        wanted = root.replace(" ", "").lower()
        if not report.roots or any(fingerprint(r).replace(" ", "") != wanted
                                   for r in report.roots):
            report.failed(str(target), f"the store's root key is not the one given ({root}).")
        else:
            report.passed(str(target), f"the store's root key is {root}, as given.")
            report.findings = [replace(f, message=f.message.replace(CONFIRM_ROOT, "."))
                               for f in report.findings]
    return report
