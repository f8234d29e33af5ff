"""The evidence manifest written beside each export (``OUT.manifest.json``)."""

from __future__ import annotations

import json
import platform
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

from app import __version__


def manifest_path(export: Path) -> Path:
    return export.with_name(export.stem + ".manifest.json")


def software_versions() -> dict[str, str]:
    """Versions of everything that decides the output's pixels."""
    import av
    import cv2
    import numpy
    import onnxruntime

    versions = {"bwv-studio": __version__, "python": sys.version.split()[0],
                "platform": platform.platform(), "pyav": av.__version__,
                "opencv": cv2.__version__, "numpy": numpy.__version__,
                "onnxruntime": onnxruntime.__version__}
    try:  # read from its installed metadata: importing it would load its whole task API
        versions["mediapipe"] = metadata.version("mediapipe")
    except metadata.PackageNotFoundError:  # a bundle without the metadata: ask it
        import mediapipe

        versions["mediapipe"] = mediapipe.__version__
    for lib, (major, minor, micro) in av.library_versions.items():
        versions[f"ffmpeg-{lib}"] = f"{major}.{minor}.{micro}"
    return versions


def render_manifest(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2, sort_keys=False, ensure_ascii=False) + "\n"
