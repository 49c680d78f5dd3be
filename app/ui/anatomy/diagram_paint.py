"""Painting the atlas figure: the cached picture, wash, marks, rings, labels and keys.

Part of :class:`~app.ui.anatomy.diagram.DiagramView`, kept in its own module so each part
stays readable; the state it paints from is declared here and set up by the view.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QPointF, QRectF, Qt, QVariantAnimation
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPixmap,
    QTransform,
)
from PySide6.QtWidgets import QWidget

from app.domain.diagram import Diagram, Shape
from app.domain.diagram_marks import Attachment, Overlay, Variant
from app.ui.anatomy.exposure import Exposure
from app.ui.anatomy.labels import (
    Label,
    PlacedLabel,
    Placement,
    column_width,
    paint_labels,
    place_labels,
)
from app.ui.anatomy.marks_paint import (
    END_STYLES,
    EndStyle,
    legend_rect,
    paint_attachment,
    paint_legend,
    paint_notice,
    paint_overlay,
    paint_tag,
    paint_variant,
    tag_rect,
)
from app.ui.anatomy.scene_paint import Look, ShapeArt, paint_ring, paint_shape, to_path
from app.ui.anatomy.viewport import Viewport
from app.ui.theme import Theme

FADE_MS = 280
LABEL_MIN_WIDTH = 360  # narrower (the stretch player's inset), no labels: its names sit below it
LABEL_COLUMNS_MIN_WIDTH = 560  # narrower, labels go on the figure instead of beside it
LEGEND_CORNER = QPointF(10, 10)


class FigurePainting(QWidget):
    """How the figure is drawn (the painting half of ``DiagramView``)."""

    _theme: Theme
    _diagram: Diagram
    _arts: dict[str, ShapeArt]
    _exposure: Exposure
    _viewport: Viewport
    _depth: int
    _previous_depth: int
    _selected: str
    _highlighted: tuple[str, ...]
    _hover: str
    _focus_id: str
    _labels_visible: bool
    _interactive: bool
    _attachments_visible: bool
    _variant: Variant | None
    _overlays: set[str]
    _hidden_labels: int
    _base: tuple[tuple[object, ...], QPixmap] | None
    _fade: QVariantAnimation
    _margins: dict[tuple[object, ...], float]
    _label_layer: tuple[tuple[object, ...], QPixmap, Placement] | None

    def attachments_shown(self) -> tuple[Attachment, ...]:
        """The attachment regions painted now: the selected muscle's, when switched on."""
        if not self._attachments_visible or not self._selected:
            return ()
        return self._diagram.attachments_for(self._selected)

    def _figure_area(self) -> QRectF:
        """Where the figure is fitted: the widget, less a label column each side that is as
        wide as the longest label needs (so the figure fills what the labels leave)."""
        area = QRectF(self.rect()).adjusted(8, 8, -8, -8)
        if self._labels_on() and self.width() >= LABEL_COLUMNS_MIN_WIDTH:
            margin = self._column_margin(area.width())
            area.adjust(margin, 0, -margin, 0)
        return area

    def _column_margin(self, width: float) -> float:
        # Every hit test maps through this; measuring two dozen names each time would cost
        # more than the hit test itself, so the answer is kept per figure, depth and size.
        key = (self._diagram.view, self._depth, self._theme.px("small"), width)
        if key not in self._margins:
            names = [shape.name for shape in self._diagram.visible(self._depth)]
            self._margins[key] = column_width(names, QFontMetricsF(self._label_font()), width)
        return self._margins[key]

    def _content_rect(self) -> QRectF:
        """Scene rectangle around every shape (the viewport's scene, less its margin)."""
        return self._viewport.scene.adjusted(12, 12, -12, -12)

    def _label_font(self) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(self._theme.px("small"))
        font.setBold(True)
        return font

    def _labels_on(self) -> bool:
        return self._labels_visible and self.width() >= LABEL_MIN_WIDTH

    def _scene_transform(self) -> QTransform:
        return self._viewport.transform(self._figure_area())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = self._figure_area()
        transform = self._viewport.transform(area)
        fading = self._fade.state() == QVariantAnimation.State.Running
        base = None if fading else self._base_pixmap(transform, self._viewport.scale(area))
        if base is None:
            painter.fillRect(self.rect(), self._theme.palette.surface)
            self._paint_shapes(painter, transform, self._viewport.scale(area))
        else:
            painter.drawPixmap(0, 0, base)
        emphasis = self._highlighted or ((self._selected,) if self._selected else ())
        if emphasis:
            self._paint_wash(painter, transform, emphasis, base)
        painter.setTransform(transform)
        self._paint_marks(painter)
        for shape in self._diagram.visible(self._depth):
            paint_ring(painter, self._arts[shape.id], self._look(shape), self._theme.palette)
        painter.resetTransform()
        self._hidden_labels = 0
        if self._labels_on():
            self._paint_labels(painter, transform)
        self._paint_keys(painter)
        if self.hasFocus() and self._interactive:
            self._paint_focus_frame(painter)
        painter.end()

    def _paint_shapes(self, painter: QPainter, transform: QTransform, scale: float) -> None:
        painter.setTransform(transform)
        for shape in self._diagram.shapes:
            look = Look(opacity=self._opacity(shape))
            paint_shape(painter, self._arts[shape.id], look, self._theme.palette, scale)
        painter.resetTransform()

    def _base_key(self) -> tuple[object, ...]:
        """What the cached picture and label layer depend on (never the selection)."""
        return (
            self.width(),
            self.height(),
            self.devicePixelRatioF(),
            self._depth,
            self._viewport.zoom,
            self._viewport.centre.x(),
            self._viewport.centre.y(),
            self._theme.palette.name,
            self._labels_on(),
            self._diagram.view,
        )

    def _base_pixmap(self, transform: QTransform, scale: float) -> QPixmap:
        """The figure without hover, selection or labels, cached until the view changes, so
        a click or hover repaints with a few blits instead of re-drawing every fibre."""
        ratio = self.devicePixelRatioF()
        key = self._base_key()
        if self._base is None or self._base[0] != key:
            pixmap = QPixmap(self.size() * ratio)
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(QColor(self._theme.palette.surface))
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._paint_shapes(painter, transform, scale)
            painter.end()
            self._base = (key, pixmap)
        return self._base[1]

    def _paint_marks(self, painter: QPainter) -> None:
        """Variant course, attachments (above every layer) and overlays, in scene units."""
        palette = self._theme.palette
        if self._variant is not None:
            # The usual course fades where it shows, so the variant reads as replacing it.
            usual = self._exposure.path(self._variant.structure_id, self._depth)
            ghost = QColor(palette.surface)
            ghost.setAlphaF(0.75)
            painter.fillPath(usual, ghost)
            paint_variant(painter, to_path(self._variant.path), palette)
        for attachment in self.attachments_shown():
            paint_attachment(painter, to_path(attachment.path), END_STYLES[attachment.end])
        for overlay in self._diagram.overlays:
            if overlay.id in self._overlays:
                paint_overlay(painter, to_path(overlay.path), palette)

    def _paint_keys(self, painter: QPainter) -> None:
        """The attachment legend (top left) and the hidden-labels notice (bottom)."""
        font = self._label_font()
        styles = self._legend_styles()
        if styles:
            paint_legend(painter, LEGEND_CORNER, styles, self._theme.palette, font)
        for overlay, corner in self._overlay_tags(self._scene_transform()):
            # Named where it is drawn: a teaching mark must say what it marks.
            paint_tag(painter, corner, overlay.name, self._theme.palette, font)
        if self._hidden_labels:
            count = self._hidden_labels
            text = f"{count} label{'s' if count != 1 else ''} hidden \N{EM DASH} zoom in"
            paint_notice(painter, QRectF(self.rect()), text, self._theme.palette, font)

    def _overlay_tags(self, transform: QTransform) -> list[tuple[Overlay, QPointF]]:
        """Each shown overlay with the corner its name tag hangs from (below the mark)."""
        return [
            (overlay, transform.mapRect(to_path(overlay.path).boundingRect()).bottomLeft())
            for overlay in self._diagram.overlays
            if overlay.id in self._overlays
        ]

    def _legend_styles(self) -> list[EndStyle]:
        ends = sorted({a.end for a in self.attachments_shown()}, key=lambda end: end != "origin")
        return [END_STYLES[end] for end in ends]

    def _paint_wash(
        self,
        painter: QPainter,
        transform: QTransform,
        emphasis: tuple[str, ...],
        base: QPixmap | None,
    ) -> None:
        """Dim everything but the uncovered part of the emphasised structure.

        A wash over the finished picture (rather than fading each shape) keeps the figure
        opaque, so dimmed shapes never show the shapes beneath them through.
        """
        colour = QColor(self._theme.palette.surface)
        colour.setAlphaF(0.6)
        exposed = QPainterPath()
        for structure_id in emphasis:
            exposed = exposed.united(self._exposure.path(structure_id, self._depth))
        if base is None:  # mid-fade: no cached picture to restore from
            scene_rect = transform.inverted()[0].mapRect(QRectF(self.rect()))
            wash = QPainterPath()
            wash.addRect(scene_rect)
            painter.setTransform(transform)
            painter.fillPath(wash.subtracted(exposed), colour)
            painter.resetTransform()
            return
        painter.fillRect(self.rect(), colour)
        painter.setTransform(transform)
        painter.setClipPath(exposed)  # fixed in device coordinates when set
        painter.resetTransform()
        painter.drawPixmap(0, 0, base)
        painter.setClipping(False)

    def _look(self, shape: Shape) -> Look:
        return Look(
            opacity=self._opacity(shape),
            hovered=shape.id == self._hover and self._interactive,
            selected=shape.id == self._selected or shape.id in self._highlighted,
            focused=shape.id == self._focus_id and self.hasFocus(),
        )

    def _opacity(self, shape: Shape) -> float:
        now = shape.visible_at(self._depth)
        before = shape.visible_at(self._previous_depth)
        if self._fade.state() != QVariantAnimation.State.Running or now == before:
            return 1.0 if now else 0.0
        # Read the time, not currentValue(): a QVariant round trip here upset PySide6's
        # reference counting of None at exit (observed with PySide6 6.12).
        progress = self._fade.easingCurve().valueForProgress(self._fade.currentTime() / FADE_MS)
        return progress if now else 1.0 - progress

    def _on_fade_value_changed(self, _value: object) -> None:
        self.update()

    def _paint_labels(self, painter: QPainter, transform: QTransform) -> None:
        """The label layer (cached: it does not depend on the selection), then the labels of
        the emphasised structures once more on top, in the emphasis style."""
        key = (
            self._base_key(),
            self._theme.px("small"),
            bool(self._diagram.attachments),
            tuple(sorted(self._overlays)),
        )
        if self._label_layer is None or self._label_layer[0] != key:
            placement = self._place_labels(transform)
            ratio = self.devicePixelRatioF()
            layer = QPixmap(self.size() * ratio)
            layer.setDevicePixelRatio(ratio)
            layer.fill(Qt.GlobalColor.transparent)
            layer_painter = QPainter(layer)
            paint_labels(layer_painter, placement.placed, self._theme.palette, self._label_font())
            layer_painter.end()
            self._label_layer = (key, layer, placement)
        _, layer, placement = self._label_layer
        self._hidden_labels = placement.hidden
        painter.drawPixmap(0, 0, layer)
        emphasis = {self._selected, *self._highlighted} - {""}
        emphasised = [
            PlacedLabel(replace(item.label, emphasised=True), item.box, item.left, item.text)
            for item in placement.placed
            if item.label.structure_id in emphasis
        ]
        paint_labels(painter, emphasised, self._theme.palette, self._label_font())

    def label_placement(self) -> Placement:
        """Where the labels go at the current size, zoom and depth (empty when labels are
        off), and how many found no room."""
        if not self._labels_on():
            return Placement([], 0)
        return self._place_labels(self._scene_transform())

    def labels_in_view(self) -> int:
        """How many structures uncovered at this depth have their label point in view."""
        return len(self._label_candidates(self._scene_transform())) if self._labels_on() else 0

    def figure_canvas(self) -> QRectF:
        """The part of the widget the figure is fitted into (the widget less label columns)."""
        return self._figure_area()

    def figure_rect(self) -> QRectF:
        """The drawn figure's bounds in widget pixels (the whole figure at the fitted zoom)."""
        return self._scene_transform().mapRect(self._content_rect())

    def _label_candidates(self, transform: QTransform) -> list[Label]:
        visible_area = QRectF(self.rect())
        labels = []
        for shape in self._diagram.visible(self._depth):
            anchor = self._exposure.anchor(shape.id, self._depth)
            if anchor is None or not visible_area.contains(transform.map(anchor)):
                continue  # zoomed past: not hidden for lack of room, just out of view
            priority = 0 if shape.kind in ("muscle", "nerve") else 1
            labels.append(
                Label(shape.id, shape.name, transform.map(anchor), False, False, priority)
            )
        return labels

    def _place_labels(self, transform: QTransform) -> Placement:
        font = self._label_font()
        visible_area = QRectF(self.rect())
        figure = transform.mapRect(self._content_rect()).intersected(
            visible_area.adjusted(8, 8, -8, -8)
        )
        metrics = QFontMetricsF(font)
        # Keep the bottom strip free for the "N labels hidden" notice, and the legend clear.
        area = visible_area.adjusted(6, 6, -6, -(metrics.height() + 22))
        # Placement ignores the selection (so the layer can be cached across clicks): the
        # legend's corner is kept clear whenever the figure has attachments to show.
        styles = list(END_STYLES.values())
        legend = legend_rect(LEGEND_CORNER, styles, font) if self._diagram.attachments else None
        tags = tuple(
            tag_rect(corner, overlay.name, font)
            for overlay, corner in self._overlay_tags(transform)
        )
        candidates = self._label_candidates(transform)
        return place_labels(candidates, figure, area, metrics, legend, tags)

    def _paint_focus_frame(self, painter: QPainter) -> None:
        pen = painter.pen()
        pen.setColor(self._theme.palette.focus)
        pen.setWidthF(2.0)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 10, 10)
