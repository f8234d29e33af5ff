"""The application log: a rotating file in the platform log directory.

This is diagnostics only. The audit trail is a separate, hash-chained table (see audit.py).
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from app.core.settings import log_dir

_configured: Path | None = None


def setup_logging(level: int = logging.INFO) -> Path:
    """Attach a rotating file handler to the ``app`` logger once; return the log file path."""
    global _configured
    path = log_dir() / "bwv-studio.log"
    if _configured == path:
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=2_000_000, backupCount=5, encoding="utf-8",
        errors="backslashreplace"
    )
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s")
    )
    logger = logging.getLogger("app")
    for old in list(logger.handlers):
        if isinstance(old, logging.handlers.RotatingFileHandler):
            logger.removeHandler(old)
            old.close()
    logger.addHandler(handler)
    logger.setLevel(level)
    _configured = path
    return path
