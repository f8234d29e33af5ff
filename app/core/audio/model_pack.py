"""Speech model packs: a bigger or other-language Whisper model a force obtains itself
(e.g. a Welsh/English one), used only once an administrator has approved its hash list.

A pack is a folder holding a CTranslate2 Whisper model (``model.bin``, ``config.json``,
``tokenizer.json``, ``vocabulary.*``), a ``MODEL.json`` (``{"name": "...", "language":
"en"}``; an empty language lets the model detect it) and ``SHA256SUMS`` (``<sha256>  <file>``
per line, as ``sha256sum`` writes it) listing every one of those files, MODEL.json included,
and nothing else may lie in the folder. The administrator
approves the pack by the SHA-256 of its SHA256SUMS (``approve_pack``, a store rule, audited);
before every load each file is checked against the list, so a pack changed after approval is
refused. The settings' ``speech_model_folder`` picks the pack on a workstation.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from sqlalchemy.orm import Session

from app.core.audio.speech_model import SpeechModel, default_model
from app.core.errors import QT_TRANSLATE_NOOP, InvalidInputError
from app.core.policy.store_policy import load_policy, set_policy
from app.core.settings import Settings
from app.core.store.database import Store
from app.core.store.models import User

SUMS = "SHA256SUMS"
DESCRIPTION = "MODEL.json"
NEEDED = ("model.bin", "config.json", "tokenizer.json", DESCRIPTION)  # MODEL.json too:
# its language is part of what was approved
_LINE = re.compile(r"^([0-9a-f]{64}) [ *]?(\S.*)$")


def read_pack(folder: Path) -> tuple[str, SpeechModel]:
    """The pack's approval digest (SHA-256 of its SHA256SUMS) and its model (not yet checked
    against the files); a clear message for anything missing or malformed."""
    sums_path = folder / SUMS
    try:
        raw = sums_path.read_bytes()
        description = json.loads((folder / DESCRIPTION).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InvalidInputError(QT_TRANSLATE_NOOP(
            "CoreMessages", "{folder} is not a speech model pack: {problem}"),
            folder=folder, problem=exc) from None
    files: dict[str, str] = {}
    for line in raw.decode("utf-8", errors="replace").splitlines():
        if not line.strip():
            continue
        found = _LINE.match(line.strip())
        if found is None or "/" in found.group(2) or "\\" in found.group(2):
            raise InvalidInputError(QT_TRANSLATE_NOOP(
                "CoreMessages", "{path}: the line {line!r} is not '<sha256>  <file name>'."),
                path=sums_path, line=line)
        files[found.group(2)] = found.group(1)
    missing = [n for n in NEEDED if n not in files]
    if missing or not any(n.startswith("vocabulary.") for n in files):
        raise InvalidInputError(QT_TRANSLATE_NOOP(
            "CoreMessages", "{path} does not list the model's files {names}."),
            path=sums_path, names=", ".join([*missing, "vocabulary.*"]))
    name = str(description.get("name") or folder.name) if isinstance(description, dict) else ""
    language = str(description.get("language", "")) if isinstance(description, dict) else ""
    return hashlib.sha256(raw).hexdigest(), SpeechModel(name, folder, files, language)


def approve_pack(session: Session, actor: User, folder: Path) -> str:
    """An administrator approves the pack in ``folder`` (its files are checked first); the
    approval is a store rule, audited. Returns the pack's digest."""
    digest, model = read_pack(folder)
    model.verify()
    packs = load_policy(session).speech_model_packs
    set_policy(session, actor, speech_model_packs=[*packs, digest])
    return digest


def configured_model(store: Store, settings: Settings) -> SpeechModel:
    """The model this workstation uses: the approved pack its settings name, else the
    built-in Whisper tiny.en. A pack nobody approved is refused, never used instead."""
    folder = settings.speech_model_folder.strip()
    if not folder:
        return default_model()
    digest, model = read_pack(Path(folder).expanduser())
    with store.read() as session:
        approved = load_policy(session).speech_model_packs
    if digest not in approved:
        raise InvalidInputError(QT_TRANSLATE_NOOP(
            "CoreMessages", "The speech model pack {folder} is not approved for this store: "
            "an administrator approves it with 'bwv speech-pack approve {folder}'."),
            folder=folder)
    return model
