"""The transcript as the video plays: the word being said moves without the marks and finds
being made again (on a 7,000-word transcript with the whole track disguised that took
130 ms of the UI thread at every word, 211 ms with a search), and a view out of sight
draws the word being said when it is shown."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from app.core.audio.transcript import Transcript, Word
from app.ui.transcript_view import NOW, TranscriptView


def _now_marked(view: TranscriptView) -> list[str]:
    """The words highlighted in the colour of the word being said."""
    text = view.text.toPlainText()
    return [text[s.cursor.selectionStart():s.cursor.selectionEnd()]
            for s in view.text.extraSelections()
            if s.format.background().color().rgb() == NOW.rgb()]


def test_the_word_being_said_moves_without_the_marks_made_again(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    words = [Word(text, 0.5 * i, 0.5 * i + 0.4) for i, text in
             enumerate(["the", "officer", "said", "Smith", "lives", "at", "number", "nine"])]
    transcript = Transcript(0, words, duration_s=5.0)
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    view = TranscriptView()
    tabs.addTab(view, "Speech")
    tabs.addTab(QWidget(), "Other")
    tabs.show()
    view.set_transcript(transcript)
    view.set_marks([(1.5, 1.9, QColor("red"), True)])  # "Smith" muted
    view.search.setText("number")
    fixed = len(view.text.extraSelections())
    assert fixed == 2
    looked: list[tuple[float, float]] = []
    between = Transcript.words_between
    monkeypatch.setattr(Transcript, "words_between",
                        lambda self, a, b: looked.append((a, b)) or between(self, a, b))
    view.follow(0.6)
    assert _now_marked(view) == ["officer"] and len(view.text.extraSelections()) == fixed + 1
    view.follow(1.1)
    assert _now_marked(view) == ["said"] and looked == []  # the marks were not made again
    tabs.setCurrentIndex(1)  # out of sight: nothing drawn as it plays
    view.follow(3.1)
    assert _now_marked(view) == ["said"]  # not drawn yet
    tabs.setCurrentIndex(0)
    assert _now_marked(view) == ["number"]  # drawn when shown
    assert len(view.text.extraSelections()) == fixed + 1 and looked == []
