"""HTML to an A4 PDF with Qt (the disclosure record of a pack): QTextDocument on a QPdfWriter.

Painting on a QPdfWriter is allowed outside the UI thread, so packs are made in a worker.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

MARGIN_MM = 15.0
RESOLUTION_DPI = 300


def render_pdf(html: str, path: Path) -> None:
    """Write ``html`` to ``path`` as an A4 PDF, paginated; OSError if it cannot be written."""
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION_DPI)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                          QPageLayout.Unit.Millimeter)
    writer.setTitle(path.stem)
    writer.setCreator("BWV Studio")
    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)  # fonts measured at the PDF resolution
    document.setHtml(html)
    page = writer.pageLayout().paintRectPixels(writer.resolution())
    width, height = float(page.width()), float(page.height())
    document.setPageSize(QSizeF(width, height))
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"{path}: cannot write the PDF (check the folder exists and is "
                      "writable).")
    ok = True
    try:
        pages = max(1, document.pageCount())
        for number in range(pages):
            if number and not writer.newPage():
                ok = False
                break
            painter.save()
            painter.translate(0, -number * height)
            document.drawContents(painter, QRectF(0, number * height, width, height))
            painter.restore()
    finally:
        ok = painter.end() and ok
    if not ok or not path.is_file() or path.stat().st_size == 0:
        raise OSError(f"{path}: the PDF could not be written completely.")
