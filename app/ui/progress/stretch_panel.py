"""Stretch minutes per day (last 14 or 30 days) and the current streak, for the Progress page.

Drawn with the same :class:`BarChart` as the quiz charts (pyqtgraph is imported on first draw).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QButtonGroup, QPushButton, QVBoxLayout, QWidget

from app.services.store import StoreError
from app.ui.context import PageContext
from app.ui.one_per_turn import OnePerTurn
from app.ui.progress.charts import BarChart, Bars
from app.ui.reflow import ReflowRow
from app.ui.refresh_on_show import RefreshOnShow
from app.ui.widgets import Card, label

RANGES = (14, 30)
CHART_NAME = "Stretch minutes per day"


class StretchPanel(QWidget):
    """A card with the streak, the total and a bar chart of minutes per day."""

    def __init__(
        self,
        context: PageContext,
        parent: QWidget | None = None,
        *,
        later: OnePerTurn | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._later = later
        self._history = context.stretch_history
        self._days = RANGES[0]
        self._chart: BarChart | None = None
        card = Card()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(card)
        header = ReflowRow()
        header.add(label("Stretching", "h2"), 1)
        self._range_group = QButtonGroup(self)
        for days in RANGES:
            choice = QPushButton(f"{days} days")
            choice.setCheckable(True)
            choice.setChecked(days == self._days)
            choice.setMinimumHeight(40)
            choice.clicked.connect(lambda _checked=False, d=days: self.set_days(d))
            self._range_group.addButton(choice, days)
            header.add(choice)
        card.body.addWidget(header)
        facts = ReflowRow(spacing=16)
        self._streak = label("", "display", wrap=False)
        self._summary = label("", "muted")
        facts.add(self._streak)
        facts.add(self._summary, 1, Qt.AlignmentFlag.AlignVCenter)
        card.body.addWidget(facts)
        self._chart_holder = QVBoxLayout()
        card.body.addLayout(self._chart_holder, 1)
        context.theme.changed.connect(self.refresh)
        self._history.changed.connect(RefreshOnShow(self, self.refresh).request)
        self._style_range_buttons()
        self.refresh()

    @property
    def days(self) -> int:
        return self._days

    @property
    def streak_text(self) -> str:
        return self._streak.text()

    @property
    def minutes(self) -> list[float]:
        return self._minutes

    def set_days(self, days: int) -> None:
        self._days = days
        button = self._range_group.button(days)
        if button is not None:
            button.setChecked(True)
        self._style_range_buttons()
        self.refresh()

    def _style_range_buttons(self) -> None:
        # The theme styles "primary" buttons; the chosen range wears that look.
        for choice in self._range_group.buttons():
            choice.setProperty("role", "primary" if choice.isChecked() else "")
            choice.style().unpolish(choice)
            choice.style().polish(choice)

    def refresh(self) -> None:
        today = self._context.clock.now().astimezone().date()
        try:
            per_day = self._history.minutes_per_day(today, self._days)
            streak = self._history.streak(today)
        except StoreError:
            per_day, streak = [], 0
        self._minutes = [minutes for _, minutes in per_day]
        plural = "" if streak == 1 else "s"
        self._streak.setText(f"{streak} day{plural}")
        total = sum(self._minutes)
        active = sum(1 for m in self._minutes if m > 0)
        self._summary.setText(
            f"current streak\n{total:.0f} min over {active} of the last {self._days} days"
        )
        self._draw([d for d, _ in per_day])

    def _draw(self, days: list[date]) -> None:
        if self._chart is None:
            self._chart = BarChart(
                self._context.theme,
                horizontal=False,
                unit="minutes",
                name=CHART_NAME,
                later=self._later,
            )
            self._chart.setMinimumHeight(220)
            self._chart_holder.addWidget(self._chart)
        notes = tuple(f"{m:.0f}" if m >= 1 else "" for m in self._minutes)
        labels = tuple(day.strftime("%-d %b") for day in days)
        self._chart.set_bars(Bars(labels, tuple(self._minutes), notes))
