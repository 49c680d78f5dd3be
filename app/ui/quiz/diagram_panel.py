"""The anatomy diagram as a quiz surface: find a named structure, or name a highlighted one.

The diagram view belongs to the anatomy page's package; it is imported only when a diagram
question is first shown, so plain quizzes never pay for the SVG renderer.
"""

from __future__ import annotations

import importlib
from typing import Any, Protocol, cast

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.ui.context import PageContext


class Diagram(Protocol):
    """What the quiz uses of ``app.ui.anatomy.diagram.DiagramView``."""

    def set_labels_visible(self, visible: bool) -> None: ...
    def set_depth(self, depth: int) -> None: ...
    def highlight(self, structure_id: str) -> None: ...
    def clear_highlight(self) -> None: ...
    def set_interactive(self, interactive: bool) -> None: ...
    def point_inside(self, structure_id: str) -> QPoint | None: ...
    def structure_at(self, point: QPointF) -> str: ...
    def select(self, structure_id: str) -> None: ...
    def set_diagram(self, diagram: Any) -> None: ...


def diagram_available() -> bool:
    """Whether the diagram view can be built (the quiz leaves diagram questions out if not)."""
    try:
        _diagram_modules()
    except ImportError:
        return False
    return True


def _diagram_modules() -> Any:
    # Imported by name: the anatomy package is built alongside the quiz, and importing it here
    # only when needed keeps plain quizzes free of the SVG renderer.
    view = importlib.import_module("app.ui.anatomy.diagram")
    return view.DiagramView


class DiagramPanel(QWidget):
    """Holds one DiagramView, built on first use.

    Signals:
        structure_tapped(str): the learner tapped this structure, including muted context such
            as bone ("" when the tap hit nothing at all).
    """

    structure_tapped = Signal(str)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(0, 0, 0, 0)
        self.view: QWidget | None = None
        self._diagram: Diagram | None = None
        self._last_release: QPointF | None = None
        self._figure = "posterior"  # the atlas view shown (a question may ask for "lateral")
        self.setMinimumSize(420, 460)

    def _ensure_view(self) -> Diagram:
        if self._diagram is None:
            diagram_view = _diagram_modules()
            diagram = self._context.diagrams.diagram()
            view = diagram_view(diagram, self._context.theme, self, figures=self._context.figures)
            view.structure_clicked.connect(self._on_view_structure_clicked)
            view.installEventFilter(self)
            self._column.addWidget(view)
            self.view = view
            self._diagram = cast(Diagram, view)
        return self._diagram

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent):
            self._last_release = event.position()
        return super().eventFilter(watched, event)

    def _on_view_structure_clicked(self, structure_id: str) -> None:
        # The view reports only taught structures; a tap on bone or the short rotators comes as
        # "". Look again at where the tap landed so the feedback can name what was tapped.
        if not structure_id and self._diagram is not None and self._last_release is not None:
            structure_id = self._diagram.structure_at(self._last_release)
        self.structure_tapped.emit(structure_id)

    def _layer(self, structure_id: str) -> int:
        structure = self._context.content.structures.get(structure_id)
        return structure.layer if structure else 1

    def show_figure(self, view: str) -> None:
        """Show the atlas view a question is set on ("posterior" or "lateral")."""
        diagram = self._ensure_view()
        if view != self._figure:
            diagram.set_diagram(self._context.diagrams.diagram(view))
            self._figure = view

    def ask_find(self, target: str) -> None:
        """Labels off, peeled to the target's layer so it can be seen, taps on."""
        view = self._ensure_view()
        view.select("")
        view.set_labels_visible(False)
        view.set_depth(self._layer(target))
        view.clear_highlight()
        view.set_interactive(True)

    def ask_name(self, target: str) -> None:
        """Labels off, the target highlighted, taps off (the answer is a choice)."""
        view = self._ensure_view()
        view.select("")
        view.set_labels_visible(False)
        view.set_depth(self._layer(target))
        view.highlight(target)
        view.set_interactive(False)

    def reveal(self, target: str) -> None:
        """After answering: show where the target is, with labels."""
        view = self._ensure_view()
        view.set_interactive(False)
        view.highlight(target)
        view.set_labels_visible(True)

    def point_inside(self, structure_id: str) -> QPoint | None:
        """A point inside a structure's shape, in this panel's view coordinates."""
        view = self._ensure_view()
        return view.point_inside(structure_id)
