"""The Review tab's Speech panel: what was said on each audio track of the footage shown, in
time with playback, searchable, a click on a word goes there. Read only: it shows the stored
transcripts (made in the Redact tab's Speech tab or by ``bwv transcribe``)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from app.core.audio.model_pack import configured_model
from app.core.audio.transcript import Transcript
from app.core.audio.transcripts import audio_tracks, transcript_for
from app.core.errors import NotFoundError
from app.core.settings import Settings
from app.core.store.database import Store
from app.core.views.records import FootageRecord
from app.ui.signed_in import SignedIn
from app.ui.transcript_view import TranscriptView
from app.ui.workers import run_op


class ReviewSpeech(QWidget):
    seek_requested = Signal(float)  # stream seconds

    def __init__(self, store: Store, settings: Settings, user: SignedIn,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.settings, self.user = store, settings, user
        self.footage: FootageRecord | None = None
        self.transcripts: dict[int, Transcript | None] = {}
        self.track = QComboBox(self)
        self.track.setAccessibleName(self.tr("Audio track"))
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.view = TranscriptView(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.track)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        self.track.currentIndexChanged.connect(lambda _i: self._show())
        self.view.seek_requested.connect(self.seek_requested)

    def show_footage(self, footage: FootageRecord | None) -> None:
        """Load the stored transcripts of ``footage`` (in the background)."""
        self.footage = footage
        self.transcripts = {}
        self.track.blockSignals(True)
        self.track.clear()
        self.track.blockSignals(False)
        self.view.set_transcript(None)
        self.status.setText("")
        if footage is None:
            return
        store, settings, user = self.store, self.settings, self.user.name

        def load() -> dict[int, Transcript | None]:
            found: dict[int, Transcript | None] = {}
            model = configured_model(store, settings)
            for t in range(audio_tracks(store, user, footage.id)):
                try:
                    found[t] = transcript_for(store, user, footage.id, t, model=model,
                                              only_stored=True)
                except NotFoundError:
                    found[t] = None
            return found

        def done(found: dict[int, Transcript | None]) -> None:
            if self.footage is not footage:
                return
            self.transcripts = found
            self.track.blockSignals(True)
            for t in found:
                self.track.addItem(self.tr("Audio track {0}").format(t + 1))
            self.track.blockSignals(False)
            self._show()

        run_op(self, load, done, self.status.setText)

    def follow(self, time_s: float) -> None:
        self.view.follow(time_s)

    def _show(self) -> None:
        if not self.transcripts:
            self.status.setText(self.tr("No audio: this recording has no sound track."))
            self.view.set_transcript(None)
            return
        t = self.transcripts.get(self.track.currentIndex())
        self.view.set_transcript(t)
        self.status.setText(
            self.tr("Not transcribed yet: transcribe it in the Redact tab's Speech tab.")
            if t is None else self.tr("{0} words, model {1}.").format(
                len(t.words), t.model.get("name", "?")))
