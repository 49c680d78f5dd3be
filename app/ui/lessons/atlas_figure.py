"""A still picture of the atlas for a lesson figure: one view, peeled to a depth, one
structure ringed and named — painted by the atlas's own code, so figure and atlas agree."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen

from app.domain.diagram import Diagram
from app.domain.diagram_geometry import bounds
from app.domain.figure_source import AtlasFigure
from app.services.diagram_loader import DiagramError
from app.ui.anatomy.exposure import Exposure
from app.ui.anatomy.figure_art import FigureArtLibrary
from app.ui.anatomy.scene_paint import Look, ShapeArt, paint_ring, paint_shape
from app.ui.theme import Palette

#: Width of an atlas figure at text scale 1, in device-independent pixels (fits the column).
FIGURE_WIDTH = 520.0
#: Tallest atlas figure at text scale 1, so a figure and its caption fit on one screen.
FIGURE_HEIGHT = 440.0
MARGIN = 12.0


class AtlasFigurePainter:
    """Paints atlas figures; diagrams are read once per view and kept."""

    def __init__(self, figures: FigureArtLibrary) -> None:
        self._figures = figures
        self._loaded: dict[str, tuple[Diagram, dict[str, ShapeArt], Exposure] | None] = {}

    def image(
        self, figure: AtlasFigure, palette: Palette, scale: float, ratio: float
    ) -> QImage | None:
        """The figure at ``scale`` times the base width, ``ratio`` device pixels per pixel.

        ``None`` when the view cannot be loaded or does not draw the structure.
        """
        loaded = self._load(figure.view)
        if loaded is None or loaded[0].shape(figure.structure) is None:
            return None
        diagram, arts, exposure = loaded
        depth = figure.depth or exposure.best_depth(figure.structure, 1)
        # Frame what is drawn at this depth: a peeled layer leaves no empty margin behind.
        shown = diagram.visible(depth)
        left, top, right, bottom = bounds([poly for shape in shown for poly in shape.polygons])
        scene = QRectF(left, top, right - left, bottom - top)
        room = 2 * MARGIN * scale
        fit = min(
            (FIGURE_WIDTH * scale - room) / scene.width(),
            (FIGURE_HEIGHT * scale - room) / scene.height(),
        )
        width, height = scene.width() * fit + room, scene.height() * fit + room
        image = QImage(round(width * ratio), round(height * ratio), QImage.Format.Format_ARGB32)
        image.setDevicePixelRatio(ratio)
        image.fill(QColor(palette.surface))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(MARGIN * scale, MARGIN * scale)
        painter.scale(fit, fit)
        painter.translate(-scene.left(), -scene.top())
        for shape in shown:
            paint_shape(painter, arts[shape.id], Look(), palette, fit)
        paint_ring(painter, arts[figure.structure], Look(selected=True), palette)
        anchor = exposure.anchor(figure.structure, depth)
        painter.resetTransform()
        if anchor is not None:
            point = (anchor - scene.topLeft()) * fit + QPointF(MARGIN, MARGIN) * scale
            name = arts[figure.structure].shape.name
            _paint_name(painter, name, point, palette, scale)
        painter.end()
        return image

    def _load(self, view: str) -> tuple[Diagram, dict[str, ShapeArt], Exposure] | None:
        if view not in self._loaded:
            try:
                diagram = self._figures.diagrams.diagram(view)
            except DiagramError:
                self._loaded[view] = None
            else:
                art = self._figures.art_of(diagram)
                self._loaded[view] = (diagram, art.arts, art.exposure)
        return self._loaded[view]


def _paint_name(
    painter: QPainter, name: str, point: QPointF, palette: Palette, scale: float
) -> None:
    """The structure's name on a pill over its uncovered part (readable in both themes)."""
    font = _label_font()
    font.setPixelSize(max(9, round(13 * scale)))
    painter.setFont(font)
    metrics = QFontMetricsF(font)
    pad = 5 * scale
    box = QRectF(0, 0, metrics.horizontalAdvance(name) + 2 * pad, metrics.height() + pad)
    box.moveCenter(point)
    painter.setPen(QPen(QColor(palette.selection), 1.5 * scale))
    painter.setBrush(QColor(palette.surface))
    painter.drawRoundedRect(box, box.height() / 2, box.height() / 2)
    painter.setPen(QColor(palette.text))
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, name)


@cache
def _label_font() -> QFont:
    font = QFont()
    font.setBold(True)
    return font
