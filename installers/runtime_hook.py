"""Runs first inside the bundle: point python-vlc at the bundled libvlc and plugins."""

import os
import sys

_base = getattr(sys, "_MEIPASS", os.path.dirname(sys.executable))
_vlc = os.path.join(_base, "vlc")
_lib = {"win32": "libvlc.dll", "darwin": "libvlc.dylib"}.get(sys.platform, "libvlc.so.5")
if os.path.exists(os.path.join(_vlc, _lib)):
    os.environ.setdefault("PYTHON_VLC_LIB_PATH", os.path.join(_vlc, _lib))
    os.environ.setdefault("PYTHON_VLC_MODULE_PATH", os.path.join(_vlc, "plugins"))
    os.environ.setdefault("VLC_PLUGIN_PATH", os.path.join(_vlc, "plugins"))
