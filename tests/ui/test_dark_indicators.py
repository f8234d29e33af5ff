"""Check boxes and radio buttons stay visible in the dark look (issue 14, item 12): the
outline of an unticked indicator must stand out from the window behind it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.ui.resources import apply_theme

MARGIN = 60  # luminance, 0-255


def _luminance(color: QColor) -> float:
    return 0.2126 * color.red() + 0.7152 * color.green() + 0.0722 * color.blue()


def _outline_contrast(image: QImage, rect: QRect, background: QColor) -> float:
    """How far the indicator's outline is from the background: where the middle lines of
    ``rect`` cross its four sides (a square or a circle), the pixel within 2 px of the edge
    that differs most; the weakest of the four sides."""
    back, centre = _luminance(background), rect.center()
    sides = ([(x, centre.y()) for x in (rect.left(), rect.left() + 1)],
             [(x, centre.y()) for x in (rect.right() - 1, rect.right())],
             [(centre.x(), y) for y in (rect.top(), rect.top() + 1)],
             [(centre.x(), y) for y in (rect.bottom() - 1, rect.bottom())])
    return min(max(abs(_luminance(image.pixelColor(x, y)) - back) for x, y in side)
               for side in sides)


@pytest.fixture
def dark(qapp: QApplication) -> Iterator[QPalette]:
    """The app's dark look (its style, palette and style sheet), undone afterwards."""
    style, palette, sheet = qapp.style().name() or "fusion", qapp.palette(), qapp.styleSheet()
    apply_theme(qapp, "dark")
    yield qapp.palette()
    qapp.setStyleSheet(sheet)
    qapp.setStyle(style)
    qapp.setPalette(palette)


def _indicator(widget: QCheckBox | QRadioButton, element: QStyle.SubElement) -> QRect:
    option = QStyleOptionButton()
    widget.initStyleOption(option)
    return widget.style().subElementRect(element, option, widget)


@pytest.mark.parametrize("enabled", [True, False])
def test_unticked_indicators_stand_out_on_the_dark_window(qtbot: QtBot, dark: QPalette,
                                                          enabled: bool) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    box, radio = QCheckBox("Keep", window), QRadioButton("Redact", window)
    radio.move(0, 40)
    for widget in (box, radio):
        widget.setEnabled(enabled)
        widget.adjustSize()
    window.resize(200, 80)
    window.show()
    qtbot.waitExposed(window)
    image = window.grab().toImage()
    background = dark.color(QPalette.ColorRole.Window)
    margin = MARGIN if enabled else 25  # dimmer when disabled, as its text is
    for widget, element in ((box, QStyle.SubElement.SE_CheckBoxIndicator),
                            (radio, QStyle.SubElement.SE_RadioButtonIndicator)):
        rect = _indicator(widget, element).translated(widget.pos())
        contrast = _outline_contrast(image, rect, background)
        assert contrast >= margin, f"{type(widget).__name__}: {contrast:.0f}"


def test_check_boxes_in_a_table_stand_out(qtbot: QtBot, dark: QPalette) -> None:
    """The tracks panel's Keep / Redact columns are check boxes in a table."""
    table = QTableWidget(2, 1)
    qtbot.addWidget(table)
    for row in range(2):
        item = QTableWidgetItem("")
        item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        item.setCheckState(Qt.CheckState.Unchecked)
        table.setItem(row, 0, item)
    table.resize(200, 120)
    table.show()
    qtbot.waitExposed(table)
    cell = table.visualItemRect(table.item(1, 0))
    image = table.viewport().grab().toImage()
    background = image.pixelColor(cell.right() - 2, cell.center().y())  # the cell's own colour
    back = _luminance(background)
    # the outline: pixels in the cell's left part that differ most from the cell colour
    diffs = sorted((abs(_luminance(image.pixelColor(x, y)) - back)
                    for x in range(cell.left(), cell.left() + 30)
                    for y in range(cell.top(), cell.bottom() + 1)), reverse=True)
    assert diffs[20] >= MARGIN, f"{diffs[20]:.0f}"
