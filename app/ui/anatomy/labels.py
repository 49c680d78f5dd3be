"""Labels with leader lines, set in two columns beside the figure, textbook style.

Labels never overlap: each column holds what fits its height, most important first, and the
rest are counted so the figure can say "N labels hidden — zoom in" instead of dropping them
silently. Long names are elided to the room a narrow window leaves.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QPixmap

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


MIN_COLUMN_ROOM = 96.0  # narrower than this beside the figure, labels go on the figure
MIN_KEPT_SHARE = 0.6  # a label elided to less than this share of its text is hidden instead


def place_labels(
    labels: list[Label],
    figure: QRectF,
    area: QRectF,
    metrics: QFontMetricsF,
    blocked: QRectF | None = None,
    keep_clear: tuple[QRectF, ...] = (),
) -> Placement:
    """Place labels so none overlap, beside the figure when there is room, else on it.

    Beside: each label in the column on its side of the figure; a column holds what fits its
    height. On the figure (narrow windows, zoomed in): each label as near its point as it can
    go without covering another. Either way, what finds no room (lowest priority first) is
    counted as hidden so the view can say so. No label covers ``blocked`` (the legend) or any
    of ``keep_clear`` (tags on the figure).
    """
    on_figure = _clear_of(place_on_figure(labels, area, metrics, blocked), keep_clear)
    room = min(figure.left() - area.left(), area.right() - figure.right())
    if room - LEADER < MIN_COLUMN_ROOM:
        return on_figure
    beside = _clear_of(_place_beside(labels, figure, area, metrics, blocked), keep_clear)
    # Beside reads better (textbook style); on the figure only when it shows more names.
    return on_figure if on_figure.hidden < beside.hidden else beside


def _clear_of(placement: Placement, keep_clear: tuple[QRectF, ...]) -> Placement:
    """Labels that would cover one of ``keep_clear`` are hidden (and counted) instead."""
    kept = [
        item for item in placement.placed if not any(item.box.intersects(r) for r in keep_clear)
    ]
    return Placement(kept, placement.hidden + len(placement.placed) - len(kept))


def _place_beside(
    labels: list[Label],
    figure: QRectF,
    area: QRectF,
    metrics: QFontMetricsF,
    blocked: QRectF | None,
) -> Placement:
    middle = figure.center().x()
    placed: list[PlacedLabel] = []
    hidden = 0
    pitch = metrics.height() + 8 + LABEL_GAP
    for left in (True, False):
        column_area = QRectF(area)
        if blocked is not None and (blocked.left() < figure.left()) == left:
            column_area.setTop(max(area.top(), blocked.bottom() + LABEL_GAP))
        capacity = max(int(column_area.height() // pitch), 0)
        side = [label for label in labels if (label.anchor.x() < middle) == left]
        kept = sorted(side, key=lambda label: (not label.emphasised, label.priority))[:capacity]
        hidden += len(side) - len(kept)
        column = sorted(kept, key=lambda label: label.anchor.y())
        for item in _column(column, left, figure, column_area, metrics):
            if len(item.text) < MIN_KEPT_SHARE * len(item.label.text):
                hidden += 1  # "Superio…" names nothing; say it is hidden instead
            else:
                placed.append(item)
    return Placement(placed, hidden)


def place_on_figure(
    labels: list[Label], area: QRectF, metrics: QFontMetricsF, blocked: QRectF | None = None
) -> Placement:
    """Greedy placement on the figure: the most important label first, each in the first
    spot around its point (right, left, above, below) that overlaps no placed label."""
    height = metrics.height() + 6
    placed: list[PlacedLabel] = []
    boxes: list[QRectF] = [blocked] if blocked is not None else []
    hidden = 0
    for label in sorted(labels, key=lambda item: (not item.emphasised, item.priority)):
        width = metrics.horizontalAdvance(label.text) + 12
        spot = _free_spot(label.anchor, width, height, boxes, area)
        if spot is None:
            hidden += 1
            continue
        boxes.append(spot)
        placed.append(PlacedLabel(label, spot, spot.center().x() < label.anchor.x(), label.text))
    return Placement(placed, hidden)


def _free_spot(
    anchor: QPointF, width: float, height: float, taken: list[QRectF], area: QRectF
) -> QRectF | None:
    x, y = anchor.x(), anchor.y()
    candidates = (
        QRectF(x + 8, y - height / 2, width, height),
        QRectF(x - 8 - width, y - height / 2, width, height),
        QRectF(x - width / 2, y - 8 - height, width, height),
        QRectF(x - width / 2, y + 8, width, height),
        QRectF(x + 8, y - 1.6 * height, width, height),
        QRectF(x + 8, y + 0.6 * height, width, height),
    )
    for box in candidates:
        if area.contains(box) and not any(box.intersects(other) for other in taken):
            return box
    return None


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
    """Leader lines first (so text sits above every line), then the text boxes.

    Plain leader lines and their dots go out in one call each, and every box is a cached
    pixmap: a click repaints all the labels, and two dozen antialiased rounded boxes drawn
    one by one cost more than the rest of the frame.
    """
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for emphasised in (False, True):
        items = [item for item in placed if item.label.emphasised == emphasised]
        if not items:
            continue
        colour = QColor(palette.selection if emphasised else palette.text)
        colour.setAlphaF(0.95)
        painter.setPen(QPen(colour, 2.0 if emphasised else 1.2))
        painter.drawLines([QLineF(item.label.anchor, _leader_end(item)) for item in items])
        dots = QPen(colour, 6.0)
        dots.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(dots)
        painter.drawPoints([item.label.anchor for item in items])
    ratio = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
    for item in placed:
        painter.drawPixmap(item.box.topLeft(), _box_pixmap(item, palette, font, ratio))
    painter.restore()


def _leader_end(item: PlacedLabel) -> QPointF:
    return QPointF(item.box.right() if item.left else item.box.left(), item.box.center().y())


def _box_pixmap(item: PlacedLabel, palette: Palette, font: QFont, ratio: float) -> QPixmap:
    key = (
        item.text or item.label.text,
        item.label.emphasised,
        item.label.muted,
        round(item.box.width()),
        round(item.box.height()),
        font.key(),
        palette.name,
        ratio,
    )
    cached = _BOXES.get(key)
    if cached is None:
        if len(_BOXES) > 400:  # sizes and themes come and go; keep the cache small
            _BOXES.clear()
        cached = _render_box(item, palette, font, ratio)
        _BOXES[key] = cached
    return cached


_BOXES: dict[tuple[object, ...], QPixmap] = {}


def _render_box(item: PlacedLabel, palette: Palette, font: QFont, ratio: float) -> QPixmap:
    size = item.box.size()
    pixmap = QPixmap(round(size.width() * ratio) + 2, round(size.height() * ratio) + 2)
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(font)
    _paint_box(painter, item, palette, QRectF(QPointF(0.5, 0.5), size))
    painter.end()
    return pixmap


def _paint_box(painter: QPainter, item: PlacedLabel, palette: Palette, box: QRectF) -> None:
    background = QColor(palette.surface)
    background.setAlphaF(0.92)
    border = QColor(palette.selection if item.label.emphasised else palette.border)
    painter.setPen(QPen(border, 2.0 if item.label.emphasised else 1.0))
    painter.setBrush(background)
    painter.drawRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), 8, 8)
    text = QColor(palette.text_muted if item.label.muted else palette.text)
    painter.setPen(text)
    font = painter.font()
    font.setBold(item.label.emphasised or not item.label.muted)
    painter.setFont(font)
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, item.text or item.label.text)
