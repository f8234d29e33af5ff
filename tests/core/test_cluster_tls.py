"""Joining a force's Dask cluster over mutual TLS: the jobs run on its workers (processes
started elsewhere), exactly once, signed as the signed-in user; a stranger's certificate, a
plain tcp:// address and a missing file are refused with a clear message."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest
from distributed import LocalCluster
from distributed.security import Security
from sqlalchemy import select

from app.core.chain.signing import event_signature_ok
from app.core.errors import BwvError, InvalidInputError
from app.core.jobs.cluster import run_workers
from app.core.jobs.force_cluster import ClusterTls
from app.core.jobs.queue import JobKind, queue_jobs
from app.core.library.ingest import ingest_paths
from app.core.people.users import resolve_actor
from app.core.sign_in.accounts import create_first_administrator, sign_in
from app.core.store import audit
from app.core.store.database import Store
from app.core.store.models import AuditEvent
from tests.conftest import make_video
from tests.tls_certs import make_cluster_certificate


def test_jobs_run_on_a_force_cluster_joined_over_mutual_tls(store: Store,
                                                             tmp_path: Path) -> None:
    if store.engine.dialect.name == "sqlite":  # a file no other machine can share
        cert, key = make_cluster_certificate(tmp_path / "tls", "force")
        with pytest.raises(InvalidInputError, match="shared PostgreSQL store"):
            run_workers(store, "tester", cluster=ClusterTls("tls://127.0.0.1:1", cert, cert,
                                                            key))
        return
    with store.transaction() as session:
        create_first_administrator(session, "chief", "a long passphrase")
    sign_in(store, "chief", "a long passphrase")
    clips = [make_video(tmp_path / f"c{i}.mp4", frames=10 + i) for i in range(3)]
    ids = [r.footage_id for r in ingest_paths(store, "chief", clips) if r.footage_id]
    with store.transaction() as session:
        queue_jobs(session, resolve_actor(session, "chief"), ids, JobKind.DETECT, "fast")
    cert, key = make_cluster_certificate(tmp_path / "tls", "force")
    files = {"tls_ca_file": str(cert), "require_encryption": True}
    for role in ("scheduler", "worker", "client"):
        files |= {f"tls_{role}_cert": str(cert), f"tls_{role}_key": str(key)}
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      protocol="tls://", host="127.0.0.1", dashboard_address=None,
                      security=Security(**files)) as force:
        stranger_cert, stranger_key = make_cluster_certificate(tmp_path / "other", "other")
        with pytest.raises(BwvError, match="Cannot join the cluster"):
            run_workers(store, "chief", cluster=ClusterTls(
                force.scheduler_address, stranger_cert, stranger_cert, stranger_key))
        with pytest.raises(InvalidInputError, match="mutual TLS only"):
            run_workers(store, "chief", cluster=ClusterTls(
                force.scheduler_address.replace("tls://", "tcp://"), cert, cert, key))
        with pytest.raises(InvalidInputError, match="no such certificate"):
            run_workers(store, "chief", cluster=ClusterTls(
                force.scheduler_address, cert, tmp_path / "none.pem", key))
        seen: list[str] = []
        outcomes = run_workers(store, "chief", cluster=ClusterTls(
            force.scheduler_address, cert, cert, key),
            progress=lambda w, _j, _o: seen.append(w))
        worker_addresses = set(force.scheduler_info["workers"])
    assert outcomes == Counter({"done": 3})
    pids = {int(w.split("/")[0].rsplit(":", 1)[1]) for w in seen}
    assert len(worker_addresses) == 2 and pids and os.getpid() not in pids  # ran there
    with store.read() as session:
        runs = list(session.scalars(select(AuditEvent)
                                    .where(AuditEvent.action == "detection.run")))
        public = resolve_actor(session, "chief").public_key
    assert len(runs) == 3 and public
    assert all(e.signature and event_signature_ok(public, e.hash, e.signature) for e in runs)
    assert audit.verify(store).ok


def test_a_worker_that_opens_another_store_is_refused(store: Store, tmp_path: Path) -> None:
    from app.core.jobs import cluster

    ran = cluster._drain_in_process(store.url, str(tmp_path / "data"), "another-store",
                                    "tester", None, "process-1", 0, 1)
    assert store.url not in cluster._stores  # refused before opening (or migrating) it
    assert [outcome for _job, outcome, _worker in ran] == [cluster.WRONG_STORE]

    from app.core.jobs.live_outcomes import RunOutcomes

    with pytest.raises(BwvError, match="opened another store"):
        cluster._tally([ran], RunOutcomes(None))
