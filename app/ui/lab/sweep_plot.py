"""The live needle-EMG screen: a sweep that writes left to right over the previous one."""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QGraphicsItem, QVBoxLayout, QWidget

from app.domain.emg.display import SweepEnvelope
from app.domain.emg.study import Recording
from app.ui.lab.plotting import pen, pg, plot_widget, style_plot
from app.ui.theme import Theme

SWEEP_SECONDS = 1.0
COLUMNS = 600  # about one per pixel of the plot at 1280 px; more only costs
STRIPS = 20
#: Vertical range (µV either side of baseline) at rest and during effort, as a machine's gain
#: is turned down when the person contracts.
REST_RANGE_UV = 500.0
EFFORT_RANGE_UV = 5000.0


class SweepPlot(QWidget):
    """Shows a recording up to a playhead; each :meth:`show_at` costs one slice and one paint.

    Args:
        deferred: build the pyqtgraph plot on the event loop's next turn, so the lab shows
            before its plot is built (a third of the page's first visit); what is set
            meanwhile (range, texts, the trace) is kept and drawn when it is built.
    """

    def __init__(
        self, theme: Theme, parent: QWidget | None = None, *, deferred: bool = False
    ) -> None:
        super().__init__(parent)
        self._theme = theme
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(0, 0, 0, 0)
        self.setMinimumHeight(260)
        self.setAccessibleName("Needle EMG trace")
        self._widget: Any = None
        self.strips: list[Any] = []
        self._shown = np.full(2 * COLUMNS, np.nan)
        self._texts = ("", "")
        self._envelope: SweepEnvelope | None = None
        self._range = REST_RANGE_UV
        theme.changed.connect(self._on_theme_changed)
        self._deferred = deferred
        if not deferred:
            self._build()

    @property
    def plot(self) -> Any:
        """The pyqtgraph PlotWidget (built now if its turn has not come yet)."""
        self._build_if_needed()
        return self._widget

    def _build_if_needed(self) -> None:
        if self._widget is None:
            self._build()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._widget is None and self._deferred:
            # Shown empty now, drawn on the next turn (tied to this widget: if it is gone by
            # then, nothing runs).
            QTimer.singleShot(0, self, self._build_when_shown)

    def _build_when_shown(self) -> None:
        if self.isVisible():
            self._build_if_needed()

    def _build(self) -> None:
        theme = self._theme
        widget = self._widget = plot_widget(theme)
        item = widget.getPlotItem()
        item.invertY(True)  # electrophysiology draws negative upward
        item.setLabel("bottom", "time across the screen", units="s")
        item.setLabel("left", "µV (negative up)")
        item.getAxis("bottom").enableAutoSIPrefix(True)
        item.setXRange(0, SWEEP_SECONDS, padding=0)
        for side in ("left", "bottom"):
            # The axes (and the grid they draw) only change with the gain; painting them from
            # a cached pixmap keeps a frame to the trace itself (bench/emg_frame.py).
            item.getAxis(side).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        # The plot paints its whole background itself; saying so spares the page behind it a
        # repaint on every frame.
        widget.viewport().setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        widget.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        # The sweep is drawn as strips, and a frame re-sets only the strips whose samples
        # changed, so Qt repaints a narrow band of the plot instead of all of it.
        self.strips = [
            pg.PlotCurveItem(pen=pen(theme.palette.accent, 1.0), connect="finite")
            for _ in range(STRIPS)
        ]
        for strip in self.strips:
            item.addItem(strip)
        # Text that changes during a study is drawn inside the plot: a label beside it would
        # make Qt re-lay out and repaint the whole page on each change.
        self._clock = pg.TextItem("", color=theme.palette.text, anchor=(1, 0))
        self._caption = pg.TextItem("", color=theme.palette.text_muted, anchor=(0, 1))
        for text in (self._clock, self._caption):
            text.setFont(self.font())
            item.addItem(text, ignoreBounds=True)
        self._column.addWidget(widget)
        # What was set before the plot existed.
        self._apply_range()
        self._apply_texts()
        self._draw(self._shown, force=True)

    def _on_theme_changed(self) -> None:
        if self._widget is None:
            return  # built in the current theme when its turn comes
        palette = self._theme.palette
        self._widget.setBackground(palette.surface)
        style_plot(self._widget.getPlotItem(), self._theme)
        for strip in self.strips:
            strip.setPen(pen(palette.accent, 1.0))
        self._clock.setColor(palette.text)
        self._caption.setColor(palette.text_muted)

    def set_recording(self, recording: Recording) -> None:
        self._envelope = SweepEnvelope(recording.signal, recording.rate, SWEEP_SECONDS, COLUMNS)
        self._draw(np.full(2 * COLUMNS, np.nan), force=True)

    def clear(self) -> None:
        """Forget the recording: a blank screen."""
        self._envelope = None
        self._draw(np.full(2 * COLUMNS, np.nan), force=True)

    def set_range(self, microvolts: float) -> None:
        """Set the gain: the screen spans ``microvolts`` either side of the baseline."""
        if microvolts != self._range:
            self._range = microvolts
            self._draw(self._shown, force=True)  # the clipping limits follow the range
            self._apply_range()

    def _apply_range(self) -> None:
        if self._widget is None:
            return
        microvolts = self._range
        self._widget.getPlotItem().setYRange(-microvolts, microvolts, padding=0)
        # y is inverted: -range is the top edge, +range the bottom one
        self._clock.setPos(SWEEP_SECONDS * 0.99, -microvolts * 0.97)
        self._caption.setPos(SWEEP_SECONDS * 0.01, microvolts * 0.97)

    def set_texts(self, clock: str, caption: str) -> None:
        """The time in the study (top right) and a caption (bottom left), drawn in the plot."""
        self._texts = (clock, caption)
        self._apply_texts()

    def _apply_texts(self) -> None:
        if self._widget is None:
            return
        clock, caption = self._texts
        if clock != self._clock.toPlainText():
            self._clock.setPlainText(clock)
        if caption != self._caption.toPlainText():
            self._caption.setPlainText(caption)

    @property
    def clock_text(self) -> str:
        return self._texts[0]

    @property
    def caption(self) -> str:
        return self._texts[1]

    @property
    def range_uv(self) -> float:
        return self._range

    def show_at(self, playhead: float) -> None:
        """Draw everything recorded up to ``playhead`` seconds."""
        if self._envelope is None:
            return
        self._draw(self._envelope.frame(playhead))

    def _draw(self, y: np.ndarray, *, force: bool = False) -> None:
        """Show ``y`` (min/max pairs per column), re-setting only the strips that changed."""
        shown, self._shown = self._shown, y
        limit = 2 * max(self._range, 1.0)
        x = np.repeat(np.arange(COLUMNS) * SWEEP_SECONDS / COLUMNS, 2)
        width = 2 * COLUMNS // STRIPS
        for index, strip in enumerate(self.strips):
            # each strip overlaps the next by one column, so the line has no breaks
            part = slice(index * width, min(2 * COLUMNS, (index + 1) * width + 2))
            if force or not np.array_equal(shown[part], y[part], equal_nan=True):
                if np.isnan(y[part]).all():
                    # Blank here (a new sweep, an empty screen): no points at all, so the
                    # plot never measures or strokes a curve of gaps.
                    strip.clear()
                else:
                    strip.setData(x[part], np.clip(y[part], -limit, limit), connect="finite")

    @property
    def shown(self) -> np.ndarray:
        """The min/max pairs on screen now (NaN where the screen is blank)."""
        return self._shown
