"""Footage in and out of cases: both audited; footage whose plan or export belongs to a case
stays in it."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from app.core.casework import cases
from app.core.errors import ConflictError, PermissionDeniedError
from app.core.library.ingest import ingest_paths
from app.core.people.users import add_user, resolve_actor
from app.core.redaction.plan import RedactionPlan
from app.core.redaction.plans import save_plan
from app.core.store.database import Store
from app.core.store.models import AuditEvent, Role
from tests.conftest import make_video


def test_link_many_unlink_and_what_stays(store: Store, tmp_path: Path) -> None:
    results = ingest_paths(store, "admin", [make_video(tmp_path / "a.mp4"),
                                            make_video(tmp_path / "b.mp4", frames=8)])
    a, b = (r.footage_id for r in results)
    assert a is not None and b is not None
    with store.transaction() as session:
        admin = resolve_actor(session, "admin")
        add_user(session, admin, "clerk", Role.CASE_STAFF)
        case_id = cases.create_case(session, admin, "SAR-3", "subject_access").id
        assert cases.link_many(session, admin, "SAR-3", [a, b, a]) == 2
        save_plan(session, admin, a, case_id, RedactionPlan())
    with store.transaction() as session, pytest.raises(ConflictError, match="stays"):
        cases.unlink_footage(session, resolve_actor(session, "admin"), "SAR-3", a)
    with store.transaction() as session, pytest.raises(PermissionDeniedError):
        cases.unlink_footage(session, resolve_actor(session, "clerk"), "SAR-3", b)
    with store.transaction() as session:
        admin = resolve_actor(session, "admin")
        assert cases.unlink_footage(session, admin, "SAR-3", b)
        assert not cases.unlink_footage(session, admin, "SAR-3", b)
    with store.read() as session:
        assert [f.id for f in cases.get_case(session, "SAR-3").footage] == [a]
        actions = [e.action for e in session.scalars(select(AuditEvent))]
    assert actions.count("case.link_footage") == 2 and actions.count("case.unlink_footage") == 1
