"""All per-computer settings, declared once with types and defaults. (Rules shared by
everyone using a store, such as sign-in and retention, are in ``store_policy.py``.)

Settings live in ``settings.json`` in the platform config directory. Environment variables
override them (useful for CI and tests):

* ``BWV_DATABASE_URL``: SQLAlchemy URL of the evidence store (default: SQLite in the data dir)
* ``BWV_DATA_DIR``: where the SQLite file, audit witness and exports live
* ``BWV_CONFIG_DIR``: where ``settings.json`` lives
* ``BWV_LOG_DIR``: where the rotating log file lives
* ``BWV_USER``: the acting user's name (default: the operating-system login name)
"""

from __future__ import annotations

import dataclasses
import getpass
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from app.core.errors import QT_TRANSLATE_NOOP, InvalidInputError, Phrase

APP_NAME = "bwv-studio"
DEFAULT_REASON_CODES = (
    "Third party - s.40(2) FOIA / DPA 2018",
    "Child",
    "Medical",
    "Officer safety",
    "Victim or witness",
    "Requester - kept visible",
    "Officer - kept visible",
    "Not a face",
)
SCHEMA_VERSION = 1


def _dir_from_env(var: str, default: str) -> Path:
    value = os.environ.get(var)
    return Path(value).expanduser() if value else Path(default)


def config_dir() -> Path:
    return _dir_from_env("BWV_CONFIG_DIR", platformdirs.user_config_dir(APP_NAME))


def default_data_dir() -> Path:
    return _dir_from_env("BWV_DATA_DIR", platformdirs.user_data_dir(APP_NAME))


def log_dir() -> Path:
    return _dir_from_env("BWV_LOG_DIR", platformdirs.user_log_dir(APP_NAME))


@dataclass
class Settings:
    """Typed settings with defaults. ``database_url`` empty means SQLite in ``data_dir``."""

    schema_version: int = SCHEMA_VERSION
    data_dir: str = ""
    database_url: str = ""
    default_user: str = ""
    ui_language: str = ""  # empty: follow the system locale; "en", "cy"
    ui_theme: str = "system"  # system, light or dark
    # The legal bases offered when a person is redacted or kept, a box drawn, audio muted.
    reason_codes: list[str] = field(default_factory=lambda: list(DEFAULT_REASON_CODES))
    # C2PA signing of exports with the force's certificate: PEM files (chain, then its key);
    # both empty: exports are not C2PA-signed (export/c2pa_signing.py reads them)
    c2pa_certificate: str = ""
    c2pa_private_key: str = ""
    # A speech model pack (a folder with SHA256SUMS) an administrator approved for this
    # store; empty: the built-in Whisper tiny.en (audio/model_pack.py)
    speech_model_folder: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def data_path(self) -> Path:
        return Path(self.data_dir).expanduser() if self.data_dir else default_data_dir()

    @property
    def effective_database_url(self) -> str:
        """The URL actually used: env var, then setting, then SQLite in the data dir."""
        env = os.environ.get("BWV_DATABASE_URL")
        if env:
            return env
        if self.database_url:
            return self.database_url
        return "sqlite:///" + str(self.data_path / "bwv.sqlite3")

    @property
    def effective_user(self) -> str:
        return os.environ.get("BWV_USER") or self.default_user or _os_user()

    def validate(self) -> None:
        if self.ui_theme not in ("system", "light", "dark"):
            raise InvalidInputError(QT_TRANSLATE_NOOP(
                "CoreMessages", "ui_theme must be system, light or dark."))
        if not all(isinstance(c, str) and c.strip() for c in self.reason_codes):
            raise InvalidInputError(QT_TRANSLATE_NOOP(
                "CoreMessages", "reason_codes must be a list of non-empty texts."))


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (containers)
        return "unknown"


def settings_file() -> Path:
    return config_dir() / "settings.json"


def load_settings() -> Settings:
    """Read settings.json (missing file: defaults). A damaged file is reported, not ignored."""
    path = settings_file()
    if not path.exists():
        return Settings()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InvalidInputError(QT_TRANSLATE_NOOP(
            "CoreMessages", "Settings file {path} cannot be read: {problem}"), path=path,
            problem=exc) from exc
    if not isinstance(raw, dict):
        raise InvalidInputError(QT_TRANSLATE_NOOP(
            "CoreMessages", "Settings file {path} does not hold a JSON object."), path=path)
    fields = {f.name: f for f in dataclasses.fields(Settings)}
    values = {k: v for k, v in raw.items() if k in fields and k != "extra"}
    for key, value in values.items():
        expected = {"int": (int, QT_TRANSLATE_NOOP("CoreMessages", "a whole number")),
                    "str": (str, QT_TRANSLATE_NOOP("CoreMessages", "text")),
                    "bool": (bool, QT_TRANSLATE_NOOP("CoreMessages", "true or false")),
                    "list[str]": (list, QT_TRANSLATE_NOOP("CoreMessages", "a list of texts"))
                    }.get(str(fields[key].type))
        if expected is not None and type(value) is not expected[0]:
            raise InvalidInputError(QT_TRANSLATE_NOOP(
                "CoreMessages", "Settings file {path}: {key} must be {kind}, not {value!r}."),
                path=path, key=key, kind=Phrase(expected[1]), value=value)
    values["extra"] = {k: v for k, v in raw.items() if k not in fields}
    try:
        settings = Settings(**values)
    except TypeError as exc:
        raise InvalidInputError(QT_TRANSLATE_NOOP(
            "CoreMessages", "Settings file {path} has a bad value: {problem}"), path=path,
            problem=exc) from exc
    settings.validate()
    return settings


def save_settings(settings: Settings) -> Path:
    """Write settings.json atomically and return its path."""
    settings.validate()
    path = settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = dataclasses.asdict(settings)
    extra = data.pop("extra")
    data.update(extra)
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return path
