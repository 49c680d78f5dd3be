"""What of each structure is uncovered at each depth, in scene units.

Hit-testing, the point a test (or the keyboard) uses for a structure, the outline the
selection wash leaves bright, and the depth that shows a structure best all ask the same
question — which part of this outline is on top at this depth — so it lives here, cached per
(structure, depth), apart from the widget that paints and takes input.

The grid questions behind anchors and best depths (hundreds of points per structure) are
answered from a raster of the figure per depth — each shape filled with its own index,
bottom to top, so a pixel holds the shape on top there — rather than by asking every outline
above at every point: with two dozen structures that is the difference between seconds and a
few milliseconds on the atlas page's first visit. Hit tests stay exact (outline tests).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QTransform

from app.domain.diagram import DEPTHS, Diagram, best_depth, exposed_area, exposed_point
from app.ui.anatomy.scene_paint import ShapeArt

RASTER_MAX_PX = 800.0  # longest side of a depth's raster (about one pixel per scene unit)
# Grid cells searched for the point deepest inside: fewer than the domain's default 900 halves
# the first paint's label work; a thin strip's anchor is still found (checked exactly here,
# and DiagramView.point_inside looks at the pixels round it).
ANCHOR_CELLS = 400


class Exposure:
    """Queries about the uncovered parts of a diagram's shapes."""

    def __init__(self, diagram: Diagram, arts: dict[str, ShapeArt]) -> None:
        self._diagram = diagram
        self._arts = arts
        self._anchors: dict[tuple[str, int], QPointF | None] = {}
        self._paths: dict[tuple[str, int], QPainterPath] = {}
        self._rasters: dict[int, tuple[QImage, QTransform]] = {}

    @property
    def diagram(self) -> Diagram:
        return self._diagram

    def topmost(self, scene: QPointF, depth: int) -> str:
        """Id of the topmost structure in place at a scene point, or ""."""
        for shape in reversed(self._diagram.visible(depth)):
            if self._arts[shape.id].outline.contains(scene):
                return shape.id
        return ""

    def exposed(self, structure_id: str, depth: int, point: tuple[float, float]) -> bool:
        """Whether the structure is the one on top at a scene point."""
        shape = self._diagram.shape(structure_id)
        if shape is None or not shape.visible_at(depth):
            return False
        scene = QPointF(*point)
        if not self._arts[structure_id].outline.contains(scene):
            return False
        visible = self._diagram.visible(depth)
        above = visible[visible.index(shape) + 1 :]
        return not any(self._arts[other.id].outline.contains(scene) for other in above)

    def anchor(self, structure_id: str, depth: int) -> QPointF | None:
        """A scene point well inside the structure's uncovered part, or ``None`` if hidden."""
        key = (structure_id, depth)
        if key not in self._anchors:
            art = self._arts.get(structure_id)
            point = None
            if art is not None:
                rect = _coords(art.outline.boundingRect())
                point = exposed_point(rect, self._test(structure_id, depth), ANCHOR_CELLS)
                if point is not None and not self.exposed(structure_id, depth, point):
                    # A sliver the coarse raster grid only grazes: search it exactly.
                    exact = self._exact_test(structure_id, depth)
                    point = exposed_point(rect, exact)
            self._anchors[key] = None if point is None else QPointF(*point)
        return self._anchors[key]

    def path(self, structure_id: str, depth: int) -> QPainterPath:
        """The uncovered outline (empty when the structure is peeled away)."""
        key = (structure_id, depth)
        if key not in self._paths:
            shape = self._diagram.shape(structure_id)
            path = QPainterPath()
            if shape is not None and shape.visible_at(depth):
                path = QPainterPath(self._arts[structure_id].outline)
                visible = self._diagram.visible(depth)
                for other in visible[visible.index(shape) + 1 :]:
                    path = path.subtracted(self._arts[other.id].outline)
            self._paths[key] = path
        return self._paths[key]

    def best_depth(self, structure_id: str, fallback: int) -> int:
        """The shallowest depth that shows nearly all of the structure."""
        art = self._arts.get(structure_id)
        if art is None:
            return fallback
        rect = _coords(art.outline.boundingRect())
        areas = {depth: exposed_area(rect, self._test(structure_id, depth)) for depth in DEPTHS}
        return best_depth(areas)

    def _exact_test(self, structure_id: str, depth: int) -> Callable[[tuple[float, float]], bool]:
        return lambda point: self.exposed(structure_id, depth, point)

    def _test(self, structure_id: str, depth: int) -> Callable[[tuple[float, float]], bool]:
        """Is the structure on top at this scene point (read from the depth's raster)?"""
        visible = self._diagram.visible(depth)
        index = next((i for i, s in enumerate(visible) if s.id == structure_id), -1)
        if index < 0:
            return lambda point: False
        if index >= 255:  # beyond a byte's indices: ask the outlines
            return self._exact_test(structure_id, depth)
        image, to_image = self._raster(depth)
        wanted = index + 1
        width, height = image.width(), image.height()
        m11, m22, dx, dy = to_image.m11(), to_image.m22(), to_image.dx(), to_image.dy()

        def on_top(point: tuple[float, float]) -> bool:
            x, y = int(point[0] * m11 + dx), int(point[1] * m22 + dy)
            return 0 <= x < width and 0 <= y < height and image.pixel(x, y) & 0xFF == wanted

        return on_top

    def _raster(self, depth: int) -> tuple[QImage, QTransform]:
        if depth not in self._rasters:
            left, top, right, bottom = self._diagram.content_bounds()
            scale = min(1.0, RASTER_MAX_PX / max(right - left, bottom - top, 1.0))
            to_image = QTransform.fromScale(scale, scale).translate(-left, -top)
            size = (int((right - left) * scale) + 2, int((bottom - top) * scale) + 2)
            # One byte a pixel: a figure has far fewer than 255 shapes, and eight rasters (two
            # views, four depths) then cost about 2.5 MiB rather than 15.
            image = QImage(*size, QImage.Format.Format_Grayscale8)
            image.fill(0)
            painter = QPainter(image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # exact indices
            painter.setTransform(to_image)
            painter.setPen(Qt.PenStyle.NoPen)
            for index, shape in enumerate(self._diagram.visible(depth)):
                level = index + 1
                painter.fillPath(self._arts[shape.id].outline, QColor(level, level, level))
            painter.end()
            self._rasters[depth] = (image, to_image)
        return self._rasters[depth]


def _coords(rect: QRectF) -> tuple[float, float, float, float]:
    return rect.left(), rect.top(), rect.right(), rect.bottom()
