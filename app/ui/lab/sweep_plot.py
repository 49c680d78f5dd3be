"""The live needle-EMG screen: a sweep that writes left to right over the previous one."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.domain.emg.display import SweepEnvelope
from app.domain.emg.study import Recording
from app.ui.lab.plotting import pen, plot_widget
from app.ui.theme import Theme

SWEEP_SECONDS = 1.0
COLUMNS = 800
#: Vertical range (µV either side of baseline) at rest and during effort, as a machine's gain
#: is turned down when the person contracts.
REST_RANGE_UV = 500.0
EFFORT_RANGE_UV = 5000.0


class SweepPlot(QWidget):
    """Shows a recording up to a playhead; each :meth:`show_at` costs one slice and one paint."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self.plot = plot_widget(theme)
        item = self.plot.getPlotItem()
        item.invertY(True)  # electrophysiology draws negative upward
        item.setLabel("bottom", "time across the screen", units="s")
        item.setLabel("left", "µV (negative up)")
        item.getAxis("bottom").enableAutoSIPrefix(True)
        item.setXRange(0, SWEEP_SECONDS, padding=0)
        self.curve = item.plot(pen=pen(theme.palette.accent, 1.2), connect="finite")
        self.curve.setClipToView(False)
        self.setAccessibleName("Needle EMG trace")
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.plot)
        self._envelope: SweepEnvelope | None = None
        self._range = 0.0
        self.set_range(REST_RANGE_UV)

    def set_recording(self, recording: Recording) -> None:
        self._envelope = SweepEnvelope(recording.signal, recording.rate, SWEEP_SECONDS, COLUMNS)
        self.curve.setData([], [])

    def clear(self) -> None:
        """Forget the recording: a blank screen."""
        self._envelope = None
        self.curve.setData([], [])

    def set_range(self, microvolts: float) -> None:
        """Set the gain: the screen spans ``microvolts`` either side of the baseline."""
        if microvolts != self._range:
            self._range = microvolts
            self.plot.getPlotItem().setYRange(-microvolts, microvolts, padding=0)

    @property
    def range_uv(self) -> float:
        return self._range

    def show_at(self, playhead: float) -> None:
        """Draw everything recorded up to ``playhead`` seconds."""
        if self._envelope is None:
            return
        y = self._envelope.frame(playhead)
        x = self._envelope.x_ms / 1000.0
        self.curve.setData(x, np.clip(y, -2 * self._range, 2 * self._range), connect="finite")
