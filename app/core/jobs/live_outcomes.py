"""What a run's workers do, told as they do it. Each worker's drain task runs many jobs and
returns their outcomes only when the queue is empty; so that the caller (``bwv worker``'s
lines and bar) hears of each job when it ends, every drain also tells each outcome on the
pool's Dask topic, naming its run (``tell``), and the run passes those on as they come
(``RunOutcomes``). At the end the drains' own lists settle it: an outcome not heard (a claim
that failed) is passed on then, and one heard but missing from every list (its drain's
worker died after telling it) is counted; none is passed on twice."""

from __future__ import annotations

import logging
import queue
import threading
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from typing import Any

log = logging.getLogger(__name__)
Outcome = tuple[str, int, str]  # worker, job id, outcome
Progress = Callable[[str, int, str], None]
Address = tuple[str, str]  # the pool's topic, the run


class RunOutcomes:
    """One run's outcomes as they are heard, passed to ``progress`` on the thread that calls
    :meth:`deliver` (the caller's, never Dask's)."""

    def __init__(self, progress: Progress | None, topic: str | None = None) -> None:
        self.run = uuid.uuid4().hex
        self.address: Address | None = (topic, self.run) if topic else None
        self._progress = progress
        self._heard: queue.SimpleQueue[Outcome] = queue.SimpleQueue()
        self._passed: Counter[Outcome] = Counter()

    def hear(self, told: Outcome) -> None:
        self._heard.put(told)

    def deliver(self) -> None:
        """Pass on the outcomes heard since the last call."""
        while True:
            try:
                told = self._heard.get_nowait()
            except queue.Empty:
                return
            self._passed[told] += 1
            self._pass_on(told)

    def settle(self, listed: Iterable[Outcome]) -> list[Outcome]:
        """The drains' own lists, at the end: pass on what was not heard; the outcomes heard
        that no list holds (for the caller to count)."""
        self.deliver()
        for told in listed:
            if self._passed[told] > 0:
                self._passed[told] -= 1
            else:
                self._pass_on(told)
        return list(self._passed.elements())

    def _pass_on(self, told: Outcome) -> None:
        if self._progress is None:
            return
        try:
            self._progress(*told)
        except Exception:  # the caller's display failed (a closed pipe): the run goes on
            log.warning("reporting job %s failed", told[1], exc_info=True)


class OutcomeTopic:
    """The Dask topic a pool listens on: one per store (``name``), so a force's scheduler,
    which keeps every topic it has seen, holds one for BWV Studio's store whatever the number
    of runs; every run's drains tell on it, each message naming its run."""

    def __init__(self, client: Any, name: str) -> None:
        self.name, self._client = f"bwv-outcomes-{name}", client
        self._runs: dict[str, RunOutcomes] = {}
        self._lock = threading.Lock()
        _quiet_resubscribing()

    def _hear(self, event: tuple[float, Any]) -> None:
        try:
            run, worker, job_id, outcome = event[1]
            told = (str(worker), int(job_id), str(outcome))
        except (TypeError, ValueError):  # not one of ours: ignored
            return
        with self._lock:
            outcomes = self._runs.get(str(run))
        if outcomes is not None:
            outcomes.hear(told)

    @contextmanager
    def run(self, progress: Progress | None) -> Iterator[RunOutcomes]:
        """A run's outcomes, heard while the context lasts."""
        outcomes = RunOutcomes(progress, self.name)
        with self._lock:
            self._runs[outcomes.run] = outcomes
        # subscribed at every run: a client that reconnected to a restarted scheduler does
        # not subscribe again by itself
        self._client.subscribe_topic(self.name, self._hear)
        try:
            yield outcomes
        finally:
            with self._lock:
                self._runs.pop(outcomes.run, None)

    def close(self) -> None:
        with suppress(Exception):  # the cluster is already gone: nothing to leave
            self._client.unsubscribe_topic(self.name)


class _Resubscribing(logging.Filter):
    """Drops Dask's note that a topic's handler is set again (each run subscribes anew)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("Handler for %s already set") or not any(
            str(arg).startswith("bwv-outcomes-") for arg in record.args or ())


_filter_lock = threading.Lock()


def _quiet_resubscribing() -> None:
    client_log = logging.getLogger("distributed.client")
    with _filter_lock:
        if not any(isinstance(f, _Resubscribing) for f in client_log.filters):
            client_log.addFilter(_Resubscribing())


def tell(address: Address | None, worker: str, job_id: int, outcome: str) -> None:
    """In a drain task: tell the run at ``address`` that ``worker`` ended job ``job_id``
    with ``outcome`` (never fails the drain: the run's final list has it anyway)."""
    if address is None:
        return
    try:
        from distributed import get_worker

        topic, run = address
        get_worker().log_event(topic, [run, worker, job_id, outcome])
    except Exception:
        log.debug("could not tell the run of job %s", job_id, exc_info=True)
