"""The library reads its rows a page at a time: a long library in the real panel (pytest-qt)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.core.library.footage_pages import PAGE_SIZE, FootageSort
from app.core.store.database import Store
from app.ui.library_panel import LibraryPanel
from tests.library_rows import add_library
from tests.ui.window import signed_in


def test_a_long_library_reads_only_the_pages_it_shows(qtbot: QtBot, store: Store) -> None:
    add_library(store, footage=5 * PAGE_SIZE + 17, cases=60)
    panel = LibraryPanel(store, None, signed_in(store, "tester"))
    qtbot.addWidget(panel)
    panel.resize(900, 500)
    panel.show()
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.refresh()
    model = panel.model
    assert model.rowCount() == 5 * PAGE_SIZE + 17
    assert "1,017" in panel.status.text() or "1017" in panel.status.text()
    assert set(model._pages) == {0}  # only what is on screen was read
    last = model.rowCount() - 1
    assert model.index(last, 1).data() == "…"  # not read yet: asked for
    qtbot.waitUntil(lambda: model.record(last) is not None, timeout=10_000)
    assert model.record(last).id == last + 1  # type: ignore[union-attr]
    assert set(model._pages) == {0, 5}
    panel.table.selectRow(last)  # chosen far down the list; a reload keeps it chosen
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.refresh()
    assert panel.selected_footage_id() == last + 1 and set(model._pages) == {0, 5}

    # the store sorts; rows read for the old order are never shown in the new one
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.table.sortByColumn(FootageSort.FRAMES, Qt.SortOrder.DescendingOrder)
    assert panel.selected_footage_id() == last + 1  # still chosen, at its new place
    assert len(model._pages) <= 2 and 0 in model._pages  # the first page and its page
    frames = [int(model.index(r, 3).data()) for r in range(PAGE_SIZE)]
    assert frames == sorted(frames, reverse=True)
    stale = model.query
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.table.sortByColumn(FootageSort.NUMBER, Qt.SortOrder.AscendingOrder)
    before = model.record(0)
    model.put_page(stale, 1, 0, [])  # a late page of the old order is dropped
    assert model.record(0) == before

    # typing filters in the store; the selection stays on the same footage
    panel.table.selectRow(3)
    chosen = panel.selected_record()
    assert chosen is not None and chosen.device_id
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.filter_edit.setText(chosen.device_id.lower())
    shown = [model.record(r) for r in range(model.rowCount())]
    assert shown and all(r is not None and r.device_id == chosen.device_id for r in shown)
    assert panel.selected_footage_id() == chosen.id
