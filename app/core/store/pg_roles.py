"""Least privilege on PostgreSQL: the schema owner migrates, workstations get less.

The owner (the role in the URL that created the tables) runs migrations and
``grant_workstation_role``. Workstations connect as login roles that are members of the
workstation group role, which may:

* read everything, and change the working tables (cases, footage, flags, plans, exports ...);
* only INSERT into ``audit_events`` and ``store_info`` (no UPDATE, DELETE or TRUNCATE), and
  never drop or disable their triggers (only an owner can);
* write ``users`` only in step with the audit trail: a deferred constraint trigger refuses,
  at commit, any users row whose name, role, active flag or signing key differs from what
  the newest audit events about that user say (the application writes both in one
  transaction; ``bwv audit verify`` then checks those events' signatures).

The trigger is installed by migration 0005 (its function's search path fixed at creation, so
no temporary table can stand in for a real one); the grants are repeated for each new table
by running ``bwv user workstation-role ROLE`` again after an upgrade. Temporary tables are
refused to everyone but the owner.
"""

from __future__ import annotations

import re

from sqlalchemy import Engine, text

from app.core.errors import QT_TRANSLATE_NOOP, InvalidInputError

APPEND_ONLY = ("audit_events", "store_info")
GUARDED = ("users",)
READ_ONLY = ("alembic_version",)

USERS_TRAIL_FUNCTION = """
CREATE OR REPLACE FUNCTION bwv_users_match_trail() RETURNS trigger AS $$
DECLARE
    want_role text; want_active boolean; want_key text; want_name text; found boolean;
    cur users%ROWTYPE;
BEGIN
    -- deferred to commit: check the row as it is then (NEW may be an earlier version)
    SELECT * INTO cur FROM users WHERE id = NEW.id;
    SELECT true, d->>'name' INTO found, want_name FROM (
        SELECT details::jsonb AS d FROM audit_events
        WHERE object_type = 'user' AND object_id = NEW.id::text AND action = 'user.create'
        ORDER BY seq LIMIT 1) c;
    IF found IS NULL THEN
        RAISE EXCEPTION 'users row % (%) has no user.create audit event', NEW.id, NEW.name;
    END IF;
    SELECT CASE WHEN action = 'user.create' THEN d->>'role' ELSE d->'role'->>1 END
      INTO want_role FROM (
        SELECT action, details::jsonb AS d, seq FROM audit_events
        WHERE object_type = 'user' AND object_id = NEW.id::text
          AND (action = 'user.create' OR (action = 'user.update' AND details::jsonb ? 'role'))
        ORDER BY seq DESC LIMIT 1) r;
    SELECT COALESCE((SELECT (details::jsonb->'active'->>1)::boolean FROM audit_events
        WHERE object_type = 'user' AND object_id = NEW.id::text AND action = 'user.update'
          AND details::jsonb ? 'active' ORDER BY seq DESC LIMIT 1), true) INTO want_active;
    SELECT details::jsonb->>'public_key' INTO want_key FROM audit_events
        WHERE object_type = 'user' AND object_id = NEW.id::text
          AND action IN ('user.create', 'user.password', 'user.key')
          AND details::jsonb ? 'public_key'
        ORDER BY seq DESC LIMIT 1;
    IF cur.name IS DISTINCT FROM want_name OR cur.role::text IS DISTINCT FROM want_role
       OR cur.active IS DISTINCT FROM want_active
       OR cur.public_key IS DISTINCT FROM want_key THEN
        RAISE EXCEPTION 'users row % (%) differs from its audit events (name, role, active '
                        'or signing key): change users through BWV Studio', NEW.id, NEW.name;
    END IF;
    RETURN NULL;
END $$ LANGUAGE plpgsql SET search_path FROM CURRENT
"""
USERS_TRAIL_TRIGGER = """
CREATE CONSTRAINT TRIGGER users_match_trail AFTER INSERT OR UPDATE ON users
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bwv_users_match_trail()
"""


def _role_name(role: str) -> str:
    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", role):
        raise InvalidInputError(QT_TRANSLATE_NOOP(
            "CoreMessages", "{role!r} is not a usable role name: use lower-case letters, digits "
            "and underscores."),
            role=role)
    return role


def grant_workstation_role(engine: Engine, role: str) -> list[str]:
    """Give the workstation group role exactly its privileges (run as the schema owner;
    a database administrator creates the role). Returns the tables it was given."""
    role = _role_name(role)
    if engine.dialect.name != "postgresql":
        raise InvalidInputError(QT_TRANSLATE_NOOP(
            "CoreMessages", "Workstation roles are for PostgreSQL stores; a SQLite store is one "
            "file that its user can always write."))
    with engine.begin() as conn:
        exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"),
                              {"r": role}).first()
        if not exists:
            raise InvalidInputError(QT_TRANSLATE_NOOP(
                "CoreMessages", "There is no PostgreSQL role {role!r}: a database administrator "
                "creates it first (CREATE ROLE {role} NOLOGIN), then each workstation's login "
                "role (CREATE ROLE ws1 LOGIN PASSWORD '...' IN ROLE {role})."),
                role=role)
        schema = conn.execute(text("SELECT current_schema()")).scalar_one()
        conn.execute(text(f'GRANT USAGE ON SCHEMA "{schema}" TO "{role}"'))
        tables = [r[0] for r in conn.execute(text(
            "SELECT tablename FROM pg_tables WHERE schemaname = :s"), {"s": schema})]
        for table in tables:
            conn.execute(text(f'REVOKE ALL ON "{table}" FROM "{role}"'))
            conn.execute(text(f'GRANT {_privileges(table)} ON "{table}" TO "{role}"'))
        database = conn.execute(text("SELECT current_database()")).scalar_one()
        conn.execute(text(f'REVOKE TEMPORARY ON DATABASE "{database}" FROM PUBLIC'))
        conn.execute(text(f'REVOKE TEMPORARY ON DATABASE "{database}" FROM "{role}"'))
        conn.execute(text(f'REVOKE CREATE ON SCHEMA "{schema}" FROM PUBLIC'))
        for (sequence,) in conn.execute(text(
                "SELECT sequence_name FROM information_schema.sequences "
                "WHERE sequence_schema = :s"), {"s": schema}):
            conn.execute(text(f'GRANT USAGE, SELECT ON SEQUENCE "{sequence}" TO "{role}"'))
    return sorted(tables)


def _privileges(table: str) -> str:
    if table in APPEND_ONLY:
        return "SELECT, INSERT"
    if table in GUARDED:
        return "SELECT, INSERT, UPDATE"
    if table in READ_ONLY:
        return "SELECT"
    return "SELECT, INSERT, UPDATE, DELETE"
