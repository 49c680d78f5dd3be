"""The lesson reader: a QTextBrowser that never leaves the app and never reads stray files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QFontMetricsF, QImage, QResizeEvent, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

#: Finds the file an image ``src`` names inside the allowed folders, or ``None``.
ImageLookup = Callable[[str], Path | None]


def load_contained_image(lookup: ImageLookup, kind: int, url: QUrl) -> QImage | None:
    """The image for ``url`` if it is an image inside the allowed folders; else nothing."""
    if kind != QTextDocument.ResourceType.ImageResource.value:
        return None  # style sheets, markdown, anything else: never loaded from disk
    path = lookup(url.toString())
    if path is None:
        return None
    image = QImage(str(path))
    return None if image.isNull() else image


class LessonReader(QTextBrowser):
    """Shows one lesson document in a centred column of comfortable width.

    Signals:
        link_requested(str): the learner clicked a link; the page decides what to do.
    """

    link_requested = Signal(str)

    def __init__(self, image_lookup: ImageLookup, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._image_lookup = image_lookup
        self._measure_px = 640.0
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAccessibleName("Lesson text")
        self.anchorClicked.connect(self._on_self_anchor_clicked)

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        # Never fall back to QTextBrowser's loader: it reads any local file it is pointed at.
        return load_contained_image(self._image_lookup, kind, QUrl(name))

    def show_document(self, css: str, document_html: str, text_px: int) -> None:
        """Replace the document; ``text_px`` sets the width of the text column."""
        self.document().setDefaultStyleSheet(css)
        self.setHtml(document_html)
        font = self.font()
        font.setPixelSize(text_px)
        self._measure_px = QFontMetricsF(font).averageCharWidth() * 68
        self._apply_measure()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_measure()

    def _apply_measure(self) -> None:
        # Centre a column of readable width: wide windows get margins, not longer lines.
        spare = self.viewport().width() - self._measure_px
        side = max(24.0, spare / 2)
        root = self.document().rootFrame()
        frame = root.frameFormat()
        if abs(frame.leftMargin() - side) < 1:
            return
        frame.setLeftMargin(side)
        frame.setRightMargin(side)
        frame.setTopMargin(36)
        frame.setBottomMargin(48)
        root.setFrameFormat(frame)

    def _on_self_anchor_clicked(self, url: QUrl) -> None:
        self.link_requested.emit(url.toString())
