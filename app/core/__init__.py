"""Qt-free domain of BWV Studio: storage, ingest, audit and (later) detection and export.

Nothing in this package may import PySide6, ``app.ui`` or ``app.cli``; CI enforces it.
"""
