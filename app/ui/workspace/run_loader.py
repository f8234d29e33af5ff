"""The workspace's background work about the open footage: detection (or loading a stored
run) with progress and cancel, and the jobs beside it (waveform, track thumbnails, following
a box), all cancelled when other footage opens."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from app.core.analysis import Analysis, analyse
from app.core.errors import NotFoundError
from app.core.media.timecode import format_time
from app.core.progress import CancelToken, ProgressFn
from app.core.redaction.session import RedactionSession
from app.core.redaction.shown_run import ShownRun, work_out
from app.core.tracking.thumbnails import track_thumbnails
from app.core.tracking.tracker import Track
from app.ui.workers import Job, db_pool, job_pool

if TYPE_CHECKING:
    from app.ui.workspace.workspace import RedactionWorkspace


def _signature(run_key: str, track: Track) -> tuple[str, int, int, int]:
    """What a thumbnail was made of: the run and the track's extent."""
    return (run_key, track.first_frame, track.last_frame, len(track.keyframes))


class RunLoader(QObject):
    def __init__(self, workspace: RedactionWorkspace) -> None:
        super().__init__(workspace)
        self.ws = workspace
        self.detect_job: Job | None = None
        self.side_jobs: list[Job] = []
        self.thumbnails: dict[int, bytes] = {}
        self.thumb_for: dict[int, tuple[str, int, int, int]] = {}  # what each one shows

    def side_job(self, fn: Callable[[ProgressFn, CancelToken], object]) -> Job:
        """A background job about the open footage, cancelled when other footage opens."""
        job = Job(fn)
        self.side_jobs.append(job)
        job.finished.connect(lambda _r: self.side_jobs.remove(job))
        job.failed.connect(lambda _m, _d: self.side_jobs.remove(job))
        job.cancelled.connect(lambda: self.side_jobs.remove(job))
        return job

    def load_saved(self, session: RedactionSession) -> None:
        """Read the footage's saved plan off the UI thread; the workspace starts from it (on
        opening, and after a refused save: the stored plan is shown again, never an edit
        that was not kept)."""
        ws = self.ws
        job = Job(lambda _p, _c: session.read_saved(ws.store))
        job.finished.connect(lambda saved: ws.on_plan_loaded(session, *saved))
        job.failed.connect(lambda message, _d: ws.failed.emit(message))
        job.start(db_pool())

    def cancel_detection(self) -> None:
        if self.detect_job is not None:
            self.detect_job.cancel()

    def cancel_all(self) -> None:
        """Other footage opens: stop everything about this one, forget its pictures."""
        self.cancel_detection()
        for job in self.side_jobs:
            job.cancel()
        self.thumbnails, self.thumb_for = {}, {}

    # --- detection -----------------------------------------------------------------------

    def detect(self, session: RedactionSession, preset: str, only_stored: bool) -> None:
        """Detect and track in a worker (``only_stored``: load a stored run, never detect);
        the workspace shows the outcome (``show_run``)."""
        if self.detect_job is not None:
            return
        ws = self.ws
        store, user, footage_id = ws.store, ws.user.name, session.footage.id
        started = time.monotonic()

        def work(progress: ProgressFn,
                 cancel: CancelToken) -> tuple[Analysis | None, ShownRun | None, bool]:
            try:
                analysis = analyse(store, user, footage_id, preset, cancel=cancel,
                                   stage=lambda _name, done, total: progress(done, total),
                                   only_stored=only_stored)
            except NotFoundError:
                if only_stored:  # and was it detected by an earlier version?
                    return None, None, session.made_on_older_detector(store)
                raise
            if cancel.cancelled:  # other footage is being opened: its load waits for this
                return analysis, None, False
            # the run under the plan as it is now, here and not on the UI thread (seconds
            # on a long, crowded run); an edit made meanwhile is worked out there
            return analysis, work_out(analysis, session.plan), False

        job = self.detect_job = Job(work)
        job.progress.connect(lambda done, total: self._on_progress(done, total, started))
        job.finished.connect(lambda found: self._on_analysis(session, *found))
        job.failed.connect(lambda message, _d: self._ended(session, message, True))
        job.cancelled.connect(lambda: self._ended(
            session, self.tr("Detection cancelled; nothing was stored."), False))
        ws.controls.progress.setVisible(not only_stored)
        ws.controls.progress.setRange(0, 0)
        ws.controls.status.setText(self.tr("Loading stored detections…") if only_stored
                                   else self.tr("Detecting faces ({0})…").format(preset))
        ws.update_buttons()
        job.start(job_pool())

    def _on_progress(self, done: int, total: int, started: float) -> None:
        bar = self.ws.controls.progress
        bar.setRange(0, max(total, 1))
        bar.setValue(done)
        elapsed = max(time.monotonic() - started, 1e-3)
        rate = done / elapsed
        eta = (total - done) / rate if rate > 0 else 0.0
        self.ws.controls.status.setText(self.tr(
            "Detecting faces: frame {0} / {1}, {2:.1f} frames/s, about {3} left").format(
            done, total, rate, format_time(eta)[:-4]))

    def _ended(self, session: RedactionSession, message: str, error: bool) -> None:
        self.detect_job = None
        ws = self.ws
        ws.controls.progress.setVisible(False)
        if session is not ws.session:  # other footage was opened meanwhile: load its run
            ws.detect(only_stored=True)
            return
        ws.controls.status.setText(message)
        if error:
            ws.failed.emit(message)
        ws.update_buttons()
        ws.ready.emit()

    def _on_analysis(self, session: RedactionSession, analysis: Analysis | None,
                     worked_out: ShownRun | None, older: bool) -> None:
        self.detect_job = None
        self.ws.controls.progress.setVisible(False)
        self.ws.show_run(session, analysis, worked_out, older)

    # --- thumbnails ----------------------------------------------------------------------

    def load_thumbnails(self, session: RedactionSession) -> None:
        """Pictures of the tracks whose extent changed (never another person's picture
        under a number that now means someone else)."""
        analysis = session.analysis
        if analysis is None:
            return
        run = analysis.run_key
        shown = {t.id for t in session.tracks}
        for gone in [i for i in self.thumb_for if i not in shown]:  # another run's numbers
            del self.thumb_for[gone]
            self.thumbnails.pop(gone, None)
        tracks = [t for t in session.tracks if self.thumb_for.get(t.id) != _signature(run, t)]
        if not tracks:
            return
        wanted = {t.id: _signature(run, t) for t in tracks}
        for t in tracks:
            self.thumbnails.pop(t.id, None)
            self.thumb_for[t.id] = wanted[t.id]
        job = self.side_job(lambda _p, cancel: track_thumbnails(
            analysis.source, tracks, analysis.rotation, cancel=cancel))
        job.finished.connect(lambda thumbs: self._on_thumbnails(session, thumbs, wanted))
        job.failed.connect(lambda message, _d: self.ws.controls.status.setText(message))
        job.start(job_pool())

    def _on_thumbnails(self, session: RedactionSession, thumbs: dict[int, bytes],
                       wanted: dict[int, tuple[str, int, int, int]]) -> None:
        if session is self.ws.session:  # only pictures of the tracks as they still are
            self.thumbnails.update({i: jpeg for i, jpeg in thumbs.items()
                                    if self.thumb_for.get(i) == wanted.get(i)})
            self.ws.refresh_views()
