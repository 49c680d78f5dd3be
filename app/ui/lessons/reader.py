"""The lesson reader: a QTextBrowser that never leaves the app and never reads stray files."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QFontMetricsF, QImage, QResizeEvent, QTextBlock, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from app.ui.lessons.figures import ImageSource


def load_contained_image(images: ImageSource, kind: int, url: QUrl) -> QImage | None:
    """The image for ``url`` from the lesson's image source; nothing that is not an image."""
    if kind != QTextDocument.ResourceType.ImageResource.value:
        return None  # style sheets, markdown, anything else: never loaded from disk
    return images(url.toString())


class LessonReader(QTextBrowser):
    """Shows one lesson document in a centred column of comfortable width.

    Signals:
        link_requested(str): the learner clicked a link; the page decides what to do.
    """

    link_requested = Signal(str)

    def __init__(self, images: ImageSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._images = images
        self._measure_px = 640.0
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAccessibleName("Lesson text")
        self.anchorClicked.connect(self._on_self_anchor_clicked)

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        # Never fall back to QTextBrowser's loader: it reads any local file it is pointed at.
        return load_contained_image(self._images, kind, QUrl(name))

    def show_document(
        self, css: str, document_html: str, text_px: int, images: ImageSource | None = None
    ) -> None:
        """Replace the document; ``text_px`` sets the width of the text column.

        Args:
            images: where figures come from from now on (drawn for the current theme).
        """
        if images is not None:
            self._images = images
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

    def section_at_top(self, anchors: Sequence[str]) -> str:
        """Of ``anchors`` (in reading order), the last one whose heading has scrolled to the
        top third of the view or above: the section being read ("" before the first)."""
        tops = self._anchor_tops(set(anchors))
        line = self.verticalScrollBar().value() + self.viewport().height() / 3
        current = ""
        for anchor in anchors:
            top = tops.get(anchor)
            if top is not None and top <= line:
                current = anchor
        return current

    def _anchor_tops(self, wanted: set[str]) -> dict[str, float]:
        layout = self.document().documentLayout()
        tops: dict[str, float] = {}
        block = self.document().begin()
        while block.isValid() and len(tops) < len(wanted):
            for name in _anchor_names(block):
                if name in wanted and name not in tops:
                    tops[name] = layout.blockBoundingRect(block).top()
            block = block.next()
        return tops

    def _on_self_anchor_clicked(self, url: QUrl) -> None:
        self.link_requested.emit(url.toString())


def _anchor_names(block: QTextBlock) -> list[str]:
    names: list[str] = []
    iterator = block.begin()
    while not iterator.atEnd():
        fragment = iterator.fragment()
        if fragment.isValid() and fragment.charFormat().isAnchor():
            names.extend(fragment.charFormat().anchorNames())
        iterator += 1
    return names
