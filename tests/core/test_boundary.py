"""The core and the CLI must import and work with Qt absent."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

BLOCK_QT = """
import sys
class _Block:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6'):
            raise ImportError('Qt is blocked in this test: ' + name)
sys.meta_path.insert(0, _Block())
import pkgutil, importlib, app.core, app.cli
for pkg in (app.core, app.cli):
    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):
        if '.migrations' not in m.name:
            importlib.import_module(m.name)
from app.cli.main import main
sys.exit(main(['--help']))
"""


def test_core_and_cli_work_without_qt(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-c", BLOCK_QT], cwd=REPO, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "usage: bwv" in result.stdout
