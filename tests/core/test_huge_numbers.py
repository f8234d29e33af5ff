"""A number too large for a float (an edited file or database row, e.g. 1e400 or 1 followed
by 400 zeros) is a clear refusal or a tampering finding, never an OverflowError traceback."""

from __future__ import annotations

from sqlalchemy import select

from app.core.integrity.anchors import check_anchor
from app.core.people.users import resolve_actor
from app.core.policy.store_policy import load_policy, policy_was_set, set_policy
from app.core.store.database import Store
from app.core.store.models import StoreInfo
from tests.core.test_tampering import _untriggered, problems


def test_an_edited_rule_row_with_a_huge_number_is_not_trusted(store: Store) -> None:
    with store.transaction() as session:
        set_policy(session, resolve_actor(session, "tester"), retention_days=40)
    with store.read() as session:
        assert load_policy(session).retention_days == 40
        row = session.scalars(select(StoreInfo).where(StoreInfo.key.like("policy:%"))).one()
        key, edited = row.key, row.value.replace('"retention_days": 40',
                                                 '"retention_days": 1e400')
    assert "1e400" in edited
    _untriggered(store, "UPDATE store_info SET value = :v WHERE key = :k", table="store_info",
                 v=edited, k=key)  # an insider edits the row (the triggers dropped first)
    with store.read() as session:  # the row no longer holds what its event set: not used
        assert not policy_was_set(session)
        assert load_policy(session).retention_days != 40
    found = problems(store)  # and the integrity check names it
    assert any("store rule" in p and "differs" in p for p in found), found


def test_an_anchor_with_a_huge_sequence_number_is_damaged(store: Store) -> None:
    with store.read() as session:
        for seq in (1e400, float("inf")):
            result = check_anchor(session, "store", "anchor.json", {"seq": seq, "hash": "00"})
            assert not result.ok and "damaged" in result.message
