"""Traces shown with a quiz question: drawn from the same model as the EMG lab, so a learner
reads in the quiz what they heard in the lab."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.ui.theme import Theme
from app.ui.widgets import label


class TraceThumb(QWidget):
    """One trace sample, drawn as a line (negative up), with its sweep length below."""

    def __init__(self, sample_id: str, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from app.domain.emg.samples import trace_sample  # numpy: only once a trace is shown

        self.sample = trace_sample(sample_id)
        self._theme = theme
        self.setMinimumSize(QSize(260, 90))

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self._theme.palette
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        painter.fillRect(area, QColor(palette.surface))
        painter.setPen(QPen(QColor(palette.border), 1))
        painter.drawRect(area)
        middle = area.center().y()
        painter.drawLine(QPointF(area.left(), middle), QPointF(area.right(), middle))
        painter.setPen(QPen(QColor(palette.accent), 1.2))
        painter.drawPolyline(self._points(area))
        painter.end()

    def _points(self, area: QRectF) -> QPolygonF:
        signal = self.sample.signal
        columns = max(2, int(area.width()))
        step = max(1, signal.size // columns)
        middle, half = area.center().y(), area.height() / 2
        span = self.sample.span_uv
        points = QPolygonF()
        for column in range(columns):
            chunk = signal[column * step : (column + 1) * step]
            if not chunk.size:
                break
            x = area.left() + column * area.width() / columns
            for value in (chunk.min(), chunk.max()):
                # Negative is drawn upward; values beyond the span are clipped at the edge.
                offset = max(-1.0, min(1.0, float(value) / span)) * half
                points.append(QPointF(x, middle + offset))
        return points


class TraceBoard(QWidget):
    """The traces of the current question: one with the prompt, or one per choice, numbered
    in the order the choices are shown."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(8)
        self.thumbs: list[TraceThumb] = []

    def show_traces(self, sample_ids: list[str], *, numbered: bool) -> None:
        while self._column.count():
            item = self._column.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.thumbs = []
        for number, sample_id in enumerate(sample_ids, start=1):
            if numbered:
                self._column.addWidget(label(f"Trace {number}", "eyebrow"))
            thumb = TraceThumb(sample_id, self._theme)
            thumb.setAccessibleName(f"Trace {number}" if numbered else "Trace")
            self._column.addWidget(thumb, 1)
            self.thumbs.append(thumb)
        scale = "1 s per trace (0.5 s during effort); box edge 600 µV at rest, 5 mV in effort"
        self._column.addWidget(label(f"{scale}; negative up", "small"))
        self.setVisible(bool(sample_ids))

    def clear(self) -> None:
        self.show_traces([], numbered=False)
