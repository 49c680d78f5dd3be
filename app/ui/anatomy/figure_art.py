"""A figure's drawing pieces, built once per view and shared by every widget that draws it.

Before a diagram can be painted or clicked, each shape becomes a :class:`ShapeArt` (its Qt
paths) and an :class:`Exposure` works out what of each shape is uncovered: the label anchors
and outlines of the first depth alone took a third of the anatomy page's first visit. The
library builds them on the warm-up thread after the first paint and hands them over whole;
the anatomy page, the stretch inset, quiz diagrams and lesson figures then share them.

Thread rule: a :class:`FigureArt` is used by one thread at a time. The worker builds its own
and publishes it only when complete (Qt's painter paths keep lazily-filled caches, so two
threads must never touch one at once); a widget that asks before then builds one for itself.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.domain.diagram_marks import View
from app.services.diagram_library import DiagramLibrary

if TYPE_CHECKING:
    from app.domain.diagram import Diagram
    from app.ui.anatomy.exposure import Exposure
    from app.ui.anatomy.scene_paint import ShapeArt


@dataclass(frozen=True)
class FigureArt:
    """One diagram with its shapes' paths and its exposure queries (which cache as asked)."""

    diagram: Diagram
    arts: dict[str, ShapeArt]
    exposure: Exposure

    @classmethod
    def of(cls, diagram: Diagram) -> FigureArt:
        # Imported here: the composition root builds the library before the first paint,
        # which needs none of the painting code.
        from app.ui.anatomy.exposure import Exposure
        from app.ui.anatomy.scene_paint import make_art

        arts = {shape.id: make_art(shape) for shape in diagram.shapes}
        return cls(diagram, arts, Exposure(diagram, arts))

    def warm(self, depth: int) -> None:
        """Answer now what the first paint at ``depth`` asks: anchors and uncovered outlines."""
        for shape in self.diagram.visible(depth):
            if self.exposure.anchor(shape.id, depth) is not None:
                self.exposure.path(shape.id, depth)


class FigureArtLibrary:
    """Each view's :class:`FigureArt`, over the shared :class:`DiagramLibrary`."""

    def __init__(self, diagrams: DiagramLibrary) -> None:
        self._diagrams = diagrams
        self._lock = threading.Lock()
        self._published: dict[View, FigureArt] = {}

    @property
    def diagrams(self) -> DiagramLibrary:
        return self._diagrams

    def art_of(self, diagram: Diagram) -> FigureArt:
        """The shared art when ``diagram`` is the library's figure for its view (built now and
        kept if the warm-up has not published it yet), else art made for this diagram alone."""
        with self._lock:
            shared = self._published.get(diagram.view)
        if shared is not None and shared.diagram is diagram:
            return shared
        art = FigureArt.of(diagram)
        if not self._is_shared_figure(diagram):
            return art
        with self._lock:
            # The worker may have published meanwhile: then its (complete) art is the one.
            return self._published.setdefault(diagram.view, art)

    def _is_shared_figure(self, diagram: Diagram) -> bool:
        from app.services.diagram_loader import DiagramError

        try:
            return self._diagrams.diagram(diagram.view) is diagram
        except DiagramError:
            return False

    def prefetch(self, views: tuple[View, ...] = (View.POSTERIOR,)) -> None:
        """Build and warm ``views`` at the first depth (for a worker thread), then publish.

        The posterior view is what the anatomy page and the stretch inset open on; the lateral
        view waits for the learner who asks for it.
        """
        from app.domain.diagram import MIN_DEPTH
        from app.services.diagram_loader import DiagramError

        for view in views:
            try:
                diagram = self._diagrams.diagram(view)
            except DiagramError:
                continue  # the page that asks shows the error
            art = FigureArt.of(diagram)
            art.warm(MIN_DEPTH)
            with self._lock:
                self._published.setdefault(view, art)
