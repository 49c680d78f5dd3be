"""Painting one structure in textbook style: flat fill, fibre hatching, stipple, outline.

Colour comes from the theme palette; every kind also has a cue that does not rely on hue —
muscles are hatched along their fibres, bone is stippled, the nerve has a heavy outline and a
dashed fascicle line, the ligament has fine fibre lines on a pale fill.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPixmap, QTransform

from app.domain.diagram import FibrePattern, Shape
from app.domain.diagram_geometry import Command
from app.ui.theme import Palette

HATCH_SPACING = 9.0  # scene units between fibre lines (about 4.5 mm of tissue)


def to_path(commands: tuple[Command, ...]) -> QPainterPath:
    """A ``QPainterPath`` (odd-even fill) from normalised path commands."""
    path = QPainterPath()
    for letter, values in commands:
        if letter == "M":
            path.moveTo(values[0], values[1])
        elif letter == "L":
            path.lineTo(values[0], values[1])
        elif letter == "C":
            path.cubicTo(*values)
        else:
            path.closeSubpath()
    path.setFillRule(Qt.FillRule.OddEvenFill)
    return path


@dataclass(frozen=True)
class Look:
    """How one structure is drawn this frame."""

    opacity: float = 1.0
    hovered: bool = False
    selected: bool = False
    focused: bool = False


@dataclass(frozen=True)
class ShapeArt:
    """Cached Qt geometry for one shape."""

    shape: Shape
    outline: QPainterPath
    details: tuple[QPainterPath, ...]


def make_art(shape: Shape) -> ShapeArt:
    return ShapeArt(shape, to_path(shape.path), tuple(to_path(d) for d in shape.details))


def fill_colour(shape: Shape, palette: Palette) -> QColor:
    base = {
        "muscle": palette.muscle,
        "nerve": palette.nerve,
        "bone": palette.bone,
        "ligament": palette.bone,
        "vessel": palette.danger,  # arteries read red in every atlas
        "fascia": palette.bone,  # dense connective tissue: pale like ligament
    }[shape.kind]
    colour = QColor(base)
    if shape.kind in ("ligament", "fascia") or (shape.context and shape.kind == "muscle"):
        colour = _mix(colour, QColor(palette.surface), 0.45)
    return colour


def edge_colour(shape: Shape, palette: Palette) -> QColor:
    base = {"muscle": palette.muscle_edge, "nerve": palette.nerve_edge, "vessel": palette.danger}
    return QColor(base.get(shape.kind, palette.bone_edge))


def _mix(a: QColor, b: QColor, amount: float) -> QColor:
    """``a`` moved ``amount`` of the way towards ``b``."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * amount,
        a.greenF() + (b.greenF() - a.greenF()) * amount,
        a.blueF() + (b.blueF() - a.blueF()) * amount,
    )


def paint_shape(
    painter: QPainter, art: ShapeArt, look: Look, palette: Palette, scale: float
) -> None:
    """Paint one shape in scene coordinates; ``scale`` is widget pixels per scene unit."""
    if look.opacity <= 0.01:
        return
    painter.save()
    painter.setOpacity(look.opacity)
    shape = art.shape
    fill = fill_colour(shape, palette)
    painter.fillPath(art.outline, fill)
    painter.setClipPath(art.outline)
    if shape.kind in ("muscle", "ligament", "fascia"):
        _paint_fibres(painter, art, palette, scale)
    elif shape.kind == "bone":
        painter.fillPath(art.outline, _stipple_brush(palette.bone_edge, scale))
    _paint_details(painter, art, palette)
    painter.setClipping(False)
    _paint_outline(painter, art, look, palette)
    painter.restore()


def _paint_fibres(painter: QPainter, art: ShapeArt, palette: Palette, scale: float) -> None:
    colour = QColor(palette.muscle_edge if art.shape.kind == "muscle" else palette.bone_edge)
    colour.setAlphaF(0.35 if art.shape.kind == "muscle" else 0.45)
    pen = QPen(colour, 1.0)
    pen.setCosmetic(True)
    painter.setPen(pen)
    # Keep lines at least ~4 px apart when the figure is small, so they read as texture.
    spacing = max(HATCH_SPACING, 4.0 / max(scale, 1e-6))
    rect = art.outline.boundingRect()
    fibres = art.shape.fibres
    if fibres.pattern is FibrePattern.PARALLEL:
        _parallel_lines(painter, rect, fibres.angle, spacing)
    elif fibres.pattern is FibrePattern.FAN:
        _fan_lines(painter, rect, QPointF(*fibres.focus), spacing)


