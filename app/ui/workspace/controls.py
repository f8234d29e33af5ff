"""The workspace's controls: the toolbar, the preset and reason row, the status row above the
player, and the track buttons with the colour legend beside the tracks. They only forward to
the workspace; its state decides which are enabled (``RedactionWorkspace.update_buttons``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core.detection.presets import PRESETS
from app.ui.resources import icon
from app.ui.settings_keys import WORKSPACE_PRESET
from app.ui.workspace import carry_dialog
from app.ui.workspace.lanes import COLOURS

if TYPE_CHECKING:
    from app.ui.workspace.workspace import RedactionWorkspace


def _button(ws: RedactionWorkspace, parent: QWidget, text: str, tip: str,
            slot: Callable[..., object], key: str = "", checkable: bool = False,
            icon_name: str = "") -> QToolButton:
    """A tool button; ``key`` works anywhere in the workspace ``ws``."""
    button = QToolButton(parent)
    button.setText(text)
    if icon_name:  # icon only (the text is the tooltip): the toolbar fits a laptop
        button.setIcon(icon(icon_name))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        tip = f"{text.replace('&', '').rstrip('…')}: {tip}"
    button.setToolTip(tip + (f" ({key})" if key else ""))
    button.setCheckable(checkable)
    if checkable:
        button.toggled.connect(slot)
    else:
        button.clicked.connect(slot)
    if key:
        action = QAction(ws)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(button.click)
        ws.addAction(action)
    return button


class WorkspaceControls(QWidget):
    """Above the player: the toolbar, the preset and reason, progress and status."""

    def __init__(self, ws: RedactionWorkspace, reason_codes: list[str]) -> None:
        super().__init__(ws)
        self.preset = QComboBox(self)
        names = {"fast": self.tr("Fast"), "balanced": self.tr("Balanced"),
                 "thorough": self.tr("Thorough (faces and text)")}
        for name in PRESETS:
            self.preset.addItem(names.get(name, name), name)
        saved = WORKSPACE_PRESET.get()
        self.preset.setCurrentIndex(max(0, self.preset.findData(saved)))

        def button(text: str, tip: str, slot: Callable[..., object], key: str = "",
                   checkable: bool = False, icon_name: str = "") -> QToolButton:
            return _button(ws, self, text, tip, slot, key, checkable, icon_name)

        self.detect_button = button(self.tr("Detect faces"), self.tr(
            "Detect and track faces in the background; results are stored"), ws.detect,
            "Ctrl+D", icon_name="detect")
        self.cancel_button = button(self.tr("Cancel"), self.tr("Stop detection"),
                                    ws.cancel_detection, icon_name="cancel")
        self.preview_button = button(self.tr("Preview"), self.tr(
            "Show the redacted picture as it will be exported, or the boxes"),
            ws.set_preview, "P", checkable=True, icon_name="preview")
        self.draw_button = button(self.tr("Draw box"), self.tr(
            "Draw a box over a missed face, a tattoo, a screen, a number plate"),
            ws.set_draw_mode, "B", checkable=True, icon_name="draw-box")
        self.follow_button = button(self.tr("Follow"), self.tr(
            "Follow the selected manual box through the next seconds"), ws.commands.follow, "F",
            icon_name="follow")
        self.next_button = button(self.tr("Next warning"), self.tr(
            "Jump to the next range to review"), ws.commands.next_warning, "N",
            icon_name="next-warning")
        self.reviewed_button = button(self.tr("Mark reviewed"), self.tr(
            "Mark the review range at the playhead as checked"), ws.commands.mark_reviewed, "R",
            icon_name="reviewed")
        self.mute_button = button(self.tr("Mute range"), self.tr(
            "Mute the sound in the range selected on the lanes (drag to select)"),
            ws.commands.mute_selection, "U", icon_name="mute")
        self.unmute_button = button(self.tr("Unmute"), self.tr(
            "Remove the selected muted range"), ws.commands.unmute_selected, icon_name="unmute")
        self.start_again_button = button(self.tr("Start again"), self.tr(
            "Forget the people chosen on another detection run and choose them on this one"),
            ws.start_again, icon_name="start-again")
        self.carry_button = button(self.tr("Carry over…"), self.tr(
            "Carry the decisions made on another detection run to the same people on this "
            "one (you confirm each)"), lambda: carry_dialog.offer(ws), icon_name="carry-over")
        self.clip_button = button(self.tr("Clip"), self.tr(
            "Export only the range selected on the lanes (again with nothing selected: "
            "the whole footage)"), ws.commands.clip_to_selection, icon_name="clip")
        self.reason = QComboBox(self)
        self.reason.setEditable(True)
        self.reason.addItem(self.tr("(no reason)"), "")
        for code in reason_codes:
            self.reason.addItem(code, code)
        self.reason.setToolTip(self.tr("The reason recorded with your next edits"))
        for combo, chars in ((self.reason, 14), (self.preset, 8)):  # long texts elide
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(chars)
        self.export_button = button(self.tr("Export…"), self.tr(
            "Write the redacted MP4, its manifest and audit extract"), ws.open_export,
            "Ctrl+E", icon_name="export")
        for main in (self.detect_button, self.export_button):  # the two steps, named
            main.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar = QHBoxLayout()
        for w in (self.detect_button, self.cancel_button, self.preview_button,
                  self.draw_button, self.follow_button, self.next_button, self.reviewed_button,
                  self.mute_button, self.unmute_button, self.clip_button,
                  self.carry_button, self.start_again_button):
            toolbar.addWidget(w)
        toolbar.addStretch(1)
        toolbar.addWidget(self.export_button)
        # The preset and the reason on a row of their own: reason texts are long, and the
        # toolbar must fit a 1366 px screen in every language.
        reason_row = QHBoxLayout()
        reason_row.addWidget(QLabel(self.tr("Preset"), self))
        reason_row.addWidget(self.preset)
        reason_row.addWidget(QLabel(self.tr("Reason"), self))
        reason_row.addWidget(self.reason, 1)
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.progress.setMaximumWidth(260)
        self.status = QLabel(self.tr("Open footage from the library."), self)
        self.status.setWordWrap(True)  # long messages (and Welsh) wrap: never widen the window
        status_row = QHBoxLayout()
        status_row.addWidget(self.progress)
        status_row.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for row in (toolbar, reason_row, status_row):
            layout.addLayout(row)

    def preset_name(self) -> str:
        return str(self.preset.currentData())

    def current_reason(self) -> str:
        """The reason chosen or typed ("" for the "(no reason)" entry)."""
        text = self.reason.currentText().strip()
        return "" if text == self.reason.itemText(0) else text

    def reason_codes(self) -> list[str]:
        return [self.reason.itemText(i) for i in range(1, self.reason.count())]


class TrackButtons(QWidget):
    """Under the tracks: merge, split, dismiss and delete, and what the colours mean."""

    def __init__(self, ws: RedactionWorkspace) -> None:
        super().__init__(ws)

        def button(text: str, tip: str, slot: Callable[..., object],
                   key: str = "") -> QToolButton:
            return _button(ws, self, text, tip, slot, key)

        self.merge_button = button(self.tr("Merge"), self.tr(
            "The selected tracks are one person (S: the same person)"),
            ws.commands.merge_selected, "S")
        self.split_button = button(self.tr("Split here"), self.tr(
            "Cut the selected track at the playhead"), ws.commands.split_selected)
        self.dismiss_button = button(self.tr("Not a face from here"), self.tr(
            "Dismiss the selected track from the playhead to its end"),
            ws.commands.dismiss_from_here)
        # its own message: the shortcut list's "Delete" is the key's name (not translated)
        self.delete_button = button(self.tr("Delete", "button: delete a box or track"), self.tr(
            "Delete the selected manual box, or mark the selected track as not a face"),
            ws.commands.delete_selected, "Delete")
        grid = QGridLayout()  # two rows: the panel stays narrow
        for i, b in enumerate((self.merge_button, self.split_button, self.dismiss_button,
                               self.delete_button)):
            b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            grid.addWidget(b, i // 2, i % 2)
        rows = [(COLOURS["redact"], self.tr("redacted")), (COLOURS["keep"], self.tr("kept")),
                (COLOURS["manual"], self.tr("manual")),
                (COLOURS["low"], self.tr("low confidence")),
                (COLOURS["not_a_face"], self.tr("not a face")),
                (COLOURS["text"], self.tr("text: plate, screen, document")),
                (COLOURS["head"], self.tr("a person's head (people detector)")),
                (COLOURS["head_visible"], self.tr("a head left visible"))]
        items = " ".join(f"<span style='color:{c}'>■</span> {t}" for c, t in rows)
        self.legend = QLabel(items + "<br>" + self.tr(
            "dashed: carried by motion, interpolated or padded box"), self)
        self.legend.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)
        layout.addWidget(self.legend)
