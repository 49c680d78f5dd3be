"""Each structure on the figure as its own accessible object, for screen readers.

Qt sees a custom-painted widget as one opaque box. A Python ``QAccessibleInterface`` per
structure, handed out through ``QAccessible.installFactory``, lets a screen reader walk the
figure as a list of named, selectable items (confirmed on the AT-SPI bus with
``../shared/tools/a11y-session.sh``). The figure is a *list* to assistive technology because
list items carry the selected / focused states screen readers announce; its description says
it is a figure.

Lifetimes: Qt's accessibility cache keeps raw pointers to the interfaces it is given, so the
Python objects must outlive every use. The figure's interface is kept in ``_FIGURES`` until its
widget is destroyed (Qt then deletes it itself); each structure's interface is owned by the
figure's and explicitly removed from Qt's cache when the widget goes, before Python frees it.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QObject, QPoint, QRect
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QAccessibleInterface,
    QAccessibleStateChangeEvent,
    QWindow,
)
from PySide6.QtWidgets import QAccessibleWidget, QWidget
from shiboken6 import Shiboken


class AccessibleFigure(Protocol):
    """What the accessibility layer asks of the figure widget (DiagramView offers it)."""

    def accessible_ids(self) -> list[str]: ...
    def accessible_name_of(self, structure_id: str) -> str: ...
    def accessible_description_of(self, structure_id: str) -> str: ...
    def structure_rect(self, structure_id: str) -> QRect | None: ...
    def structure_at_global(self, point: QPoint) -> str: ...
    @property
    def selected(self) -> str: ...
    @property
    def focused_structure(self) -> str: ...
    def hasFocus(self) -> bool: ...  # noqa: N802 - Qt's name


_Text = QAccessible.Text
# Qt returns nullptr for "no such child / no object"; PySide6's stubs declare those returns
# non-optional, hence the ``type: ignore[override]`` on the overrides that may return None.
_FIGURES: dict[int, FigureAccessible] = {}
_installed = False


def install_accessibility(figure_type: type[QWidget]) -> None:
    """Hand out per-structure interfaces for every widget of ``figure_type`` (once)."""
    global _installed
    if _installed:
        return
    _installed = True

    def factory(_class_name: str, instance: QObject) -> QAccessibleInterface | None:
        if isinstance(instance, figure_type):
            return _figure_accessible(instance)
        return None

    QAccessible.installFactory(factory)


def _figure_accessible(widget: QWidget) -> FigureAccessible:
    key = id(widget)
    if key not in _FIGURES:
        _FIGURES[key] = FigureAccessible(widget)
        widget.destroyed.connect(lambda: _forget(key))
    return _FIGURES[key]


def _forget(key: int) -> None:
    figure = _FIGURES.pop(key, None)
    if figure is not None:
        figure.release_children()


def notify_focus(widget: QWidget, structure_id: str) -> None:
    """Tell assistive technology that keyboard focus moved to a structure."""
    figure = _FIGURES.get(id(widget))
    if figure is None or not QAccessible.isActive():
        return
    index = figure.index_of(structure_id)
    if index >= 0:
        event = QAccessibleEvent(widget, QAccessible.Event.Focus)
        event.setChild(index)
        QAccessible.updateAccessibility(event)


def notify_selected(widget: QWidget, structure_id: str) -> None:
    """Tell assistive technology which structure is now selected."""
    figure = _FIGURES.get(id(widget))
    if figure is None or not QAccessible.isActive():
        return
    index = figure.index_of(structure_id)
    if index >= 0:
        changed = QAccessible.State()
        changed.selected = True
        event = QAccessibleStateChangeEvent(widget, changed)
        event.setChild(index)
        QAccessible.updateAccessibility(event)


class FigureAccessible(QAccessibleWidget):
    """The figure: a list whose items are the structures uncovered at the current depth."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget, QAccessible.Role.List)
        self._figure: AccessibleFigure = widget  # type: ignore[assignment]
        self._children: dict[str, StructureAccessible] = {}

    def release_children(self) -> None:
        """Drop the structure interfaces from Qt's cache, then from Python."""
        for child in self._children.values():
            if Shiboken.isValid(child):
                QAccessible.deleteAccessibleInterface(QAccessible.uniqueId(child))
        self._children.clear()

    def figure(self) -> AccessibleFigure:
        return self._figure

    def ids(self) -> list[str]:
        return self._figure.accessible_ids()

    def index_of(self, structure_id: str) -> int:
        ids = self.ids()
        return ids.index(structure_id) if structure_id in ids else -1

    def structure(self, structure_id: str) -> StructureAccessible:
        if structure_id not in self._children:
            self._children[structure_id] = StructureAccessible(self, structure_id)
        return self._children[structure_id]

    def childCount(self) -> int:  # noqa: N802 - Qt override
        return len(self.ids())

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        ids = self.ids()
        return self.structure(ids[index]) if 0 <= index < len(ids) else None

    def indexOfChild(self, child: QAccessibleInterface) -> int:  # noqa: N802 - Qt override
        if isinstance(child, StructureAccessible):
            return self.index_of(child.structure_id)
        return -1

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # type: ignore[override]  # noqa: N802
        hit = self._figure.structure_at_global(QPoint(x, y))
        return self.structure(hit) if hit in self.ids() else None

    def focusChild(self) -> QAccessibleInterface | None:  # type: ignore[override]  # noqa: N802
        focused = self._figure.focused_structure
        if self._figure.hasFocus() and focused in self.ids():
            return self.structure(focused)
        return None

    def text(self, kind: QAccessible.Text) -> str:
        if kind == _Text.Description:
            return f"Figure. {super().text(kind)}"
        return super().text(kind)


