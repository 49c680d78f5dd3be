"""Pointer, wheel, pinch and keyboard input for the atlas figure, and keyboard focus.

Part of :class:`~app.ui.anatomy.diagram.DiagramView`: a click maps the widget point back into
the scene through the one viewport transform and asks the uncovered outlines which structure
is on top there — the same question hover asks, so the two always agree.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QNativeGestureEvent,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QGestureEvent, QPinchGesture, QToolTip

from app.domain.diagram import DEPTHS
from app.ui.anatomy.accessible import notify_focus
from app.ui.anatomy.diagram_paint import FigurePainting

CLICK_SLOP = 6  # pixels a press may move and still count as a click, not a pan


class FigureInput(FigurePainting):
    """What the figure does with input (the input half of ``DiagramView``)."""

    structure_clicked = Signal(str)
    selection_changed = Signal(str)
    hovered = Signal(str)

    _press: QPointF | None
    _dragged: bool

    def select(self, structure_id: str) -> None:
        raise NotImplementedError  # DiagramView's; declared here for the input handlers

    def structure_at(self, point: QPointF) -> str:
        """Id of the topmost structure in place at ``point`` (widget coordinates), or ""."""
        scene = self._scene_transform().inverted()[0].map(QPointF(point))
        return self._exposure.topmost(scene, self._depth)

    def zoom_by(self, factor: float) -> None:
        area = self._figure_area()
        self._viewport.zoom_about(factor, area.center(), area)
        self.update()

    def selectable_ids(self) -> list[str]:
        """Structures uncovered somewhere at the current depth, in reading order (taught
        ones first, then the muted context), as keyboard focus and screen readers walk them."""
        ids = [s.id for s in self._diagram.shapes]
        exposed = [i for i in ids if self._exposure.anchor(i, self._depth) is not None]
        return sorted(exposed, key=lambda i: (self._is_context(i), *self._reading_key(i)))

    def _is_context(self, structure_id: str) -> bool:
        shape = self._diagram.shape(structure_id)
        return shape is None or shape.context

    def _reading_key(self, structure_id: str) -> tuple[float, float]:
        anchor = self._exposure.anchor(structure_id, self._depth)
        return (0.0, 0.0) if anchor is None else (anchor.y(), anchor.x())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self._interactive and event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position()
            self._dragged = False
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if not self._interactive:
            return
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            delta = event.position() - self._press
            if self._dragged or delta.manhattanLength() > CLICK_SLOP:
                self._dragged = True
                self._viewport.pan_by(delta, self._figure_area())
                self._press = event.position()
                self.update()
            return
        self._set_hover(self.structure_at(event.position()))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._press is not None and event.button() == Qt.MouseButton.LeftButton:
            if not self._dragged:
                self._click(event.position())
            self._press = None
        super().mouseReleaseEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._set_hover("")
        super().leaveEvent(event)

    def _click(self, point: QPointF) -> None:
        # The same question hover asks, so what lights up under the pointer is what a click
        # selects (muted context included: every drawn structure has a card).
        chosen = self.structure_at(point)
        self.select(chosen)
        self.structure_clicked.emit(chosen)

    def _set_hover(self, structure_id: str) -> None:
        if structure_id == self._hover:
            return
        self._hover = structure_id
        shape = self._diagram.shape(structure_id)
        # Qt shows the widget's tool tip after the usual hover delay, and moves on with it.
        # With labels hidden (quiz questions) the name would give the answer away.
        named = shape is not None and self._labels_visible
        self.setToolTip(shape.name if named and shape is not None else "")
        if shape is None:
            QToolTip.hideText()
        self.update()
        self.hovered.emit(structure_id)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if not self._interactive:
            event.ignore()
            return
        steps = event.angleDelta().y() / 120
        if steps:
            self._viewport.zoom_about(1.2**steps, event.position(), self._figure_area())
            self.update()
        event.accept()

    def event(self, event: QEvent) -> bool:
        if self._interactive and event.type() == QEvent.Type.Gesture:
            return self._pinch(event)  # type: ignore[arg-type]
        if self._interactive and event.type() == QEvent.Type.NativeGesture:
            return self._native_zoom(event)  # type: ignore[arg-type]
        return super().event(event)

    def _pinch(self, event: QGestureEvent) -> bool:
        gesture = event.gesture(Qt.GestureType.PinchGesture)
        if isinstance(gesture, QPinchGesture):
            centre = self.mapFromGlobal(gesture.centerPoint().toPoint())
            factor = gesture.scaleFactor()
            self._viewport.zoom_about(factor, QPointF(centre), self._figure_area())
            self.update()
            event.accept(gesture)
        return True

    def _native_zoom(self, event: QNativeGestureEvent) -> bool:
        if event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
            self._viewport.zoom_about(1.0 + event.value(), event.position(), self._figure_area())
            self.update()
            return True
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._interactive:
            super().keyPressEvent(event)
            return
        key = event.key()
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Down):
            self._move_focus(1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Up):
            self._move_focus(-1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self._focus_id:
            self.select(self._focus_id)
            self.structure_clicked.emit(self._focus_id)
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(1.25)
        elif key == Qt.Key.Key_Minus:
            self.zoom_by(0.8)
        elif key == Qt.Key.Key_Escape and self._selected:
            self.select("")
        else:
            super().keyPressEvent(event)

    def focusNextPrevChild(self, forward: bool) -> bool:
        """Tab walks the structures first; past the last (or first) it leaves the figure."""
        if self._interactive and self.hasFocus() and self._move_focus(1 if forward else -1):
            return True
        self._focus_id = ""
        return super().focusNextPrevChild(forward)

    def focusInEvent(self, event: QFocusEvent) -> None:
        if not self._focus_id:
            backwards = event.reason() == Qt.FocusReason.BacktabFocusReason
            self._move_focus(-1 if backwards else 1)
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def _move_focus(self, step: int) -> bool:
        """Move keyboard focus to the next structure; False when there is no next."""
        ids = self.selectable_ids()
        if not ids:
            return False
        if self._focus_id not in ids:
            index = 0 if step > 0 else len(ids) - 1
        else:
            index = ids.index(self._focus_id) + step
            if not 0 <= index < len(ids):
                return False
        self._focus_id = ids[index]
        self._describe()
        self.update()
        notify_focus(self, self._focus_id)
        return True

    def _describe(self) -> None:
        """Keep the screen-reader description in step with what is focused and shown."""
        parts = [f"Depth {self._depth} of {len(DEPTHS)}."]
        for label, structure_id in (("Focused", self._focus_id), ("Selected", self._selected)):
            shape = self._diagram.shape(structure_id)
            if shape is not None:
                parts.append(f"{label}: {shape.name}.")
        parts.append("Arrow keys or Tab move between structures; Enter opens the card.")
        self.setAccessibleDescription(" ".join(parts))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.update()
