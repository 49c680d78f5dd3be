"""Diary charts: episodes per day, by area, and one factor against episodes.

A factor is only plotted against episodes once it is recorded on :data:`MIN_DAYS` days; before
that the panel says "not enough data yet" instead of drawing a comparison. pyqtgraph is
imported when the first chart is drawn.
"""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QGridLayout, QVBoxLayout, QWidget

from app.domain.diary import FACTORS, Factor
from app.domain.diary_stats import (
    ASSOCIATION_NOTE,
    MIN_DAYS,
    FactorView,
    counts_by_area,
    daily_counts,
    factor_view,
)
from app.services.clock import Clock
from app.services.diary import Diary
from app.ui.progress.charts import BarChart, Bars
from app.ui.theme import Theme
from app.ui.widgets import caption, label

#: Days shown in the per-day chart.
DAYS_SHOWN = 28


def _pyqtgraph() -> Any:
    # PySide6 is already imported; say so, or pyqtgraph may probe for other bindings.
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
    import pyqtgraph

    return pyqtgraph


class FactorPlot(QWidget):
    """One factor's values (x) against that day's episode count (y), or why not yet."""

    def __init__(self, theme: Theme) -> None:
        super().__init__()
        self._theme = theme
        self._view: FactorView | None = None
        self._plot: Any = None
        self.sentence = label("", "muted")
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.addWidget(self.sentence)

    @property
    def view(self) -> FactorView | None:
        return self._view

    @property
    def drawn_points(self) -> tuple[tuple[float, int], ...]:
        """What the scatter shows now (nothing while there is not enough data)."""
        if self._view is None or not self._view.enough:
            return ()
        return self._view.points

    def show_view(self, view: FactorView) -> None:
        self._view = view
        self.sentence.setText(view.sentence)
        if not view.enough:
            if self._plot is not None:
                self._plot.hide()
            return
        pg = _pyqtgraph()
        if self._plot is None:
            # No context menu: building one costs a third of the chart's first showing.
            self._plot = pg.PlotWidget(parent=self, enableMenu=False)
            self._plot.setMouseEnabled(x=False, y=False)
            self._plot.hideButtons()
            self._plot.setMinimumHeight(240)
            self._column.addWidget(self._plot)
        self._draw(pg, view)
        self._plot.show()

    def _draw(self, pg: Any, view: FactorView) -> None:
        palette = self._theme.palette
        plot = self._plot
        plot.clear()
        plot.setBackground(palette.surface)
        spec = next(s for s in FACTORS if s.factor is view.factor)
        xs = [float(x) for x, _ in view.points]
        ys = [float(y) for _, y in view.points]
        plot.addItem(
            pg.ScatterPlotItem(
                x=xs, y=ys, size=12, brush=pg.mkBrush(palette.accent), pen=pg.mkPen(palette.text)
            )
        )
        for name, words in (("bottom", f"{spec.label} ({spec.unit})"), ("left", "Episodes")):
            axis = plot.getAxis(name)
            axis.setPen(QColor(palette.border))
            axis.setTextPen(QColor(palette.text))
            axis.setLabel(words, color=palette.text)
        plot.showGrid(x=True, y=True, alpha=0.18)


class DiaryCharts(QWidget):
    """The charts tab; it follows :attr:`Diary.changed` on its own."""

    def __init__(self, diary: Diary, clock: Clock, theme: Theme) -> None:
        super().__init__()
        self._diary = diary
        self._clock = clock
        self._theme = theme
        self.daily = BarChart(theme, horizontal=False)
        self.daily.setMinimumHeight(260)
        self.areas = BarChart(theme, horizontal=True)
        self.factor = QComboBox()
        self.factor.setAccessibleName("Factor to compare")
        for spec in FACTORS:
            self.factor.addItem(spec.label, spec.factor.value)
        self.factor_plot = FactorPlot(theme)
        self._build()
        self.factor.currentIndexChanged.connect(self.refresh)
        diary.changed.connect(self.refresh)
        self.refresh()

    def _build(self) -> None:
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(24)
        grid.addWidget(label(f"Episodes per day, last {DAYS_SHOWN} days", "h3"), 0, 0)
        grid.addWidget(self.daily, 1, 0)
        grid.addWidget(label("Episodes by area", "h3"), 0, 1)
        grid.addWidget(self.areas, 1, 1)
        grid.addWidget(label("A factor against episodes", "h3"), 2, 0)
        grid.addWidget(caption("&Factor to compare", self.factor, "small"), 3, 0)
        grid.addWidget(self.factor, 4, 0)
        grid.addWidget(self.factor_plot, 5, 0, 1, 2)
        grid.addWidget(label(_rule_text(), "small"), 6, 0, 1, 2)

    def select_factor(self, factor: Factor) -> None:
        self.factor.setCurrentIndex(self.factor.findData(factor.value))

    def refresh(self) -> None:
        episodes, days = self._diary.episodes(), self._diary.days()
        today = self._clock.now().astimezone().date()
        counts = daily_counts(episodes, today, DAYS_SHOWN)
        every_week = (DAYS_SHOWN - 1) % 7  # label the last day and each week before it
        self.daily.set_bars(
            Bars(
                tuple(
                    f"{d:%d %b}" if i % 7 == every_week else "" for i, (d, _) in enumerate(counts)
                ),
                tuple(float(n) for _, n in counts),
                tuple(str(n) if n else "" for _, n in counts),
            )
        )
        by_area = counts_by_area(episodes, short=True)[:8]
        self.areas.set_bars(
            Bars(
                tuple(name for name, _ in by_area),
                tuple(float(n) for _, n in by_area),
                tuple(str(n) for _, n in by_area),
            )
        )
        self.areas.setMinimumHeight(self.areas.preferred_height())
        self.daily.plot.getAxis("bottom").setHeight(round(36 * self._theme.scale))
        # Room for the area names: pyqtgraph sizes the axis before custom ticks arrive.
        self.areas.plot.getAxis("left").setWidth(round(170 * self._theme.scale))
        factor = Factor(self.factor.currentData())
        self.factor_plot.show_view(factor_view(factor, episodes, days))


def _rule_text() -> str:
    return (
        f"A factor is compared with episodes only once it is recorded on {MIN_DAYS} days. "
        + ASSOCIATION_NOTE
    )
