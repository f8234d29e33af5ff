"""The ``bwv`` command as installed: Ctrl+C while the program is still loading its modules
(seconds on a slow disk) or reading its arguments ends it as Ctrl+C does later, with exit
status 130 and one line, never a traceback (the command itself answers Ctrl+C while it
works)."""

from __future__ import annotations

import sys

LOADING_INTERRUPTED = "\nInterrupted while starting: nothing was done."
INTERRUPTED = "\nInterrupted."


def main() -> int:
    try:
        from app.cli.main import main as run
    except KeyboardInterrupt:
        print(LOADING_INTERRUPTED, file=sys.stderr)
        return 130
    try:
        return run()
    except KeyboardInterrupt:  # (reading the arguments, or after the command's own answer)
        print(INTERRUPTED, file=sys.stderr)
        return 130
