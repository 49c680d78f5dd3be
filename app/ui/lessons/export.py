"""PDF handouts of a lesson: the reader's own HTML, typeset on A4 in the light theme."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from app.ui.lessons.document import lesson_css
from app.ui.lessons.figures import ImageSource, LessonFigures
from app.ui.lessons.reader import load_contained_image
from app.ui.theme import LIGHT

#: Print resolution; text is vector either way, this only sets layout units.
DPI = 300
#: Print type scale relative to the screen's: body text at 13.5 px of 1/96 in, about 10 pt.
PRINT_SCALE = 0.75
#: Device pixels per CSS pixel for figures: 2.5 gives about 240 dpi on paper, sharp in print
#: without making the export slow (an atlas figure is painted, not copied).
PRINT_PIXEL_RATIO = 2.5
#: The text area of A4 less the margins below, in CSS pixels (1/96 in).
_MM_TO_PX = 96 / 25.4
_MARGINS_MM = (20, 18, 20, 18)
PAGE_PX = QSizeF((210 - 40) * _MM_TO_PX, (297 - 36) * _MM_TO_PX)
#: Room kept at the foot of each page for "title · page n of N", in CSS pixels.
FOOTER_PX = 28.0
#: In-app links (anatomy:, lesson:, quiz: …) lead nowhere on paper: their text stays, as text.
_IN_APP_LINK = re.compile(r'<a\s+href="(?!#)[a-z]+:[^"]*"[^>]*>(.*?)</a>', re.DOTALL)


class _HandoutDocument(QTextDocument):
    """A text document that, like the reader, loads images only through the figure source."""

    def __init__(self, images: ImageSource) -> None:
        super().__init__()
        self._images = images

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        return load_contained_image(self._images, kind, QUrl(name))


def export_pdf(document_html: str, title: str, path: Path, figures: LessonFigures) -> None:
    """Write the lesson to ``path`` as a PDF, atomically (a temp file, then a rename).

    Figures are drawn in the light theme at print scale, whatever the screen shows.

    Raises:
        OSError: when the file could not be written; ``path`` is then untouched.
    """
    folder = path.parent
    handle, temp_name = tempfile.mkstemp(prefix=".lesson-", suffix=".pdf", dir=folder)
    os.close(handle)
    try:
        images = figures.source(LIGHT, PRINT_SCALE, PRINT_PIXEL_RATIO)
        _write(document_html, title, temp_name, images)
        if os.path.getsize(temp_name) == 0:
            raise OSError(f"could not write a PDF to {folder}")
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise


def _write(document_html: str, title: str, file_name: str, images: ImageSource) -> None:
    writer = QPdfWriter(file_name)
    writer.setTitle(title)
    writer.setCreator("Gluteal Atlas")
    writer.setResolution(DPI)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(*_MARGINS_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    document = _HandoutDocument(images)
    document.setDefaultStyleSheet(lesson_css(LIGHT, PRINT_SCALE))
    document.setHtml(printable_html(document_html))
    # Laid out in CSS pixels and scaled to the printer page, so the handout keeps the screen's
    # proportions; pages are painted here (not by print_()) to put a footer on each.
    document.setPageSize(QSizeF(PAGE_PX.width(), PAGE_PX.height() - FOOTER_PX))
    _paint_pages(document, writer, title)


def printable_html(document_html: str) -> str:
    """The lesson's HTML with in-app links turned into plain text (anchors within the page
    stay); on paper they could only be dead links."""
    return _IN_APP_LINK.sub(r"\1", document_html)


def _paint_pages(document: QTextDocument, writer: QPdfWriter, title: str) -> None:
    painter = QPainter(writer)
    try:
        scale = writer.width() / PAGE_PX.width()
        page_height = document.pageSize().height()
        pages = document.pageCount()
        for number in range(pages):
            if number:
                writer.newPage()
            painter.save()
            painter.scale(scale, scale)
            painter.translate(0, -number * page_height)
            context = QAbstractTextDocumentLayout.PaintContext()
            context.clip = QRectF(0, number * page_height, PAGE_PX.width(), page_height)
            painter.setClipRect(context.clip)
            document.documentLayout().draw(painter, context)
            painter.restore()
            _paint_footer(painter, scale, f"{title}  ·  page {number + 1} of {pages}")
    finally:
        painter.end()


def _paint_footer(painter: QPainter, scale: float, text: str) -> None:
    painter.save()
    painter.scale(scale, scale)
    font = QFont()
    font.setPixelSize(round(11 * PRINT_SCALE / 0.75))
    painter.setFont(font)
    painter.setPen(QColor(LIGHT.text_muted))
    area = QRectF(0, PAGE_PX.height() - FOOTER_PX + 8, PAGE_PX.width(), FOOTER_PX - 8)
    painter.drawText(area, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom), text)
    painter.restore()
