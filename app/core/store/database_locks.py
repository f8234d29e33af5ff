"""Advisory lock numbers shared by the database and audit modules (PostgreSQL), and the
chain's lock taken up front."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

MIGRATE_LOCK = 0x42575631  # schema upgrades
CHAIN_LOCK = 0x42575632  # audit-chain appends


def hold_chain(session: Session) -> None:
    """Take the chain's lock for the rest of the caller's transaction, as the first audit
    event it records would (PostgreSQL's advisory lock; a SQLite write transaction holds the
    whole store from its start). Work that reads before it writes (is the same job already
    queued? has the store an id yet?) takes it first, so two such transactions cannot both
    read "no" and both write: the second reads after the first has committed."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text(f"SELECT pg_advisory_xact_lock({CHAIN_LOCK})"))
