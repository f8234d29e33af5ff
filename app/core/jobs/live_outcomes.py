"""What a run's workers do, told as they do it. Each worker's drain task runs many jobs and
returns their outcomes only when the queue is empty; so that the caller (``bwv worker``'s
lines and bar) hears of each job when it ends, every drain also tells each outcome on a
Dask topic of the run's own (``tell``), and the run passes those on as they come
(``LiveOutcomes``). At the end the drains' own lists settle it: an outcome not heard (a
message lost with a dying worker, a claim that failed) is passed on then, none twice."""

from __future__ import annotations

import logging
import queue
import uuid
from collections import Counter
from collections.abc import Callable, Iterable
from contextlib import suppress
from typing import Any

log = logging.getLogger(__name__)
Outcome = tuple[str, int, str]  # worker, job id, outcome
Progress = Callable[[str, int, str], None]


class LiveOutcomes:
    """A run's topic, and its outcomes as they come, passed to ``progress`` on the thread
    that calls :meth:`deliver` (the caller's, never Dask's)."""

    def __init__(self, client: Any, progress: Progress | None) -> None:
        self._client, self._progress = client, progress
        self._heard: queue.SimpleQueue[Outcome] = queue.SimpleQueue()
        self._passed: Counter[Outcome] = Counter()
        self.topic: str | None = None
        if progress is not None:
            self.topic = f"bwv-outcomes-{uuid.uuid4().hex}"
            client.subscribe_topic(self.topic, self._hear)

    def _hear(self, event: tuple[float, Any]) -> None:
        with suppress(TypeError, ValueError):  # not one of ours: ignored
            worker, job_id, outcome = event[1]
            self._heard.put((str(worker), int(job_id), str(outcome)))

    def deliver(self) -> None:
        """Pass on the outcomes heard since the last call."""
        while self._progress is not None:
            try:
                told = self._heard.get_nowait()
            except queue.Empty:
                return
            self._passed[told] += 1
            self._progress(*told)

    def settle(self, outcomes: Iterable[Outcome]) -> None:
        """The drains' own lists, at the end: pass on what was not heard."""
        self.deliver()
        for told in outcomes:
            if self._passed[told] > 0:
                self._passed[told] -= 1
            elif self._progress is not None:
                self._progress(*told)

    def close(self) -> None:
        if self.topic is not None:
            with suppress(Exception):  # the cluster is already gone: nothing to leave
                self._client.unsubscribe_topic(self.topic)
            self.topic = None


def tell(topic: str | None, worker: str, job_id: int, outcome: str) -> None:
    """In a drain task: tell the run that ``worker`` ended job ``job_id`` with ``outcome``
    (never fails the drain: the run's final list has it anyway)."""
    if topic is None:
        return
    try:
        from distributed import get_worker

        get_worker().log_event(topic, [worker, job_id, outcome])
    except Exception:
        log.debug("could not tell the run of job %s", job_id, exc_info=True)
