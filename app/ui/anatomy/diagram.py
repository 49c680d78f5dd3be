"""DiagramView: the layered, exactly clickable anatomy figure, reusable on any page.

The shapes' ``QPainterPath`` outlines are built once, in scene units. A click maps the widget
point back into the scene through the one viewport transform and asks the outlines, topmost
first, whether they contain it — no re-render, no bounding boxes. Peeling changes what is in
place at once (so clicks are right immediately); only the picture fades.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEasingCurve,
    QEvent,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QNativeGestureEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPixmap,
    QResizeEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import QGestureEvent, QPinchGesture, QToolTip, QWidget

from app.domain.diagram import (
    DEPTHS,
    MIN_DEPTH,
    Diagram,
    Shape,
    clamp_depth,
)
from app.domain.diagram_marks import Attachment, Variant
from app.ui.anatomy.accessible import install_accessibility, notify_focus, notify_selected
from app.ui.anatomy.exposure import Exposure
from app.ui.anatomy.labels import (
    Label,
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
    paint_variant,
)
from app.ui.anatomy.scene_paint import Look, ShapeArt, make_art, paint_ring, paint_shape, to_path
from app.ui.anatomy.viewport import Viewport
from app.ui.theme import Theme

FADE_MS = 280
LABEL_MIN_WIDTH = 200  # below this (a stretch inset) there is no room for any label
LABEL_COLUMNS_MIN_WIDTH = 560  # narrower, labels go on the figure instead of beside it
LEGEND_CORNER = QPointF(10, 10)
CLICK_SLOP = 6  # pixels a press may move and still count as a click, not a pan


class DiagramView(QWidget):
    """The figure, with peeling, hover, selection, highlight, labels, zoom and pan.

    Signals:
        structure_clicked(str): a click landed on this structure — taught or muted context
            such as bone, since every drawn structure has a card ("" for empty space).
        selection_changed(str): the selected structure changed ("" when cleared).
        hovered(str): the pointer is over this structure ("" when over nothing).
    """

    structure_clicked = Signal(str)
    selection_changed = Signal(str)
    hovered = Signal(str)

    def __init__(self, diagram: Diagram, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._figures: dict[object, tuple[dict[str, ShapeArt], Exposure, Viewport]] = {}
        self._diagram = diagram
        self._arts, self._exposure, self._viewport = self._figure(diagram)
        self._attachments_visible = True
        self._variant: Variant | None = None
        self._overlays: set[str] = set()
        self._hidden_labels = 0
        self._depth = MIN_DEPTH
        self._previous_depth = MIN_DEPTH
        self._selected = ""
        self._highlighted: tuple[str, ...] = ()
        self._hover = ""
        self._focus_id = ""
        self._labels_visible = True
        self._interactive = True
        self._press: QPointF | None = None
        self._dragged = False
        self._base: tuple[tuple[object, ...], QPixmap] | None = None
        self._fade = QVariantAnimation(self, duration=FADE_MS, startValue=0.0, endValue=1.0)
        self._fade.setEasingCurve(QEasingCurve.Type.InOutCubic)
        self._fade.valueChanged.connect(self._on_fade_value_changed)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.grabGesture(Qt.GestureType.PinchGesture)
        self.setMinimumSize(160, 180)
        self.setAccessibleName(diagram.title or "Anatomy diagram")
        install_accessibility(DiagramView)
        self._describe()
        theme.changed.connect(self.update)
        QTimer.singleShot(0, self._warm_caches)

    # --- public API ------------------------------------------------------------------------

    @property
    def diagram(self) -> Diagram:
        return self._diagram

    @property
    def current_depth(self) -> int:
        """How far the figure is peeled (1..4); ``depth()`` is QPaintDevice's colour depth."""
        return self._depth

    @property
    def selected(self) -> str:
        return self._selected

    @property
    def highlighted(self) -> str:
        """The (first) highlighted structure, "" when none."""
        return self._highlighted[0] if self._highlighted else ""

    @property
    def highlighted_ids(self) -> tuple[str, ...]:
        return self._highlighted

    @property
    def hidden_label_count(self) -> int:
        """Labels that found no room at the last paint (the figure says so on screen)."""
        return self._hidden_labels

    @property
    def focused_structure(self) -> str:
        return self._focus_id

    @property
    def zoom(self) -> float:
        return self._viewport.zoom

    def sizeHint(self) -> QSize:
        return QSize(720, 760)

    def set_labels_visible(self, visible: bool) -> None:
        self._labels_visible = visible
        self.update()

    def labels_visible(self) -> bool:
        return self._labels_visible

    def set_depth(self, depth: int) -> None:
        """Peel to ``depth`` (1 = everything in place … 4 = bone only), fading the change."""
        depth = clamp_depth(depth)
        if depth == self._depth:
            return
        self._previous_depth, self._depth = self._depth, depth
        self._fade.stop()
        self._fade.start()
        if self._focus_id and self.point_inside(self._focus_id) is None:
            self._focus_id = ""
        self._describe()
        self.update()
        QTimer.singleShot(0, self._warm_caches)

    def finish_fade(self) -> None:
        """Jump to the end of a running fade (screenshots, tests)."""
        if self._fade.state() == QVariantAnimation.State.Running:
            self._fade.setCurrentTime(FADE_MS)
            self._fade.stop()
        self.update()

    def select(self, structure_id: str) -> None:
        """Select a structure (outlined; the rest dims); "" clears. Unknown ids clear too."""
        structure_id = structure_id if structure_id in self._arts else ""
        if structure_id == self._selected:
            return
        self._selected = structure_id
        if structure_id:
            self._focus_id = structure_id
        self._describe()
        self.update()
        notify_selected(self, structure_id)
        self.selection_changed.emit(structure_id)

    def highlight(self, structure_id: str) -> None:
        """Emphasise one structure and dim the rest (quiz, stretch player)."""
        self.highlight_many((structure_id,))

    def highlight_many(self, structure_ids: tuple[str, ...]) -> None:
        """Emphasise several structures together (a nerve tracer step); ids not drawn in this
        figure are left out."""
        self._highlighted = tuple(i for i in structure_ids if i in self._arts)
        self.update()

    # --- figures and marks ----------------------------------------------------------------

    def set_diagram(self, diagram: Diagram) -> None:
        """Show another figure (the lateral view, say) at the same depth and labels.

        The selection stays when the structure is drawn in the new figure; otherwise it
        clears (``selection_changed("")``). Zoom and pan are kept per figure.
        """
        if diagram is self._diagram:
            return
        self._diagram = diagram
        self._arts, self._exposure, self._viewport = self._figure(diagram)
        self._base = None
        self._hover = ""
        self._focus_id = ""
        self._variant = None
        self._highlighted = tuple(i for i in self._highlighted if i in self._arts)
        self.setAccessibleName(diagram.title or "Anatomy diagram")
        self._describe()
        self.update()
        if self._selected and self._selected not in self._arts:
            self.select("")
        QTimer.singleShot(0, self._warm_caches)

    def _figure(self, diagram: Diagram) -> tuple[dict[str, ShapeArt], Exposure, Viewport]:
        key = diagram.view
        if key not in self._figures or self._figures[key][1].diagram is not diagram:
            arts = {shape.id: make_art(shape) for shape in diagram.shapes}
            left, top, right, bottom = diagram.content_bounds()
            scene = QRectF(left, top, right - left, bottom - top).adjusted(-12, -12, 12, 12)
            self._figures[key] = (arts, Exposure(diagram, arts), Viewport(scene))
        return self._figures[key]

    def set_attachments_visible(self, visible: bool) -> None:
        """Paint the selected muscle's origin and insertion on the bone (on by default)."""
        self._attachments_visible = visible
        self.update()

    def attachments_shown(self) -> tuple[Attachment, ...]:
        """The attachment regions painted now: the selected muscle's, when switched on."""
        if not self._attachments_visible or not self._selected:
            return ()
        return self._diagram.attachments_for(self._selected)

    def show_variant(self, variant_id: str) -> None:
        """Draw one of the figure's variant courses ("" for the usual one only)."""
        self._variant = next(
            (v for v in self._diagram.variants if v.variant_id == variant_id), None
        )
        self.update()

    @property
    def shown_variant(self) -> str:
        return self._variant.variant_id if self._variant is not None else ""

    def set_overlay_visible(self, overlay_id: str, visible: bool) -> None:
        """Show or hide a teaching overlay (such as the ventrogluteal injection site)."""
        if visible:
            self._overlays.add(overlay_id)
        else:
            self._overlays.discard(overlay_id)
        self.update()

    def overlays_shown(self) -> list[str]:
        return [o.id for o in self._diagram.overlays if o.id in self._overlays]

    def clear_highlight(self) -> None:
        self.highlight("")

    def set_interactive(self, interactive: bool) -> None:
        """When off, the figure only shows: no hover, clicks, zoom or keyboard focus."""
        self._interactive = interactive
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus if interactive else Qt.FocusPolicy.NoFocus)
        if not interactive:
            self._set_hover("")
        self.update()

    def structure_at(self, point: QPointF) -> str:
        """Id of the topmost structure in place at ``point`` (widget coordinates), or ""."""
        scene = self._scene_transform().inverted()[0].map(QPointF(point))
        return self._exposure.topmost(scene, self._depth)

    def point_inside(self, structure_id: str) -> QPoint | None:
        """A widget point where ``structure_id`` is the topmost structure at the current
        depth (deep inside its uncovered part), or ``None`` if it is hidden or out of view."""
        anchor = self._exposure.anchor(structure_id, self._depth)
        if anchor is None:
            return None
        point = self._scene_transform().map(anchor).toPoint()
        if not self.rect().contains(point) or self.structure_at(QPointF(point)) != structure_id:
            return None
        return point

    def depth_showing(self, structure_id: str) -> int:
        """The depth at which a structure is best seen (shallowest that shows nearly all)."""
        return self._exposure.best_depth(structure_id, self._depth)

    def scroll_to(self, structure_id: str) -> None:
        """Pan (keeping the zoom) so the structure's visible part is in view."""
        anchor = self._exposure.anchor(structure_id, self._depth)
        if anchor is not None:
            self._viewport.show(anchor, self._figure_area())
            self.update()

    def zoom_by(self, factor: float) -> None:
        area = self._figure_area()
        self._viewport.zoom_about(factor, area.center(), area)
        self.update()

    def reset_view(self) -> None:
        """Back to the whole figure, fitted."""
        self._viewport.reset()
        self.update()

    def selectable_ids(self) -> list[str]:
        """Structures uncovered somewhere at the current depth, in reading order (taught
        ones first, then the muted context), as keyboard focus and screen readers walk them."""
        ids = [s.id for s in self._diagram.shapes]
        exposed = [i for i in ids if self._exposure.anchor(i, self._depth) is not None]
        return sorted(exposed, key=lambda i: (self._is_context(i), *self._reading_key(i)))

    # --- for screen readers (see accessible.py) ------------------------------------------

    def accessible_ids(self) -> list[str]:
        return self.selectable_ids()

    def accessible_name_of(self, structure_id: str) -> str:
        shape = self._diagram.shape(structure_id)
        return shape.name if shape is not None else ""

    def accessible_description_of(self, structure_id: str) -> str:
        shape = self._diagram.shape(structure_id)
        if shape is None:
            return ""
        shown = "shown for orientation" if shape.context else "taught"
        return f"{shape.kind.capitalize()}, {shown}; Enter opens its card."

    def structure_rect(self, structure_id: str) -> QRect | None:
        """Screen rectangle around the structure's uncovered part (None when hidden)."""
        path = self._exposure.path(structure_id, self._depth)
        if path.isEmpty():
            return None
        local = self._scene_transform().mapRect(path.boundingRect()).toAlignedRect()
        local = local.intersected(self.rect())
        if local.isEmpty():
            return None
        return QRect(self.mapToGlobal(local.topLeft()), local.size())

    def structure_at_global(self, point: QPoint) -> str:
        return self.structure_at(QPointF(self.mapFromGlobal(point)))

    # --- geometry --------------------------------------------------------------------------

    def _is_context(self, structure_id: str) -> bool:
        shape = self._diagram.shape(structure_id)
        return shape is None or shape.context

    def _reading_key(self, structure_id: str) -> tuple[float, float]:
        anchor = self._exposure.anchor(structure_id, self._depth)
        return (0.0, 0.0) if anchor is None else (anchor.y(), anchor.x())

    def _figure_area(self) -> QRectF:
        """Where the figure is fitted: the widget, less a label column each side that is as
        wide as the longest label needs (so the figure fills what the labels leave)."""
        area = QRectF(self.rect()).adjusted(8, 8, -8, -8)
        if self._labels_on() and self.width() >= LABEL_COLUMNS_MIN_WIDTH:
            names = [shape.name for shape in self._diagram.visible(self._depth)]
            margin = column_width(names, QFontMetricsF(self._label_font()), area.width())
            area.adjust(margin, 0, -margin, 0)
        return area

    def _label_font(self) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(self._theme.px("small"))
        font.setBold(True)
        return font

    def _labels_on(self) -> bool:
        return self._labels_visible and self.width() >= LABEL_MIN_WIDTH

    def _scene_transform(self) -> QTransform:
        return self._viewport.transform(self._figure_area())

    # --- painting --------------------------------------------------------------------------

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

    def _base_pixmap(self, transform: QTransform, scale: float) -> QPixmap:
        """The figure without hover, selection or labels, cached until the view changes, so
        a click or hover repaints with a few blits instead of re-drawing every fibre."""
        ratio = self.devicePixelRatioF()
        key = (
            self.width(),
            self.height(),
            ratio,
            self._depth,
            self._viewport.zoom,
            self._viewport.centre.x(),
            self._viewport.centre.y(),
            self._theme.palette.name,
            self._labels_on(),
            self._diagram.view,
        )
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
        if self._hidden_labels:
            count = self._hidden_labels
            text = f"{count} label{'s' if count != 1 else ''} hidden \N{EM DASH} zoom in"
            paint_notice(painter, QRectF(self.rect()), text, self._theme.palette, font)

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

    def _warm_caches(self) -> None:
        """Compute the uncovered outlines of the structures a learner can pick at this depth
        while the app is idle, so the first click on each is as quick as the rest."""
        for structure_id in self.selectable_ids():
            self._exposure.path(structure_id, self._depth)

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
        placement = self._place_labels(transform)
        self._hidden_labels = placement.hidden
        paint_labels(painter, placement.placed, self._theme.palette, self._label_font())

    def label_placement(self) -> Placement:
        """Where the labels go at the current size, zoom and depth (empty when labels are
        off), and how many found no room."""
        if not self._labels_on():
            return Placement([], 0)
        return self._place_labels(self._scene_transform())

    def labels_in_view(self) -> int:
        """How many structures uncovered at this depth have their label point in view."""
        return len(self._label_candidates(self._scene_transform())) if self._labels_on() else 0

    def figure_rect(self) -> QRectF:
        """The drawn figure's bounds in widget pixels (the whole figure at the fitted zoom)."""
        left, top, right, bottom = self._diagram.content_bounds()
        return self._scene_transform().mapRect(QRectF(left, top, right - left, bottom - top))

    def _label_candidates(self, transform: QTransform) -> list[Label]:
        visible_area = QRectF(self.rect())
        labels = []
        for shape in self._diagram.visible(self._depth):
            anchor = self._exposure.anchor(shape.id, self._depth)
            if anchor is None or not visible_area.contains(transform.map(anchor)):
                continue  # zoomed past: not hidden for lack of room, just out of view
            emphasised = shape.id == self._selected or shape.id in self._highlighted
            priority = 0 if shape.kind in ("muscle", "nerve") else 1
            labels.append(
                Label(shape.id, shape.name, transform.map(anchor), False, emphasised, priority)
            )
        return labels

    def _place_labels(self, transform: QTransform) -> Placement:
        font = self._label_font()
        visible_area = QRectF(self.rect())
        left, top, right, bottom = self._diagram.content_bounds()
        figure = transform.mapRect(QRectF(left, top, right - left, bottom - top))
        figure = figure.intersected(visible_area.adjusted(8, 8, -8, -8))
        metrics = QFontMetricsF(font)
        # Keep the bottom strip free for the "N labels hidden" notice, and the legend clear.
        area = visible_area.adjusted(6, 6, -6, -(metrics.height() + 22))
        styles = self._legend_styles()
        legend = legend_rect(LEGEND_CORNER, styles, font) if styles else None
        return place_labels(self._label_candidates(transform), figure, area, metrics, legend)

    def _paint_focus_frame(self, painter: QPainter) -> None:
        pen = painter.pen()
        pen.setColor(self._theme.palette.focus)
        pen.setWidthF(2.0)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 10, 10)

    # --- input -----------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self._interactive and event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position()
            self._dragged = False
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if not self._interactive:
            return
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            delta = event.position() - self._press
            if self._dragged or delta.manhattanLength() > CLICK_SLOP:
                self._dragged = True
                self._viewport.pan_by(delta, self._figure_area())
                self._press = event.position()
                self.update()
            return
        self._set_hover(self.structure_at(event.position()))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._press is not None and event.button() == Qt.MouseButton.LeftButton:
            if not self._dragged:
                self._click(event.position())
            self._press = None
        super().mouseReleaseEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._set_hover("")
        super().leaveEvent(event)

    def _click(self, point: QPointF) -> None:
        # The same question hover asks, so what lights up under the pointer is what a click
        # selects (muted context included: every drawn structure has a card).
        chosen = self.structure_at(point)
        self.select(chosen)
        self.structure_clicked.emit(chosen)

    def _set_hover(self, structure_id: str) -> None:
        if structure_id == self._hover:
            return
        self._hover = structure_id
        shape = self._diagram.shape(structure_id)
        # Qt shows the widget's tool tip after the usual hover delay, and moves on with it.
        # With labels hidden (quiz questions) the name would give the answer away.
        named = shape is not None and self._labels_visible
        self.setToolTip(shape.name if named and shape is not None else "")
        if shape is None:
            QToolTip.hideText()
        self.update()
        self.hovered.emit(structure_id)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if not self._interactive:
            event.ignore()
            return
        steps = event.angleDelta().y() / 120
        if steps:
            self._viewport.zoom_about(1.2**steps, event.position(), self._figure_area())
            self.update()
        event.accept()

    def event(self, event: QEvent) -> bool:
        if self._interactive and event.type() == QEvent.Type.Gesture:
            return self._pinch(event)  # type: ignore[arg-type]
        if self._interactive and event.type() == QEvent.Type.NativeGesture:
            return self._native_zoom(event)  # type: ignore[arg-type]
        return super().event(event)

    def _pinch(self, event: QGestureEvent) -> bool:
        gesture = event.gesture(Qt.GestureType.PinchGesture)
        if isinstance(gesture, QPinchGesture):
            centre = self.mapFromGlobal(gesture.centerPoint().toPoint())
            factor = gesture.scaleFactor()
            self._viewport.zoom_about(factor, QPointF(centre), self._figure_area())
            self.update()
            event.accept(gesture)
        return True

    def _native_zoom(self, event: QNativeGestureEvent) -> bool:
        if event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
            self._viewport.zoom_about(1.0 + event.value(), event.position(), self._figure_area())
            self.update()
            return True
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._interactive:
            super().keyPressEvent(event)
            return
        key = event.key()
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Down):
            self._move_focus(1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Up):
            self._move_focus(-1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self._focus_id:
            self.select(self._focus_id)
            self.structure_clicked.emit(self._focus_id)
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(1.25)
        elif key == Qt.Key.Key_Minus:
            self.zoom_by(0.8)
        elif key == Qt.Key.Key_Escape and self._selected:
            self.select("")
        else:
            super().keyPressEvent(event)

    def focusNextPrevChild(self, forward: bool) -> bool:
        """Tab walks the structures first; past the last (or first) it leaves the figure."""
        if self._interactive and self.hasFocus() and self._move_focus(1 if forward else -1):
            return True
        self._focus_id = ""
        return super().focusNextPrevChild(forward)

    def focusInEvent(self, event: QFocusEvent) -> None:
        if not self._focus_id:
            backwards = event.reason() == Qt.FocusReason.BacktabFocusReason
            self._move_focus(-1 if backwards else 1)
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def _move_focus(self, step: int) -> bool:
        """Move keyboard focus to the next structure; False when there is no next."""
        ids = self.selectable_ids()
        if not ids:
            return False
        if self._focus_id not in ids:
            index = 0 if step > 0 else len(ids) - 1
        else:
            index = ids.index(self._focus_id) + step
            if not 0 <= index < len(ids):
                return False
        self._focus_id = ids[index]
        self._describe()
        self.update()
        notify_focus(self, self._focus_id)
        return True

    def _describe(self) -> None:
        """Keep the screen-reader description in step with what is focused and shown."""
        parts = [f"Depth {self._depth} of {len(DEPTHS)}."]
        for label, structure_id in (("Focused", self._focus_id), ("Selected", self._selected)):
            shape = self._diagram.shape(structure_id)
            if shape is not None:
                parts.append(f"{label}: {shape.name}.")
        parts.append("Arrow keys or Tab move between structures; Enter opens the card.")
        self.setAccessibleDescription(" ".join(parts))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.update()
