"""DiagramView driven like a user: clicks at points from each shape, peeling, keyboard, zoom."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from pytestqt.qtbot import QtBot

from app.domain.diagram import DEPTHS, Diagram, hit_test
from app.services.diagram_loader import load_diagram
from app.services.resources import Resources
from app.ui.anatomy.diagram import DiagramView
from app.ui.theme import Theme

TAUGHT = ("gluteus-maximus", "gluteus-medius", "gluteus-minimus", "piriformis", "sciatic-nerve")


@pytest.fixture(scope="module")
def diagram(resources: Resources) -> Diagram:
    return load_diagram(resources)


@pytest.fixture
def view(qtbot: QtBot, diagram: Diagram) -> DiagramView:
    widget = DiagramView(diagram, Theme())
    qtbot.addWidget(widget)
    widget.resize(900, 900)
    widget.show()
    return widget


def _scene(view: DiagramView, point: QPoint) -> tuple[float, float]:
    mapped = view._scene_transform().inverted()[0].map(QPointF(point))
    return (mapped.x(), mapped.y())


@pytest.mark.parametrize("depth", list(DEPTHS))
def test_click_inside_each_exposed_structure_selects_it(
    qtbot: QtBot, view: DiagramView, diagram: Diagram, depth: int
) -> None:
    """At every depth, a click at a point computed from a taught structure's own uncovered
    shape selects exactly that structure; the pure polygon test agrees with Qt's."""
    view.set_depth(depth)
    expected = [s.id for s in diagram.visible(depth) if s.id in TAUGHT]
    clicked = []
    for structure_id in expected:
        point = view.point_inside(structure_id)
        if point is None:
            continue
        assert hit_test(diagram, depth, _scene(view, point)) == structure_id
        with qtbot.waitSignal(view.structure_clicked) as signal:
            qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=point)
        assert signal.args == [structure_id]
        assert view.selected == structure_id
        clicked.append(structure_id)
    deepest = {1: "gluteus-maximus", 2: "gluteus-medius", 3: "gluteus-minimus"}
    if depth in deepest:
        assert deepest[depth] in clicked


def test_every_taught_structure_is_clickable_at_some_depth(view: DiagramView) -> None:
    """Peeling makes each of the five reachable."""
    for structure_id in TAUGHT:
        view.set_depth(view.depth_showing(structure_id))
        assert view.point_inside(structure_id) is not None, structure_id


@pytest.mark.parametrize(
    ("covered", "cover"),
    [
        ("piriformis", "gluteus-maximus"),
        ("sciatic-nerve", "gluteus-maximus"),
        ("gluteus-minimus", "gluteus-medius"),
    ],
)
def test_covered_structure_is_not_clickable_through_its_cover(
    qtbot: QtBot, view: DiagramView, diagram: Diagram, covered: str, cover: str
) -> None:
    """Where a deeper structure lies under its cover, a click selects the cover; peeled to
    the cover's removal, the same pixel selects the deeper structure."""
    cover_shape = diagram.shape(cover)
    assert cover_shape is not None
    view.set_depth(cover_shape.layer + 1)
    candidates = [view.point_inside(covered)]
    point = next(p for p in candidates if p is not None)
    view.set_depth(cover_shape.layer)
    if view.structure_at(QPointF(point)) != cover:
        pytest.fail(f"{cover} should cover {covered} at the point chosen")
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=point)
    assert view.selected == cover
    view.set_depth(cover_shape.layer + 1)
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=point)
    assert view.selected == covered


def test_click_on_bone_selects_it_and_background_clears(qtbot: QtBot, view: DiagramView) -> None:
    """Muted context (bone) has a card too, so a click selects it; empty space clears."""
    view.select("gluteus-maximus")
    bone = view.point_inside("sacrum")
    assert bone is not None
    assert view.structure_at(QPointF(bone)) == "sacrum"
    with qtbot.waitSignal(view.structure_clicked) as signal:
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=bone)
    assert signal.args == ["sacrum"]
    assert view.selected == "sacrum"
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=QPoint(3, 3))
    assert view.selected == ""


