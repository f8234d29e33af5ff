"""The one place that finds bundled resources (icons, styles) relative to the package, and
applies the light or dark look.

Action icons (``resources/icons/actions/*.svg``) are drawn with ``currentColor``; they are
rendered in the palette's text colour (greyed when disabled), so they stay legible in light
and dark themes.
"""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QWidget,
)

THEMES = ("system", "light", "dark")
_SIZES = (16, 24, 32, 48)


def resources_dir() -> Path:
    """``resources/`` beside the ``app`` package, or inside a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def app_icon() -> QIcon:
    return QIcon(str(resources_dir() / "icons" / "bwv-studio.svg"))


@cache
def _svg(name: str) -> str:
    return (resources_dir() / "icons" / "actions" / f"{name}.svg").read_text(encoding="utf-8")


def _render(svg: str, color: QColor, size: int) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(svg.replace("currentColor", color.name()).encode()))
    ratio = QGuiApplication.primaryScreen().devicePixelRatio() if \
        QGuiApplication.primaryScreen() else 1.0
    pixmap = QPixmap(QSize(size, size) * ratio)
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return pixmap


def icon(name: str, palette: QPalette | None = None) -> QIcon:
    """An action icon in the palette's text colour (and its disabled colour)."""
    palette = palette or QApplication.palette()
    svg = _svg(name)
    result = QIcon()
    for mode, group in ((QIcon.Mode.Normal, QPalette.ColorGroup.Active),
                        (QIcon.Mode.Disabled, QPalette.ColorGroup.Disabled)):
        color = palette.color(group, QPalette.ColorRole.ButtonText)
        for size in _SIZES:
            result.addPixmap(_render(svg, color, size), mode)
    return result


def error_color(palette: QPalette | None = None) -> str:
    """Red that reads on the current window colour (light or dark theme)."""
    window = (palette or QApplication.palette()).color(QPalette.ColorRole.Window)
    return "#ff7b72" if window.lightness() < 128 else "#a40000"


def warning_color(palette: QPalette | None = None) -> str:
    window = (palette or QApplication.palette()).color(QPalette.ColorRole.Window)
    return "#f0b429" if window.lightness() < 128 else "#b35c00"


def ok_color(palette: QPalette | None = None) -> str:
    """Green that reads on the current window colour (light or dark theme)."""
    window = (palette or QApplication.palette()).color(QPalette.ColorRole.Window)
    return "#56d364" if window.lightness() < 128 else "#1a7f37"


def theme_palette(theme: str) -> QPalette | None:
    """The palette of ``light`` or ``dark`` (resources/styles/THEME.json); None for system."""
    path = resources_dir() / "styles" / f"{theme}.json"
    if theme == "system" or not path.exists():
        return None
    palette = QPalette()
    roles: dict[str, dict[str, str]] = json.loads(path.read_text(encoding="utf-8"))
    for group_name, colors in roles.items():
        group = {"all": QPalette.ColorGroup.All,
                 "disabled": QPalette.ColorGroup.Disabled}[group_name]
        for role, value in colors.items():
            palette.setColor(group, QPalette.ColorRole[role], QColor(value))
    return palette


def _is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


class ThemedStyle(QProxyStyle):
    """Fusion, with check box and radio button indicators that stay visible on a dark
    window. Fusion draws their outline a shade darker than the window
    (``Window.darker(140)``), which vanishes on a dark one; here the indicator is drawn with
    a Window colour that puts the outline about halfway between the window and the text
    (the tracks panel's Keep / Redact check boxes in tables go through here too)."""

    _INDICATORS = (QStyle.PrimitiveElement.PE_IndicatorCheckBox,
                   QStyle.PrimitiveElement.PE_IndicatorRadioButton)

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption,
                      painter: QPainter, widget: QWidget | None = None) -> None:
        if element not in self._INDICATORS or not _is_dark(option.palette):
            super().drawPrimitive(element, option, painter, widget)
            return
        saved = option.palette
        option.palette = indicator_palette(saved)
        try:
            super().drawPrimitive(element, option, painter, widget)
        finally:
            option.palette = saved


def indicator_palette(palette: QPalette) -> QPalette:
    """``palette`` with the Window colour from which Fusion derives a visible indicator
    outline: 45% of the way from the window to the text, in every colour group."""
    result = QPalette(palette)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive,
                  QPalette.ColorGroup.Disabled):
        window = palette.color(group, QPalette.ColorRole.Window)
        text = palette.color(group, QPalette.ColorRole.WindowText)
        outline = QColor.fromRgbF(*(w + 0.45 * (t - w) for w, t in (
            (window.redF(), text.redF()), (window.greenF(), text.greenF()),
            (window.blueF(), text.blueF()))))
        result.setColor(group, QPalette.ColorRole.Window, outline.lighter(140))
    return result


def apply_theme(app: QApplication, theme: str) -> None:
    """System look, or the Fusion style (:class:`ThemedStyle`) with the light or dark
    palette and the shared style sheet (resources/styles/app.qss)."""
    palette = theme_palette(theme)
    if palette is not None:
        app.setStyle(ThemedStyle())
        app.setPalette(palette)
    sheet = resources_dir() / "styles" / "app.qss"
    if sheet.exists():
        app.setStyleSheet(sheet.read_text(encoding="utf-8"))
