"""pyqtgraph for the lab's plots, imported once the lab is opened (it costs ~300 ms), and
the styling they share."""

from __future__ import annotations

import os
from typing import Any

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")  # PySide6 is loaded; skip the probing

import pyqtgraph as pg
from PySide6.QtCore import Qt

from app.ui.theme import Theme

__all__ = ["pen", "pg", "plot_widget", "style_plot"]


def plot_widget(theme: Theme) -> Any:
    """A still plot (no mouse zoom or pan, no menu) in the theme's colours."""
    # No context menu at all (not one built and then switched off): it is a third of the
    # plot's construction time.
    widget = pg.PlotWidget(enableMenu=False)
    widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # still: nothing to do with the keyboard
    widget.setBackground(theme.palette.surface)
    style_plot(widget.getPlotItem(), theme)
    return widget


def style_plot(plot: Any, theme: Theme) -> None:
    palette = theme.palette
    plot.getViewBox().setBackgroundColor(palette.surface)
    plot.setMouseEnabled(x=False, y=False)
    plot.setMenuEnabled(False)
    plot.hideButtons()
    plot.showGrid(x=True, y=True, alpha=0.25)
    for side in ("left", "bottom"):
        axis = plot.getAxis(side)
        axis.setPen(pg.mkPen(palette.text_muted))
        axis.setTextPen(pg.mkPen(palette.text))


def pen(color: str, width: float = 1.6) -> Any:
    return pg.mkPen(color, width=width)
