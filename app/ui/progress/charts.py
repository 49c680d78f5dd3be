"""Bar charts drawn with pyqtgraph, themed and sized for reading at kiosk distance.

pyqtgraph costs ~300 ms to import, so it is imported only when the first chart is drawn.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QVBoxLayout, QWidget

from app.ui.one_per_turn import OnePerTurn
from app.ui.theme import FONT_FAMILIES, Theme

#: Height of one bar's row in a horizontal chart, in pixels at scale 1 (touch-sized, legible).
ROW_HEIGHT = 46
#: Slots a vertical chart always has room for.
MIN_SLOTS = 7
#: A vertical chart labels at most this many days; the rest are ticks without text.
MAX_DAY_LABELS = 8
#: A note sits inside its bar's end once the bar is longer than this share of the axis.
_NOTE_INSIDE = 0.62


def _pyqtgraph() -> Any:
    # PySide6 is already imported by the app; say so, or pyqtgraph may probe for other bindings.
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
    import pyqtgraph

    return pyqtgraph


@dataclass(frozen=True)
class Bars:
    """What to draw: one label and value per bar; ``notes`` are printed at each bar's end."""

    labels: tuple[str, ...]
    values: tuple[float, ...]
    notes: tuple[str, ...]


class BarChart(QWidget):
    """A bar chart. Horizontal charts list categories top to bottom (topics, structures);
    vertical ones run left to right in time (days)."""

    def __init__(
        self,
        theme: Theme,
        *,
        horizontal: bool,
        maximum: float | None = None,
        suffix: str = "",
        unit: str = "",
        name: str = "",
        later: OnePerTurn | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """Args:
        later: where the first drawing waits its turn, so a page shows before its charts
            are built (each costs tens of milliseconds); None draws at once.
        """
        super().__init__(parent)
        self._theme = theme
        self._later = later
        self._pending = False
        self._horizontal = horizontal
        self._maximum = maximum
        self._suffix = suffix
        self._unit = unit
        self.setAccessibleName(name)
        self._bars = Bars((), (), ())
        self._plot: Any = None
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(0, 0, 0, 0)
        theme.changed.connect(self._on_theme_changed)

    @property
    def bars(self) -> Bars:
        """What is drawn now."""
        return self._bars

    def set_bars(self, bars: Bars) -> None:
        self._bars = bars
        if self._plot is None and self._later is not None:
            if not self._pending:  # the queued drawing will show the newest bars
                self._pending = True
                self._later.add(self._draw_pending)
            return
        self._draw()

    def _draw_pending(self) -> None:
        if self._pending:
            self._pending = False
            self._draw()

    @property
    def plot(self) -> Any:
        """The pyqtgraph PlotWidget, drawn (built on first use; a queued first drawing is
        done now)."""
        if self._pending:
            self._draw_pending()
        if self._plot is None:
            pg = _pyqtgraph()
            # No context menu: building one costs a third of the chart's first showing.
            self._plot = pg.PlotWidget(parent=self, enableMenu=False)
            self._plot.setMouseEnabled(x=False, y=False)
            self._plot.hideButtons()
            self._plot.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self._plot.setAccessibleName(self.accessibleName())
            # The chart does not zoom, so the wheel belongs to the page it sits on.
            self._wheel = _WheelToPage(self)
            self._plot.viewport().installEventFilter(self._wheel)
            self._column.addWidget(self._plot)
        return self._plot

    def _draw(self) -> None:
        pg = _pyqtgraph()
        plot, palette = self.plot, self._theme.palette
        plot.clear()
        plot.setBackground(palette.surface)
        count = len(self._bars.values)
        positions = list(range(count))
        top = self._maximum or max([*self._bars.values, 1.0])
        brush = pg.mkBrush(palette.accent)
        pen = pg.mkPen(palette.accent if palette.name == "light" else palette.text, width=1)
        if self._horizontal:
            item = pg.BarGraphItem(
                x0=0, y=positions, height=0.62, width=self._bars.values, brush=brush, pen=pen
            )
        else:
            item = pg.BarGraphItem(
                x=positions, height=self._bars.values, width=0.62, brush=brush, pen=pen
            )
        plot.addItem(item)
        self._add_notes(pg, positions, top)
        self._style_axes(positions, top)

    def preferred_height(self) -> int:
        """Pixels the chart needs: a row per bar when horizontal, a fixed panel otherwise."""
        if self._horizontal:
            return round(ROW_HEIGHT * self._theme.scale) * max(len(self._bars.values), 1) + 56
        return round(320 * self._theme.scale)

    def _add_notes(self, pg: Any, positions: list[int], top: float) -> None:
        palette = self._theme.palette
        font = self._font("body", bold=True)
        gap = top * 0.015
        for position, value, note in zip(
            positions, self._bars.values, self._bars.notes, strict=True
        ):
            if not note:
                continue
            # A long bar carries its note inside its end, so a percentage axis can stop at
            # 100 % instead of running past it to make room.
            inside = self._horizontal and value > top * _NOTE_INSIDE
            if self._horizontal:
                anchor = (1, 0.5) if inside else (0, 0.5)
                colour = palette.accent_text if inside else palette.text
                text = pg.TextItem(note, color=QColor(colour), anchor=anchor)
                text.setPos(value - gap if inside else value + gap, position)
            else:
                text = pg.TextItem(note, color=QColor(palette.text), anchor=(0.5, 1))
                text.setPos(position, value + gap)
            text.setFont(font)
            self.plot.addItem(text)

    def _style_axes(self, positions: list[int], top: float) -> None:
        plot, palette = self.plot, self._theme.palette
        ticks = [self._category_ticks(positions)]
        category, value = ("left", "bottom") if self._horizontal else ("bottom", "left")
        for name in ("left", "bottom"):
            axis = plot.getAxis(name)
            axis.setPen(QColor(palette.border))
            axis.setTextPen(QColor(palette.text))
            axis.setTickFont(self._font("body"))
        plot.getAxis(category).setTicks(ticks)
        plot.getAxis(category).setStyle(tickLength=0)
        plot.getAxis(value).setStyle(tickLength=-6)
        plot.getAxis(value).setTicks([self._value_ticks(top)])
        if self._unit:
            plot.setLabel(value, self._unit, color=palette.text_muted)
        if self._horizontal:
            plot.getViewBox().invertY(True)
            # Room after the longest bar that is short enough to carry its note outside.
            outside = [v for v in self._bars.values if v <= top * _NOTE_INSIDE]
            room = top * 1.02 if self._maximum else max([top * 1.3, *(v * 1.6 for v in outside)])
            plot.setXRange(0, room, padding=0)
            plot.setYRange(-0.6, len(positions) - 0.4, padding=0)
        else:
            plot.setYRange(0, top * 1.15, padding=0)
            # At least a week of slots, so one day's bar is not a wall.
            plot.setXRange(-0.6, max(len(positions), MIN_SLOTS) - 0.4, padding=0)
        plot.showGrid(x=self._horizontal, y=not self._horizontal, alpha=0.18)

    def _category_ticks(self, positions: list[int]) -> list[tuple[float, str]]:
        labels = self._bars.labels
        if self._horizontal or len(labels) <= MAX_DAY_LABELS:
            return list(zip(positions, labels, strict=True))
        # Label every n-th day counting back from the newest, so "today" is always named.
        step = -(-len(labels) // MAX_DAY_LABELS)
        last = len(labels) - 1
        pairs = zip(positions, labels, strict=True)
        return [(p, text if (last - p) % step == 0 else "") for p, text in pairs]

    def _value_ticks(self, top: float) -> list[tuple[float, str]]:
        suffix = self._suffix
        step = max(1, round(top / 4))
        return [(float(v), f"{v}{suffix}") for v in range(0, int(top) + 1, step)]

    def _font(self, role: str, *, bold: bool = False) -> QFont:
        font = QFont()
        font.setFamilies(FONT_FAMILIES)
        font.setPixelSize(self._theme.px(role))
        font.setBold(bold)
        return font

    def _on_theme_changed(self) -> None:
        if self._plot is not None:
            self._draw()


class _WheelToPage(QObject):
    """Hands wheel events over a chart to the scroll area the chart sits in."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Wheel:
            return False
        parent = self.parent()
        area = parent.parentWidget() if isinstance(parent, QWidget) else None
        while area is not None and not isinstance(area, QAbstractScrollArea):
            area = area.parentWidget()
        if area is None:
            return False
        QApplication.sendEvent(area.viewport(), event)
        return True
