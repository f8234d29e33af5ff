"""What the desktop app remembers between sessions on this computer (``QSettings``): every
key declared once, here, with its type and default. Store rules and the typed settings file
are ``app.core.policy.store_policy`` and ``app.core.settings``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from app.core.detection.presets import DEFAULT_PRESET

T = TypeVar("T", str, int)


@dataclass(frozen=True)
class Remembered(Generic[T]):
    key: str
    default: T

    def get(self) -> T:
        value = QSettings().value(self.key, self.default)
        if value is None or value == "":
            return self.default
        try:
            return type(self.default)(str(value))  # QSettings may hand back text
        except ValueError:
            return self.default

    def set(self, value: T) -> None:
        QSettings().setValue(self.key, value)


LIBRARY_CASE = Remembered("library/case", "")  # the case the library was filtered by
EXPORT_FOLDER = Remembered("export/folder", "")
PACK_FOLDER = Remembered("pack/folder", "")
WORKSPACE_PRESET = Remembered("workspace/preset", DEFAULT_PRESET)
PLAYER_VOLUME = Remembered("player/volume", 80)
WINDOW_GEOMETRY_KEY = "main_window/geometry"  # bytes: saveGeometry()/restoreGeometry()


def window_geometry() -> QByteArray | None:
    value = QSettings().value(WINDOW_GEOMETRY_KEY)
    return value if isinstance(value, QByteArray) else None


def remember_window_geometry(geometry: QByteArray) -> None:
    QSettings().setValue(WINDOW_GEOMETRY_KEY, geometry)