class StructureAccessible(QAccessibleInterface):
    """One structure: its name, where it is, and whether it is selected or focused."""

    def __init__(self, parent: FigureAccessible, structure_id: str) -> None:
        super().__init__()
        self._parent = parent
        self.structure_id = structure_id

    def isValid(self) -> bool:  # noqa: N802 - Qt override
        return Shiboken.isValid(self._parent) and self._parent.isValid()

    def object(self) -> QObject | None:  # type: ignore[override]
        return None

    def window(self) -> QWindow | None:  # type: ignore[override]
        return self._parent.window()

    def relations(self, _match: Any = None) -> list[Any]:
        return []

    def focusChild(self) -> QAccessibleInterface | None:  # type: ignore[override]  # noqa: N802
        return None

    def childAt(self, _x: int, _y: int) -> QAccessibleInterface | None:  # type: ignore[override]  # noqa: N802
        return None

    def parent(self) -> QAccessibleInterface:
        return self._parent

    def child(self, _index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        return None

    def childCount(self) -> int:  # noqa: N802 - Qt override
        return 0

    def indexOfChild(self, _child: QAccessibleInterface) -> int:  # noqa: N802
        return -1

    def text(self, kind: QAccessible.Text) -> str:
        figure = self._parent.figure()
        if kind == _Text.Name:
            return figure.accessible_name_of(self.structure_id)
        if kind == _Text.Description:
            return figure.accessible_description_of(self.structure_id)
        return ""

    def setText(self, _kind: QAccessible.Text, _text: str) -> None:  # noqa: N802
        return

    def rect(self) -> QRect:
        return self._parent.figure().structure_rect(self.structure_id) or QRect()

    def role(self) -> QAccessible.Role:
        return QAccessible.Role.ListItem

    def state(self) -> QAccessible.State:
        figure = self._parent.figure()
        state = QAccessible.State()
        state.focusable = True
        state.selectable = True
        state.selected = figure.selected == self.structure_id
        state.focused = figure.hasFocus() and figure.focused_structure == self.structure_id
        state.invisible = self.rect().isEmpty()
        state.offscreen = state.invisible
        return state
