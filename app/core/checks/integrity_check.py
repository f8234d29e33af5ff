"""One integrity check of a store, for ``bwv audit verify`` and Tools > Verify integrity:
every stored value its column cannot hold (``stored_values``: text where a date belongs, a
word no enum knows; any check that meets one stops there, so each is listed first), the
hash chain (against this computer's witness), every signature and the state rebuilt
from the events (``trail_replay``), the anchors in the recorded exports' manifests and in
any folders given (``anchors``), and every recorded export re-hashed (``export.verify``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError, OperationalError

from app.core.checks import trail_replay
from app.core.errors import QT_TRANSLATE_NOOP, Cancelled, InvalidInputError, Phrase
from app.core.export.verify import ExportCheck, verify_exports
from app.core.integrity import anchors
from app.core.integrity.anchors import AnchorCheck
from app.core.library.footage import VerifyStatus
from app.core.progress import CancelToken, ProgressFn, no_progress
from app.core.store import audit
from app.core.store.checked_types import UnreadableValueError
from app.core.store.database import Store
from app.core.store.models import ExportRecord
from app.core.store.stored_values import StoredValuesReport, unreadable_values

log = logging.getLogger(__name__)
T = TypeVar("T")
# The checks, as a report names one that stopped at a value it could not read.
CHAIN = QT_TRANSLATE_NOOP("CoreMessages", "the hash chain")
REPLAY = QT_TRANSLATE_NOOP("CoreMessages", "the state rebuilt from the audit trail")
ANCHORS = QT_TRANSLATE_NOOP("CoreMessages", "the anchors")
EXPORTS = QT_TRANSLATE_NOOP("CoreMessages", "the recorded exports")
# Why a check stopped, where the store could not be reached (``lost_connection``).
LOST = QT_TRANSLATE_NOOP("CoreMessages", "the connection to the store was lost")


@dataclass
class IntegrityReport:
    chain: audit.ChainReport
    replay: trail_replay.ReplayReport
    anchors: list[AnchorCheck] = field(default_factory=list)
    exports: list[ExportCheck] = field(default_factory=list)
    values: StoredValuesReport = field(default_factory=lambda: StoredValuesReport([], 0))
    # The checks that failed part-way (on a value they could not read, or otherwise), with
    # what stopped them; their part of the report is empty.
    stopped: dict[Phrase, Exception] = field(default_factory=dict)

    @property
    def broken_exports(self) -> list[ExportCheck]:
        return [c for c in self.exports
                if c.status in (VerifyStatus.CHANGED, VerifyStatus.UNREADABLE)]

    @property
    def ok(self) -> bool:
        return (self.values.ok and not self.stopped and self.chain.ok and self.replay.ok
                and all(c.ok for c in self.anchors) and not self.broken_exports)

    @property
    def unreached(self) -> list[Phrase]:
        """The checks that stopped because the store could not be reached part-way."""
        return [name for name, exc in self.stopped.items() if lost_connection(exc)]

    @property
    def interrupted(self) -> bool:
        """Not intact only because the store could not be reached part-way: every check
        that stopped stopped so, and the checks that finished found nothing changed (what a
        stopped check had found before it stopped is not known). Not a finding of
        tampering: the check must be run again."""
        return (bool(self.stopped) and len(self.unreached) == len(self.stopped)
                and self.values.ok and (CHAIN in self.stopped or self.chain.ok)
                and (REPLAY in self.stopped or self.replay.ok)
                and all(c.ok for c in self.anchors) and not self.broken_exports)


def lost_connection(exc: BaseException) -> bool:
    """Whether ``exc`` says the store could not be reached (the connection dropped, the
    server went away, shut down or refused it), not what is in it: SQLAlchemy's own verdict
    that the connection is gone, or a PostgreSQL error of class 08 (connection exception) or
    57P01-57P03 (the server shutting down or not yet up), or one the driver raised itself
    with no SQL state (the server could not be reached; psycopg 3 also gives a password
    refused while connecting none). PostgreSQL's other operational errors (a statement
    timeout, a lock, a deadlock, a full disk, a missing data file) and SQLite's (a missing
    table, an unreadable file) stay findings."""
    if not isinstance(exc, DBAPIError):
        return False
    if exc.connection_invalidated:
        return True
    orig = exc.orig
    if not isinstance(exc, OperationalError) or \
            type(orig).__module__.split(".")[0] not in ("psycopg", "psycopg2"):
        return False
    state = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    return state is None or str(state).startswith("08") or state in _SHUT_DOWN


_SHUT_DOWN = ("57P01", "57P02", "57P03")  # admin, crash or cannot-connect-now shutdowns


def check_anchors(store: Store, folders: Sequence[Path]) -> list[AnchorCheck]:
    """The anchors in the recorded exports' manifests, and everything in each folder."""
    with store.read() as session:
        manifests = {Path(p) for p in session.scalars(select(ExportRecord.manifest_path))}
        checks = [anchors.check_anchor(session, store.store_id, str(path), anchor)
                  for path in sorted(manifests) if path.is_file()
                  for _source, anchor in anchors.find_anchors_in_file(path)]
        for folder in folders:
            checks += anchors.check_folder(session, store.store_id, folder)
    return checks


def check_store(store: Store, folders: Sequence[Path] = (), *,
                before: audit.WitnessState | None = None,
                progress: ProgressFn = no_progress, cancel: CancelToken | None = None,
                on_file: Callable[[str], None] | None = None,
                walk: ProgressFn = no_progress) -> IntegrityReport:
    """Every check, in order of cost. ``before``: the witness as it was before this command
    signed in (``audit.witness_state``); ``walk`` counts the events of the chain checked,
    ``progress`` the bytes of exports hashed; ``cancel`` stops either."""
    folders = list(folders)
    for folder in folders:  # before any long work
        if not folder.is_dir():
            raise InvalidInputError(QT_TRANSLATE_NOOP(
                "CoreMessages", "{folder}: no such folder to read anchors from."),
                folder=folder)
    values = unreadable_values(store, cancel)
    stopped: dict[Phrase, Exception] = {}

    def stage(name: Phrase, work: Callable[[], T], instead: T) -> T:
        """``work``'s result; where it fails (a value it cannot read, which the first look
        lists; a path that is bytes, text that is not UTF-8), ``instead``, and the check
        is named as stopped, with why: the report, not an internal error, says what was not
        checked."""
        try:
            return work()
        except Cancelled:
            raise
        except Exception as exc:
            if not isinstance(exc, UnreadableValueError):
                log.exception("%s stopped", name)
            stopped[name] = exc
            return instead

    def replay() -> trail_replay.ReplayReport:
        with store.read() as session:
            return trail_replay.replay(session, cancel)

    return IntegrityReport(
        stage(CHAIN, lambda: audit.verify(store, before, walk, cancel),
              audit.ChainReport(0, "", problem="not checked", kind="unreadable")),
        stage(REPLAY, replay, trail_replay.ReplayReport()),
        stage(ANCHORS, lambda: check_anchors(store, folders), []),
        stage(EXPORTS, lambda: verify_exports(store, cancel, progress, on_file), []),
        values, stopped)
