"""Streaming SHA-256 of originals, opened read-only, with progress and cancel."""

from __future__ import annotations

import hashlib
from pathlib import Path

from app.core.errors import QT_TRANSLATE_NOOP, MediaError
from app.core.media.decode import check_regular_file
from app.core.progress import CancelToken, ProgressFn, no_progress

CHUNK = 1 << 20


def sha256_file(path: Path, progress: ProgressFn = no_progress,
                cancel: CancelToken | None = None) -> str:
    """Hash a file in 1 MiB chunks. Errors become :class:`MediaError` naming the file."""
    digest = hashlib.sha256()
    total = check_regular_file(path).st_size  # names the file for every kind of trouble
    done = 0
    try:
        with path.open("rb") as fh:
            while chunk := fh.read(CHUNK):
                if cancel is not None:
                    cancel.check()
                digest.update(chunk)
                done += len(chunk)
                progress(done, total)
    except PermissionError:
        raise MediaError(QT_TRANSLATE_NOOP(
            "CoreMessages", "{path}: permission denied (cannot read the file)."),
            path=path) from None
    except OSError as exc:
        raise MediaError(QT_TRANSLATE_NOOP(
            "CoreMessages", "{path}: cannot be read ({value})."),
            path=path, value=exc.strerror or exc) from None
    return digest.hexdigest()
