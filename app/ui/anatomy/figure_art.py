"""A figure's drawing pieces, built once per view and shared by every widget that draws it.

Before a diagram can be painted or clicked, each shape becomes a :class:`ShapeArt` (its Qt
paths) and an :class:`Exposure` works out what of each shape is uncovered: the label anchors
and outlines of the first depth alone took a third of the anatomy page's first visit. The
library builds them once per view and hands them to the anatomy page, the stretch inset, quiz
diagrams and lesson figures alike. After start-up, :meth:`FigureArtLibrary.warm` works out the
posterior view's first depth in small steps, one per event-loop turn, while the learner reads
Home (on the UI thread: done on a worker, this Qt work held the UI thread up for as long as it
ran).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from app.services.diagram_library import DiagramLibrary
from app.ui.one_per_turn import OnePerTurn

if TYPE_CHECKING:
    from app.domain.diagram import Diagram
    from app.domain.diagram_marks import View
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

    def warm_one(self, structure_id: str, depth: int) -> None:
        """Answer now what the first paint at ``depth`` asks of one structure: its label
        anchor and uncovered outline."""
        if self.exposure.anchor(structure_id, depth) is not None:
            self.exposure.path(structure_id, depth)


class FigureArtLibrary:
    """Each view's :class:`FigureArt`, over the shared :class:`DiagramLibrary`."""

    def __init__(self, diagrams: DiagramLibrary) -> None:
        self._diagrams = diagrams
        self._shared: dict[View, FigureArt] = {}

    @property
    def diagrams(self) -> DiagramLibrary:
        return self._diagrams

    def art_of(self, diagram: Diagram) -> FigureArt:
        """The shared art when ``diagram`` is the library's figure for its view (built and kept
        on the first request), else art made for this diagram alone."""
        shared = self._shared.get(diagram.view)
        if shared is not None and shared.diagram is diagram:
            return shared
        art = FigureArt.of(diagram)
        if self._is_shared_figure(diagram):
            self._shared[diagram.view] = art
        return art

    def _is_shared_figure(self, diagram: Diagram) -> bool:
        from app.services.diagram_loader import DiagramError

        try:
            return self._diagrams.diagram(diagram.view) is diagram
        except DiagramError:
            return False

    def warm(self, later: OnePerTurn, view: View | str = "posterior") -> None:
        """Queue the work the first paint of ``view`` at the first depth needs, a structure at
        a time, on ``later`` (each step takes a few milliseconds)."""
        from app.domain.diagram import MIN_DEPTH
        from app.services.diagram_loader import DiagramError

        try:
            diagram = self._diagrams.diagram(view)
        except DiagramError:
            return  # the page that asks shows the error
        art = self.art_of(diagram)
        for shape in diagram.visible(MIN_DEPTH):
            later.add(partial(art.warm_one, shape.id, MIN_DEPTH))
