"""A stretch illustration: an SVG drawn to fit, aspect kept, on the theme's surface."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget


class StretchFigure(QWidget):
    """Draws one SVG illustration, or nothing when the file is missing or unreadable."""

    def __init__(self, parent: QWidget | None = None, *, hint: QSize | None = None) -> None:
        super().__init__(parent)
        self._renderer = QSvgRenderer(self)
        self._path: Path | None = None
        self._hint = hint or QSize(360, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return self._hint

    def set_svg(self, path: Path | None, description: str = "") -> None:
        if path == self._path:
            return
        self._path = path
        if path is None or not self._renderer.load(str(path)):
            self._renderer.load(b"<svg xmlns='http://www.w3.org/2000/svg'/>")
        self.setAccessibleName(description or "Illustration")
        self.update()

    @property
    def loaded(self) -> bool:
        return self._path is not None and self._renderer.isValid()

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.loaded:
            return
        size = self._renderer.defaultSize()
        if size.isEmpty():
            return
        scale = min(self.width() / size.width(), self.height() / size.height())
        box = QRectF(0, 0, size.width() * scale, size.height() * scale)
        box.moveCenter(QRectF(self.rect()).center())
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._renderer.render(painter, box)
        painter.end()
