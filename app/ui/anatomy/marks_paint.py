"""Painting the atlas marks that are not structures: attachments, variants, overlays, legends.

Attachments are painted above every layer (a learner sees where a muscle starts and ends on
the bone even while the covering muscles are in place), as textbook atlases print them. Origin
and insertion differ in colour *and* in pattern and outline (solid edge with diagonal hatching
for the origin, dashed edge with cross-hatching for the insertion), so the legend never relies
on colour alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

from app.domain.diagram_marks import AttachmentEnd
from app.ui.theme import Palette

ORIGIN_COLOUR = "#c0392b"  # brick red, as atlases print origins
INSERTION_COLOUR = "#1f5fa8"  # blue for insertions


@dataclass(frozen=True)
class EndStyle:
    """How one kind of attachment end is drawn (colour, hatch pattern, outline dash)."""

    colour: str
    pattern: Qt.BrushStyle
    outline: Qt.PenStyle
    label: str


END_STYLES = {
    AttachmentEnd.ORIGIN: EndStyle(
        ORIGIN_COLOUR, Qt.BrushStyle.BDiagPattern, Qt.PenStyle.SolidLine, "Origin"
    ),
    AttachmentEnd.INSERTION: EndStyle(
        INSERTION_COLOUR, Qt.BrushStyle.DiagCrossPattern, Qt.PenStyle.DashLine, "Insertion"
    ),
}


def paint_attachment(painter: QPainter, path: QPainterPath, style: EndStyle) -> None:
    """One attachment region in scene coordinates: a tinted fill, its hatch and its outline."""
    painter.save()
    tint = QColor(style.colour)
    tint.setAlphaF(0.35)
    painter.fillPath(path, tint)
    hatch = QBrush(QColor(style.colour), style.pattern)
    # Hatch spacing is in device pixels whatever the zoom, so it reads the same at any size.
    hatch.setTransform(painter.worldTransform().inverted()[0])
    painter.fillPath(path, hatch)
    pen = QPen(QColor(style.colour), 2.2, style.outline)
    pen.setCosmetic(True)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)
    painter.restore()


def paint_variant(painter: QPainter, path: QPainterPath, palette: Palette) -> None:
    """An alternative course of a nerve: its fill with a heavy dashed outline on a halo."""
    painter.save()
    fill = QColor(palette.nerve)
    painter.fillPath(path, fill)
    for colour, width, style in (
        (QColor(palette.surface), 5.0, Qt.PenStyle.SolidLine),
        (QColor(palette.nerve_edge), 2.6, Qt.PenStyle.DashLine),
    ):
        pen = QPen(colour, width, style)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.drawPath(path)
    painter.restore()


def paint_overlay(painter: QPainter, path: QPainterPath, palette: Palette) -> None:
    """A teaching overlay (the ventrogluteal site): translucent, with a dotted edge."""
    painter.save()
    colour = QColor(palette.focus)
    colour.setAlphaF(0.22)
    painter.fillPath(path, colour)
    pen = QPen(QColor(palette.focus), 2.4, Qt.PenStyle.DotLine)
    pen.setCosmetic(True)
    painter.setPen(pen)
    painter.drawPath(path)
    painter.restore()


def legend_rect(corner: QPointF, entries: list[EndStyle], font: QFont) -> QRectF:
    """Where :func:`paint_legend` draws (labels are kept out of it)."""
    metrics = QFontMetricsF(font)
    row = max(metrics.height(), 16.0) + 4
    swatch = row - 6
    width = 12 + swatch + 8 + max(metrics.horizontalAdvance(e.label) for e in entries) + 12
    return QRectF(corner, QPointF(corner.x() + width, corner.y() + 8 + row * len(entries)))


def paint_legend(
    painter: QPainter, corner: QPointF, entries: list[EndStyle], palette: Palette, font: QFont
) -> QRectF:
    """A small key (swatch + word per entry) with its top-left at ``corner`` (widget pixels).

    Returns the rectangle it covers.
    """
    metrics = QFontMetricsF(font)
    row = max(metrics.height(), 16.0) + 4
    swatch = row - 6
    box = legend_rect(corner, entries, font)
    width = box.width()
    painter.save()
    background = QColor(palette.surface)
    background.setAlphaF(0.92)
    painter.setPen(QPen(QColor(palette.border), 1.0))
    painter.setBrush(background)
    painter.drawRoundedRect(box, 6, 6)
    painter.setFont(font)
    for index, entry in enumerate(entries):
        top = box.top() + 4 + index * row
        square = QPainterPath()
        square.addRect(QRectF(box.left() + 12, top + 3, swatch, swatch))
        paint_attachment(painter, square, entry)
        painter.setPen(QColor(palette.text))
        text_rect = QRectF(box.left() + 12 + swatch + 8, top, width, row)
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter, entry.label)
    painter.restore()
    return box


def paint_notice(
    painter: QPainter, rect: QRectF, text: str, palette: Palette, font: QFont
) -> None:
    """A one-line notice along the bottom of the figure ("3 labels hidden — zoom in")."""
    metrics = QFontMetricsF(font)
    width = metrics.horizontalAdvance(text) + 24
    height = metrics.height() + 10
    box = QRectF(rect.center().x() - width / 2, rect.bottom() - height - 6, width, height)
    painter.save()
    background = QColor(palette.warning_soft)
    painter.setPen(QPen(QColor(palette.warning), 1.0))
    painter.setBrush(background)
    painter.drawRoundedRect(box, height / 2, height / 2)
    painter.setFont(font)
    painter.setPen(QColor(palette.text))
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()


def paint_tag(
    painter: QPainter, corner: QPointF, text: str, palette: Palette, font: QFont
) -> None:
    """A small name tag with its top-left at ``corner`` (widget pixels), in the overlay's
    colour with a dotted edge like the overlay itself."""
    box = tag_rect(corner, text, font)
    painter.save()
    painter.setPen(QPen(QColor(palette.focus), 1.4, Qt.PenStyle.DotLine))
    background = QColor(palette.surface)
    background.setAlphaF(0.94)
    painter.setBrush(background)
    painter.drawRoundedRect(box, 6, 6)
    painter.setFont(font)
    painter.setPen(QColor(palette.text))
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()


def tag_rect(corner: QPointF, text: str, font: QFont) -> QRectF:
    """Where :func:`paint_tag` draws (labels are kept out of it)."""
    return QRectF(corner + QPointF(0, 4), QFontMetricsF(font).size(0, text) + QSizeF(16, 8))