def _parallel_lines(painter: QPainter, rect: QRectF, angle: float, spacing: float) -> None:
    radians = math.radians(angle)
    direction = QPointF(math.cos(radians), math.sin(radians))
    normal = QPointF(-direction.y(), direction.x())
    centre = rect.center()
    reach = math.hypot(rect.width(), rect.height()) / 2 + spacing
    steps = int(reach / spacing)
    lines = []
    for index in range(-steps, steps + 1):
        middle = centre + normal * (index * spacing)
        lines.append(QLineF(middle - direction * reach, middle + direction * reach))
    painter.drawLines(lines)  # one call per shape, not one per fibre


def _fan_lines(painter: QPainter, rect: QRectF, focus: QPointF, spacing: float) -> None:
    corners = (rect.topLeft(), rect.topRight(), rect.bottomLeft(), rect.bottomRight())
    angles = [math.atan2(c.y() - focus.y(), c.x() - focus.x()) for c in corners]
    reach = max(math.hypot(c.x() - focus.x(), c.y() - focus.y()) for c in corners)
    low, high = _angle_span(angles)
    # Lines are `spacing` apart at the far end (where the muscle belly is).
    step = spacing / max(reach * 0.75, 1.0)
    count = min(int((high - low) / step) + 1, 400)
    lines = []
    for index in range(count + 1):
        theta = low + index * step
        lines.append(QLineF(focus, focus + QPointF(math.cos(theta), math.sin(theta)) * reach))
    painter.drawLines(lines)


def _angle_span(angles: list[float]) -> tuple[float, float]:
    """Smallest interval holding all the angles (they may straddle ±pi)."""
    ordered = sorted(angles)
    gaps = [(ordered[(i + 1) % 4] - ordered[i]) % (2 * math.pi) for i in range(4)]
    widest = max(range(4), key=lambda i: gaps[i])
    low = ordered[(widest + 1) % 4]
    high = ordered[widest]
    if high < low:
        high += 2 * math.pi
    return low, high


@cache
def _stipple_pixmap(colour: str) -> QPixmap:
    """A tile of scattered dots (fixed pattern, so the stipple never shimmers)."""
    size = 24
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    dot = QColor(colour)
    dot.setAlphaF(0.55)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(dot)
    for x, y in ((3, 4), (14, 2), (9, 12), (20, 10), (4, 19), (16, 20), (22, 17), (11, 22)):
        painter.drawEllipse(QPointF(x, y), 0.9, 0.9)
    painter.end()
    return pixmap


def _stipple_brush(colour: str, scale: float) -> QBrush:
    brush = QBrush(_stipple_pixmap(colour))
    # The tile is in pixels; undo the scene scale so dots stay the same size at any zoom.
    brush.setTransform(QTransform.fromScale(1 / max(scale, 1e-6), 1 / max(scale, 1e-6)))
    return brush


def _paint_details(painter: QPainter, art: ShapeArt, palette: Palette) -> None:
    if not art.details:
        return
    nerve = art.shape.kind == "nerve"
    colour = QColor(palette.nerve_edge if nerve else edge_colour(art.shape, palette))
    colour.setAlphaF(0.8 if nerve else 0.6)
    pen = QPen(colour, 1.4 if nerve else 1.1)
    pen.setCosmetic(True)
    if nerve:
        pen.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for detail in art.details:
        painter.drawPath(detail)


def _paint_outline(painter: QPainter, art: ShapeArt, look: Look, palette: Palette) -> None:
    shape = art.shape
    width = {"nerve": 2.6, "muscle": 1.6}.get(shape.kind, 1.2)
    pen = QPen(edge_colour(shape, palette), width)
    pen.setCosmetic(True)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(pen)
    painter.drawPath(art.outline)


def paint_ring(painter: QPainter, art: ShapeArt, look: Look, palette: Palette) -> None:
    """The selection / hover / keyboard-focus outline, drawn above every shape so a partly
    covered structure still shows its whole extent."""
    if not (look.selected or look.hovered or look.focused):
        return
    painter.save()
    colour = QColor(palette.selection if look.selected or look.focused else palette.focus)
    halo = QColor(palette.surface)
    halo.setAlphaF(0.85)
    width = 4.0 if look.selected else 2.5
    for pen_colour, pen_width in ((halo, width + 3.0), (colour, width)):
        ring = QPen(pen_colour, pen_width)
        ring.setCosmetic(True)
        ring.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        if look.focused and not look.selected and pen_colour is colour:
            ring.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(ring)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(art.outline)
    painter.restore()