@pytest.mark.parametrize("depth", list(DEPTHS))
def test_hover_and_click_agree_on_every_drawn_structure(
    qtbot: QtBot, view: DiagramView, diagram: Diagram, depth: int
) -> None:
    """For every structure uncovered at a depth, what hover reports at a point inside it is
    what a click there selects — context structures included."""
    view.set_depth(depth)
    view.finish_fade()
    reached = []
    for shape in diagram.visible(depth):
        point = view.point_inside(shape.id)
        if point is None:
            continue
        qtbot.mouseMove(view, point)
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=point)
        assert view.selected == shape.id
        assert view.structure_at(QPointF(point)) == shape.id
        reached.append(shape.kind)
    assert "bone" in reached, "a bone (no longer muted context) is selectable at every depth"
    assert "muscle" in reached or depth == 4


def test_every_drawn_structure_is_selectable_somewhere(
    view: DiagramView, diagram: Diagram
) -> None:
    """Each shape in the drawing can be reached by a click at some depth."""
    for shape in diagram.shapes:
        view.set_depth(view.depth_showing(shape.id))
        assert view.point_inside(shape.id) is not None, shape.id


def test_keyboard_moves_structure_to_structure_and_enter_selects(
    qtbot: QtBot, view: DiagramView
) -> None:
    """Arrow keys walk the exposed structures in reading order; Enter selects the focused
    one."""
    view.set_depth(2)
    view.setFocus()
    walk = view.selectable_ids()
    assert len(walk) >= 3
    # Focus may have landed on a structure when the window was shown; walk on from there.
    expected = walk[walk.index(view.focused_structure) :] if view.focused_structure else walk
    seen = [view.focused_structure or expected[0]]
    if not view.focused_structure:
        qtbot.keyClick(view, Qt.Key.Key_Right)
    for _ in range(len(expected) - 1):
        qtbot.keyClick(view, Qt.Key.Key_Right)
        seen.append(view.focused_structure)
    assert seen == expected
    with qtbot.waitSignal(view.selection_changed) as signal:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert signal.args == [expected[-1]]
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert view.focused_structure == expected[-2]
    assert "Focused" in view.accessibleDescription()


def test_hover_reports_the_structure_under_the_pointer(qtbot: QtBot, view: DiagramView) -> None:
    """Moving over a muscle emits hovered with its id."""
    point = view.point_inside("gluteus-medius")
    assert point is not None
    with qtbot.waitSignal(view.hovered) as signal:
        qtbot.mouseMove(view, point)
    assert signal.args == ["gluteus-medius"]


def test_zoom_keeps_hit_testing_exact(qtbot: QtBot, view: DiagramView) -> None:
    """After zooming and panning, points are recomputed and clicks still land right."""
    view.zoom_by(2.0)
    assert view.zoom == pytest.approx(2.0)
    view.scroll_to("gluteus-maximus")
    point = view.point_inside("gluteus-maximus")
    assert point is not None
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=point)
    assert view.selected == "gluteus-maximus"
    view.reset_view()
    assert view.zoom == 1.0


def test_wheel_zooms_and_small_view_still_hits(qtbot: QtBot, diagram: Diagram) -> None:
    """In a small 220x260 view (the stretch player) the shapes are still exactly clickable."""
    small = DiagramView(diagram, Theme())
    qtbot.addWidget(small)
    small.resize(220, 260)
    small.show()
    small.set_labels_visible(False)
    small.highlight("piriformis")
    assert small.highlighted == "piriformis"
    point = small.point_inside("gluteus-maximus")
    assert point is not None
    assert small.structure_at(QPointF(point)) == "gluteus-maximus"
    small.clear_highlight()
    assert small.highlighted == ""


def test_not_interactive_ignores_clicks(qtbot: QtBot, view: DiagramView) -> None:
    """A display-only view (stretch player) never selects."""
    view.set_interactive(False)
    point = view.point_inside("gluteus-maximus")
    assert point is not None
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=point)
    assert view.selected == ""
