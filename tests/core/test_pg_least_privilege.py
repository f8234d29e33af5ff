"""Least privilege on the real PostgreSQL server: the schema owner migrates; a workstation
role works normally but cannot rewrite the audit trail, its triggers or the users table."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from app.core.checks import trail_replay
from app.core.people.users import add_user, resolve_actor, update_user
from app.core.sign_in import accounts
from app.core.store import audit
from app.core.store.database import Store
from app.core.store.models import Role
from app.core.store.pg_roles import grant_workstation_role


@dataclass(frozen=True)
class Roles:
    owner_url: str
    group: str  # the workstation group role
    workstation_url: str  # a workstation's login, a member of the group


@pytest.fixture
def roles(postgres_server: str) -> Iterator[Roles]:
    server = make_url(postgres_server)
    suffix = uuid.uuid4().hex[:8]
    owner, group, login = f"bwv_owner_{suffix}", f"bwv_ws_{suffix}", f"ws_{suffix}"
    database = f"bwv_lp_{suffix}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        if not conn.execute(text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
                            ).scalar():
            pytest.skip("the test server's role cannot create roles")
        conn.execute(text(f'CREATE ROLE "{owner}" LOGIN'))
        conn.execute(text(f'CREATE ROLE "{group}" NOLOGIN'))
        conn.execute(text(f'CREATE ROLE "{login}" LOGIN IN ROLE "{group}"'))
        conn.execute(text(f'CREATE DATABASE "{database}" OWNER "{owner}"'))
    try:
        yield Roles(server.set(username=owner, database=database).render_as_string(
            hide_password=False), group, server.set(username=login, database=database)
            .render_as_string(hide_password=False))
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
            for role in (login, group, owner):
                conn.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
        admin.dispose()


def _workstation(roles: Roles, tmp_path: Path) -> Store:
    """Migrate as the owner, grant the group role, and open the store as a workstation."""
    with Store(roles.owner_url, tmp_path / "owner") as owner:
        grant_workstation_role(owner.engine, roles.group)
    return Store(roles.workstation_url, tmp_path / "workstation")


REFUSED = {
    "update an audit event": "UPDATE audit_events SET actor = 'sam' WHERE seq = 1",
    "delete an audit event": "DELETE FROM audit_events WHERE seq = 1",
    "truncate the audit trail": "TRUNCATE audit_events",
    "drop the append-only trigger": "DROP TRIGGER audit_events_append_only ON audit_events",
    "disable the triggers": "ALTER TABLE audit_events DISABLE TRIGGER ALL",
    "bypass triggers as a replica": "SET session_replication_role = replica",
    "rewrite a store rule": "UPDATE store_info SET value = '{}'",
    "delete a store rule": "DELETE FROM store_info",
    "make oneself administrator": "UPDATE users SET role = 'administrator' "
                                  "WHERE name = 'olive'",
    "add an account by SQL": "INSERT INTO users (name, role, active, created_at) VALUES "
                             "('mallory', 'administrator', true, now())",
    "drop the users trigger": "DROP TRIGGER users_match_trail ON users",
    "delete an account": "DELETE FROM users WHERE name = 'olive'",
    "shadow a table with a temporary one": "CREATE TEMP TABLE audit_events (seq int)",
}


def test_a_workstation_works_but_cannot_rewrite_history(
        roles: Roles, tmp_path: Path) -> None:
    store = _workstation(roles, tmp_path)
    try:
        # the application's own paths work: accounts, keys, roles, passwords
        with store.transaction() as session:
            accounts.create_first_administrator(session, "admin", "admin's long password")
            admin = resolve_actor(session, "admin")
            add_user(session, admin, "olive", Role.DISCLOSURE_OFFICER,
                     accounts.new_credentials("olive's long password", "olive"))
        with store.transaction() as session:
            update_user(session, resolve_actor(session, "admin"), "olive",
                        role=Role.SUPERVISOR)
            update_user(session, resolve_actor(session, "admin"), "olive",
                        role=Role.DISCLOSURE_OFFICER)
        accounts.sign_in(store, "olive", "olive's long password")
        refused = []
        for what, sql in REFUSED.items():
            try:
                with store.engine.begin() as conn:
                    conn.execute(text(sql))
            except DBAPIError as exc:
                reason = str(exc.orig)
                assert any(why in reason for why in (
                    "permission denied", "must be owner", "differs from its audit events",
                    "has no user.create audit event")), (what, reason)
                refused.append(what)
        assert refused == list(REFUSED)
        assert audit.verify(store).ok
        with store.read() as session:
            assert trail_replay.replay(session).ok
    finally:
        store.close()
