"""PDF handouts of a lesson: the reader's own HTML, typeset on A4 in the light theme."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF, QSizeF, QUrl
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from app.ui.lessons.document import lesson_css
from app.ui.lessons.reader import ImageLookup, load_contained_image
from app.ui.theme import LIGHT

#: Print resolution; text is vector either way, this only sets layout units.
DPI = 300
#: Print type scale relative to the screen's: body text at 13.5 px of 1/96 in, about 10 pt.
PRINT_SCALE = 0.75
#: The text area of A4 less the margins below, in CSS pixels (1/96 in).
_MM_TO_PX = 96 / 25.4
_MARGINS_MM = (20, 18, 20, 18)
PAGE_PX = QSizeF((210 - 40) * _MM_TO_PX, (297 - 36) * _MM_TO_PX)


class _HandoutDocument(QTextDocument):
    """A text document that, like the reader, only loads images from allowed folders."""

    def __init__(self, image_lookup: ImageLookup) -> None:
        super().__init__()
        self._image_lookup = image_lookup

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        return load_contained_image(self._image_lookup, kind, QUrl(name))


def export_pdf(document_html: str, title: str, path: Path, image_lookup: ImageLookup) -> None:
    """Write the lesson to ``path`` as a PDF, atomically (a temp file, then a rename).

    Raises:
        OSError: when the file could not be written; ``path`` is then untouched.
    """
    folder = path.parent
    handle, temp_name = tempfile.mkstemp(prefix=".lesson-", suffix=".pdf", dir=folder)
    os.close(handle)
    try:
        _write(document_html, title, temp_name, image_lookup)
        if os.path.getsize(temp_name) == 0:
            raise OSError(f"could not write a PDF to {folder}")
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise


def _write(document_html: str, title: str, file_name: str, image_lookup: ImageLookup) -> None:
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
    document = _HandoutDocument(image_lookup)
    document.setDefaultStyleSheet(lesson_css(LIGHT, PRINT_SCALE))
    document.setHtml(document_html)
    # With a page size set, Qt lays the text out in CSS pixels and scales each page to the
    # printer, so the handout keeps the screen's proportions.
    document.setPageSize(PAGE_PX)
    document.print_(writer)
