"""Find what a person would see as broken layout: clipped text, squashed rows, overlaps.

Used by the layout test matrix (every page at several window sizes, text scales and themes) and
by ``--screenshot DIR --check-layout``. It reads only what Qt itself reports (size hints,
height-for-width, delegate size hints, geometry), so a finding is something Qt would draw cut
off, not a guess from pixels.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QLabel,
    QLayout,
    QScrollArea,
    QStyleOptionViewItem,
    QWidget,
)

#: A pixel of rounding is not a clip.
_SLACK = 1
#: Overlaps smaller than this (borders touching) are not reported.
_MIN_OVERLAP = 3


@dataclass(frozen=True)
class LayoutProblem:
    """One thing drawn cut off or on top of another."""

    widget: str
    problem: str

    def __str__(self) -> str:
        return f"{self.widget}: {self.problem}"


def audit(root: QWidget) -> list[LayoutProblem]:
    """Every layout problem among the visible widgets under ``root``."""
    problems: list[LayoutProblem] = _overlaps(root)
    for widget in _visible_widgets(root):
        problems.extend(_text_problems(widget))
        if isinstance(widget, QAbstractItemView):
            problems.extend(_row_problems(widget))
        if isinstance(widget, QScrollArea):
            problems.extend(_sideways_problems(widget))
        problems.extend(_overlaps(widget))
    return problems


def describe(widget: QWidget) -> str:
    """A name a person can find the widget by: accessible name, text or class and object name."""
    name = widget.accessibleName()
    if not name and isinstance(widget, QLabel | QAbstractButton):
        name = widget.text().replace("\n", " ")[:40]
    if not name and isinstance(widget, QComboBox):
        name = widget.currentText()[:40]
    kind = type(widget).__name__
    return f"{kind} {name!r}" if name else f"{kind} #{widget.objectName() or '?'}"


def _visible_widgets(root: QWidget) -> Iterator[QWidget]:
    for child in root.findChildren(QWidget):
        visible = child.isVisibleTo(root) and not child.isWindow() and child.width() > 0
        if visible and _inside_visible_area(child, root):
            yield child


def _inside_visible_area(widget: QWidget, root: QWidget) -> bool:
    # A widget scrolled out of its scroll area's viewport is not on screen, so not clipped.
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, QAbstractScrollArea) and not isinstance(parent, QAbstractItemView):
            viewport = parent.viewport()
            if not viewport.isAncestorOf(widget):
                return True  # a scroll bar or corner widget of the area itself
            origin = widget.mapTo(viewport, widget.rect().topLeft())
            return QRect(origin, widget.size()).intersects(viewport.rect())
        parent = parent.parentWidget()
    return True


def _text_problems(widget: QWidget) -> list[LayoutProblem]:
    if isinstance(widget, QAbstractButton) and widget.text():
        hint = widget.sizeHint()
        if hint.width() > widget.width() + _SLACK:
            return [_problem(widget, f"text needs {hint.width()} px, has {widget.width()}")]
        if hint.height() > widget.height() + _SLACK:
            return [_problem(widget, f"text needs {hint.height()} px tall, has {widget.height()}")]
    if isinstance(widget, QLabel) and widget.text():
        return _label_problems(widget)
    if isinstance(widget, QComboBox) and widget.count():
        needed = widget.sizeHint().width()
        if needed > widget.width() + _SLACK:
            return [_problem(widget, f"choices need {needed} px, has {widget.width()}")]
    return []


def _sideways_problems(area: QScrollArea) -> list[LayoutProblem]:
    """A page scrolls down, never sideways: content wider than its area is cut off at the
    right, behind a scroll bar nobody expects (unless the area says it scrolls sideways)."""
    if area.property("scrolls_sideways"):
        return []
    content = area.widget()
    if content is None:
        return []
    room = area.viewport().width()
    needed = content.minimumSizeHint().width()
    if area.horizontalScrollBar().maximum() > _SLACK or needed > room + _SLACK:
        return [_problem(area, f"content needs {needed} px wide, has {room}: it scrolls sideways")]
    return []


def _label_problems(label: QLabel) -> list[LayoutProblem]:
    if label.property("elide"):
        return []  # elides on purpose and shows the whole text as a tooltip
    margins = label.contentsMargins()
    inner_width = label.width() - margins.left() - margins.right()
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if needed > label.height() + _SLACK:
            return [_problem(label, f"wrapped text needs {needed} px tall, has {label.height()}")]
        return []
    needed_width = label.minimumSizeHint().width() - margins.left() - margins.right()
    if needed_width > inner_width + _SLACK:
        return [_problem(label, f"text needs {needed_width} px, has {inner_width}")]
    return []


def _row_problems(view: QAbstractItemView) -> list[LayoutProblem]:
    model = view.model()
    if model is None:
        return []
    problems: list[LayoutProblem] = []
    for row in range(min(model.rowCount(), 200)):
        index = model.index(row, 0)
        rect = view.visualRect(index)
        if not rect.isValid() or not rect.intersects(view.viewport().rect()):
            continue
        delegate = view.itemDelegateForIndex(index)
        if delegate is None:
            continue
        option = QStyleOptionViewItem()
        option.initFrom(view.viewport())
        option.rect = rect
        needed = delegate.sizeHint(option, index).height()
        if needed > rect.height() + _SLACK:
            text = str(index.data() or "")[:30]
            problems.append(
                _problem(view, f"row {row} {text!r} needs {needed} px, has {rect.height()}")
            )
    return problems


def _overlaps(parent: QWidget) -> list[LayoutProblem]:
    layout = parent.layout()
    if layout is None:
        return []
    managed = [w for w in _layout_widgets(layout) if w.isVisibleTo(parent)]
    problems: list[LayoutProblem] = []
    for index, first in enumerate(managed):
        for second in managed[index + 1 :]:
            overlap = first.geometry().intersected(second.geometry())
            if overlap.width() >= _MIN_OVERLAP and overlap.height() >= _MIN_OVERLAP:
                problems.append(_problem(first, f"overlaps {describe(second)}"))
    return problems


def _layout_widgets(layout: QLayout) -> Iterator[QWidget]:
    for number in range(layout.count()):
        item = layout.itemAt(number)
        if item is None:
            continue
        widget = item.widget()
        if widget is not None:
            yield widget
        else:
            inner = item.layout()
            if inner is not None:
                yield from _layout_widgets(inner)


def _problem(widget: QWidget, text: str) -> LayoutProblem:
    return LayoutProblem(describe(widget), text)
