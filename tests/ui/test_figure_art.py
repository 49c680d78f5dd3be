"""Figure art: built once per view and shared by every widget drawing it; after start-up the
first view's anchors are worked out a structure per event-loop turn."""

from __future__ import annotations

import dataclasses

from pytestqt.qtbot import QtBot

from app.domain.diagram import MIN_DEPTH
from app.domain.diagram_marks import View
from app.services.diagram_library import DiagramLibrary
from app.services.resources import find_resources
from app.ui.anatomy.diagram import DiagramView
from app.ui.anatomy.figure_art import FigureArt, FigureArtLibrary
from app.ui.one_per_turn import OnePerTurn
from app.ui.theme import Theme


def test_warming_works_out_the_first_depth_one_structure_per_turn(qtbot: QtBot) -> None:
    figures = FigureArtLibrary(DiagramLibrary(find_resources()))
    later = OnePerTurn()
    figures.warm(later)
    diagram = figures.diagrams.diagram(View.POSTERIOR)
    shown = diagram.visible(MIN_DEPTH)
    assert later.pending() == len(shown)  # a step per structure, none run yet
    qtbot.waitUntil(lambda: later.pending() == 0)
    shared = figures.art_of(diagram)
    views = [DiagramView(diagram, Theme(), figures=figures) for _ in range(2)]
    for view in views:
        qtbot.addWidget(view)
        view.resize(900, 700)
        view.show()
    # Both views answer from the one warmed-up exposure.
    assert views[0].selectable_ids() == views[1].selectable_ids()
    taught = {s.id for s in diagram.shapes if not s.context}
    assert taught & set(views[0].selectable_ids())
    for structure_id in views[0].selectable_ids():
        assert shared.exposure.anchor(structure_id, MIN_DEPTH) is not None


def test_a_figure_from_elsewhere_gets_art_of_its_own() -> None:
    library = DiagramLibrary(find_resources())
    figures = FigureArtLibrary(library)
    shared = figures.art_of(library.diagram(View.POSTERIOR))
    copy = dataclasses.replace(library.diagram(View.POSTERIOR))
    art = figures.art_of(copy)
    assert art.diagram is copy
    assert art is not shared
    assert isinstance(art, FigureArt)
    assert figures.art_of(library.diagram(View.POSTERIOR)) is shared


def test_each_view_is_built_on_first_request_and_then_shared() -> None:
    figures = FigureArtLibrary(DiagramLibrary(find_resources()))
    lateral = figures.diagrams.diagram(View.LATERAL)
    first = figures.art_of(lateral)
    assert figures.art_of(lateral) is first
    assert first.diagram is lateral
