"""Schema: Alembic migrates an empty database to head, matching the ORM models exactly."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from app.core.store.database import Store, current_revision, head_revision, make_engine, migrate
from app.core.store.models import Base

# Alembic cannot reflect expression indexes on SQLite, so it skips comparing them (with a
# warning); the test below checks that one by name.
pytestmark = [pytest.mark.filterwarnings("ignore:autogenerate skipping metadata-specified"),
              pytest.mark.filterwarnings("ignore:Skipped unsupported reflection")]


def test_the_library_indexes_exist_on_each_backend(store: Store) -> None:
    sql = ("SELECT name FROM sqlite_master WHERE type = 'index'"
           if store.engine.dialect.name == "sqlite"
           else "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()")
    with store.engine.connect() as conn:
        names = set(conn.execute(text(sql)).scalars())
    assert {"ix_footage_file_name_lower", "ix_footage_recorded_at",
            "ix_case_footage_footage_id"} <= names


def test_empty_database_migrates_to_head_and_matches_models(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    assert current_revision(engine) is None
    migrate(engine)
    assert current_revision(engine) == head_revision()
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == [], f"models and migrations disagree: {diff}"
    tables = set(inspect(engine).get_table_names())
    assert {"cases", "footage", "flags", "users", "audit_events", "case_footage"} <= tables
    migrate(engine)  # running again is a no-op
    engine.dispose()


def test_migrated_schema_matches_models_on_each_backend(store: Store) -> None:
    """Runs for both backends through the parametrised store; the key case is PostgreSQL."""
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []
    assert current_revision(store.engine) == head_revision()


def test_sqlite_runs_in_wal_mode_with_foreign_keys(store: Store) -> None:
    if store.engine.dialect.name != "sqlite":
        pytest.skip("SQLite pragmas")
    with store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_store_keeps_its_identity_across_openings(db_url: str, tmp_path: Path) -> None:
    first = Store(db_url, tmp_path)
    second = Store(db_url, tmp_path)
    assert first.store_id == second.store_id and len(first.store_id) == 32
    first.close()
    second.close()


def test_unreachable_database_is_a_clear_error(tmp_path: Path) -> None:
    from app.core.errors import BwvError

    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(BwvError, match="database"):
        Store(f"sqlite:///{blocker}/sub/db.sqlite3", tmp_path)
    with pytest.raises(BwvError, match="not valid"):
        Store("not a url", tmp_path)


def test_a_store_at_the_newest_schema_opens_without_alembic(tmp_path: Path) -> None:
    """``SCHEMA_HEAD`` is Alembic's newest revision (add a migration: update it); a store
    already there opens with one read, without importing Alembic; an older one is
    migrated (the upgrade tests) and a newer one is refused by Alembic, as before."""
    import subprocess
    import sys

    from app.core.store.database import SCHEMA_HEAD

    assert head_revision() == SCHEMA_HEAD
    url = f"sqlite:///{tmp_path / 'at_head.sqlite3'}"
    Store(url, tmp_path / "data").close()
    script = ("import sys; from pathlib import Path; from app.core.store.database import Store; "
              "Store(sys.argv[1], Path(sys.argv[2])).close(); print('alembic' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", script, url, str(tmp_path / "data")],
                         capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[2]).stdout.split()
    assert out == ["False"]
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(Exception, match="9999"):
        migrate(engine)
    engine.dispose()
