"""Labels with leader lines, set in two columns beside the figure, textbook style."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from app.ui.theme import Palette


@dataclass(frozen=True)
class Label:
    """One label: the text and the widget point its leader line touches."""

    structure_id: str
    text: str
    anchor: QPointF
    muted: bool = False
    emphasised: bool = False


@dataclass(frozen=True)
class PlacedLabel:
    label: Label
    box: QRectF
    left: bool


def place_labels(
    labels: list[Label], figure: QRectF, area: QRectF, metrics: QFontMetricsF
) -> list[PlacedLabel]:
    """Put each label in the column on its side of the figure, spread so none overlap."""
    middle = figure.center().x()
    placed: list[PlacedLabel] = []
    for left in (True, False):
        column = sorted(
            (label for label in labels if (label.anchor.x() < middle) == left),
            key=lambda label: label.anchor.y(),
        )
        placed.extend(_column(column, left, figure, area, metrics))
    return placed


def _column(
    labels: list[Label], left: bool, figure: QRectF, area: QRectF, metrics: QFontMetricsF
) -> list[PlacedLabel]:
    height = metrics.height() + 8
    gap = 6.0
    tops = _spread([label.anchor.y() - height / 2 for label in labels], height + gap, area)
    result = []
    for label, top in zip(labels, tops, strict=True):
        width = metrics.horizontalAdvance(label.text) + 16
        if left:
            x = max(area.left(), figure.left() - 14 - width)
        else:
            x = min(area.right() - width, figure.right() + 14)
        result.append(PlacedLabel(label, QRectF(x, top, width, height), left))
    return result


def _spread(tops: list[float], pitch: float, area: QRectF) -> list[float]:
    """Move boxes down (then up, if they ran off the bottom) so none overlap."""
    result: list[float] = []
    for top in tops:
        top = max(top, area.top())
        if result and top < result[-1] + pitch:
            top = result[-1] + pitch
        result.append(top)
    limit = area.bottom() - pitch
    for index in reversed(range(len(result))):
        if result[index] > limit:
            result[index] = limit
        limit = result[index] - pitch
    return result


def paint_labels(
    painter: QPainter, placed: list[PlacedLabel], palette: Palette, font: QFont
) -> None:
    """Leader lines first (so text sits above every line), then the text boxes."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(font)
    for item in placed:
        colour = QColor(palette.selection if item.label.emphasised else palette.text)
        colour.setAlphaF(0.6 if item.label.muted and not item.label.emphasised else 0.95)
        pen = QPen(colour, 2.0 if item.label.emphasised else 1.2)
        painter.setPen(pen)
        end = QPointF(item.box.right() if item.left else item.box.left(), item.box.center().y())
        painter.drawLine(item.label.anchor, end)
        painter.setBrush(colour)
        painter.drawEllipse(item.label.anchor, 3.0, 3.0)
    for item in placed:
        _paint_box(painter, item, palette)
    painter.restore()


def _paint_box(painter: QPainter, item: PlacedLabel, palette: Palette) -> None:
    background = QColor(palette.surface)
    background.setAlphaF(0.92)
    border = QColor(palette.selection if item.label.emphasised else palette.border)
    painter.setPen(QPen(border, 2.0 if item.label.emphasised else 1.0))
    painter.setBrush(background)
    painter.drawRoundedRect(item.box, 8, 8)
    text = QColor(palette.text_muted if item.label.muted else palette.text)
    painter.setPen(text)
    font = painter.font()
    font.setBold(item.label.emphasised or not item.label.muted)
    painter.setFont(font)
    painter.drawText(item.box, Qt.AlignmentFlag.AlignCenter, item.label.text)
