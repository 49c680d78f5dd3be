"""Zoom and pan for the diagram: the one transform from scene units to widget pixels."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QTransform

MIN_ZOOM = 1.0
MAX_ZOOM = 6.0


class Viewport:
    """Fits ``scene`` into a widget rectangle, then applies the learner's zoom and pan.

    The pan is kept as the scene point shown at the centre, so resizing keeps the same anatomy
    in the middle.
    """

    def __init__(self, scene: QRectF) -> None:
        self.scene = scene
        self.zoom = MIN_ZOOM
        self.centre = scene.center()

    def reset(self) -> None:
        self.zoom = MIN_ZOOM
        self.centre = self.scene.center()

    def transform(self, area: QRectF) -> QTransform:
        """Scene → widget for the drawing ``area`` (widget coordinates)."""
        scale = self.scale(area)
        transform = QTransform()
        transform.translate(area.center().x(), area.center().y())
        transform.scale(scale, scale)
        transform.translate(-self.centre.x(), -self.centre.y())
        return transform

    def scale(self, area: QRectF) -> float:
        if self.scene.width() <= 0 or self.scene.height() <= 0:
            return 1.0
        fit = min(area.width() / self.scene.width(), area.height() / self.scene.height())
        return max(fit, 1e-3) * self.zoom

    def zoom_about(self, factor: float, anchor: QPointF, area: QRectF) -> None:
        """Zoom by ``factor`` keeping the scene point under ``anchor`` (widget) in place."""
        before = self.transform(area).inverted()[0].map(anchor)
        self.zoom = max(MIN_ZOOM, min(MAX_ZOOM, self.zoom * factor))
        after = self.transform(area).inverted()[0].map(anchor)
        self.centre += before - after
        self._clamp()

    def pan_by(self, pixels: QPointF, area: QRectF) -> None:
        self.centre -= pixels / self.scale(area)
        self._clamp()

    def show(self, point: QPointF, area: QRectF) -> None:
        """Pan (at the current zoom) so ``point`` is in view, ideally in the middle."""
        # At the fitted zoom everything is already in view; zoomed in, centre on it.
        if self.zoom > MIN_ZOOM:
            self.centre = point
        self._clamp()

    def _clamp(self) -> None:
        """Keep the centre on the figure so it can never be panned out of sight."""
        x = min(max(self.centre.x(), self.scene.left()), self.scene.right())
        y = min(max(self.centre.y(), self.scene.top()), self.scene.bottom())
        self.centre = QPointF(x, y)
        if self.zoom == MIN_ZOOM:
            self.centre = self.scene.center()
