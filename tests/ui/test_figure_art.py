"""Figure art: built once per view on the warm-up thread, shared by every widget drawing it."""

from __future__ import annotations

import dataclasses
import threading

from pytestqt.qtbot import QtBot

from app.domain.diagram_marks import View
from app.services.diagram_library import DiagramLibrary
from app.services.resources import find_resources
from app.ui.anatomy.diagram import DiagramView
from app.ui.anatomy.figure_art import FigureArt, FigureArtLibrary
from app.ui.theme import Theme


def test_a_prefetch_on_a_worker_is_what_every_view_then_draws_with(qtbot: QtBot) -> None:
    figures = FigureArtLibrary(DiagramLibrary(find_resources()))
    worker = threading.Thread(target=figures.prefetch)
    worker.start()
    worker.join(60)
    diagram = figures.diagrams.diagram(View.POSTERIOR)
    shared = figures.art_of(diagram)
    assert figures.art_of(diagram) is shared
    first = DiagramView(diagram, Theme(), figures=figures)
    second = DiagramView(diagram, Theme(), figures=figures)
    for view in (first, second):
        qtbot.addWidget(view)
        view.resize(900, 700)
        view.show()
    # Both views answer from the one warmed-up exposure: the same points, found once.
    taught = [s.id for s in diagram.shapes if not s.context]
    assert first.selectable_ids() == second.selectable_ids()
    assert set(taught) & set(first.selectable_ids())
    for structure_id in first.selectable_ids():
        assert shared.exposure.anchor(structure_id, 1) is not None


def test_a_figure_from_elsewhere_gets_art_of_its_own() -> None:
    library = DiagramLibrary(find_resources())
    figures = FigureArtLibrary(library)
    figures.prefetch()
    copy = dataclasses.replace(library.diagram(View.POSTERIOR))
    art = figures.art_of(copy)
    assert art.diagram is copy
    assert art is not figures.art_of(library.diagram(View.POSTERIOR))
    assert isinstance(art, FigureArt)


def test_a_view_not_prefetched_is_built_on_first_request_and_then_shared() -> None:
    figures = FigureArtLibrary(DiagramLibrary(find_resources()))
    figures.prefetch()  # the posterior view only
    lateral = figures.diagrams.diagram(View.LATERAL)
    first = figures.art_of(lateral)
    assert figures.art_of(lateral) is first
    assert first.diagram is lateral
