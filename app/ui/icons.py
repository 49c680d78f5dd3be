"""Tinted SVG icons from ``assets/icons`` (``currentColor`` replaced by a palette colour)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

_SIZE = 64


def icon(path: Path | None, color: str, checked_color: str | None = None) -> QIcon:
    """An icon drawn from the SVG at ``path`` in ``color`` (and ``checked_color`` when on)."""
    result = QIcon()
    if path is None:
        return result
    result.addPixmap(_pixmap(str(path), color), QIcon.Mode.Normal, QIcon.State.Off)
    if checked_color:
        result.addPixmap(_pixmap(str(path), checked_color), QIcon.Mode.Normal, QIcon.State.On)
    return result


@lru_cache(maxsize=128)
def _pixmap(path: str, color: str) -> QPixmap:
    try:
        source = Path(path).read_text(encoding="utf-8")
    except OSError:
        return QPixmap()
    renderer = QSvgRenderer(QByteArray(source.replace("currentColor", color).encode()))
    pixmap = QPixmap(_SIZE, _SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    renderer.render(painter, QRectF(0, 0, _SIZE, _SIZE))
    painter.end()
    return pixmap
