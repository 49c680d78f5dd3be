"""DiagramView: the layered, exactly clickable anatomy figure, reusable on any page.

The shapes' ``QPainterPath`` outlines are built once, in scene units. A click maps the widget
point back into the scene through the one viewport transform and asks the outlines, topmost
first, whether they contain it — no re-render, no bounding boxes. Peeling changes what is in
place at once (so clicks are right immediately); only the picture fades.

The view's state and public API live here; painting is in ``diagram_paint.py`` and input in
``diagram_input.py`` (the classes this one builds on).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEasingCurve,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
    QVariantAnimation,
)
from PySide6.QtGui import (
    QPixmap,
)
from PySide6.QtWidgets import QWidget

from app.domain.diagram import (
    MIN_DEPTH,
    Diagram,
    clamp_depth,
)
from app.domain.diagram_marks import Variant
from app.ui.anatomy.accessible import install_accessibility, notify_selected
from app.ui.anatomy.diagram_input import FigureInput
from app.ui.anatomy.diagram_paint import FADE_MS
from app.ui.anatomy.exposure import Exposure
from app.ui.anatomy.figure_art import FigureArt, FigureArtLibrary
from app.ui.anatomy.scene_paint import ShapeArt
from app.ui.anatomy.viewport import Viewport
from app.ui.theme import Theme

#: The wash outlines for every structure are worked out this long after the figure is shown
#: or peeled: not needed for the first paint, and ready well before a learner's first click.
WARM_AFTER_MS = 400


class DiagramView(FigureInput):
    """The figure, with peeling, hover, selection, highlight, labels, zoom and pan.

    Signals:
        structure_clicked(str): a click landed on this structure — taught or muted context
            such as bone, since every drawn structure has a card ("" for empty space).
        selection_changed(str): the selected structure changed ("" when cleared).
        hovered(str): the pointer is over this structure ("" when over nothing).
    """

    def __init__(
        self,
        diagram: Diagram,
        theme: Theme,
        parent: QWidget | None = None,
        *,
        figures: FigureArtLibrary | None = None,
    ) -> None:
        super().__init__(parent)
        self._theme = theme
        # Shared paths and exposure for the app's own figures (see figure_art); a figure
        # made elsewhere (a test's, say) gets its own.
        self._art_of = figures.art_of if figures is not None else FigureArt.of
        self._figures: dict[object, tuple[dict[str, ShapeArt], Exposure, Viewport]] = {}
        self._diagram = diagram
        self._arts, self._exposure, self._viewport = self._figure(diagram)
        self._attachments_visible = True
        self._variant: Variant | None = None
        self._overlays: set[str] = set()
        self._hidden_labels = 0
        self._margins: dict[tuple[object, ...], float] = {}
        self._label_layer = None
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
        QTimer.singleShot(WARM_AFTER_MS, self._warm_caches)

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
        QTimer.singleShot(WARM_AFTER_MS, self._warm_caches)

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
        QTimer.singleShot(WARM_AFTER_MS, self._warm_caches)

    def _figure(self, diagram: Diagram) -> tuple[dict[str, ShapeArt], Exposure, Viewport]:
        key = diagram.view
        if key not in self._figures or self._figures[key][1].diagram is not diagram:
            art = self._art_of(diagram)
            left, top, right, bottom = diagram.content_bounds()
            scene = QRectF(left, top, right - left, bottom - top).adjusted(-12, -12, 12, 12)
            self._figures[key] = (art.arts, art.exposure, Viewport(scene))
        return self._figures[key]

    def set_attachments_visible(self, visible: bool) -> None:
        """Paint the selected muscle's origin and insertion on the bone (on by default)."""
        self._attachments_visible = visible
        self.update()

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

    def point_inside(self, structure_id: str) -> QPoint | None:
        """A widget point where ``structure_id`` is the topmost structure at the current
        depth (deep inside its uncovered part), or ``None`` if it is hidden or out of view."""
        anchor = self._exposure.anchor(structure_id, self._depth)
        if anchor is None:
            return None
        centre = self._scene_transform().map(anchor).toPoint()
        # A thin strip (a nerve, a sliver of bone) can be under a pixel wide at small sizes, so
        # rounding may land beside it; the pixels around the anchor are tried too.
        for dx, dy in (
            (0, 0),
            (1, 0),
            (-1, 0),
            (0, 1),
            (0, -1),
            (1, 1),
            (-1, -1),
            (1, -1),
            (-1, 1),
        ):
            point = centre + QPoint(dx, dy)
            if self.rect().contains(point) and self.structure_at(QPointF(point)) == structure_id:
                return point
        return None

    def depth_showing(self, structure_id: str) -> int:
        """The depth at which a structure is best seen (shallowest that shows nearly all)."""
        return self._exposure.best_depth(structure_id, self._depth)

    def scroll_to(self, structure_id: str) -> None:
        """Pan (keeping the zoom) so the structure's visible part is in view."""
        anchor = self._exposure.anchor(structure_id, self._depth)
        if anchor is not None:
            self._viewport.show(anchor, self._figure_area())
            self.update()

    def reset_view(self) -> None:
        """Back to the whole figure, fitted."""
        self._viewport.reset()
        self.update()

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

    def _warm_caches(self) -> None:
        """Compute the uncovered outlines of the structures a learner can pick at this depth
        while the app is idle, so the first click on each is as quick as the rest."""
        for structure_id in self.selectable_ids():
            self._exposure.path(structure_id, self._depth)
