"""Advisory lock numbers shared by the database and audit modules (PostgreSQL)."""

MIGRATE_LOCK = 0x42575631  # schema upgrades
CHAIN_LOCK = 0x42575632  # audit-chain appends
