"""Describing footage again: footage an older version described otherwise (a file cut
part-way through a group of pictures, whose frames it counted that no decoder gives) can be
detected and exported once described again; the change is audited, and refused for an
original that changed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select, update

from app.core.analysis import analyse
from app.core.checks.integrity_check import check_store
from app.core.errors import ConflictError, MediaError
from app.core.library.describe_again import describe_again
from app.core.library.ingest import ingest_paths
from app.core.store.database import Store
from app.core.store.models import AuditEvent, Footage
from tests.conftest import make_video
from tests.media_broken import cut_part_way, packet_pts


def _as_an_older_version_described(store: Store, frames: int) -> None:
    """Footage #1 as ingest described such a file before 2026-12-06: every packet counted,
    no warning."""
    with store.transaction() as session:
        session.execute(update(Footage).where(Footage.id == 1).values(
            frame_count=frames, media_metadata={"timestamps": "ok"}))


def test_footage_described_by_an_older_version_is_detected_once_described_again(
        tmp_path: Path, isolated_env: Path) -> None:
    src = cut_part_way(tmp_path, drop=4)
    store = Store(f"sqlite:///{tmp_path / 's.sqlite3'}", isolated_env / "data")
    try:
        ingest_paths(store, "tester", [src])
        with store.read() as session:
            decodable = session.scalars(select(Footage.frame_count)).one()
        counted = len(packet_pts(src))
        assert counted > decodable
        analyse(store, "tester", 1, "fast")  # a run of the decodable frames, stored
        _as_an_older_version_described(store, counted)
        with pytest.raises(MediaError, match="describe the footage again"):
            analyse(store, "tester", 1, "fast")  # that run is not of this description

        result = describe_again(store, "tester", 1)
        assert result.changes["frame_count"] == [counted, decodable]
        notes = result.changes["media_metadata"][1]["warnings"]
        assert any("part-way through a group of pictures" in w for w in notes)
        analysis = analyse(store, "tester", 1, "fast")  # the stored run fits again
        assert analysis.reused and analysis.frame_count == decodable == len(analysis.run.frames)

        assert describe_again(store, "tester", 1).changes == {}  # it stands now
        with store.read() as session:
            events = list(session.scalars(select(AuditEvent).where(
                AuditEvent.action == "footage.describe")))
        assert len(events) == 1  # a description that stands records nothing
        details = json.loads(events[0].details) if isinstance(events[0].details, str) \
            else events[0].details
        assert details["changes"]["frame_count"] == [counted, decodable]
        report = check_store(store)
        assert report.ok, report
    finally:
        store.close()


def test_an_original_that_changed_is_not_described_again(tmp_path: Path,
                                                        isolated_env: Path) -> None:
    src = make_video(tmp_path / "clip.mp4", frames=12)
    store = Store(f"sqlite:///{tmp_path / 's.sqlite3'}", isolated_env / "data")
    try:
        ingest_paths(store, "tester", [src])
        make_video(src, frames=10)  # replaced in place
        with pytest.raises(ConflictError, match="has changed since it was ingested"):
            describe_again(store, "tester", 1)
        with store.read() as session:
            assert session.scalars(select(Footage.frame_count)).one() == 12
    finally:
        store.close()


def test_footage_with_a_plan_is_not_described_again_under_it(tmp_path: Path,
                                                            isolated_env: Path) -> None:
    """A saved plan's frame numbers and boxes were made on the present description."""
    from app.core.people.users import resolve_actor
    from app.core.redaction.plan import RedactionPlan
    from app.core.redaction.plans import save_plan

    src = cut_part_way(tmp_path, drop=4)
    store = Store(f"sqlite:///{tmp_path / 's.sqlite3'}", isolated_env / "data")
    try:
        ingest_paths(store, "tester", [src])
        with store.transaction() as session:
            save_plan(session, resolve_actor(session, "tester"), 1, None, RedactionPlan())
        _as_an_older_version_described(store, len(packet_pts(src)))
        with pytest.raises(ConflictError, match="saved redaction plan"):
            describe_again(store, "tester", 1)
    finally:
        store.close()
