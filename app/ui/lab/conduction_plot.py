"""Two sweeps of a conduction study, one per stimulation site, each with an onset cursor the
learner drags to where the response leaves the baseline."""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QPoint, QPointF, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.domain.emg import conduction
from app.domain.emg.potentials import Samples
from app.ui.lab.plotting import pen, pg, style_plot
from app.ui.theme import Theme

SITES = ("distal", "proximal")
START_MS = {"distal": 1.0, "proximal": 2.0}  # where the cursors wait before they are dragged


class ConductionPlot(QWidget):
    """The two sweeps (lower site on top) and their cursors.

    Signals:
        cursors_moved(): a cursor was dragged or placed.
    """

    cursors_moved = Signal()

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = pg.GraphicsLayoutWidget()
        self.view.setBackground(theme.palette.surface)
        self.setAccessibleName("Nerve conduction traces")
        self._times = conduction.sweep_times_ms()
        self.plots: dict[str, Any] = {}
        self._curves: dict[str, Any] = {}
        self._cursors: dict[str, Any] = {}
        colours = {"distal": theme.palette.accent, "proximal": theme.palette.danger}
        for row, site in enumerate(SITES):
            self._add_site(row, site, colours[site], theme)
        self.plots["proximal"].setXLink(self.plots["distal"])
        self._theme = theme
        theme.changed.connect(self._on_theme_changed)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.view)
        self.setMinimumHeight(340)

    def _add_site(self, row: int, site: str, colour: str, theme: Theme) -> None:
        plot = self.view.addPlot(row=row, col=0, enableMenu=False)
        style_plot(plot, theme)
        plot.invertY(True)
        plot.setXRange(0, conduction.SWEEP_MS, padding=0)
        plot.setYRange(-14, 6, padding=0)
        plot.setLabel("left", "mV")
        plot.setLabel("bottom", "ms after the stimulus")
        self._curves[site] = plot.plot(pen=pen(colour))
        cursor = pg.InfiniteLine(
            pos=START_MS[site],
            angle=90,
            movable=True,
            pen=pen(colour, 2.5),
            hoverPen=pen(theme.palette.focus, 4),
            bounds=(0, conduction.SWEEP_MS),
        )
        cursor.sigPositionChanged.connect(self.cursors_moved)
        plot.addItem(cursor)
        self.plots[site], self._cursors[site] = plot, cursor

    def _on_theme_changed(self) -> None:
        palette = self._theme.palette
        self.view.setBackground(palette.surface)
        colours = {"distal": palette.accent, "proximal": palette.danger}
        for site in SITES:
            style_plot(self.plots[site], self._theme)
            self._curves[site].setPen(pen(colours[site]))
            self._cursors[site].setPen(pen(colours[site], 2.5))
            self._cursors[site].setHoverPen(pen(palette.focus, 4))

    def set_trace(self, site: str, samples: Samples | None) -> None:
        """Show a site's sweep (``None`` clears it and hides its cursor)."""
        if samples is None:
            self._curves[site].setData([], [])
        else:
            self._curves[site].setData(self._times, samples)
        self._cursors[site].setVisible(samples is not None)

    def cursor_ms(self, site: str) -> float:
        return float(self._cursors[site].value())

    def set_cursor_ms(self, site: str, ms: float) -> None:
        self._cursors[site].setValue(float(np.clip(ms, 0.0, conduction.SWEEP_MS)))

    def reset_cursors(self) -> None:
        for site in SITES:
            self.set_cursor_ms(site, START_MS[site])

    def point_at(self, site: str, ms: float) -> QPoint:
        """Where ``ms`` on a site's sweep is, at mid-height, in the view's viewport (the place a
        finger or mouse touches)."""
        box = self.plots[site].getViewBox()
        middle = float(np.mean(box.viewRange()[1]))
        scene = box.mapViewToScene(QPointF(ms, middle))
        return QPoint(self.view.mapFromScene(scene))
