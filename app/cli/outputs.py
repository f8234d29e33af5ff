"""The files a command writes besides exports (``--json``, ``audit export -o``): checked
before any work, as ``bwv redact`` checks its export's."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import make_url

from app.cli.context import Context
from app.core.errors import ConflictError
from app.core.fileio import refuse_not_a_file
from app.core.library.footage import refuse_an_original


def check_output(ctx: Context | None, out: Path, force: bool,
                 source: Path | None = None) -> None:
    """``out`` may be written: not a folder or a link, never an original of the store (even
    with ``force``; with no ``ctx``, for a command that needs no store, never ``source``,
    the file it reads), and not an existing file unless ``force``."""
    refuse_not_a_file(out)
    if ctx is not None:
        with ctx.store.read() as session:
            refuse_an_original(session, out)
    if source is not None and out.expanduser().resolve() == source.expanduser().resolve():
        raise ConflictError(f"{out} is the file read; give another name.")
    if out.exists() and not force:
        raise ConflictError(f"{out} already exists; use --force to overwrite it.")


def store_here(ctx: Context) -> Context | None:
    """``ctx`` when its store is a SQLite file that exists (a command that needs no store
    checks against it without making one); None for a server's store or none yet."""
    url = make_url(ctx.database_url)
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    path = Path(url.database).expanduser()
    return ctx if path.is_file() and path.stat().st_size > 0 else None
