"""Queueing many jobs without holding the store: the items checked first, then queued a part at
a time, each part its own transaction.

Queueing writes a job row and an audit event per item, and every audit event waits for the
chain's one lock (SQLite: the whole store's write lock). Queued in one transaction, a batch
held it for about 1.2 ms an item (2,000 items 2.4 s on SQLite; 12,000 items 33 s on
PostgreSQL): a worker saving an hour's detection, an officer adding a flag or a second batch
had to wait that long, and on SQLite were refused after ``BUSY_TIMEOUT_MS``. A part of
``audit.PART`` items holds it a quarter of a second or so, and the others take their turn
between parts.

Every item is checked before the first part is queued (present, not deleted, in the case a
working copy is for; the caller allowed to queue), so a bad item refuses the whole request
with nothing queued (one changed by someone else meanwhile refuses its own part). An
interruption between parts (Ctrl+C, a cancel, the store busy for a part) leaves the parts
already queued: each job is whole and audited, the busy store's message says how many items
were done, and asking again queues the rest (items whose job is still open are skipped as
"already queued"; without ``once``, one whose job has finished meanwhile gets another).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.exc import DBAPIError

from app.core.errors import QT_TRANSLATE_NOOP, StoreBusyError
from app.core.jobs.queue import JobKind, check_queueing, queue_jobs
from app.core.people.users import resolve_actor
from app.core.progress import CancelToken, ProgressFn, no_progress
from app.core.store import audit
from app.core.store.database import Store, store_busy

PARTLY_QUEUED = QT_TRANSLATE_NOOP(
    "CoreMessages", "The store became busy (another program or window was writing to it) "
    "after {done} of {total} items: their jobs are queued, the rest are not. Ask again in a "
    "moment: items whose job is still queued or running are skipped, but one whose job has "
    "finished meanwhile is queued again.")


def queue_in_parts(store: Store, actor_name: str, footage_keys: Sequence[str | int],
                   kind: JobKind, preset: str = "", *, once: bool = False,
                   options: dict[str, Any] | None = None, progress: ProgressFn = no_progress,
                   cancel: CancelToken | None = None, part: int | None = None) -> list[int]:
    """``queue_jobs`` for every item of ``footage_keys``, ``part`` items (default
    ``audit.PART``) a transaction, after checking them all; the new jobs' ids.
    ``progress(items done, items)`` after each part."""
    keys, size = list(footage_keys), max(1, part or audit.PART)
    with store.read() as session:
        check_queueing(session, resolve_actor(session, actor_name), keys, kind, options)
    made: list[int] = []
    progress(0, len(keys))
    for start in range(0, len(keys), size):
        if cancel is not None:
            cancel.check()
        try:
            with store.transaction() as session:
                made += queue_jobs(session, resolve_actor(session, actor_name),
                                   keys[start:start + size], kind, preset, once, options)
        except DBAPIError as exc:
            if start and store_busy(exc):  # not "nothing saved": the parts before are
                raise StoreBusyError(PARTLY_QUEUED, done=start, total=len(keys)) from exc
            raise
        progress(min(start + size, len(keys)), len(keys))
    return made
