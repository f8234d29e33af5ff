"""The Speech tab beside the video: the words said on each audio track in time with playback
(the word being said is highlighted), click a word to go to it, search, select words and
mute or bleep them (once, or every time they are said), and the suggested personal details
to check. Hidden words are marked in the text. Every change is one undoable, audited plan
edit with the reason chosen in the toolbar; transcribing runs in a worker with progress and
cancel."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.audio.model_pack import configured_model
from app.core.audio.speech_plan import (
    NOT_TRANSCRIBED,
    WHOLE_TRACK,
    WORDS,
    hide_speech,
    phrase_spans,
    speaker_label,
    speaker_spans,
    suggestion_span,
)
from app.core.audio.suggestions import KINDS, Suggestion, suggest
from app.core.audio.transcript import Transcript
from app.core.audio.transcripts import audio_tracks, case_names, transcript_for
from app.core.audio.word_search import words_span
from app.core.casework import cases
from app.core.media.timecode import format_time
from app.core.people.users import resolve_actor
from app.core.redaction import plan_edits
from app.core.redaction.plan import AudioAction
from app.ui.transcript_view import TranscriptView
from app.ui.workers import Job, job_pool, quick_pool, run_op

if TYPE_CHECKING:
    from app.ui.workspace.workspace import RedactionWorkspace

HIDDEN = {AudioAction.MUTE: QColor("#e5484d"), AudioAction.BLEEP: QColor("#f76b15"),
          AudioAction.DISGUISE: QColor("#8e4ec6")}


class SpeechPanel(QWidget):
    def __init__(self, ws: RedactionWorkspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.transcripts: dict[int, Transcript] = {}
        self.suggestions: list[Suggestion] = []
        self._asked: tuple[Transcript, tuple[str, ...]] | None = None  # suggestions sought
        self.job: Job | None = None
        self.pending: tuple[float, float] | None = None  # a chosen stretch with no words
        self._kept_names: list[str] | None = None  # as kept with the open case (None: none)
        self._sent_names: list[str] | None = None  # the last names sent to be kept
        # the names as kept when last read or kept (written on the database worker, where
        # saves run in order): a save expects them, so nobody else's are dropped unseen
        self._stored_names: list[str] | None = None

        self.track = QComboBox(self)
        self.track.setAccessibleName(self.tr("Audio track"))
        self.transcribe_button = QPushButton(self.tr("Transcribe"), self)
        self.transcribe_button.setToolTip(self.tr(
            "Write down the speech on this track with the offline speech model (on this "
            "computer; nothing is sent anywhere)"))
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.names = QLineEdit(self)
        self.names.setPlaceholderText(self.tr("Names to find (comma between names)"))
        self.names.setToolTip(self.tr(
            "Names given in the case (the requester's is filled in) and any you add: they "
            "are suggested wherever they are said. Names you add are kept with the case "
            "(footage opened from a case) for its other footage; they are personal data."))
        self.view = TranscriptView(self)
        self.text = self.view.text
        self.every = QCheckBox(self.tr("Every time it is said"), self)
        self.mute_button = QPushButton(self.tr("Mute"), self)
        self.bleep_button = QPushButton(self.tr("Bleep"), self)
        self.disguise_button = QPushButton(self.tr("Disguise"), self)
        self.disguise_button.setToolTip(self.tr(
            "Lower the voice's pitch in the selected words. Not anonymisation on its own: "
            "accent, words and rhythm can still identify a speaker"))
        self.disguise_track_button = QPushButton(self.tr("Disguise the whole track"), self)
        self.disguise_track_button.setToolTip(self.disguise_button.toolTip())
        self.speaker = QComboBox(self)
        self.speaker.setAccessibleName(self.tr("Speaker"))
        self.disguise_speaker_button = QPushButton(self.tr("Disguise speaker"), self)
        self.disguise_speaker_button.setToolTip(self.tr(
            "Lower the pitch of every word of the speaker chosen (and of short answers nobody "
            "could place: Speaker ?). Speakers are told apart by their voices, as a "
            "proposal: listen first. Speech with no words goes with the speaker whose voice "
            "it is like, or with every speaker when unsure. Not anonymisation on its own"))
        self.unhide_button = QPushButton(self.tr("Unhide"), self)
        self.suggested = QListWidget(self)
        self.suggested.setWordWrap(True)
        self.suggested.setAccessibleName(self.tr("Suggested personal details"))

        top = QHBoxLayout()
        top.addWidget(self.track, 1)
        top.addWidget(self.transcribe_button)
        top.addWidget(self.cancel_button)
        hide = QGridLayout()  # three buttons a row: the panel stays narrow (1366 px screens)
        hide.addWidget(self.every, 0, 0, 1, 3)
        hide.addWidget(self.mute_button, 1, 0)
        hide.addWidget(self.bleep_button, 1, 1)
        hide.addWidget(self.disguise_button, 1, 2)
        hide.addWidget(self.unhide_button, 2, 0)
        hide.addWidget(self.disguise_track_button, 2, 1, 1, 2)
        by_speaker = QHBoxLayout()  # the list as wide as "Speaker 2", the button the rest
        self.speaker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        by_speaker.addWidget(self.speaker)
        by_speaker.addWidget(self.disguise_speaker_button, 1)
        hide.addLayout(by_speaker, 3, 0, 1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(top)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.names)
        layout.addWidget(self.view, 3)
        layout.addLayout(hide)
        layout.addWidget(QLabel(self.tr("Suggested for hiding (check each):"), self))
        layout.addWidget(self.suggested, 2)

        self.transcribe_button.clicked.connect(lambda: self.transcribe(again=False))
        self.cancel_button.clicked.connect(self.cancel)
        self.track.currentIndexChanged.connect(lambda _i: self.show_track())
        self.names.editingFinished.connect(self._names_edited)
        self.view.selection_changed.connect(self._selection_changed)
        self.view.seek_requested.connect(lambda t: self.ws.player.go_to_time(t - self.ws._t0()))
        self.mute_button.clicked.connect(lambda: self.hide_selection(AudioAction.MUTE))
        self.bleep_button.clicked.connect(lambda: self.hide_selection(AudioAction.BLEEP))
        self.disguise_button.clicked.connect(lambda: self.hide_selection(AudioAction.DISGUISE))
        self.disguise_track_button.clicked.connect(self.disguise_track)
        self.disguise_speaker_button.clicked.connect(self.disguise_speaker)
        self.unhide_button.clicked.connect(self.unhide_selection)
        self.suggested.currentRowChanged.connect(self._suggestion_chosen)
        self.set_footage_tracks(None)

    # --- what is shown -------------------------------------------------------------------

    @property
    def transcript(self) -> Transcript | None:
        return self.transcripts.get(self.track.currentIndex())

    def open_footage(self) -> None:
        """New footage: count its audio tracks and load any stored transcript (workers)."""
        self.cancel()
        self._finish()  # the old footage's job reports to nobody now: never wait for it
        self.transcripts.clear()
        self.set_footage_tracks(None)
        session = self.ws.session
        if session is None:
            return
        store, user, number = self.ws.store, self.ws.user.name, session.footage.id

        def counted(count: int) -> None:
            if self.ws.session is session:
                self.set_footage_tracks(count)
                for t in range(count):
                    self._load(t, only_stored=True)

        run_op(self, lambda: audio_tracks(store, user, number), counted,
               self.status.setText)
        case_ref = self.ws.case_ref
        self.names.clear()
        self._kept_names = self._sent_names = self._stored_names = None

        def named(names: list[str]) -> None:
            if self.ws.session is not session:
                return
            self._kept_names = self._sent_names = self._stored_names = \
                list(names) if case_ref else None
            if names:
                self.names.setText(", ".join(names))
                self.show_track()

        run_op(self, lambda: case_names(store, user, case_ref), named, self.status.setText)

    def set_footage_tracks(self, count: int | None) -> None:
        self.track.blockSignals(True)
        self.track.clear()
        for t in range(count or 0):
            self.track.addItem(self.tr("Audio track {0}").format(t + 1))
        self.track.blockSignals(False)
        has = bool(count)
        self.track.setEnabled(has)
        self.transcribe_button.setEnabled(has)
        self.cancel_button.setEnabled(False)
        if count == 0:
            self.status.setText(self.tr("No audio: this recording has no sound track."))
        elif count is None:
            self.status.setText("")
        self.show_track()

    def show_track(self) -> None:
        """Fill the text and the suggestions for the chosen track."""
        t = self.transcript
        self.pending = None
        self.suggested.clear()
        self.suggestions, self._asked = [], None
        same = t is not None and t is self.view.transcript
        self.speaker.setProperty("chosen", self.speaker.currentData() if same else None)
        self.speaker.clear()
        self.view.set_transcript(t)
        if t is None:
            if self.track.count() and self.job is None:
                self.status.setText(self.tr("Not transcribed yet: press Transcribe."))
            self.update_buttons()
            return
        self.status.setText(self.tr("{0} words, model {1}.").format(
            len(t.words), t.model.get("name", "?")))
        who, was = t.word_speakers(), self.speaker.property("chosen")
        for n in range(1, t.speaker_count() + 1):
            self.speaker.addItem(self.tr("Speaker {0}").format(n), n)
            self.speaker.setItemData(n - 1, self.tr("{0} words").format(who.count(n)),
                                     Qt.ItemDataRole.ToolTipRole)
        if was is not None and self.speaker.findData(was) >= 0:  # shown again: kept
            self.speaker.setCurrentIndex(self.speaker.findData(was))
        self._suggest(t, self._names())
        self.mark()
        self.update_buttons()

    def _suggest(self, t: Transcript, names: list[str]) -> None:
        """Find the suggestions off the UI thread (a long transcript with names to find by
        their sound takes a second or more) and list them when found, unless another
        transcript or other names are shown by then."""
        self.suggestions = []
        self.suggested.clear()
        waiting = QListWidgetItem(self.tr("Looking for personal details…"))
        waiting.setFlags(Qt.ItemFlag.NoItemFlags)
        self.suggested.addItem(waiting)
        asked = self._asked = (t, tuple(names))

        def found(suggestions: list[Suggestion]) -> None:
            if self._asked is asked:
                self._list_suggestions(t, suggestions)

        def failed(message: str) -> None:
            if self._asked is asked:
                self.suggested.clear()
                self.status.setText(message)

        run_op(self, lambda: suggest(t, names), found, failed, pool=quick_pool())

    def _list_suggestions(self, t: Transcript, suggestions: list[Suggestion]) -> None:
        self.suggested.clear()
        self.suggestions = suggestions
        placed = dict(zip(t.unheard, t.stretch_speakers(), strict=False))
        for s in suggestions:
            kind = QCoreApplication.translate("Suggestions", KINDS[s.kind])
            text = s.text or "…"
            if s.first < 0 and (s.start_s, s.end_s) in placed:  # speech with no words: whose
                text = self.tr("Speaker {0}").format(placed[(s.start_s, s.end_s)] or "?")
            row = QListWidgetItem(f"{format_time(s.start_s)[:-4]} {kind}: {text}")
            row.setToolTip(QCoreApplication.translate("Suggestions", s.why).format(
                kind=kind, cue=s.cue))
            self.suggested.addItem(row)

    def _names(self) -> list[str]:
        return [n.strip() for n in self.names.text().split(",") if n.strip()]

    def _names_edited(self) -> None:
        """Suggest with the names as typed; keep them with the open case (a worker)."""
        typed, case_ref, session = self._names(), self.ws.case_ref, self.ws.session
        if self._asked is None or self._asked[1] != tuple(typed):  # (it also fires when
            self.show_track()  # the field merely loses focus: nothing to look for again)
        if not case_ref or self._sent_names is None or typed == self._sent_names:
            return  # compared with the last sent, not the last kept: saves run in order
        self._sent_names = typed
        store, user = self.ws.store, self.ws.user.name

        def save() -> tuple[str, ...]:
            with store.transaction() as db:
                kept = cases.set_names_to_find(db, resolve_actor(db, user), case_ref, typed,
                                               expected=self._stored_names)
            self._stored_names = typed
            return kept

        def mine() -> bool:
            return self.ws.session is session and self.ws.case_ref == case_ref

        def saved(_kept: tuple[str, ...]) -> None:
            if mine():
                self._kept_names = typed
                self.status.setText(self.tr("Names to find kept with case {0}.").format(
                    case_ref))

        def failed(message: str) -> None:
            if mine():
                self._sent_names = self._kept_names  # the same names typed again: tried again
                self.status.setText(message)

        run_op(self, save, saved, failed)

    def mark(self) -> None:
        """Colour the hidden words (from the plan shown)."""
        t = self.transcript
        if t is None:
            return
        plan = self.ws.shown_plan
        marks = [(a.start_s, a.end_s, HIDDEN[a.action], a.action is not AudioAction.DISGUISE)
                 for a in plan.audio_ranges if a.on_track(t.audio_track)]
        marks += [(r.start_s, r.end_s, HIDDEN[AudioAction.MUTE], True) for r in plan.mute]
        self.view.set_marks(marks)

    def follow(self, time_s: float) -> None:
        """The playhead is at ``time_s`` (stream seconds)."""
        self.view.follow(time_s)

    def update_buttons(self) -> None:
        has_words = self.transcript is not None and self._selected_words() is not None
        for b in (self.mute_button, self.bleep_button, self.disguise_button):
            b.setEnabled(has_words or self.pending is not None)
        self.unhide_button.setEnabled(has_words)
        self.disguise_track_button.setEnabled(self.transcript is not None)
        self.speaker.setEnabled(self.speaker.count() > 0)
        self.disguise_speaker_button.setEnabled(self.speaker.count() > 0)

    # --- transcribing --------------------------------------------------------------------

    def transcribe(self, again: bool) -> None:
        if self.ws.session is None or self.job is not None or self.track.currentIndex() < 0:
            return
        self._load(self.track.currentIndex(), only_stored=False, again=again)

    def _load(self, track: int, only_stored: bool, again: bool = False) -> None:
        session = self.ws.session
        if session is None:
            return
        store, user, number = self.ws.store, self.ws.user.name, session.footage.id
        settings = self.ws.settings
        job = Job(lambda progress, cancel: transcript_for(
            store, user, number, track, model=configured_model(store, settings),
            reuse=not again, only_stored=only_stored, progress=progress, cancel=cancel))
        if not only_stored:
            self.job = job
            self.progress.setRange(0, 0)
            self.progress.setVisible(True)
            self.cancel_button.setEnabled(True)
            self.transcribe_button.setEnabled(False)
            self.status.setText(self.tr("Transcribing audio track {0}…").format(track + 1))
            job.progress.connect(self._progress)
        job.finished.connect(lambda t: self._loaded(session, job, track, t))
        job.failed.connect(lambda message, _d: self._ended(session, job, message))
        job.cancelled.connect(lambda: self._ended(session, job,
                                                  self.tr("Transcribing cancelled.")))
        job.start(job_pool())

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)

    def _loaded(self, session: object, job: Job, track: int, transcript: Transcript) -> None:
        if session is not self.ws.session:
            return
        self.transcripts[track] = transcript
        if job is self.job:  # a stored transcript of another track may arrive meanwhile
            self._finish()
        if track == self.track.currentIndex():
            self.show_track()

    def _ended(self, session: object, job: Job, message: str) -> None:
        if session is not self.ws.session or job is not self.job:
            return  # "nothing stored yet" while loading is not news
        self._finish()
        self.status.setText(message)

    def _finish(self) -> None:
        self.job = None
        self.progress.setVisible(False)
        self.cancel_button.setEnabled(False)
        self.transcribe_button.setEnabled(self.track.count() > 0)

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    # --- hiding --------------------------------------------------------------------------

    def _selected_words(self) -> tuple[int, int] | None:
        return self.view.selected_words()

    def _selection_changed(self) -> None:
        """Words selected (or a click): the buttons follow; a stretch chosen before is
        forgotten."""
        self.pending = None
        self.update_buttons()

    def hide_selection(self, action: AudioAction) -> None:
        t, chosen = self.transcript, self._selected_words()
        if t is None or (chosen is None and self.pending is None):
            return
        if chosen is None and self.pending is not None:  # speech the model wrote nothing for
            spans = [self.pending]
            label: str = NOT_TRANSCRIBED
        elif chosen is None:
            return
        else:
            first, last = chosen
            spans, label = self._spans(t, first, last), WORDS
        reason = self.ws.commands.take_reason() or ""
        plan, text = hide_speech(self.ws.plan, t, spans, action, label, reason)
        if text:
            self.ws.apply_edit(plan, text, reason)

    def disguise_speaker(self) -> None:
        """Disguise every word of the speaker chosen (told apart by voice)."""
        t, speaker = self.transcript, self.speaker.currentData()
        if t is None or speaker is None:
            return
        reason = self.ws.commands.take_reason() or ""
        plan, text = hide_speech(self.ws.plan, t, speaker_spans(t, int(speaker)),
                                 AudioAction.DISGUISE, speaker_label(int(speaker)), reason)
        if text:
            self.ws.apply_edit(plan, text, reason)

    def disguise_track(self) -> None:
        """Disguise the voice on the whole of this track."""
        t = self.transcript
        if t is None:
            return
        reason = self.ws.commands.take_reason() or ""
        plan, text = hide_speech(self.ws.plan, t, [(0.0, max(t.duration_s, 0.01))],
                                 AudioAction.DISGUISE, WHOLE_TRACK, reason)
        if text:
            self.ws.apply_edit(plan, text, reason)

    def _spans(self, t: Transcript, first: int, last: int) -> list[tuple[float, float]]:
        if self.every.isChecked():
            return phrase_spans(t, " ".join(w.text for w in t.words[first:last + 1]))
        return [words_span(t.words, first, last)]

    def unhide_selection(self) -> None:
        t, chosen = self.transcript, self._selected_words()
        if t is None or chosen is None:
            return
        start, end = t.words[chosen[0]].start_s, t.words[chosen[1]].end_s
        ids = [a.id for a in self.ws.plan.audio_ranges
               if a.on_track(t.audio_track) and a.start_s < end and a.end_s > start]
        if ids:
            self.ws.apply_edit(*plan_edits.remove_audio_ranges(self.ws.plan, ids), None)

    def _suggestion_chosen(self, row: int) -> None:
        """Select a suggestion's words (and go to them), ready for Mute or Bleep."""
        t = self.transcript
        if t is None or not 0 <= row < len(self.suggestions):
            return
        s = self.suggestions[row]
        span = suggestion_span(t, s)
        self.ws.player.go_to_time(span[0] - self.ws._t0())
        if s.first < 0:  # speech with no words: listen to it; Mute/Bleep hide that stretch
            self.pending = span
            self.update_buttons()
            return
        self.view.select_words(s.first, s.last)
        self.pending = None
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)
        self.update_buttons()
