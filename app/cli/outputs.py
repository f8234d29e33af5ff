"""The files a command writes besides exports (``--json``, ``audit export -o``): checked
before any work, as ``bwv redact`` checks its export's."""

from __future__ import annotations

from pathlib import Path

from app.cli.context import Context
from app.core.errors import ConflictError
from app.core.fileio import refuse_not_a_file
from app.core.library.footage import refuse_an_original


def check_output(ctx: Context, out: Path, force: bool) -> None:
    """``out`` may be written: not a folder or a link, never an original of the store (even
    with ``force``), and not an existing file unless ``force``."""
    refuse_not_a_file(out)
    with ctx.store.read() as session:
        refuse_an_original(session, out)
    if out.exists() and not force:
        raise ConflictError(f"{out} already exists; use --force to overwrite it.")
