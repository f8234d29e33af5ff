"""A transcript on screen: the words of one audio track (a line for each speaker's turn
when voices were told apart), the word being said highlighted as the video plays, a click
on a word asks to go there, Find marks a phrase wherever it is said, and other marks
(hidden words) come from the owner. Used by the Review tab's Speech
panel (read only) and the Redact tab's Speech tab (which hides words)."""

from __future__ import annotations

import bisect

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QShowEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QLineEdit, QTextEdit, QVBoxLayout, QWidget

from app.core.audio.transcript import Transcript
from app.core.audio.word_search import find_phrase

NOW = QColor("#f5d90a")  # the word being said
FOUND = QColor("#3e63dd")  # search matches

Mark = tuple[float, float, QColor, bool]  # start s, end s, colour, struck through


class TranscriptView(QWidget):
    seek_requested = Signal(float)  # stream seconds of the word clicked
    selection_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.transcript: Transcript | None = None
        self.offsets: list[tuple[int, int]] = []  # (start, end) character of each word
        self.starts: list[float] = []  # each word's start time, for the playhead's look-up
        self.now_word = -1
        self.marks: list[Mark] = []
        # the marks and finds drawn (made again only when they change, never as it plays)
        self._fixed: list[QTextEdit.ExtraSelection] = []
        self._unshown = False  # the word being said moved while out of sight
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Find words…"))
        self.search.setClearButtonEnabled(True)
        self.text = QTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Transcript"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.text, 1)
        self.search.textChanged.connect(lambda _t: self.redraw())
        self.text.cursorPositionChanged.connect(self._clicked)

    def set_transcript(self, transcript: Transcript | None) -> None:
        self.transcript = transcript
        self.now_word = -1
        self.offsets = []
        self.starts = [w.start_s for w in transcript.words] if transcript else []
        parts = []
        at = 0
        who = transcript.word_speakers() if transcript and transcript.speaker_count() > 1 \
            else []
        for i, w in enumerate(transcript.words if transcript else []):
            if who and (i == 0 or who[i] != who[i - 1]):  # a new speaker: a new line
                tag = ("\n" if i else "") + self.tr("Speaker {0}:").format(who[i] or "?")
                parts.append(tag)
                at += len(tag) + 1
            self.offsets.append((at, at + len(w.text)))
            parts.append(w.text)
            at += len(w.text) + 1
        self.text.blockSignals(True)
        self.text.setPlainText(" ".join(parts))
        self.text.blockSignals(False)
        self.redraw()

    def set_marks(self, marks: list[Mark]) -> None:
        """Words to colour (e.g. hidden ones), by time."""
        self.marks = marks
        self.redraw()

    def follow(self, time_s: float) -> None:
        """The playhead is at ``time_s`` (stream seconds): highlight the word being said."""
        t = self.transcript
        if t is None:
            return
        i = bisect.bisect_right(self.starts, time_s) - 1  # called on every frame shown
        now = i if i >= 0 and time_s < t.words[i].end_s else -1
        if now != self.now_word:
            self.now_word = now
            if self.isVisible():
                self._show()
            else:  # (a tab not shown: drawn when it is)
                self._unshown = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._unshown:
            self._show()

    def selected_words(self) -> tuple[int, int] | None:
        """First and last word of the selection, or None."""
        cursor = self.text.textCursor()
        if not cursor.hasSelection() or not self.offsets:
            return None
        a, b = cursor.selectionStart(), cursor.selectionEnd()
        inside = [i for i, (s, e) in enumerate(self.offsets) if s < b and e > a]
        return (inside[0], inside[-1]) if inside else None

    def select_words(self, first: int, last: int) -> None:
        cursor = self.text.textCursor()
        cursor.setPosition(self.offsets[first][0])
        cursor.setPosition(self.offsets[last][1], QTextCursor.MoveMode.KeepAnchor)
        self.text.blockSignals(True)
        self.text.setTextCursor(cursor)
        self.text.blockSignals(False)
        self.selection_changed.emit()

    def redraw(self) -> None:
        """Draw the marks, the finds and the word being said (after any of them changed)."""
        t = self.transcript
        selections = []
        query = self.search.text().strip()
        if t is not None:
            for start, end, colour, strike in self.marks:
                selections += [self._mark(i, colour, strike)
                               for i in t.words_between(start, end)]
            for a, b in find_phrase(t, query) if query else []:
                selections += [self._mark(i, FOUND) for i in range(a, b + 1)]
        self._fixed = selections
        self._show()

    def _show(self) -> None:
        """The marks and finds as made, and the word being said over them."""
        self._unshown = False
        selections = list(self._fixed)
        if self.transcript is not None and 0 <= self.now_word < len(self.offsets):
            selections.append(self._mark(self.now_word, NOW))
        self.text.setExtraSelections(selections)

    def _mark(self, i: int, colour: QColor, strike: bool = False) -> QTextEdit.ExtraSelection:
        mark = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(self.offsets[i][0])
        cursor.setPosition(self.offsets[i][1], QTextCursor.MoveMode.KeepAnchor)
        fmt = QTextCharFormat()
        back = QColor(colour)
        back.setAlpha(90)
        fmt.setBackground(back)
        fmt.setFontStrikeOut(strike)
        mark.cursor, mark.format = cursor, fmt
        return mark

    def _clicked(self) -> None:
        """A click on a word (no selection) asks to go to it; a selection is announced."""
        self.selection_changed.emit()
        t = self.transcript
        cursor = self.text.textCursor()
        if t is None or cursor.hasSelection():
            return
        pos = cursor.position()
        i = next((k for k, (s, e) in enumerate(self.offsets) if s <= pos <= e), None)
        if i is not None:
            self.seek_requested.emit(t.words[i].start_s)
