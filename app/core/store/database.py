"""Opening the evidence store: engine set-up, migrations to head, and transactions."""

from __future__ import annotations

import logging
import os
import re
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from sqlalchemy import Engine, create_engine, event, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import (
    ArgumentError,
    DatabaseError,
    DBAPIError,
    OperationalError,
    ProgrammingError,
    SQLAlchemyError,
)
from sqlalchemy.orm import Session, sessionmaker

from app.core.errors import QT_TRANSLATE_NOOP, BwvError, StoreBusyError
from app.core.store.database_locks import MIGRATE_LOCK, hold_chain
from app.core.store.models import AuditEvent, StoreInfo

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).with_name("migrations")
WRITE_OPTION = "bwv_write"
# How long a write waits for another program's write to finish (SQLite's busy timeout,
# PostgreSQL's lock_timeout: ``_session_settings``) before it is refused with STORE_BUSY. Work
# that records many events commits them in parts (audit.PART a transaction:
# jobs.bulk_queue, footage.verify_originals), so a part holds the store for a fraction of
# a second and 10 s is reached only when something else holds it.
BUSY_TIMEOUT_MS = 10_000
SCHEMA_HEAD = "0012"  # the newest migration's revision (a test holds it to Alembic's scripts)


def _alembic_config() -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event (below) issue BEGIN itself, so that write transactions
    # can take the write lock up front (BEGIN IMMEDIATE) instead of failing on upgrade.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()


