"""Frozen entry point of the ``bwv`` command line (PyInstaller)."""

import multiprocessing
import sys

if __name__ == "__main__":
    # `bwv worker --processes` starts worker processes from this executable: in a frozen
    # program the child must run the worker, not `bwv` again
    multiprocessing.freeze_support()
    from app.cli.entry import main

    sys.exit(main())
