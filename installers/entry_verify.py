"""Frozen entry point of ``bwv-verify``, the standalone verifier (PyInstaller)."""

import sys

from app.verifier.main import main

sys.exit(main())
