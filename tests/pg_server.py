"""A private, throw-away PostgreSQL server (initdb in a temporary folder, a Unix socket only):
for the test session and the benchmarks that measure the PostgreSQL store."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _pg_bin(tool: str) -> str | None:
    found = shutil.which(tool)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{tool}"),
                        key=lambda p: int(p.split("/")[4]))
    return candidates[-1] if candidates else None


def missing() -> str:
    """Why no server can be started here ("" when one can)."""
    if not (_pg_bin("initdb") and _pg_bin("pg_ctl")):
        return ("PostgreSQL server binaries not found: 'apt-get install postgresql' "
                "(tools/dev does) or set BWV_TEST_POSTGRES_URL")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "the psycopg driver is not installed (pip install 'psycopg[binary]')"
    return ""


@contextmanager
def private_server() -> Iterator[str]:
    """Start a server, yield the SQLAlchemy URL of its ``postgres`` database, then stop it
    and delete its files."""
    initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
    assert initdb and pg_ctl, missing()
    base = Path(tempfile.mkdtemp(prefix="bwv-pg-"))
    base.chmod(0o755)
    prefix: list[str] = []
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root
        shutil.chown(base, "postgres", "postgres")
        prefix = ["runuser", "-u", "postgres", "--"]
    data, log = base / "data", base / "server.log"
    subprocess.run([*prefix, initdb, "-D", str(data), "-A", "trust", "-U", "postgres",
                    "--no-sync", "-E", "UTF8"], check=True, capture_output=True)
    subprocess.run([*prefix, pg_ctl, "-D", str(data), "-l", str(log), "-w", "-o",
                    f"-k {base} -c listen_addresses='' -F", "start"],
                   check=True, capture_output=True)
    try:
        yield f"postgresql+psycopg://postgres@/postgres?host={base}"
    finally:
        subprocess.run([*prefix, pg_ctl, "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True)
        shutil.rmtree(base, ignore_errors=True)
