"""Screen readers: each structure on the figure is its own accessible object."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.services.diagram_loader import load_diagram
from app.services.resources import Resources
from app.ui.anatomy.diagram import DiagramView
from app.ui.theme import Theme


@pytest.fixture
def view(qtbot: QtBot, resources: Resources) -> DiagramView:
    widget = DiagramView(load_diagram(resources), Theme())
    qtbot.addWidget(widget)
    widget.resize(800, 800)
    widget.show()
    return widget


def _names(view: DiagramView) -> list[str]:
    figure = QAccessible.queryAccessibleInterface(view)
    assert figure is not None
    return [figure.child(i).text(QAccessible.Text.Name) for i in range(figure.childCount())]


def test_each_uncovered_structure_is_a_named_list_item(view: DiagramView) -> None:
    """The figure's accessible children are the structures uncovered at this depth, by name,
    with the list-item role and an on-screen rectangle inside the figure."""
    figure = QAccessible.queryAccessibleInterface(view)
    assert figure is not None
    assert figure.role() == QAccessible.Role.List
    expected = [view.diagram.shape(i).name for i in view.selectable_ids()]  # type: ignore[union-attr]
    assert _names(view) == expected
    top_left = view.mapToGlobal(QPoint(0, 0))
    bounds = view.rect().translated(top_left)
    for index in range(figure.childCount()):
        child = figure.child(index)
        assert child.role() == QAccessible.Role.ListItem
        assert child.parent() is figure
        assert figure.indexOfChild(child) == index
        assert bounds.contains(child.rect())


def test_peeling_changes_the_children(view: DiagramView) -> None:
    """Peeled to bone, the muscles leave the accessible tree; back at the surface they return."""
    assert "Gluteus maximus" in _names(view)
    view.set_depth(4)
    names = _names(view)
    assert "Gluteus maximus" not in names
    assert "Femur" in names


def test_selected_and_focused_states_follow_the_figure(view: DiagramView) -> None:
    """Selecting a structure marks exactly its object selected; keyboard focus is reported."""
    view.select("gluteus-medius")
    figure = QAccessible.queryAccessibleInterface(view)
    assert figure is not None
    selected = [
        figure.child(i).text(QAccessible.Text.Name)
        for i in range(figure.childCount())
        if figure.child(i).state().selected
    ]
    assert selected == ["Gluteus medius"]
    view.activateWindow()
    view.setFocus()
    assert view.hasFocus()
    focused = figure.focusChild()
    assert focused is not None
    assert focused.text(QAccessible.Text.Name) == "Gluteus medius"
    assert focused.state().focused


def test_child_at_a_point_is_the_structure_there(view: DiagramView) -> None:
    """Asking the figure what is under a screen point names the structure a click would pick."""
    point = view.point_inside("gluteus-maximus")
    assert point is not None
    figure = QAccessible.queryAccessibleInterface(view)
    assert figure is not None
    screen = view.mapToGlobal(point)
    child = figure.childAt(screen.x(), screen.y())
    assert child is not None
    assert child.text(QAccessible.Text.Name) == "Gluteus maximus"


def test_views_come_and_go_without_crashing(qtbot: QtBot, resources: Resources) -> None:
    """Building, querying and destroying many figures leaves Qt's accessibility cache sound."""
    diagram = load_diagram(resources)
    gone: list[bool] = []
    for _ in range(8):
        widget = DiagramView(diagram, Theme())
        widget.resize(300, 300)
        figure = QAccessible.queryAccessibleInterface(widget)
        assert figure is not None
        for index in range(figure.childCount()):
            QAccessible.uniqueId(figure.child(index))
        widget.destroyed.connect(lambda: gone.append(True))
        widget.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    assert len(gone) == 8
