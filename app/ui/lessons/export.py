"""PDF handouts of a lesson: the reader's own HTML, typeset on A4 in the light theme."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF, QUrl
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from app.ui.lessons.document import lesson_css
from app.ui.lessons.reader import ImageLookup, load_contained_image
from app.ui.theme import LIGHT

#: Print resolution; text is vector either way, this only sets layout units.
DPI = 300
#: Print type scale relative to the screen's (screen px are larger than print points).
PRINT_SCALE = 0.62


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
            QMarginsF(20, 18, 20, 18),
            QPageLayout.Unit.Millimeter,
        )
    )
    document = _HandoutDocument(image_lookup)
    # Points at 300 dpi: scale the screen pixel sizes so body text prints at ~11 pt.
    document.setDefaultStyleSheet(lesson_css(LIGHT, PRINT_SCALE * DPI / 72))
    document.setHtml(document_html)
    document.print_(writer)
