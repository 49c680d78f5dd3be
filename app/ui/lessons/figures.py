"""Lesson images for the reader and the PDF handout.

Figures are SVG drawn in the light palette's colours (packaging/make_lesson_figures.py); each
is recoloured to the current theme and rasterised at the current text scale, so a figure grows
with the text and keeps its contrast in the high-contrast theme. ``anatomy:`` sources are
painted from the atlas itself. Anything else is loaded only from the allowed folders.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from app.domain.figure_source import FigureSourceError, is_figure_source, parse_figure_source
from app.ui.lessons.atlas_figure import AtlasFigurePainter
from app.ui.theme import LIGHT, Palette

#: Finds the file an image ``src`` names inside the allowed folders, or ``None``.
ImageLookup = Callable[[str], Path | None]
#: Turns an image ``src`` into the image to show, or ``None`` to show nothing.
ImageSource = Callable[[str], QImage | None]

#: Largest figure file read (the shipped ones are a few KB).
MAX_SVG_BYTES = 512 * 1024
_HEX = re.compile(r"#[0-9a-fA-F]{6}\b")


class LessonFigures:
    """Makes lesson images for one palette, scale and device pixel ratio at a time."""

    def __init__(self, lookup: ImageLookup, atlas: AtlasFigurePainter | None) -> None:
        self._lookup = lookup
        self._atlas = atlas

    def source(self, palette: Palette, scale: float, ratio: float) -> ImageSource:
        """A loader bound to one look (the reader takes a new one when the theme changes).

        It keeps what it drew: Qt asks again for the same image on every relayout and on
        every printed page, and an atlas figure takes a few hundred milliseconds to paint.
        """
        drawn: dict[str, QImage | None] = {}

        def load(src: str) -> QImage | None:
            if src not in drawn:
                drawn[src] = self.image(src, palette, scale, ratio)
            return drawn[src]

        return load

    def image(self, src: str, palette: Palette, scale: float, ratio: float) -> QImage | None:
        """The image ``src`` names, drawn for the palette and scale; ``None`` if refused."""
        if is_figure_source(src):
            return self._atlas_image(src, palette, scale, ratio)
        path = self._lookup(src)
        if path is None:
            return None
        if path.suffix.lower() == ".svg":
            return themed_svg(path, palette, scale, ratio)
        image = QImage(str(path))
        return None if image.isNull() else image

    def _atlas_image(
        self, src: str, palette: Palette, scale: float, ratio: float
    ) -> QImage | None:
        if self._atlas is None:
            return None
        try:
            figure = parse_figure_source(src)
        except FigureSourceError:
            return None
        return self._atlas.image(figure, palette, scale, ratio)


def recolour(svg: str, palette: Palette) -> str:
    """Swap each light-palette colour in ``svg`` for the same role's colour in ``palette``."""
    if palette == LIGHT:
        return svg
    table = _colour_table(palette)
    return _HEX.sub(lambda match: table.get(match.group(0).lower(), match.group(0)), svg)


@cache
def _colour_table(palette: Palette) -> dict[str, str]:
    table: dict[str, str] = {}
    for field in dataclasses.fields(Palette):
        light = getattr(LIGHT, field.name)
        if field.name != "name":
            table.setdefault(light.lower(), getattr(palette, field.name))  # first role wins
    return table


def themed_svg(path: Path, palette: Palette, scale: float, ratio: float) -> QImage | None:
    """Rasterise an SVG figure at ``scale`` times its own size, recoloured for ``palette``."""
    try:
        if path.stat().st_size > MAX_SVG_BYTES:
            return None
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    renderer = QSvgRenderer(QByteArray(recolour(text, palette).encode("utf-8")))
    if not renderer.isValid():
        return None
    size = renderer.defaultSize()
    width, height = size.width() * scale, size.height() * scale
    image = QImage(round(width * ratio), round(height * ratio), QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(ratio)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, width, height))
    painter.end()
    return image
