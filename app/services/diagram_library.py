"""The atlas figures, parsed once and shared by every page that draws them.

The anatomy page, the stretch player's inset, lesson figures and quiz diagrams all show the
same two SVGs. Each used to parse its own copy on first use (tens of milliseconds per view, on
the UI thread, on each of those pages' first visit). The library parses a view the first time
anyone asks and hands every later caller the same immutable :class:`Diagram`. The warm-up
calls :meth:`DiagramLibrary.prefetch` on a worker thread after the first paint, so usually no
page parses at all; a lock makes a page that asks meanwhile wait for that parse, not repeat it.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from app.services.resources import Resources

if TYPE_CHECKING:
    from app.domain.diagram import Diagram
    from app.domain.diagram_marks import View
    from app.services.diagram_loader import DiagramError


class DiagramLibrary:
    """Each view's :class:`Diagram`, or the :class:`DiagramError` that stopped it, kept once."""

    def __init__(self, resources: Resources) -> None:
        self._resources = resources
        self._lock = threading.Lock()
        self._loaded: dict[View, Diagram | DiagramError] = {}

    def diagram(self, view: View | str = "posterior") -> Diagram:
        """The figure for ``view``, parsed on the first request.

        Raises:
            DiagramError: the file is missing, too big or malformed (the same error every
                time: a broken file is read once, not once per page).
        """
        # Imported on first use: the parser is not needed for the first paint.
        from app.domain.diagram_marks import View
        from app.services.diagram_loader import DiagramError, load_diagram

        try:
            key = View(view)
        except ValueError:
            views = [str(v) for v in View]
            raise DiagramError(f"no atlas view {view!r}; views are {views}") from None
        with self._lock:
            if key not in self._loaded:
                try:
                    self._loaded[key] = load_diagram(self._resources, key)
                except DiagramError as error:
                    self._loaded[key] = error
            loaded = self._loaded[key]
        if isinstance(loaded, DiagramError):
            raise loaded
        return loaded

    def prefetch(self) -> None:
        """Parse every view now (for a worker thread); errors wait for the page that asks."""
        from app.domain.diagram_marks import View
        from app.services.diagram_loader import DiagramError

        for view in View:
            try:
                self.diagram(view)
            except DiagramError:
                continue
