"""A small anatomy view that lights up the structure a stretch targets.

Uses the anatomy page's ``DiagramView`` when it is available; otherwise (or when the diagram
cannot be loaded) it names the targets in large type, which is what matters mid-stretch.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.ui.context import PageContext
from app.ui.widgets import label


def _diagram_view(context: PageContext) -> Any | None:
    try:
        from app.services.diagram_loader import DiagramError

        # Imported by name: the anatomy page's view may not exist in every build.
        diagram_module: Any = importlib.import_module("app.ui.anatomy.diagram")
    except ImportError:
        return None
    try:
        view = diagram_module.DiagramView(
            context.diagrams.diagram(), context.theme, figures=context.figures
        )
        view.set_interactive(False)
    except (DiagramError, TypeError, AttributeError, ValueError, OSError):
        return None  # a diagram that cannot be shown must not stop a routine
    return view


class AnatomyInset(QWidget):
    """The target structures of the current stretch: highlighted diagram plus their names."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._structures = context.content.structures
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        column.addWidget(label("Target", "eyebrow"))
        self._view: Any | None = _diagram_view(context)
        if self._view is not None:
            self._view.setMinimumSize(200, 200)
            column.addWidget(self._view, 1)
        self._names = label("", "h3")
        self._names.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        column.addWidget(self._names)
        self._targets: tuple[str, ...] = ()

    @property
    def has_diagram(self) -> bool:
        return self._view is not None

    @property
    def names_text(self) -> str:
        return self._names.text()

    def show_targets(self, targets: Sequence[str]) -> None:
        if tuple(targets) == self._targets:
            return
        self._targets = tuple(targets)
        names = [self._structures[t].name if t in self._structures else t for t in targets]
        self._names.setText("\n".join(names))
        if self._view is not None and targets:
            self._light_up(targets[0])

    def _light_up(self, structure_id: str) -> None:
        structure = self._structures.get(structure_id)
        if self._view is None:
            return
        try:
            depth = getattr(structure, "layer", None)
            if isinstance(depth, int):
                self._view.set_depth(depth)
            self._view.highlight(structure_id)
        except (TypeError, AttributeError, ValueError, KeyError):
            return  # an older diagram API: the names below still say it
