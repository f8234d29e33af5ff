"""The library a page at a time: the store filters, sorts, counts and pages (both databases)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.core.errors import NotFoundError
from app.core.library import footage_pages
from app.core.library.footage import list_footage
from app.core.library.footage_pages import FootageQuery, FootageSort
from app.core.store.database import Store
from app.core.views.records import FootageRecord
from tests.library_rows import add_library


def _all(session: Any, query: FootageQuery) -> list[FootageRecord]:
    """Every page of a query, read one after another as the view reads them."""
    rows: list[FootageRecord] = []
    while True:
        page = footage_pages.footage_page(session, query, len(rows), 97)
        rows += page
        if len(page) < 97:
            return rows


def _key(record: FootageRecord, sort: FootageSort) -> Any:
    return {FootageSort.NUMBER: record.id, FootageSort.FILE: record.file_name.lower(),
            FootageSort.FRAMES: record.frame_count,
            FootageSort.DURATION: record.duration_s,
            FootageSort.PICTURE_SIZE: record.width * record.height}[sort]


def test_pages_cover_every_row_once_in_each_order(store: Store) -> None:
    add_library(store, footage=900, cases=120)
    with store.read() as session:
        everything = FootageQuery()
        assert footage_pages.count_footage(session, everything) == 900
        for sort in (FootageSort.NUMBER, FootageSort.FILE, FootageSort.FRAMES,
                     FootageSort.DURATION, FootageSort.PICTURE_SIZE):
            for descending in (False, True):
                rows = _all(session, FootageQuery(sort=sort, descending=descending))
                assert sorted(r.id for r in rows) == list(range(1, 901)), sort
                keys = [(_key(r, sort), r.id) for r in rows]
                assert keys == sorted(keys, reverse=descending), (sort, descending)
        # sorts with empty values (no recording time, no case, no retention date): each
        # row still comes exactly once, whatever the database does with NULLs
        for sort in (FootageSort.RECORDED, FootageSort.RETENTION, FootageSort.CASES,
                     FootageSort.DEVICE):
            for descending in (False, True):
                rows = _all(session, FootageQuery(sort=sort, descending=descending))
                assert sorted(r.id for r in rows) == list(range(1, 901)), sort
        recorded = [r.recorded_at for r in _all(session, FootageQuery(
            sort=FootageSort.RECORDED)) if r.recorded_at is not None]
        assert recorded == sorted(recorded) and len(recorded) == 882  # every 50th has none


def test_the_filter_matches_names_devices_officers_cases_and_dates(store: Store) -> None:
    add_library(store, footage=600, cases=100)
    with store.read() as session:
        rows = _all(session, FootageQuery())
        device = rows[10].device_id
        assert device is not None
        by_device = _all(session, FootageQuery(text=device.lower()))
        assert {r.id for r in by_device} == {r.id for r in rows if r.device_id == device}
        officer = next(r.officer_id for r in rows if r.officer_id)
        assert {r.id for r in _all(session, FootageQuery(text=officer))} == {
            r.id for r in rows if r.officer_id == officer}
        linked = next(r for r in rows if r.case_refs)
        ref = linked.case_refs[0]
        by_case = _all(session, FootageQuery(text=ref))
        assert linked.id in {r.id for r in by_case}
        assert all(ref in r.case_refs or ref.lower() in r.file_name.lower() for r in by_case)
        day = next(r.recorded_at for r in rows if r.recorded_at).strftime("%Y-%m-%d")
        by_day = {r.id for r in _all(session, FootageQuery(text=day))}
        assert by_day and by_day == {r.id for r in rows if r.recorded_at is not None
                                     and r.recorded_at.strftime("%Y-%m-%d") == day}
        # LIKE's wildcards are letters here, not patterns
        assert footage_pages.count_footage(session, FootageQuery(text="%")) == 0
        assert footage_pages.count_footage(session, FootageQuery(text="_")) == 600
        assert footage_pages.count_footage(session, FootageQuery(text="bwv__")) == 0


def test_one_case_and_its_page_counts(store: Store) -> None:
    add_library(store, footage=300, cases=40, links_per_case=7)
    with store.read() as session:
        ref = footage_pages.case_references(session)[3]
        rows = _all(session, FootageQuery(case_ref=ref))
        assert rows and all(ref in r.case_refs for r in rows)
        assert footage_pages.count_footage(session, FootageQuery(case_ref=ref)) == len(rows)
        assert [r.id for r in list_footage(session, ref)] == [r.id for r in rows]
        assert len(list_footage(session, limit=25)) == 25
        closed = [r for r in _all(session, FootageQuery()) if r.case_refs
                  and not r.open_case_refs]
        assert closed  # every fifth case is closed: its footage is not kept by it
        with pytest.raises(NotFoundError):
            footage_pages.count_footage(session, FootageQuery(case_ref="NO-SUCH"))
        assert footage_pages.footage_page(session, FootageQuery(), 10_000) == []


def test_the_first_page_comes_with_the_count_of_all_matches(store: Store) -> None:
    add_library(store, footage=450, cases=30)
    with store.read() as session:
        for query in (FootageQuery(), FootageQuery(text="bwv0"),
                      FootageQuery(text="no such thing"),
                      FootageQuery(sort=FootageSort.FILE, descending=True)):
            total, rows = footage_pages.first_page(session, query, 100)
            assert total == footage_pages.count_footage(session, query)
            assert [r.id for r in rows] == [
                r.id for r in footage_pages.footage_page(session, query, 0, 100)]


def test_footage_is_chosen_by_case_folder_and_recording_days(store: Store) -> None:
    from datetime import date

    from sqlalchemy import update

    from app.core.store.models import Footage, utcnow

    add_library(store, footage=300, cases=40)
    with store.transaction() as session:  # one item deleted by retention: never chosen
        session.execute(update(Footage).where(Footage.id == 7).values(deleted_at=utcnow()))
    with store.read() as session:
        rows = _all(session, FootageQuery())
        device = next(r.device_id for r in rows if r.device_id)
        under = {r.id for r in rows if f"/dock/{device}/" in r.original_path and r.id != 7}
        assert set(footage_pages.select_footage(session, folder=Path(f"/dock/{device}"))) \
            == under
        assert footage_pages.select_footage(session, folder=Path(f"/dock/{device}"[:-1])) \
            == []  # a folder is a whole folder, not a prefix of a name
        day = next(r.recorded_at for r in rows if r.recorded_at and r.id != 7)
        assert day is not None
        on_day = {r.id for r in rows if r.recorded_at and r.id != 7
                  and r.recorded_at.date() == day.date()}
        assert set(footage_pages.select_footage(
            session, recorded_from=day.date(), recorded_to=day.date())) == on_day
        ref = next(r.case_refs[0] for r in rows if r.case_refs)
        both = footage_pages.select_footage(session, case_ref=ref,
                                            recorded_from=date(2026, 7, 1))
        assert set(both) == {r.id for r in rows if ref in r.case_refs and r.id != 7
                             and r.recorded_at and r.recorded_at.date() >= date(2026, 7, 1)}
        assert 7 not in footage_pages.select_footage(session)


def test_empty_values_sort_last_and_every_row_knows_its_place(store: Store) -> None:
    add_library(store, footage=260, cases=20)
    with store.read() as session:
        for sort in FootageSort:
            for descending in (False, True):
                query = FootageQuery(sort=sort, descending=descending)
                rows = _all(session, query)
                if sort in (FootageSort.RECORDED, FootageSort.RETENTION, FootageSort.CASES):
                    empty = [not (r.recorded_at if sort is FootageSort.RECORDED
                                  else r.retention_until if sort is FootageSort.RETENTION
                                  else r.case_refs) for r in rows]
                    assert any(empty) and not all(empty)
                    # the same on both databases: empty values after every value
                    assert empty == sorted(empty, reverse=descending), (sort, descending)
                for at in (0, 1, 57, 133, len(rows) - 2, len(rows) - 1):
                    assert footage_pages.position(session, query, rows[at].id) == at, (
                        sort, descending, at)
        narrow = FootageQuery(text="bwv0001")
        shown = _all(session, narrow)
        outside = next(r for r in _all(session, FootageQuery()) if r.id not in
                       {s.id for s in shown})
        assert footage_pages.position(session, narrow, outside.id) is None
