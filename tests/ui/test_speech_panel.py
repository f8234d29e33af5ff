"""The Speech tab in a real window: transcribe in the background, follow the playhead, hide a
suggested detail with one click and a phrase every time it is said, undo, and the clear
state of a recording with no sound."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.core.store.database import Store
from app.core.store.models import AuditEvent
from app.ui.workspace import speech_panel
from tests.speech_media import make_spoken_clip, spoken_track
from tests.ui.test_workspace import _open


def _wait_words(qtbot: QtBot, panel: object) -> None:
    qtbot.waitUntil(lambda: panel.transcript is not None, timeout=60_000)  # type: ignore[attr-defined]


def _wait_suggestions(qtbot: QtBot, panel: object) -> list[str]:
    """The suggestions' rows once found (they are looked for off the UI thread)."""
    qtbot.waitUntil(lambda: panel._asked is None or (  # type: ignore[attr-defined]
        panel.suggested.count() and  # type: ignore[attr-defined]
        panel.suggested.item(0).flags() != Qt.ItemFlag.NoItemFlags),  # type: ignore[attr-defined]
        timeout=20_000)
    return [panel.suggested.item(i).text()  # type: ignore[attr-defined]
            for i in range(panel.suggested.count())]  # type: ignore[attr-defined]


def test_transcribe_find_and_bleep_then_undo(qtbot: QtBot, store: Store, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    samples, times = spoken_track(["The van was parked by the school.",
                                   "My postcode is SW1A 2AA.",
                                   "The school gates were open."])
    clip = make_spoken_clip(tmp_path / "speech.mp4", [samples])
    _win, ws, problems = _open(qtbot, store, clip)
    panel = ws.speech_panel
    on_ui_thread: list[bool] = []  # where the suggestions are looked for
    real = speech_panel.suggest

    def suggest(*args: Any, **kwargs: Any) -> Any:
        on_ui_thread.append(threading.current_thread() is threading.main_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(speech_panel, "suggest", suggest)
    ws.side_tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.track.count() == 1, timeout=20_000)
    assert "Not transcribed yet" in panel.status.text()
    qtbot.mouseClick(panel.transcribe_button, Qt.MouseButton.LeftButton)
    assert panel.cancel_button.isEnabled() and not panel.transcribe_button.isEnabled()
    _wait_words(qtbot, panel)
    text = panel.text.toPlainText().lower()
    assert "school" in text and "words, model" in panel.status.text()
    assert not panel.cancel_button.isEnabled()

    # the playhead in the middle of the first sentence highlights a word of it
    panel.follow((times[0][0] + times[0][1]) / 2)
    assert panel.view.now_word >= 0
    word = panel.transcript.words[panel.view.now_word]
    assert times[0][0] - 0.2 <= word.start_s <= times[0][1]

    # a suggestion: choose it, press Bleep: one edit, audited, marked in the text
    rows = _wait_suggestions(qtbot, panel)
    assert on_ui_thread and not any(on_ui_thread)  # a long transcript takes seconds
    postcode = next(i for i, r in enumerate(rows) if "postcode" in r)
    panel.suggested.setCurrentRow(postcode)
    assert panel.bleep_button.isEnabled()
    qtbot.mouseClick(panel.bleep_button, Qt.MouseButton.LeftButton)
    (hidden,) = ws.plan.audio_ranges
    assert hidden.action.value == "bleep" and hidden.track == 0
    assert times[1][0] - 0.3 < hidden.start_s and hidden.end_s < times[1][1] + 0.3
    assert any(len(m.cursor.selectedText()) and m.format.fontStrikeOut()
               for m in panel.text.extraSelections())

    def edits() -> list[str]:
        with store.read() as session:
            return [e.details for e in session.scalars(
                select(AuditEvent).where(AuditEvent.action == "plan.save"))]

    qtbot.waitUntil(lambda: any("bleep 1 audio range" in d for d in edits()), timeout=10_000)

    # a phrase every time it is said: "school" twice, one edit
    start = panel.text.toPlainText().lower().index("school")
    cursor = panel.text.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len("school"), cursor.MoveMode.KeepAnchor)
    panel.text.setTextCursor(cursor)
    panel.every.setChecked(True)
    qtbot.mouseClick(panel.mute_button, Qt.MouseButton.LeftButton)
    muted = [a for a in ws.plan.audio_ranges if a.action.value == "mute"]
    assert len(muted) == 2
    ws.undo_stack.undo()
    assert len(ws.plan.audio_ranges) == 1
    ws.undo_stack.undo()
    assert ws.plan.audio_ranges == ()

    # transcribing, then the footage is opened again (or other footage): never stuck
    panel.transcribe(again=True)
    assert panel.job is not None
    panel.open_footage()
    assert panel.job is None
    qtbot.waitUntil(lambda: panel.transcribe_button.isEnabled(), timeout=20_000)
    assert not problems


def test_a_recording_without_sound_says_so(qtbot: QtBot, store: Store,
                                           tmp_path: Path) -> None:
    clip = make_spoken_clip(tmp_path / "silent.mp4", [])
    _win, ws, _problems = _open(qtbot, store, clip)
    panel = ws.speech_panel
    qtbot.waitUntil(lambda: "No audio" in panel.status.text(), timeout=20_000)
    assert not panel.transcribe_button.isEnabled() and panel.track.count() == 0


