"""mediapipe's task API imported without the parts detection never uses.

Importing ``mediapipe.tasks.python.vision`` imports its audio tasks (which load PortAudio
through ``sounddevice``) and its drawing helpers (which import matplotlib and its pyplot): a
quarter of a second or more in every new process (the app, ``bwv``, each batch worker), for
nothing detection does. Those modules are made lazy here: named and bound as usual, run
only when something of them is used (``importlib.util.LazyLoader``)."""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import sys
import threading
from collections.abc import Sequence
from typing import Any

UNUSED = ("mediapipe.tasks.python.audio", "mediapipe.tasks.python.vision.drawing_utils",
          "mediapipe.tasks.python.vision.drawing_styles")
_lock = threading.Lock()


class _RunOnUse(importlib.abc.MetaPathFinder):
    """Finds the modules in ``UNUSED`` as usual, with a loader that runs them on first use."""

    def find_spec(self, fullname: str, path: Sequence[str] | None,
                  target: Any = None) -> importlib.machinery.ModuleSpec | None:
        if fullname not in UNUSED:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None or spec.loader is None:
            return None  # not found on the path: imported the usual way
        try:
            spec.loader = importlib.util.LazyLoader(spec.loader)
        except TypeError:  # a loader that cannot run a module later
            return None
        return spec


def mediapipe_tasks() -> tuple[Any, Any]:
    """mediapipe's ``BaseOptions`` and ``vision``, its audio tasks and drawing helpers not
    run until something uses them."""
    with _lock:
        if "mediapipe.tasks.python.vision" not in sys.modules:
            finder = _RunOnUse()
            sys.meta_path.insert(0, finder)
            try:
                import mediapipe.tasks.python.vision  # noqa: F401
            finally:
                sys.meta_path.remove(finder)
    from mediapipe.tasks.python import BaseOptions, vision

    return BaseOptions, vision
