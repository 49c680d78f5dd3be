"""Labels with leader lines, set in two columns beside the figure, textbook style.

Labels never overlap: each column holds what fits its height, most important first, and the
rest are counted so the figure can say "N labels hidden — zoom in" instead of dropping them
silently. Long names are elided to the room a narrow window leaves.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from app.ui.theme import Palette


@dataclass(frozen=True)
class Label:
    """One label: the text and the widget point its leader line touches.

    ``priority`` decides who keeps a place when a column is full (lower goes first).
    """

    structure_id: str
    text: str
    anchor: QPointF
    muted: bool = False
    emphasised: bool = False
    priority: int = 1


@dataclass(frozen=True)
class PlacedLabel:
    label: Label
    box: QRectF
    left: bool
    text: str = ""  # the text as drawn (elided when the column is narrow)


@dataclass(frozen=True)
class Placement:
    """Where the labels went, and how many found no room (shown as a notice, never silent)."""

    placed: list[PlacedLabel]
    hidden: int


LABEL_GAP = 6.0
LEADER = 14.0  # pixels between the figure's edge and a label box


def column_width(labels: list[str], metrics: QFontMetricsF, width: float) -> float:
    """Room to keep beside the figure for a column of labels: the widest label, but never
    more than a quarter of the widget (narrow windows elide instead)."""
    widest = max((metrics.horizontalAdvance(text) for text in labels), default=0.0)
    return min(widest + 16 + LEADER + 6, max(width * 0.24, 60.0))


def place_labels(
    labels: list[Label], figure: QRectF, area: QRectF, metrics: QFontMetricsF
) -> Placement:
    """Put each label in the column on its side of the figure, spread so none overlap.

    A column holds as many labels as fit its height; the rest (lowest priority first) are
    counted as hidden so the view can say so.
    """
    middle = figure.center().x()
    placed: list[PlacedLabel] = []
    hidden = 0
    pitch = metrics.height() + 8 + LABEL_GAP
    capacity = max(int(area.height() // pitch), 0)
    for left in (True, False):
        side = [label for label in labels if (label.anchor.x() < middle) == left]
        kept = sorted(side, key=lambda label: (not label.emphasised, label.priority))[:capacity]
        hidden += len(side) - len(kept)
        column = sorted(kept, key=lambda label: label.anchor.y())
        placed.extend(_column(column, left, figure, area, metrics))
    return Placement(placed, hidden)


def _column(
    labels: list[Label], left: bool, figure: QRectF, area: QRectF, metrics: QFontMetricsF
) -> list[PlacedLabel]:
    height = metrics.height() + 8
    tops = _spread([label.anchor.y() - height / 2 for label in labels], height + LABEL_GAP, area)
    room = (figure.left() - area.left() if left else area.right() - figure.right()) - LEADER
    result = []
    for label, top in zip(labels, tops, strict=True):
        text = metrics.elidedText(label.text, Qt.TextElideMode.ElideRight, max(room - 16, 24))
        width = metrics.horizontalAdvance(text) + 16
        if left:
            x = max(area.left(), figure.left() - LEADER - width)
        else:
            x = min(area.right() - width, figure.right() + LEADER)
        result.append(PlacedLabel(label, QRectF(x, top, width, height), left, text))
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
    painter.drawText(item.box, Qt.AlignmentFlag.AlignCenter, item.text or item.label.text)