def test_the_review_tab_shows_what_was_said_and_goes_to_a_word(qtbot: QtBot, store: Store,
                                                               tmp_path: Path) -> None:
    from app.core.audio.transcripts import transcript_for

    samples, times = spoken_track(["Nothing to report here.", "The blue van left early."])
    clip = make_spoken_clip(tmp_path / "said.mp4", [samples])
    win, _ws, _problems = _open(qtbot, store, clip)
    transcript = transcript_for(store, "tester", 1)  # as the Speech tab or bwv would
    win.centre.setCurrentWidget(win.footage_view)  # back to Review: the panel reloads
    panel = win.review_speech
    qtbot.waitUntil(lambda: panel.view.transcript is not None, timeout=20_000)
    assert "left" in panel.view.text.toPlainText().lower()
    left = next(i for i, w in enumerate(transcript.words) if "left" in w.text.lower())
    cursor = panel.view.text.textCursor()
    cursor.setPosition(panel.view.offsets[left][0] + 1)
    panel.view.text.setTextCursor(cursor)  # a click on the word
    qtbot.waitUntil(lambda: abs(win.player.reader.time_of(win.player.current_index)
                                - transcript.words[left].start_s) < 0.15, timeout=5_000)
    assert times[1][0] - 0.2 < transcript.words[left].start_s < times[1][1]
    panel.follow(transcript.words[left].start_s + 0.01)
    assert panel.view.now_word == left


def test_names_typed_are_kept_with_the_case(qtbot: QtBot, store: Store,
                                           tmp_path: Path) -> None:
    """Issue 18, item 3: names an officer types are kept with the case the footage was
    opened from and filled in again next time, after the requester's; footage opened
    outside a case keeps nothing."""
    from app.core.audio.transcripts import case_names
    from app.core.casework import cases
    from app.core.people.users import resolve_actor

    clip = make_spoken_clip(tmp_path / "silent.mp4", [])
    _win, ws, problems = _open(qtbot, store, clip)
    footage = ws.footage
    assert footage is not None
    with store.transaction() as session:
        actor = resolve_actor(session, "tester")
        cases.create_case(session, actor, "SAR-5", "subject_access")
        cases.set_requester(session, actor, "SAR-5", name="Ann Example")
        cases.link_footage(session, actor, "SAR-5", footage.id)
    panel = ws.speech_panel
    ws.open_footage(footage, "SAR-5")
    qtbot.waitUntil(lambda: panel.names.text() == "Ann Example", timeout=10_000)
    panel.names.setText("Ann Example, Bob Witness")
    panel.names.editingFinished.emit()
    qtbot.waitUntil(lambda: case_names(store, "tester", "SAR-5")
                    == ["Ann Example", "Bob Witness"], timeout=10_000)
    qtbot.waitUntil(lambda: "kept with case SAR-5" in panel.status.text(), timeout=5_000)
    panel.names.setText("Ann Example, Bob Witness, Cy Third")  # a name added ...
    panel.names.editingFinished.emit()
    panel.names.setText("Ann Example, Bob Witness")  # ... and taken out before it is kept
    panel.names.editingFinished.emit()
    qtbot.wait(300)
    qtbot.waitUntil(lambda: case_names(store, "tester", "SAR-5")
                    == ["Ann Example", "Bob Witness"], timeout=10_000)
    ws.open_footage(footage)  # outside the case: nothing filled in, nothing kept
    assert panel.names.text() == ""
    panel.names.setText("Someone Else")
    panel.names.editingFinished.emit()
    ws.open_footage(footage, "SAR-5")
    qtbot.waitUntil(lambda: panel.names.text() == "Ann Example, Bob Witness",
                    timeout=10_000)
    assert case_names(store, "tester", "SAR-5") == ["Ann Example", "Bob Witness"]
    assert not problems


def test_disguise_a_speaker_told_apart_by_voice(qtbot: QtBot, store: Store,
                                                tmp_path: Path) -> None:
    """Two voices take turns: the text shows each turn under its speaker, and "Disguise
    speaker" disguises the chosen speaker's turns, one undoable edit."""
    from tests.core.test_speakers import _conversation

    clip, said_by = _conversation(tmp_path, ["en-gb", "en-us+f3"])
    _win, ws, _problems = _open(qtbot, store, clip)
    panel = ws.speech_panel
    ws.side_tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.track.count() == 1, timeout=20_000)
    qtbot.mouseClick(panel.transcribe_button, Qt.MouseButton.LeftButton)
    _wait_words(qtbot, panel)
    assert panel.speaker.count() == 2 and panel.disguise_speaker_button.isEnabled()
    text = panel.text.toPlainText()
    assert text.startswith("Speaker 1:") and text.count("Speaker 2:") == 3
    # a click on a word still finds that word after the speaker lines
    last = len(panel.transcript.words) - 1
    panel.view.select_words(last, last)
    assert panel.view.selected_words() == (last, last)
    panel.speaker.setCurrentIndex(1)
    panel.names.setText("Nobody")  # names typed: the text is shown again, the choice kept
    panel.names.editingFinished.emit()
    assert panel.speaker.currentData() == 2
    qtbot.mouseClick(panel.disguise_speaker_button, Qt.MouseButton.LeftButton)
    ranges = ws.plan.audio_ranges
    assert len(ranges) == 3 and all(r.action.value == "disguise" for r in ranges)
    for a, b, who in said_by:
        assert any(r.start_s <= a + 0.3 and r.end_s >= b - 0.3 for r in ranges) == (who == 1)
    ws.undo_stack.undo()
    qtbot.waitUntil(lambda: not ws.plan.audio_ranges, timeout=10_000)
    # speech with no words is listed with the speaker it was placed with ("?" if none)
    t = panel.transcript
    t.unheard, t.unheard_speakers = [(0.05, 0.4), (0.45, 0.5)], [2, 0]
    panel.show_track()
    rows = _wait_suggestions(qtbot, panel)
    assert any(r.endswith("speech not transcribed: Speaker 2") for r in rows), rows
    assert any(r.endswith("speech not transcribed: Speaker ?") for r in rows), rows