def make_engine(url: str) -> Engine:
    """Create an engine; for SQLite, create the folder and turn on WAL and foreign keys."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError) as exc:  # ValueError: e.g. a port that is no number
        raise BwvError(QT_TRANSLATE_NOOP(
            "CoreMessages", "The database URL {url} is not valid: {problem}"),
            url=_hidden(url), problem=_masked(exc, url)) from exc
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            folder = Path(parsed.database).expanduser().parent
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise BwvError(QT_TRANSLATE_NOOP(
                    "CoreMessages", "Cannot open the database {url}: its folder {folder} "
                    "cannot be created ({problem})."), url=_hidden(url), folder=folder,
                    problem=_masked(exc.strerror or exc, url)) from exc
        if parsed.database and parsed.database != ":memory:":
            store_file = Path(parsed.database).expanduser()
            if store_file.is_file() and store_file.stat().st_size == 0:
                raise BwvError(EMPTY_STORE, url=_hidden(url))
        engine = _create(parsed, url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    engine = _create(parsed, url, pool_pre_ping=True, connect_args=_libpq_args(parsed))
    settings = _session_settings(parsed)
    if settings:
        event.listen(engine, "connect", lambda connection, _record: _apply(connection,
                                                                          settings))
    return engine


# A server that does not answer (gone from the network, a firewall dropping packets) is given
# up on after this many seconds, as a refused connection is at once: without it a connection
# waits out the system's TCP retries (about two minutes on Linux), and the window with it.
# libpq's drivers (psycopg, psycopg2) only; a URL's own ?connect_timeout= or ?service= (its
# file may set one), PGCONNECT_TIMEOUT and PGSERVICE win.
CONNECT_TIMEOUT_S = 10
# A computer that vanishes (power cut, network gone) while its transaction holds the store
# (the audit chain's lock) is noticed by the server after about KEEPALIVE_S * 3 seconds of
# silence and its transaction rolled back, freeing the store; likewise this side notices a
# server gone silent. Without it both wait out the system's TCP keepalive (two hours on
# Linux), and every other workstation and worker waits with them.
KEEPALIVE_S = 20


def _libpq_args(parsed: Any) -> dict[str, Any]:
    """What a PostgreSQL connection through libpq (psycopg, psycopg2) is opened with: a
    connect timeout (``CONNECT_TIMEOUT_S``) and keepalives (``KEEPALIVE_S``), unless the
    URL, PGCONNECT_TIMEOUT or PGSERVICE set them."""
    if not _libpq(parsed):
        return {}
    given = {key.lower() for key in parsed.query}
    args: dict[str, Any] = {}
    if not (given & {"connect_timeout", "service"} or os.environ.get("PGCONNECT_TIMEOUT")
            or os.environ.get("PGSERVICE")):
        args["connect_timeout"] = CONNECT_TIMEOUT_S
    if not any(key.startswith("keepalives") or key == "service" for key in given):
        args.update(keepalives=1, keepalives_idle=KEEPALIVE_S,
                    keepalives_interval=KEEPALIVE_S, keepalives_count=3)
    return args


def _session_settings(parsed: Any) -> tuple[str, ...]:
    """What each PostgreSQL session is set to once connected: a write waiting for a lock
    (another program's write) refused after ``BUSY_TIMEOUT_MS``, as on SQLite
    (``STORE_BUSY``), where it waited as long as the server let it (for ever, behind a
    vanished computer), and the server's keepalives to this side. Set by statements once
    connected, not by startup options (which pgbouncer refuses unless told to ignore
    them); a pooler that shares server connections between clients (pgbouncer's
    transaction pooling) needs lock_timeout set on the server or database and its own
    keepalives instead. Nothing when the URL's ``options``, PGOPTIONS or PGSERVICE set the
    session themselves."""
    given = {key.lower() for key in parsed.query}
    if not _libpq(parsed) or given & {"options", "service"} or os.environ.get("PGOPTIONS") \
            or os.environ.get("PGSERVICE"):
        return ()
    return (f"SET lock_timeout = {BUSY_TIMEOUT_MS}",
            f"SET tcp_keepalives_idle = {KEEPALIVE_S}",
            f"SET tcp_keepalives_interval = {KEEPALIVE_S}", "SET tcp_keepalives_count = 3")


def _libpq(parsed: Any) -> bool:
    """Whether the URL names PostgreSQL through libpq (psycopg, psycopg2): the driver as
    named, not loaded (an unknown one is ``_create``'s to refuse, in words)."""
    backend, _plus, driver = parsed.drivername.partition("+")
    return bool(backend == "postgresql" and driver in ("", "psycopg", "psycopg2"))


def _apply(connection: Any, settings: tuple[str, ...]) -> None:
    """Run ``settings`` on a new DBAPI connection, outside any transaction of its own."""
    cursor = connection.cursor()
    try:
        for statement in settings:
            cursor.execute(statement)
    finally:
        cursor.close()
    connection.commit()


UNUSABLE_URL = QT_TRANSLATE_NOOP("CoreMessages",
                                 "The database URL {url} cannot be used: {problem}")
# A store is never empty once made: an emptied file would otherwise become a new, empty
# store, its audit trail gone without a word.
EMPTY_STORE = QT_TRANSLATE_NOOP(
    "CoreMessages", "The database {url} is an empty file (0 bytes), not a store: restore it "
    "from a backup, or delete the file to start a new store.")


# PostgreSQL's error classes that say the database itself cannot be used now, not that a
# statement was wrong: connection (08), read-only (25006), permission (42501), resources (53),
# operator intervention (57), system (58), internal (XX).
_UNUSABLE_STATES = ("08", "25006", "42501", "53", "57", "58", "XX")


# A write refused because another program held the store: SQLite's "database is locked"
# (SQLITE_BUSY, with its extended codes), and
# PostgreSQL's lock_not_available (a lock_timeout set by the server or the URL), deadlock and
# serialisation failures. The action changed nothing (its transaction rolled back), and the
# same action a moment later works: it is said so, not called a damaged store.
STORE_BUSY = QT_TRANSLATE_NOOP(
    "CoreMessages", "The store is busy: another program or window (a worker, an ingest, a "
    "batch being queued) was writing to it and did not finish in time, so the change that "
    "needed it was not saved. Try again in a moment.")
DATABASE_FAILED = QT_TRANSLATE_NOOP(
    "CoreMessages", "The database could not complete this action: {problem}")
_USER_INFO = re.compile(r"(?:[^\s'\"@]+@)+")  # what stands before an @ in a driver's words
_SQLITE_BUSY = 5  # SQLITE_BUSY, the primary result code (SQLITE_LOCKED is our own
# connection's conflict with itself, not another program)
_BUSY_STATES = ("55P03", "40P01", "40001")


def store_busy(exc: BaseException) -> bool:
    """Whether a database error says another program held the store (see STORE_BUSY)."""
    orig = getattr(exc, "orig", None)
    if not isinstance(exc, DBAPIError) or orig is None:
        return False
    code = getattr(orig, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF == _SQLITE_BUSY
    state = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None) or ""
    return str(state) in _BUSY_STATES


def database_problem(exc: DBAPIError) -> BwvError:
    """What a database error says to the person who asked for the action: STORE_BUSY, or
    the driver's first line (never the statement or its values; whatever stands before an
    @, user information in a connection error, hidden)."""
    if store_busy(exc):
        return StoreBusyError(STORE_BUSY)
    words = str(getattr(exc, "orig", None) or exc).strip().splitlines() or ["?"]
    return BwvError(DATABASE_FAILED, problem=_USER_INFO.sub("***@", words[0]))


def store_unusable(exc: BaseException) -> bool:
    """Whether a database error says the store itself cannot be used (read-only, damaged,
    full, unreachable, not allowed), rather than that one statement failed."""
    if isinstance(exc, OperationalError) or type(exc) is DatabaseError:
        return True
    state = getattr(getattr(exc, "orig", None), "sqlstate", None) or ""
    return isinstance(exc, DBAPIError) and state.startswith(_UNUSABLE_STATES)


def store_problem(url: str, exc: Exception) -> BwvError:
    """What an error of the store's database itself (read-only, damaged, full, gone) says:
    the store and the driver's own words, never the statement or its values."""
    return BwvError(UNUSABLE_URL, url=_hidden(url),
                    problem=_masked(getattr(exc, "orig", None) or exc, url))


def _hidden(url: str) -> str:
    """``url`` with its password replaced by ***: never shown or logged. A URL SQLAlchemy
    cannot read, or with an @ in its password, keeps only what follows its last @."""
    if "@" not in url:
        return url  # no credentials in it
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        parsed = None
    if parsed is not None and url.count("@") == 1:
        return parsed.render_as_string(hide_password=True)
    scheme, sep, _ = url.partition("://")
    return (scheme + sep if sep else "") + "***@" + url.rsplit("@", 1)[1]


def _password_parts(url: str) -> list[str]:
    """The URL's password as written, decoded and as SQLAlchemy reads it, and each part of
    it between @ signs (with an @ in it, SQLAlchemy gives the driver the part after the first
    @ as the start of the host name, which the driver's message then shows), longest first."""
    rest = url.partition("://")[2]
    if "@" not in rest:
        return []
    password = rest.rsplit("@", 1)[0].partition(":")[2]
    found = {password, unquote(password)}
    with suppress(ArgumentError, ValueError):
        found.add(make_url(url).password or "")
    for whole in list(found):
        found.update(part for part in whole.split("@") if len(part) >= 3)
    return sorted((part for part in found if part), key=len, reverse=True)


def _masked(problem: object, url: str) -> str:
    """A driver's or SQLAlchemy's message about ``url`` with every part of its password
    replaced by ***, and (when it has a password) whatever stands just before an @ in the
    message (user information: the host follows it)."""
    message, parts = str(problem), _password_parts(url)
    for part in parts:
        message = message.replace(part, "***")
    return _USER_INFO.sub("***@", message) if parts else message


def _create(parsed: Any, url: str, **kwargs: Any) -> Engine:
    try:
        return create_engine(parsed, **kwargs)
    except (ArgumentError, ImportError) as exc:  # unknown dialect, driver not installed
        raise BwvError(UNUSABLE_URL, url=_hidden(url), problem=_masked(exc, url)) from exc
    except SQLAlchemyError as exc:
        raise BwvError(UNUSABLE_URL, url=_hidden(url), problem=_masked(exc, url)) from exc


def _sqlite_begin(conn: Any) -> None:
    mode = conn.get_execution_options().get(WRITE_OPTION, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if mode else "BEGIN")


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest Alembic revision (a no-op when already there).

    Several processes opening a new store at once are serialised: PostgreSQL by an advisory
    lock, SQLite by its write lock (taken up front), with a retry for the loser. A store
    already at ``SCHEMA_HEAD`` is seen so by one read, without loading Alembic and its
    scripts (a tenth of a second in every process that opens a store).
    """
    if _recorded_revision(engine) == SCHEMA_HEAD:
        return
    from alembic import command

    cfg = _alembic_config()
    for attempt in range(5):
        try:
            with engine.connect() as conn:
                if conn.dialect.name == "sqlite":
                    conn = conn.execution_options(**{WRITE_OPTION: True})
                with conn.begin():
                    if conn.dialect.name == "postgresql":  # (waiting for another
                        # program's migration, however long, is right: not STORE_BUSY)
                        conn.exec_driver_sql("SET LOCAL lock_timeout = 0")
                        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATE_LOCK})")
                    cfg.attributes["connection"] = conn
                    command.upgrade(cfg, "head")
            return
        except SQLAlchemyError:
            if attempt == 4 or current_revision(engine) == head_revision():
                if current_revision(engine) == head_revision():
                    return
                raise
            time.sleep(0.2 * (attempt + 1))


def _recorded_revision(engine: Engine) -> str | None:
    """The schema revision recorded in the store (None: none recorded, or no table for it
    yet). A store that cannot be reached raises, as opening it does."""
    with engine.connect() as conn:
        try:
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).all()
        except (OperationalError, ProgrammingError):  # a new store: no table yet
            return None
    return str(rows[0][0]) if len(rows) == 1 else None


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


class Store:
    """The evidence store: one engine, migrated at open, handing out transactions."""

    def __init__(self, url: str, data_dir: Path) -> None:
        self.url = url
        self.data_dir = data_dir
        self.engine = make_engine(url)
        try:
            migrate(self.engine)
        except OperationalError as exc:
            self.engine.dispose()
            if store_busy(exc):  # another program writing (or migrating): not damaged
                raise StoreBusyError(STORE_BUSY) from exc
            raise BwvError(QT_TRANSLATE_NOOP(
                "CoreMessages", "Cannot open the database {url}: {problem}"),
                url=self.display_url, problem=_masked(exc.orig, url)) from exc
        except SQLAlchemyError as exc:  # (the driver's words: not the statement or a link)
            self.engine.dispose()
            raise BwvError(QT_TRANSLATE_NOOP(
                "CoreMessages", "Cannot prepare the database {url}: {problem}"),
                url=self.display_url,
                problem=_masked(getattr(exc, "orig", None) or exc, url)) from exc
        # signing keys opened at sign-in (user name -> key), shared by every session
        self.signers: dict[str, Any] = {}
        self._sessions = sessionmaker(self.engine, expire_on_commit=False,
                                      info={"signers": self.signers})
        try:
            self.store_id = self._ensure_store_id()
        except BaseException:
            self.engine.dispose()
            raise

    @property
    def display_url(self) -> str:
        """The URL with any password hidden."""
        return _hidden(self.url)

    def _ensure_store_id(self) -> str:
        with self.read() as session:  # read first: opening a store takes no write lock
            known = session.get(StoreInfo, "store_id")
            if known is not None:
                return known.value
        with self.transaction() as session:
            hold_chain(session)  # two programs opening a new store at once: one writes
            row = session.get(StoreInfo, "store_id")
            if row is None:
                if session.scalar(select(AuditEvent.seq).limit(1)) is not None:
                    # anchors and witnesses name the store by its id: a new one would
                    # quietly disown them all
                    raise BwvError(QT_TRANSLATE_NOOP(
                        "CoreMessages", "The store {url} has an audit trail but its id is "
                        "gone from store_info: the store was tampered with. Restore it from a "
                        "backup."), url=self.display_url)
                row = StoreInfo(key="store_id", value=uuid.uuid4().hex)
                session.add(row)
            return row.value

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work commits together (or rolls back together) at the end."""
        session = self._sessions()
        try:
            if self.engine.dialect.name == "sqlite":
                session.connection(execution_options={WRITE_OPTION: True})
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()
        self._after_commit()

    def note_witness(self) -> None:
        """Bring this computer's witness of the audit trail up to its head, as every commit
        does (for work that only read, e.g. a command checking who is acting)."""
        self._after_commit()

    def _after_commit(self) -> None:
        # Imported here: witness depends on this module's Store type for annotations only.
        from app.core.store.witness import update_witness

        try:
            update_witness(self)
        except Exception:
            log.exception("could not update the audit witness")

    def read(self) -> Session:
        """A session for read-only queries; the caller closes it (use ``with``)."""
        return self._sessions()

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(settings: Any | None = None) -> Store:
    """Open the store named by the settings (``BWV_DATABASE_URL`` wins), migrating it."""
    from app.core.settings import load_settings

    settings = settings or load_settings()
    return Store(settings.effective_database_url, settings.data_path)

