"""Ten clients on one PostgreSQL store: flags and plans from ten processes at once.

    .venv/bin/python bench/concurrent_clients.py [--clients 10] [--rounds 50]

Starts a private PostgreSQL server, ingests two short clips, adds one account per client,
then runs ``--clients`` processes at once (each its own connection, signed in as its own
account) that each ``--rounds`` times flag a footage item and save a plan for it, all on the
same two items (tests/store_load.py). Prints the errors, what the store holds against what
the clients did, whether the audit chain is whole, and the rate against one client alone
(measured in the same run). Target (issue 19): no errors and no lost events.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.core.library.ingest import ingest_paths
from app.core.people.users import add_user, resolve_actor
from app.core.store.database import Store
from app.core.store.models import Role
from tests import pg_server
from tests.conftest import make_video
from tests.store_load import ClientReport, count, run_client


def _client(args: tuple[str, str, int, int, object]) -> ClientReport:
    url, data_dir, number, rounds, start = args
    return run_client(url, data_dir, number, [1, 2], rounds, start.wait)  # type: ignore[attr-defined]


def run(url: str, data_dir: str, clients: int, rounds: int) -> tuple[float, list[ClientReport]]:
    """Seconds for ``clients`` processes doing ``rounds`` rounds each, and their reports."""
    context = multiprocessing.get_context("spawn")
    with context.Manager() as manager:
        start = manager.Barrier(clients)
        with context.Pool(clients) as pool:
            began = time.perf_counter()
            reports = pool.map(_client, [(url, data_dir, n, rounds, start)
                                         for n in range(clients)])
            took = time.perf_counter() - began
    return took, reports


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=50)
    args = parser.parse_args()
    if pg_server.missing():
        print(f"skipped: {pg_server.missing()}")
        return 1
    with tempfile.TemporaryDirectory() as tmp_name, pg_server.private_server() as url:
        tmp = Path(tmp_name)
        data = str(tmp / "data")
        store = Store(url, tmp / "data")
        with store.transaction() as session:
            resolve_actor(session, "admin")
        ingest_paths(store, "admin", [make_video(tmp / f"v{i}.mp4", frames=6 + i)
                                      for i in range(2)])
        with store.transaction() as session:
            admin = resolve_actor(session, "admin")
            for number in range(args.clients):
                add_user(session, admin, f"client{number}", Role.DISCLOSURE_OFFICER)
        before = count(store)
        alone_s, alone = run(url, data, 1, args.rounds)
        many_s, reports = run(url, data, args.clients, args.rounds)
        after = count(store)
        store.close()
    done = sum(r.flags + r.plans for r in reports)
    errors = [e for r in [*alone, *reports] for e in r.errors]
    wanted_flags = (1 + args.clients) * args.rounds
    print(f"\n{'run':<28}{'clients':>8}{'writes':>8}{'seconds':>9}{'writes/s':>10}"
          f"{'x alone':>9}")
    alone_rate = 2 * args.rounds / alone_s
    print(f"{'one client alone':<28}{1:>8}{2 * args.rounds:>8}{alone_s:>9.2f}"
          f"{alone_rate:>10.1f}{1.0:>9.2f}")
    print(f"{'clients at once':<28}{args.clients:>8}{done:>8}{many_s:>9.2f}"
          f"{done / many_s:>10.1f}{done / many_s / alone_rate:>9.2f}")
    print(f"\nerrors: {len(errors)}")
    for error in errors[:5]:
        print(error)
    added = after.flags - before.flags
    print(f"flags stored {added} of {wanted_flags}; flag.add events "
          f"{after.flag_events - before.flag_events}; plan.save events "
          f"{after.plan_events - before.plan_events} of {wanted_flags}; plan rows "
          f"{after.plan_rows} for 2 items (most for one item: {after.plan_rows_per_item}); "
          f"audit chain intact: {after.chain_ok}")
    ok = (not errors and added == wanted_flags
          and after.flag_events - before.flag_events == wanted_flags
          and after.plan_events - before.plan_events == wanted_flags
          and after.plan_rows_per_item == 1 and after.chain_ok)
    print(f"target (no errors, no lost events): {'met' if ok else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
