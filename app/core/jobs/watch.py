"""Watch folders: new video files in a docking-station share are ingested unattended (hashed,
probed, linked to the rule's case) and, if the rule says so, queued for detection or
transcription, so the work is done when an officer opens the footage.

A file is read only once it has stopped changing: its size and modification time must be
the same for ``SETTLE_S`` seconds (measured across scans), so a file still being copied is
never half-read. Hidden files and names a copy in progress uses (``.part``, ``.tmp``,
``.partial``, ``~``) are skipped. Files already in the store are left alone (their SHA-256
matches), so a folder can be scanned for ever.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from app.core.case_state.status import get_case
from app.core.errors import QT_TRANSLATE_NOOP, InvalidInputError, StoreBusyError
from app.core.jobs.bulk_queue import queue_in_parts
from app.core.jobs.queue import kind_of
from app.core.library.ingest import VIDEO_SUFFIXES, IngestResult, IngestStatus, ingest_paths
from app.core.people.users import resolve_actor
from app.core.policy.store_policy import load_policy, set_policy
from app.core.store.database import Store, store_busy
from app.core.store.models import User

log = logging.getLogger(__name__)
SETTLE_S = 30.0
IN_PROGRESS = (".part", ".tmp", ".partial", ".crdownload", "~")


@dataclass(frozen=True)
class WatchRule:
    folder: Path
    case_ref: str = ""
    kind: str = ""  # "", "detect" or "transcribe"

    def encoded(self) -> str:
        return f"{self.folder}\t{self.case_ref}\t{self.kind}"

    @classmethod
    def decoded(cls, text: str) -> WatchRule:
        folder, case_ref, kind = [*text.split("\t"), "", ""][:3]
        return cls(Path(folder), case_ref, kind)


FileState = tuple[Path, int, int]  # path, size, modification time


@dataclass
class Watcher:
    """Remembers each file's size and time between scans (one per ``bwv worker --watch``).
    A file is handled once per state: a new recording written under an old name is new."""

    settle_s: float = SETTLE_S
    seen: dict[Path, tuple[int, int, float]] = field(default_factory=dict)  # size, mtime, since
    done: set[FileState] = field(default_factory=set)  # ingested, or found in the store
    failed: set[FileState] = field(default_factory=set)  # not retried until the file changes

    def ready(self, path: Path, now: float | None = None) -> FileState | None:
        """The file's state once it has not changed for ``settle_s`` (and was not handled in
        that state before), else None."""
        now = time.monotonic() if now is None else now
        try:
            stat = path.stat()
        except OSError:
            self.seen.pop(path, None)
            return None
        state = (path, stat.st_size, stat.st_mtime_ns)
        before = self.seen.get(path)
        if before is None or before[:2] != state[1:]:
            self.seen[path] = (stat.st_size, stat.st_mtime_ns, now)
            return None
        if state in self.done or state in self.failed:
            return None
        return state if now - before[2] >= self.settle_s else None


def rules(store: Store) -> list[WatchRule]:
    with store.read() as session:
        return [WatchRule.decoded(t) for t in load_policy(session).watch_folders]


def add_rule(store: Store, actor_name: str, rule: WatchRule) -> None:
    """An administrator watches a folder (a store rule, audited)."""
    rule = WatchRule(rule.folder.expanduser().resolve(), rule.case_ref, rule.kind)
    if "\t" in str(rule.folder) or "\t" in rule.case_ref:
        raise InvalidInputError(QT_TRANSLATE_NOOP(
            "CoreMessages", "A watch folder or case reference cannot hold a tab."))
    if not rule.folder.is_dir():
        raise InvalidInputError(QT_TRANSLATE_NOOP(
            "CoreMessages", "{folder} is not a folder."), folder=rule.folder)
    if rule.kind:
        kind_of(rule.kind)
    with store.transaction() as session:
        actor = resolve_actor(session, actor_name)
        if rule.case_ref:
            get_case(session, rule.case_ref)
        kept = [t for t in load_policy(session).watch_folders
                if WatchRule.decoded(t).folder != rule.folder]
        set_policy(session, actor, watch_folders=[*kept, rule.encoded()])


def remove_rule(store: Store, actor_name: str, folder: Path) -> bool:
    folder = folder.expanduser().resolve()
    with store.transaction() as session:
        actor: User = resolve_actor(session, actor_name)
        rules_now = load_policy(session).watch_folders
        kept = [t for t in rules_now if WatchRule.decoded(t).folder != folder]
        set_policy(session, actor, watch_folders=kept)
    return len(kept) < len(rules_now)


def scan(store: Store, actor_name: str, watcher: Watcher,
         now: float | None = None) -> list[IngestResult]:
    """One pass over every watch folder: ingest the files that have settled, queue their jobs.
    Returns what was ingested (duplicates and failures included, each with its message)."""
    out: list[IngestResult] = []
    for rule in rules(store):
        if not rule.folder.is_dir():
            continue  # a share not mounted now: tried again next time
        states = {}
        for path in sorted(rule.folder.rglob("*")):
            if _candidate(path, rule.folder):
                state = watcher.ready(path, now)  # each file timed when it is looked at
                if state is not None:
                    states[path] = state
        if not states:
            continue
        results = ingest_paths(store, actor_name, list(states), case_ref=rule.case_ref or None,
                               source={"watch_folder": str(rule.folder)})
        for result in results:
            state = states.get(result.path)
            if state is not None and not result.busy:  # the store busy: looked at again
                (watcher.failed if result.status is IngestStatus.FAILED
                 else watcher.done).add(state)
        if rule.kind:  # the new items, and any found in the store without this job yet
            items: list[str | int] = [r.footage_id for r in results if r.footage_id is not None
                                      and r.status is not IngestStatus.FAILED]
            if items:
                try:
                    queue_in_parts(store, actor_name, items, kind_of(rule.kind),
                                   "balanced" if rule.kind == "detect" else "", once=True)
                except (StoreBusyError, DBAPIError) as exc:
                    if isinstance(exc, DBAPIError) and not store_busy(exc):
                        raise
                    log.warning("watch folder %s: jobs not queued, the store was busy; its "
                                "files are looked at again next round", rule.folder)
                    for r in results:  # in the store now: found there next round, queued
                        if r.footage_id is not None and r.path in states:
                            watcher.done.discard(states[r.path])
        out += results
    return out


def _candidate(path: Path, root: Path) -> bool:
    name = path.name.lower()
    return (path.is_file() and not path.is_symlink()  # only files really in the share
            and path.suffix.lower() in VIDEO_SUFFIXES
            and not any(part.startswith(".") for part in path.relative_to(root).parts)
            and not name.endswith(IN_PROGRESS))
