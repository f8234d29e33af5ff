"""Render the application icon (resources/icons/bwv-studio.svg, the only source) into the
sizes installers need: PNGs (hicolor theme), bwv-studio.ico (Windows) and bwv-studio.icns
(macOS). Generated at build time, never committed.

    python installers/make_icons.py OUTDIR
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "icons"
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(ROOT / "resources" / "icons" / "bwv-studio.svg"))
    if not renderer.isValid():
        raise SystemExit("resources/icons/bwv-studio.svg is not a valid SVG")
    pngs = []
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        path = out / f"bwv-studio-{size}.png"
        if not image.save(str(path)):
            raise SystemExit(f"{path}: cannot write")
        pngs.append(path)
    largest = Image.open(pngs[-1])
    largest.save(out / "bwv-studio.ico", sizes=[(s, s) for s in SIZES if s <= 256])
    largest.save(out / "bwv-studio.icns")
    del app
    print(f"Icons in {out}: {len(pngs)} PNG sizes, .ico, .icns")
    return 0


if __name__ == "__main__":
    sys.exit(main())
