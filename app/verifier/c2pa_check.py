"""Checking the C2PA manifest inside a redacted MP4 (with ``c2pa-python``, offline)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from app.verifier.findings import Report

ASSERTION = "uk.police.bwv.redaction"  # as written by app/core/export/c2pa_signing.py
ANCHORS_LIMIT = 16 << 20  # a bundle of every public root is well under 1 MB


def anchors_pem(path: Path) -> str:
    """The certificates of a --trust-anchors file (PEM, or one DER certificate), as PEM text;
    ValueError, saying so, if it is not a certificate file."""
    with path.open("rb") as fh:
        data = fh.read(ANCHORS_LIMIT + 1)
    try:
        if len(data) > ANCHORS_LIMIT:
            raise ValueError("far too large")
        certificates = (x509.load_pem_x509_certificates(data) if b"-----BEGIN" in data
                        else [x509.load_der_x509_certificate(data)])
    except ValueError as exc:
        raise ValueError(f"is not a certificate file: neither PEM certificates nor one DER "
                         f"certificate ({exc})") from exc
    return "".join(c.public_bytes(Encoding.PEM).decode("ascii") for c in certificates)


def _reader(video: Path, trust_anchors: Path | None) -> Any:
    import c2pa

    settings: dict[str, Any] = {"verify": {"verify_trust": trust_anchors is not None}}
    if trust_anchors is not None:
        settings["trust"] = {"trust_anchors": anchors_pem(trust_anchors)}
    return c2pa.Reader.try_create(str(video), context=c2pa.Context(
        c2pa.Settings.from_dict(settings)))


def check_c2pa(video: Path, export_manifest: dict[str, Any], report: Report,
               trust_anchors: Path | None = None) -> None:
    """The C2PA signature and content binding, its trust chain when anchors are given, and
    that its BWV Studio assertion matches the export manifest."""
    subject, claimed = video.name, export_manifest.get("c2pa") or {}
    try:
        import c2pa
    except ImportError:
        report.note(subject, "its C2PA manifest was not checked: c2pa-python is not installed.")
        return
    try:
        reader = _reader(video, trust_anchors)
    except c2pa.C2paError as exc:
        report.failed(subject, f"its C2PA manifest is damaged ({exc}).")
        return
    except OSError as exc:
        report.failed(subject, f"cannot be read for C2PA ({exc.strerror or exc}).")
        return
    if reader is None:
        if claimed.get("signed"):
            report.failed(subject, "has no C2PA manifest, but its export manifest says it was "
                          "signed: it was removed.")
        else:
            report.note(subject, "carries no C2PA manifest (the force had no C2PA certificate "
                        "configured).")
        return
    with reader:
        state = reader.get_validation_state()
        active = reader.get_active_manifest() or {}
        results = reader.get_validation_results() or {}
    failures = [f.get("code") for f in (results.get("activeManifest") or {}).get("failure", [])]
    signer = (active.get("signature_info") or {}).get("common_name") or "unknown"
    untrusted = "signingCredential.untrusted" in failures
    failures = [f for f in failures if f != "signingCredential.untrusted"]
    if failures or (state == "Invalid" and not untrusted):
        codes = ", ".join(map(str, failures)) or state
        report.failed(subject, f"its C2PA manifest does not validate ({codes}): the video or "
                      "its credentials were changed.")
        return
    if untrusted or (trust_anchors is not None and state != "Trusted"):
        where = trust_anchors.name if trust_anchors else "the default trust list"
        report.failed(subject, f"its C2PA signature ({signer}) is valid but does not chain to "
                      f"the trust anchors in {where}.")
        return
    report.passed(subject, f"C2PA manifest {state.lower()}, signed by {signer}"
                  + ("" if trust_anchors else " (trust not checked: give --trust-anchors)")
                  + ".")
    data = next((a.get("data") for a in active.get("assertions", [])
                 if a.get("label") == ASSERTION), None)
    if not isinstance(data, dict):
        report.failed(subject, "its C2PA manifest lacks BWV Studio's redaction assertion.")
        return
    mine = {"plan_sha256": export_manifest.get("plan_sha256"),
            "source_sha256": (export_manifest.get("source") or {}).get("sha256"),
            "audit_chain_head": export_manifest.get("audit_chain_head_before")}
    theirs = {k: data.get(k) for k in mine}
    if json.dumps(mine, sort_keys=True) != json.dumps(theirs, sort_keys=True):
        report.failed(subject, "its C2PA assertion (plan, source or chain head) differs from "
                      "the export manifest.")
    else:
        report.passed(subject, "its C2PA assertion names the same plan, original and chain "
                      "head as the export manifest.")
