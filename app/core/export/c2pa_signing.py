"""C2PA: the redacted MP4 carries a content-credentials manifest signed with the force's
certificate (``c2pa-python``, offline), so anyone can check it with standard tools.

The manifest says what happened ("opened" the original, identified only by its SHA-256 and
never with a thumbnail; "edited": the redaction summary) and carries BWV Studio's own
assertion: the plan's hash, the detector models' hashes and the audit chain's head. The
certificate chain and its private key are PEM files named in the settings
(``c2pa_certificate``, ``c2pa_private_key``; the key best encrypted, its passphrase in the
environment variable ``BWV_C2PA_KEY_PASSWORD``, never in a file); without them exports are
not C2PA-signed and the manifest says so.
"""

from __future__ import annotations

import hashlib
import io
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.core.errors import QT_TRANSLATE_NOOP, MediaError
from app.core.settings import Settings

ASSERTION = "uk.police.bwv.redaction"
_ALGORITHMS = {"secp256r1": "ES256", "secp384r1": "ES384", "secp521r1": "ES512"}


@dataclass(frozen=True)
class C2paCredentials:
    certificate: Path  # PEM: the signing certificate first, then its issuers
    private_key: Path  # PEM (PKCS#8) of the signing certificate's key


def configured_credentials(settings: Settings) -> C2paCredentials | None:
    """The credentials the settings name (c2pa_certificate, c2pa_private_key), or None."""
    return credentials_from(settings.c2pa_certificate, settings.c2pa_private_key)


def credentials_from(certificate: str, private_key: str) -> C2paCredentials | None:
    """The configured credentials, or None when C2PA signing is not set up."""
    if not certificate and not private_key:
        return None
    if not (certificate and private_key):
        raise MediaError(QT_TRANSLATE_NOOP(
            "CoreMessages", "C2PA signing needs both settings, c2pa_certificate and "
            "c2pa_private_key (PEM files); one is empty."))
    return C2paCredentials(Path(certificate).expanduser(), Path(private_key).expanduser())


def _read(path: Path, what: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise MediaError(QT_TRANSLATE_NOOP(
            "CoreMessages", "{path}: the C2PA {what} cannot be read ({value})."),
            path=path, what=what, value=exc.strerror or exc) from None


KEY_PASSWORD_ENV = "BWV_C2PA_KEY_PASSWORD"


def _open_key(key_pem: bytes, path: Path) -> tuple[str, bytes]:
    """The signing algorithm and the key as unencrypted PKCS#8 PEM, in memory only. An
    encrypted key (recommended) is opened with the passphrase in ``BWV_C2PA_KEY_PASSWORD``."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec, ed25519

    try:
        key = serialization.load_pem_private_key(key_pem, password=None)
    except TypeError:  # encrypted
        secret = os.environ.get(KEY_PASSWORD_ENV)
        if not secret:
            raise MediaError(QT_TRANSLATE_NOOP(
                "CoreMessages", "{path}: the C2PA private key is encrypted; give its passphrase "
                "in the environment variable {KEY_PASSWORD_ENV}."),
                path=path, KEY_PASSWORD_ENV=KEY_PASSWORD_ENV) from None
        try:
            key = serialization.load_pem_private_key(key_pem, password=secret.encode())
        except (ValueError, TypeError):
            raise MediaError(QT_TRANSLATE_NOOP(
                "CoreMessages", "{path}: the passphrase in {KEY_PASSWORD_ENV} does not open this "
                "C2PA private key."),
                path=path, KEY_PASSWORD_ENV=KEY_PASSWORD_ENV) from None
    except ValueError as exc:
        raise MediaError(QT_TRANSLATE_NOOP(
            "CoreMessages", "{path}: not a PEM private key ({exc})."),
            path=path, exc=exc) from None
    if isinstance(key, ed25519.Ed25519PrivateKey):
        algorithm = "ED25519"
    elif isinstance(key, ec.EllipticCurvePrivateKey) and key.curve.name in _ALGORITHMS:
        algorithm = _ALGORITHMS[key.curve.name]
    else:
        raise MediaError(QT_TRANSLATE_NOOP(
            "CoreMessages", "{path}: C2PA signing here takes an EC (P-256/384/521) or Ed25519 "
            "key."),
            path=path)
    opened = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                               serialization.NoEncryption())
    return algorithm, opened


def certificate_facts(chain_pem: bytes) -> dict[str, str]:
    """Who the signing certificate names, and its SHA-256 (for the export manifest)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    first = x509.load_pem_x509_certificates(chain_pem)[0]
    der = first.public_bytes(serialization.Encoding.DER)
    return {"certificate_subject": first.subject.rfc4514_string(),
            "certificate_sha256": hashlib.sha256(der).hexdigest()}


def sign_video(credentials: C2paCredentials, video: Path, signed: Path, title: str,
               summary: dict[str, Any], assertion: dict[str, Any]) -> dict[str, Any]:
    """Write ``video`` with an embedded C2PA manifest to ``signed``; facts for the export
    manifest. ``summary`` describes the edit; ``assertion`` is BWV Studio's own."""
    import c2pa

    chain, key = (_read(credentials.certificate, "certificate"),
                  _read(credentials.private_key, "private key"))
    algorithm, key = _open_key(key, credentials.private_key)
    try:
        facts = certificate_facts(chain)
    except ValueError as exc:
        raise MediaError(QT_TRANSLATE_NOOP(
            "CoreMessages", "{certificate}: not a PEM certificate chain ({exc})."),
            certificate=credentials.certificate, exc=exc) from None
    manifest = {
        "claim_generator_info": [{"name": "BWV Studio", "version": assertion.get("version",
                                                                                   "")}],
        "title": title, "format": "video/mp4",
        "assertions": [
            {"label": "c2pa.actions.v2", "data": {"actions": [
                {"action": "c2pa.opened", "parameters": {"ingredientIds": ["original"]}},
                {"action": "c2pa.edited", "description": "Personal data redacted (faces, "
                 "boxes, muted audio) by BWV Studio.", "parameters": summary}]}},
            {"label": ASSERTION, "data": assertion},
        ],
    }
    context = c2pa.Context(c2pa.Settings.from_dict({"builder": {"thumbnail": {
        "enabled": False}}}))
    try:
        signer = c2pa.Signer.from_info(c2pa.C2paSignerInfo(
            getattr(c2pa.C2paSigningAlg, algorithm), chain, key, None))
        builder = c2pa.Builder(manifest, context=context)
        # the original is named by its hash only: an empty stream, never its pictures
        builder.add_ingredient({"title": "original recording", "relationship": "parentOf",
                                "instance_id": "original", "label": "original",
                                "metadata": {"sha256": assertion.get("source_sha256")}},
                               "application/octet-stream", io.BytesIO(b""))
        with video.open("rb") as source, signed.open("w+b") as dest:
            builder.sign(signer, "video/mp4", source, dest)
    except OSError as exc:
        raise MediaError(QT_TRANSLATE_NOOP(
            "CoreMessages", "{signed}: cannot write the signed video ({value})."),
            signed=signed, value=exc.strerror or exc) from None
    except c2pa.C2paError as exc:
        raise MediaError(QT_TRANSLATE_NOOP(
            "CoreMessages", "{video}: C2PA signing failed ({exc}); check the certificate "
            "{certificate} and key."),
            video=video, exc=exc, certificate=credentials.certificate) from None
    return {"signed": True, "standard": "C2PA", "algorithm": algorithm, **facts}
