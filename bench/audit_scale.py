"""``bwv audit verify`` at force scale: how fast the chain walk goes over a long trail.

    .venv/bin/python bench/audit_scale.py [--events 200000] [--replay]

Builds a trail of ``--events`` events in a new SQLite store (flag and plan events of
a handful of officers, chained and hashed exactly as ``audit.record`` makes them, inserted in
bulk), then times ``audit.verify`` (the streamed chain walk behind ``bwv audit verify``, with
its progress reports) and prints events/s against the issue's target of 20,000 events/s on
2,000,000 events (use ``--events 2000000``). With ``--replay`` it also times the state
replay (``trail_replay.replay``), which ``bwv audit verify`` runs after the walk.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.core.chain.chain_format import (
    GENESIS_HASH,
    HASHED_FIELDS,
    canonical_json,
    event_hash_of,
)
from app.core.checks import trail_replay
from app.core.people.users import resolve_actor
from app.core.store import audit
from app.core.store.database import Store
from app.core.store.models import AuditEvent

TARGET = 20_000  # events/s


def build(store: Store, n: int) -> float:
    """Append ``n`` events after the store's first ones; seconds taken."""
    started = time.perf_counter()
    with store.transaction() as session:
        resolve_actor(session, "admin")  # the first account: its user.create event
    with store.read() as session:
        last = session.query(AuditEvent).order_by(AuditEvent.seq.desc()).first()
        seq, prev = (last.seq, last.hash) if last else (0, GENESIS_HASH)
    chunk: list[dict[str, object]] = []
    for i in range(n):
        seq += 1
        row = {"seq": seq, "occurred_at": f"2026-12-02T10:{(i // 60) % 60:02d}:{i % 60:02d}."
               f"{i % 1_000_000:06d}Z", "actor": "admin", "action": "flag.add",
               "object_type": "flag", "object_id": str(i), "case_id": None,
               "footage_id": None, "details": canonical_json({"at_s": i % 600, "n": i}),
               "prev_hash": prev}
        row["hash"] = prev = event_hash_of({k: row[k] for k in HASHED_FIELDS})
        row["signature"] = None
        chunk.append(row)
        if len(chunk) == 20_000 or i == n - 1:
            with store.transaction() as session:
                session.execute(insert(AuditEvent), chunk)
            chunk = []
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--replay", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        store = Store(f"sqlite:///{tmp / 'trail.sqlite3'}", tmp / "data")
        built = build(store, args.events)
        reports: list[int] = []
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        start = time.perf_counter()
        report = audit.verify(store, progress=lambda done, total: reports.append(done))
        walked = time.perf_counter() - start
        grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 - rss_before
        rate = report.count / walked
        print(f"\n{report.count:,} events (built in {built:.0f} s)")
        print(f"{'stage':<32}{'seconds':>9}{'events/s':>12}{'x target':>10}")
        print(f"{'chain walk (audit.verify)':<32}{walked:>9.1f}{rate:>12,.0f}"
              f"{rate / TARGET:>10.2f}")
        if args.replay:
            start = time.perf_counter()
            with store.read() as session:
                trail_replay.replay(session)
            took = time.perf_counter() - start
            print(f"{'state replay':<32}{took:>9.1f}{report.count / took:>12,.0f}"
                  f"{report.count / took / TARGET:>10.2f}")
        print(f"chain intact: {report.ok}; progress reports: {len(reports)}; peak memory "
              f"grew {grown:.0f} MB during the walk; target {TARGET:,} events/s: "
              f"{'met' if rate >= TARGET else 'NOT met'}")
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
