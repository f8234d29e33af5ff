"""The library at force scale: does the app's footage list open, sort and filter in time?

    .venv/bin/python bench/library_scale.py [--footage 100000] [--cases 20000]
                                            [--events 0] [--databases sqlite,postgresql]

Writes ``--footage`` footage rows and ``--cases`` cases (each linked to five items) straight
into a new store (tests/library_rows.py; with ``--events`` also that many audit events, as
bench/audit_scale.py builds them), on SQLite and on a private PostgreSQL server, then drives
the app's real library panel (LibraryPanel, offscreen Qt) and times, from the request to the
rows on screen: opening the library, sorting by each column, typing a filter, choosing a
case, and jumping to the middle of the list (and, for information, loading the Cases tab,
which lists every case). The baseline, measured in the same run, is what
the library did before it paged: reading every row (``footage_page`` for the whole count).
Targets (issue 19): open < 1 s, filter < 300 ms, on both databases.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QEventLoop, Qt, QTimer, qInstallMessageHandler
from PySide6.QtWidgets import QApplication
from sqlalchemy import text

from app.core.library import footage_pages
from app.core.people.users import resolve_actor
from app.core.store.database import Store
from app.core.views.records import UserRecord
from app.ui.cases_panel import CasesPanel
from app.ui.library_panel import LibraryPanel
from app.ui.signed_in import SignedIn
from app.ui.workers import db_pool
from tests import pg_server
from tests.library_rows import add_library

OPEN_TARGET_S, FILTER_TARGET_S = 1.0, 0.3



def signed_in_as(store: Store, name: str) -> SignedIn:
    """What the window hands its views: ``name`` signed in (an account the store holds)."""
    with store.transaction() as session:
        return SignedIn(UserRecord.of(resolve_actor(session, name)))

def wait_for(condition: Callable[[], bool], timeout_s: float = 60.0) -> None:
    """Run the event loop until ``condition()`` holds."""
    loop = QEventLoop()
    deadline = time.perf_counter() + timeout_s
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the library did not answer in time")
        QTimer.singleShot(2, loop.quit)
        loop.exec()


def timed_load(panel: LibraryPanel, action: Callable[[], None]) -> float:
    """Seconds from ``action`` to the panel's ``loaded`` signal (rows on screen)."""
    seen: list[int] = []
    panel.loaded.connect(seen.append)
    start = time.perf_counter()
    action()
    wait_for(lambda: bool(seen))
    took = time.perf_counter() - start
    panel.loaded.disconnect(seen.append)
    return took


@contextmanager
def stores(names: list[str], tmp: Path) -> Iterator[Iterator[tuple[str, Store]]]:
    """Each asked-for database as an empty store (PostgreSQL on a private server)."""
    def each() -> Iterator[tuple[str, Store]]:
        for name in names:
            if name == "sqlite":
                yield name, Store(f"sqlite:///{tmp / 'library.sqlite3'}", tmp / "data")
            elif pg_server.missing():
                print(f"postgresql: skipped ({pg_server.missing()})")
            else:
                with pg_server.private_server() as url:
                    store = Store(url, tmp / "pgdata")
                    try:
                        yield name, store
                    finally:
                        store.close()
    yield each()


