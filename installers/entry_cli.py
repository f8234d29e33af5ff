"""Frozen entry point of the ``bwv`` command line (PyInstaller)."""

import sys

from app.cli.main import main

sys.exit(main())
