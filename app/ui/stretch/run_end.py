"""How a routine ends on screen: "Stop here?" asked in place, then a summary of what was done.

Both sit inside the player rather than in a dialog, so a kiosk or a touch screen never has a
window to lose behind the app, and the countdown is visibly paused while the question is open.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QStackedWidget, QWidget

from app.domain.routine_timer import RoutineTimer
from app.ui.widgets import Card, button, label


def summary_text(timer: RoutineTimer) -> str:
    """One sentence on what the run did: stretches finished and time spent holding."""
    total = len(timer.routine.steps)
    done = timer.steps_done()
    ended = timer.ended_at if timer.ended_at is not None else 0.0
    held = _held_text(timer.active_seconds(ended))
    if not timer.abandoned:
        return f"Routine complete: all {total} stretches, {held} of stretching. Well done."
    return f"Stopped after {done} of {total} stretches, {held} of stretching."


def _held_text(seconds: float) -> str:
    whole = round(seconds)
    minutes, rest = divmod(whole, 60)
    if not minutes:
        return f"{rest} s"
    return f"{minutes} min {rest} s" if rest else f"{minutes} min"


class RunEndPanel(Card):
    """The stop question, or the summary after the run ended.

    Signals:
        keep_going_requested(): carry on (the question is closed).
        stop_confirmed(): end the run now.
    """

    keep_going_requested = Signal()
    stop_confirmed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "callout")
        self._stack = QStackedWidget()
        self._question = self._build_question()
        self._summary = label("", "h3")
        self._summary.setAccessibleName("Routine summary")
        self._stack.addWidget(self._question)
        self._stack.addWidget(self._summary)
        self.body.addWidget(self._stack)
        self.hide()

    def _build_question(self) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self._question_text = label("", "h3")
        row.addWidget(self._question_text, 1)
        self.keep_going = button("Keep going", "primary")
        self.stop_now = button("Stop and save")
        self.keep_going.clicked.connect(self.keep_going_requested)
        self.stop_now.clicked.connect(self.stop_confirmed)
        for widget in (self.keep_going, self.stop_now):
            widget.setMinimumHeight(56)
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys go to the player
            row.addWidget(widget)
        return box

    @property
    def asking(self) -> bool:
        return self.isVisible() and self._stack.currentWidget() is self._question

    @property
    def summary(self) -> str:
        return self._summary.text() if self._stack.currentWidget() is self._summary else ""

    def ask(self, routine_name: str) -> None:
        self._question_text.setText(
            f"Stop “{routine_name}” here? What you have done so far is kept in Progress."
        )
        self._stack.setCurrentWidget(self._question)
        self.show()

    def show_summary(self, timer: RoutineTimer) -> None:
        self._summary.setText(summary_text(timer))
        self._stack.setCurrentWidget(self._summary)
        self.show()