def measure(name: str, store: Store, args: argparse.Namespace) -> list[tuple[str, float,
                                                                              float | None]]:
    """(what, seconds, target) rows for one database."""
    started = time.perf_counter()
    add_library(store, args.footage, args.cases)
    if args.events:
        from bench.audit_scale import build
        build(store, args.events)
    if store.engine.dialect.name == "postgresql":
        with store.engine.begin() as conn:
            conn.execute(text("ANALYZE"))
    print(f"{name}: {args.footage:,} footage, {args.cases:,} cases, {args.events:,} extra "
          f"events built in {time.perf_counter() - started:.0f} s")
    rows: list[tuple[str, float, float | None]] = []
    with store.read() as session:
        start = time.perf_counter()
        everything = footage_pages.footage_page(
            session, footage_pages.FootageQuery(), 0,
            footage_pages.count_footage(session, footage_pages.FootageQuery()))
        rows.append((f"baseline: read all {len(everything):,} rows", time.perf_counter() - start,
                     None))
    del everything
    panel = LibraryPanel(store, None, signed_in_as(store, "admin"))
    panel.resize(1200, 700)
    panel.show()
    rows.append(("open the library (count + first page)", timed_load(panel, panel.refresh),
                 OPEN_TARGET_S))
    total = panel.model.rowCount()
    assert total == args.footage, (total, args.footage)
    for column, label in ((1, "file"), (5, "recorded"), (6, "retention"), (7, "cases"),
                          (3, "frames")):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            word = "up" if order == Qt.SortOrder.AscendingOrder else "down"
            took = timed_load(panel, lambda c=column, o=order: panel.table.sortByColumn(c, o))
            rows.append((f"sort by {label} ({word})", took, OPEN_TARGET_S))
    panel.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    wait_for(lambda: panel.model.query.sort == footage_pages.FootageSort.NUMBER)
    for typed in ("BWV0042", "pc1234", f"SAR-{(args.cases // 2) | 1:05d}", "2026-03-14",
                  "no such thing"):
        took = timed_load(panel, lambda t=typed: panel.filter_edit.setText(t))
        rows.append((f"filter {typed!r}: {panel.model.rowCount():,} rows", took,
                     FILTER_TARGET_S))
    took = timed_load(panel, lambda: panel.filter_edit.setText(""))
    rows.append(("clear the filter", took, FILTER_TARGET_S))
    with store.read() as session:
        ref = footage_pages.case_references(session)[args.cases // 2]
    took = timed_load(panel, lambda: panel.select_case(ref))
    rows.append((f"choose case {ref}: {panel.model.rowCount()} rows", took, OPEN_TARGET_S))
    panel.select_case(None)
    wait_for(lambda: panel.model.rowCount() == args.footage)
    middle = args.footage // 2
    start = time.perf_counter()
    panel.table.scrollTo(panel.model.index(middle, 0))
    panel.model.record(middle)  # the view asks as it paints; this asks at once
    wait_for(lambda: panel.model.record(middle) is not None)
    rows.append(("jump to the middle (one page read)", time.perf_counter() - start,
                 FILTER_TARGET_S))
    panel.close()
    cases_tab = CasesPanel(store, signed_in_as(store, "admin"))
    cases_tab.show()
    listed: list[object] = []
    cases_tab.refreshed.connect(lambda *_: listed.append(1))
    start = time.perf_counter()
    cases_tab.refresh()
    wait_for(lambda: bool(listed))
    rows.append((f"the Cases tab: all {cases_tab.model.rowCount():,} cases (a model)",
                 time.perf_counter() - start, None))
    cases_tab.close()
    db_pool().waitForDone()
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--footage", type=int, default=100_000)
    parser.add_argument("--cases", type=int, default=20_000)
    parser.add_argument("--events", type=int, default=0)
    parser.add_argument("--databases", default="sqlite,postgresql")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    qInstallMessageHandler(lambda _kind, _context, message: None if "propagateSizeHints"
                           in message else print(message, file=sys.stderr))
    missed = 0
    with tempfile.TemporaryDirectory() as tmp_name, \
            stores(args.databases.split(","), Path(tmp_name)) as each:
        for name, store in each:
            rows = measure(name, store, args)
            baseline = rows[0][1]
            print(f"\n{name}")
            print(f"{'what':<48}{'seconds':>9}{'x baseline':>12}{'target':>9}  ")
            for what, took, target in rows:
                ok = "" if target is None else ("met" if took < target else "NOT met")
                missed += ok == "NOT met"
                print(f"{what:<48}{took:>9.3f}{took / baseline:>12.3f}"
                      f"{'' if target is None else f'< {target:g}':>9}  {ok}")
            store.close()
    del app
    print(f"\n{'all targets met' if not missed else f'{missed} targets NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
