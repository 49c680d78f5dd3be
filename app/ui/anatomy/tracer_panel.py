"""The nerve tracer: pick a nerve, then step along it with Next/Previous or the arrow keys.

The panel only says where the walk is; the page lights the step's structures up on the figure
(it owns the figure), so the panel stays testable on its own.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.nerve_tracer import NerveTrace, TraceStep
from app.ui.flow_layout import FlowLayout
from app.ui.widgets import button, label


class TracerPanel(QWidget):
    """Step-by-step walk along one nerve.

    Signals:
        step_shown(object): the :class:`TraceStep` now shown (emitted on every move).
        stopped(): the walk was closed; the figure should drop its highlight.
    """

    step_shown = Signal(object)
    stopped = Signal()

    def __init__(self, traces: tuple[NerveTrace, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._traces = traces
        self._trace: NerveTrace | None = None
        self._index = 0
        # A wrapping list, not a combo box: long names stay whole at large text sizes.
        self.nerve_box = QListWidget()
        self.nerve_box.setAccessibleName("Nerve to trace")
        self.nerve_box.setWordWrap(True)
        self.nerve_box.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.nerve_box.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.nerve_box.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for trace in traces:
            item = QListWidgetItem(trace.name)
            item.setToolTip(f"Roots {trace.roots}")
            self.nerve_box.addItem(item)
        self.summary = label("", "muted")
        self.counter = label("", "eyebrow")
        self.title = label("", "h3")
        self.sentence = label("")
        self.sentence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.previous_button = button("\N{LEFTWARDS ARROW} Previous")
        self.previous_button.setAccessibleName("Previous step")
        self.next_button = button("Next \N{RIGHTWARDS ARROW}")
        self.next_button.setAccessibleName("Next step")
        self._layout(traces)
        self.nerve_box.currentRowChanged.connect(self._on_nerve_box_current_row_changed)
        self.previous_button.clicked.connect(self.previous)
        self.next_button.clicked.connect(self.next)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # Arrow keys step wherever the focus is inside the panel: a focused push button
        # would otherwise take Left/Right to move focus, so Next then Right did nothing.
        for key, move in ((Qt.Key.Key_Right, self.next), (Qt.Key.Key_Left, self.previous)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(move)

    def _layout(self, traces: tuple[NerveTrace, ...]) -> None:
        # The walk scrolls as one column: at large text a step's sentence and the nerve's
        # summary need more height than a sidebar has, and must never be squeezed.
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 8, 0, 0)
        scroller = QScrollArea()
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(scroller)
        inner = QWidget()
        scroller.setWidget(inner)
        column = QVBoxLayout(inner)
        column.setContentsMargins(0, 0, 4, 0)
        if not traces:
            column.addWidget(label("No nerve traces are installed.", "muted"))
            column.addStretch(1)
            return
        column.addWidget(self.nerve_box)
        column.addWidget(self.summary)
        column.addSpacing(8)
        column.addWidget(self.counter)
        column.addWidget(self.title)
        column.addWidget(self.sentence)
        buttons = QWidget()
        row = FlowLayout(buttons)  # the two buttons wrap rather than clip in a narrow sidebar
        row.addWidget(self.previous_button)
        row.addWidget(self.next_button)
        column.addWidget(buttons)
        column.addWidget(label("Arrow keys also move along the nerve.", "muted"))
        column.addStretch(1)

    # --- public API ------------------------------------------------------------------------

    @property
    def trace(self) -> NerveTrace | None:
        return self._trace

    @property
    def step_index(self) -> int:
        return self._index

    @property
    def current_step(self) -> TraceStep | None:
        return self._trace.steps[self._index] if self._trace is not None else None

    def start(self, trace_id: str = "") -> None:
        """Begin (or restart) a nerve's walk at its roots; the first nerve when "" is given."""
        trace = next((t for t in self._traces if t.id == trace_id), None)
        if trace is None and self._traces:
            trace = self._traces[0]
        if trace is None:
            return
        self._trace = trace
        self._index = 0
        self.nerve_box.blockSignals(True)
        self.nerve_box.setCurrentRow(self._traces.index(trace))
        self.nerve_box.blockSignals(False)
        self.summary.setText(f"Roots {trace.roots}. {trace.summary}")
        self._show()

    def next(self) -> None:
        self._go(self._index + 1)

    def previous(self) -> None:
        self._go(self._index - 1)

    def stop(self) -> None:
        self._trace = None
        self.stopped.emit()

    # --- internals -------------------------------------------------------------------------

    def _go(self, index: int) -> None:
        if self._trace is None:
            self.start()
            return
        if 0 <= index < len(self._trace.steps):
            self._index = index
            self._show()

    def _show(self) -> None:
        step = self.current_step
        if self._trace is None or step is None:
            return
        total = len(self._trace.steps)
        self.counter.setText(f"Step {self._index + 1} of {total}")
        self.title.setText(step.title)
        self.sentence.setText(step.text)
        self.previous_button.setEnabled(self._index > 0)
        self.next_button.setEnabled(self._index < total - 1)
        # Screen readers read the panel's description when it changes focus or is asked.
        self.setAccessibleDescription(
            f"Step {self._index + 1} of {total}: {step.title}. {step.text}"
        )
        self.step_shown.emit(step)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_list_height()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_list_height()

    def _fit_list_height(self) -> None:
        """As tall as its (wrapped) rows at this width: every nerve's name stays whole, and the
        step text below keeps the rest of the sidebar."""
        box = self.nerve_box
        if box.count() == 0:
            return
        box.doItemsLayout()  # rows wrapped at the current width before measuring them
        first = box.visualItemRect(box.item(0))
        last = box.visualItemRect(box.item(box.count() - 1))
        content = last.bottom() - first.top() + 1 + 2 * first.top()
        box.setFixedHeight(max(content, 0) + 2 * box.frameWidth() + 2)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.next()
        elif event.key() == Qt.Key.Key_Up:
            self.previous()
        elif event.key() == Qt.Key.Key_Escape:
            self.stop()
        else:
            super().keyPressEvent(event)

    def _on_nerve_box_current_row_changed(self, index: int) -> None:
        if 0 <= index < len(self._traces):
            self.start(self._traces[index].id)
