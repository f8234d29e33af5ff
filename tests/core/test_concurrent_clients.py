"""Ten clients writing to one store at once lose nothing: every flag and plan edit is stored
once with its audit event, one plan per footage item, and the chain stays whole."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from threading import Barrier

from app.core.library.ingest import ingest_paths
from app.core.people.users import add_user, resolve_actor
from app.core.store.database import Store
from app.core.store.models import Role
from tests.conftest import make_video
from tests.store_load import count, run_client

CLIENTS, ROUNDS = 10, 4


def test_ten_clients_flagging_and_saving_plans_at_once(store: Store, db_url: str,
                                                      tmp_path: Path) -> None:
    ingest_paths(store, "tester", [make_video(tmp_path / f"v{i}.mp4", frames=6 + i)
                                   for i in range(2)])
    with store.transaction() as session:
        admin = resolve_actor(session, "tester")
        for number in range(CLIENTS):
            add_user(session, admin, f"client{number}", Role.DISCLOSURE_OFFICER)
    before = count(store)
    start = Barrier(CLIENTS)
    with ThreadPoolExecutor(CLIENTS) as pool:
        reports = list(pool.map(
            lambda n: run_client(db_url, str(tmp_path / "data"), n, [1, 2], ROUNDS,
                                 start.wait),
            range(CLIENTS)))
    assert [r.errors for r in reports] == [[]] * CLIENTS
    after = count(store)
    assert after.flags - before.flags == CLIENTS * ROUNDS == sum(r.flags for r in reports)
    assert after.flag_events - before.flag_events == CLIENTS * ROUNDS
    assert after.plan_events - before.plan_events == CLIENTS * ROUNDS
    assert after.plan_rows == 2 and after.plan_rows_per_item == 1  # one plan per item
    assert after.chain_ok
