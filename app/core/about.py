"""What this installation is: its version, the libraries that decide the output, and the
detector models with their SHA-256 checked on disk (Help > About, ``bwv info``)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from importlib import metadata

from app.core.detection.model_files import SHIPPED
from app.core.export.manifest import software_versions


@dataclass(frozen=True)
class ModelFact:
    name: str
    file: str
    sha256: str  # as recorded (what every manifest names)
    ok: bool  # the file on disk hashes to it
    licence: str


def library_versions() -> dict[str, str]:
    """bwv-studio, Python, the decoding/detection libraries, FFmpeg, the database layer."""
    versions = software_versions()
    for dist in ("SQLAlchemy", "alembic", "argon2-cffi", "python-vlc"):
        try:
            versions[dist.lower()] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            versions[dist.lower()] = "not installed"
    return versions


def model_facts() -> list[ModelFact]:
    facts = []
    for model in SHIPPED:
        try:
            actual = hashlib.sha256(model.path.read_bytes()).hexdigest()
        except OSError:
            actual = ""
        facts.append(ModelFact(model.name, model.filename, model.sha256,
                               actual == model.sha256, model.licence))
    return facts

