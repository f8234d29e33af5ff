"""Tools > Users: an administrator adds, changes, deactivates and sets passwords; others
only look (and the core refuses them anyway)."""

from __future__ import annotations

import contextlib
import json

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.core.errors import SignInError
from app.core.people.users import add_user, resolve_actor
from app.core.sign_in import accounts
from app.core.store.database import Store
from app.core.store.models import AuditEvent, Role
from app.ui.users_dialog import UsersDialog
from tests.ui.window import signed_in


def _dialog(qtbot: QtBot, store: Store, who: str) -> UsersDialog:
    dialog = UsersDialog(store, signed_in(store, who))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0, timeout=10_000)
    return dialog


def _select(dialog: UsersDialog, name: str) -> None:
    dialog.table.selectRow(next(i for i, r in enumerate(dialog.records) if r.name == name))


def test_an_administrator_manages_accounts(qtbot: QtBot, store: Store) -> None:
    with store.transaction() as session:
        resolve_actor(session, "admin")
    dialog = _dialog(qtbot, store, "admin")
    assert dialog.add_button.isEnabled()
    dialog.name.setText("olive")
    dialog.role.setCurrentIndex(dialog.role.findData(Role.DISCLOSURE_OFFICER.value))
    dialog.password.setText("olive password")
    dialog.repeat.setText("olive passwordX")
    dialog.add_user()
    assert "differ" in dialog.message.text()
    dialog.repeat.setText("olive password")
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.add_user()
    qtbot.waitUntil(lambda: any(r.name == "olive" for r in dialog.records), timeout=10_000)
    assert accounts.sign_in(store, "olive", "olive password").role is Role.DISCLOSURE_OFFICER

    _select(dialog, "olive")
    dialog.role.setCurrentIndex(dialog.role.findData(Role.SUPERVISOR.value))
    with qtbot.waitSignal(dialog.changed, timeout=10_000):
        dialog.change_role()
    _select(dialog, "olive")
    with qtbot.waitSignal(dialog.changed, timeout=10_000):
        dialog.toggle_active()
    try:
        accounts.sign_in(store, "olive", "olive password")
        raise AssertionError("a deactivated user signed in")
    except SignInError as exc:
        assert "deactivated" in str(exc)
    # the only administrator cannot demote themself: the core's message is shown
    _select(dialog, "admin")
    dialog.role.setCurrentIndex(dialog.role.findData(Role.SUPERVISOR.value))
    with qtbot.waitSignal(dialog.failed, timeout=10_000):
        dialog.change_role()
    assert "only active administrator" in dialog.message.text()
    with store.read() as session:
        actions = [e.action for e in session.scalars(select(AuditEvent)
                                                     .where(AuditEvent.action.in_(
                                                         ["user.create", "user.update"]))
                                                     .order_by(AuditEvent.seq))]
        roles = [json.loads(e.details).get("role") for e in session.scalars(
            select(AuditEvent).where(AuditEvent.action == "user.update"))]
    assert actions[-3:] == ["user.create", "user.update", "user.update"]
    assert ["disclosure_officer", "supervisor"] in roles
    dialog.close()


def test_others_see_the_accounts_but_cannot_change_them(qtbot: QtBot, store: Store) -> None:
    with store.transaction() as session:
        add_user(session, resolve_actor(session, "admin"), "sam", Role.SUPERVISOR)
    dialog = _dialog(qtbot, store, "sam")
    assert not dialog.add_button.isEnabled()
    assert "Only an administrator" in dialog.message.text()
    dialog.name.setText("mallory")
    dialog.password.setText("mallory password")
    dialog.repeat.setText("mallory password")
    with qtbot.waitSignal(dialog.failed, timeout=10_000):
        dialog.add_user()  # called directly: the core refuses
    assert "only an administrator can add users" in dialog.message.text()
    dialog.close()


def test_an_administrator_unlocks_an_account_locked_by_failed_sign_ins(
        qtbot: QtBot, store: Store) -> None:
    from app.core.policy.store_policy import set_policy

    with store.transaction() as session:
        admin = resolve_actor(session, "admin")
        add_user(session, admin, "olive", Role.DISCLOSURE_OFFICER,
                 accounts.new_credentials("olive password", "olive"))
        set_policy(session, admin, lockout_after=2)
    for _ in range(2):
        with contextlib.suppress(SignInError):
            accounts.sign_in(store, "olive", "a wrong guess")
    try:
        accounts.sign_in(store, "olive", "olive password")
        raise AssertionError("a locked account signed in")
    except SignInError as exc:
        assert "locked" in str(exc)
    dialog = _dialog(qtbot, store, "admin")
    _select(dialog, "olive")
    assert dialog.unlock_button.isEnabled()
    with qtbot.waitSignal(dialog.changed, timeout=10_000):
        dialog.unlock("identity checked on the phone")
    assert "can sign in again" in dialog.message.text()
    assert accounts.sign_in(store, "olive", "olive password").name == "olive"
    dialog.close()


def test_root_hand_over_and_vouching_in_the_users_window(qtbot: QtBot, store: Store) -> None:
    """Issue 15: an upgraded store whose first account left gets its root from an
    administrator, who then vouches for an officer's key with the fingerprint she reads from
    her own Users window."""
    from tests.core.test_key_registry import _upgraded_store_without_its_first_account

    _upgraded_store_without_its_first_account(store)
    accounts.sign_in(store, "olive", "olive's long password")
    mine = _dialog(qtbot, store, "olive")
    qtbot.waitUntil(lambda: "not vouched" in mine.own_key.text(), timeout=10_000)
    fingerprint = mine.own_key.text().split(": ")[1].split(" (")[0]
    assert not mine.vouch_button.isEnabled() and not mine.root_button.isVisibleTo(mine)
    mine.close()

    dialog = _dialog(qtbot, store, "alice")  # signed in by system name: key not open
    assert not dialog.has_root and dialog.root_button.isVisibleTo(dialog)
    with qtbot.waitSignal(dialog.failed, timeout=10_000):
        dialog.claim_root("boss retired", "not alice's password")
    assert "cannot be opened" in dialog.message.text()
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.claim_root("boss retired", "alice's long password")
    qtbot.waitUntil(lambda: dialog.has_root, timeout=10_000)
    assert not dialog.root_button.isVisibleTo(dialog)
    _select(dialog, "olive")
    assert dialog.vouch_button.isEnabled()
    with qtbot.waitSignal(dialog.failed, timeout=10_000):
        dialog.vouch("0000 0000 0000 0000")
    _select(dialog, "olive")
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.vouch(fingerprint)
    qtbot.waitUntil(lambda: dialog.keys["olive"].vouched, timeout=10_000)
    row = next(i for i, r in enumerate(dialog.records) if r.name == "olive")
    assert dialog.table.item(row, 4).text() == f"{fingerprint} (vouched)"
    dialog.close()
