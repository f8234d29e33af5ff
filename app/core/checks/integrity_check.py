"""One integrity check of a store, for ``bwv audit verify`` and Tools > Verify integrity:
the hash chain (against this computer's witness), every signature and the state rebuilt
from the events (``trail_replay``), the anchors in the recorded exports' manifests and in
any folders given (``anchors``), and every recorded export re-hashed (``export.verify``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from app.core.checks import trail_replay
from app.core.errors import QT_TRANSLATE_NOOP, InvalidInputError
from app.core.export.verify import ExportCheck, verify_exports
from app.core.integrity import anchors
from app.core.integrity.anchors import AnchorCheck
from app.core.library.footage import VerifyStatus
from app.core.progress import CancelToken, ProgressFn, no_progress
from app.core.store import audit
from app.core.store.database import Store
from app.core.store.models import ExportRecord


@dataclass
class IntegrityReport:
    chain: audit.ChainReport
    replay: trail_replay.ReplayReport
    anchors: list[AnchorCheck] = field(default_factory=list)
    exports: list[ExportCheck] = field(default_factory=list)

    @property
    def broken_exports(self) -> list[ExportCheck]:
        return [c for c in self.exports
                if c.status in (VerifyStatus.CHANGED, VerifyStatus.UNREADABLE)]

    @property
    def ok(self) -> bool:
        return (self.chain.ok and self.replay.ok and all(c.ok for c in self.anchors)
                and not self.broken_exports)


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
    chain = audit.verify(store, before, walk, cancel)
    with store.read() as session:
        replayed = trail_replay.replay(session, cancel)
    report = IntegrityReport(chain, replayed, check_anchors(store, folders))
    report.exports = verify_exports(store, cancel, progress, on_file)
    return report
