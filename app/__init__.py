"""BWV Studio: offline redaction and disclosure of body-worn video."""

from importlib import metadata as _metadata

try:
    __version__ = _metadata.version("bwv-studio")
except _metadata.PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
