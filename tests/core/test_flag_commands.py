"""Undo and redo of flag edits through reversible core commands, all audited."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from app.core.library import flags
from app.core.library.flag_commands import AddFlag, DeleteFlag, EditFlag
from app.core.library.ingest import ingest_paths
from app.core.people.users import resolve_actor
from app.core.store import audit
from app.core.store.database import Store
from app.core.store.models import AuditEvent
from tests.conftest import make_video


def test_add_edit_delete_undo_all_and_redo_all(store: Store, tmp_path: Path) -> None:
    ingest_paths(store, "tester", [make_video(tmp_path / "a.mp4", frames=24, fps=12)])

    def run(step: str, command: object) -> None:
        with store.transaction() as session:
            getattr(command, step)(session, resolve_actor(session, "tester"))

    def listed() -> list[tuple[float, str]]:
        with store.read() as session:
            return [(f.start_time_s, f.label) for f in flags.list_flags(session, 1)]

    add = AddFlag.at(1, 0.5, 6, label="door")
    run("apply", add)
    with store.read() as session:
        record = flags.list_flags(session, 1)[0]
    edit = EditFlag.of(add.ref, record, label="front door", start_s=1.0, start_frame=12)
    run("apply", edit)
    with store.read() as session:
        record = flags.list_flags(session, 1)[0]
    delete = DeleteFlag.of(add.ref, record)
    run("apply", delete)
    assert listed() == []
    run("revert", delete)  # comes back under a new id
    assert listed() == [(1.0, "front door")]
    run("revert", edit)  # the edit finds it through the shared ref
    assert listed() == [(0.5, "door")]
    run("revert", add)
    assert listed() == []
    for command in (add, edit, delete):
        run("apply", command)
    assert listed() == []
    run("revert", delete)
    assert listed() == [(1.0, "front door")]
    with store.read() as session:
        actions = [e.action for e in session.scalars(
            select(AuditEvent).where(AuditEvent.object_type == "flag"))]
    assert actions.count("flag.add") == 4 and actions.count("flag.delete") == 3
    assert audit.verify(store).ok
