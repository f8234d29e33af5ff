"""Frozen entry point of the desktop app (PyInstaller)."""

import sys

from app.ui.application import main

sys.exit(main())
