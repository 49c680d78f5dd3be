"""A front and a back figure to tap where the twitch is; each area is a hit-tested shape.

The figures are drawn from the outlines in :mod:`app.domain.diary`, so what is drawn and what
is hit are the same shapes. Arrow keys move between areas and Space picks one, so the map also
works without a mouse; the chosen area is spoken as the widget's accessible description.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPolygonF,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.domain.diary import AREAS, FIGURE_HEIGHT, FIGURE_WIDTH, BodyArea, View
from app.ui.theme import Theme

_GAP = 0.25  # space between the two figures, as a share of one figure's width
_CAPTION = 22.0  # pixels reserved under each figure for its caption
# Each buttock region its own shade, so the three read as separate places to tap.
_BUTTOCK_SHADES = {"gluteus-medius": 0.22, "piriformis": 0.62, "gluteus-maximus": 0.4}
_SHORT_NAMES = {"gluteus-medius": "Med", "piriformis": "Pir", "gluteus-maximus": "Max"}


class BodyMap(QWidget):
    """Front and back figures side by side.

    Signals:
        area_chosen(str): the user picked an area (its id, ``left-piriformis``).
    """

    area_chosen = Signal(str)

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._selected = ""
        self._hovered = ""
        self._cursor = 0
        self._paths: dict[str, QPainterPath] = {}  # per area, for the current size
        self._silhouettes: dict[View, QPainterPath] = {}
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(320, 420)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Body map: where is the twitch?")
        theme.changed.connect(self.update)

    @property
    def selected(self) -> str:
        return self._selected

    def select(self, area_id: str) -> None:
        """Show ``area_id`` as chosen (without announcing it: the caller set it)."""
        self._selected = area_id
        index = next((i for i, a in enumerate(AREAS) if a.id == area_id), self._cursor)
        self._cursor = index
        label = next((a.label for a in AREAS if a.id == area_id), "nothing chosen")
        self.setAccessibleDescription(label)
        self.update()

    def centre_of(self, area_id: str) -> QPointF:
        """Where ``area_id`` is drawn now, in widget pixels (the middle of its shape)."""
        area = next(a for a in AREAS if a.id == area_id)
        return self._path(area).boundingRect().center()

    def area_at(self, point: QPointF) -> str:
        for area in AREAS:
            if self._path(area).contains(point):
                return area.id
        return ""

    # --- geometry -----------------------------------------------------------------------

    def _scale_and_origin(self, view: View) -> tuple[float, QPointF]:
        total = FIGURE_WIDTH * (2 + _GAP)
        scale = min(self.width() / total, (self.height() - _CAPTION) / FIGURE_HEIGHT)
        left = (self.width() - total * scale) / 2
        offset = 0.0 if view is View.FRONT else FIGURE_WIDTH * (1 + _GAP)
        return scale, QPointF(left + offset * scale, 0)

    def _map(self, view: View, points: tuple[tuple[float, float], ...]) -> QPolygonF:
        scale, origin = self._scale_and_origin(view)
        return QPolygonF(
            [QPointF(origin.x() + x * scale, origin.y() + y * scale) for x, y in points]
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._paths.clear()  # shapes follow the size; rebuilt on the next paint or hit test
        self._silhouettes.clear()
        super().resizeEvent(event)

    def _path(self, area: BodyArea) -> QPainterPath:
        path = self._paths.get(area.id)
        if path is None:
            path = QPainterPath()
            path.addPolygon(self._map(area.view, area.outline()))
            path.closeSubpath()
            self._paths[area.id] = path
        return path

    def _silhouette(self, view: View) -> QPainterPath:
        if view not in self._silhouettes:
            self._silhouettes[view] = self._outline_of_body(view)
        return self._silhouettes[view]

    def _outline_of_body(self, view: View) -> QPainterPath:
        scale, origin = self._scale_and_origin(view)
        path = QPainterPath()
        path.addEllipse(QRectF(origin.x() + 39 * scale, 3 * scale, 22 * scale, 24 * scale))
        body = ((44, 24), (56, 24), (56, 29), (71, 31), (83, 33), (82, 110), (72, 110), (70, 98),
                (67, 128), (65, 216), (51, 216), (50, 130), (49, 216), (35, 216), (33, 128),
                (30, 98), (28, 110), (18, 110), (17, 33), (29, 31), (44, 29))  # fmt: skip
        path.addPolygon(self._map(view, body))
        path.closeSubpath()
        return path.simplified()

    # --- painting -----------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self._theme.palette
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for view in View:
            painter.setPen(QPen(QColor(palette.border), 1.5))
            painter.setBrush(QColor(palette.surface_alt))
            painter.drawPath(self._silhouette(view))
        for index, area in enumerate(AREAS):
            self._paint_area(painter, area, focused=index == self._cursor and self.hasFocus())
        self._paint_short_names(painter)
        painter.setPen(QColor(palette.text_muted))
        for view, words in (
            (View.FRONT, "Front (your right is on the left)"),
            (View.BACK, "Back"),
        ):
            scale, origin = self._scale_and_origin(view)
            box = QRectF(
                origin.x() - 20, FIGURE_HEIGHT * scale + 2, FIGURE_WIDTH * scale + 40, _CAPTION
            )
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, words)
        painter.end()

    def _paint_short_names(self, painter: QPainter) -> None:
        font = painter.font()
        font.setPixelSize(max(9, round(self._scale_and_origin(View.BACK)[0] * 3.4)))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor(self._theme.palette.text))
        for area in AREAS:
            short = _SHORT_NAMES.get(area.region.id)
            if short:
                box = self._path(area).boundingRect()
                centre = (
                    box.center()
                    if short != "Max"
                    else QPointF(box.center().x(), box.bottom() - box.height() * 0.3)
                )
                painter.drawText(
                    QRectF(centre.x() - 30, centre.y() - 10, 60, 20),
                    Qt.AlignmentFlag.AlignCenter,
                    short,
                )

    def _paint_area(self, painter: QPainter, area: BodyArea, *, focused: bool) -> None:
        palette = self._theme.palette
        if area.id == self._selected:
            fill = QColor(palette.accent)
        elif area.id == self._hovered:
            fill = QColor(palette.accent_soft)
        elif area.region.id in _BUTTOCK_SHADES:
            fill = QColor(palette.muscle)
            fill.setAlphaF(_BUTTOCK_SHADES[area.region.id])
        else:
            fill = QColor(palette.surface)
            fill.setAlphaF(0.35)
        pen = QPen(QColor(palette.focus if focused else palette.border), 2.5 if focused else 1)
        painter.setPen(pen)
        painter.setBrush(fill)
        painter.drawPath(self._path(area))

    # --- input --------------------------------------------------------------------------

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        hovered = self.area_at(event.position())
        if hovered != self._hovered:
            self._hovered = hovered
            self.setToolTip(next((a.label for a in AREAS if a.id == hovered), ""))
            self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        chosen = self.area_at(event.position())
        if chosen and event.button() == Qt.MouseButton.LeftButton:
            self._choose(chosen)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        steps = {Qt.Key.Key_Right: 1, Qt.Key.Key_Down: 1, Qt.Key.Key_Left: -1, Qt.Key.Key_Up: -1}
        if event.key() in steps:
            self._cursor = (self._cursor + steps[Qt.Key(event.key())]) % len(AREAS)
            self.setAccessibleDescription(AREAS[self._cursor].label)
            self.update()
            return
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._choose(AREAS[self._cursor].id)
            return
        super().keyPressEvent(event)

    def _choose(self, area_id: str) -> None:
        self.select(area_id)
        self.area_chosen.emit(area_id)
